"""Search: one JSON of records per language, written after the build, that explainer.js hands to MiniSearch (npm
`minisearch`, pinned) when the reader starts to search. Nothing of it loads before.

Two kinds of record, each pointing at the place a reader should land:
- an entry for every named thing the site shows: each faction (at its entry on camps/), actor (actors/), place
  (names/, where places stand) and event (timeline/), with every spelling the data lists in both scripts, its
  facts in the page's language and, lower, in the other (so a name or an event typed in either script finds it);
- a section of every indexed page: each heading with an id and the text under it, read from the built HTML
  (what the theme and renderers mark data-pagefind-ignore is left out: citations, permalinks, the edit footer).
  The Names page is an index of names: its entries are the entries above, and its one-letter headings ("J.",
  «م.») are not records at all.
Folding (Arabic hamza, ta marbuta, alif maqsura, the article, tatweel, diacritics; Latin articles, hyphens, doubled
letters, vowel spellings, q/k) happens in the browser, at index and at query time alike, in one function
(docs/assets/javascripts/search.js), so the two can never differ. MiniSearch itself is copied from node_modules.

The build fails unless the index is complete: for each language, a record for every indexed page and every entry,
each pointing at a page that exists and an anchor that page carries, and MiniSearch's file in place.
"""
from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from explainer.data import interface
from explainer.data.languages import CODES, OTHER, PREFIX
from explainer.data.loader import SiteData
from explainer.render.strings import digits, format_span, keep_together, t

log = logging.getLogger("mkdocs.explainer")
NOT_INDEXED = ("search",)  # pages left out of the index (hooks.py marks them; the theme leaves out data-pagefind-body)
NAME_INDEX = "names"  # its entries are the entry records; its letter headings are no records
FOLDER = "assets/search"  # the records, one file per language, beside MiniSearch
MINISEARCH = ("node_modules/minisearch/dist/es/index.js", "assets/javascripts/minisearch.js")
# Marks the theme and the renderers already set for what a search must not read (named for Pagefind, which read
# them first): citation numbers, permalinks, the edit footer.
IGNORE = "data-pagefind-ignore"
BODY = "[data-pagefind-body]"
_HEADINGS = {"h1", "h2", "h3"}
_SPACE = re.compile(r"\s+")


def lang_root(lang: str) -> str:
    return PREFIX[lang]


def records_file(lang: str) -> str:
    return f"{FOLDER}/{lang}.json"


# ---------------------------------------------------------------- entries, from the data


def _names(item) -> list[str]:
    return list(dict.fromkeys([item.name.en, item.name.ar, *(a for group in (item.aliases, item.former)
                                                             for lg in CODES for a in group.every(lg))]))


def _facts(item, lang: str, shared=()) -> str:
    return " ".join(getattr(fact.text, lang) for fact in (*item.facts, *shared))


def _shared(data: SiteData, item) -> list:
    """What the source says of an actor together with the rest of its group (shown once, above their cards): a
    search for Turkey finds it as surely as when each card repeated it."""
    group = getattr(item, "group", None)
    return next((g.facts for g in data.actors.groups if g.id == group), []) if group else []


def entry_records(data: SiteData, lang: str) -> list[dict]:
    """One record per named thing and per event, at its entry on this language's pages."""
    other = OTHER[lang]
    root = lang_root(lang)
    records = []
    named = [("camps", f) for f in data.factions.factions] + [("actors", a) for a in data.actors.actors] \
        + [(NAME_INDEX, p) for p in data.places.places]
    for page, item in named:
        records.append({
            "u": f"{root}{page}/#{item.id}", "e": 1, "t": getattr(item.name, lang), "o": getattr(item.name, other),
            "n": " · ".join(_names(item)), "x": _facts(item, lang, _shared(data, item)),
            "y": _facts(item, other, _shared(data, item)),
        })
    for event in data.events.events:
        # An event reads like every other result: a short title (its date as the timeline prints it, or its
        # "No date given") over its whole sentence as the excerpt; the sentence is still searched as a title is
        # ("s"), so an event ranks as it did when its whole sentence was its title.
        records.append({
            "u": f"{root}timeline/#{event.id}", "e": 1, "t": event_title(data, event, lang),
            "s": getattr(event.text, lang), "x": getattr(event.text, lang),
            # Where an undated event falls names other events ("after the ceasefire"): it counts less than its text.
            "p": getattr(event.placement, lang) if event.placement else "", "y": getattr(event.text, other),
        })
    for record in records:
        for key in ("t", "o", "s", "x", "p", "y"):
            if key in record:
                record[key] = keep_together(digits(record[key], lang if key in ("t", "s", "x", "p") else other))
    return records


def event_title(data: SiteData, event, lang: str) -> str:
    """An event's result title: its date (or span) as the timeline prints it, or the timeline's "No date given".
    Review 13: the first words of an undated sentence as its title, and the rest as "…" under it, read as cut-off
    text; the whole sentence is the excerpt under its date, or under the plain fact that it has none."""
    if event.date:
        return format_span(data, lang, event.date, event.until)
    return t(data, lang, "undated")


# ---------------------------------------------------------------- sections, from the built pages


def _page_url(lang: str, page_id: str) -> str:
    return lang_root(lang) + ("" if page_id == "index" else f"{page_id}/")


