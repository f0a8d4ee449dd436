"""Review 9 (issue 21): a fresh news design editor's look at the screenshots, and the fixes for what it found.
Every sentence a reader sees ends as a sentence: the downloads line's "About these files" link, on Names and The
two camps in both languages, read as a fragment left unfinished. In Debian's Chromium, on the shared build."""
from __future__ import annotations

import pytest

from .conftest import LANGS, PAGES, html_file
from .test_browser import PHONE, open_page

pytestmark = pytest.mark.browser
SENTENCE_END = (".", "؟", "?", "!")


def _pages_with_downloads(site, lang: str) -> list[str]:
    return [page for page in PAGES if 'class="downloads"' in html_file(site, lang, page).read_text(encoding="utf-8")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_line_ends_as_a_sentence(browser, server, site, lang):
    pages = _pages_with_downloads(site, lang)
    assert pages, "no page shows the downloads line"
    for path in pages:
        context, page, _ = open_page(browser, server + LANGS[lang] + path, PHONE)
        lines = page.evaluate("[...document.querySelectorAll('article .downloads')].map(p => p.innerText.trim())")
        context.close()
        assert lines, path
        for line in lines:
            assert line.endswith(SENTENCE_END), (path, line[-40:])


# ---------------------------------------------------------------- the foot of a page that states nothing
def _cites(site, lang: str, page: str) -> bool:
    return 'class="cite"' in html_file(site, lang, page).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_only_a_page_that_states_something_asks_for_mistakes_and_every_page_keeps_its_edit_link(
        browser, server, site, lang):
    """"Found a statement the source does not support?" under the search box read as boilerplate left over: the
    search page states nothing from the source. Pages that cite keep the question; every page keeps "Edit"."""
    silent = [page for page in PAGES if not _cites(site, lang, page)]
    assert silent and len(silent) < len(PAGES)
    for path in PAGES:
        context, page, _ = open_page(browser, server + LANGS[lang] + path, PHONE)
        foot = page.evaluate("""(() => { const a = document.querySelector('article aside.edit-data');
          return {asks: !!a.querySelector(':scope > p a'), edit: !!a.querySelector('details summary')}; })()""")
        context.close()
        assert foot == {"asks": path not in silent, "edit": True}, (path, foot)
