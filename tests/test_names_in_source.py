"""The names index's "In the source" spellings against the article itself: each spelling listed as the source's is
written in the paragraphs cited for it, and every paragraph that writes one of them is cited.

The article is not in the repository (the site quotes only what the article quotes); the test reads it from
EXPLAINER_SOURCE_TEXT, or the team's shared copy, and is skipped where neither exists."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.pages.site import load_data
from explainer.render.strings import t

from .conftest import ROOT, html_file

DATA = load_data(ROOT / "data")
SOURCE = Path(os.environ.get("EXPLAINER_SOURCE_TEXT", "/work/shared/source/astana-2017-armed-factions.txt"))
_CITED = re.compile(r"#p-(\d+)$")


def source_paragraphs(text: str) -> dict[int, str]:
    """The article's prose paragraphs numbered as data/source.yml numbers them: the lines after the title and the
    date, without the section headings; curly apostrophes read as the straight ones the data writes."""
    headings = {f"{s.title.en}:" for s in DATA.source.sections}
    lines = [line.strip() for line in text.splitlines()[1:] if line.strip()][1:]  # the title, then the date
    prose = [line.replace("\u2019", "'") for line in lines if line not in headings]
    return dict(enumerate(prose, 1))


def written_in(spelling: str, paragraphs: dict[int, str]) -> set[int]:
    """Where the article writes the spelling as words of their own: "Syria" is not in "Syrian", "UN" not in "UNESCO"."""
    pattern = re.compile(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)")
    return {n for n, text in paragraphs.items() if pattern.search(text)}


@pytest.fixture(scope="module")
def paragraphs() -> dict[int, str]:
    if not SOURCE.is_file():
        pytest.skip(f"the article is not at {SOURCE}; set EXPLAINER_SOURCE_TEXT to its text file")
    found = source_paragraphs(SOURCE.read_text(encoding="utf-8"))
    assert len(found) == DATA.paragraph_count  # numbered as the data numbers them, or every check below is off
    return found


def _cited_lists(site: Path):
    """(entry id, spellings, paragraph numbers) for each list of the source's spellings on the English names page."""
    page = BeautifulSoup(html_file(site, "en", "names/").read_text(encoding="utf-8"), "html.parser")
    labels = {t(DATA, "en", key) for key in ("in_source", "former_in_source")}
    for entry in page.select("li.name-entry"):
        for dt in entry.select("dt"):
            if dt.get_text() not in labels:
                continue
            dd = dt.find_next_sibling("dd")
            spelled = ["".join(s for s in li.find_all(string=True) if not s.find_parent(class_="cite")).strip("\u00a0 ")
                       for li in dd.select("ul.aliases > li")]
            cited = {int(_CITED.search(a["href"]).group(1)) for a in dd.select(".cite a")}
            yield entry["id"], [s.replace("\u2019", "'") for s in spelled], cited


def test_the_sources_spellings_are_cited_where_the_article_writes_them(site, paragraphs):
    lists = list(_cited_lists(site))
    assert len({entry for entry, _, _ in lists}) == len(DATA.factions.factions) + len(DATA.actors.actors) + len(
        DATA.places.places)
    wrong = []
    for entry, spelled, cited in lists:
        where = {s: written_in(s, paragraphs) for s in spelled}
        everywhere = set().union(*where.values())
        unwritten = [s for s, found in where.items() if not found]
        if unwritten or cited != everywhere:
            wrong.append(f"{entry}: {spelled} cited {sorted(cited)}, written in {sorted(everywhere)}"
                         + (f", never written: {unwritten}" if unwritten else ""))
    assert not wrong, "\n".join(wrong)


def test_paragraphs_are_read_as_the_data_numbers_them():
    text = "Title\n\nDate\n\nOne.\n\nHeading:\n\nTwo’s.\n"
    heading = DATA.source.sections[0].title.en
    assert source_paragraphs(text.replace("Heading", heading)) == {1: "One.", 2: "Two's."}
    assert written_in("Syria", {1: "Syrian factions", 2: "in Syria."}) == {2}
