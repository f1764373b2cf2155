// growth-model.js against tests/golden/growth.json (Python's macros/model/growth.py and the
// words of macros/render/growth.py).
import test from "node:test";
import assert from "node:assert/strict";
import { loadModels, golden, plain, label } from "./models.mjs";

const ctx = loadModels("growth-model.js");
const G = ctx.LLGGrowthModel;
const U = ctx.LLGUnitsModel;
const D = golden("growth.json");
const js = D.strings, model = D.model;

// data-modulation-age-months-min -> modulationAgeMonthsMin (the element's dataset key)
const datasetKey = (name) => name.replace(/^data-/, "").replace(/-([a-z])/g, (m, c) => c.toUpperCase());

test("the form's and the link's values give Python's inputs or error codes", () => {
  assert.ok(D.parseInputs.length > 1000);
  const codes = new Set();
  for (const [query, want] of D.parseInputs) {
    assert.deepEqual(plain(G.parseInputs(model, D.sexes, query, D.unitsTyped)), want, label(query));
    want.errors.forEach((c) => codes.add(c));
  }
  assert.deepEqual([...codes].sort(), Object.keys(js.errors).sort());
});

test("every prediction, range, band, timing, hook and sentence equals Python's", () => {
  assert.ok(D.predictions.length > 800);
  const seen = new Set();
  for (const c of D.predictions) {
    const where = label([c.sex, c.age, c.diff, c.unit]);
    const current = U.toMm(U.parseDecimal(c.diff), c.unit);
    assert.equal(current, c.current, where);
    const p = G.predict(model, c.sex, c.age, current);
    for (const k of ["multiplier", "predicted", "min", "max", "band", "bandMin", "bandMax"]) assert.equal(p[k], c[k], where + " " + k);
    assert.deepEqual(plain(p.timing), c.timing, where);
    const attrs = Object.fromEntries(Object.entries(c.attrs).map(([k, v]) => [datasetKey(k), v]));
    assert.deepEqual(plain(G.dataAttributes(p, c.unit)), attrs, where);
    assert.deepEqual(plain(G.resultParts(js, p, c.unit)), c.parts, where);
    seen.add(c.band + (c.timing ? " " + c.timing.status : "") + (c.bandMin !== c.bandMax ? " crosses" : ""));
  }
  for (const kind of ["lift", "lengthening", "modulation ahead", "modulation now", "modulation passed", "lift crosses"]) {
    assert.ok(seen.has(kind), kind);
  }
});

test("the multiplier table is read and shifted as in Python", () => {
  for (const [sex, age, m, later, sooner] of D.multipliers) {
    assert.equal(G.multiplier(model, sex, age), m, label([sex, age]));
    assert.equal(G.multiplierClamped(model, sex, age - model.timing_shift_months), later, label([sex, age]));
    assert.equal(G.multiplierClamped(model, sex, age + model.timing_shift_months), sooner, label([sex, age]));
  }
  for (const [mm, band] of D.bands) assert.equal(G.band(model, mm), band, label(mm));
});

test("ages, lengths and error messages are worded as in Python", () => {
  for (const [age, text] of D.ageTexts) assert.equal(G.ageText(js, age), text, label(age));
  for (const [mm, unit, text] of D.lengthTexts) assert.equal(G.lengthText(js, mm, unit), text, label([mm, unit]));
  for (const [unit, texts] of Object.entries(D.errorTexts)) {
    for (const [code, text] of Object.entries(texts)) assert.equal(G.errorText(js, model, code, unit), text, code + " " + unit);
  }
});
