// The Swedish page's tools against Python with the Swedish strings (strings.sv.yml): numbers
// with a decimal comma and grouped as Babel groups them, Swedish dates and plural forms, the
// Swedish unit words typed after an amount. The cases are the "sv" parts and the formats of
// tests/golden/*.json, which scripts/golden.py writes.
import test from "node:test";
import assert from "node:assert/strict";
import { loadModels, golden, number, plain, label } from "./models.mjs";

const ctx = loadModels("planner-model.js", "growth-model.js", "companion-model.js");
const U = ctx.LLGUnitsModel, P = ctx.LLGPlannerModel, G = ctx.LLGGrowthModel, C = ctx.LLGCompanionModel;
const units = golden("units.json"), planner = golden("planner.json"), growth = golden("growth.json");
const companion = golden("companion.json");
const LANGS = Object.keys(units.formats);
const utc = (iso) => Date.parse(iso + "T00:00:00Z");

test("the formats are Babel's signs and names for en_GB and sv_SE", () => {
  assert.deepEqual(LANGS, ["en", "sv"]);
  const sv = units.formats.sv;
  assert.equal(sv.locale, "sv-SE");
  assert.equal(sv.decimal, ",");
  assert.equal(sv.group, "\u00a0");
  assert.equal(sv.months[2], "mars");
  assert.equal(sv.weekdays[1], "måndag");
  assert.equal(units.formats.en.decimal, ".");
});

test("numbers are written as Python writes them in each language", () => {
  assert.ok(units.numberText.length > 50);
  for (const [x, ...texts] of units.numberText) {
    LANGS.forEach((lang, i) => assert.equal(U.numberText(number(x), units.formats[lang]), texts[i], label([x, lang])));
  }
  const sv = units.formats.sv;
  assert.equal(U.numberText(0.75, sv), "0,75");
  assert.equal(U.numberText(12345.5, sv), "12\u00a0345,5");
  assert.equal(U.numberText(1095, sv), "1095");
  assert.equal(U.numberText(0.75), "0.75");
});

test("dates are written as Python writes them in each language", () => {
  assert.ok(units.dates.length > 60);
  for (const [iso, ...perLang] of units.dates) {
    LANGS.forEach((lang, i) => {
      const fmt = units.formats[lang], [short, long, shortParts] = perLang[i];
      assert.equal(U.shortDate(utc(iso), fmt), short, label([iso, lang]));
      assert.deepEqual(plain(U.dateParts(utc(iso), fmt, true)), long, label([iso, lang]));
      assert.deepEqual(plain(U.dateParts(utc(iso), fmt, false)), shortParts, label([iso, lang]));
    });
  }
  const sv = units.formats.sv, mon = U.dateParts(utc("2027-03-08"), sv, true);
  assert.equal([mon.weekday, mon.day, mon.month, mon.year].join(" "), "måndag 8 mars 2027");
  assert.equal(U.shortDate(utc("2027-03-01"), sv), "1 mars 2027");
});

test("a typed number is written in a link as Python writes it, the same in every language", () => {
  assert.ok(units.linkNumber.length > 500);
  for (const [text, want] of units.linkNumber) assert.equal(U.linkNumber(text), want, label(text));
  assert.equal(U.linkNumber(" 4,5 "), "4.5");
  assert.equal(U.linkNumber("4,5,6"), "4,5,6");
});

test("plural forms follow the locale as Babel gives them", () => {
  for (const [n, ...forms] of units.plural) {
    LANGS.forEach((lang, i) => assert.equal(U.pluralForm(n, units.formats[lang]), forms[i], label([n, lang])));
  }
});

test("Swedish unit words typed after an amount are read as in Python", () => {
  const words = units.sv.unitsTyped;
  assert.ok(words.in.includes("tum") && words.cm.includes("centimeter") && words.mm.includes("millimeter"));
  for (const [text, num, unit] of units.sv.splitUnit) assert.deepEqual(plain(U.splitUnit(text, words)), { number: num, unit }, label(text));
});

