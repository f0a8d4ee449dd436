"""How well the site's search finds what readers type: the query set of tests/search_queries.yml typed into both
languages' search pages of a served site, in Chromium, as a reader types it.

Used by tests/test_search_queries.py (every query must find its entry in the first three results) and by
`make benchmark` (the score, beside the bytes and the time on slow 4G). The set was written before any search was
run (its commit comes first), so it measures the search rather than being fitted to it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[2] / "tests" / "search_queries.yml"
TOP = 3
LANG_ROOT = {"en": "", "ar": "ar/"}


@dataclass
class Outcome:
    query: str
    page: str
    expect: list[str]
    found: list[list[str]]  # each result: its own link, then its sections', below the language's root

    @property
    def hit(self) -> bool:
        return any(matches(url, want) for result in self.found[:TOP] for url in result for want in self.expect)


def load_queries(path: Path = QUERIES) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for q in data["queries"]:
        q["expect"] = q["expect"] if isinstance(q["expect"], list) else [q["expect"]]
    return data


def matches(rel: str, want: str) -> bool:
    """Whether a result's address below its language's root (`camps/#ahrar-al-sham`, `` for home) is the entry
    wanted: PAGE/#ANCHOR exactly, or PAGE/ ("/": home) anywhere on that page."""
    path, _, anchor = rel.partition("#")
    page, _, wanted_anchor = want.partition("#")
    page = "" if page == "/" else page
    return path == page and (not wanted_anchor or anchor == wanted_anchor)


_WAIT = """([query, loading]) => {
  const m = document.querySelector('#search .search-message');
  return m && m.textContent !== loading && m.textContent.includes(query);
}"""
# A link outside the page's language keeps its whole address, so it never matches an entry.
_READ = """(root) => [...document.querySelectorAll('#search .search-results > .search-result')].map(li =>
  [...li.querySelectorAll('a')].map(a => a.href.startsWith(root) && !(root.endsWith('/ar/') ? false
    : a.href.slice(root.length).startsWith('ar/')) ? a.href.slice(root.length) : a.href))"""


def run_queries(browser, base_url: str, queries: list[dict], timeout: float = 15000) -> list[Outcome]:
    """Type each query on its language's search page (one page per language, the box cleared between queries)."""
    import json

    outcomes = []
    for lang in LANG_ROOT:
        mine = [q for q in queries if q["page"] == lang]
        if not mine:
            continue
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(base_url + LANG_ROOT[lang] + "search/")
        loading = json.loads(page.inner_text("#explainer-strings"))["loading"]
        for q in mine:
            page.fill("#search-input", "")
            page.fill("#search-input", q["q"])
            page.wait_for_function(_WAIT, arg=[q["q"], loading], timeout=timeout)
            page.wait_for_timeout(50)
            outcomes.append(Outcome(q["q"], lang, q.get("expect", []), page.evaluate(_READ, base_url + LANG_ROOT[lang])))
        context.close()
    return outcomes


def score(outcomes: list[Outcome]) -> tuple[int, int]:
    return sum(o.hit for o in outcomes), len(outcomes)
