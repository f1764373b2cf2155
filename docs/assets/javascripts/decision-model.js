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

  root.LLGDecisionModel = Object.freeze({ GROUPS: GROUPS, MESSAGES: MESSAGES, band: band, fit: fit, cleanNote: cleanNote,
    encode: encode, decode: decode });
})(globalThis);
