/* Leg Length Guide: the growth estimator's arithmetic and words (model only).
 *
 * The browser copy of macros/model/growth.py (multiplier, predict, timing, parse_inputs)
 * and of macros/render/growth.py (age_text, length_text, result_parts, data_attributes,
 * error_text): same operations in the same order, same rounding. The data and every word
 * come from the JSON that macros/render/growth.py embeds in the page. node --test
 * tests/js/ checks this file against tests/golden/growth.json, which Python writes.
 *
 * A classic script loaded after units-model.js (not an ES module: Chromium refuses module
 * scripts under file://). No DOM, no storage, no network: it only sets
 * globalThis.LLGGrowthModel.
 */
(function (root) {
  "use strict";

  var U = root.LLGUnitsModel;
  var fill = U.fill, halfUp = U.halfUp, round1 = U.round1, num = U.num;
  var UNITS = U.UNITS;
  var FIELDS = ["sex", "years", "months", "diff", "unit"];
  var BANDS = ["lift", "modulation", "lengthening"];
  var ERROR_ORDER = ["sex", "years", "months", "diff", "diff_negative", "diff_zero", "diff_too_big", "unit", "age_range"];
  // The field each error is about: an error shows only once its field was left (or on Estimate).
  var ERROR_FIELD = { sex: "sex", years: "years", months: "months", diff: "diff", diff_negative: "diff",
                      diff_zero: "diff", diff_too_big: "diff", unit: "unit", age_range: "years" };
  var WHOLE = /^\d{1,3}$/;
  var NEGATIVE = /^-\s*\d+(\.\d+)?$/;

  /* ---- model (macros/model/growth.py) ---- */
  function multiplier(model, sex, age) {
    var ages = model.ages, ms = model.multipliers[sex];
    for (var i = 0; i < ages.length - 1; i++) {
      var a0 = ages[i], a1 = ages[i + 1];
      if (age === a0) return ms[i];
      if (a0 < age && age < a1) return ms[i] + (ms[i + 1] - ms[i]) * (age - a0) / (a1 - a0);
    }
    return ms[ms.length - 1];
  }

  function multiplierClamped(model, sex, age) {
    return multiplier(model, sex, Math.min(Math.max(age, model.ages[0]), model.ages[model.ages.length - 1]));
  }

  function band(model, mm) {
    if (mm <= model.lift_max_mm) return "lift";
    if (mm <= model.modulation_max_mm) return "modulation";
    return "lengthening";
  }

  function timing(model, sex, age, predicted) {
    var end = model.end_age_years[sex] * 12;
    var earliest = halfUp(end - predicted / model.femur_mm_per_year * 12);
    var latest = halfUp(end - predicted / (model.femur_mm_per_year + model.tibia_mm_per_year) * 12);
    var status;
    if (age >= end) status = "over";
    else if (age > latest) status = "passed";
    else if (age >= earliest) status = "now";
    else status = "ahead";
    return { earliest: earliest, latest: latest, status: status };
  }

  function predict(model, sex, age, currentMm) {
    var m = multiplier(model, sex, age);
    var predicted = currentMm * m;
    var error = model.measurement_error_mm * m;
    var low = Math.max(0.0, currentMm * multiplierClamped(model, sex, age + model.timing_shift_months) - error);
    var high = currentMm * multiplierClamped(model, sex, age - model.timing_shift_months) + error;
    var b = band(model, predicted);
    return {
      sex: sex, age: age, current: currentMm, multiplier: m, predicted: predicted, min: low, max: high,
      band: b, bandMin: band(model, low), bandMax: band(model, high),
      timing: b === "modulation" ? timing(model, sex, age, predicted) : null
    };
  }

  /* The form's or the link's values: {inputs, errors} (macros/model/growth.py parse_inputs).
     A difference typed with its unit ("4 cm": U.splitUnit with words, js.units_typed) is
     read in that unit, whatever the unit field says. */
  function parseInputs(model, sexes, query, words) {
    var present = FIELDS.filter(function (f) { return query[f] !== null && query[f] !== undefined; });
    if (!present.length) return { inputs: null, errors: [] };
    var get = {};
    FIELDS.forEach(function (f) { get[f] = query[f] === null || query[f] === undefined ? "" : String(query[f]).trim(); });
    var split = U.splitUnit(get.diff, words);
    if (split.unit) { get.diff = split.number; get.unit = split.unit; }
    var errors = [];
    var sex = get.sex;
    if (sexes.indexOf(sex) < 0) errors.push("sex");
    var years = WHOLE.test(get.years) ? parseInt(get.years, 10) : null;
    if (years === null) errors.push("years");
    var months = get.months === "" ? 0 : (WHOLE.test(get.months) ? parseInt(get.months, 10) : null);
    if (months === null || months > 11) { errors.push("months"); months = null; }
    var raw = get.diff;
    var diff = U.parseDecimal(raw);
    if (diff !== null) { /* a number */ }
    else if (NEGATIVE.test(raw.replace(",", "."))) errors.push("diff_negative");
    else errors.push("diff");
    var unit = get.unit || "mm";
    if (UNITS.indexOf(unit) < 0) errors.push("unit");
    if (diff !== null) {
      var mm = UNITS.indexOf(unit) >= 0 ? U.toMm(diff, unit) : diff;
      if (diff === 0) { errors.push("diff_zero"); diff = null; }
      else if (!(mm <= model.max_current_mm)) { errors.push("diff_too_big"); diff = null; }
    }
    if (years !== null && months !== null) {
      var age = years * 12 + months;
      if (!(model.ages[0] <= age && age <= model.ages[model.ages.length - 1])) errors.push("age_range");
    }
    errors.sort(function (a, b) { return ERROR_ORDER.indexOf(a) - ERROR_ORDER.indexOf(b); });
    if (errors.length) return { inputs: null, errors: errors };
    return { inputs: { sex: sex, years: years, months: months, diff: diff, unit: unit }, errors: [] };
  }

  /* ---- words (macros/render/growth.py) ---- */
  function ageText(js, age) {
    var years = Math.floor(age / 12), months = age % 12;
    var y = fill(js.age_years[U.pluralForm(years, js.format)] || js.age_years.other, { n: U.numberText(years, js.format) });
    var m = fill(js.age_months[U.pluralForm(months, js.format)] || js.age_months.other, { n: U.numberText(months, js.format) });
    if (months === 0) return y;
    if (years === 0) return m;
    return fill(js.age_and, { years: y, months: m });
  }

  function lengthText(js, mm, unit) {
    var whole = U.numberText(halfUp(mm), js.format);
    if (unit === "cm") return fill(js.length_cm, { cm: U.numberText(round1(mm / 10), js.format), mm: whole });
    if (unit === "in") return fill(js.length_in, { inches: U.numberText(round1(mm / U.MM_PER_INCH), js.format), mm: whole });
    return fill(js.length_mm, { mm: whole });
  }

  /* The result as [kind, sentence] pairs, in reading order. */
  function resultParts(js, p, unit) {
    var parts = [
      ["summary", fill(js.summary, { sex: js.sex[p.sex], age: ageText(js, p.age), current: lengthText(js, p.current, unit) })],
      ["predicted", fill(js.predicted, { predicted: lengthText(js, p.predicted, unit) })],
      ["range", fill(js.range, { min: lengthText(js, p.min, unit), max: lengthText(js, p.max, unit) })],
      ["band", js.band[p.band]],
      ["band-name", fill(js.band_words, { name: js.band_name[p.band] })]
    ];
    if (p.bandMin !== p.bandMax) {
      parts.push(["band-uncertain", fill(js.band_crosses, {
        names: bandsCrossed(p).map(function (b) { return js.band_name[b]; }).join(js.band_join) })]);
    }
    if (p.timing) {
      var t = p.timing;
      if (t.status !== "over") {
        var low = halfUp(t.earliest / 12), high = halfUp(t.latest / 12);
        parts.push(["timing", low === high ? fill(js.timing.single, { low: low }) : fill(js.timing.range, { low: low, high: high })]);
      }
      parts.push(["timing-status", js.timing[t.status]]);
    }
    parts.push(["decide", js.decide]);
    return parts;
  }

  /* The bands from the low end of the range to its high end. */
  function bandsCrossed(p) { return BANDS.slice(BANDS.indexOf(p.bandMin), BANDS.indexOf(p.bandMax) + 1); }

  /* The result's stable hooks, as dataset keys (data-current-mm is currentMm). */
  function dataAttributes(p, unit) {
    var attrs = {
      sex: p.sex, ageMonths: String(p.age), unit: unit,
      currentMm: num(round1(p.current)), predictedMm: num(round1(p.predicted)),
      predictedMmMin: num(round1(p.min)), predictedMmMax: num(round1(p.max)), band: p.band
    };
    if (p.timing) {
      attrs.modulationAgeMonthsMin = String(p.timing.earliest);
      attrs.modulationAgeMonthsMax = String(p.timing.latest);
    }
    return attrs;
  }

  /* The message for an input error; the "for example" number follows the chosen unit. */
  function errorText(js, model, code, unit) {
    var examples = js.diff_examples || {};
    return fill(js.errors[code], {
      example: Object.prototype.hasOwnProperty.call(examples, unit) ? examples[unit] : examples.mm,
      max_mm: U.numberText(model.max_current_mm, js.format),
      min_age: ageText(js, model.ages[0]),
      max_age: ageText(js, model.ages[model.ages.length - 1])
    });
  }

  root.LLGGrowthModel = Object.freeze({
    FIELDS: FIELDS, BANDS: BANDS, ERROR_FIELD: ERROR_FIELD,
    multiplier: multiplier, multiplierClamped: multiplierClamped, band: band, timing: timing, predict: predict,
    parseInputs: parseInputs, ageText: ageText, lengthText: lengthText, resultParts: resultParts,
    bandsCrossed: bandsCrossed, dataAttributes: dataAttributes, errorText: errorText
  });
})(globalThis);
