// The browser's companion model (docs/assets/javascripts/companion-model.js) against the
// cases the Python model wrote (tests/golden/companion.json). Run: node --test tests/js/
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
await import(here("../../docs/assets/javascripts/companion-model.js"));
const M = globalThis.LLGCompanionModel;
const golden = JSON.parse(readFileSync(here("../golden/companion.json"), "utf8"));

function compact(s) {
  return { ...s, rows: s.rows.map((r) => golden.row_keys.map((k) => (k === "times" ? r[k].join(" ") : r[k]))) };
}

test("golden file has a few hundred cases", () => {
  assert.ok(golden.cases.length >= 200);
});

test("every golden case gives the same schedule in JavaScript", () => {
  let rows = 0;
  for (const [i, c] of golden.cases.entries()) {
    const got = compact(M.schedule(c.plan, golden.limits));
    assert.deepEqual(got, c.expected, `case ${i}: ${JSON.stringify(c.plan)}`);
    rows += got.rows.length;
  }
  assert.ok(rows > 1000);
});

test("bad input is refused with the same field and code as Python", () => {
  const lim = golden.limits;
  const bad = [
    [{ target_mm: 50, segments: [{ start: "2027-02-29", rate: 1, steps: 4 }] }, "bad_date"],
    [{ target_mm: 50, segments: [{ start: "2027-01-01", rate: 1.5, steps: 4 }] }, "too_fast"],
    [{ target_mm: 50, segments: [{ start: "2027-01-01", rate: 1, steps: 7 }] }, "steps"],
    [{ target_mm: 0, segments: [{ start: "2027-01-01", rate: 1, steps: 4 }] }, "not_positive"],
  ];
  for (const [plan, code] of bad) {
    assert.throws(() => M.schedule(plan, lim), (e) => e.code === code);
  }
});
