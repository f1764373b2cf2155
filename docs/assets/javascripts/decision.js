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
    this.checklist = (config.checklist || []).map(checklistText).filter(Boolean);
    this.s = config.strings || {};
    this.names = { situations: config.situations };
    this.state = { s: null, b: null, answers: {}, note: "", include_note: false };
    this.build();
    var decoded = M.decode(this.values, Array.from(new URLSearchParams(location.search)));
    this.state = decoded.state;
    this.showMessages(decoded.messages);
    this.toForm();
    this.update(false);
  }

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

    form.appendChild(el("h3", { "class": "app-decision__title" }, s.values_title));
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
      self.state.answers = {};
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
    this.note.addEventListener("input", function () { self.state.note = self.note.value; self.update(false); });
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

  Aid.prototype.url = function () {
    var query = M.encode(this.values, this.state);
    return location.href.split(/[?#]/)[0] + (query ? "?" + query : "");
  };

  Aid.prototype.update = function (announce) {
    var s = this.s, st = this.state, self = this;
    var result = M.fit(this.values, st.s, st.b, st.answers);
    this.groupsBox.replaceChildren();
    if (!st.s) {
      this.groupsBox.appendChild(el("p", { "class": "app-decision__prompt" }, s.choose_situation));
    } else {
      if (!this.answered().length) this.groupsBox.appendChild(el("p", { "class": "app-decision__prompt" }, s.no_answers));
      this.groupsBox.appendChild(this.groupsView(result, "h4"));
    }
    if (announce && st.s) {
      var names = {};
      M.GROUPS.forEach(function (g) { names[g] = result.groups[g].length; });
      this.live.textContent = fill(s.live_updated, names);
    }
    this.renderSummary(result);
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
    if (st.s) {
      body.appendChild(el("h4", null, s.summary_options));
      var ol = el("ul", { "class": "app-decision__summary-options" });
      this.values.situations[st.s].forEach(function (o) { ol.appendChild(el("li", null, self.optionName(o))); });
      body.appendChild(ol);
    }
    body.appendChild(el("h4", null, s.summary_answers));
    var answered = this.answered();
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
    if (st.s && answered.length) {
      body.appendChild(el("h4", null, s.summary_fit));
      var fl = el("ul", { "class": "app-decision__summary-fit" });
      M.GROUPS.forEach(function (g) {
        if (!result.groups[g].length) return;
        var li = el("li", { "data-group": g });
        li.appendChild(el("strong", null, s.groups[g] + ": "));
        li.appendChild(document.createTextNode(result.groups[g].map(function (o) { return self.optionName(o); }).join(", ")));
        fl.appendChild(li);
      });
      body.appendChild(fl);
    }
    body.appendChild(el("h4", null, s.summary_questions));
    var ql = el("ul", { "class": "app-decision__summary-questions" });
    this.checklist.forEach(function (q) { ql.appendChild(el("li", null, q)); });
    body.appendChild(ql);
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
    this.qrFor(url);
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
  }
  if (!window.appDecisionPrintInit) {
    window.appDecisionPrintInit = true;
    window.addEventListener("afterprint", done);
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
