// What readers use of a theme script, in a few KiB (Material's bundle.js is not loaded):
// the colour scheme toggle, the phone menu, a language switch that keeps the section in view, and search,
// which loads its index and engine (search.js, MiniSearch) only when the reader starts to search.
(function () {
  "use strict";
  var doc = document;
  var lang = doc.documentElement.lang;

  // A <label> that works a checkbox or radio is clickable but not focusable: make it a keyboard button too.
  function buttonLike(label) {
    if (!label) return;
    label.tabIndex = 0;
    label.setAttribute("role", "button");
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }

  // ------------------------------------------------------------------ colour scheme
  var palette = doc.querySelector("[data-md-component=palette]");
  if (palette) {
    palette.querySelectorAll("label").forEach(buttonLike);
    palette.addEventListener("change", function (event) {
      var input = event.target;
      var scheme = input.getAttribute("data-md-color-scheme");
      var hadFocus = palette.contains(doc.activeElement);
      doc.body.setAttribute("data-md-color-scheme", scheme);
      try {
        /* global __md_set */
        __md_set("__palette", { color: { media: input.getAttribute("data-md-color-media"), scheme: scheme } });
      } catch (e) { /* private mode: the choice lasts for this page only */ }
      var shown = palette.querySelector("input:checked + label");
      if (hadFocus && shown) shown.focus();
    });
  }

  // ------------------------------------------------------------------ phone menu
  var drawer = doc.getElementById("__drawer");
  var menu = doc.querySelector(".masthead__menu");
  if (drawer && menu) {
    buttonLike(menu);
    menu.setAttribute("aria-controls", "site-menu");
    var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    drawer.addEventListener("change", sync);
    sync();
    doc.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.checked = false;
        sync();
        menu.focus();
      }
    });
  }

  // ------------------------------------------------------------------ language switch
  // Both languages share heading ids. The section in view (the last heading above a third of the screen) is
  // handed to the twin as its #id, whether or not this page's address had one.
  function sectionInView() {
    var headings = doc.querySelectorAll("article h2[id], article h3[id]");
    var line = window.innerHeight / 3;
    var found = "";
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= line) found = headings[i].id;
      else break;
    }
    return found;
  }
  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    var id = sectionInView();
    // Set before the browser follows the link (also for a new tab or window).
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + (id ? "#" + id : ""));
  }, true);

  // ------------------------------------------------------------------ search
  var box = doc.getElementById("search");
  var input = doc.getElementById("search-input");
  var stringsNode = doc.getElementById("explainer-strings");
  if (!box || !input || !stringsNode) return;
  var strings = JSON.parse(stringsNode.textContent);
  var message = box.querySelector(".search-message");
  var list = box.querySelector(".search-results");
  // Absolute, so results and the index resolve under the site's path (/REPO/), never the host's root.
  var bundle = new URL(box.getAttribute("data-bundle"), window.location.href);
  var siteRootUrl = new URL("../", bundle);
  var plural = new Intl.PluralRules(lang);
  var localDigits = function (text) {
    return lang === "ar" ? String(text).replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; }) : String(text);
  };
  var engine = null;
  var latest = 0;
  var SHOWN = 10;

  // search.js (folding, ranking), MiniSearch and this language's records, fetched side by side: one round trip.
  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("javascripts/search.js", bundle).href),
        import(new URL("javascripts/minisearch.js", bundle).href),
        fetch(new URL("search/" + lang + ".json", bundle).href).then(function (r) { return r.json(); }),
      ]).then(function (parts) {
        return { search: parts[0].createSearch(parts[1].default, parts[2]), fold: parts[0].foldWord };
      });
    }
    return engine;
  }

  // A window of the record's text around its first matching word, the matching words marked, as text nodes only.
  function excerpt(text, terms, fold) {
    var p = doc.createElement("p");
    p.className = "search-result__excerpt";
    var pieces = String(text).split(/(\s+)/);
    var hit = function (piece) {
      return piece.trim() && piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").split("-").some(function (w) {
        return terms.has(fold(w.replace(/['’ʿʾ]/g, "")));
      });
    };
    var first = pieces.findIndex(hit);
    var from = Math.max(0, (first < 0 ? 0 : first) - 16);
    var to = Math.min(pieces.length, from + 50);
    if (from > 0) p.appendChild(doc.createTextNode("… "));
    for (var i = from; i < to; i++) {
      if (hit(pieces[i])) {
        var mark = doc.createElement("mark");
        mark.textContent = pieces[i];
        p.appendChild(mark);
      } else {
        p.appendChild(doc.createTextNode(pieces[i]));
      }
    }
    if (to < pieces.length) p.appendChild(doc.createTextNode(" …"));
    return p;
  }

  function link(url, text, className) {
    var a = doc.createElement("a");
    a.href = url;
    a.className = className;
    a.textContent = text;
    return a;
  }

  function say(count, query) {
    var form = count === 0 ? strings.none : (strings.results[plural.select(count)] || strings.results.other);
    return form.replace("{n}", localDigits(count)).replace("{query}", query);
  }

  // "Did you mean …?": the name offered is a link that searches for it (also a plain link without this handler).
  function offer(query, suggestion) {
    var text = strings.suggest.replace("{query}", query).split("{suggestion}");
    message.textContent = text[0];
    var a = doc.createElement("a");
    a.href = "?q=" + encodeURIComponent(suggestion);
    a.className = "search-suggestion";
    a.textContent = suggestion;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = suggestion;
      run();
    });
    message.appendChild(a);
    message.appendChild(doc.createTextNode(text[1] || ""));
  }

  function show(found, query, api) {
    list.textContent = "";
    if (!found.length) {
      var suggestion = api.search.suggest(query);
      if (suggestion) offer(query, suggestion);
      else message.textContent = say(0, query);
      return;
    }
    message.textContent = say(found.length, query);
    found.slice(0, SHOWN).forEach(function (item) {
      var li = doc.createElement("li");
      li.className = "search-result";
      li.appendChild(link(new URL(item.u, siteRootUrl).href, item.t, "search-result__link"));
      if (item.o) {
        // A named thing: its name in the other script says more than an excerpt.
        var other = doc.createElement("p");
        var bdi = doc.createElement("bdi");
        other.className = "search-result__excerpt";
        bdi.lang = lang === "ar" ? "en" : "ar";
        bdi.textContent = item.o;
        other.appendChild(bdi);
        li.appendChild(other);
      } else if (item.x || item.p) {
        li.appendChild(excerpt(item.x || item.p, new Set(item.terms), api.fold));
      }
      list.appendChild(li);
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      message.textContent = "";
      list.textContent = "";
      return;
    }
    message.textContent = strings.loading;
    load().then(function (api) {
      if (ticket === latest) show(api.search.search(query), query, api);
    }).catch(function () {
      if (ticket === latest) message.textContent = say(0, query);
    });
  }

  var timer = 0;
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("keydown", load, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    run();
  }
})();
