/* The decision aid's interactive part (treatment/decision-aid.md): who it is for and the
 * size of the difference, "What matters most to you?", how the options fit the answers
 * (grouped, with reasons, never a score or a best option) and a one-page summary to take
 * to the surgeon, with a link and a QR code that reopen the same choices.
 * Reads the root's data-app-config: "values" (the questions, data/values.yml), "options"
 * (id -> {name}), "checklist" (questions for the surgeon), "strings" (js.decision); the
 * logic is in decision-model.js. Nothing is stored or sent: no storage, no requests but
 * the QR encoder script. No innerHTML: every text is set as text. */
(function () {
  "use strict";
  var SCRIPT_SRC = document.currentScript && document.currentScript.src;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var M = globalThis.LLGDecisionModel;
  var encoderPromise = null;
  var uid = 0;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return values[k] != null ? values[k] : m; });
  }
  function has(obj, key) { return !!obj && Object.prototype.hasOwnProperty.call(obj, key); }

  function loadEncoder() {
    if (window.qrcode) return Promise.resolve(window.qrcode);
    if (!encoderPromise) {
      encoderPromise = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = new URL("vendor/qrcode-generator-2.0.4.js", SCRIPT_SRC || document.baseURI).href;
        s.onload = function () { resolve(window.qrcode); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return encoderPromise;
  }

  function qrSvg(encoder, text, title) {
    var qr = encoder(0, "M");
    qr.addData(text);
    qr.make();
    var n = qr.getModuleCount(), border = 4, size = n + 2 * border, d = "";
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("class", "app-qr");
    svg.setAttribute("shape-rendering", "crispEdges");
    var t = document.createElementNS(SVG_NS, "title");
    t.textContent = title;
    svg.appendChild(t);
    var bg = document.createElementNS(SVG_NS, "rect");
    bg.setAttribute("width", size);
    bg.setAttribute("height", size);
    bg.setAttribute("fill", "#fff");
    svg.appendChild(bg);
    for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) if (qr.isDark(r, c)) d += "M" + (c + border) + " " + (r + border) + "h1v1h-1z";
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(path);
    return svg;
  }

  // A name from the page's configuration, whatever its form: "Name", {name: "Name"}, or a list of {id, name}.
  function nameOf(collection, id, fallback) {
    var item = null;
    if (Array.isArray(collection)) {
      collection.forEach(function (x) { if (x && (x.id === id)) item = x; });
    } else if (has(collection, id)) {
      item = collection[id];
    }
    if (typeof item === "string") return item;
    if (item && typeof item.name === "string") return item.name;
    if (item && typeof item.label === "string") return item.label;
    return fallback;
  }
  function checklistText(item) {
    if (typeof item === "string") return item;
    return item && (item.text || item.question || item.name) || "";
  }

  function radios(name, legend, choices, cls) {
    var fs = el("fieldset", { "class": "app-decision__fieldset " + (cls || "") });
    fs.appendChild(el("legend", null, legend));
    choices.forEach(function (c) {
      var id = "app-decision-" + (++uid);
      var row = el("div", { "class": "app-decision__choice" });
      var input = el("input", { type: "radio", name: name, value: c.value, id: id });
      row.appendChild(input);
      row.appendChild(el("label", { "for": id }, c.label));
      fs.appendChild(row);
    });
    return fs;
  }

  function Aid(root, config) {
    this.root = root;
    this.values = config.values;
    this.options = config.options || {};
    this.checklist = (config.checklist || []).map(function (item) {
      return { id: (item && item.id) || "", text: checklistText(item) };
    }).filter(function (q) { return q.text; });
    this.checkIds = this.checklist.map(function (q) { return q.id; }).filter(Boolean);
    this.s = config.strings || {};
    this.names = { situations: config.situations };
    this.state = { s: null, b: null, answers: {}, note: "", include_note: false, ticks: [] };
    var fallback = root.querySelector(".app-decision__nojs");
    if (fallback) fallback.remove();
    this.build();
    var params = new URLSearchParams(location.search);
    var decoded = M.decode(this.values, Array.from(params));
    this.state = decoded.state;
    var messages = decoded.messages.slice();
    var ticks = M.decodeTicks(this.checkIds, params.has("t") ? params.get("t") : "");
    this.state.ticks = ticks[0];
    if (ticks[1]) messages.push("ticks");
    this.fromLink = !!(this.state.s || this.state.b || Object.keys(this.state.answers).length || this.state.note ||
      this.state.ticks.length);
    this.figures = M.decodeFigures(Array.from(params));
    if (this.figures.bad) messages.push("figures");
    if (this.figures.figures) this.fromLink = true;
    this.showMessages(messages);
    this.bindTicks();
    this.toForm();
    this.update(false);
    if (this.fromLink) this.arrive();
  }

  // The page's checklist ("Questions to ask your surgeon"): its boxes are the ticks.
  Aid.prototype.tickBoxes = function () {
    var ids = this.checkIds;
    return Array.prototype.filter.call(document.querySelectorAll(".app-checklist input[type=checkbox]"), function (b) {
      return b.id.indexOf("dq-") === 0 && ids.indexOf(b.id.slice(3)) >= 0;
    });
  };
  Aid.prototype.bindTicks = function () {
    var self = this;
    this.tickBoxes().forEach(function (box) {
      box.addEventListener("change", function () {
        var id = box.id.slice(3), t = self.state.ticks.filter(function (x) { return x !== id; });
        if (box.checked) t.push(id);
        self.state.ticks = self.checkIds.filter(function (x) { return t.indexOf(x) >= 0; });
        self.update(false);
      });
    });
  };

  // Opened from a link with choices (the estimator, the planner, a saved link or a QR code):
  // go to the questions and say the choices came from the link.
  Aid.prototype.arrive = function () {
    var note = el("p", { "class": "app-decision__from-link", "data-decision-from-link": "" }, this.s.from_link);
    this.messages.insertBefore(note, this.messages.firstChild);
    var target = document.getElementById("decision-values") || this.root;
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    setTimeout(function () { target.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" }); }, 0);
  };

  Aid.prototype.situationName = function (id) { return nameOf(this.names.situations, id, this.s.situations[id]); };
  Aid.prototype.bandName = function (id) {
    return fill(this.s.band_choice, { name: this.s.bands[id], range: this.values.band_ranges[id] });
  };
  // Options by id, or by situation then id (each situation words its own options).
  Aid.prototype.optionName = function (id) {
    var byS = this.state.s && has(this.options, this.state.s) && this.options[this.state.s];
    if (byS && typeof byS === "object" && has(byS, id)) return nameOf(byS, id, id);
    return nameOf(this.options, id, id);
  };

  Aid.prototype.build = function () {
    var s = this.s, self = this, v = this.values;
    var box = el("div", { "class": "app-decision-values" });
    this.messages = el("div", { "class": "app-decision__messages", role: "status", "aria-live": "polite" });
    box.appendChild(this.messages);

    var form = el("form", { "class": "app-decision__form app-screen-only", "aria-label": s.values_title });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.appendChild(radios("s", s.situation_legend, ["child", "grown"].filter(function (k) { return has(v.situations, k); })
      .map(function (k) { return { value: k, label: self.situationName(k) }; }), "app-decision__situation"));
    var bands = radios("b", s.band_legend, v.bands.map(function (k) { return { value: k, label: self.bandName(k) }; }),
      "app-decision__band");
    var vl = el("p", { "class": "app-decision__very-large" });
    vl.appendChild(el("a", { href: v.very_large }, s.very_large));
    bands.appendChild(vl);
    form.appendChild(bands);

    form.appendChild(el("p", null, s.values_intro));
    v.questions.forEach(function (q) {
      var fs = radios("q-" + q.id, q.text, q.answers.map(function (a) { return { value: a.code, label: a.text }; }),
        "app-decision__question");
      fs.setAttribute("data-question", q.id);
      if (q.hint) fs.appendChild(el("p", { "class": "app-decision__hint" }, q.hint));
      form.appendChild(fs);
    });
    var clear = el("button", { type: "button", "class": "md-button app-decision__clear" }, s.clear);
    clear.addEventListener("click", function () {
      self.state = { s: null, b: null, answers: {}, note: self.state.note, include_note: false, ticks: [] };
      self.figures = { figures: null, bad: false };
      self.tickBoxes().forEach(function (box) { box.checked = false; });
      self.messages.replaceChildren();
      self.toForm();
      self.update(true);
    });
    form.appendChild(clear);
    form.addEventListener("change", function (e) {
      var t = e.target;
      if (t.name === "s") self.state.s = t.value;
      else if (t.name === "b") self.state.b = t.value;
      else if (t.name && t.name.indexOf("q-") === 0) self.state.answers[t.name.slice(2)] = t.value;
      else if (t.name === "include_note") self.state.include_note = t.checked;
      else return;
      self.update(true);
    });
    box.appendChild(form);
    this.form = form;

    var results = el("section", { "class": "app-decision__results", "aria-labelledby": "app-decision-results-title" });
    results.appendChild(el("h3", { id: "app-decision-results-title" }, s.results_title));
    results.appendChild(el("p", { "class": "app-decision__note" }, s.results_note));
    this.groupsBox = el("div", { "class": "app-decision__groups" });
    results.appendChild(this.groupsBox);
    this.live = el("p", { "class": "app-decision__live", role: "status", "aria-live": "polite" });
    results.appendChild(this.live);
    box.appendChild(results);

    // The summary: shown on screen, and alone on paper with "Print this summary".
    var sum = el("section", { "class": "app-decision__summary", "aria-labelledby": "app-decision-summary-title" });
    sum.appendChild(el("h3", { id: "app-decision-summary-title" }, s.summary_title));
    this.summaryBody = el("div", { "class": "app-decision__summary-body" });
    sum.appendChild(this.summaryBody);
    var notes = el("div", { "class": "app-decision__notes" });
    var noteId = "app-decision-note-" + (++uid), helpId = noteId + "-help";
    notes.appendChild(el("label", { "for": noteId }, s.note_label));
    this.note = el("textarea", { id: noteId, rows: "3", maxlength: String(v.note_max), "aria-describedby": helpId });
    this.note.addEventListener("input", function () {
      self.state.note = self.note.value;
      if (self.state.include_note) self.update(false);
      else self.renderSummary(self.result);
    });
    notes.appendChild(this.note);
    notes.appendChild(el("p", { id: helpId, "class": "app-decision__hint" }, fill(s.note_help, { max: v.note_max })));
    var incId = "app-decision-inc-" + (++uid);
    var inc = el("div", { "class": "app-decision__choice" });
    this.include = el("input", { type: "checkbox", id: incId, name: "include_note" });
    this.include.addEventListener("change", function () { self.state.include_note = self.include.checked; self.update(false); });
    inc.appendChild(this.include);
    inc.appendChild(el("label", { "for": incId }, s.include_note));
    notes.appendChild(inc);
    sum.appendChild(notes);
    var linkBox = el("div", { "class": "app-decision__link" });
    linkBox.appendChild(el("p", { "class": "app-decision__link-title" }, s.link_title));
    this.link = el("a", { "class": "app-decision__url", "data-decision-summary-link": "" });
    linkBox.appendChild(this.link);
    linkBox.appendChild(el("p", { "class": "app-decision__hint" }, s.link_help));
    this.linkNote = el("p", { "class": "app-decision__link-note" });
    linkBox.appendChild(this.linkNote);
    this.qr = el("div", { "class": "app-decision__qr" });
    linkBox.appendChild(this.qr);
    sum.appendChild(linkBox);
    sum.appendChild(el("p", { "class": "app-decision__privacy" }, s.privacy));
    var print = el("button", { type: "button", "class": "md-button md-button--primary app-decision__print" }, s.print);
    print.addEventListener("click", function () { self.print(); });
    sum.appendChild(print);
    box.appendChild(sum);
    this.summary = sum;
    this.root.appendChild(box);
  };

  Aid.prototype.showMessages = function (codes) {
    var s = this.s;
    this.messages.replaceChildren();
    if (!codes.length) return;
    this.messages.appendChild(el("p", { "class": "app-decision__messages-title" }, s.messages_title));
    var ul = el("ul");
    codes.forEach(function (c) { ul.appendChild(el("li", { "data-message": c }, s.messages[c])); });
    this.messages.appendChild(ul);
  };

  Aid.prototype.toForm = function () {
    var ticks = this.state.ticks;
    this.tickBoxes().forEach(function (box) { box.checked = ticks.indexOf(box.id.slice(3)) >= 0; });
    var st = this.state, form = this.form;
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (input) {
      var want = input.name === "s" ? st.s : input.name === "b" ? st.b : st.answers[input.name.slice(2)];
      input.checked = want != null && input.value === want;
    });
    this.note.value = st.note;
    this.include.checked = !!st.include_note;
  };

  Aid.prototype.answered = function () {
    var a = this.state.answers;
    return this.values.questions.filter(function (q) { return has(a, q.id); });
  };

  Aid.prototype.reasonItem = function (r) {
    var s = this.s;
    var li = el("li", { "class": "app-decision__reason app-decision__reason--" + r.fit, "data-fit": r.fit, "data-from": r.from });
    li.appendChild(el("strong", null, (r.fit === "better" ? s["for"] : s.against) + " "));
    li.appendChild(document.createTextNode(r.reason + " "));
    var more = el("span", { "class": "app-decision__more app-screen-only" });
    more.appendChild(el("a", { href: r.page }, s.read_more));
    if (r.sources.length) {
      more.appendChild(document.createTextNode(". " + s.sources + " "));
      r.sources.forEach(function (src, i) {
        if (i) more.appendChild(document.createTextNode("; "));
        more.appendChild(el("a", { href: src.href }, src.label));
      });
    }
    li.appendChild(more);
    return li;
  };

  Aid.prototype.groupsView = function (result, headingTag) {
    var s = this.s, self = this;
    var wrap = document.createDocumentFragment();
    M.GROUPS.forEach(function (g) {
      var box = el("div", { "class": "app-decision__group app-decision__group--" + g, "data-group": g });
      box.appendChild(el(headingTag, null, s.groups[g]));
      if (!result.groups[g].length) {
        box.appendChild(el("p", { "class": "app-decision__empty" }, s.group_empty));
      } else {
        var ul = el("ul", { "class": "app-decision__options" });
        result.groups[g].forEach(function (o) {
          var li = el("li", { "class": "app-decision__option", "data-option": o });
          li.appendChild(el("strong", { "class": "app-decision__option-name" }, self.optionName(o)));
          var reasons = result.reasons[o];
          if (!reasons.length) {
            li.appendChild(el("p", { "class": "app-decision__empty" }, s.nothing_said));
          } else {
            var rl = el("ul", { "class": "app-decision__reasons" });
            reasons.forEach(function (r) { rl.appendChild(self.reasonItem(r)); });
            li.appendChild(rl);
          }
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      wrap.appendChild(box);
    });
    return wrap;
  };

  Aid.prototype.query = function () {
    var parts = [M.encode(this.values, this.state)];
    parts.push(this.state.ticks.length ? "t=" + M.encodeTicks(this.checkIds, this.state.ticks) : "");
    parts.push(M.encodeFigures(this.figures.figures));
    return parts.filter(Boolean).join("&");
  };
  Aid.prototype.url = function () {
    var query = this.query();
    return location.href.split(/[?#]/)[0] + (query ? "?" + query : "");
  };
  // The address bar follows the answers (same link as the summary's), so a reload keeps them.
  Aid.prototype.followInAddressBar = function () {
    if (!window.history || !history.replaceState) return;
    var query = this.query();
    var want = location.pathname + (query ? "?" + query : "") + location.hash;
    if (want === location.pathname + location.search + location.hash) return;
    try { history.replaceState(history.state, "", want); } catch (e) { /* a file: page may refuse */ }
  };

  Aid.prototype.update = function (announce) {
    var s = this.s, st = this.state, self = this;
    var result = M.fit(this.values, st.s, st.b, st.answers);
    this.result = result;
    this.groupsBox.replaceChildren();
    if (!st.s) {
      this.groupsBox.appendChild(el("p", { "class": "app-decision__prompt" }, s.choose_situation));
    } else if (!this.answered().length && !st.b) {
      this.groupsBox.appendChild(el("p", { "class": "app-decision__prompt" }, s.no_answers));
    } else {
      if (!this.answered().length) this.groupsBox.appendChild(el("p", { "class": "app-decision__prompt" }, s.size_only));
      this.groupsBox.appendChild(this.groupsView(result, "h4"));
    }
    if (announce && st.s) {
      var names = {};
      M.GROUPS.forEach(function (g) { names[g] = result.groups[g].length; });
      this.live.textContent = fill(s.live_updated, names);
    }
    this.renderSummary(result);
    this.followInAddressBar();
  };

  Aid.prototype.renderSummary = function (result) {
    var s = this.s, st = this.state, self = this, body = this.summaryBody;
    body.replaceChildren();
    var date;
    var words = { day: "numeric", month: "long", year: "numeric" };
    try {
      date = new Intl.DateTimeFormat(s.locale, words).format(new Date());
    } catch (e) { // a locale the browser does not know: the browser's own
      date = new Intl.DateTimeFormat(undefined, words).format(new Date());
    }
    body.appendChild(el("p", { "class": "app-decision__date" }, fill(s.summary_date, { date: date })));
    if (st.s) body.appendChild(el("p", null, fill(s.summary_situation, { situation: this.situationName(st.s) })));
    body.appendChild(el("p", null, st.b ? fill(s.summary_band, { band: this.bandName(st.b) }) : s.summary_band_unknown));
    this.figuresView(body);
    var answered = this.answered();
    var showFit = st.s && (answered.length || st.b);
    if (st.s && !showFit) { // with the groups below, every option is named there
      body.appendChild(el("h4", null, s.summary_options));
      var ol = el("ul", { "class": "app-decision__summary-options" });
      this.values.situations[st.s].forEach(function (o) { ol.appendChild(el("li", null, self.optionName(o))); });
      body.appendChild(ol);
    }
    body.appendChild(el("h4", null, s.summary_answers));
    if (!answered.length) {
      body.appendChild(el("p", null, s.summary_no_answers));
    } else {
      var al = el("ul", { "class": "app-decision__summary-answers" });
      answered.forEach(function (q) {
        var a = q.answers.filter(function (x) { return x.code === st.answers[q.id]; })[0];
        var li = el("li", { "data-question": q.id });
        li.appendChild(el("span", null, q.text + " "));
        li.appendChild(el("strong", null, a.text));
        al.appendChild(li);
      });
      body.appendChild(al);
    }
    if (showFit) {
      body.appendChild(el("h4", null, s.summary_fit));
      body.appendChild(el("p", { "class": "app-decision__not-advice" }, s.not_recommendation));
      var fl = el("div", { "class": "app-decision__summary-fit" });
      M.GROUPS.forEach(function (g) {
        if (!result.groups[g].length) return;
        var box = el("div", { "data-group": g });
        box.appendChild(el("p", { "class": "app-decision__summary-group" }, s.summary_groups[g]));
        var ul = el("ul");
        result.groups[g].forEach(function (o) {
          var li = el("li", { "data-option": o });
          li.appendChild(el("strong", null, self.optionName(o)));
          var reasons = result.reasons[o];
          if (!reasons.length) {
            li.appendChild(document.createTextNode(": " + s.nothing_said));
          } else {
            var rl = el("ul", { "class": "app-decision__summary-reasons" });
            reasons.forEach(function (r) {
              rl.appendChild(el("li", { "data-fit": r.fit }, (r.fit === "better" ? s["for"] : s.against) + " " + r.reason));
            });
            li.appendChild(rl);
          }
          ul.appendChild(li);
        });
        box.appendChild(ul);
        fl.appendChild(box);
      });
      body.appendChild(fl);
    }
    body.appendChild(el("h4", null, s.summary_questions));
    var ticked = this.checklist.filter(function (q) { return st.ticks.indexOf(q.id) >= 0; });
    if (!ticked.length) {
      var none = el("p", { "class": "app-decision__no-ticks" }, s.summary_no_ticks + " ");
      var go = el("a", { href: "#decision-questions", "class": "app-screen-only" }, s.tick_link);
      none.appendChild(go);
      body.appendChild(none);
    } else {
      var ql = el("ul", { "class": "app-decision__summary-questions" });
      ticked.forEach(function (q) { ql.appendChild(el("li", { "data-question": q.id }, q.text)); });
      body.appendChild(ql);
    }
    var note = M.cleanNote(st.note || "", this.values.note_max)[0];
    if (note) {
      var np = el("p", { "class": "app-decision__summary-note" });
      np.appendChild(el("strong", null, s.summary_note + " "));
      np.appendChild(document.createTextNode(note));
      body.appendChild(np);
    }
    body.appendChild(el("p", { "class": "app-decision__disclaimer" }, s.disclaimer));

    var url = this.url();
    this.link.textContent = url;
    this.link.href = url;
    this.linkNote.textContent = !note ? "" : st.include_note ? s.link_has_note : s.link_no_note;
    this.qrFor(url);
  };

  // The figures the growth estimator or the planner brought: the difference, its range, and
  // whether the range reaches into two size groups.
  Aid.prototype.figuresView = function (body) {
    var f = this.figures && this.figures.figures, s = this.s, v = this.values;
    if (!f) return;
    var nf;
    try { nf = new Intl.NumberFormat(s.locale, { maximumFractionDigits: 1 }); } catch (e) { nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }); }
    var cm = function (mm) { return nf.format(Math.round(mm) / 10); };
    var p = el("p", { "class": "app-decision__figures", "data-figures": "" },
      f.lo === null ? fill(s.summary_figure, { d: cm(f.d) }) : fill(s.summary_figure_range, { d: cm(f.d), lo: cm(f.lo), hi: cm(f.hi) }));
    body.appendChild(p);
    if (f.lo !== null && v.limits) {
      var a = M.band(v.limits, f.lo), b = M.band(v.limits, f.hi);
      if (a !== b) {
        body.appendChild(el("p", { "class": "app-decision__figures-span", "data-figures-span": "" },
          fill(s.summary_figure_span, { a: s.bands[a], b: s.bands[b] })));
      }
    }
  };

  Aid.prototype.qrFor = function (url) {
    var self = this;
    this.qrUrl = url;
    this.qrDone = loadEncoder().then(function (encoder) {
      if (self.qrUrl !== url) return;
      try {
        self.qr.replaceChildren(qrSvg(encoder, url, self.s.qr_title));
        self.qr.setAttribute("data-qr", url);
      } catch (e) {
        self.qr.replaceChildren(); // a link too long for a code: the printed link stays
      }
    }, function () {});
  };

  // On paper: the summary alone, as a copy at the top of the body (print styles hide the rest).
  // Printed from the browser's menu: when the person has answers, a copy of their summary
  // goes to the top of the page for the paper only (print styles leave out the form; the
  // comparison tables follow); it is removed after printing.
  Aid.prototype.prepareMenuPrint = function () {
    var old = document.querySelector(".app-decision-menu-print");
    if (old) old.remove();
    var st = this.state;
    if (!st.s && !st.b && !this.answered().length && !st.ticks.length && !(this.figures && this.figures.figures)) return;
    var copy = el("div", { "class": "app-decision-menu-print" });
    var sum = this.summary.cloneNode(true);
    sum.removeAttribute("aria-labelledby");
    Array.prototype.forEach.call(sum.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    copy.appendChild(sum);
    var article = document.querySelector(".md-content__inner") || document.body;
    var h1 = article.querySelector("h1");
    if (h1 && h1.parentNode === article) article.insertBefore(copy, h1.nextSibling);
    else article.insertBefore(copy, article.firstChild);
  };

  Aid.prototype.preparePrint = function () {
    var old = document.querySelector(".app-decision-print");
    if (old) old.remove();
    var copy = el("div", { "class": "app-decision-print" });
    var sum = this.summary.cloneNode(true);
    sum.removeAttribute("aria-labelledby");
    Array.prototype.forEach.call(sum.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    copy.appendChild(sum);
    document.body.appendChild(copy);
    document.documentElement.classList.add("app-decision-printing");
  };

  // After the QR code of the current link is drawn (or could not be), so the paper has it.
  Aid.prototype.print = function () {
    var self = this;
    (this.qrDone || Promise.resolve()).then(function () {
      self.preparePrint();
      window.print();
    });
  };

  function done() {
    document.documentElement.classList.remove("app-decision-printing");
    var old = document.querySelector(".app-decision-print");
    if (old) old.remove();
    var menu = document.querySelector(".app-decision-menu-print");
    if (menu) menu.remove();
  }
  if (!window.appDecisionPrintInit) {
    window.appDecisionPrintInit = true;
    window.addEventListener("afterprint", done);
    var menuPrint = function () {
      var root = document.querySelector("[data-app-widget='decision'][data-app-decision-init]");
      if (root && root.app && !document.documentElement.classList.contains("app-decision-printing")) root.app.prepareMenuPrint();
    };
    window.addEventListener("beforeprint", menuPrint);
    if (window.matchMedia) {
      var media = window.matchMedia("print");
      var onMedia = function (e) { if (e.matches) menuPrint(); else done(); };
      if (media.addEventListener) media.addEventListener("change", onMedia);
      else if (media.addListener) media.addListener(onMedia);
    }
  }

  function start() {
    document.querySelectorAll("[data-app-widget='decision']:not([data-app-decision-init])").forEach(function (root) {
      var config;
      try { config = JSON.parse(root.getAttribute("data-app-config")); } catch (e) { return; }
      if (!config || !config.values || !config.values.questions) return;
      root.setAttribute("data-app-decision-init", "1");
      root.app = new Aid(root, config);
    });
  }
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(start);
  else start();
})();
