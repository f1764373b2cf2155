// decision-model.js against tests/golden/decision.json (Python's macros/model/values.py).
import test from "node:test";
import assert from "node:assert/strict";
import { loadModels, golden, plain, label } from "./models.mjs";

const ctx = loadModels("decision-model.js");
const M = ctx.LLGDecisionModel;
const D = golden("decision.json");
const config = D.config;

// Reasons as [fit, from, reason, page, source keys], as scripts/golden.py writes them.
function compact(result) {
  const reasons = {};
  for (const [o, rs] of Object.entries(result.reasons)) {
    reasons[o] = rs.map((r) => [r.fit, r.from, r.reason, r.page, r.sources.map((s) => s.href)]);
  }
  return { groups: plain(result.groups), reasons: plain(reasons) };
}

test("the options fall into the same groups, with the same reasons, as in Python", () => {
  assert.ok(D.fits.length > 1000);
  const seen = new Set();
  for (const [situation, size, answers, want] of D.fits) {
    assert.deepEqual(compact(M.fit(config, situation, size, answers)), want, label([situation, size, answers]));
    for (const g of Object.keys(want.groups)) if (want.groups[g].length) seen.add(g);
  }
  assert.deepEqual([...seen].sort(), ["fits", "less", "some"]);
});

test("no group is ever a ranking: each keeps the situation's order of options", () => {
  for (const [situation, size, answers] of D.fits) {
    const r = M.fit(config, situation, size, answers);
    const order = config.situations[situation] || [];
    for (const g of M.GROUPS) {
      const idx = plain(r.groups[g]).map((o) => order.indexOf(o));
      assert.deepEqual(idx, [...idx].sort((a, b) => a - b), label([situation, answers, g]));
    }
  }
});

test("size bands equal Python's", () => {
  for (const [mm, band] of D.bands) assert.equal(M.band(D.limits, mm), band, label(mm));
  assert.deepEqual(new Set(D.bands.map((b) => b[1])), new Set(["small", "medium", "large"]));
});

test("links are written as in Python", () => {
  for (const [state, query] of D.encodes) assert.equal(M.encode(config, state), query, label(state));
});

test("links, hostile ones too, are read into the same clean state and messages", () => {
  const codes = new Set();
  for (const [pairs, want] of D.decodes) {
    assert.deepEqual(plain(M.decode(config, pairs)), want, label(pairs));
    want.messages.forEach((m) => codes.add(m));
  }
  assert.deepEqual([...codes].sort(), [...D.messages].sort());
});

test("a link the model writes opens the same state (round trip through URLSearchParams)", () => {
  for (const [state] of D.encodes) {
    const query = M.encode(config, state);
    const back = M.decode(config, [...new URLSearchParams(query)]).state;
    assert.equal(M.encode(config, back), query, label(state));
  }
});

test("notes are cleaned and cut as in Python", () => {
  for (const [text, limit, clean, cut] of D.notes) assert.deepEqual(plain(M.cleanNote(text, limit)), [clean, cut], label(text));
});

test("ticked questions are written to and read from the link as in Python", () => {
  assert.ok(D.ticks.length > 200);
  let bad = 0;
  for (const [ids, ticked, value, want] of D.ticks) {
    if (ticked !== null) assert.equal(M.encodeTicks(ids, ticked), value, label(ticked));
    const got = plain(M.decodeTicks(ids, value));
    assert.deepEqual(got, want, label(value));
    if (ticked !== null) assert.deepEqual(got, [ticked, false], label(value)); // a written link reads back
    if (want[1]) bad += 1;
  }
  assert.ok(bad >= 5, "hostile q values are reported");
});

test("the figures another tool brought are written and read as in Python", () => {
  for (const [figures, query] of D.figures) assert.equal(M.encodeFigures(figures), query, label(figures));
  for (const [pairs, want] of D.figure_decodes) assert.deepEqual(plain(M.decodeFigures(pairs)), want, label(pairs));
  assert.ok(D.figure_decodes.some(([, w]) => w.bad) && D.figure_decodes.some(([, w]) => w.figures && w.figures.lo !== null));
});
