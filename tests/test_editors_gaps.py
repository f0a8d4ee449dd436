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
