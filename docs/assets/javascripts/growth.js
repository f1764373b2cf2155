/* Growth estimator: the predicted leg length difference at the end of growth.
 *
 * The arithmetic and the result's words are in growth-model.js and units-model.js (loaded
 * before this file by widgets.js; node --test tests/js/ checks them against Python); this
 * file is the DOM wiring. The data (the multiplier table, bands, growth rates) and every
 * word come from the JSON embedded by macros/render/growth.py, which reads
 * data/parameters.yml and data/strings.en.yml.
 *
 * Material's instant navigation swaps pages without a reload, so we initialise inside
 * document$.subscribe and mark each widget so it is set up once. Only textContent is
 * used: nothing from the URL or the form is ever parsed as HTML. A difference typed with
 * its unit ("4 cm", "1,5 in") is read in that unit: the unit choice moves to it and the
 * address carries the number and the unit apart.
 */
(function () {
  "use strict";

  var G = globalThis.LLGGrowthModel, U = globalThis.LLGUnitsModel;
  var UNITS = U.UNITS, FIELDS = G.FIELDS, ERROR_FIELD = G.ERROR_FIELD;
  var fill = U.fill, parseDecimal = U.parseDecimal, toMm = U.toMm, suggestUnit = U.suggestUnit;
  var parseInputs = G.parseInputs, predict = G.predict, resultParts = G.resultParts, errorText = G.errorText;

  /* ---- the widget ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // After Estimate: bring the result into view if it is below the fold, gently (at once when
  // the reader asks for reduced motion).
  function showResult(widget) {
    var result = widget.querySelector(".app-growth-result") || widget.querySelector(".app-growth__output > *");
    if (!result || !result.scrollIntoView) return;
    var box = result.getBoundingClientRect();
    if (box.top >= 0 && box.top < window.innerHeight * 0.75) return;
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    result.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }

  // state: {touched: {field: true}, all: bool (Estimate pressed or a link), keep: "diff|unit" confirmed}
  function render(widget, data, query, state) {
    var model = data.model, js = data.strings;
    var output = widget.querySelector(".app-growth__output");
    var question = widget.querySelector(".app-growth__question");
    var parsed = parseInputs(model, data.sexes, query, data.units_typed);
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
      var meant = U.numberText(raw, js.format) + " " + js.unit_words[suggest];
      question.appendChild(el("p", null, fill(js.question, { amount: meant })));
      var fix = el("button", "md-button md-button--primary", fill(js.question_fix, { amount: meant }));
      fix.type = "button";
      fix.dataset.fixUnit = suggest;
      question.appendChild(fix);
      if (toMm(raw, unit) < low) {
        var keep = el("button", "md-button", fill(js.question_keep, { amount: U.numberText(raw, js.format) + " " + js.unit_words[unit] }));
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
        var item = el("li", null, errorText(js, model, code, query.unit));
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
    var attrs = G.dataAttributes(p, i.unit);
    Object.keys(attrs).forEach(function (k) { result.dataset[k] = attrs[k]; });
    resultParts(js, p, i.unit).forEach(function (part) {
      result.appendChild(el("p", "app-growth-result__" + part[0], part[1]));
    });
    output.appendChild(result);
    // What to read next: the page of each option group the range touches, then the questions.
    var links = data.links || {};
    // the central prediction's group first, then the others the range reaches
    var groups = [p.band].concat(G.bandsCrossed(p).filter(function (b) { return b !== p.band; }));
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
    // The decision aid, opened for a growing child and the predicted difference's size band.
    var D = globalThis.LLGDecisionModel;
    if (data.decision && D) {
      var p2 = el("p", "app-growth-next__decision");
      var a2 = el("a", null, js.decision_link);
      // with the predicted difference and its range (mm, language-neutral), for the summary
      var figures = D.encodeFigures ? D.encodeFigures({ d: p.predicted, lo: p.min, hi: p.max }) : "";
      a2.href = data.decision.href + "?s=child&b=" + D.band(data.decision.limits, p.predicted) + (figures ? "&" + figures : "");
      a2.dataset.decisionLink = "";
      p2.appendChild(a2);
      output.appendChild(p2);
    }
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

  /* A difference typed with its unit ("4 cm") wins over the unit choice: the choice moves
     to it and the query holds the number and the unit apart (as the address carries them). */
  function typedUnit(form, query, words) {
    var split = U.splitUnit(query.diff, words);
    if (!split.unit) return query;
    Array.prototype.forEach.call(form.elements.unit, function (r) { r.checked = r.value === split.unit; });
    return Object.assign({}, query, { diff: split.number, unit: split.unit });
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
    if (query.diff !== null) query = typedUnit(form, query, data.units_typed);
    // A link's values are checked at once; a person typing sees a message only for a field
    // they have left, or after pressing Estimate.
    var state = { touched: {}, all: fromLink, keep: null, fromLink: fromLink && query.unit !== null };
    render(widget, data, query, state);
    function update() {
      var q = typedUnit(form, readForm(form), data.units_typed);
      var url = new URL(window.location.href);
      // a link is the same in every language: a number is written with a point ("4,5" -> 4.5)
      FIELDS.forEach(function (f) { url.searchParams.set(f, f === "diff" ? U.linkNumber(q[f]) : q[f]); });
      window.history.replaceState(window.history.state, "", url.toString());
      state.fromLink = false;
      state.started = true;
      render(widget, data, q, state);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      state.all = true;
      update();
      showResult(widget);
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
        // a unit typed in the box would win again: the box keeps the number alone
        var typed = U.splitUnit(form.elements.diff.value, data.units_typed);
        if (typed.unit) form.elements.diff.value = typed.number;
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

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
