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

  var WIDGETS = [
    ["[data-app-widget='planner']", "planner.js"],
    ["[data-app-widget='growth']", "growth.js"],
    ["[data-app-widget='linkbuilder']", "linkbuilder.js"],
  ];
  // The scripts a widget's script needs first, in the order they must run.
  var NEEDS = {
    "planner.js": ["units-model.js", "planner-model.js"],
    "growth.js": ["units-model.js", "growth-model.js"],
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
