/* Printing a page from the browser (see print.css).
   - Before printing, every closed collapsible block (details) opens, so the handout has
     all the text; after printing the same blocks close again.
   - Each tab's content gets its tab's label (data-app-tab-label), which print.css shows
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
