/* Leg Length Guide: the treatment-timeline planner.
 *
 * Reads every number from the JSON that the planner() macro embeds in the page and
 * computes exactly what macros/model/timeline.py computes (same order of operations, same
 * rounding: see that module's docstring). Builds the result with DOM methods and
 * textContent only; nothing from the URL or the inputs is ever written as HTML.
 * State lives in the URL query: amount, unit (mm|cm|in), bone, method, date. An old link's
 * age= is ignored (the planner has no age input: the studies give no figures by age).
 * Number reading and unit conversion repeat macros/model/units.py (parseDecimal, fromMm,
 * suggestUnit); an amount outside lengthening.plausible_amount asks "Did you mean ...?"
 * with a one-tap fix and shows no plan for it.
 */
(function () {
  "use strict";

  var BONES = ["femur", "tibia"];
  var METHODS = ["nail", "frame"];
  var UNITS = ["mm", "cm", "in"];
  var MM_PER = { mm: 1, cm: 10, "in": 25.4 };
  var SHOWN_DECIMALS = { mm: 1, cm: 2, "in": 2 };
  var PHASES = ["latency", "distraction", "consolidation", "protected_walking", "return_to_activity"];
  var MILESTONES = ["surgery", "lengthening_start", "target_reached", "full_weight_bearing", "removal", "return_to_sport"];
  var SCENARIOS = ["min", "typical", "max"];
  var DAYS_PER_MONTH = 365.25 / 12;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var SVG_WIDTH = 360, LABEL_WIDTH = 6, ROW_HEIGHT = 40, TOP = 4, AXIS_HEIGHT = 40, LEGEND_HEIGHT = 30;
  var ICS_LINE_OCTETS = 75; // RFC 5545 3.1: lines longer than 75 octets are folded
  var MAX_PARAM_LENGTH = 40;

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }

  function monthsToDays(m) { return Math.floor(m * DAYS_PER_MONTH + 0.5); }
  function months(days) { return Math.floor(days / DAYS_PER_MONTH + 0.5); }

  /* ---- the model: a copy of macros/model/timeline.py compute() ---- */
  function scenario(model, amount, bone, method, s) {
    var latency = model.latency_days[s];
    var distraction = Math.ceil(amount / model.rate_mm_per_day[s]);
    var healing = Math.floor(model.healing_index[method][bone][s] * amount / 10 + 0.5);
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

  /* ---- numbers and units (macros/model/units.py) ---- */
  function parseDecimal(text) {
    var t = String(text == null ? "" : text).trim();
    if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
    return Number(t.replace(",", "."));
  }
  function toMm(value, unit) { return value * MM_PER[unit]; }
  function fromMm(mm, unit) {
    var f = Math.pow(10, SHOWN_DECIMALS[unit]);
    return Math.floor(mm / MM_PER[unit] * f + 0.5) / f;
  }
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

  /* ---- input parsing: returns {value} or {error: code} (and {suggest, number} to ask) ---- */
  function parseAmount(text, unit, model) {
    var t = String(text == null ? "" : text).trim();
    if (t === "") return { error: "amount_missing" };
    if (t.length > 20) return { error: "amount_not_number" };
    if (/^\d+([.,]\d+)?\s*(mm|cm|in|inch|inches|")$/i.test(t)) return { error: "amount_unit" };
    if (/^-\d/.test(t)) return { error: "amount_not_positive" };
    var n = parseDecimal(t);
    if (n === null || !isFinite(n)) return { error: "amount_not_number" };
    if (n <= 0) return { error: "amount_not_positive" };
    if (!MM_PER[unit]) return { error: "query" };
    var mm = toMm(n, unit), p = model.plausible_mm;
    if (p && !(p.low <= mm && mm <= p.high)) {
      var sug = suggestUnit(n, unit, p.low, p.high);
      if (sug) return { error: "amount_question", suggest: sug, number: n };
      if (mm > model.max_mm) return { error: "amount_too_large" };
      return { error: mm < p.low ? "amount_implausible_low" : "amount_implausible_high" };
    }
    if (mm > model.max_mm) return { error: "amount_too_large" };
    return { value: mm };
  }

  /* ---- calendar lines: RFC 5545 folding at 75 octets, never inside a UTF-8 character ---- */
  function utf8Length(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  function foldLine(line) {
    var out = [], cur = "", used = 0, limit = ICS_LINE_OCTETS;
    Array.from(String(line)).forEach(function (ch) {
      var n = utf8Length(ch);
      if (used + n > limit) {
        out.push(cur);
        cur = " "; used = 1; // a continuation line starts with one space, counted in its 75 octets
      }
      cur += ch; used += n;
    });
    out.push(cur);
    return out.join("\r\n");
  }

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

  function pick(value, allowed) { return allowed.indexOf(value) >= 0 ? value : null; }

  /* ---- rendering (same classes and hooks as macros/render/timeline.py) ---- */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function Planner(root) {
    this.root = root;
    var data = JSON.parse(root.getAttribute("data-app-config"));
    this.model = data.model;
    this.s = data.strings;
    this.params = data.params;
    this.defaults = data.defaults;
    this.evidenceMaxText = data.evidence_max_text;
    this.form = root.querySelector(".app-planner__form");
    this.message = root.querySelector(".app-planner__message");
    this.live = root.querySelector(".app-planner__live");
    this.result = root.querySelector(".app-planner__result");
    this.question = root.querySelector(".app-planner__question");
    this.peek = root.querySelector(".app-planner__peek");
    this.printinfo = root.querySelector(".app-planner__printinfo");
    this.blank = root.querySelector(".app-planner__blank");
    this.shortUrl = data.short_url || location.pathname;
    this.last = null;
    this.exact = null; // after a unit switch: the exact amount behind the shown, rounded number
    var fmt;
    try {
      fmt = new Intl.DateTimeFormat(this.s.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    } catch (e) {
      fmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    }
    this.dateFormat = fmt;
  }

  Planner.prototype.dateOf = function (day) {
    return this.last.dateMs == null ? null : this.last.dateMs + day * 86400000;
  };
  Planner.prototype.iso = function (ms) { return new Date(ms).toISOString().slice(0, 10); };

  Planner.prototype.dayText = function (span) {
    var s = this.s, self = this;
    if (this.last.dateMs != null) {
      var f = function (d) { return self.dateFormat.format(new Date(self.dateOf(d))); };
      if (span.min === span.max) return f(span.typical);
      return fill(s.date_range, { typical: f(span.typical), min: f(span.min), max: f(span.max) });
    }
    if (span.min === span.max) return fill(s.day_single, { typical: span.typical });
    return fill(s.day_range, { typical: span.typical, min: span.min, max: span.max });
  };

  function setSpan(node, prefix, span) {
    var p = prefix ? prefix + "-" : "";
    node.setAttribute("data-" + p + "day", String(span.typical));
    node.setAttribute("data-" + p + "day-min", String(span.min));
    node.setAttribute("data-" + p + "day-max", String(span.max));
  }

  /* A label that may differ by method: a string, or { nail: ..., frame: ... } (as by_method in Python). */
  function byMethod(label, method) {
    return typeof label === "string" ? label : label[method];
  }

  function numberText(x) {
    var r = Math.round(x * 10) / 10;
    return String(r);
  }

  Planner.prototype.chart = function (tl) {
    var s = this.s;
    var end = tl.milestones.removal.max;
    PHASES.forEach(function (p) { end = Math.max(end, tl.phases[p][1].max); });
    var top = months(end) + 1;
    var step = top <= 8 ? 1 : top <= 24 ? 3 : 6;
    var ticks = [];
    for (var n = 0; n <= top; n += step) ticks.push(n);
    var scaleEnd = Math.max(end, Math.round(ticks[ticks.length - 1] * DAYS_PER_MONTH));
    var plot = SVG_WIDTH - LABEL_WIDTH - 10;
    function x(day) { return LABEL_WIDTH + plot * day / scaleEnd; }
    var height = TOP + ROW_HEIGHT * PHASES.length + AXIS_HEIGHT + LEGEND_HEIGHT;
    var axisTop = height - LEGEND_HEIGHT;
    var root = svg("svg", { "class": "app-timeline__chart", viewBox: "0 0 " + SVG_WIDTH + " " + height,
                            role: "img", "aria-label": s.svg_title });
    ticks.forEach(function (n) {
      var day = Math.round(n * DAYS_PER_MONTH), xx = x(day).toFixed(1);
      root.appendChild(svg("line", { "class": "app-timeline__grid", x1: xx, x2: xx, y1: TOP, y2: axisTop - AXIS_HEIGHT + 4 }));
      root.appendChild(svg("text", { "class": "app-timeline__tick", x: xx, y: axisTop - AXIS_HEIGHT + 18, "text-anchor": "middle" },
                           fill(s.axis_month, { n: n })));
    });
    root.appendChild(svg("text", { "class": "app-timeline__axis", x: LABEL_WIDTH + plot / 2, y: axisTop - 6, "text-anchor": "middle" }, s.axis_label));
    var ly = axisTop + 6, legend = svg("g", { "class": "app-timeline__legend" });
    legend.appendChild(svg("rect", { "class": "app-timeline__bar", x: LABEL_WIDTH, y: ly + 3, width: 22, height: 10, rx: 2 }));
    legend.appendChild(svg("text", { "class": "app-timeline__label", x: LABEL_WIDTH + 28, y: ly + 13 }, s.legend_typical));
    legend.appendChild(svg("rect", { "class": "app-timeline__range", x: LABEL_WIDTH + 170, y: ly, width: 22, height: 16, rx: 3 }));
    legend.appendChild(svg("text", { "class": "app-timeline__label", x: LABEL_WIDTH + 198, y: ly + 13 }, s.legend_range));
    root.appendChild(legend);
    PHASES.forEach(function (pid, i) {
      var start = tl.phases[pid][0], stop = tl.phases[pid][1], y = TOP + i * ROW_HEIGHT;
      var g = svg("g", { "class": "app-timeline__row app-timeline__row--" + pid });
      g.appendChild(svg("text", { "class": "app-timeline__label", x: LABEL_WIDTH, y: y + 14 }, byMethod(s.phases[pid], tl.method)));
      g.appendChild(svg("rect", { "class": "app-timeline__range", x: x(start.min).toFixed(1), y: y + 19,
                                  width: Math.max(x(stop.max) - x(start.min), 1).toFixed(1), height: 16, rx: 3 }));
      g.appendChild(svg("rect", { "class": "app-timeline__bar", x: x(start.typical).toFixed(1), y: y + 22,
                                  width: Math.max(x(stop.typical) - x(start.typical), 1).toFixed(1), height: 10, rx: 2 }));
      root.appendChild(g);
    });
    return root;
  };

  Planner.prototype.render = function (tl) {
    var s = this.s, self = this;
    var box = el("div", { "class": "app-timeline", "data-amount-mm": String(tl.amount), "data-bone": tl.bone,
                          "data-method": tl.method });
    if (this.last.dateMs != null) box.setAttribute("data-date", this.iso(this.last.dateMs));
    var amountText = numberText(tl.amount) + " mm";
    if (this.last.unit !== "mm") {
      amountText = String(fromMm(tl.amount, this.last.unit)) + " " + s.unit_words[this.last.unit] + " (" + amountText + ")";
    }
    var cap = el("p", { "class": "app-timeline__caption" });
    cap.appendChild(el("strong", null, fill(s.caption, { amount: amountText, bone: s.bones[tl.bone],
      method: s.methods[tl.method] })));
    box.appendChild(cap);
    if (tl.warnings.indexOf("beyond_evidence") >= 0) {
      box.appendChild(el("p", { "class": "app-timeline__warning", "data-warning": "beyond_evidence" },
                         fill(s.warning_beyond_evidence, { max: this.evidenceMaxText })));
    }
    var solid = tl.totals.bone_solid, sport = tl.totals.return_to_sport;
    box.appendChild(el("p", { "class": "app-timeline__summary" }, fill(s.summary, {
      solid: fill(s.months_range, { min: months(solid.min), max: months(solid.max) }),
      sport: fill(s.months_range, { min: months(sport.min), max: months(sport.max) }) })));
    box.appendChild(this.chart(tl));

    var table = el("table", { "class": "app-timeline__table app-timeline__phases" });
    var dated = this.last.dateMs != null ? "_dates" : "";
    table.appendChild(el("caption", null, s["phase_table_caption" + dated]));
    var thead = el("thead"), hr = el("tr");
    [s.col_phase, s.col_start, s.col_end].forEach(function (h) { hr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(hr); table.appendChild(thead);
    var tbody = el("tbody");
    PHASES.forEach(function (pid) {
      var start = tl.phases[pid][0], stop = tl.phases[pid][1];
      var tr = el("tr", { "data-phase": pid });
      setSpan(tr, "start", start); setSpan(tr, "end", stop);
      tr.appendChild(el("th", { scope: "row" }, byMethod(s.phases[pid], tl.method)));
      tr.appendChild(el("td", null, self.dayText(start)));
      tr.appendChild(el("td", null, self.dayText(stop)));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody); box.appendChild(table);

    var mt = el("table", { "class": "app-timeline__table app-timeline__milestones" });
    mt.appendChild(el("caption", null, s["milestone_table_caption" + dated]));
    var mh = el("thead"), mhr = el("tr");
    [s.col_milestone, s.col_when].forEach(function (h) { mhr.appendChild(el("th", { scope: "col" }, h)); });
    mh.appendChild(mhr); mt.appendChild(mh);
    var mb = el("tbody");
    milestoneOrder(tl).forEach(function (mid) {
      var span = tl.milestones[mid];
      var tr = el("tr", { "data-milestone": mid });
      setSpan(tr, "", span);
      if (self.last.dateMs != null) tr.setAttribute("data-date", self.iso(self.dateOf(span.typical)));
      tr.appendChild(el("th", { scope: "row" }, self.milestoneName(mid, tl.method)));
      tr.appendChild(el("td", null, self.dayText(span)));
      mb.appendChild(tr);
    });
    mt.appendChild(mb); box.appendChild(mt);

    var as = el("div", { "class": "app-timeline__assumptions" });
    var ap = el("p"); ap.appendChild(el("strong", null, s.assumptions_title)); as.appendChild(ap);
    var ul = el("ul");
    tl.used.forEach(function (key) {
      var info = self.params[key];
      var li = el("li", { "data-param": key }, fill(s.assumption_item, { label: info.label, value: info.text }) + " (");
      info.sources.forEach(function (src, i) {
        if (i) li.appendChild(document.createTextNode(", "));
        li.appendChild(el("a", { href: src.href }, src.label));
      });
      li.appendChild(document.createTextNode(")"));
      ul.appendChild(li);
    });
    ul.appendChild(el("li", null, s.age_note));
    as.appendChild(ul); box.appendChild(as);
    var disc = el("p", { "class": "app-timeline__disclaimer" });
    disc.appendChild(el("strong", null, s.disclaimer));
    box.appendChild(disc);
    return box;
  };

  // Milestones in date order (typical day; the model's order breaks ties), as timeline_html.py.
  function milestoneOrder(tl) {
    return MILESTONES.slice().sort(function (a, b) {
      return (tl.milestones[a].typical - tl.milestones[b].typical) || (MILESTONES.indexOf(a) - MILESTONES.indexOf(b));
    });
  }

  Planner.prototype.milestoneName = function (mid, method) {
    return mid === "removal" ? this.s.milestones["removal_" + method] : byMethod(this.s.milestones[mid], method);
  };

  /* ---- state: form <-> URL ---- */
  Planner.prototype.readForm = function () {
    var f = this.form;
    var unitInput = f.querySelector('input[name="unit"]:checked');
    return {
      amount: f.elements.amount.value,
      unit: unitInput ? unitInput.value : this.defaults.unit,
      bone: f.elements.bone.value,
      method: f.elements.method.value,
      date: f.elements.date.value
    };
  };

  Planner.prototype.writeForm = function (st) {
    var f = this.form;
    f.elements.amount.value = st.amount;
    Array.prototype.forEach.call(f.querySelectorAll('input[name="unit"]'), function (r) { r.checked = r.value === st.unit; });
    f.elements.bone.value = st.bone;
    f.elements.method.value = st.method;
    f.elements.date.value = st.date || "";
  };

  // A link's settings. A link without an amount leaves the amount empty: the planner
  // asks for it and shows no plan (never a default plan someone could take for theirs).
  // A link's unit defaults to mm (the documented link format); with no amount in the link,
  // the edition's unit is offered.
  Planner.prototype.fromQuery = function (search) {
    var q = new URLSearchParams(search);
    var d = this.defaults, bad = false;
    function get(name) {
      var v = q.get(name);
      if (v != null && v.length > MAX_PARAM_LENGTH) { bad = true; return null; }
      return v;
    }
    function lower(v) { return v == null ? v : v.trim().toLowerCase(); }
    var st = { amount: "", unit: d.unit, bone: d.bone, method: d.method, date: "" };
    var unit = lower(get("unit")), amount = get("amount"), date = get("date");
    var rawBone = get("bone"), rawMethod = get("method");
    var bone = lower(rawBone), method = lower(rawMethod);
    var invalid = {}; // a bone or method the link names but the planner does not know: the person chooses
    var unitBad = unit != null && !pick(unit, UNITS);
    if (amount != null && amount.trim() !== "" && !unitBad) st.unit = "mm";
    if (unit != null) { if (!unitBad) st.unit = unit; else bad = true; }
    if (unitBad) amount = null; // an amount in an unknown unit means nothing: ask for it
    if (bone != null) { if (pick(bone, BONES)) st.bone = bone; else { st.bone = ""; invalid.bone = rawBone.trim(); } }
    if (method != null) { if (pick(method, METHODS)) st.method = method; else { st.method = ""; invalid.method = rawMethod.trim(); } }
    if (amount != null && amount.trim() !== "") {
      var parsed = parseAmount(amount, st.unit, this.model);
      if (parsed.value != null || parsed.suggest) st.amount = amount.trim();
      else bad = true;
    }
    if (date != null) { if (parseDate(date).error) bad = true; else st.date = date; }
    return { state: st, bad: bad, invalid: invalid };
  };

  Planner.prototype.toQuery = function (st) {
    var q = new URLSearchParams();
    if (st.amount.trim()) q.set("amount", st.amount.trim());
    q.set("unit", st.unit);
    if (st.bone) q.set("bone", st.bone);
    if (st.method) q.set("method", st.method);
    if (st.date) q.set("date", st.date);
    return "?" + q.toString();
  };

  // A message for an entry that gives no plan; "your last valid entry" only when a plan
  // for an earlier entry is still shown.
  Planner.prototype.say = function (code) {
    var text = code ? this.s["error_" + code] : "";
    if (code && this.last && this.last.timeline) text += " " + this.s.kept_previous;
    this.message.textContent = text;
    this.root.toggleAttribute("data-invalid", !!code);
  };

  // Which of bone and method to choose; a link's value that was not understood is named.
  Planner.prototype.sayChoose = function (unchosen) {
    var s = this.s, parts = [], self = this;
    unchosen.forEach(function (k) {
      var v = self.linkInvalid && self.linkInvalid[k];
      // a plain word is named ("shin"); anything else (markup, symbols) is not repeated
      if (v) parts.push(/^[\p{L}\p{N} ._-]{1,20}$/u.test(v) ? fill(s.error_link_value, { field: s.field_words[k], value: v })
                                                          : fill(s.error_link_value_unnamed, { field: s.field_words[k] }));
    });
    parts.push(unchosen.length > 1 ? s.error_choose_both : s["error_choose_" + unchosen[0]]);
    this.message.textContent = parts.join(" ");
    this.root.setAttribute("data-invalid", "");
  };

  Planner.prototype.ask = function (parsed, unit) {
    var s = this.s, self = this;
    var key = parsed && parsed.suggest ? parsed.number + "|" + unit + "|" + parsed.suggest : "";
    // The same question stays as it is: a tap on its button blurs the field, and a
    // rebuilt button would lose that tap.
    if (key && this.question.getAttribute("data-key") === key) return;
    this.question.setAttribute("data-key", key);
    this.question.replaceChildren();
    if (!key) return;
    var n = String(parsed.number);
    var meant = n + " " + s.unit_words[parsed.suggest];
    this.question.appendChild(el("p", null, fill(s.question, { amount: meant })));
    var fix = el("button", { type: "button", "class": "md-button md-button--primary", "data-fix-unit": parsed.suggest },
                 fill(s.question_fix, { amount: meant }));
    fix.addEventListener("click", function () {
      Array.prototype.forEach.call(self.form.querySelectorAll('input[name="unit"]'), function (r) { r.checked = r.value === parsed.suggest; });
      self.lastUnit = parsed.suggest;
      self.exact = null;
      self.update();
      self.form.elements.amount.focus();
    });
    this.question.appendChild(fix);
  };

  Planner.prototype.showBlank = function (st) {
    var s = this.s;
    this.result.replaceChildren();
    this.last = null;
    this.root.setAttribute("data-state", "blank");
    var words = { bone: s.bones[st.bone], method: s.methods[st.method] };
    Array.prototype.forEach.call(this.blank.querySelectorAll("[data-blank]"), function (node) {
      var k = node.getAttribute("data-blank");
      if (k in words) node.textContent = words[k] || "";
    });
    this.peek.textContent = s.peek_blank;
  };

  Planner.prototype.update = function (opts) {
    opts = opts || {};
    var st = this.readForm();
    var useExact = this.exact && st.amount === this.exact.text && st.unit === this.exact.unit;
    if (!useExact) this.exact = null;
    var a = parseAmount(st.amount, st.unit, this.model);
    this.ask(a, st.unit);
    // A bone or method not chosen (a link's value the planner did not know): no plan until chosen.
    var unchosen = ["bone", "method"].filter(function (k) { return !st[k]; });
    if (unchosen.length) {
      this.showBlank(st);
      this.sayChoose(unchosen);
      if (a.suggest) this.peek.textContent = this.question.querySelector("p").textContent;
      if (!opts.noUrl) this.writeUrl(st);
      this.printInfo(st);
      return false;
    }
    if (a.error === "amount_missing") {
      this.showBlank(st);
      this.say(opts.quiet ? null : "amount_missing");
      if (!opts.noUrl) this.writeUrl(st);
      this.printInfo(st);
      return false;
    }
    if (a.error) {
      // No plan while asking "Did you mean ...?", and never the page's static example:
      // only a plan from the person's own earlier entry may stay (marked as such).
      if (a.error === "amount_question" || !this.last || !this.last.timeline) this.showBlank(st);
      this.say(a.error === "amount_question" ? null : a.error);
      this.keptNote(a.error === "amount_question");
      // the short summary on a phone says what is needed now
      this.peek.textContent = a.suggest ? this.question.querySelector("p").textContent : this.s["error_" + a.error];
      return false;
    }
    if (!pick(st.bone, BONES) || !pick(st.method, METHODS) || !pick(st.unit, UNITS)) {
      if (!this.last || !this.last.timeline) this.showBlank(st);
      this.say("query"); return false;
    }
    var dt = parseDate(st.date);
    if (dt.error) {
      if (!this.last || !this.last.timeline) this.showBlank(st);
      this.say("date"); return false;
    }
    if (!opts.keepMessage) this.say(null);
    var mm = useExact ? this.exact.mm : a.value;
    // The link keeps the amount as it was typed (before any unit switch), so it reopens this exact plan.
    var linkState = useExact ? Object.assign({}, st, { amount: this.exact.srcText, unit: this.exact.srcUnit }) : st;
    this.root.removeAttribute("data-state");
    this.last = { state: linkState, unit: st.unit, dateMs: dt.value };
    var tl = compute(this.model, mm, st.bone, st.method);
    this.last.timeline = tl;
    var node = this.render(tl);
    this.result.replaceChildren(node);
    var solid = tl.totals.bone_solid, sport = tl.totals.return_to_sport;
    var solidText = fill(this.s.months_range, { min: months(solid.min), max: months(solid.max) });
    this.live.textContent = fill(this.s.live_updated, { solid: solidText });
    this.peek.textContent = fill(this.s.peek, { solid: solidText,
      sport: fill(this.s.months_range, { min: months(sport.min), max: months(sport.max) }) });
    if (!opts.noUrl) this.writeUrl(linkState);
    this.printInfo(linkState);
    return true;
  };

  // With a question open (did you mean cm?), the plan below is for the last valid entry.
  Planner.prototype.keptNote = function (asking) {
    if (asking && this.last && this.last.timeline) this.message.textContent = this.s.kept_previous;
  };

  Planner.prototype.writeUrl = function (st) {
    try { history.replaceState(history.state, "", this.toQuery(st) + location.hash); } catch (e) { /* file:// */ }
  };

  Planner.prototype.reopenUrl = function (st) {
    var base;
    try { base = new URL(this.shortUrl, location.href); } catch (e) { base = new URL(location.href); }
    if (base.protocol === "file:") base = new URL(location.href);
    base.search = this.toQuery(st);
    base.hash = "";
    return base.href;
  };

  // What a printed plan carries: the date printed, a QR code and the address that reopen it.
  Planner.prototype.printInfo = function (st) {
    var self = this, url = this.reopenUrl(st);
    this.printinfo.hidden = false;
    this.printinfo.setAttribute("data-url", url);
    this.root.querySelector(".app-planner__printed").textContent =
      fill(this.s.printed, { date: this.dateFormat.format(new Date(Date.now())) });
    this.root.querySelector(".app-planner__reopen").textContent =
      fill(this.s.reopen, { url: url.replace(/^https?:\/\//, "") });
    loadEncoder().then(function (encoder) {
      if (self.printinfo.getAttribute("data-url") !== url) return;
      self.root.querySelector(".app-planner__qr").replaceChildren(qrSvg(encoder, url));
      self.printinfo.setAttribute("data-qr", url);
    }, function () { /* no QR: the address is printed */ });
  };

  Planner.prototype.ics = function () {
    if (!this.last || !this.last.timeline) { this.message.textContent = this.s.error_amount_missing; return null; }
    if (this.last.dateMs == null) { this.message.textContent = this.s.ics_needs_date; return null; }
    var self = this, tl = this.last.timeline, s = this.s;
    function d8(ms) { return self.iso(ms).replace(/-/g, ""); }
    function esc(t) { return String(t).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); }
    function when(ms) { return self.dateFormat.format(new Date(ms)); }
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Leg Length Guide//Planner//EN", "CALSCALE:GREGORIAN"];
    milestoneOrder(tl).forEach(function (mid) {
      var span = tl.milestones[mid];
      var start = self.dateOf(span.typical);
      var lo = when(self.dateOf(span.min)), hi = when(self.dateOf(span.max));
      // A range only when it is one: "between 1 Mar and 1 Mar" never appears.
      var description = lo === hi ? fill(s.ics_description_single, { date: lo }) : fill(s.ics_description, { min: lo, max: hi });
      lines.push("BEGIN:VEVENT", "UID:" + mid + "-" + d8(self.last.dateMs) + "@leg-length-guide", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + d8(start), "DTEND;VALUE=DATE:" + d8(start + 86400000),
        "SUMMARY:" + esc(fill(s.ics_event, { name: self.milestoneName(mid, tl.method) })),
        "DESCRIPTION:" + esc(description),
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(foldLine).join("\r\n") + "\r\n";
  };

  Planner.prototype.action = function (name) {
    var self = this;
    if (name === "print") {
      // print the plan alone (planner.css hides the rest of the page while this class is set)
      document.documentElement.classList.add("app-print-plan");
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("app-print-plan");
      }, { once: true });
      window.print();
      return;
    }
    if (name === "copy") {
      var url = location.href;
      var done = function () { self.message.textContent = self.s.copied; };
      var fail = function () { self.message.textContent = self.s.copy_failed; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, fail);
      else fail();
      return;
    }
    if (name === "ics") {
      var text = this.ics();
      if (!text) return;
      var blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
      var a = el("a", { href: URL.createObjectURL(blob), download: this.s.ics_filename });
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    }
  };

  // A unit switch while a plan is shown changes the number shown, not the amount: the
  // exact millimetres are kept, so 40 mm -> in -> mm gives 40 mm again. When the number
  // gave no plan in the old unit (a bare 5 in mm, say), the switch says what unit the
  // number is in: the number stays.
  Planner.prototype.switchUnit = function (from, to) {
    var text = this.form.elements.amount.value.trim();
    var src;
    if (this.exact && text === this.exact.text && from === this.exact.unit) src = this.exact;
    else {
      var parsed = parseAmount(text, from, this.model);
      if (parsed.value == null) { this.exact = null; return; }
      src = { mm: parsed.value, srcText: text, srcUnit: from };
    }
    var shown = to === src.srcUnit ? src.srcText : String(fromMm(src.mm, to));
    this.form.elements.amount.value = shown;
    this.exact = { text: shown, unit: to, mm: src.mm, srcText: src.srcText, srcUnit: src.srcUnit };
  };

  Planner.prototype.start = function () {
    var self = this;
    var q = this.fromQuery(location.search);
    this.linkInvalid = q.invalid;
    this.writeForm(q.state);
    var shown = this.update({ noUrl: !location.search, quiet: !location.search });
    if (q.bad) {
      var before = this.message.textContent;
      this.say("query");
      if (!shown && Object.keys(q.invalid).length) this.message.textContent = before + " " + this.message.textContent;
    }
    this.lastUnit = q.state.unit;
    this.form.addEventListener("input", function (ev) {
      if (ev.target && ev.target.name === "unit") return; // handled on change
      self.update();
    });
    this.form.addEventListener("change", function (ev) {
      if (ev.target && ev.target.name === "unit") {
        var now = self.readForm().unit;
        if (now !== self.lastUnit) self.switchUnit(self.lastUnit, now);
        self.lastUnit = now;
      }
      self.update();
    });
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.update(); });
    var actions = this.root.querySelector(".app-planner__actions");
    actions.hidden = false;
    actions.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-action]");
      if (b) self.action(b.getAttribute("data-action"));
    });
    this.peek.hidden = false;
    var nojs = this.root.querySelector(".app-planner__nojs");
    if (nojs) nojs.remove(); // it is for readers without JavaScript only
    window.addEventListener("beforeprint", function () {
      if (document.body.contains(self.root)) self.printInfo(self.last ? self.last.state : self.readForm());
    });
    this.root.setAttribute("data-app-ready", "");
  };

  /* ---- QR code for the printed plan (vendored encoder, loaded on first use) ---- */
  var encoderPromise = null;
  var SCRIPT_SRC = document.currentScript && document.currentScript.src;
  function loadEncoder() {
    if (window.qrcode) return Promise.resolve(window.qrcode);
    if (!encoderPromise) {
      encoderPromise = new Promise(function (resolve, reject) {
        var sc = document.createElement("script");
        sc.src = new URL("vendor/qrcode-generator-2.0.4.js", SCRIPT_SRC || document.baseURI).href;
        sc.onload = function () { resolve(window.qrcode); };
        sc.onerror = reject;
        document.head.appendChild(sc);
      });
    }
    return encoderPromise;
  }
  function qrSvg(encoder, text) {
    var qr = encoder(0, "M");
    qr.addData(text);
    qr.make();
    var n = qr.getModuleCount(), border = 4, size = n + 2 * border, d = "";
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) if (qr.isDark(r, c)) d += "M" + (c + border) + " " + (r + border) + "h1v1h-1z";
    }
    var root = svg("svg", { viewBox: "0 0 " + size + " " + size, "class": "app-qr", "aria-hidden": "true",
                            "shape-rendering": "crispEdges" });
    root.appendChild(svg("rect", { width: size, height: size, fill: "#fff" }));
    root.appendChild(svg("path", { d: d, fill: "#000" }));
    return root;
  }

  function init() {
    var roots = document.querySelectorAll("[data-app-widget='planner']");
    Array.prototype.forEach.call(roots, function (root) {
      if (root.dataset.appInit) return;
      root.dataset.appInit = "1";
      try {
        var p = new Planner(root);
        root.appPlanner = p;
        p.start();
      } catch (e) {
        root.removeAttribute("data-app-ready");
      }
    });
  }

  window.appPlannerModel = { compute: compute, parseAmount: parseAmount, parseDate: parseDate, parseDecimal: parseDecimal,
                             fromMm: fromMm, suggestUnit: suggestUnit, foldLine: foldLine };
  // Material's document$ fires on load and after every instant navigation; under
  // file:// it may never fire, so the plain load event starts the planner too (init is
  // idempotent).
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