def _page_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def _sections(html: str) -> list[tuple[str, str, str]]:
    """(id, heading, text under it) for each h1–h3 with an id in the page's indexed body, in order."""
    body = LexborHTMLParser(html).css_first(BODY)
    if body is None:
        return []
    for node in body.css(f"[{IGNORE}]"):
        node.decompose()
    found: list[list[str]] = []
    block = None
    for node in body.traverse(include_text=True):
        if node.tag in _HEADINGS and node.attributes.get("id"):
            found.append([node.attributes["id"], node.text(), ""])
        elif node.tag == "-text" and found:
            here = _block_of(node)
            if here is None:
                continue  # a heading's own words, which are its record's title
            # Text of two blocks (a list item and the next) never runs together; inline text joins as written.
            found[-1][2] += ("" if here == block else " ") + (node.text_content or "")
            block = here
    return [(i, _SPACE.sub(" ", h).strip(), _SPACE.sub(" ", x).strip()) for i, h, x in found]


_BLOCKS = {"p", "li", "dt", "dd", "div", "figcaption", "blockquote", "td", "th", "section", "article", "aside", "ul",
           "ol", "dl", "figure", "nav", "summary", "details"}


def _block_of(node) -> int | None:
    """The nearest block around a text node (its identity), or None inside a heading that starts a record."""
    parent = node.parent
    while parent is not None:
        if parent.tag in _HEADINGS and parent.attributes.get("id"):
            return None
        if parent.tag in _BLOCKS or parent.tag in _HEADINGS:
            return parent.mem_id
        parent = parent.parent
    return 0


def section_records(site_dir: Path, data: SiteData, lang: str) -> list[dict]:
    """A record per heading of every indexed page; the page's top (h1) is the page itself. Of the Names index only
    its top: its entries are entry records, and its letter headings are no place to land."""
    records = []
    for page in data.pages.pages:
        if page.id in NOT_INDEXED:
            continue
        url = _page_url(lang, page.id)
        path = _page_file(site_dir, url)
        if not path.is_file():
            continue  # index_problems names the page without a record
        for anchor, heading, text in _sections(path.read_text(encoding="utf-8")):
            top = anchor == "top"
            if page.id == NAME_INDEX and not top:
                break
            records.append({"u": url if top else f"{url}#{anchor}", "t": digits(getattr(page.title, lang), lang)
                            if top else heading, "x": text})
    return records


# ---------------------------------------------------------------- writing and checking


def all_records(site_dir: Path, data: SiteData) -> dict[str, list[dict]]:
    return {lang: entry_records(data, lang) + section_records(site_dir, data, lang) for lang in CODES}


def expected_urls(data: SiteData) -> dict[str, set[str]]:
    """Every address the index must hold, by language: each indexed page and each entry."""
    return {lang: {_page_url(lang, p.id) for p in data.pages.pages if p.id not in NOT_INDEXED}
            | {r["u"] for r in entry_records(data, lang)} for lang in CODES}


def index_problems(site_dir: Path, expected: dict[str, set[str]]) -> list[str]:
    """What is wrong with the index written in site_dir: each language's records readable, every expected address
    among them, every record's page published with the anchor it names, and MiniSearch in place."""
    problems = []
    engine = site_dir / MINISEARCH[1]
    if not engine.is_file() or engine.stat().st_size == 0:
        problems.append(f"{MINISEARCH[1]} is missing or empty")
    anchors: dict[str, set[str] | None] = {}
    for lang, urls in sorted(expected.items()):
        name = records_file(lang)
        try:
            records = json.loads((site_dir / name).read_text(encoding="utf-8"))
            found = {r["u"] for r in records}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problems.append(f"{name} is missing, empty or not a list of records ({type(exc).__name__})")
            continue
        missing = sorted(urls - found)
        if missing:
            problems.append(f"{name} has no record for {', '.join(missing)}")
        for url in sorted(found):
            page, _, anchor = url.partition("#")
            if page not in anchors:
                path = _page_file(site_dir, page)
                anchors[page] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8"))) \
                    if path.is_file() else None
            if anchors[page] is None:
                problems.append(f"{name}: {url} points at a page the build did not write")
            elif anchor and anchor not in anchors[page]:
                problems.append(f"{name}: {url} points at an anchor its page does not have")
    return problems


def build_search_index(site_dir: Path, data: SiteData, project: Path) -> None:
    """Write each language's records and MiniSearch, and fail unless the index is complete."""
    for lang, records in all_records(site_dir, data).items():
        target = site_dir / records_file(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(records, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    source = project / MINISEARCH[0]
    if not source.is_file():
        raise RuntimeError(f"{MINISEARCH[0]} is missing; run `make setup` (npm ci) to install it")
    (site_dir / MINISEARCH[1]).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, site_dir / MINISEARCH[1])
    problems = index_problems(site_dir, expected_urls(data))
    if problems:
        raise RuntimeError(f"the search index is incomplete: {'; '.join(problems[:5])}"
                           + (f"; and {len(problems) - 5} more" if len(problems) > 5 else ""))


def _for_script(form: str, key: str, lang: str) -> str:
    """A string explainer.js fills in itself: its placeholders kept as {name}, its doubled literal braces made
    single and its digits the page's, as every other surface prints them."""
    return digits(form.format(**{name: "{" + name + "}" for name in interface.PLACEHOLDERS.get(key, ())}), lang)


def search_strings(data: SiteData, lang: str) -> Markup:
    """The search page's interface strings, as JSON for explainer.js (plural forms by CLDR category)."""
    forms = data.strings[lang]["search_results"]
    strings = {
        "placeholder": digits(t(data, lang, "search_placeholder"), lang),
        "loading": digits(t(data, lang, "search_loading"), lang),
        "none": _for_script(data.strings[lang]["search_none"], "search_none", lang),
        "suggest": _for_script(data.strings[lang]["search_suggest"], "search_suggest", lang),
        "results": {form: _for_script(text, "search_results", lang)
                    for form, text in (forms.items() if isinstance(forms, dict) else [("other", forms)])},
    }
    return Markup(json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026"))
