/* Leg Length Guide: the treatment-timeline planner.
 *
 * Reads every number from the JSON that the planner() macro embeds in the page; the
 * arithmetic, the words of numbers and the chart's geometry are in planner-model.js and
 * units-model.js (loaded before this file by widgets.js), checked against Python by
 * node --test tests/js/. This file is the DOM wiring: it builds the result with DOM
 * methods and textContent only; nothing from the URL or the inputs is ever written as HTML.
 * State lives in the URL query: amount, unit (mm|cm|in), bone, method, date. An old link's
 * age= is ignored (the planner has no age input: the studies give no figures by age).
 * An amount outside lengthening.plausible_amount asks "Did you mean ...?" with a one-tap
 * fix and shows no plan for it. An amount typed with its unit ("4 cm", "1,5 in") is read in
 * that unit: the unit choice moves to it and the link carries the number and the unit apart.
 */
(function () {
  "use strict";

  var M = globalThis.LLGPlannerModel, U = globalThis.LLGUnitsModel;
  var fill = U.fill, compute = M.compute, parseAmount = M.parseAmount, parseDate = M.parseDate;
  var pick = M.pick, milestoneOrder = M.milestoneOrder, byMethod = M.byMethod;
  var BONES = M.BONES, METHODS = M.METHODS, UNITS = M.UNITS, PHASES = M.PHASES;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var MAX_PARAM_LENGTH = 40;

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
    this.words = data.units_typed; // the unit words a person may type after the amount
    this.decision = data.decision; // {href, limits}: the decision aid, opened for this size band
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
  }

  Planner.prototype.dateOf = function (day) {
    return this.last.dateMs == null ? null : M.dateOf(this.last.dateMs, day);
  };
  Planner.prototype.iso = function (ms) { return M.iso(ms); };

  Planner.prototype.dayText = function (span) {
    var self = this;
    var f = this.last.dateMs != null ? function (d) { return M.dateText(self.s, self.dateOf(d)); } : null;
    return M.dayText(this.s, span, f);
  };

  function setSpan(node, prefix, span) {
    var p = prefix ? prefix + "-" : "";
    node.setAttribute("data-" + p + "day", String(span.typical));
    node.setAttribute("data-" + p + "day-min", String(span.min));
    node.setAttribute("data-" + p + "day-max", String(span.max));
  }

  Planner.prototype.chart = function (tl) {
    var s = this.s, c = M.chartLayout(tl);
    var root = svg("svg", { "class": "app-timeline__chart", viewBox: "0 0 " + c.width + " " + c.height,
                            role: "img", "aria-label": s.svg_title });
    c.ticks.forEach(function (t) {
      root.appendChild(svg("line", { "class": "app-timeline__grid", x1: t.x, x2: t.x, y1: c.top, y2: c.axisTop - c.axisHeight + 4 }));
      root.appendChild(svg("text", { "class": "app-timeline__tick", x: t.x, y: c.axisTop - c.axisHeight + 18, "text-anchor": "middle" },
                           fill(s.axis_month, { n: t.month })));
    });
    root.appendChild(svg("text", { "class": "app-timeline__axis", x: c.labelX + c.plot / 2, y: c.axisTop - 6, "text-anchor": "middle" }, s.axis_label));
    var lx = c.labelX, ly = c.axisTop + 6, legend = svg("g", { "class": "app-timeline__legend" });
    legend.appendChild(svg("rect", { "class": "app-timeline__bar", x: lx, y: ly + 3, width: 22, height: 10, rx: 2 }));
    legend.appendChild(svg("text", { "class": "app-timeline__label", x: lx + 28, y: ly + 13 }, s.legend_typical));
    legend.appendChild(svg("rect", { "class": "app-timeline__range", x: lx + 170, y: ly, width: 22, height: 16, rx: 3 }));
    legend.appendChild(svg("text", { "class": "app-timeline__label", x: lx + 198, y: ly + 13 }, s.legend_range));
    root.appendChild(legend);
    c.rows.forEach(function (row) {
      var g = svg("g", { "class": "app-timeline__row app-timeline__row--" + row.phase });
      g.appendChild(svg("text", { "class": "app-timeline__label", x: lx, y: row.y + 14 }, byMethod(s.phases[row.phase], tl.method)));
      g.appendChild(svg("rect", { "class": "app-timeline__range", x: row.rangeX, y: row.y + 19, width: row.rangeWidth, height: 16, rx: 3 }));
      g.appendChild(svg("rect", { "class": "app-timeline__bar", x: row.barX, y: row.y + 22, width: row.barWidth, height: 10, rx: 2 }));
      root.appendChild(g);
    });
    return root;
  };

  Planner.prototype.render = function (tl) {
    var s = this.s, self = this;
    var box = el("div", { "class": "app-timeline", "data-amount-mm": String(tl.amount), "data-bone": tl.bone,
                          "data-method": tl.method });
    if (this.last.dateMs != null) box.setAttribute("data-date", this.iso(this.last.dateMs));
    var amountText = M.amountText(s, tl.amount, this.last.unit);
    var cap = el("p", { "class": "app-timeline__caption" });
    cap.appendChild(el("strong", null, fill(s.caption, { amount: amountText, bone: s.bones[tl.bone],
      method: s.methods[tl.method] })));
    box.appendChild(cap);
    if (tl.warnings.indexOf("beyond_evidence") >= 0) {
      box.appendChild(el("p", { "class": "app-timeline__warning", "data-warning": "beyond_evidence" },
                         fill(s.warning_beyond_evidence, { max: this.evidenceMaxText })));
    }
    box.appendChild(el("p", { "class": "app-timeline__summary" }, M.summaryText(s, tl)));
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
    var D = globalThis.LLGDecisionModel;
    if (this.decision && D) {
      // The planner does not ask the age: the amount is the difference to correct now, so the
      // link is for someone who has stopped growing, and says so.
      var link = el("p", { "class": "app-timeline__decision app-screen-only" });
      var figures = D.encodeFigures ? D.encodeFigures({ d: tl.amount }) : "";
      link.appendChild(el("a", { href: this.decision.href + "?s=grown&b=" + D.band(this.decision.limits, tl.amount) +
                                   (figures ? "&" + figures : ""),
                                 "data-decision-link": "" }, s.decision_link));
      link.appendChild(document.createTextNode(" " + s.decision_note));
      box.appendChild(link);
    }
    return box;
  };

  // A typed amount, read as planner-model.js reads it (a unit typed after it wins).
  Planner.prototype.parse = function (text, unit) { return parseAmount(text, unit, this.model, this.words); };

  Planner.prototype.setUnit = function (unit) {
    Array.prototype.forEach.call(this.form.querySelectorAll('input[name="unit"]'), function (r) { r.checked = r.value === unit; });
  };

  Planner.prototype.milestoneName = function (mid, method) { return M.milestoneName(this.s, mid, method); };

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
      var parsed = this.parse(amount, st.unit);
      if (parsed.value != null || parsed.suggest) st.amount = amount.trim();
      else bad = true;
    }
    if (date != null) { if (parseDate(date).error) bad = true; else st.date = date; }
    return { state: st, bad: bad, invalid: invalid };
  };

  Planner.prototype.toQuery = function (st) {
    var q = new URLSearchParams();
    // a link is the same in every language: a number is written with a point ("4,5" -> 4.5)
    if (st.amount.trim()) q.set("amount", U.linkNumber(st.amount));
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
    // The question stands beside the field with its answer: the short summary at the foot
    // of a phone's screen would only say it a second time.
    if (this.peekOn) this.peek.hidden = !!key;
    // The same question stays as it is: a tap on its button blurs the field, and a
    // rebuilt button would lose that tap.
    if (key && this.question.getAttribute("data-key") === key) return;
    this.question.setAttribute("data-key", key);
    this.question.replaceChildren();
    if (!key) return;
    var n = U.numberText(parsed.number, s.format);
    var meant = n + " " + s.unit_words[parsed.suggest];
    this.question.appendChild(el("p", null, fill(s.question, { amount: meant })));
    var fix = el("button", { type: "button", "class": "md-button md-button--primary", "data-fix-unit": parsed.suggest },
                 fill(s.question_fix, { amount: meant }));
    fix.addEventListener("click", function () {
      // a unit typed in the box would win again: the box keeps the number alone
      if (parsed.unit) self.form.elements.amount.value = parsed.text;
      self.setUnit(parsed.suggest);
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
    var a = this.parse(st.amount, st.unit);
    if (a.unit) {
      // The unit typed with the amount wins: the unit choice shows it, and the plan and the
      // link use the number and the unit apart (amount=4&unit=cm), as if chosen so.
      this.setUnit(a.unit);
      this.lastUnit = a.unit;
      st.unit = a.unit;
      st.amount = a.text;
    }
    this.ask(a, st.unit);
    // A bone or method not chosen (a link's value the planner did not know): no plan until chosen.
    var unchosen = ["bone", "method"].filter(function (k) { return !st[k]; });
    if (unchosen.length) {
      this.showBlank(st);
      this.sayChoose(unchosen);
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
      if (!a.suggest) this.peek.textContent = this.s["error_" + a.error];
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
    if (this.actionNote) this.actionNote.textContent = "";
    this.last = { state: linkState, unit: st.unit, dateMs: dt.value };
    var tl = compute(this.model, mm, st.bone, st.method);
    this.last.timeline = tl;
    var node = this.render(tl);
    this.result.replaceChildren(node);
    var solidText = M.monthsRange(this.s, tl.totals.bone_solid);
    this.live.textContent = fill(this.s.live_updated, { solid: solidText });
    this.peek.textContent = fill(this.s.peek, { solid: solidText, sport: M.monthsRange(this.s, tl.totals.return_to_sport) });
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
      fill(this.s.printed, { date: M.dateText(this.s, Date.now()) });
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
    function when(ms) { return M.dateText(self.s, ms); }
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
    return lines.map(M.foldLine).join("\r\n") + "\r\n";
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
      // The buttons sit below the plan, far from the message on a phone: say it here too.
      this.actionNote.textContent = text ? "" : this.message.textContent;
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
      var parsed = this.parse(text, from);
      if (parsed.value == null) { this.exact = null; return; }
      // "4 cm" typed, then inches chosen: 1.57 shown, 4 (in cm) kept for the way back
      src = { mm: parsed.value, srcText: parsed.unit ? parsed.text : text, srcUnit: parsed.unit || from };
    }
    // written with the page's decimal sign ("1,57"), which the field reads back
    var shown = to === src.srcUnit ? src.srcText : String(U.fromMm(src.mm, to)).replace(".", this.s.format.decimal);
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
    this.actionNote = el("p", { "class": "app-planner__action-note", role: "status", "aria-live": "polite" });
    actions.after(this.actionNote);
    actions.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-action]");
      if (b) self.action(b.getAttribute("data-action"));
    });
    this.peekOn = true;
    this.peek.hidden = !!this.question.getAttribute("data-key");
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

  // Material's document$ fires on load and after every instant navigation; under
  // file:// it may never fire, so the plain load event starts the planner too (init is
  // idempotent).
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
