/* Growth estimator: the predicted leg length difference at the end of growth.
 *
 * The arithmetic mirrors macros/model/growth.py step by step (same operations, same order,
 * same rounding); a browser test checks both give the same answer. The data (the
 * multiplier table, bands, growth rates) and every word come from the JSON embedded
 * by macros/render/growth.py, which reads data/parameters.yml and data/strings.en.yml.
 *
 * Material's instant navigation swaps pages without a reload, so we initialise inside
 * document$.subscribe and mark each widget so it is set up once. Only textContent is
 * used: nothing from the URL or the form is ever parsed as HTML.
 */
(function () {
  "use strict";

  var MM_PER_INCH = 25.4; // a unit conversion, not a clinical number
  var MM_PER = { mm: 1, cm: 10, "in": MM_PER_INCH };
  var UNITS = ["mm", "cm", "in"];
  var FIELDS = ["sex", "years", "months", "diff", "unit"];
  var ERROR_ORDER = ["sex", "years", "months", "diff", "diff_negative", "diff_zero", "diff_too_big", "unit", "age_range"];
  // The field each error is about: an error shows only once its field was left (or on Estimate).
  var ERROR_FIELD = { sex: "sex", years: "years", months: "months", diff: "diff", diff_negative: "diff",
                      diff_zero: "diff", diff_too_big: "diff", unit: "unit", age_range: "years" };
  var WHOLE = /^\d{1,3}$/;
  var NEGATIVE = /^-\s*\d+(\.\d+)?$/;

  /* ---- numbers and units (macros/model/units.py, the same rules as the planner) ---- */
  function parseDecimal(text) {
    var t = String(text == null ? "" : text).trim();
    if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
    return Number(t.replace(",", "."));
  }
  function toMm(value, unit) { return value * MM_PER[unit]; }
  function suggestUnit(value, unit, low, high) {
    var mm = toMm(value, unit);
    if (low <= mm && mm <= high) return null;
    var order = ["cm", "mm", "in"];
    for (var i = 0; i < order.length; i++) {
      var u = order[i], x = toMm(value, u);
      if (u !== unit && low <= x && x <= high) return u;
    }
    return null;
  }

  var BANDS = ["lift", "modulation", "lengthening"];

  function halfUp(x) { return Math.floor(x + 0.5); }
  function round1(x) { return Math.floor(x * 10 + 0.5) / 10; }
  function num(x) { return String(x); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

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

  function parseInputs(model, sexes, query) {
    var present = FIELDS.filter(function (f) { return query[f] !== null && query[f] !== undefined; });
    if (!present.length) return { inputs: null, errors: [] };
    var get = {};
    FIELDS.forEach(function (f) { get[f] = query[f] === null || query[f] === undefined ? "" : String(query[f]).trim(); });
    var errors = [];
    var sex = get.sex;
    if (sexes.indexOf(sex) < 0) errors.push("sex");
    var years = WHOLE.test(get.years) ? parseInt(get.years, 10) : null;
    if (years === null) errors.push("years");
    var months = get.months === "" ? 0 : (WHOLE.test(get.months) ? parseInt(get.months, 10) : null);
    if (months === null || months > 11) { errors.push("months"); months = null; }
    var raw = get.diff;
    var diff = parseDecimal(raw);
    if (diff !== null) { /* a number */ }
    else if (NEGATIVE.test(raw.replace(",", "."))) errors.push("diff_negative");
    else errors.push("diff");
    var unit = get.unit || "mm";
    if (UNITS.indexOf(unit) < 0) errors.push("unit");
    if (diff !== null) {
      var mm = UNITS.indexOf(unit) >= 0 ? toMm(diff, unit) : diff;
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
    var y = fill(js.age_years[years === 1 ? "one" : "other"], { n: years });
    var m = fill(js.age_months[months === 1 ? "one" : "other"], { n: months });
    if (months === 0) return y;
    if (years === 0) return m;
    return fill(js.age_and, { years: y, months: m });
  }

  function lengthText(js, mm, unit) {
    var whole = String(halfUp(mm));
    if (unit === "cm") return fill(js.length_cm, { cm: num(round1(mm / 10)), mm: whole });
    if (unit === "in") return fill(js.length_in, { inches: num(round1(mm / MM_PER_INCH)), mm: whole });
    return fill(js.length_mm, { mm: whole });
  }

  function resultParts(js, p, unit) {
    var parts = [
      ["summary", fill(js.summary, { sex: js.sex[p.sex], age: ageText(js, p.age), current: lengthText(js, p.current, unit) })],
      ["predicted", fill(js.predicted, { predicted: lengthText(js, p.predicted, unit) })],
      ["range", fill(js.range, { min: lengthText(js, p.min, unit), max: lengthText(js, p.max, unit) })],
      ["band", js.band[p.band]],
      ["band-name", fill(js.band_words, { name: js.band_name[p.band] })]
    ];
    if (p.bandMin !== p.bandMax) {
      var crossed = BANDS.slice(BANDS.indexOf(p.bandMin), BANDS.indexOf(p.bandMax) + 1);
      parts.push(["band-uncertain", fill(js.band_crosses, {
        names: crossed.map(function (b) { return js.band_name[b]; }).join(js.band_join) })]);
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

  function errorText(js, model, code) {
    return fill(js.errors[code], {
      max_mm: num(model.max_current_mm),
      min_age: ageText(js, model.ages[0]),
      max_age: ageText(js, model.ages[model.ages.length - 1])
    });
  }

  /* ---- the widget ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // state: {touched: {field: true}, all: bool (Estimate pressed or a link), keep: "diff|unit" confirmed}
  function render(widget, data, query, state) {
    var model = data.model, js = data.strings;
    var output = widget.querySelector(".app-growth__output");
    var question = widget.querySelector(".app-growth__question");
    var parsed = parseInputs(model, data.sexes, query);
    output.replaceChildren();
    var raw = parseDecimal(query.diff);
    var unit = UNITS.indexOf(query.unit) >= 0 ? query.unit : null;
    var low = model.plausible_min_mm, high = model.max_current_mm;
    var diffDone = state.all || state.touched.diff;
    // "Did you mean 4 cm?": a number that is unlikely in its unit, once the field was left.
    var suggest = null;
    if (raw !== null && raw > 0 && unit && diffDone && low && state.keep !== query.diff + "|" + unit) {
      var mmNow = toMm(raw, unit);
      if (mmNow < low && !state.fromLink) suggest = suggestUnit(raw, unit, low, high);
      if (mmNow > high) suggest = suggestUnit(raw, unit, low, high);
    }
    // The same question stays as it is: a tap on its button blurs the field, and a rebuilt
    // button would lose that tap.
    var key = suggest ? query.diff + "|" + unit + "|" + suggest : "";
    if (question.getAttribute("data-key") !== key || !key) {
      question.setAttribute("data-key", key);
      question.replaceChildren();
    } else {
      if (!parsed.errors.length) return;
      suggest = null;
    }
    if (suggest) {
      var meant = String(raw) + " " + js.unit_words[suggest];
      question.appendChild(el("p", null, fill(js.question, { amount: meant })));
      var fix = el("button", "md-button md-button--primary", fill(js.question_fix, { amount: meant }));
      fix.type = "button";
      fix.dataset.fixUnit = suggest;
      question.appendChild(fix);
      if (toMm(raw, unit) < low) {
        var keep = el("button", "md-button", fill(js.question_keep, { amount: String(raw) + " " + js.unit_words[unit] }));
        keep.type = "button";
        keep.dataset.keep = query.diff + "|" + unit;
        question.appendChild(keep);
      }
      if (!parsed.errors.length) return;
    }
    var shown = parsed.errors.filter(function (code) { return state.all || state.touched[ERROR_FIELD[code]]; });
    if (!shown.length && parsed.errors.length && state.started) {
      // Not finished yet: say what is still needed, without calling anything an error.
      var need = [];
      parsed.errors.forEach(function (code) {
        var f = ERROR_FIELD[code];
        if (need.indexOf(f) < 0 && js.missing_fields[f]) need.push(f);
      });
      output.appendChild(el("p", "app-growth__status", fill(js.missing, {
        fields: need.map(function (f) { return js.missing_fields[f]; }).join(", ") })));
      return;
    }
    if (shown.length) {
      var box = el("div", "app-growth__errors");
      box.appendChild(el("p", "app-growth__errors-title", js.errors_heading));
      var list = el("ul");
      shown.forEach(function (code) {
        var item = el("li", null, errorText(js, model, code));
        item.dataset.error = code;
        list.appendChild(item);
      });
      box.appendChild(list);
      output.appendChild(box);
      return;
    }
    if (!parsed.inputs) return;
    var i = parsed.inputs;
    var currentMm = toMm(i.diff, i.unit);
    var p = predict(model, i.sex, i.years * 12 + i.months, currentMm);
    var result = el("div", "app-growth-result");
    var attrs = {
      sex: p.sex, ageMonths: String(p.age), unit: i.unit,
      currentMm: num(round1(p.current)), predictedMm: num(round1(p.predicted)),
      predictedMmMin: num(round1(p.min)), predictedMmMax: num(round1(p.max)), band: p.band
    };
    if (p.timing) {
      attrs.modulationAgeMonthsMin = String(p.timing.earliest);
      attrs.modulationAgeMonthsMax = String(p.timing.latest);
    }
    Object.keys(attrs).forEach(function (k) { result.dataset[k] = attrs[k]; });
    resultParts(js, p, i.unit).forEach(function (part) {
      result.appendChild(el("p", "app-growth-result__" + part[0], part[1]));
    });
    output.appendChild(result);
    // What to read next: the page of each option group the range touches, then the questions.
    var links = data.links || {};
    // the central prediction's group first, then the others the range reaches
    var groups = [p.band].concat(BANDS.slice(BANDS.indexOf(p.bandMin), BANDS.indexOf(p.bandMax) + 1)
      .filter(function (b) { return b !== p.band; }));
    var next = el("div", "app-growth-next");
    next.appendChild(el("p", "app-growth-next__title", js.read_next));
    var ul = el("ul");
    groups.concat(["questions"]).forEach(function (k) {
      if (!links[k]) return;
      var li = el("li"), a = el("a", null, links[k].text);
      a.href = links[k].href;
      a.dataset.next = k;
      li.appendChild(a); ul.appendChild(li);
    });
    next.appendChild(ul);
    output.appendChild(next);
  }

  function readForm(form) {
    var query = {};
    FIELDS.forEach(function (f) {
      var field = form.elements[f];
      if (!field) return;
      query[f] = field.value === undefined ? "" : field.value; // RadioNodeList.value is "" when none is checked
    });
    return query;
  }

  function fillForm(form, query) {
    FIELDS.forEach(function (f) {
      if (query[f] === null || query[f] === undefined) return;
      var field = form.elements[f];
      if (!field) return;
      if (field instanceof RadioNodeList) {
        Array.prototype.forEach.call(field, function (r) { r.checked = r.value === query[f]; });
      } else {
        field.value = query[f];
      }
    });
  }

  function setup(widget) {
    if (widget.dataset.appInit === "1") return;
    var form = widget.querySelector("form.app-growth__form");
    if (!form) return;
    var data;
    try { data = JSON.parse(widget.getAttribute("data-app-config")); } catch (e) { return; }
    widget.dataset.appInit = "1";
    var params = new URLSearchParams(window.location.search);
    var query = {};
    FIELDS.forEach(function (f) { query[f] = params.get(f); });
    var fromLink = FIELDS.some(function (f) { return query[f] !== null; });
    // The form starts in the edition's unit; a link without a unit means mm (the link format).
    var startUnit = fromLink ? "mm" : data.default_unit;
    Array.prototype.forEach.call(form.elements.unit, function (r) { r.checked = r.value === startUnit; });
    var nojs = widget.querySelector(".app-growth__noscript");
    if (nojs) nojs.remove(); // it is for readers without JavaScript only
    fillForm(form, query);
    // A link's values are checked at once; a person typing sees a message only for a field
    // they have left, or after pressing Estimate.
    var state = { touched: {}, all: fromLink, keep: null, fromLink: fromLink && query.unit !== null };
    render(widget, data, query, state);
    function update() {
      var q = readForm(form);
      var url = new URL(window.location.href);
      FIELDS.forEach(function (f) { url.searchParams.set(f, q[f]); });
      window.history.replaceState(window.history.state, "", url.toString());
      state.fromLink = false;
      state.started = true;
      render(widget, data, q, state);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      state.all = true;
      update();
    });
    // The result follows each key press, like the planner.
    form.addEventListener("input", update);
    // The unit says what the typed number is in: switching it never changes the number,
    // so 40 mm -> in -> mm gives 40 mm again (the "did you mean cm?" fix works the same way).
    form.addEventListener("change", function (event) {
      var name = event.target && event.target.name;
      if (name) state.touched[name] = true;
      update();
    });
    form.addEventListener("focusout", function (event) {
      var name = event.target && event.target.name;
      if (name && !state.touched[name] && event.target.value !== "") { state.touched[name] = true; update(); }
    });
    widget.querySelector(".app-growth__question").addEventListener("click", function (event) {
      var b = event.target.closest("button");
      if (!b) return;
      if (b.dataset.fixUnit) {
        Array.prototype.forEach.call(form.elements.unit, function (r) { r.checked = r.value === b.dataset.fixUnit; });
      } else if (b.dataset.keep) {
        state.keep = b.dataset.keep;
      }
      update();
      form.elements.diff.focus();
    });
  }

  function init() {
    var widgets = document.querySelectorAll("[data-app-widget='growth']");
    Array.prototype.forEach.call(widgets, setup);
  }

  window.appGrowthModel = { parseDecimal: parseDecimal, suggestUnit: suggestUnit, parseInputs: parseInputs };

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
