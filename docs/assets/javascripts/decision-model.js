/* The decision aid's model (no DOM, no storage, no network): which options fit what a
 * person said, the size band of a difference, and the link state (s, b, v, n).
 * macros/model/values.py is the reference; node --test tests/js/ checks this file against
 * tests/golden/decision.json. Groups keep the situation's order of options: no score, no
 * ranking, never a single best option. */
(function (root) {
  "use strict";

  var GROUPS = ["fits", "some", "less"];
  var MESSAGES = ["encoding", "situation", "band", "answers", "note_long"];
  var DROP = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
  var EDGE = " \t\n";

  function band(limits, mm) {
    if (mm <= limits.small_max_mm) return "small";
    if (mm <= limits.medium_max_mm) return "medium";
    return "large";
  }

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  function fit(config, situation, size, answers) {
    var options = (situation && has(config.situations, situation)) ? config.situations[situation].slice() : [];
    var reasons = {};
    options.forEach(function (o) { reasons[o] = []; });
    function add(fits, origin) {
      fits.forEach(function (f) {
        f.options.forEach(function (o) {
          if (has(reasons, o)) {
            reasons[o].push({ fit: f.fit, reason: f.reason, from: origin, page: f.page,
              sources: f.sources.map(function (s) { return { label: s.label, href: s.href }; }) });
          }
        });
      });
    }
    if (size && has(config.band_fits, size)) add(config.band_fits[size], "band");
    config.questions.forEach(function (q) {
      var code = has(answers, q.id) ? answers[q.id] : undefined;
      q.answers.forEach(function (a) { if (a.code === code) add(a.fits, q.id); });
    });
    var groups = { fits: [], some: [], less: [] };
    options.forEach(function (o) {
      var better = reasons[o].some(function (r) { return r.fit === "better"; });
      var worse = reasons[o].some(function (r) { return r.fit === "worse"; });
      groups[better && !worse ? "fits" : worse && !better ? "less" : "some"].push(o);
    });
    return { groups: groups, reasons: reasons };
  }

  function strip(text) {
    var a = 0, b = text.length;
    while (a < b && EDGE.indexOf(text[a]) >= 0) a++;
    while (b > a && EDGE.indexOf(text[b - 1]) >= 0) b--;
    return text.slice(a, b);
  }

  // Code points, so a character outside the basic plane counts once, as in Python.
  function cleanNote(text, limit) {
    var chars = Array.from(String(text).replace(/\r\n/g, "\n").replace(/\r/g, "\n")).filter(function (c) {
      var code = c.charCodeAt(0);
      if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) return false; // a lone surrogate
      return !DROP.test(c);
    });
    var clean = strip(chars.join(""));
    var points = Array.from(clean);
    if (points.length > limit) return [strip(points.slice(0, limit).join("")), true];
    return [clean, false];
  }

  function encode(config, state) {
    var parts = [];
    if (state.s && has(config.situations, state.s)) parts.push("s=" + state.s);
    if (state.b && config.bands.indexOf(state.b) >= 0) parts.push("b=" + state.b);
    var answers = state.answers || {}, v = "";
    config.questions.forEach(function (q) {
      var code = has(answers, q.id) ? answers[q.id] : undefined;
      if (q.answers.some(function (a) { return a.code === code; })) v += q.code + code;
    });
    if (v) parts.push("v=" + v);
    if (state.include_note) {
      var note = cleanNote(state.note || "", config.note_max)[0];
      if (note) parts.push("n=" + encodeURIComponent(note));
    }
    return parts.join("&");
  }

  function decodeAnswers(config, v) {
    var questions = config.questions, answers = {}, bad = v.length % 2 === 1;
    if (v.length > 2 * questions.length) return [{}, true];
    for (var i = 0; i + 1 < v.length; i += 2) {
      var qcode = v[i], acode = v[i + 1];
      var q = null;
      for (var k = 0; k < questions.length; k++) if (questions[k].code === qcode) { q = questions[k]; break; }
      if (!q || has(answers, q.id) || !q.answers.some(function (a) { return a.code === acode; })) {
        bad = true;
        continue;
      }
      answers[q.id] = acode;
    }
    return [answers, bad];
  }

  // pairs: [[key, value], ...] as URLSearchParams gives them.
  function decode(config, pairs) {
    var first = {}, order = [];
    pairs.forEach(function (p) {
      var key = p[0];
      if ((key === "s" || key === "b" || key === "v" || key === "n") && !has(first, key)) {
        first[key] = String(p[1]);
        order.push(key);
      }
    });
    var found = {};
    var state = { s: null, b: null, answers: {}, note: "", include_note: false };
    order.forEach(function (key) {
      var value = first[key];
      if (value.indexOf("\ufffd") >= 0) { found.encoding = true; return; }
      if (key === "s") {
        if (has(config.situations, value)) state.s = value;
        else if (value) found.situation = true;
      } else if (key === "b") {
        if (config.bands.indexOf(value) >= 0) state.b = value;
        else if (value) found.band = true;
      } else if (key === "v") {
        var r = decodeAnswers(config, value);
        state.answers = r[0];
        if (r[1]) found.answers = true;
      } else {
        var n = cleanNote(value, config.note_max);
        state.note = n[0];
        state.include_note = !!n[0];
        if (n[1]) found.note_long = true;
      }
    });
    return { state: state, messages: MESSAGES.filter(function (m) { return found[m]; }) };
  }


  // The ticked questions for the surgeon: their ids without the "q-" prefix, in the
  // checklist's order, joined by ".".
  function short(id) { return id.indexOf("q-") === 0 ? id.slice(2) : id; }
  function encodeTicks(ids, ticked) {
    return ids.filter(function (id) { return ticked.indexOf(id) >= 0; }).map(short).join(".");
  }
  // [ticked ids in the checklist's order, whether something was left out]
  function decodeTicks(ids, value) {
    value = String(value);
    if (!value) return [[], false];
    if (value.length > 40 * (ids.length + 1)) return [[], true];
    var found = [], bad = false;
    value.split(".").forEach(function (t) {
      var id = null;
      ids.forEach(function (x) { if (short(x) === t) id = x; });
      if (id === null) bad = true;
      else if (found.indexOf(id) < 0) found.push(id);
    });
    return [ids.filter(function (id) { return found.indexOf(id) >= 0; }), bad];
  }

  // The figures another tool brought, in mm: d (the difference), lo and hi (its range),
  // written with a point whatever the language, at most one decimal.
  var NUMBER = /^(0|[1-9][0-9]{0,2})(\.[0-9])?$/;
  var FIGURE_MAX = 500;
  function number(text) {
    if (typeof text !== "string" || !NUMBER.test(text)) return null;
    var x = Number(text);
    return x <= FIGURE_MAX ? x : null;
  }
  function linkNumber(mm) {
    var tenths = Math.floor(mm * 10 + 0.5 + 1e-9);
    return String(Math.floor(tenths / 10)) + (tenths % 10 ? "." + (tenths % 10) : "");
  }
  function encodeFigures(figures) {
    if (!figures || figures.d == null) return "";
    var parts = ["d=" + linkNumber(figures.d)];
    if (figures.lo != null && figures.hi != null) parts.push("lo=" + linkNumber(figures.lo), "hi=" + linkNumber(figures.hi));
    return parts.join("&");
  }
  // pairs as for decode: {figures: {d, lo, hi} or null, bad}
  function decodeFigures(pairs) {
    var first = {};
    pairs.forEach(function (p) {
      if ((p[0] === "d" || p[0] === "lo" || p[0] === "hi") && !has(first, p[0])) first[p[0]] = String(p[1]);
    });
    if (!has(first, "d") && !has(first, "lo") && !has(first, "hi")) return { figures: null, bad: false };
    var d = number(first.d), lo = number(first.lo), hi = number(first.hi);
    if (d === null) return { figures: null, bad: true };
    if (lo === null || hi === null || lo > d || d > hi) {
      return { figures: { d: d, lo: null, hi: null }, bad: has(first, "lo") || has(first, "hi") };
    }
    return { figures: { d: d, lo: lo, hi: hi }, bad: false };
  }

  root.LLGDecisionModel = Object.freeze({ GROUPS: GROUPS, MESSAGES: MESSAGES, band: band, fit: fit, cleanNote: cleanNote,
    encode: encode, decode: decode, encodeTicks: encodeTicks, decodeTicks: decodeTicks, linkNumber: linkNumber,
    encodeFigures: encodeFigures, decodeFigures: decodeFigures });
})(globalThis);
