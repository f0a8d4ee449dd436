"""Nothing an editor adds may silently vanish: a new faction, actor, place fact, event or quote shows on the site,
and what would not show (a quote no page shows, a renamed spelling that drops links) is refused at its line."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.data.errors import DataErrors
from explainer.pages.site import load_data

from .conftest import copy_project, mkdocs_build
from .data_setups import add_faction, list_quote
from .test_loader import position


def insert_after(path: Path, anchor: str, block: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert anchor in text, f"test setup: {anchor!r} not in {path.name}"
    text = text.replace(anchor, anchor + block, 1)
    path.write_text(text, encoding="utf-8")
    return text


@pytest.fixture
def project(data_and_docs) -> Path:
    return data_and_docs


def errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_data(project / "data")
    return [str(e) for e in caught.value.errors]


def add_quote(data: Path, listed: bool) -> str:
    insert_after(data / "quotes.yml", "quotes:\n", (
        "  - id: new-quote\n    speaker: fastaqim-union\n"
        '    text: {en: "A new statement.", ar: "تصريح جديد"}\n'
        '    occasion: {en: "in a new statement", ar: "في بيان جديد"}\n    paras: [3]\n'))
    if listed:
        text = (data / "camps.yml").read_text(encoding="utf-8")
        (data / "camps.yml").write_text(text.replace("quotes: [fastaqim-value]", "quotes: [fastaqim-value, new-quote]", 1),
                                        encoding="utf-8")
    return (data / "quotes.yml").read_text(encoding="utf-8")


def test_a_quote_no_page_shows_is_refused_at_its_id(project):
    text = add_quote(project / "data", listed=False)
    line, col = position(text, "new-quote")
    assert errors(project) == [
        f'data/quotes.yml:{line}:{col}: the quote "new-quote" is shown on no page; list its id under `quotes:` of '
        "the reason it supports in data/camps.yml (the Reasons page shows it there)"]


def test_a_quote_shown_twice_is_refused(project):
    # Listed under two reasons of its own camp (under the other camp it is refused as that camp's reason:
    # test_editors_ii; twice in one reason's list, at the second listing: test_editors_walk4).
    camp, listed, other = next((c.id, r, o) for c in load_data(project / "data").camps.camps for r in c.reasons
                               if r.quotes for o in c.reasons if o is not r)
    quote = listed.quotes[0]
    list_quote(project / "data", ("camps", camp, "reasons", other.id), quote)
    found = errors(project)
    assert len(found) == 1 and f'the quote "{quote}" would be shown 2 times (reasons, reasons)' in found[0]


def test_a_renamed_arabic_spelling_that_drops_links_is_refused_at_the_name(project):
    path = project / "data/factions.yml"
    text = path.read_text(encoding="utf-8")
    # Jaysh al-Islam is named in the prose of several pages; an Arabic rename that the prose does not follow.
    text = text.replace('ar: "جيش الإسلام"', 'ar: "جيش الاسلام"', 1)
    path.write_text(text, encoding="utf-8")
    line, col = position(text, 'ar: "جيش الاسلام"', 4)
    found = errors(project)
    assert found and all(f.startswith(f"data/factions.yml:{line}:{col}: \"جيش الاسلام\" is not found in the Arabic of "
                                      "texts that name it in English (data/") for f in found), found
    # It names the texts to change, by file and line, and the pages by their menu labels.
    stale = [f"data/{name}:{n}" for name in ("actors.yml", "camps.yml", "source.yml")
             for n, row in enumerate((project / "data" / name).read_text(encoding="utf-8").splitlines(), start=1)
             if "جيش الإسلام" in row]
    assert stale and any(s in found[0] for s in stale)
    assert "use this spelling there, or add the spelling used there to aliases (ar)" in found[0]


def test_twin_pages_must_call_the_same_macros(project):
    path = project / "docs/ar/actors.md"
    text = path.read_text(encoding="utf-8")
    assert '{{ gap("host") }}' in text
    path.write_text(text.replace('{{ gap("host") }}', ""), encoding="utf-8")
    found = errors(project)
    assert len(found) == 1 and found[0].startswith("docs/ar/actors.md:1:1: this page calls other macros than docs/en/actors.md")


def test_what_an_editor_adds_shows_on_the_site(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data"
    add_faction(data, (  # in its camp's part of the list
        "  - id: new-faction\n"
        '    name: {en: "New Faction", ar: "الفصيل الجديد"}\n    camp: refused\n    paras: [7]\n'), "refused")
    insert_after(data / "actors.yml", "actors:\n", (
        "  - id: new-actor\n    kind: state\n    group: turkey-and-russia\n"
        '    name: {en: "New State", ar: "الدولة الجديدة"}\n'
        '    facts:\n      - text: {en: "A new fact.", ar: "معلومة جديدة."}\n        paras: [1]\n'))
    insert_after(data / "places.yml", "    facts:\n", (
        '      - text: {en: "A new place fact.", ar: "معلومة جديدة عن المكان."}\n        paras: [1]\n'))
    text = (data / "events.yml").read_text(encoding="utf-8")
    (data / "events.yml").write_text(text.rstrip("\n") + (
        '\n  - id: new-event\n    date: "2017-02"\n'  # the source's month: a later one is refused
        '    text: {en: "A new event.", ar: "حدث جديد."}\n    paras: [1]\n'), encoding="utf-8")
    add_quote(data, listed=True)
    load_data(data)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]

    def page(lang: str, name: str) -> BeautifulSoup:
        prefix = "" if lang == "en" else "ar/"
        return BeautifulSoup((site / prefix / name / "index.html").read_text(encoding="utf-8"), "html.parser")

    for lang, faction, actor, event, fact, quote in (
        ("en", "New Faction", "New State", "A new event.", "A new place fact.", "A new statement."),
        ("ar", "الفصيل الجديد", "الدولة الجديدة", "حدث جديد.", "معلومة جديدة عن المكان.", "تصريح جديد"),
    ):
        assert faction in page(lang, "camps").select_one("#new-faction").get_text()
        assert actor in page(lang, "actors").select_one("#new-actor").get_text()
        assert event in page(lang, "timeline").get_text()
        assert quote in page(lang, "reasons").select_one("#quote-new-quote").get_text()
        names = page(lang, "names")
        assert names.select_one("#new-faction") and names.select_one("#new-actor")
        assert fact in names.get_text()
