/* The treatment companion's page widget: the form, today's steps, the schedule and turns
 * chart, changes to the plan, calendar reminders and the private diary.
 *
 * The arithmetic is in companion-model.js (loaded first by widgets.js); this file only
 * reads the form and draws. Everything the reader types is shown with textContent, never
 * as markup. Nothing is sent anywhere: the plan and the diary are kept in localStorage
 * under the one key the page's configuration names (data-app-config), and only when the
 * reader presses "Show my schedule" or "Save this day". Initialises inside Material's
 * document$ (first load and every instant navigation) and marks its root, so it is
 * idempotent.
 */
(function () {
  "use strict";

  var MAX_PARAM_LENGTH = 40;
  var UNIT_MM = { mm: 1, cm: 10, "in": 25.4 }; // lengths a link or the form may use, in mm
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "hidden") node.hidden = !!attrs[k];
      else if (attrs[k] != null && attrs[k] !== false) node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) node.append(c); });
    return node;
  }

  function field(id, label, input, hint) {
    var kids = [el("label", { for: id, text: label }), input];
    if (hint) {
      input.setAttribute("aria-describedby", id + "-hint");
      kids.push(el("span", { class: "app-companion__hint", id: id + "-hint", text: hint }));
    }
    return el("div", { class: "app-companion__field" }, kids);
  }

  function numberText(x, fmt) { return window.LLGUnitsModel.numberText(Math.round(x * 100) / 100, fmt); }

  // A typed number, with a point or a comma for decimals (as the planner reads it); null otherwise.
  function readNumber(text) { return window.LLGUnitsModel.parseDecimal(text); }

  // A diary field as checkEntry reads it: "0,5" -> "0.5", a pain of "3/10" -> "3", a bend
  // of "-5" kept negative. Text that is not a number is passed on unchanged, to be refused.
  function diaryNumber(text, outOf) {
    var t = String(text == null ? "" : text).trim(), sign = "";
    if (outOf) t = t.replace(new RegExp("\\s*/\\s*" + outOf + "$"), "");
    if (t.charAt(0) === "-") { sign = "-"; t = t.slice(1).trim(); }
    var v = readNumber(t);
    return v == null ? String(text == null ? "" : text).trim() : sign + String(v);
  }

  function Companion(root) {
    var M = window.LLGCompanionModel;
    this.M = M;
    this.root = root;
    this.cfg = JSON.parse(root.getAttribute("data-app-config"));
    this.s = this.cfg.strings;
    this.fill = M.fill;
    this.app = root.querySelector(".app-companion__app");
    this.chart = root.querySelector(".app-chart");
    this.blankRows = Array.prototype.slice.call(this.chart.querySelectorAll("tbody tr")).map(function (tr) {
      return tr.cloneNode(true);
    });
    this.store = this.load();
    this.build();
    var fromLink = this.fromQuery(location.search);
    // A saved plan is never hidden or overwritten by a link: it is shown, and the link's
    // amount is offered with a button.
    var saved = this.store.plan && this.store.plan.target !== undefined ? this.store.plan : null;
    var offer = saved && fromLink.used && !fromLink.bad && !fromLink.noAmount &&
      (fromLink.state.target !== saved.target || fromLink.state.unit !== saved.unit);
    var st = saved || (fromLink.used ? fromLink.state : this.defaultState());
    if (!st.changes) st.changes = [];
    this.state = st;
    this.writeForm(st);
    var message = fromLink.bad ? this.s.error_query : offer ? "" : fromLink.used && fromLink.noAmount && !saved ? this.s.ask_amount
      : fromLink.date ? this.s.link_date : "";
    this.update({ message: message, kind: fromLink.bad ? "error" : "info" });
    if (offer) this.offerLink(fromLink.state);
    root.querySelector(".app-companion__nojs").hidden = true;
    this.app.hidden = false;
  }

  // The saved plan is shown; the link's amount waits for the reader's button.
  Companion.prototype.offerLink = function (link) {
    var s = this.s, self = this, unit = s["unit_" + link.unit] || link.unit;
    var words = { amount: link.target, unit: unit };
    var button = el("button", { type: "button", class: "md-button", "data-action": "use-link", text: this.fill(s.link_use, words) });
    this.linkOffer = el("div", { class: "app-companion__link-offer", role: "status" }, [
      el("p", { text: this.fill(s.link_saved, words) }), button]);
    this.linkState = link;
    this.form.before(this.linkOffer);
    button.addEventListener("click", function () {
      var st = self.readForm();
      st.target = link.target;
      st.unit = link.unit;
      self.writeForm(st);
      self.linkOffer.remove();
      self.update();
    });
  };

  // The empty form: every number comes from the team's sheet, none is filled in here.
  Companion.prototype.defaultState = function () {
    var t = this.cfg.times;
    return { target: "", unit: "mm", start: "", rate: "", steps: null,
             first_time: t.first, last_time: t.last, changes: [] };
  };

  // ------------------------------------------------------------ storage (one key)

  Companion.prototype.load = function () {
    try {
      var raw = window.localStorage.getItem(this.cfg.storage_key);
      var data = raw ? JSON.parse(raw) : null;
      if (data && typeof data === "object" && Array.isArray(data.entries)) {
        var M = this.M;
        data.entries = data.entries.filter(function (e) {
          try { M.checkEntry(e); return true; } catch (err) { return false; }
        });
        return data;
      }
    } catch (err) { /* unreadable or blocked storage: start empty */ }
    return { version: 1, plan: null, entries: [] };
  };

  Companion.prototype.save = function () {
    this.store.plan = this.state;
    try { window.localStorage.setItem(this.cfg.storage_key, JSON.stringify(this.store)); } catch (err) { /* blocked */ }
  };

  // ------------------------------------------------------------ link parameters

  Companion.prototype.fromQuery = function (search) {
    var q = new URLSearchParams(search), bad = false, used = false;
    var st = this.defaultState(), M = this.M;
    function get(name) {
      var v = q.get(name);
      if (v == null) return null;
      used = true;
      if (v.length > MAX_PARAM_LENGTH) { bad = true; return null; }
      return v;
    }
    // The planner's link: only the amount is used. Its date is the operation day, not the
    // first day of lengthening, and it carries no rate or steps: those stay empty for the
    // family to copy from the team's sheet.
    var unit = get("unit"), amount = get("amount"), date = get("date"), bone = get("bone"), method = get("method");
    if (unit != null) { unit = unit.toLowerCase(); if (UNIT_MM[unit]) st.unit = unit; else bad = true; }
    if (bone != null && !/^(femur|tibia)$/i.test(bone)) bad = true;
    if (method != null && !/^(nail|frame)$/i.test(method)) bad = true;
    if (amount != null) {
      var a = amount.trim().replace(",", ".");
      var v = /^\d{1,4}(\.\d{1,2})?$/.test(a) ? parseFloat(a) : NaN;
      var mm = v * UNIT_MM[st.unit];
      if (mm > 0 && mm <= this.cfg.limits.max_mm) st.target = a;
      else { bad = true; st.unit = "mm"; }
    }
    if (date != null) { try { M.parseDate(date); } catch (err) { bad = true; } }
    return { state: st, bad: bad, used: used, noAmount: amount == null, date: date != null };
  };

  // ------------------------------------------------------------ building the DOM

  Companion.prototype.build = function () {
    var s = this.s, lim = this.cfg.limits, self = this;
    var steps = el("select", { id: "app-companion-steps", name: "steps" },
      [el("option", { value: "", text: s.choose_option })].concat(
        lim.steps.map(function (n) { return el("option", { value: n, text: String(n) }); })));
    var unit = el("fieldset", { class: "app-companion__unit" }, [
      el("legend", { text: s.unit_label }),
      el("label", {}, [el("input", { type: "radio", name: "unit", value: "mm" }), " " + s.unit_mm]),
      el("label", {}, [el("input", { type: "radio", name: "unit", value: "cm" }), " " + s.unit_cm]),
      el("label", {}, [el("input", { type: "radio", name: "unit", value: "in" }), " " + s.unit_in])]);
    // "Did you mean 4 cm?": the planner's question, for an amount that looks like another unit.
    this.question = el("div", { class: "app-companion__question", "aria-live": "polite" });
    this.form = el("form", { class: "app-companion__form", novalidate: true }, [
      el("h2", { id: "app-companion-form-title", text: s.form_title }),
      field("app-companion-target", s.target_label,
            el("input", { id: "app-companion-target", name: "target", type: "text", inputmode: "decimal", autocomplete: "off", size: 6 }),
            s.target_hint),
      unit, this.question,
      field("app-companion-start", s.start_label, el("input", { id: "app-companion-start", name: "start", type: "date" }), s.start_hint),
      field("app-companion-rate", s.rate_label,
            el("input", { id: "app-companion-rate", name: "rate", type: "text", inputmode: "decimal", autocomplete: "off", size: 6 }),
            this.fill(s.rate_hint, { min: lim.rate_min, max: lim.rate_max })),
      field("app-companion-steps", s.steps_label, steps, s.steps_hint),
      field("app-companion-first", s.first_label, el("input", { id: "app-companion-first", name: "first_time", type: "time" }), s.times_hint),
      field("app-companion-last", s.last_label, el("input", { id: "app-companion-last", name: "last_time", type: "time" })),
      el("p", { class: "app-companion__message", id: "app-companion-message", role: "status", "aria-live": "polite" }),
      el("button", { class: "md-button md-button--primary", type: "submit", text: s.show })]);
    this.message = this.form.querySelector(".app-companion__message");
    this.summary = el("p", { class: "app-companion__summary", "aria-live": "polite" });
    this.today = el("p", { class: "app-companion__today" });
    // Changes to the plan
    this.changeList = el("ul", { class: "app-companion__changes" });
    var kind = el("fieldset", {}, [
      el("legend", { text: s.change_kind }),
      el("label", {}, [el("input", { type: "radio", name: "change_kind", value: "rate", checked: true }), " " + s.change_rate]),
      el("label", {}, [el("input", { type: "radio", name: "change_kind", value: "pause" }), " " + s.change_pause])]);
    this.changeForm = el("div", { class: "app-companion__change-form" }, [
      field("app-companion-change-date", s.change_from, el("input", { id: "app-companion-change-date", type: "date" })),
      kind,
      field("app-companion-change-rate", s.rate_label,
            el("input", { id: "app-companion-change-rate", type: "text", inputmode: "decimal", autocomplete: "off", size: 6 })),
      field("app-companion-change-steps", s.steps_label, el("select", { id: "app-companion-change-steps" },
        [el("option", { value: "", text: s.choose_option })].concat(
          lim.steps.map(function (n) { return el("option", { value: n, text: String(n) }); })))),
      el("button", { type: "button", class: "md-button", "data-action": "add-change", text: s.change_add })]);
    var changes = el("section", { class: "app-companion__section", "aria-labelledby": "app-companion-changes-title" }, [
      el("h2", { id: "app-companion-changes-title", text: s.changes_title }),
      el("p", { text: s.changes_intro }), this.changeList, this.changeForm]);
    var actions = el("div", { class: "app-companion__actions" }, [
      el("button", { type: "button", class: "md-button", "data-action": "print-chart", text: s.print_chart }),
      el("button", { type: "button", class: "md-button", "data-action": "ics", text: s.ics }),
      el("p", { class: "app-companion__ics-note", text: s.ics_note })]);
    this.app.replaceChildren(this.form, this.summary, this.today, actions, changes, this.buildDiary());
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); if (self.update()) self.save(); });
    this.form.addEventListener("change", function () { self.update(); });
    // A corrected field clears its error as soon as it reads well (no need to leave the field).
    this.form.addEventListener("input", function () {
      if (self.message.getAttribute("data-kind") === "error") self.update();
    });
    this.app.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-action]");
      if (b) self.action(b.getAttribute("data-action"), b);
    });
  };

  Companion.prototype.readForm = function () {
    var f = this.form.elements, unit = this.form.querySelector('input[name="unit"]:checked');
    return { target: f.target.value.trim(), unit: unit ? unit.value : "mm", start: f.start.value, rate: f.rate.value.trim(),
             steps: parseInt(f.steps.value, 10), first_time: f.first_time.value, last_time: f.last_time.value,
             changes: (this.state && this.state.changes) || [] };
  };

  Companion.prototype.writeForm = function (st) {
    var f = this.form.elements;
    f.target.value = st.target;
    this.form.querySelectorAll('input[name="unit"]').forEach(function (r) { r.checked = r.value === st.unit; });
    f.start.value = st.start || "";
    f.rate.value = st.rate;
    f.steps.value = st.steps == null ? "" : String(st.steps);
    f.first_time.value = st.first_time || "";
    f.last_time.value = st.last_time || "";
  };

  // The model's plan from the form's state; an error code for the message otherwise.
  Companion.prototype.plan = function (st) {
    var M = this.M, lim = this.cfg.limits;
    if (st.target === "") return { error: "ask_amount" };
    if (st.rate === "" || isNaN(st.steps) || st.steps == null) return { error: "ask_plan" };
    var amount = /^\d{1,4}([.,]\d{1,2})?$/.test(st.target.trim()) ? readNumber(st.target) : null;
    if (amount == null || !UNIT_MM[st.unit]) return { error: "error_target" };
    var mm = amount * UNIT_MM[st.unit];
    if (!(mm > 0)) return { error: "error_target" };
    if (mm > lim.max_mm) return { error: "error_too_large" };
    var plausible = this.cfg.plausible_mm;
    var suggest = window.LLGUnitsModel.suggestUnit(amount, st.unit, plausible[0], plausible[1]);
    if (suggest && this.keepUnit !== amount + "|" + st.unit) return { error: "ask_unit", suggest: suggest, amount: amount };
    var rate = /^\d([.,]\d{1,3})?$/.test(st.rate.trim()) ? readNumber(st.rate) : NaN;
    if (!(rate >= lim.rate_min && rate <= lim.rate_max)) return { error: "error_rate" };
    if (lim.steps.indexOf(st.steps) < 0) return { error: "error_steps" };
    var start = st.start || "2000-01-03"; // only to count days: no date is shown without the reader's start day
    try { M.parseDate(start); } catch (err) { return { error: "error_date" }; }
    var segs = [{ start: start, rate: rate, steps: st.steps }];
    st.changes.forEach(function (c) { segs.push({ start: c.start, rate: c.rate, steps: c.steps }); });
    try {
      return { plan: { target_mm: mm, segments: segs, first_time: st.first_time, last_time: st.last_time }, dated: !!st.start };
    } catch (err) { return { error: "error_date" }; }
  };

  // kind: "error" (the reader must correct something) or "info"; they look different.
  Companion.prototype.say = function (text, kind) {
    this.message.textContent = text || "";
    this.message.setAttribute("data-kind", text ? kind || "info" : "");
    this.root.toggleAttribute("data-invalid", !!text && kind === "error");
  };

  // The planner's question for an amount that looks like another unit, with a one-tap fix.
  Companion.prototype.ask = function (p, st) {
    var s = this.s, self = this;
    this.question.replaceChildren();
    if (!p) return;
    var meant = this.fill(s.question_amount, { amount: numberText(p.amount, s.format), unit: s.unit_words[p.suggest] });
    var typed = this.fill(s.question_amount, { amount: numberText(p.amount, s.format), unit: s.unit_words[st.unit] });
    var fix = el("button", { type: "button", class: "md-button md-button--primary", "data-fix-unit": p.suggest,
                             text: this.fill(s.question_fix, { amount: meant }) });
    var keep = el("button", { type: "button", class: "md-button", "data-keep-unit": st.unit,
                              text: this.fill(s.question_keep, { amount: typed }) });
    fix.addEventListener("click", function () {
      self.form.querySelectorAll('input[name="unit"]').forEach(function (r) { r.checked = r.value === p.suggest; });
      if (self.update()) self.save();
      self.form.elements.target.focus();
    });
    keep.addEventListener("click", function () {
      self.keepUnit = p.amount + "|" + st.unit;
      if (self.update()) self.save();
    });
    this.question.append(el("p", { text: this.fill(s.question, { amount: meant }) }), fix, " ", keep);
  };

  Companion.prototype.errorText = function (code) {
    var lim = this.cfg.limits;
    return this.fill(this.s[code], { min: lim.rate_min, max: lim.rate_max, steps: lim.steps.join(this.s.steps_or) });
  };

  Companion.prototype.update = function (opts) {
    opts = opts || {};
    var st = this.readForm();
    if (st.target === "" && st.rate === "" && isNaN(st.steps)) {
      // The empty form asks for the team's plan; the chart stays blank.
      this.state = st;
      this.sched = null;
      this.say(opts.message || this.s.ask_plan, opts.kind);
      this.clear();
      return false;
    }
    var p = this.plan(st);
    this.ask(p.error === "ask_unit" ? p : null, st);
    if (p.error === "ask_unit") { this.say(""); this.state = st; this.sched = null; this.clear(); return false; }
    if (p.error) {
      var asks = p.error === "ask_amount" || p.error === "ask_plan";
      this.say(opts.message || this.errorText(p.error), opts.message ? opts.kind : asks ? "info" : "error");
      this.state = st; this.sched = null; this.clear(); return false;
    }
    var sched;
    try { sched = this.M.schedule(p.plan, this.cfg.limits); }
    catch (err) {
      var code = { bad_time: "error_time", before_first: "error_time", not_after_previous: "error_change_date" }[err.code] || "error_date";
      this.say(this.errorText(code), "error");
      return false;
    }
    this.say(opts.message || (p.dated ? "" : this.s.error_needs_start), opts.kind);
    this.state = st;
    this.sched = sched;
    this.segments = p.plan.segments;
    this.dated = p.dated;
    this.render();
    return true;
  };

  // No plan: no summary, no today, the blank chart (as printed without JavaScript).
  Companion.prototype.clear = function () {
    this.summary.textContent = "";
    this.today.textContent = "";
    this.changeList.replaceChildren();
    var plan = this.chart.querySelector(".app-chart__plan");
    plan.textContent = "";
    plan.hidden = true;
    this.chart.querySelector(".app-chart__fields").hidden = false;
    this.chart.querySelector(".app-chart__sheet-rows").hidden = false;
    var body = this.chart.querySelector("tbody");
    body.replaceChildren.apply(body, this.blankRows.map(function (tr) { return tr.cloneNode(true); }));
    this.root.toggleAttribute("data-app-plan", false);
    this.renderDiary();
  };

  // A date in words for people ("Friday 12 March 2027", "fre 12 mars"): the names from the
  // page's format (Babel's, in the strings' locale), the order from the strings. ISO dates
  // only go into files.
  Companion.prototype.dateWords = function (iso, style) {
    var long = style === "long", s = this.s;
    var parts = window.LLGUnitsModel.dateParts(this.M.parseDate(iso), s.format, long);
    return this.fill(long ? s.date_long : s.date_short, parts);
  };

  Companion.prototype.longDate = function (iso) { return this.dateWords(iso, "long"); };

  Companion.prototype.shortDate = function (iso) { return this.dateWords(iso, "short"); };

  // The plan in words: every segment that is used, from its first day; the step times;
  // then the target day, or the open-ended pause.
  Companion.prototype.summaryText = function () {
    var s = this.s, M = this.M, sched = this.sched, self = this, rows = sched.rows;
    var last = rows[rows.length - 1], parts = [], times = "";
    this.segments.forEach(function (seg, i) {
      if (sched.unused_segments.indexOf(i) >= 0) return;
      var first = rows.filter(function (r) { return r.segment === i; })[0];
      if (!first) return;
      var date = self.dated ? self.longDate(first.date) : self.fill(s.summary_day, { day: first.day });
      if (seg.steps === 0) { if (sched.paused_from !== seg.start) parts.push(self.fill(s.summary_segment_pause, { date: date })); return; }
      parts.push(self.fill(s.summary_segment, { date: date, rate: numberText(seg.rate, s.format), steps: seg.steps,
                                                 step: M.stepText(M.tenThousandths(seg.rate / seg.steps), s.format) }));
      if (!times && first.times.length) times = M.stepTimes(seg.steps, self.state.first_time, self.state.last_time).join(", ");
    });
    if (times) parts.push(this.fill(s.summary_times, { times: times }));
    if (sched.paused_from) parts.push(this.fill(s.summary_pause, { date: this.dated ? this.longDate(sched.paused_from) : this.fill(s.summary_day, { day: last.day }) }));
    else if (!sched.reached) parts.push(this.fill(s.not_reached, { days: rows.length }));
    else if (this.dated) parts.push(this.fill(s.summary_target, { target: M.mmText(sched.target, s.format), date: this.longDate(last.date), days: last.day }));
    else parts.push(this.fill(s.summary_target_undated, { target: M.mmText(sched.target, s.format), days: last.day }));
    return parts.join(" ");
  };

  Companion.prototype.render = function () {
    this.summary.textContent = this.summaryText();
    this.today.textContent = this.dated ? this.todayText() : "";
    this.renderChanges();
    this.renderChart();
    this.renderDiary();
  };

  Companion.prototype.todayIso = function () {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  };

  Companion.prototype.todayText = function () {
    var s = this.s, M = this.M, rows = this.sched.rows, today = this.todayIso();
    if (today < rows[0].date) return this.fill(s.today_before, { date: this.longDate(rows[0].date) });
    var r = rows.filter(function (x) { return x.date === today; })[0];
    if (!r) return this.fill(s.today_after, { date: this.longDate(rows[rows.length - 1].date) });
    if (r.pause) return this.fill(s.today_pause, { date: this.longDate(r.date), total: M.mmText(r.total, s.format) });
    return this.fill(r.times.length ? s.today_steps : s.today_steps_untimed, { date: this.longDate(r.date), steps: r.steps,
                                      step: M.stepText(r.step_mm, s.format), times: r.times.join(", "), total: M.mmText(r.total, s.format) });
  };

  Companion.prototype.renderChanges = function () {
    var s = this.s, self = this, unused = this.sched.unused_segments;
    this.changeList.replaceChildren.apply(this.changeList, this.state.changes.map(function (c, i) {
      var text = c.steps ? self.fill(s.change_item, { date: self.longDate(c.start), rate: numberText(c.rate, s.format), steps: c.steps })
                         : self.fill(s.change_item_pause, { date: self.longDate(c.start) });
      if (unused.indexOf(i + 1) >= 0) text += " " + s.change_unused;
      return el("li", {}, [el("span", { text: text }), " ",
        el("button", { type: "button", class: "md-button", "data-action": "remove-change", "data-index": i,
                       text: self.fill(s.change_remove, { date: self.shortDate(c.start) }) })]);
    }));
  };

  Companion.prototype.renderChart = function () {
    var s = this.s, M = this.M, dated = this.dated, self = this;
    var first = this.sched.rows[0];
    var plan = this.chart.querySelector(".app-chart__plan");
    plan.textContent = this.summary.textContent;
    plan.hidden = false;
    this.chart.querySelector(".app-chart__fields").hidden = true;
    this.chart.querySelector(".app-chart__sheet-rows").hidden = true; // the rows follow the plan
    this.root.toggleAttribute("data-app-plan", true);
    var body = this.chart.querySelector("tbody");
    body.replaceChildren.apply(body, this.sched.rows.map(function (r) {
      var boxes = [];
      for (var k = 0; k < r.steps; k++) boxes.push(el("span", { class: "app-chart__box", text: r.times[k] || "" }));
      var steps = el("td", { class: "app-chart__steps" }, r.pause ? [s.change_pause] : boxes);
      return el("tr", {}, [el("th", { scope: "row", text: String(r.day) }), el("td", { class: "app-chart__date", text: dated ? self.shortDate(r.date) : "" }),
                           el("td", { class: "app-chart__step", text: r.pause ? "" : self.fill(s.length, { mm: M.stepText(r.step_mm, s.format) }) }), steps,
                           el("td", { class: "app-chart__total", text: self.fill(s.length, { mm: M.mmText(r.total, s.format) }) }), el("td", { class: "app-chart__notes" })]);
    }));
  };

  // ------------------------------------------------------------ actions

  Companion.prototype.action = function (name, button) {
    var s = this.s, M = this.M;
    if ((name === "ics" || name === "add-change") && !this.sched) { this.say(s.ask_plan); return; }
    if (name === "print-chart" || name === "print-summary") {
      var cls = name === "print-chart" ? "app-print-chart" : "app-print-summary";
      document.body.classList.add(cls);
      var done = function () { document.body.classList.remove(cls); window.removeEventListener("afterprint", done); };
      window.addEventListener("afterprint", done);
      // Undone on "afterprint" only: some (mobile) browsers return from print() before the
      // page is printed, and undoing it at once would print the page without its chart.
      window.print();
    } else if (name === "ics") {
      if (!this.dated) { this.say(s.error_needs_start); return; }
      if (!this.state.first_time || !this.state.last_time) { this.say(s.ics_needs_times); return; }
      var rows = this.sched.rows, self = this;
      var milestones = [{ id: "start", date: rows[0].date, summary: s.ics_start }];
      this.state.changes.forEach(function (c, i) {
        if (self.sched.unused_segments.indexOf(i + 1) < 0) {
          milestones.push({ id: "change-" + c.start, date: c.start, summary: self.fill(s.ics_change, {
            what: c.steps ? self.fill(s.change_item, { date: c.start, rate: numberText(c.rate, s.format), steps: c.steps })
                          : self.fill(s.change_item_pause, { date: c.start }) }) });
        }
      });
      if (this.sched.reached) milestones.push({ id: "target", date: rows[rows.length - 1].date, summary: this.fill(s.ics_target, { target: M.mmText(this.sched.target, s.format) }) });
      var now = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
      var previous = Array.isArray(this.store.ics) ? this.store.ics : [];
      var text = M.ics(this.sched, s, now, milestones, previous);
      // Remember this download's events, so the next one can cancel those that went away.
      var index = M.icsIndex(this.sched, s, milestones), have = {};
      index.forEach(function (e) { have[e.uid] = true; });
      this.store.ics = index.concat(previous.filter(function (e) { return e && !have[e.uid]; }));
      this.save();
      this.download(text, s.ics_filename, "text/calendar");
    } else if (name === "add-change") {
      this.addChange();
    } else if (name === "remove-change") {
      this.state.changes.splice(parseInt(button.getAttribute("data-index"), 10), 1);
      this.update();
    } else if (name === "diary-save") {
      this.saveEntry();
    } else if (name === "export-csv") {
      this.download(M.diaryToCsv(this.store.entries, this.csvWords()), s.csv_filename, "text/csv");
    } else if (name === "delete-all") {
      if (!window.confirm(s.delete_confirm)) return;
      try { window.localStorage.removeItem(this.cfg.storage_key); } catch (err) { /* blocked */ }
      this.store = { version: 1, plan: null, entries: [] };
      // Back to the empty form, and a reload does not fill it again from the link.
      this.state = this.defaultState();
      this.writeForm(this.state);
      this.changeForm.querySelectorAll("input[type='date'], input[type='number']").forEach(function (i) { i.value = ""; });
      this.diaryForm.querySelectorAll("input, textarea, select").forEach(function (i) {
        if (i.type === "checkbox") i.checked = false; else i.value = "";
      });
      try { if (location.search) history.replaceState(history.state, "", location.pathname + location.hash); } catch (err) { /* file:// */ }
      this.update();
      this.diaryOpened = false;
      this.diarySay(s.deleted, "ok");
    }
  };

  // The diary's CSV headings and yes/no in the page's language (the strings file).
  Companion.prototype.csvWords = function () {
    var s = this.s;
    return { columns: s.csv_columns, yes: s.csv_yes, no: s.csv_no };
  };

  Companion.prototype.download = function (text, name, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    var a = el("a", { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };

  Companion.prototype.addChange = function () {
    var f = this.changeForm, M = this.M, lim = this.cfg.limits;
    var date = f.querySelector("#app-companion-change-date").value;
    var pause = f.querySelector('input[name="change_kind"]:checked').value === "pause";
    var rate = readNumber(f.querySelector("#app-companion-change-rate").value);
    var steps = parseInt(f.querySelector("#app-companion-change-steps").value, 10);
    try { M.parseDate(date); } catch (err) { this.say(this.s.error_date, "error"); return; }
    if (!this.sched) { this.say(this.s.ask_plan); return; }
    var starts = [this.state.start].concat(this.state.changes.map(function (c) { return c.start; }));
    if (!this.state.start || starts.some(function (d) { return d && date <= d; })) { this.say(this.s.error_change_date, "error"); return; }
    if (!pause && !(rate >= lim.rate_min && rate <= lim.rate_max)) { this.say(this.errorText("error_rate"), "error"); return; }
    if (!pause && lim.steps.indexOf(steps) < 0) { this.say(this.errorText("error_steps"), "error"); return; }
    this.state.changes.push(pause ? { start: date, rate: 0, steps: 0 } : { start: date, rate: rate, steps: steps });
    if (!this.update()) this.state.changes.pop();
    else this.save();
  };

  // ------------------------------------------------------------ diary

  Companion.prototype.buildDiary = function () {
    var s = this.s, self = this;
    var aid = el("select", { id: "app-companion-aid" }, [el("option", { value: "", text: s.choose_option })].concat(
      this.M.AIDS.map(function (a) { return el("option", { value: a, text: s.diary_aids[a] }); })));
    this.diaryForm = el("div", { class: "app-companion__diary-form" }, [
      field("app-companion-d-date", s.diary_date, el("input", { id: "app-companion-d-date", type: "date" })),
      field("app-companion-d-steps", s.diary_steps, el("input", { id: "app-companion-d-steps", type: "text", inputmode: "numeric", autocomplete: "off", size: 4 })),
      field("app-companion-d-pain", s.diary_pain, el("input", { id: "app-companion-d-pain", type: "text", inputmode: "numeric", autocomplete: "off", size: 4 })),
      el("div", { class: "app-companion__field" }, [el("label", {}, [
        el("input", { id: "app-companion-d-pins", type: "checkbox" }), " " + s.diary_pins])]),
      field("app-companion-d-bend", s.diary_bend, el("input", { id: "app-companion-d-bend", type: "text", inputmode: "decimal", autocomplete: "off", size: 4 })),
      field("app-companion-aid", s.diary_aid, aid),
      field("app-companion-d-notes", s.diary_notes, el("textarea", { id: "app-companion-d-notes", rows: 3, maxlength: this.M.MAX_NOTES || 2000 })),
      el("button", { type: "button", class: "md-button md-button--primary", "data-action": "diary-save", text: s.diary_save })]);
    this.diaryMessage = el("p", { class: "app-companion__message", role: "status", "aria-live": "polite" });
    this.diaryProgress = el("p", { class: "app-companion__progress" });
    this.diaryChart = el("div", { class: "app-companion__graph" });
    // A date that already has an entry opens it in the form: saving then updates it.
    this.diaryForm.querySelector("#app-companion-d-date").addEventListener("change", function () { self.openEntry(); });
    this.diaryForm.addEventListener("input", function (ev) {
      if (ev.target.id !== "app-companion-d-date" && self.diaryMessage.getAttribute("data-kind") === "error") {
        try { self.M.checkEntry(self.readEntry()); self.diaryMessage.textContent = ""; self.diaryMessage.setAttribute("data-kind", ""); }
        catch (err) { /* still wrong: the message stays */ }
      }
    });
    this.diaryTable = el("div", { class: "app-companion__diary-table" });
    var file = el("input", { id: "app-companion-import", type: "file", accept: ".csv,text/csv" });
    file.addEventListener("change", function () { self.importFile(file); });
    return el("section", { class: "app-companion__section app-companion__diary", "aria-labelledby": "app-companion-diary-title" }, [
      el("h2", { id: "app-companion-diary-title", text: s.diary_title }),
      el("p", { class: "app-companion__privacy", text: s.diary_privacy }),
      this.diaryForm, this.diaryMessage,
      el("div", { class: "app-companion__summary-print" }, [
        el("h2", { class: "app-companion__print-only", text: s.summary_title }),
        this.diaryProgress, this.diaryChart, this.diaryTable]),
      el("div", { class: "app-companion__actions" }, [
        el("button", { type: "button", class: "md-button", "data-action": "export-csv", text: s.export_csv }),
        el("button", { type: "button", class: "md-button", "data-action": "print-summary", text: s.export_print }),
        field("app-companion-import", s.import_csv, file),
        el("button", { type: "button", class: "md-button app-companion__danger", "data-action": "delete-all", text: s.delete_all })])]);
  };

  Companion.prototype.diarySay = function (text, kind) {
    this.diaryMessage.textContent = text || "";
    this.diaryMessage.setAttribute("data-kind", text ? kind : "");
  };

  // The diary form as checkEntry reads it (decimal commas and "3/10" understood).
  Companion.prototype.readEntry = function () {
    var f = this.diaryForm;
    return { date: f.querySelector("#app-companion-d-date").value, steps: diaryNumber(f.querySelector("#app-companion-d-steps").value),
             pain: diaryNumber(f.querySelector("#app-companion-d-pain").value, 10), pins: f.querySelector("#app-companion-d-pins").checked,
             bend: diaryNumber(f.querySelector("#app-companion-d-bend").value), aid: f.querySelector("#app-companion-aid").value,
             notes: f.querySelector("#app-companion-d-notes").value };
  };

  Companion.prototype.entryFor = function (date) {
    return this.store.entries.filter(function (x) { return x.date === date; })[0] || null;
  };

  // The date field changed: an existing entry fills the form (to add to it or correct it);
  // a new date after an opened entry starts from an empty form, so nothing is copied over.
  Companion.prototype.openEntry = function () {
    var f = this.diaryForm, date = f.querySelector("#app-companion-d-date").value, e = this.entryFor(date);
    if (!e && !this.diaryOpened) { this.diarySay("", ""); return; }
    var v = e || { steps: null, pain: null, pins: null, bend: null, aid: "", notes: "" };
    f.querySelector("#app-companion-d-steps").value = v.steps == null ? "" : String(v.steps);
    f.querySelector("#app-companion-d-pain").value = v.pain == null ? "" : String(v.pain);
    f.querySelector("#app-companion-d-pins").checked = v.pins === true;
    f.querySelector("#app-companion-d-bend").value = v.bend == null ? "" : String(v.bend);
    f.querySelector("#app-companion-aid").value = v.aid || "";
    f.querySelector("#app-companion-d-notes").value = v.notes || "";
    this.diaryOpened = !!e;
    this.diarySay(e ? this.fill(this.s.diary_editing, { date: this.longDate(date) }) : "", "info");
  };

  Companion.prototype.saveEntry = function () {
    var s = this.s, e;
    try { e = this.M.checkEntry(this.readEntry()); }
    catch (err) {
      this.diarySay({ date: s.error_date, steps: s.error_diary_steps, pain: s.error_pain, bend: s.error_bend }[err.field] || s.import_failed, "error");
      return;
    }
    var had = !!this.entryFor(e.date);
    this.store.entries = this.store.entries.filter(function (x) { return x.date !== e.date; }).concat([e]);
    this.store.entries.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    this.save();
    this.diaryOpened = true; // the form now shows this day's entry
    this.diarySay(this.fill(had ? s.diary_updated : s.diary_saved, { date: this.longDate(e.date) }), "ok");
    this.renderDiary();
  };

  Companion.prototype.importFile = function (input) {
    var self = this, s = this.s, file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var entries;
      try { entries = self.M.diaryFromCsv(text, self.csvWords()); }
      catch (err) { self.diarySay(s.import_failed, "error"); return; }
      var byDate = {};
      self.store.entries.concat(entries).forEach(function (e) { byDate[e.date] = e; });
      self.store.entries = Object.keys(byDate).sort().map(function (d) { return byDate[d]; });
      self.save();
      self.diarySay(self.fill(s.imported, { n: entries.length }), "ok");
      self.renderDiary();
    }, function () { self.diarySay(s.import_failed, "error"); });
    input.value = "";
  };

  // Length done by each diary date: steps done times that day's step (in hundredths of
  // a millimetre, with the model's rounding rule).
  Companion.prototype.doneByDate = function () {
    var rows = {}, out = [], total = 0, segs = this.segments, M = this.M;
    if (this.sched && this.dated) this.sched.rows.forEach(function (r) { rows[r.date] = r; });
    this.store.entries.forEach(function (e) {
      var r = rows[e.date];
      if (r && e.steps != null && !r.pause) total += e.steps * r.rate / segs[r.segment].steps;
      out.push({ entry: e, total: M.hundredths(total), row: r });
    });
    return out;
  };

  Companion.prototype.renderDiary = function () {
    var s = this.s, M = this.M, self = this, done = this.doneByDate();
    this.diaryProgress.textContent = this.progressText(done);
    if (!done.length) {
      this.diaryTable.replaceChildren(el("p", { text: s.diary_empty }));
      this.diaryChart.replaceChildren();
      return;
    }
    var head = ["col_date", "col_steps", "col_length", "col_pain", "col_pins", "col_bend", "col_aid", "col_notes"];
    var table = el("table", { class: "app-chart__table app-companion__diary-entries" }, [el("caption", { text: s.diary_table }),
      el("thead", {}, [el("tr", {}, head.map(function (k) { return el("th", { scope: "col", text: s[k] }); }))]),
      el("tbody", {}, done.map(function (d) {
        var e = d.entry;
        return el("tr", {}, [el("th", { scope: "row", class: "app-chart__date", text: self.shortDate(e.date) }), el("td", { text: e.steps == null ? "" : String(e.steps) }),
          el("td", { text: d.row ? self.fill(s.length, { mm: M.mmText(d.total, s.format) }) : "" }), el("td", { text: e.pain == null ? "" : String(e.pain) }),
          el("td", { text: e.pins == null ? "" : e.pins ? s.answer_yes : s.answer_no }),
          el("td", { text: e.bend == null ? "" : String(e.bend) }), el("td", { text: e.aid ? s.diary_aids[e.aid] : "" }),
          el("td", { text: e.notes })]);
      }))]);
    this.diaryTable.replaceChildren(el("div", { class: "app-chart__scroll", tabindex: 0, role: "region", "aria-label": s.diary_table }, [table]));
    if (this.sched && this.dated) this.diaryChart.replaceChildren(this.graph(done));
    else this.diaryChart.replaceChildren();
  };

  // What "length done" counts: the steps written in the diary so far, beside the plan up
  // to today. Days without an entry are not counted (a diary started on day 5 is not behind).
  Companion.prototype.progressText = function (done) {
    var counted = done.filter(function (d) { return d.row && d.entry.steps != null; });
    if (!counted.length || !this.sched || !this.dated) return "";
    var today = this.todayIso(), planned = 0;
    this.sched.rows.forEach(function (r) { if (r.date <= today) planned = r.total; });
    return this.fill(this.s.diary_progress, {
      done: this.M.mmText(done[done.length - 1].total, this.s.format), days: counted.length,
      first: this.longDate(counted[0].entry.date), planned: this.M.mmText(planned, this.s.format) });
  };

  Companion.prototype.graph = function (done) {
    var rows = this.sched.rows, s = this.s, M = this.M, W = 320, H = 180, P = 36;
    var maxX = rows.length, maxY = Math.max(this.sched.target, 1);
    function x(day) { return P + (W - P - 8) * day / maxX; }
    function y(h) { return H - P - (H - P - 8) * h / maxY; }
    function svg(tag, attrs) { var n = document.createElementNS(SVG, tag); Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); }); return n; }
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": "app-companion-graph-title", class: "app-companion__svg" });
    var title = svg("title", { id: "app-companion-graph-title" });
    title.textContent = s.chart_desc;
    root.append(title);
    root.append(svg("line", { x1: P, y1: H - P, x2: W - 8, y2: H - P, class: "app-graph__axis" }));
    root.append(svg("line", { x1: P, y1: 8, x2: P, y2: H - P, class: "app-graph__axis" }));
    function text(str, attrs) { var t = svg("text", attrs); t.textContent = str; root.append(t); }
    // Axis numbers: day 0 and the last day across, 0 and the target up; the units named.
    text("0", { x: P, y: H - P + 14, class: "app-graph__tick", "text-anchor": "middle" });
    text(String(maxX), { x: x(maxX), y: H - P + 14, class: "app-graph__tick", "text-anchor": "middle" });
    text(s.graph_days, { x: (P + W) / 2, y: H - 4, class: "app-graph__label", "text-anchor": "middle" });
    text("0", { x: P - 4, y: y(0) + 4, class: "app-graph__tick", "text-anchor": "end" });
    text(M.mmText(maxY, s.format), { x: P - 4, y: y(maxY) + 4, class: "app-graph__tick", "text-anchor": "end" });
    text(s.graph_mm, { x: P - 4, y: y(maxY / 2) + 4, class: "app-graph__label", "text-anchor": "end" });
    var pts = ["" + x(0) + "," + y(0)].concat(rows.map(function (r) { return x(r.day) + "," + y(r.total); }));
    root.append(svg("polyline", { points: pts.join(" "), class: "app-graph__plan" }));
    done.forEach(function (d) {
      if (d.row) root.append(svg("circle", { cx: x(d.row.day), cy: y(d.total), r: 3.5, class: "app-graph__done" }));
    });
    var legend = el("p", { class: "app-companion__legend" }, [
      el("span", { class: "app-graph__key app-graph__key--plan", text: s.chart_planned }), " ",
      el("span", { class: "app-graph__key app-graph__key--done", text: s.chart_done })]);
    return el("figure", {}, [root, el("figcaption", { text: s.chart_title }), legend]);
  };

  function init() {
    if (!window.LLGCompanionModel || !window.LLGUnitsModel) return;
    document.querySelectorAll("[data-app-widget='companion']:not([data-app-init])").forEach(function (root) {
      root.setAttribute("data-app-init", "");
      try { new Companion(root); } catch (err) { root.removeAttribute("data-app-init"); throw err; }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  init();
})();
