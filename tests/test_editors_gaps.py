"""Issue 20, the gaps left by the last editor walk: an Arabic message that quotes an unreadable line keeps the line
in one piece; an event's `until` after the source article is refused like its `date`; a heading added to one
language's page only is refused at its line."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from bidi import get_display

from explainer.data.errors import DataErrors
from explainer.data.messages import FSI, PDI
from explainer.data.yamlread import read_yaml
from explainer.pages.site import load_data

from .conftest import ROOT
from .test_loader import data_dir, edit, position  # noqa: F401


# ---------------------------------------------------------------- 1. the quoted line, in an Arabic message

_ISOLATED = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")
_FENCED = re.compile(r"^(`+) ?(.*?) ?\1$")  # a code span's content, as Markdown reads it


@pytest.mark.parametrize("text, quoted", [
    ('camp:\n  ar: "معسكر المشاركة\n  en: "The camp"\n', 'ar: "معسكر المشاركة'),  # mixed, a quote left open
    ('camp:\n  en: "Sham Legion\n  ar: "فيلق"\n', 'en: "Sham Legion'),  # Latin
    ('names:\n  - "فيلق الشام\n  - "x"\n', '- "فيلق الشام'),  # Arabic only
    ('camp:\n  ar: "فيلق `الشام` \n  en: "x"\n', 'ar: "فيلق `الشام`'),  # a backtick inside
    ('names:\n  - "a"\n  فيلق الشام\n', "فيلق الشام"),  # Arabic only, another message
    ('list:\n  - id: a\n    name: x\n  id: فيلق-الشام\n', "id: فيلق-الشام"),  # an entry without its "- "
])
def test_the_quoted_line_is_one_isolate_in_an_arabic_message(tmp_path, text, quoted):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    found = read_yaml(path, "data/x.yml").errors
    assert len(found) == 1, [str(e) for e in found]
    shown = found[0].text("ar")
    assert "YAML cannot read this line" in str(found[0]), str(found[0])
    # Every isolate that holds part of the line holds all of it, whatever its script.
    spans = [_FENCED.sub(r"\2", span) for span in _ISOLATED.findall(shown)]
    touching = [span for span in spans if span in quoted or quoted in span or span.split()[0] in quoted]
    assert touching and all(span.startswith(quoted) or span.startswith("- " + quoted) for span in touching), shown
    # And Unicode's bidi algorithm (python-bidi, the reference) lays the line out as one block, as it reads alone.
    plain = re.compile("[\u2066-\u2069]")
    alone = plain.sub("", get_display(FSI + quoted + PDI))
    assert alone in plain.sub("", get_display(shown)), get_display(shown)


# ---------------------------------------------------------------- 2. until after the source


def _published() -> dt.date:
    return dt.date.fromisoformat(yaml.safe_load((ROOT / "data" / "source.yml").read_text(encoding="utf-8"))["date"])


def _until_of(data_dir: Path) -> tuple[str, str]:
    """The `until` line of the first event that has one, as written."""
    text = (data_dir / "events.yml").read_text(encoding="utf-8")
    found = re.search(r'^ +until: "([0-9-]+)"$', text, re.M)
    assert found, "test setup: no event has an until"
    return found.group(), found.group(1)


def test_an_until_after_the_source_is_refused_at_the_until(data_dir):
    line, until = _until_of(data_dir)
    later = (_published() + dt.timedelta(days=30)).isoformat()[: len(until)]
    text = edit(data_dir, "events.yml", line, line.replace(until, later))
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir)
    found = caught.value.errors
    assert len(found) == 1, [str(e) for e in found]
    error = found[0]
    assert (error.file, error.line, error.col) == ("data/events.yml", *position(text, f'until: "{later}"', len("until: ")))
    assert f"is after the source article ({_published().isoformat()})" in str(error)
    assert "check the date" in str(error)
    assert later in error.message.say("ar") and "لاحق لتاريخ المقال المصدر" in error.message.say("ar")


def test_an_until_on_the_source_date_passes(data_dir):
    line, until = _until_of(data_dir)
    edit(data_dir, "events.yml", line, line.replace(until, _published().isoformat()[: len(until)]))
    load_data(data_dir)


# ---------------------------------------------------------------- 3. a section in one language only


def _pages() -> list[str]:
    return sorted(p.name for p in (ROOT / "docs" / "en").glob("*.md"))


def _page_errors(project: Path):
    with pytest.raises(DataErrors) as caught:
        load_data(project / "data")
    return caught.value.errors


def _add_heading(project: Path, page: str, heading: str) -> tuple[str, int]:
    """`heading` added to the page, before its last heading, and the line it is on."""
    path = project / "docs" / page
    lines = path.read_text(encoding="utf-8").split("\n")
    where = max(i for i, line in enumerate(lines) if line.startswith("#"))
    lines[where:where] = [heading, "", "Text.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"docs/{page}", where + 1


@pytest.mark.parametrize("lang, other, heading", [
    ("en", "ar", "## A new section {#new-section}"),
    ("ar", "en", "## قسم جديد {#new-section}"),
    ("en", "ar", "## A heading without an id"),
    ("ar", "en", "### عنوان فرعي"),
    ("en", "ar", "##A heading without a space"),  # a heading to Python-Markdown all the same
])
def test_a_section_in_one_language_only_is_refused_at_its_heading(data_and_docs, lang, other, heading):
    page = _pages()[0]
    name, line = _add_heading(data_and_docs, f"{lang}/{page}", heading)
    found = _page_errors(data_and_docs)
    assert [(e.file, e.line, e.col) for e in found] == [(name, line, 1)], [str(e) for e in found]
    said = str(found[0])
    assert f"docs/{other}/{page}" in said and "add the same section" in said and "remove it" in said
    assert f"docs/{other}/{page}" in found[0].message.say("ar")


def test_headings_at_other_levels_are_refused(data_and_docs):
    """The same anchor, but a subsection in one language and a section in the other: the reader's place is lost."""
    page = next(p for p in _pages() if len(re.findall(r"^## ", (ROOT / "docs/en" / p).read_text(), re.M)) > 1)
    path = data_and_docs / "docs" / "ar" / page
    text = path.read_text(encoding="utf-8")
    last = [m for m in re.finditer(r"^## ", text, re.M)][-1]
    path.write_text(text[: last.start()] + "### " + text[last.end():], encoding="utf-8")
    found = _page_errors(data_and_docs)
    assert {(e.file, e.line) for e in found} == {(f"docs/ar/{page}", text.count("\n", 0, last.start()) + 1)}, \
        [str(e) for e in found]


def test_the_real_pages_have_the_same_sections_in_both_languages():
    load_data(ROOT / "data")
    heading = re.compile(r"^(#{1,6})[ \t].*?(\{#[\w-]+\})?[ \t]*$", re.M)
    for page in _pages():
        shape = [[(h[0], h[1]) for h in heading.findall((ROOT / "docs" / lang / page).read_text(encoding="utf-8"))]
                 for lang in ("en", "ar")]
        assert shape[0] == shape[1] and shape[0], page


@pytest.mark.parametrize("block", ["```yaml\n# a comment in a code block\n```", "{##\n## a heading left in a comment\n##}"])
def test_a_hash_line_in_a_code_block_or_a_comment_is_no_section(data_and_docs, block):
    path = data_and_docs / "docs" / "en" / _pages()[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n" + block + "\n", encoding="utf-8")
    load_data(data_and_docs / "data")
