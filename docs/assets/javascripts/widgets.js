/* The site's one script. Loads a widget's scripts only on pages with its root,
 * data-app-widget="NAME": the models it needs, then NAME.js, in order (async = false), once,
 * on load and after each instant navigation. CONTRIBUTING.md ("A new widget") explains. */
(function () {
  "use strict";

  // Each widget and the model scripts its NAME.js needs first.
  var WIDGETS = {
    planner: ["units-model.js", "planner-model.js", "decision-model.js"],
    growth: ["units-model.js", "growth-model.js", "decision-model.js"],
    linkbuilder: ["units-model.js", "planner-model.js"],
    companion: ["units-model.js", "companion-model.js"],
    decision: ["decision-model.js"],
  };
  var base = document.currentScript ? document.currentScript.src : "";
  var added = {};

  function load() {
    Object.keys(WIDGETS).forEach(function (name) {
      if (document.querySelector("[data-app-widget='" + name + "']")) WIDGETS[name].concat([name + ".js"]).forEach(add);
    });
  }

  function add(file) {
    if (added[file]) return;
    added[file] = true;
    var script = document.createElement("script");
    script.src = new URL(file, base || document.baseURI).href;
    script.async = false;
    document.body.appendChild(script);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(load);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();

/* Printing (styles/_print.scss): closed details open for the printout and close after;
   each tab's block gets its tab's label (data-app-tab-label), shown above it in print. */
(function () {
  "use strict";

  function labelTabs() {
    document.querySelectorAll(".tabbed-set:not([data-app-print-init])").forEach(function (set) {
      set.dataset.appPrintInit = "1";
      var labels = set.querySelectorAll(":scope > .tabbed-labels > label");
      var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      blocks.forEach(function (block, i) {
        if (labels[i]) block.dataset.appTabLabel = labels[i].textContent.trim();
      });
    });
  }

  // Material's document$ fires on load and after every instant navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(labelTabs);
  } else {
    document.addEventListener("DOMContentLoaded", labelTabs);
  }

  if (window.appPrintInit) return; // window listeners: add them once
  window.appPrintInit = true;
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.setAttribute("open", ""); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.removeAttribute("open"); });
    opened = [];
  });
})();
