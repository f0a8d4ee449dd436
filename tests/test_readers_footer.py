"""Reader pages without file names (issue 21, item 4): every page ends with "Report a mistake" (the issue form) and
one "Edit this page" disclosure that holds the data files, one click away for editors and out of the reading; the
About page is for readers, with the downloads' technical notes in a section of their own at its end. Read from the
built pages of the shared build; the labels and the column names come from data/i18n/ and the roster's fields."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from explainer.pages.site import load_data
from explainer.render.roster import FIELDS
from explainer.render.sources import issue_form_url
from explainer.render.strings import t

from .conftest import LANGS, PAGES, ROOT, html_file

DATA = load_data(ROOT / "data")
DATA_FILE = re.compile(r"\b[\w/]+\.yml\b")


def _article(site, lang, page):
    html = BeautifulSoup(html_file(site, lang, page).read_text(encoding="utf-8"), "html.parser")
    return html.select_one("article.md-content__inner")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_the_foot_reports_a_mistake_and_keeps_the_files_behind_one_disclosure(site, lang, page):
    article = _article(site, lang, page)
    (foot,) = article.select("aside.edit-data")
    if article.select(".cite"):  # a page that cites nothing (search) states nothing to report: test_readers_review9
        report = foot.find("a")
        assert report["href"] == issue_form_url() and report.get_text() == t(DATA, lang, "page_report_link")
    (edit,) = foot.select("details")
    assert edit.get("open") is None  # closed: the names are a click away, not in the reading
    assert edit.summary.get_text(" ", strip=True) == t(DATA, lang, "edit_page")
    files = [code.get_text() for code in edit.select("a code")]
    assert files and all(DATA_FILE.fullmatch(f) for f in files)
    for details in article.select("details"):
        details.decompose()
    assert not DATA_FILE.search(article.get_text(" ")), DATA_FILE.findall(article.get_text(" "))


@pytest.mark.parametrize("lang", LANGS)
def test_about_reads_for_readers_and_leaves_the_file_notes_to_its_last_section(site, lang):
    article = _article(site, lang, "about/")
    for details in article.select("details:not(.file-notes__more)"):  # the footer's; the notes' own stays
        details.decompose()
    headings = article.find_all("h2")
    notes = headings[-1]
    assert notes["id"] == "file-notes"
    # The reading flow: everything before the notes. No code type, and none of the notes' words.
    before, node = [], notes.find_previous()
    while node is not None:
        before.append(node)
        node = node.find_previous()
    assert not [e for e in before if e.name == "code"]
    assert not any(field in article.get_text(" ").split(notes.get_text())[0] for field in ("utf-8-sig", "note_en"))
    # The notes: every column of the CSV, in code type.
    codes = [c.get_text() for c in notes.find_all_next("code")]
    assert all(field in codes for field in FIELDS), (FIELDS, codes)
    assert "utf-8-sig" in codes
    # The readers' section on the downloads leads to them.
    assert article.select_one('#downloads ~ p a[href="#file-notes"]') is not None
