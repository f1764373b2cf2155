/* Loads a widget's script only on the pages that have that widget.
 *
 * Every page would otherwise download and parse the planner, the growth estimator and
 * the link builder. This loader is the only widget script listed in mkdocs.yml; on each
 * page (first load, and after every instant navigation through Material's document$) it
 * looks for widget roots and adds the matching script once. Each widget script
 * initialises itself and is idempotent, so loading order does not matter. Scripts are
 * found beside this file, which works online, in clinic editions and from file://.
 */
(function () {
  "use strict";

  var WIDGETS = [
    ["[data-app-widget='planner']", "planner.js"],
    ["[data-app-widget='growth']", "growth.js"],
    ["[data-app-widget='linkbuilder']", "linkbuilder.js"],
  ];
  var base = document.currentScript ? document.currentScript.src : "";
  var added = {};

  function load() {
    WIDGETS.forEach(function (widget) {
      var file = widget[1];
      if (added[file] || !document.querySelector(widget[0])) return;
      added[file] = true;
      var script = document.createElement("script");
      script.src = new URL(file, base || document.baseURI).href;
      document.body.appendChild(script);
    });
  }

  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(load);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
