// units-model.js against tests/golden/units.json (Python's macros/model/units.py).
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { loadModels, golden, number, label, SCRIPTS } from "./models.mjs";

const U = loadModels().LLGUnitsModel;
const G = golden("units.json");

test("a typed number is read as Python reads it (a point or a comma)", () => {
  assert.ok(G.parseDecimal.length > 1000);
  for (const [text, want] of G.parseDecimal) {
    assert.equal(U.parseDecimal(text), want === null ? null : number(want), label(text));
  }
});

test("an amount typed with its unit is split as Python splits it", () => {
  assert.ok(G.splitUnit.length > 1000);
  const units = new Set();
  for (const [text, number, unit] of G.splitUnit) {
    assert.deepEqual(plainSplit(U.splitUnit(text, G.unitsTyped)), { number, unit }, label(text));
    if (unit) units.add(unit);
  }
  // every unit is among the cases, and a typed "4 cm" is read as 4 in cm
  assert.deepEqual([...units].sort(), ["cm", "in", "mm"]);
  assert.deepEqual(plainSplit(U.splitUnit("4 cm", G.unitsTyped)), { number: "4", unit: "cm" });
});

function plainSplit(r) { return { number: r.number, unit: r.unit }; }

test("mm, cm and inches convert and round for display as in Python", () => {
  const units = G.convert.units;
  assert.deepEqual(units, Array.from(U.UNITS));
  for (const row of G.convert.rows) {
    const value = row[0];
    units.forEach((unit, i) => {
      assert.equal(U.toMm(value, unit), row[1 + 2 * i], label([value, unit, "toMm"]));
      assert.equal(U.fromMm(value, unit), row[2 + 2 * i], label([value, unit, "fromMm"]));
    });
  }
});

test("the unit suggested for an unlikely amount is Python's", () => {
  const ranges = Object.fromEntries(G.ranges.map((r) => [r.name, r]));
  for (const [name, value, unit, want] of G.suggestUnit) {
    const r = ranges[name];
    assert.equal(U.suggestUnit(value, unit, r.low, r.high), want, label([name, value, unit]));
  }
});

test("one rounding rule: halves up, to whole numbers and to tenths, printed as Python prints them", () => {
  for (const [x, whole, tenth, text] of G.rounding) {
    assert.equal(U.halfUp(x), whole, label(x));
    assert.equal(U.round1(x), tenth, label(x));
    assert.equal(U.num(U.round1(x)), text, label(x));
  }
});

test("one decimal as JavaScript's toFixed writes it (the chart's positions)", () => {
  assert.ok(G.toFixed1.length > 5000);
  for (const [x, text] of G.toFixed1) assert.equal(x.toFixed(1), text, label(x));
});

test("the model scripts use no DOM, storage or network", () => {
  const forbidden = /\b(window|document|localStorage|sessionStorage|indexedDB|fetch|XMLHttpRequest|navigator|location|history|setTimeout|import)\b/;
  for (const file of fs.readdirSync(SCRIPTS).filter((f) => f.endsWith("-model.js"))) {
    const code = fs.readFileSync(path.join(SCRIPTS, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    assert.doesNotMatch(code, forbidden, file);
  }
});
