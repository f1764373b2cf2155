/* Link builder (clinicians/linking.md): turns the form's fields into a prefilled planner
   link, a QR code and a printable slip as the clinician types. Without JavaScript the
   form still works: it submits to the planner (method=get), whose address is the link.
   Strings come from the widget's embedded JSON (data-app-linkbuilder); the QR encoder (vendor/, MIT) is loaded
   only on pages that have a builder. No innerHTML with input data. */
(function () {
  "use strict";
  var SCRIPT_SRC = document.currentScript && document.currentScript.src;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var encoderPromise = null;

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

  function linkFor(form, config) {
    var params = new URLSearchParams();
    config.fields.forEach(function (name) {
      var el = form.elements[name];
      var value = el && el.value.trim();
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

  function init(root) {
    if (root.dataset.appInit) return;
    root.dataset.appInit = "1";
    var config = JSON.parse(root.dataset.appLinkbuilder);
    var strings = config.js || {};
    var form = root.querySelector("form");
    var result = root.querySelector(".app-linkbuilder__result");
    var urlEl = root.querySelector(".app-slip__url");
    var codeEl = root.querySelector(".app-slip__code");
    var update = function () {
      var amount = form.elements.amount.value.trim();
      var link = linkFor(form, config);
      urlEl.textContent = amount ? display(link) : (strings.no_amount || "");
      urlEl.dataset.href = amount ? link : "";
      result.hidden = false;
      loadEncoder().then(function (encoder) {
        codeEl.replaceChildren();
        if (amount) codeEl.appendChild(qrSvg(encoder, link, (strings.qr_title || "{url}").replace("{url}", display(link))));
        root.dataset.appReady = link;
      });
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    root.querySelector(".app-linkbuilder__print").addEventListener("click", function () {
      // print the slip alone (clinic.css hides the rest of the page while this class is set)
      document.documentElement.classList.add("app-print-slip");
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("app-print-slip");
      }, { once: true });
      window.print();
    });
    update();
  }

  function start() {
    document.querySelectorAll("[data-app-linkbuilder]").forEach(init);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
