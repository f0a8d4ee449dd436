// Search: folding, matching, ranking and the results, over the records explainer/publish/search_index.py writes,
// with MiniSearch. Loaded by explainer.js (with MiniSearch and the records, side by side) only when the reader
// starts to search. One folding function serves the index and the query, so the two always agree.

// ------------------------------------------------------------------ folding

var ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // diacritics, Quranic marks, tatweel
var ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
// The Latin forms of the Arabic article, and English words that only join a name.
var LATIN_ARTICLES = { al: 1, el: 1, ul: 1, as: 1, ash: 1, at: 1, ad: 1, adh: 1, an: 1, ar: 1, az: 1, ath: 1,
  the: 1, of: 1, and: 1 };
// Numbers written as words or numerals, so Geneva IV, Geneva 4 and «جنيف الرابع» meet.
var NUMBERS = { i: "1", ii: "2", iii: "3", iv: "4", v: "5", first: "1", "1st": "1", second: "2", "2nd": "2",
  third: "3", "3rd": "3", fourth: "4", "4th": "4", four: "4", fifth: "5",
  "اول": "1", "اولي": "1", "ثاني": "2", "ثانيه": "2", "ثالث": "3", "ثالثه": "3", "رابع": "4", "رابعه": "4" };

function foldArabic(word) {
  var w = word.replace(ARABIC_MARKS, "")
    .replace(/[أإآٱ]/g, "ا").replace(/ؤ/g, "و").replace(/ئ/g, "ي").replace(/ء/g, "")
    .replace(/ة/g, "ه").replace(/ى/g, "ي");
  // The article, alone or after a one-letter conjunction or preposition (و، ف، ب، ك، ل).
  var bare = w.replace(/^[وفبك]?ال/, "").replace(/^لل/, "");
  return bare.length >= 2 ? bare : w;
}

function foldLatin(word) {
  var w = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  if (NUMBERS[w]) return NUMBERS[w];
  return w
    .replace(/ch/g, "sh").replace(/[qc]/g, "k")
    .replace(/(ay|ai|ei|ey|ae)/g, "e").replace(/ou|oo|o/g, "u")
    .replace(/(.)\1+/g, "$1")
    .replace(/(.{3,})(ah|at)$/, "$1a").replace(/(.{3,})eh$/, "$1e");
}

// One word as it is indexed and searched: null when it says nothing (an article, one letter).
export function foldWord(word) {
  if (!word) return null;
  var isArabic = /[\u0600-\u06FF]/.test(word);
  var w = word.replace(ARABIC_DIGITS, function (d) { return String((d.charCodeAt(0) & 0xf) % 10); });
  if (isArabic) {
    w = foldArabic(w);
    w = NUMBERS[w] || w;
  } else {
    var plain = w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (LATIN_ARTICLES[plain]) return null;
    w = foldLatin(w);
  }
  if (w.length < 2 && !/^[0-9]$/.test(w)) return null;
  return w;
}

// The words of a text: apostrophes and the marks of transliteration join a word (Da'ish), everything that is not
// a letter or digit separates. A hyphenated word also stands joined (cease-fire → ceasefire).
var WORD = /[\p{L}\p{M}\p{N}'’ʿʾ]+(?:-[\p{L}\p{M}\p{N}'’ʿʾ]+)*/gu;

