/* Loads a widget's script only on the pages that have that widget.
 *
 * Every page would otherwise download and parse the planner, the growth estimator and
 * the link builder. This loader is the only widget script listed in mkdocs.yml; on each
 * page (first load, and after every instant navigation through Material's document$) it
 * looks for widget roots and adds the widget's scripts once, in order: a widget's
 * arithmetic is in model-only scripts (units-model.js, shared, then NAME-model.js), which
 * NAME.js uses, so each is added with async = false (inserted scripts otherwise run in the
 * order they arrive). Each widget script initialises itself and is idempotent. Scripts are
 * found beside this file, which works online, in clinic editions and from file://.
 */
(function () {
  "use strict";

  // [root selector, the widget's script]. Widgets use the contract data-app-widget="NAME"
  // with one JSON attribute, data-app-config.
  var WIDGETS = [
    ["[data-app-widget='planner']", "planner.js"],
    ["[data-app-widget='growth']", "growth.js"],
    ["[data-app-widget='linkbuilder']", "linkbuilder.js"],
    ["[data-app-widget='companion']", "companion.js"],
  ];
  // The scripts a widget's script needs first, in the order they must run.
  var NEEDS = {
    "planner.js": ["units-model.js", "planner-model.js"],
    "growth.js": ["units-model.js", "growth-model.js"],
    "linkbuilder.js": ["units-model.js", "planner-model.js"],
    "companion.js": ["units-model.js", "companion-model.js"],
  };
  var base = document.currentScript ? document.currentScript.src : "";
  var added = {};
  var inserted = {};

  function load() {
    WIDGETS.forEach(function (widget) {
      var file = widget[1];
      if (added[file] || !document.querySelector(widget[0])) return;
      added[file] = true;
      (NEEDS[file] || []).concat([file]).forEach(add);
    });
  }

  function add(file) {
    if (inserted[file]) return;
    inserted[file] = true;
    var script = document.createElement("script");
    script.src = new URL(file, base || document.baseURI).href;
    script.async = false; // run in the order added: the models before the widget that uses them
    document.body.appendChild(script);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(load);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();

/* Printing a page from the browser (see styles/_print.scss).
   - Before printing, every closed collapsible block (details) opens, so the handout has
     all the text; after printing the same blocks close again.
   - Each tab's content gets its tab's label (data-app-tab-label), which the print styles show
     above it, because in print all tabs are shown one after another.
   No strings of its own, no network. */
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
