"""The roster as data: the factions of data/factions.yml as a CSV and a JSON file for download.

Pure functions of the loaded data, except `write_downloads`, which the build calls once, after both languages
are written (explainer/publish/hooks.py, on_post_build), to put the two files at a language-neutral path:
`downloads/factions.csv` and `downloads/factions.json`.

Fields, in this order, in both files: id, name_en, name_ar, source_spellings, aliases_en, aliases_ar, camp, paras.
`source_spellings` are the article's own spellings of the name; `aliases_en` and `aliases_ar` are spellings in
common use that are ours, never the article's (schema.Aliases), and both files say so: the JSON in its `note`, the
CSV in two last columns, `note_en` and `note_ar`, that repeat the note on every row. A spreadsheet opens a CSV
with a line of prose above the header as a broken table, and a row dropped by sorting or filtering would lose a
note kept in one place only; a column keeps the header first and the note beside every faction.
`paras` are the source paragraphs cited beside the faction's name on the camps page (where the source names it
in its camp); `camp` is an id from camps.yml (the JSON also gives each camp's name in both languages).

CSV rules (documented for readers on the About page, #downloads):
- UTF-8 with a byte-order mark (EF BB BF). Excel, on Windows and on the Mac, reads a .csv opened by double-click
  in the system's legacy code page (Windows-1252, MacRoman …) unless the file starts with a UTF-8 BOM, so
  Arabic comes out garbled without it; with it, Excel 2007+ (Windows) and Excel 2016+ (Mac) read UTF-8.
  LibreOffice Calc (its Text Import dialog) and Google Sheets read UTF-8 with or without the BOM, and drop it.
  Excel for Mac 2011 ignores the BOM: there, use Data > From Text and choose "Unicode (UTF-8)".
  (Checked against: donatstudios.com "CSV: An Encoding Nightmare" (2022 update); seeblog.seenet.ca "CSV
  Support in Excel for Mac 2016"; GitHub denoland/std#3143 (Excel and Google Sheets), enlyze/S7-Project-Explorer#4
  and metabase/metabase#7029 (LibreOffice, Google Sheets), azavea/django-queryset-csv#71 (Excel for Mac 2011).)
  Python reads it with encoding="utf-8-sig".
- Comma-separated, every field quoted, rows ending CRLF (RFC 4180).
- ONE rule for every multi-valued field (source_spellings, aliases_en, aliases_ar, paras): the values joined by " | " (space,
  vertical bar, space), in the data's order; an empty field means none. A value that contains "|" would make
  the field ambiguous: the validator refuses such an alias at its line (schema.SEPARATOR), and this module
  still stops rather than write a file that cannot be split back, should anything get past it.
- A cell that begins with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe ('), so that a
  spreadsheet shows it as text and never runs it as a formula (data comes from editors). Only the CSV does
  this; the JSON holds every value exactly as in data/.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from explainer.data.languages import CODES
from explainer.data.loader import SiteData
from explainer.data.schema import SEPARATOR as BAR
from explainer.render.strings import t

FIELDS = ["id", "name_en", "name_ar", "source_spellings", "aliases_en", "aliases_ar", "camp", "paras"]
LISTS = {"source_spellings", "aliases_en", "aliases_ar", "paras"}
NOTES = ["note_en", "note_ar"]  # the CSV's last columns: the JSON's `note`, on every row
SEPARATOR = f" {BAR} "
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DOWNLOADS = "downloads"
CSV_NAME = "factions.csv"
JSON_NAME = "factions.json"


def source_spellings(item) -> list[str]:
    """How the article writes a name: the spellings listed as the source's, or else the English name itself."""
    return list(item.aliases.source) or [item.name.en]


def roster_rows(data: SiteData) -> list[dict]:
    """One dict per faction, in the order of factions.yml; list fields stay lists."""
    return [
        {
            "id": f.id,
            "name_en": f.name.en,
            "name_ar": f.name.ar,
            "source_spellings": source_spellings(f),
            "aliases_en": list(f.aliases.en),
            "aliases_ar": list(f.aliases.ar),
            "camp": f.camp,
            "paras": list(f.paras),
        }
        for f in data.factions.factions
    ]


def neutralise(value: str) -> str:
    """A spreadsheet cell that would start a formula is shown as text instead."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(row: dict, name: str) -> str:
    value = row[name]
    if name in LISTS:
        parts = [str(v) for v in value]
        # A safety net: schema.py refuses such a value at its line, so reaching this is a bug in the validator.
        if any(BAR in part for part in parts):
            raise ValueError(f'explainer/render/roster.py: faction "{row["id"]}": a value of {name} contains "{BAR}", which '
                             "the validator should have refused (explainer/data/schema.py); report this as a bug")
        value = SEPARATOR.join(parts)
    return neutralise(str(value))


def roster_csv(data: SiteData) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(FIELDS + NOTES)
    notes = [neutralise(t(data, name.removeprefix("note_"), "roster_note")) for name in NOTES]
    for row in roster_rows(data):
        writer.writerow([_cell(row, name) for name in FIELDS] + notes)
    return (BOM + out.getvalue()).encode("utf-8")


def roster_json(data: SiteData) -> bytes:
    src = data.source
    document = {
        "source": {
            "title": {"en": src.title.en, "ar": src.title.ar},
            "title_is_translation": src.title_is_translation,
            "date": src.date,
        },
        "note": {lang: t(data, lang, "roster_note") for lang in CODES},
        "fields": FIELDS,
        "camps": [{"id": c.id, "name": {"en": c.name.en, "ar": c.name.ar}} for c in data.camps.camps],
        "factions": roster_rows(data),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# Each download, by its name under downloads/, and what renders it (the change report compares them too).
DOWNLOAD_FILES = {CSV_NAME: roster_csv, JSON_NAME: roster_json}


def write_downloads(data: SiteData, site_dir: Path) -> list[Path]:
    """Writes both files into the built site; returns their paths."""
    folder = Path(site_dir) / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, render in DOWNLOAD_FILES.items():
        content = render(data)
        (folder / name).write_bytes(content)
        written.append(folder / name)
    return written
