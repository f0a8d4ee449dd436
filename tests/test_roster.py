"""The roster as data: the CSV and JSON downloads parse, match data/ exactly, resist formula injection, and the
camps, names and About pages link to them in both languages."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from explainer.render import html as render

from explainer.render import roster

from explainer.data import schema
from explainer.pages.site import load_data
from explainer.render.strings import t

from .conftest import LANGS, ROOT, html_file

DATA = load_data(ROOT / "data")
BOM = b"\xef\xbb\xbf"


def expected(data=DATA) -> list[dict]:
    """Each faction as data/factions.yml has it, written out here rather than taken from explainer/render/roster.py."""
    return [
        {"id": f.id, "name_en": f.name.en, "name_ar": f.name.ar,
         "source_spellings": list(f.aliases.source) or [f.name.en], "aliases_en": list(f.aliases.en),
         "aliases_ar": list(f.aliases.ar), "camp": f.camp, "paras": list(f.paras)}
        for f in data.factions.factions
    ]


def read_csv(raw: bytes) -> tuple[list[str], list[dict]]:
    """The CSV as a reader would take it back: the documented separator split, paragraph numbers as numbers."""
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    rows = []
    for row in reader:
        for name in ("source_spellings", "aliases_en", "aliases_ar", "paras"):
            row[name] = row[name].split(" | ") if row[name] else []
        row["paras"] = [int(n) for n in row["paras"]]
        rows.append(row)
    return reader.fieldnames, rows


def with_factions(data, factions):
    return dataclasses.replace(data, factions=schema.FactionsFile.model_construct(factions=factions))


# ---------------------------------------------------------------- the files in the built site


def test_csv_download_has_a_bom_and_matches_the_data(site):
    raw = (site / "downloads" / "factions.csv").read_bytes()
    assert raw.startswith(BOM), "Excel needs the UTF-8 byte-order mark to read the Arabic"
    assert not raw.startswith(BOM * 2)
    fields, rows = read_csv(raw)
    assert fields == ["id", "name_en", "name_ar", "source_spellings", "aliases_en", "aliases_ar", "camp", "paras",
                      "note_en", "note_ar"]
    # The caveat travels with every row (a line of prose above the header would break the table).
    notes = {lang: t(DATA, lang, "roster_note") for lang in LANGS}
    assert all(row.pop("note_en") == notes["en"] and row.pop("note_ar") == notes["ar"] for row in rows)
    assert "most prominent" in notes["en"] and "source_spellings" in notes["en"] and "ours" in notes["en"]
    assert rows == expected()
    # Every line ends CRLF, and every field is quoted (RFC 4180).
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == "" and all(line.startswith('"') and line.endswith('"') for line in lines[:-1])


def test_json_download_matches_the_data_and_says_what_it_is(site):
    document = json.loads((site / "downloads" / "factions.json").read_bytes().decode("utf-8"))
    assert document["factions"] == expected()
    assert document["source"] == {"title": {"en": DATA.source.title.en, "ar": DATA.source.title.ar},
                                  "title_is_translation": DATA.source.title_is_translation, "date": DATA.source.date}
    assert document["note"] == {lang: t(DATA, lang, "roster_note") for lang in LANGS}
    assert "most prominent" in document["note"]["en"] and "أبرز" in document["note"]["ar"]
    assert document["camps"] == [{"id": c.id, "name": {"en": c.name.en, "ar": c.name.ar}} for c in DATA.camps.camps]
    assert document["fields"] == list(document["factions"][0])
    # Arabic is written as itself, not as \u escapes.
    assert DATA.factions.factions[0].name.ar in (site / "downloads" / "factions.json").read_text(encoding="utf-8")


def test_downloads_are_written_once_at_the_site_root(site):
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("factions.*")) == [
        "downloads/factions.csv", "downloads/factions.json"]
    assert (site / "downloads" / "factions.csv").read_bytes() == roster.roster_csv(DATA)
    assert (site / "downloads" / "factions.json").read_bytes() == roster.roster_json(DATA)


LINKED = {"camps/": True, "names/": True, "about/": False}


@pytest.mark.parametrize("page", LINKED)
@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_to_both_files(site, lang, page):
    path = html_file(site, lang, page)
    box = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article p.downloads")
    assert box is not None
    targets = {}
    for link in box.select("a[href]"):
        href = urlsplit(link["href"])
        target = (path.parent / href.path).resolve()
        target = target / "index.html" if target.is_dir() else target
        targets[target.relative_to(site.resolve()).as_posix()] = href.fragment
    files = {"downloads/factions.csv", "downloads/factions.json"}
    assert files <= set(targets)
    assert all((site / f).is_file() for f in files)
    about = f"{LANGS[lang]}about/index.html" if LINKED[page] else None
    if about:
        # "About these files" leads to the section that describes them, in the page's own language.
        assert targets[about] == "downloads"
        about_page = BeautifulSoup((site / about).read_text(encoding="utf-8"), "html.parser")
        assert about_page.select_one("h2#downloads") is not None
    assert set(targets) - files == ({about} if about else set())


# ---------------------------------------------------------------- the pure functions


def test_csv_cells_that_could_run_as_formulas_are_neutralised():
    first = DATA.factions.factions[0]
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"]
    factions = [
        first.model_copy(update={
            "name": schema.Text.model_construct(en=value, ar=value),
            "aliases": schema.Aliases.model_construct(en=[value], ar=[]),
        })
        for value in hostile
    ]
    factions.append(first.model_copy(update={"name": schema.Text.model_construct(en="a=b", ar="-")}))
    data = with_factions(DATA, factions)
    _, rows = read_csv(roster.roster_csv(data))
    for row, value in zip(rows, hostile):
        assert row["name_en"] == row["name_ar"] == "'" + value
        assert row["aliases_en"] == ["'" + value]
    assert rows[-1]["name_en"] == "a=b" and rows[-1]["name_ar"] == "'-"
    # The JSON is not for spreadsheets: it keeps every value exactly.
    assert [f["name_en"] for f in json.loads(roster.roster_json(data))["factions"]] == hostile + ["a=b"]


def test_a_value_with_the_separator_stops_the_build():
    first = DATA.factions.factions[0]
    data = with_factions(DATA, [first.model_copy(update={
        "aliases": schema.Aliases.model_construct(en=["A | B"], ar=[])})])
    with pytest.raises(ValueError, match=f'"{first.id}".*aliases_en'):
        roster.roster_csv(data)


def test_quotes_commas_and_newlines_in_values_round_trip():
    first = DATA.factions.factions[0]
    tricky = 'Say "hi", then\nleave'
    data = with_factions(DATA, [first.model_copy(update={"name": schema.Text.model_construct(en=tricky, ar="،")})])
    _, rows = read_csv(roster.roster_csv(data))
    assert rows[0]["name_en"] == tricky and rows[0]["name_ar"] == "،"


def test_download_links_escape_interface_strings():
    strings = {lang: dict(DATA.strings[lang]) for lang in LANGS}
    strings["en"]["roster_downloads"] = "<script>x</script> {csv} {json}"
    strings["en"]["roster_about"] = '"><img src=x>'
    data = dataclasses.replace(DATA, strings=strings)
    html = render.roster_downloads(data, render.Place("en", "../", "../"))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and 'href="../downloads/factions.csv"' in html
