// planner-model.js against tests/golden/planner.json (Python's macros/model/timeline.py and
// the words and chart of macros/render/timeline.py).
import test from "node:test";
import assert from "node:assert/strict";
import { loadModels, golden, number, plain, label } from "./models.mjs";

const ctx = loadModels("planner-model.js");
const M = ctx.LLGPlannerModel;
const G = golden("planner.json");
const s = G.strings;

const spanList = (span) => [span.min, span.typical, span.max];
const asSpan = (list) => ({ min: list[0], typical: list[1], max: list[2] });

test("every typed amount in every unit gives Python's millimetres or error code", () => {
  assert.ok(G.parseAmount.length > 4000);
  const codes = new Set();
  for (const [text, unit, want] of G.parseAmount) {
    const got = plain(M.parseAmount(text, unit, G.model, G.unitsTyped));
    const expected = Object.fromEntries(Object.entries(want).map(([k, v]) => [k, number(v)]));
    assert.deepEqual(got, expected, label([text, unit]));
    codes.add(want.error || "value");
    if (want.unit) codes.add("typed " + want.unit);
  }
  // every code the planner can give is among the cases
  for (const code of ["value", "amount_missing", "amount_not_number", "amount_unit", "amount_not_positive", "query",
                      "amount_question", "amount_too_large", "amount_implausible_low", "amount_implausible_high",
                      "typed mm", "typed cm", "typed in"]) {
    assert.ok(codes.has(code), code);
  }
});

test("every phase boundary, milestone, order, summary and chart equals Python's", () => {
  assert.ok(G.timelines.length > 1000);
  for (const c of G.timelines) {
    const where = label([c.amount, c.bone, c.method]);
    const tl = M.compute(G.model, c.amount, c.bone, c.method);
    for (const pid of M.PHASES) {
      assert.deepEqual(plain(tl.phases[pid].map(spanList)), c.phases[pid], where + " " + pid);
    }
    assert.deepEqual(Object.keys(tl.phases), Object.keys(c.phases), where);
    for (const mid of M.MILESTONES) assert.deepEqual(plain(spanList(tl.milestones[mid])), c.milestones[mid], where + " " + mid);
    assert.deepEqual(Object.keys(tl.milestones), Object.keys(c.milestones), where);
    for (const k of Object.keys(c.totals)) assert.deepEqual(plain(spanList(tl.totals[k])), c.totals[k], where + " " + k);
    assert.deepEqual(plain(tl.warnings), c.warnings, where);
    assert.deepEqual(plain(tl.used), G.used[c.bone + " " + c.method], where);
    assert.deepEqual(plain(M.milestoneOrder(tl)), c.order, where);
    assert.equal(M.summaryText(s, tl), c.summary, where);
    for (const mid of M.MILESTONES) assert.equal(M.dayText(s, tl.milestones[mid]), c.milestoneTexts[mid], where + " " + mid);
    const chart = M.chartLayout(tl);
    for (const k of Object.keys(G.chartFrame)) assert.equal(chart[k], G.chartFrame[k], where + " " + k);
    assert.deepEqual(plain({ scaleEnd: chart.scaleEnd, ticks: chart.ticks.map((t) => [t.month, t.day, t.x]),
                       rows: chart.rows.map((r) => [r.y, r.rangeX, r.rangeWidth, r.barX, r.barWidth]) }),
                     c.chart, where + " chart");
    assert.deepEqual(plain(chart.rows.map((r) => r.phase)), plain(M.PHASES), where);
    for (const unit of M.UNITS) assert.equal(M.amountText(s, c.amount, unit), c.amountText[unit], where + " " + unit);
  }
});

test("operation dates are read as Python reads them", () => {
  for (const [text, want] of G.parseDate) {
    const got = M.parseDate(text);
    if (want === null) assert.deepEqual(plain(got), { value: null }, label(text));
    else if (typeof want === "string") {
      assert.equal(typeof got.value, "number", label([text, "Python reads", want]));
      assert.equal(M.iso(got.value), want, label(text));
    }
    else assert.deepEqual(plain(got), { error: "date" }, label(text));
  }
});

test("each milestone's calendar date and its words equal Python's", () => {
  // the DOM's date format (planner.js): day, short month, year from the page's format
  assert.ok(G.dated.length > 30);
  for (const c of G.dated) {
    const start = M.parseDate(c.date).value;
    const day = (d) => M.dateText(s, M.dateOf(start, d));
    const tl = M.compute(G.model, c.amount, c.bone, c.method);
    for (const mid of M.MILESTONES) {
      const span = tl.milestones[mid];
      assert.deepEqual(plain(spanList(span).map((d) => M.iso(M.dateOf(start, d)))), c.milestones[mid], label([c.date, mid]));
      assert.equal(M.dayText(s, span, day), c.milestoneTexts[mid], label([c.date, mid]));
    }
    for (const pid of M.PHASES) {
      assert.deepEqual(plain(tl.phases[pid].map((span) => M.dayText(s, span, day))), c.phaseTexts[pid], label([c.date, pid]));
    }
  }
});

test("months and days convert as in Python (halves up)", () => {
  for (const [m, days] of G.monthsToDays) assert.equal(M.monthsToDays(m), days, label(m));
  for (const [d, m] of G.months) assert.equal(M.months(d), m, label(d));
  assert.equal(M.dayText(s, asSpan([3, 3, 3])), G.strings.day_single.replace("{typical}", "3"));
});
