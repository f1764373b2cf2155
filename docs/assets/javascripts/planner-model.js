/* Leg Length Guide: the treatment-timeline planner's arithmetic (model only).
 *
 * The browser copy of macros/model/timeline.py (compute, parse_amount, parse_date) and of
 * the numbers macros/render/timeline.py puts in words and in the chart (chart_layout,
 * day_text, summary_text): same operations in the same order, same rounding. Every
 * clinical number comes from the JSON the planner() macro embeds in the page. node --test
 * tests/js/ checks this file against tests/golden/planner.json, which Python writes.
 *
 * A classic script loaded after units-model.js (not an ES module: Chromium refuses module
 * scripts under file://). No DOM, no storage, no network: it only sets
 * globalThis.LLGPlannerModel.
 */
(function (root) {
  "use strict";

  var U = root.LLGUnitsModel;
  var fill = U.fill;
  var BONES = ["femur", "tibia"];
  var METHODS = ["nail", "frame"];
  var UNITS = U.UNITS;
  var PHASES = ["latency", "distraction", "consolidation", "protected_walking", "return_to_activity"];
  var MILESTONES = ["surgery", "lengthening_start", "target_reached", "full_weight_bearing", "removal", "return_to_sport"];
  var SCENARIOS = ["min", "typical", "max"];
  var DAYS_PER_MONTH = 365.25 / 12; // a calendar constant, not a clinical number
  var DAY_MS = 86400000;
  // Chart geometry (macros/render/timeline.py)
  var SVG_WIDTH = 360, LABEL_WIDTH = 6, ROW_HEIGHT = 40, TOP = 4, AXIS_HEIGHT = 40, LEGEND_HEIGHT = 30;
  var ICS_LINE_OCTETS = 75; // RFC 5545 3.1: lines longer than 75 octets are folded
  var MAX_TYPED = 20;

  function monthsToDays(m) { return U.halfUp(m * DAYS_PER_MONTH); }
  function months(days) { return U.halfUp(days / DAYS_PER_MONTH); }

  /* ---- macros/model/timeline.py compute() ---- */
  function scenario(model, amount, bone, method, s) {
    var latency = model.latency_days[s];
    var distraction = Math.ceil(amount / model.rate_mm_per_day[s]);
    var healing = U.halfUp(model.healing_index[method][bone][s] * amount / 10);
    var target = latency + distraction;
    var solid = Math.max(healing, target + 7 * model.consolidation_weeks[s]);
    var sport = solid + monthsToDays(model.return_months[s]);
    var removal = method === "nail" ? Math.max(monthsToDays(model.nail_removal_months[s]), solid) : solid;
    return { latency: latency, target: target, solid: solid, sport: sport, removal: removal };
  }

  function compute(model, amount, bone, method) {
    var runs = {};
    SCENARIOS.forEach(function (s) { runs[s] = scenario(model, amount, bone, method, s); });
    function span(n) { return { min: runs.min[n], typical: runs.typical[n], max: runs.max[n] }; }
    var zero = { min: 0, typical: 0, max: 0 };
    var latency = span("latency"), target = span("target"), solid = span("solid"),
        sport = span("sport"), removal = span("removal");
    var keys = model.keys;
    var used = [keys.latency, keys.rate, fill(keys.healing_index, { method: method, bone: bone }),
                keys.consolidation, keys["return"]];
    if (method === "nail") used.push(keys.nail_removal);
    return {
      amount: amount, bone: bone, method: method,
      phases: {
        latency: [zero, latency], distraction: [latency, target], consolidation: [target, solid],
        protected_walking: [zero, solid], return_to_activity: [solid, sport]
      },
      milestones: {
        surgery: zero, lengthening_start: latency, target_reached: target,
        full_weight_bearing: solid, removal: removal, return_to_sport: sport
      },
      totals: { bone_solid: solid, return_to_sport: sport, removal: removal },
      warnings: amount > model.evidence_max_mm ? ["beyond_evidence"] : [],
      used: used
    };
  }

  /* ---- a typed amount (macros/model/timeline.py parse_amount): {value: mm} or {error: code}
     (and {suggest, number} for "Did you mean ...?"). An amount typed with its unit ("4 cm":
     U.splitUnit with words, the strings' js.units_typed) is read in that unit and the answer
     also carries {unit: the typed unit, text: the number as typed}. ---- */
  function parseAmount(text, unit, model, words) {
    var t = String(text == null ? "" : text).trim();
    if (t === "") return { error: "amount_missing" };
    if (t.length > MAX_TYPED) return { error: "amount_not_number" };
    var split = U.splitUnit(t, words);
    var typed = split.unit;
    function out(r) {
      if (typed) { r.unit = typed; r.text = split.number; }
      return r;
    }
    if (typed) { t = split.number; unit = typed; }
    else if (/^\d+([.,]\d*)?\s*[A-Za-z]+\.?$/.test(t)) return { error: "amount_unit" };
    if (/^-\d/.test(t)) return out({ error: "amount_not_positive" });
    var n = U.parseDecimal(t);
    if (n === null || !isFinite(n)) return out({ error: "amount_not_number" });
    if (n <= 0) return out({ error: "amount_not_positive" });
    if (!Object.prototype.hasOwnProperty.call(U.MM_PER, unit)) return { error: "query" };
    var mm = U.toMm(n, unit), p = model.plausible_mm;
    if (p && !(p.low <= mm && mm <= p.high)) {
      var sug = U.suggestUnit(n, unit, p.low, p.high);
      if (sug) return out({ error: "amount_question", suggest: sug, number: n });
      if (mm > model.max_mm) return out({ error: "amount_too_large" });
      return out({ error: mm < p.low ? "amount_implausible_low" : "amount_implausible_high" });
    }
    if (mm > model.max_mm) return out({ error: "amount_too_large" });
    return out({ value: mm });
  }

  /* "YYYY-MM-DD" to milliseconds (UTC midnight); {value: null} for empty, {error: "date"} else. */
  function parseDate(text) {
    var t = String(text == null ? "" : text);
    if (t === "") return { value: null };
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return { error: "date" };
    var y = +m[1], mo = +m[2], d = +m[3];
    var ms = Date.UTC(y, mo - 1, d);
    var back = new Date(ms);
    if (y < 1900 || y > 2200 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
      return { error: "date" };
    }
    return { value: ms };
  }

  function dateOf(dateMs, day) { return dateMs + day * DAY_MS; }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function pick(value, allowed) { return allowed.indexOf(value) >= 0 ? value : null; }

  /* Milestones in date order (typical day; the model's order breaks ties). */
  function milestoneOrder(tl) {
    return MILESTONES.slice().sort(function (a, b) {
      return (tl.milestones[a].typical - tl.milestones[b].typical) || (MILESTONES.indexOf(a) - MILESTONES.indexOf(b));
    });
  }

  /* ---- words (macros/render/timeline.py) ---- */
  /* A span in words: "day 30 (20 to 40)"; formatDay (a day after the operation -> a date
     in words) gives dates instead of day numbers. */
  function dayText(s, span, formatDay) {
    if (formatDay) {
      if (span.min === span.max) return formatDay(span.typical);
      return fill(s.date_range, { typical: formatDay(span.typical), min: formatDay(span.min), max: formatDay(span.max) });
    }
    var n = function (x) { return U.numberText(x, s.format); };
    if (span.min === span.max) return fill(s.day_single, { typical: n(span.typical) });
    return fill(s.day_range, { typical: n(span.typical), min: n(span.min), max: n(span.max) });
  }

  function monthsRange(s, span) {
    return fill(s.months_range, { min: U.numberText(months(span.min), s.format), max: U.numberText(months(span.max), s.format) });
  }

  /* A date as the planner shows it ("3 Sept 2027", "1 mars 2027"): units.short_date. */
  function dateText(s, ms) { return U.shortDate(ms, s.format); }

  function summaryText(s, tl) {
    return fill(s.summary, { solid: monthsRange(s, tl.totals.bone_solid), sport: monthsRange(s, tl.totals.return_to_sport) });
  }

  /* The amount in the caption: "50 mm", or "2 in (50.8 mm)" in the unit it was typed in. */
  function amountText(s, mm, unit) {
    var text = U.numberText(U.round1(mm), s.format) + " mm";
    if (unit !== "mm") text = U.numberText(U.fromMm(mm, unit), s.format) + " " + s.unit_words[unit] + " (" + text + ")";
    return text;
  }

  /* A label that may differ by method: a string, or { nail: ..., frame: ... }. */
  function byMethod(label, method) { return typeof label === "string" ? label : label[method]; }

  function milestoneName(s, mid, method) {
    return mid === "removal" ? s.milestones["removal_" + method] : byMethod(s.milestones[mid], method);
  }

  /* ---- the chart's geometry (macros/render/timeline.py chart_layout) ---- */
  function chartLayout(tl) {
    var end = tl.milestones.removal.max;
    PHASES.forEach(function (p) { end = Math.max(end, tl.phases[p][1].max); });
    var top = months(end) + 1;
    var step = top <= 8 ? 1 : top <= 24 ? 3 : 6;
    var tickMonths = [];
    for (var n = 0; n <= top; n += step) tickMonths.push(n);
    var scaleEnd = Math.max(end, U.halfUp(tickMonths[tickMonths.length - 1] * DAYS_PER_MONTH));
    var plot = SVG_WIDTH - LABEL_WIDTH - 10;
    function x(day) { return LABEL_WIDTH + plot * day / scaleEnd; }
    function width(a, b) { return Math.max(x(b) - x(a), 1).toFixed(1); }
    var height = TOP + ROW_HEIGHT * PHASES.length + AXIS_HEIGHT + LEGEND_HEIGHT;
    return {
      width: SVG_WIDTH, height: height, axisTop: height - LEGEND_HEIGHT, scaleEnd: scaleEnd,
      labelX: LABEL_WIDTH, plot: plot, top: TOP, rowHeight: ROW_HEIGHT, axisHeight: AXIS_HEIGHT,
      ticks: tickMonths.map(function (m) {
        var day = U.halfUp(m * DAYS_PER_MONTH);
        return { month: m, day: day, x: x(day).toFixed(1) };
      }),
      rows: PHASES.map(function (pid, i) {
        var start = tl.phases[pid][0], stop = tl.phases[pid][1];
        return { phase: pid, y: TOP + i * ROW_HEIGHT,
                 rangeX: x(start.min).toFixed(1), rangeWidth: width(start.min, stop.max),
                 barX: x(start.typical).toFixed(1), barWidth: width(start.typical, stop.typical) };
      })
    };
  }

  /* ---- calendar lines: RFC 5545 folding at 75 octets, never inside a UTF-8 character ---- */
  function utf8Length(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  function foldLine(line) {
    var out = [], cur = "", used = 0;
    Array.from(String(line)).forEach(function (ch) {
      var n = utf8Length(ch);
      if (used + n > ICS_LINE_OCTETS) {
        out.push(cur);
        cur = " "; used = 1; // a continuation line starts with one space, counted in its 75 octets
      }
      cur += ch; used += n;
    });
    out.push(cur);
    return out.join("\r\n");
  }

  root.LLGPlannerModel = Object.freeze({
    BONES: BONES, METHODS: METHODS, UNITS: UNITS, PHASES: PHASES, MILESTONES: MILESTONES, SCENARIOS: SCENARIOS,
    DAYS_PER_MONTH: DAYS_PER_MONTH,
    monthsToDays: monthsToDays, months: months, compute: compute, parseAmount: parseAmount, parseDate: parseDate,
    dateOf: dateOf, iso: iso, pick: pick, milestoneOrder: milestoneOrder, dayText: dayText, monthsRange: monthsRange,
    summaryText: summaryText, amountText: amountText, dateText: dateText, byMethod: byMethod, milestoneName: milestoneName,
    chartLayout: chartLayout, foldLine: foldLine
  });
})(globalThis);