test("the Swedish planner reads, computes and words every case as Python", () => {
  const sv = planner.sv, s = sv.strings;
  assert.equal(s.format.decimal, ",");
  for (const [text, unit, want] of sv.parseAmount) {
    const expected = Object.fromEntries(Object.entries(want).map(([k, v]) => [k, number(v)]));
    assert.deepEqual(plain(P.parseAmount(text, unit, planner.model, sv.unitsTyped)), expected, label([text, unit]));
  }
  assert.ok(sv.timelines.length > 100);
  for (const c of sv.timelines) {
    const where = label([c.amount, c.bone, c.method]);
    const tl = P.compute(planner.model, c.amount, c.bone, c.method);
    assert.equal(P.summaryText(s, tl), c.summary, where);
    for (const mid of P.MILESTONES) assert.equal(P.dayText(s, tl.milestones[mid]), c.milestoneTexts[mid], where + " " + mid);
    for (const unit of P.UNITS) assert.equal(P.amountText(s, c.amount, unit), c.amountText[unit], where + " " + unit);
  }
  assert.ok(sv.dated.length > 10);
  for (const c of sv.dated) {
    const start = P.parseDate(c.date).value;
    const day = (d) => P.dateText(s, P.dateOf(start, d));
    const tl = P.compute(planner.model, c.amount, c.bone, c.method);
    for (const mid of P.MILESTONES) assert.equal(P.dayText(s, tl.milestones[mid], day), c.milestoneTexts[mid], label([c.date, mid]));
    for (const pid of P.PHASES) {
      assert.deepEqual(plain(tl.phases[pid].map((span) => P.dayText(s, span, day))), c.phaseTexts[pid], label([c.date, pid]));
    }
  }
  // what a Swedish reader sees: a decimal comma and Swedish month names
  assert.ok(sv.timelines.some((c) => /\d,\d+ mm/.test(c.amountText.cm)));
  assert.ok(sv.dated.some((c) => /\d mars \d{4}/.test(Object.values(c.milestoneTexts).join(" "))));
});

test("the Swedish growth estimator reads, predicts and words every case as Python", () => {
  const sv = growth.sv, js = sv.strings;
  for (const [query, want] of sv.parseInputs) {
    assert.deepEqual(plain(G.parseInputs(growth.model, growth.sexes, query, sv.unitsTyped)), want, label(query));
  }
  assert.ok(sv.predictions.length > 200);
  for (const c of sv.predictions) {
    const p = G.predict(growth.model, c.sex, c.age, c.current);
    assert.deepEqual(plain(G.resultParts(js, p, c.unit)), c.parts, label([c.sex, c.age, c.diff, c.unit]));
  }
  for (const [age, text] of sv.ageTexts) assert.equal(G.ageText(js, age), text, label(age));
  for (const [mm, unit, text] of sv.lengthTexts) assert.equal(G.lengthText(js, mm, unit), text, label([mm, unit]));
  for (const [unit, texts] of Object.entries(sv.errorTexts)) {
    for (const [code, text] of Object.entries(texts)) assert.equal(G.errorText(js, growth.model, code, unit), text, code + " " + unit);
  }
  assert.ok(sv.lengthTexts.some(([, unit, text]) => unit === "cm" && /^\d+,\d+ cm/.test(text)));
});

test("the companion words lengths, steps and dates as Python in each language", () => {
  assert.ok(companion.words.length >= 40);
  for (const [k, days, perLang] of companion.words) {
    const sched = C.schedule(companion.cases[k].plan, companion.limits);
    const rows = sched.rows.filter((r) => days.includes(r.day));
    for (const lang of LANGS) {
      const fmt = companion.formats[lang], [target, texts, long, short] = perLang[lang];
      assert.equal(C.mmText(sched.target, fmt), target, label([k, lang]));
      assert.deepEqual(plain(rows.map((r) => [C.mmText(r.total, fmt), C.stepText(r.step_mm, fmt)])), texts, label([k, lang]));
      const last = utc(rows[rows.length - 1].date);
      assert.deepEqual(plain(U.dateParts(last, fmt, true)), long, label([k, lang]));
      assert.deepEqual(plain(U.dateParts(last, fmt, false)), short, label([k, lang]));
    }
  }
});
