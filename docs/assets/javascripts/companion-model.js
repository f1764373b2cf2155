/* The treatment companion's model, in the browser: no DOM, no storage, no network.
 *
 * A line-by-line copy of macros/companion.py (read its docstring for the arithmetic and
 * the rounding rule). tests/js/companion.test.mjs checks this file against cases that the
 * Python model wrote (tests/golden/companion.json).
 *
 * Also the calendar file (.ics, RFC 5545) and the diary's CSV export and import.
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
  function tenThousandths(x) { return halfUp(x * 10000); }

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
    if (!first && !last) return [];
    var a = minutes(first, "first_time");
    var b = minutes(last, "last_time");
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
    var first = plan.first_time || null;
    var last = plan.last_time || null;
    stepTimes(1, first, last);
    return { target_mm: target, segments: out, first_time: first, last_time: last };
  }

  function schedule(plan, limits) {
    var p = validate(plan, limits);
    var target = hundredths(p.target_mm);
    var segs = p.segments;
    var start = segs[0].start;
    var rows = [];
    var base = 0, segI = 0, n = 0, doneH = 0, reached = false, pausedFrom = null;
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
        if (doneH >= target) { doneH = target; reached = true; break; }
      }
      rows.push({
        day: day, date: isoDate(date), segment: segI, rate: s.rate, steps: today,
        step_mm: s.steps ? tenThousandths(s.rate / s.steps) : 0,
        times: times.slice(0, today), total: doneH, pause: s.steps === 0
      });
      if (reached) break;
      if (s.steps === 0 && segI === segs.length - 1) { pausedFrom = isoDate(s.start); break; }
    }
    var unused = [];
    for (var j = segI + 1; j < segs.length; j++) unused.push(j);
    return { rows: rows, target: target, reached: reached,
             target_date: reached ? rows[rows.length - 1].date : null, unused_segments: unused,
             paused_from: pausedFrom };
  }

  /* A step (ten-thousandths of a mm) and a length (hundredths) in words: "0.25", "12.5";
     with fmt (the page's number format, units.locale_format), its decimal sign: "0,25". */
  function decimalSign(text, fmt) { return fmt && fmt.decimal ? text.replace(".", fmt.decimal) : text; }

  function stepText(t, fmt) {
    var whole = Math.floor(t / 10000), frac = t % 10000;
    if (frac === 0) return String(whole);
    return decimalSign((whole + "." + String(frac + 10000).slice(1)).replace(/0+$/, ""), fmt);
  }

  function mmText(h, fmt) {
    var whole = Math.floor(h / 100), frac = h % 100;
    if (frac === 0) return String(whole);
    return decimalSign((whole + "." + pad(frac)).replace(/0+$/, ""), fmt);
  }


  // ---------------------------------------------------------------- calendar (.ics)

  var enc = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
  function octets(str) { return enc ? enc.encode(str).length : unescape(encodeURIComponent(str)).length; }

  // RFC 5545 3.1: lines of at most 75 octets, continued with CRLF and one space; never
  // inside a multi-byte character.
  function fold(line) {
    var out = [], cur = "", limit = 75;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      var code = line.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) { ch += line[i + 1]; i++; }
      if (octets(cur + ch) > limit) { out.push(cur); cur = " " + ch; limit = 75; }
      else cur += ch;
    }
    out.push(cur);
    return out.join("\r\n");
  }

  function icsText(s) {
    return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  function compactDate(iso) { return iso.replace(/-/g, ""); }

  function fill(t, v) { return String(t).replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); }

  // Reminders: for each run of days with the same step times, one event a step time that
  // repeats daily (RRULE COUNT = the run's days); the milestones as all-day events.
  //
  // UIDs are stable: a step's event is named by the date and time of its first
  // occurrence, a milestone by its kind ("start", "target", "change-YYYY-MM-DD"). When a
  // changed plan is downloaded again, its events replace the earlier ones of the same
  // name (SEQUENCE grows with the download time), and ``previous`` (the index of the last
  // download, from icsIndex) names the events that no longer exist: they are sent again
  // as cancelled, so the calendar removes them instead of keeping both plans.
  // ``stamp`` is the DTSTAMP (UTC, "YYYYMMDDTHHMMSSZ").
  var UID_DOMAIN = "@leg-length-guide";

  function icsEvents(sched, strings, milestones) {
    var out = [], rows = sched.rows, i = 0;
    while (i < rows.length) {
      var r = rows[i], j = i + 1;
      if (r.pause) { i++; continue; }
      var key = r.times.join(" ") + "|" + r.step_mm;
      while (j < rows.length && !rows[j].pause && rows[j].times.join(" ") + "|" + rows[j].step_mm === key) j++;
      var count = j - i;
      r.times.forEach(function (t, k) {
        var start = compactDate(r.date) + "T" + t.replace(":", "") + "00";
        var props = ["DTSTART:" + start, "DURATION:PT5M",
                     "SUMMARY:" + icsText(fill(strings.ics_step, { step: stepText(r.step_mm, strings.format) })),
                     "DESCRIPTION:" + icsText(fill(strings.ics_step_desc, { n: k + 1, steps: r.times.length }))];
        if (count > 1) props.splice(1, 0, "RRULE:FREQ=DAILY;COUNT=" + count);
        props.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M",
                   "DESCRIPTION:" + icsText(fill(strings.ics_step, { step: stepText(r.step_mm, strings.format) })), "END:VALARM");
        out.push({ uid: "llg-companion-step-" + start.slice(0, 13) + UID_DOMAIN, dtstart: "DTSTART:" + start, props: props });
      });
      i = j;
    }
    (milestones || []).forEach(function (m) {
      var next = compactDate(isoDate(parseDate(m.date) + DAY_MS));
      var dtstart = "DTSTART;VALUE=DATE:" + compactDate(m.date);
      out.push({ uid: "llg-companion-" + m.id + UID_DOMAIN, dtstart: dtstart,
                 props: [dtstart, "DTEND;VALUE=DATE:" + next, "SUMMARY:" + icsText(m.summary), "TRANSP:TRANSPARENT"] });
    });
    return out;
  }

  // What to remember of a download: each event's UID and start (to cancel it later).
  function icsIndex(sched, strings, milestones) {
    return icsEvents(sched, strings, milestones).map(function (e) { return { uid: e.uid, dtstart: e.dtstart }; });
  }

  // SEQUENCE: minutes since 2026-01-01 at the download, so a later download wins.
  function sequence(stamp) {
    var ms = Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(9, 11), +stamp.slice(11, 13));
    return Math.max(0, Math.floor((ms - Date.UTC(2026, 0, 1)) / 60000));
  }

  var ICS_DTSTART = /^DTSTART(;VALUE=DATE:\d{8}|:\d{8}T\d{6})$/;
  var ICS_UID = /^llg-companion-[A-Za-z0-9-]{1,40}@leg-length-guide$/;

  function ics(sched, strings, stamp, milestones, previous) {
    var L = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Leg Length Guide//Treatment companion//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    var seq = "SEQUENCE:" + sequence(stamp), seen = {};
    icsEvents(sched, strings, milestones).forEach(function (e) {
      seen[e.uid] = true;
      L.push("BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + stamp, seq);
      e.props.forEach(function (p) { L.push(p); });
      L.push("END:VEVENT");
    });
    (previous || []).forEach(function (e) {
      // Only what this script wrote before (the index is read back from storage).
      if (!e || seen[e.uid] || !ICS_UID.test(e.uid) || !ICS_DTSTART.test(e.dtstart)) return;
      seen[e.uid] = true;
      L.push("BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + stamp, seq, e.dtstart, "STATUS:CANCELLED",
             "SUMMARY:" + icsText(strings.ics_cancelled), "END:VEVENT");
    });
    L.push("END:VCALENDAR");
    return L.map(fold).join("\r\n") + "\r\n";
  }

  // ---------------------------------------------------------------- diary as CSV

  var CSV_COLUMNS = ["date", "steps", "pain", "pins", "bend", "aid", "notes"];
  var AIDS = ["none", "crutches", "frame", "wheelchair", "other"];
  var MAX_NOTES = 2000;

  // A spreadsheet runs a cell that starts with = + - @ as a formula: such text cells
  // are written with a leading apostrophe, which import removes again.
  function csvCell(v) {
    var s = v == null ? "" : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // words (optional): the page language's column headings {date: ..., ...} and yes/no;
  // without them, the column keys and "yes"/"no".
  function csvWords(words) {
    words = words || {};
    var cols = words.columns || {};
    return { head: CSV_COLUMNS.map(function (k) { return cols[k] || k; }), yes: words.yes || "yes", no: words.no || "no" };
  }

  function diaryToCsv(entries, words) {
    var w = csvWords(words);
    var lines = [w.head.map(csvCell).join(",")];
    entries.forEach(function (e) {
      lines.push(CSV_COLUMNS.map(function (k) {
        var v = e[k];
        if (k === "pins") v = v === true ? w.yes : v === false ? w.no : "";
        return csvCell(v == null ? "" : v);
      }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function parseCsv(text) {
    var rows = [], row = [], cell = "", q = false, i = 0;
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    for (; i < text.length; i++) {
      var ch = text[i];
      if (q) {
        if (ch === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else q = false; }
        else cell += ch;
      } else if (ch === '"' && cell === "") q = true;
      else if (ch === ",") { row.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (q) throw new InputError("csv", "unclosed_quote", null);
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows.filter(function (r) { return !(r.length === 1 && r[0] === ""); });
  }

  // One diary entry from raw values, or an InputError naming the field. Used by the form
  // and by import, so both accept exactly the same things.
  function checkEntry(raw) {
    var e = {};
    parseDate(raw.date, "date");
    e.date = raw.date;
    function int(field, lo, hi, optional) {
      var v = raw[field] == null ? "" : String(raw[field]).trim();
      if (v === "" && optional) return null;
      if (!/^\d{1,3}$/.test(v) || +v < lo || +v > hi) throw new InputError(field, "bad_" + field, v);
      return +v;
    }
    e.steps = int("steps", 0, 24, true);
    e.pain = int("pain", 0, 10, true);
    var pins = raw.pins;
    e.pins = pins === true || pins === "yes" ? true : pins === false || pins === "no" ? false : null;
    if (e.pins === null && pins != null && pins !== "") throw new InputError("pins", "bad_pins", pins);
    var bend = raw.bend == null ? "" : String(raw.bend).trim();
    if (bend === "") e.bend = null;
    else if (/^-?\d{1,3}(\.\d)?$/.test(bend) && Math.abs(+bend) <= 180) e.bend = +bend;
    else throw new InputError("bend", "bad_bend", bend);
    var aid = raw.aid == null ? "" : String(raw.aid);
    if (aid !== "" && AIDS.indexOf(aid) < 0) throw new InputError("aid", "bad_aid", aid);
    e.aid = aid;
    var notes = raw.notes == null ? "" : String(raw.notes);
    if (notes.length > MAX_NOTES) throw new InputError("notes", "too_long", notes.length);
    e.notes = notes;
    return e;
  }

  // Reads a diary written in any language: the column keys, or the page language's headings.
  function diaryFromCsv(text, words) {
    var w = csvWords(words);
    var rows = parseCsv(String(text));
    var head = rows.length ? rows[0].join(",") : "";
    if (head !== CSV_COLUMNS.join(",") && head !== w.head.join(",")) throw new InputError("csv", "bad_header", rows[0]);
    return rows.slice(1).map(function (r, i) {
      if (r.length !== CSV_COLUMNS.length) throw new InputError("csv", "bad_row", i + 2);
      var raw = {};
      CSV_COLUMNS.forEach(function (k, j) {
        var v = r[j];
        if (k === "notes" && /^'[=+\-@\t\r]/.test(v)) v = v.slice(1);
        if (k === "pins") v = v === w.yes ? "yes" : v === w.no ? "no" : v;
        raw[k] = v;
      });
      return checkEntry(raw);
    });
  }

  root.LLGCompanionModel = {
    MAX_DAYS: MAX_DAYS, MM_PER_INCH: MM_PER_INCH, InputError: InputError,
    halfUp: halfUp, hundredths: hundredths, tenThousandths: tenThousandths, parseDate: parseDate, isoDate: isoDate, addDays: addDays,
    stepTimes: stepTimes, validate: validate, schedule: schedule, mmText: mmText, stepText: stepText,
    fill: fill, fold: fold, ics: ics, icsEvents: icsEvents, icsIndex: icsIndex, CSV_COLUMNS: CSV_COLUMNS, AIDS: AIDS, diaryToCsv: diaryToCsv,
    parseCsv: parseCsv, MAX_NOTES: MAX_NOTES, checkEntry: checkEntry, diaryFromCsv: diaryFromCsv
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
