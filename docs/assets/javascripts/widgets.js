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

  // [selector, scripts in the order they must run]. New widgets use the contract
  // data-app-widget="NAME" with one JSON attribute, data-app-config.
  var WIDGETS = [
    ["[data-app-planner]", ["planner.js"]],
    ["[data-app-component='growth']", ["growth.js"]],
    ["[data-app-linkbuilder]", ["linkbuilder.js"]],
    ["[data-app-widget='companion']", ["companion-model.js", "companion.js"]],
  ];
  var base = document.currentScript ? document.currentScript.src : "";
  var added = {};

  function load() {
    WIDGETS.forEach(function (widget) {
      if (!document.querySelector(widget[0])) return;
      widget[1].forEach(function (file) {
        if (added[file]) return;
        added[file] = true;
        var script = document.createElement("script");
        script.async = false; // run in the listed order (a widget's model before its page script)
        script.src = new URL(file, base || document.baseURI).href;
        document.body.appendChild(script);
      });
    });
  }

  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(load);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
