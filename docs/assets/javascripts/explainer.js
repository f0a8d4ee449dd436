// What readers use of a theme script, in a few KiB (Material's bundle.js is not loaded):
// the colour scheme toggle, the phone menu, a language switch that keeps the section in view, and search,
// which loads Pagefind only when the reader starts to search.
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

  // ------------------------------------------------------------------ citations
  // Each group of paragraph links ("[3, 5]", explainer/render/html.py's cite) becomes one button, as large as a
  // fingertip, that opens a card beside it: our summary of each cited paragraph, with its link to About. The
  // summaries are fetched on the first use (explainer/render/summaries.py writes them beside this script's folder);
  // until they arrive, or if they cannot, the card holds the links alone. The card is a popover: the browser gives
  // it Escape, a click outside and its place beside the button (its anchor). The button is a span, not a <button>:
  // a <button> is laid out as an inline block, which made each line with a citation taller and let the group
  // leave the word it follows. Without popovers, or without this script, the links stay.
  var script = doc.currentScript;
  var summaries = null;

  function loadSummaries() {
    if (!summaries) {
      summaries = fetch(new URL("../sources/" + lang + ".json", script.src)).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
    return summaries;
  }

  function fill(card, links, found) {
    card.textContent = "";
    links.forEach(function (a) {
      var item = doc.createElement("span");
      var link = doc.createElement("a");
      item.className = "cite__item";
      link.href = a.getAttribute("href");
      link.textContent = found.paragraph + " " + a.textContent;
      item.appendChild(link);
      // The Latin names in an Arabic summary are isolated, as in the page's text.
      var summary = found.summaries[a.hash.slice(3)] || { text: "" };
      var at = 0;
      (summary.latin || []).forEach(function (span) {
        var bdi = doc.createElement("bdi");
        bdi.lang = "en";
        bdi.dir = "ltr";
        bdi.textContent = summary.text.slice(span[0], span[1]);
        item.appendChild(doc.createTextNode(summary.text.slice(at, span[0])));
        item.appendChild(bdi);
        at = span[1];
      });
      item.appendChild(doc.createTextNode(summary.text.slice(at)));
      card.appendChild(item);
    });
  }

  function citation(group, index) {
    var links = Array.prototype.slice.call(group.querySelectorAll("a[href]"));
    if (!links.length) return;
    var button = doc.createElement("span");
    var card = doc.createElement("span");
    var openAtPress = null;
    button.className = "cite__button";
    card.className = "cite__panel";
    card.id = "cite-" + index;
    card.popover = "auto";
    // The card first holds what the reader had without scripts: the label, then the links.
    Array.prototype.forEach.call(group.childNodes, function (node) { card.appendChild(node.cloneNode(true)); });
    card.firstChild.className = "";
    // The button says what the links said ("Source paragraphs 3, 5"), in the same place and size.
    while (group.firstChild) button.appendChild(group.firstChild);
    links.forEach(function (a) { a.replaceWith(a.textContent); });
    buttonLike(button);
    button.setAttribute("aria-expanded", "false");
    group.appendChild(button);
    group.appendChild(card);
    // A press outside an open card closes it before the click: a press on its button must not open it again.
    button.addEventListener("pointerdown", function () { openAtPress = card.matches(":popover-open"); });
    button.addEventListener("click", function () {
      var open = openAtPress === null ? card.matches(":popover-open") : openAtPress;
      openAtPress = null;
      if (!open) card.showPopover({ source: button });
      else if (card.matches(":popover-open")) card.hidePopover();
    });
    card.addEventListener("toggle", function (event) {
      var opened = event.newState === "open";
      button.setAttribute("aria-expanded", String(opened));
      if (opened && !card.querySelector(".cite__item")) {
        loadSummaries().then(function (found) { fill(card, links, found); }, function () { /* the links stay */ });
      }
    });
  }

  if (script && "popover" in doc.documentElement) doc.querySelectorAll("article .cite").forEach(citation);

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
  var siteRoot = new URL("../", bundle).pathname;
  var plural = new Intl.PluralRules(lang);
  var localDigits = function (text) {
    return lang === "ar" ? String(text).replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; }) : String(text);
  };
  var pagefind = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (api) {
        return api.options({ baseUrl: siteRoot, excerptLength: 24 }).then(function () { return api; });
      });
    }
    return pagefind;
  }

  // Pagefind's excerpt is escaped text with <mark> around the matches: keep exactly that, nothing else.
  function excerpt(html) {
    var p = doc.createElement("p");
    p.className = "search-result__excerpt";
    var parsed = doc.createElement("template");
    parsed.innerHTML = html;
    parsed.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = doc.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(doc.createTextNode(node.textContent));
      }
    });
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
      return api.search(query);
    }).then(function (search) {
      if (ticket !== latest || !search) return null;
      return Promise.all(search.results.slice(0, 12).map(function (r) { return r.data(); })).then(function (items) {
        if (ticket !== latest) return;
        message.textContent = say(search.results.length, query);
        list.textContent = "";
        items.forEach(function (item) {
          var li = doc.createElement("li");
          li.className = "search-result";
          li.appendChild(link(item.url, item.meta.title || item.url, "search-result__link"));
          if (item.meta.other) {
            // A faction's record of spellings: its name in the other script says more than the list.
            var other = doc.createElement("p");
            var bdi = doc.createElement("bdi");
            other.className = "search-result__excerpt";
            bdi.lang = item.meta.other_lang;
            bdi.textContent = item.meta.other;
            other.appendChild(bdi);
            li.appendChild(other);
          } else {
            li.appendChild(excerpt(item.excerpt));
          }
          var subs = (item.sub_results || []).filter(function (s) { return s.url !== item.url; }).slice(0, 3);
          if (subs.length) {
            var ul = doc.createElement("ul");
            ul.className = "search-result__sections";
            subs.forEach(function (sub) {
              var sli = doc.createElement("li");
              sli.appendChild(link(sub.url, sub.title, "search-result__section"));
              sli.appendChild(excerpt(sub.excerpt));
              ul.appendChild(sli);
            });
            li.appendChild(ul);
          }
          list.appendChild(li);
        });
      });
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
