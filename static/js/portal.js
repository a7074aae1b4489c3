// Progressive enhancement only: every page works without this file.
// UI text comes from the page, translated by the template: <body data-copy-label="…"
// data-copied-label="…">. This file holds no words of any language.
// Copy buttons: a button after every element with a data-copy attribute copies its text.
(function () {
  "use strict";
  function addCopyButtons() {
    var label = document.body.dataset.copyLabel;
    var copiedLabel = document.body.dataset.copiedLabel;
    if (!label || !copiedLabel) { return; }
    document.querySelectorAll("[data-copy]").forEach(function (value) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm copy-button no-print";
      button.textContent = label;
      button.setAttribute("aria-label", label + ": " + value.textContent.trim());
      button.addEventListener("click", function () {
        if (!navigator.clipboard) { return; }
        navigator.clipboard.writeText(value.textContent.trim()).then(function () {
          button.textContent = copiedLabel;
        });
      });
      value.insertAdjacentElement("afterend", button);
    });
  }
  // Print buttons: hidden in the markup (printing needs no script: the browser's menu does it).
  function enablePrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  function enhance() {
    addCopyButtons();
    enablePrintButtons();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
