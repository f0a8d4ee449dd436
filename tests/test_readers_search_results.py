"""Search results a reader can place (issue 21's review): each result names the page it is on (its menu label in
data/pages.yml, in the page's language), and its excerpt is whole sentences of the record's text, never a window cut
mid-word, with the words that matched marked and everything else plain text. In Debian's Chromium, on the shared
build, with the benchmark's first query in each language."""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from explainer.pages.site import load_data
from explainer.publish.search_index import records_file
from explainer.render.strings import digits
from explainer.tools.benchmark import FIRST_QUERY

from .conftest import LANGS, ROOT, SUBPATH
from .test_browser import DESKTOP, PHONE, open_page

pytestmark = pytest.mark.browser
DATA = load_data(ROOT / "data")
# Where a sentence ends: its mark, then any closing quotation mark or bracket.
SENTENCE_END = re.compile(r"[.!?؟…][\"”»’)]*$")
SENTENCE_GAP = re.compile(r"[.!?؟][\"”»’)]*\s+$")

RESULTS = """[...document.querySelectorAll('#search .search-result')].map(li => ({
  page: li.querySelector('.search-result__page')?.textContent ?? null,
  title: li.querySelector('.search-result__link').textContent,
  href: li.querySelector('.search-result__link').href,
  excerpt: li.querySelector('.search-result__excerpt')?.textContent ?? null,
  marks: [...li.querySelectorAll('.search-result__excerpt mark')].map(m => m.textContent),
  elements: [...(li.querySelector('.search-result__excerpt')?.children ?? [])].map(e => e.tagName),
}))"""


def _labels(lang: str) -> dict[str, str]:
    """Each page's address under the site (as a result links to it) and its menu label."""
    prefix = f"/{SUBPATH}/{LANGS[lang]}"
    return {prefix + ("" if p.id == "index" else f"{p.id}/"): digits(getattr(p.nav, lang), lang)
            for p in DATA.pages.pages}


def _search(browser, server, lang: str, viewport) -> list[dict]:
    context, page, _ = open_page(browser, server + LANGS[lang] + "search/", viewport)
    page.fill("#search-input", FIRST_QUERY[lang])
    page.wait_for_selector("#search .search-result__link", timeout=15000)
    results = page.evaluate(RESULTS)
    context.close()
    return results


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_result_names_its_page_by_its_menu_label(browser, server, lang, viewport):
    results = _search(browser, server, lang, viewport)
    labels = _labels(lang)
    assert results
    for result in results:
        label = labels[urlsplit(result["href"]).path]
        # left out only where the title says it already (design12b: "Timeline" over "Timeline")
        assert result["page"] == (None if result["title"] == label else label), result


@pytest.mark.parametrize("lang", LANGS)
def test_each_excerpt_is_whole_sentences_with_the_matched_words_marked(browser, server, site, lang):
    records = {r["u"]: r for r in json.loads((site / records_file(lang)).read_text(encoding="utf-8"))}
    results = _search(browser, server, lang, PHONE)
    excerpts = [r for r in results if r["excerpt"]]
    assert excerpts
    for result in excerpts:
        url = urlsplit(result["href"])
        record = records[url.path.removeprefix(f"/{SUBPATH}/") + (f"#{url.fragment}" if url.fragment else "")]
        text = record.get("x") or record.get("p")
        shown = result["excerpt"].removesuffix(" …")
        start = text.find(shown)
        assert start >= 0, (shown, text)
        # It begins where the text or a sentence begins, and ends where the text or a sentence ends (or, for one
        # very long sentence, after a whole word, marked "…").
        assert start == 0 or SENTENCE_GAP.search(text[:start]), (text[:start][-20:], shown)
        end = start + len(shown)
        assert end == len(text) or SENTENCE_END.search(shown) or (
            result["excerpt"].endswith(" …") and not text[end].isalnum()), (shown, text[end:end + 20])
        assert set(result["elements"]) <= {"MARK"}, result  # text and marks only
        for mark in result["marks"]:
            assert re.fullmatch(r"[\w'’ʿʾ-]+", mark), mark  # a word, without the punctuation around it
    # The query's word is marked wherever an excerpt holds it.
    query = FIRST_QUERY[lang]
    holding = [r for r in excerpts if query in r["excerpt"]]
    assert holding and all(query in r["marks"] for r in holding), holding
