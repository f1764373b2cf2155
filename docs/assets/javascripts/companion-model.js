/* The treatment companion's model, in the browser: no DOM, no storage, no network.
 *
 * A line-by-line copy of macros/companion.py (read its docstring for the arithmetic and
 * the rounding rule). tests/js/companion.test.mjs checks this file against cases that the
 * Python model wrote (tests/golden/companion.json).
 *
 * A classic script, not an ES module: Chromium refuses module scripts under file://, and
 * the offline copy of the guide opens from a folder. It sets globalThis.LLGCompanionModel,
 * which Node's tests read after importing the file.
 */
(function (root) {
  "use strict";

  var MAX_DAYS = 1000;
  var MM_PER_INCH = 25.4;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
  var DAY_MS = 86400000;

  function InputError(field, code, value) {
    this.field = field; this.code = code; this.value = value;
    this.message = "companion input " + field + ": " + code;
  }

  function halfUp(x) { return Math.floor(x + 0.5); }
  function hundredths(x) { return halfUp(x * 100); }

  function parseDate(value, field) {
    if (typeof value !== "string" || !DATE.test(value)) throw new InputError(field || "date", "bad_date", value);
    var y = +value.slice(0, 4), m = +value.slice(5, 7), d = +value.slice(8, 10);
    var ms = Date.UTC(y, m - 1, d);
    var back = new Date(ms);
    if (y < 1 || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
      throw new InputError(field || "date", "bad_date", value);
    }
    return ms;
  }

  function isoDate(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function addDays(iso, n) { return isoDate(parseDate(iso) + n * DAY_MS); }

  function minutes(value, field) {
    var m = TIME.exec(value || "");
    if (!m) throw new InputError(field, "bad_time", value);
    return +m[1] * 60 + +m[2];
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function stepTimes(steps, first, last) {
    var a = minutes(first == null ? "08:00" : first, "first_time");
    var b = minutes(last == null ? "20:00" : last, "last_time");
    if (b < a) throw new InputError("last_time", "before_first", last);
    var out = [];
    for (var i = 0; i < steps; i++) {
      var m = steps === 1 ? a : a + halfUp(i * (b - a) / (steps - 1));
      out.push(pad(Math.floor(m / 60)) + ":" + pad(m % 60));
    }
    return out;
  }

  function isNumber(x) { return typeof x === "number" && isFinite(x); }

  function validate(plan, limits) {
    var target = plan.target_mm;
    if (!isNumber(target)) throw new InputError("target_mm", "not_number", target);
    if (!(target > 0)) throw new InputError("target_mm", "not_positive", target);
    if (target > limits.max_mm) throw new InputError("target_mm", "too_large", target);
    var segs = plan.segments;
    if (!Array.isArray(segs) || !segs.length) throw new InputError("segments", "missing", segs);
    var out = [];
    segs.forEach(function (s, i) {
      var f = "segments[" + i + "]";
      var start = parseDate(s.start, f + ".start");
      var rate = s.rate, steps = s.steps;
      if (!isNumber(rate)) throw new InputError(f + ".rate", "not_number", rate);
      if (!isNumber(steps) || Math.floor(steps) !== steps) throw new InputError(f + ".steps", "not_number", steps);
      if (rate === 0 && steps === 0) { /* a pause */ }
      else if (rate > limits.rate_max) throw new InputError(f + ".rate", "too_fast", rate);
      else if (rate < limits.rate_min) throw new InputError(f + ".rate", "too_slow", rate);
      else if (limits.steps.indexOf(steps) < 0) throw new InputError(f + ".steps", "steps", steps);
      if (i === 0 && rate === 0) throw new InputError("segments[0].rate", "starts_paused", rate);
      if (out.length && start <= out[out.length - 1].start) throw new InputError(f + ".start", "not_after_previous", s.start);
      out.push({ start: start, rate: rate, steps: steps });
    });
    var first = plan.first_time == null ? "08:00" : plan.first_time;
    var last = plan.last_time == null ? "20:00" : plan.last_time;
    stepTimes(1, first, last);
    return { target_mm: target, segments: out, first_time: first, last_time: last };
  }

  function schedule(plan, limits) {
    var p = validate(plan, limits);
    var target = hundredths(p.target_mm);
    var segs = p.segments;
    var start = segs[0].start;
    var rows = [];
    var base = 0, segI = 0, n = 0, doneH = 0, reached = false;
    for (var day = 1; day <= MAX_DAYS; day++) {
      var date = start + (day - 1) * DAY_MS;
      while (segI + 1 < segs.length && segs[segI + 1].start <= date) {
        var prev = segs[segI];
        if (prev.steps) base = base + n * prev.rate / prev.steps;
        segI += 1;
        n = 0;
      }
      var s = segs[segI];
      var times = s.steps ? stepTimes(s.steps, p.first_time, p.last_time) : [];
      var today = 0;
      for (var k = 0; k < s.steps; k++) {
        n += 1;
        today += 1;
        doneH = hundredths(base + n * s.rate / s.steps);
        if (doneH >= target) { reached = true; break; }
      }
      rows.push({
        day: day, date: isoDate(date), segment: segI, rate: s.rate, steps: today,
        step_mm: s.steps ? hundredths(s.rate / s.steps) : 0,
        times: times.slice(0, today), total: doneH, pause: s.steps === 0
      });
      if (reached) break;
    }
    var unused = [];
    for (var j = segI + 1; j < segs.length; j++) unused.push(j);
    return { rows: rows, target: target, reached: reached,
             target_date: reached ? rows[rows.length - 1].date : null, unused_segments: unused };
  }

  function mmText(h) {
    var whole = Math.floor(h / 100), frac = h % 100;
    if (frac === 0) return String(whole);
    return (whole + "." + pad(frac)).replace(/0+$/, "");
  }

  root.LLGCompanionModel = {
    MAX_DAYS: MAX_DAYS, MM_PER_INCH: MM_PER_INCH, InputError: InputError,
    halfUp: halfUp, hundredths: hundredths, parseDate: parseDate, isoDate: isoDate, addDays: addDays,
    stepTimes: stepTimes, validate: validate, schedule: schedule, mmText: mmText
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