export function words(text) {
  var out = [];
  (String(text).match(WORD) || []).forEach(function (raw) {
    var token = raw.replace(/['’ʿʾ]/g, "");
    var parts = token.split("-");
    var folded = parts.map(foldWord).filter(Boolean);
    folded.forEach(function (f) { out.push(f); });
    if (folded.length > 1) out.push(folded.join(""));
  });
  return out;
}

export function fold(text) {
  return words(text).join(" ");
}

// ------------------------------------------------------------------ searching

// n: every spelling of a name; t: the title shown; s: an event's sentence, searched as a title (an event's title
// is its date, its sentence the excerpt); x: the text shown as the excerpt; p: where an undated event falls;
// y: the other language's text; m (shown, not searched): a line beside the page's name ("No date given").
var FIELDS = ["n", "t", "s", "x", "p", "y"];
var BOOST = { n: 6, t: 4, s: 4, x: 1, p: 0.3, y: 0.6 };

// Typos: one letter in a word of 4 or 5, two from 6 (no tolerance below 4: "UN" and "SDF" are exact).
function fuzzy(term) {
  return term.length >= 6 ? 2 : term.length >= 4 ? 1 : 0;
}

export function createSearch(MiniSearch, records) {
  var index = new MiniSearch({
    fields: FIELDS,
    storeFields: ["u", "t", "o", "x", "p", "n", "e"],
    idField: "u",
    tokenize: function (text) { return words(text); },
    processTerm: function (term) { return term; },
    searchOptions: { tokenize: function (text) { return [text]; } },
  });
  index.addAll(records);
  var vocabulary = null;

  // Each word of the query (the last may be unfinished). A hyphenated word is searched joined (cease-fire as
  // ceasefire) or, when that finds nothing, as its parts; its article part is dropped either way (al-Sham: sham).
  function groups(query, joined) {
    var raw = (String(query).match(WORD) || []).map(function (r) { return r.replace(/['’ʿʾ]/g, ""); });
    return raw.map(function (token, i) {
      var parts = token.split("-").map(foldWord).filter(Boolean);
      var last = i === raw.length - 1;
      if (parts.length < 2) return parts.length ? term(parts[0], last) : null;
      if (joined) return { queries: [parts.join("")], fuzzy: 0, prefix: false };  // exact, or the parts
      return { combineWith: "AND", queries: parts.map(function (p) { return term(p, last); }) };
    }).filter(Boolean);
  }

  function term(word, last) {
    return {
      queries: [word],
      fuzzy: fuzzy(word),
      prefix: word.length >= 4 || (last && word.length >= 3),
    };
  }

  var TAIL = 0.1;

  function run(query, combineWith, joined) {
    var parts = groups(query, joined);
    if (!parts.length) return [];
    return index.search({ combineWith: combineWith, queries: parts }, {
      boost: BOOST,
      weights: { fuzzy: 0.25, prefix: 0.4 },
      // An entry of the data (a named thing, an event) above a page section that mentions it.
      boostDocument: function (id, term, stored) { return stored && stored.e ? 2 : 1; },
    });
  }

  // The query's words as they are indexed (a hyphenated word as its parts).
  function typed(query) {
    var out = [];
    (String(query).match(WORD) || []).forEach(function (raw) {
      raw.replace(/['’ʿʾ]/g, "").split("-").map(foldWord).filter(Boolean).forEach(function (w) { out.push(w); });
    });
    return out;
  }

  // A page whose title holds every word typed, as typed, is the page named for what was asked ("Geneva 4":
  // Outlook for Geneva IV): it ranks with the entries, above passing mentions in their sentences. (A page's own
  // record is the one address without an anchor; a section's heading gets no such lift, or every heading with
  // "ceasefire" in it would pass the ceasefire itself.)
  var TITLED = 2.5;
  function titled(result, query) {
    return result.id.indexOf("#") < 0 && query.every(function (w) {
      var fields = result.match[w] || [];
      return fields.indexOf("t") >= 0 || fields.indexOf("n") >= 0;
    });
  }

  function exact(result, query, every) {
    var has = function (w) { return result.terms.indexOf(w) >= 0; };
    return every ? query.every(has) : query.some(has);
  }

  // Every word must match (hyphenated words joined, then split); if nothing does, any word may.
  function search(query) {
    var hyphen = /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(query);
    var found = hyphen ? run(query, "AND", true) : [];
    if (!found.length) found = run(query, "AND", false);
    if (!found.length) found = run(query, "OR", false).filter(function (r) { return r.score > 2; });
    var asked = typed(query);
    // When a name matches as typed, a record found only through a near spelling is not what was meant
    // («النصرة» is Jabhat al-Nusra; جيش النصر matched only as a one-letter typo of it).
    if (asked.length && found.some(function (r) { return exact(r, asked, true); })) {
      found = found.filter(function (r) { return exact(r, asked, false); });
    }
    found.forEach(function (r) { if (asked.length && titled(r, asked)) r.score *= TITLED; });
    found.sort(function (a, b) { return b.score - a.score; });
    // A long tail of weak matches reads as answers (an Arabic excerpt found for «النصرة» through «نشره», a
    // dozen passing mentions for a typo): keep the results within a tenth of the best one's score.
    var floor = found.length ? found[0].score * TAIL : 0;
    return found.filter(function (r) { return r.score >= floor; });
  }

  // When nothing matches: the name nearest to what was typed, three letters off at most.
  function suggest(query) {
    var typed = groups(query);
    if (!typed.length) return null;
    var folded = fold(query).replace(/ /g, "");
    if (folded.length < 4) return null;
    vocabulary = vocabulary || records.filter(function (r) { return r.n; }).map(function (r) {
      return { title: r.t, forms: r.n.split(" · ").map(function (n) { return fold(n).replace(/ /g, ""); }) };
    });
    var best = null;
    vocabulary.forEach(function (entry) {
      entry.forms.forEach(function (form) {
        var d = distance(folded, form);
        if (d <= 3 && d < folded.length / 2 && (!best || d < best.d)) best = { d: d, title: entry.title };
      });
    });
    return best && best.title;
  }

  return { search: search, suggest: suggest };
}

// Levenshtein distance, for "did you mean" only.
function distance(a, b) {
  var row = [];
  for (var j = 0; j <= b.length; j++) row.push(j);
  for (var i = 1; i <= a.length; i++) {
    var prev = row[0];
    row[0] = i;
    for (var k = 1; k <= b.length; k++) {
      var keep = row[k];
      row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

// ------------------------------------------------------------------ the search page

// Wire the search box: `root` is the site's root, which the records' addresses start from.
export function start(box, input, MiniSearch, records, root) {
  var doc = box.ownerDocument;
  var lang = doc.documentElement.lang;
  var strings = JSON.parse(doc.getElementById("explainer-strings").textContent);
  var message = box.querySelector(".search-message");
  var list = box.querySelector(".search-results");
  var plural = new Intl.PluralRules(lang);
  var engine = createSearch(MiniSearch, records);
  var SHOWN = 10;
  var pages = {};
  doc.querySelectorAll("#site-menu a[href]").forEach(function (a) { pages[a.pathname] = a.textContent.trim(); });

  function localDigits(text) {
    return lang === "ar" ? String(text).replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; }) : String(text);
  }

  // The sentence that holds the first matching word (a following one too while that is short), the matching
  // words marked, as text nodes only: a reader sees whole sentences, never one cut mid-word.
  var sentences = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(lang, { granularity: "sentence" }) : null;
  var ENOUGH = 120;  // characters: two or three lines of the results' column on a phone
  var LONGEST = 320;  // a longer sentence ends at the last whole word within this, with "…"

  function split(text) {
    if (sentences) return Array.from(sentences.segment(text), function (s) { return s.segment; });
    return text.match(/[^.!?؟]+(?:[.!?؟]+["”»’)]*\s*|$)/g) || [text];
  }

  function excerpt(text, terms) {
    var p = doc.createElement("p");
    p.className = "search-result__excerpt";
    var hit = function (word) {
      return word.split("-").some(function (w) { return terms.has(foldWord(w.replace(/['’ʿʾ]/g, ""))); });
    };
    var all = split(String(text));
    var at = Math.max(0, all.findIndex(function (s) { return (s.match(WORD) || []).some(hit); }));
    var chosen = all[at];
    while (chosen.length < ENOUGH && at + 1 < all.length) chosen += all[++at];
    chosen = chosen.trim();
    if (chosen.length > LONGEST) chosen = chosen.slice(0, chosen.lastIndexOf(" ", LONGEST)) + " …";
    // Odd pieces are words (the marks around a word, a comma or a quotation mark, stay outside its <mark>).
    chosen.split(new RegExp("(" + WORD.source + ")", "u")).forEach(function (piece, i) {
      if (i % 2 && hit(piece)) {
        var mark = doc.createElement("mark");
        mark.textContent = piece;
        p.appendChild(mark);
      } else {
        p.appendChild(doc.createTextNode(piece));
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

  // "Did you mean …?": the name offered is a link that searches for it (a plain ?q= link without this handler).
  function offer(query, suggestion) {
    var text = strings.suggest.replace("{query}", query).split("{suggestion}");
    message.textContent = text[0];
    var a = link("?q=" + encodeURIComponent(suggestion), suggestion, "search-suggestion");
    a.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = suggestion;
      run();
    });
    message.appendChild(a);
    message.appendChild(doc.createTextNode(text[1] || ""));
  }

  function show(found, query) {
    list.textContent = "";
    if (!found.length) {
      var suggestion = engine.suggest(query);
      if (suggestion) offer(query, suggestion);
      else message.textContent = say(0, query);
      return;
    }
    message.textContent = say(found.length, query);
    found.slice(0, SHOWN).forEach(function (item) {
      var li = doc.createElement("li");
      li.className = "search-result";
      // Which page the result is on, above its title: that page's label in the site's menu (data/pages.yml);
      // left out where the title says it already (a page's own result, "Timeline" over "Timeline").
      var href = new URL(item.u, root);
      var page = pages[href.pathname];
      if (page && page !== item.t) {
        var label = doc.createElement("p");
        label.className = "search-result__page";
        label.textContent = page;
        li.appendChild(label);
      }
      li.appendChild(link(href.href, item.t, "search-result__link"));
      if (item.o) {
        // A named thing: its name in the other script, beside its own.
        var bdi = doc.createElement("bdi");
        bdi.className = "search-result__other";
        bdi.lang = lang === "ar" ? "en" : "ar";
        bdi.textContent = item.o;
        li.appendChild(doc.createTextNode(" "));
        li.appendChild(bdi);
      }
      if (item.x || item.p) li.appendChild(excerpt(item.x || item.p, new Set(item.terms)));
      list.appendChild(li);
    });
  }

  function run() {
    var query = input.value.trim();
    if (!query) {
      message.textContent = "";
      list.textContent = "";
      return;
    }
    show(engine.search(query), query);
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  if (input.value.trim()) run();
}
