// Progressive enhancement only: every page works without this file.
// Copy buttons: any element with data-copy-target="ID" copies that element's text.
(function () {
  "use strict";
  function addCopyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (value) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm copy-button no-print";
      button.textContent = document.documentElement.lang === "en" ? "Copy" : "Kopiraj";
      button.setAttribute("aria-label", button.textContent + ": " + value.textContent.trim());
      button.addEventListener("click", function () {
        if (!navigator.clipboard) { return; }
        navigator.clipboard.writeText(value.textContent.trim()).then(function () {
          button.textContent = document.documentElement.lang === "en" ? "Copied" : "Kopirano";
        });
      });
      value.insertAdjacentElement("afterend", button);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addCopyButtons);
  } else {
    addCopyButtons();
  }
})();
