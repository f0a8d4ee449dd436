// What readers use of a theme script, in a few KiB (Material's bundle.js is not loaded):
// the colour scheme toggle, the phone menu, a masthead pinned only while it is slim, a language switch that keeps
// the section in view, the wide screen's rail marking the section in view, and search, which loads its index and engine (search.js, MiniSearch) only when the reader
// starts to search.
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

  // ------------------------------------------------------------------ masthead: pinned only while slim
  // At most a tenth of the window's height stays pinned over the text (issue 21): a taller masthead (large text,
  // a narrow phone where it wraps, a phone held sideways) scrolls away with the page. Measured again whenever the
  // masthead or the window changes size (text zoom, rotation).
  var PINNED_SHARE = 0.1;
  var masthead = doc.querySelector(".masthead");
  if (masthead) {
    var pin = function () {
      // The open phone menu makes the masthead as tall as its list: it keeps the state it had when it opened.
      if (drawer && drawer.checked) return;
      // The dateline keeps to one line or is not shown (review 11): wrapped, it left the year alone and made the
      // masthead taller at large text. Measured shown, then hidden if it is cut.
      var dateline = masthead.querySelector(".masthead__dateline");
      if (dateline) {
        masthead.classList.remove("masthead--no-dateline");
        masthead.classList.toggle("masthead--no-dateline", dateline.scrollWidth > dateline.clientWidth + 1);
      }
      var height = masthead.getBoundingClientRect().height;
      var tall = height > window.innerHeight * PINNED_SHARE;
      masthead.classList.toggle("masthead--pinned", !tall);
      // A citation card opening upward stops below a pinned masthead (explainer.css, --cite-above).
      doc.documentElement.style.setProperty("--x-masthead", tall ? "0px" : Math.ceil(height) + "px");
    };
    pin();
    window.addEventListener("resize", pin);
    // A frame later: hiding the dateline changes the masthead's size, which inside the observer's own callback
    // would be a resize loop.
    if (window.ResizeObserver) new ResizeObserver(function () { window.requestAnimationFrame(pin); }).observe(masthead);
  }

  // ------------------------------------------------------------------ language switch
  // Both languages share heading ids, and the Names page's entries. The place in view (the last of them above a
  // third of the screen) is handed to the twin as its #id, whether or not this page's address had one. A letter
  // of Names exists in one script only: its heading hands over the letter's first entry instead.
  function sectionInView() {
    var marks = doc.querySelectorAll("article h2[id], article h3[id], article .name-entry[id]");
    var line = window.innerHeight / 3;
    var found = null;
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getBoundingClientRect().top <= line) found = marks[i];
      else break;
    }
    var letter = found && found.parentElement.classList.contains("name-letter") && found.parentElement;
    if (letter) found = letter.querySelector(".name-entry[id]");
    return found ? found.id : "";
  }
  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    var id = sectionInView();
    // Set before the browser follows the link (also for a new tab or window).
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + (id ? "#" + id : ""));
  }, true);

  // ------------------------------------------------------------------ the rail: the section in view
  // "On this page" (wide screens) marks the last of its sections whose heading has passed a third of the window,
  // the line the language switch uses; only an attribute changes, which the stylesheet shows in colour alone.
  var rail = doc.querySelector(".rail");
  if (rail) {
    var railLinks = Array.prototype.slice.call(rail.querySelectorAll("a[href^='#']"));
    var heads = railLinks.map(function (a) { return doc.getElementById(decodeURIComponent(a.hash.slice(1))); });
    var current = null;
    var queued = false;
    var mark = function () {
      queued = false;
      var line = window.innerHeight / 3;
      var found = null;
      for (var i = 0; i < heads.length; i++) {
        if (heads[i] && heads[i].getBoundingClientRect().top <= line) found = railLinks[i];
      }
      found = found || railLinks[0];
      if (found === current) return;
      if (current) current.removeAttribute("aria-current");
      found.setAttribute("aria-current", "location");
      current = found;
    };
    var queue = function () {
      if (!queued) { queued = true; window.requestAnimationFrame(mark); }
    };
    mark();
    window.addEventListener("scroll", queue, { passive: true });
    window.addEventListener("resize", queue);
  }

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
    var close = card.querySelector(".cite__close");
    card.textContent = "";
    if (close) card.appendChild(close);
    links.forEach(function (a) {
      var item = doc.createElement("span");
      var link = doc.createElement("a");
      item.className = "cite__item";
      link.href = a.getAttribute("href");
      // A range ("9–11") links to its first paragraph and names it alone; the others follow, each a hidden link.
      link.textContent = found.paragraph + " " + a.textContent.split("\u2013")[0];
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

  // The card is centred under its citation; near the column's edge it ran past it (70 px in Arabic at 1280 px):
  // moved back inside the block that holds the citation (a paragraph of the text column, or a wide block of
  // cards, each at least as wide as the card). Set as it opens, so it never shows outside.
  function within(card, group) {
    var block = group.closest("[data-pagefind-body] > *");
    card.style.translate = "";
    if (!block) return;
    var column = block.getBoundingClientRect(), box = card.getBoundingClientRect();
    card.style.translate = Math.max(0, column.left - box.left) + Math.min(0, column.right - box.right) + "px";
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
    // The card first holds what the reader had without scripts: the label, then the links. Closed, it is hidden by
    // the browser's style alone, which a reader view ignores ("Source paragraph 5" twice in Firefox's): said hidden.
    Array.prototype.forEach.call(group.childNodes, function (node) { card.appendChild(node.cloneNode(true)); });
    card.firstChild.className = "";
    card.setAttribute("aria-hidden", "true");
    // A visible way out besides Escape and a tap outside, first in the card so that Tab from the citation reaches
    // it; it hands the focus back to the citation. Its name is the page's language's (main.html's data-close).
    var close = doc.createElement("button");
    close.type = "button";
    close.className = "cite__close";
    close.textContent = "×";
    close.setAttribute("aria-label", script.getAttribute("data-close") || "×");
    close.addEventListener("click", function () {
      card.hidePopover();
      button.focus();
    });
    card.insertBefore(close, card.firstChild);
    // The state is told here, as the card opens or closes: the "toggle" event comes a task later, and a screen
    // reader asking in between heard "collapsed" over an open card (seen once in 1747 tests).
    card.addEventListener("beforetoggle", function (event) {
      var opening = event.newState === "open";
      button.setAttribute("aria-expanded", String(opening));
      if (opening) card.removeAttribute("aria-hidden");
      else card.setAttribute("aria-hidden", "true");
    });
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
      if (!open) {
        card.showPopover({ source: button });
        within(card, group);
      } else if (card.matches(":popover-open")) card.hidePopover();
    });
    card.addEventListener("toggle", function (event) {
      if (event.newState === "open" && !card.querySelector(".cite__item")) {
        loadSummaries().then(function (found) { fill(card, links, found); }, function () { /* the links stay */ });
      }
    });
  }

  // A group keeps to one line (explainer.css) unless it is wider than the block it is in: then it may wrap after a
  // comma, rather than push the page sideways. Measured again when the text or the window changes size.
  // Wider than its column, a group wraps. A block in a grid cell grows with a group that does not wrap (with the
  // word the no-break space ties to it), so the group and its block are measured against the article's column.
  function fitCitations(groups) {
    var article = doc.querySelector("article");
    if (!article) return;
    groups.forEach(function (group) {
      group.classList.remove("cite--wraps", "cite--splits");
      var wbr = group.querySelector(":scope > wbr");
      if (wbr) wbr.remove();
    });
    var style = window.getComputedStyle(article), box = article.getBoundingClientRect();
    var left = box.left + parseFloat(style.paddingLeft) - 1, right = box.right - parseFloat(style.paddingRight) + 1;
    var wide = groups.filter(function (group) {
      var own = (group.querySelector(".cite__button") || group).getBoundingClientRect();
      var block = group.parentElement.getBoundingClientRect();
      return Math.min(own.left, block.left) < left || Math.max(own.right, block.right) > right;
    });
    // A break allowed before such a group (Chromium honours a <wbr> even where lines do not wrap, so it is there
    // only then): the group starts the next line, whole.
    wide.forEach(function (group) {
      group.classList.add("cite--wraps");
      group.insertBefore(doc.createElement("wbr"), group.firstChild);
    });
    // Only a group wider than its whole column breaks inside, after a comma: the column is the block it stands in
    // (a Names entry's value is narrower than the article).
    wide.forEach(function (group) {
      var button = group.querySelector(".cite__button"), block = group.parentElement;
      while (block && block !== article && window.getComputedStyle(block).display.indexOf("inline") === 0) block = block.parentElement;
      var blockStyle = block ? window.getComputedStyle(block) : null;
      var room = blockStyle ? block.clientWidth - parseFloat(blockStyle.paddingLeft) - parseFloat(blockStyle.paddingRight) : right - left;
      if (button && button.getBoundingClientRect().width > Math.min(right - left, room)) group.classList.add("cite--splits");
    });
  }

  if (script && "popover" in doc.documentElement) {
    var groups = Array.prototype.slice.call(doc.querySelectorAll("article .cite"));
    groups.forEach(citation);
    var refit = function () { fitCitations(groups); };
    refit();
    // Measured again once the fonts are in: measured in a fallback font, a group can be sent to the next line it
    // would have shared in the real one.
    if (doc.fonts && doc.fonts.ready) doc.fonts.ready.then(refit);
    window.addEventListener("resize", refit);
    var article = doc.querySelector("article");
    if (window.ResizeObserver && article) {
      new ResizeObserver(function () { window.requestAnimationFrame(refit); }).observe(article);
    }
  }

  // ------------------------------------------------------------------ search
  // Everything else of search (its interface, folding and ranking) is in search.js, fetched with MiniSearch and
  // this language's records side by side, in one round trip, when the reader first focuses or types in the box.
  var box = doc.getElementById("search");
  var input = doc.getElementById("search-input");
  if (!box || !input) return;
  var bundle = new URL(box.getAttribute("data-bundle"), window.location.href);
  var started = null;

  function start() {
    if (!started) {
      var status = box.querySelector(".search-message");
      var strings = JSON.parse(doc.getElementById("explainer-strings").textContent);
      if (input.value.trim()) status.textContent = strings.loading;
      started = Promise.all([
        import(new URL("javascripts/search.js", bundle).href),
        import(new URL("javascripts/minisearch.js", bundle).href),
        fetch(new URL("search/" + lang + ".json", bundle).href).then(function (r) { return r.json(); }),
      ]).then(function (parts) {
        parts[0].start(box, input, parts[1].default, parts[2], new URL("../", bundle));
      }).catch(function () {
        status.textContent = strings.none.replace("{query}", input.value.trim());
        started = null;  // the next keystroke tries again
      });
    }
    return started;
  }
  input.addEventListener("focus", start);
  input.addEventListener("input", start);
  box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    start();
  }
})();
