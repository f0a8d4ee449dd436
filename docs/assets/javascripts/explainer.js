// Two small behaviours Material does not give: the language switch keeps the section you are reading,
// and the search page loads Pagefind only when it is opened (its index is never loaded elsewhere).
(function () {
  "use strict";

  // Both languages share heading ids, so the same #fragment lands on the same section in the other language.
  function keepSection() {
    var links = document.querySelectorAll(".md-select a[hreflang]");
    links.forEach(function (link) {
      var base = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", base + window.location.hash);
    });
  }
  window.addEventListener("hashchange", keepSection);
  // Material intercepts this click, looks the page up in sitemap.xml and navigates without the #fragment.
  // Both languages have every page, so go straight to the twin, fragment included.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    keepSection();
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.href = link.href;
  }, true);
  keepSection();

  var box = document.getElementById("search");
  if (!box) return;
  // Absolute, because the UI would otherwise look for /pagefind/ at the host's root, outside /REPO/.
  var bundle = new URL(box.getAttribute("data-bundle"), window.location.href).href;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    /* global PagefindUI */
    new PagefindUI({ element: "#search", bundlePath: bundle, showSubResults: true, showImages: false, resetStyles: false });
    var input = box.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", box.getAttribute("data-label"));
      input.setAttribute("aria-describedby", "search-hint");
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      input.focus();
    }
    // Pagefind writes its result count in Western digits; Arabic pages use Arabic-Indic digits throughout.
    if (document.documentElement.lang === "ar") {
      var arabic = function (text) { return text.replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; }); };
      new MutationObserver(function () {
        box.querySelectorAll(".pagefind-ui__message").forEach(function (el) {
          var fixed = arabic(el.textContent);
          if (fixed !== el.textContent) el.textContent = fixed;
        });
      }).observe(box, { childList: true, subtree: true, characterData: true });
    }
  };
  document.head.appendChild(script);
})();
