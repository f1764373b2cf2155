/* Link builder (clinicians/linking.md): turns the form's fields into a prefilled planner
   link, a QR code and a printable slip as the clinician types. Without JavaScript the
   form still works: it submits to the planner (method=get), whose address is the link.
   Strings come from the widget's configuration (data-app-config); the QR encoder (vendor/, MIT) is loaded
   only on pages that have a builder. No innerHTML with input data. */
(function () {
  "use strict";
  var SCRIPT_SRC = document.currentScript && document.currentScript.src;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var encoderPromise = null;
  var U = globalThis.LLGUnitsModel, M = globalThis.LLGPlannerModel;
  var fill = U.fill;

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

  // The address carries the number and the unit apart, as the planner writes them: an
  // amount typed with its unit ("4 cm") gives amount=4&unit=cm.
  function linkFor(form, config, check) {
    var params = new URLSearchParams();
    config.fields.forEach(function (name) {
      var el = form.elements[name];
      var value = el && el.value.trim();
      if (name === "amount" && check && check.typed) value = check.text;
      if (name === "amount" && value) value = U.linkNumber(value);  // "4,5" -> 4.5, in every language
      if (name === "unit" && check && check.typed) value = check.typed;
      if (value) params.append(name, value);
    });
    var query = params.toString();
    return config.base + (query ? "?" + query : "");
  }

  function qrSvg(encoder, text, title) {
    var qr = encoder(0, "M");
    qr.addData(text);
    qr.make();
    var n = qr.getModuleCount(), border = 4, size = n + 2 * border;
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("class", "app-qr");
    var t = document.createElementNS(SVG_NS, "title");
    t.textContent = title;
    svg.appendChild(t);
    var bg = document.createElementNS(SVG_NS, "rect");
    bg.setAttribute("width", size);
    bg.setAttribute("height", size);
    bg.setAttribute("fill", "#fff");
    svg.appendChild(bg);
    var d = "";
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        if (qr.isDark(r, c)) d += "M" + (c + border) + " " + (r + border) + "h1v1h-1z";
      }
    }
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.appendChild(path);
    return svg;
  }

  function display(url) {
    return url.replace(/^https?:\/\//, "");
  }

  function el(tag, text) {
    var e = document.createElement(tag);
    e.textContent = text;
    return e;
  }

  /* The planner's own check (planner-model.js parseAmount; widgets.js loads it and
     units-model.js first): a number above zero, inside lengthening.plausible_amount, else
     "Did you mean ...?". An amount typed with its unit ("4 cm") is read in that unit. */
  function checkAmount(text, unit, config) {
    var a = M.parseAmount(text, unit, config.model || {}, config.units_typed);
    var typed = a.unit || null;
    var number = typed ? a.text : text;
    if (a.suggest) return { suggest: a.suggest, number: a.number, typed: typed, text: number };
    if (a.error) return { error: a.error, typed: typed, text: number };
    return { ok: true, number: U.parseDecimal(number), unit: typed || unit, typed: typed, text: number };
  }

  // The plan in words above the address, so it can be proof-read at a glance.
  function planWords(form, check, P, strings) {
    var words = fill(strings.slip_plan, { amount: globalThis.LLGUnitsModel.numberText(check.number, P.format) + " " + P.unit_words[check.unit],
      bone: P.bones[form.elements.bone.value], method: P.methods[form.elements.method.value] });
    var date = form.elements.date.value;
    if (!date) return words + " " + strings.slip_no_date;
    var shown = date, ms = Date.parse(date + "T00:00:00Z");
    if (P.format && !isNaN(ms)) {
      var d = globalThis.LLGUnitsModel.dateParts(ms, P.format, true);
      shown = d.day + " " + d.month + " " + d.year;  // "1 March 2027", "1 mars 2027"
    }
    return words + " " + fill(strings.slip_date, { date: shown });
  }

  function init(root) {
    if (root.dataset.appInit) return;
    root.dataset.appInit = "1";
    var config = JSON.parse(root.getAttribute("data-app-config"));
    var strings = config.js || {};
    var form = root.querySelector("form");
    var result = root.querySelector(".app-linkbuilder__result");
    var urlEl = root.querySelector(".app-slip__url");
    var codeEl = root.querySelector(".app-slip__code");
    var questionEl = root.querySelector(".app-linkbuilder__question");
    var messageEl = root.querySelector(".app-linkbuilder__message");
    var planEl = root.querySelector(".app-slip__plan");
    var slip = root.querySelector(".app-slip");
    var printButton = root.querySelector(".app-linkbuilder__print");
    var update = function () {
      var amount = form.elements.amount.value.trim();
      var unit = form.elements.unit.value;
      var check = amount ? checkAmount(amount, unit, config) : { ok: false };
      // A unit typed with the amount wins: the unit choice shows it.
      if (check.typed && check.typed !== unit) { form.elements.unit.value = check.typed; unit = check.typed; }
      var P = config.planner || {};
      // The same question as the planner: no link and no slip until the amount makes sense.
      messageEl.textContent = "";
      // The same question stays as it is: a tap on its button blurs the amount field (a
      // change event), and a rebuilt button would lose that tap.
      var key = check.suggest ? check.number + "|" + unit + "|" + check.suggest : "";
      if (questionEl.getAttribute("data-key") !== key) {
        questionEl.setAttribute("data-key", key);
        questionEl.replaceChildren();
      } else if (key) {
        key = "";
      }
      if (key) {
        var meant = U.numberText(check.number, P.format) + " " + P.unit_words[check.suggest];
        questionEl.appendChild(el("p", fill(P.question, { amount: meant })));
        var fix = el("button", fill(P.question_fix, { amount: meant }));
        fix.type = "button";
        fix.className = "md-button md-button--primary";
        fix.setAttribute("data-fix-unit", check.suggest);
        fix.addEventListener("click", function () {
          // a unit typed in the box would win again: the box keeps the number alone
          if (check.typed) form.elements.amount.value = check.text;
          form.elements.unit.value = check.suggest;
          update();
        });
        questionEl.appendChild(fix);
      } else if (check.error) {
        messageEl.textContent = P["error_" + check.error] || "";
      }
      var ok = check.ok;
      var link = linkFor(form, config, check);
      result.hidden = false;
      slip.hidden = !ok;
      printButton.hidden = !ok;
      urlEl.textContent = ok ? display(link) : (amount ? "" : (strings.no_amount || ""));
      urlEl.dataset.href = ok ? link : "";
      if (!amount) { slip.hidden = false; }
      planEl.textContent = ok ? planWords(form, check, P, strings) : "";
      loadEncoder().then(function (encoder) {
        codeEl.replaceChildren();
        if (ok) codeEl.appendChild(qrSvg(encoder, link, (strings.qr_title || "{url}").replace("{url}", display(link))));
        root.dataset.appReady = ok ? link : "";
      });
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    root.querySelector(".app-linkbuilder__print").addEventListener("click", function () {
      // print the slip alone (widgets/linkbuilder.css hides the rest of the page while this class is set)
      document.documentElement.classList.add("app-print-slip");
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("app-print-slip");
      }, { once: true });
      window.print();
    });
    update();
  }

  function start() {
    document.querySelectorAll("[data-app-widget='linkbuilder']").forEach(init);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
