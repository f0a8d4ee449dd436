"""Our one-line summary of each source paragraph, as a small JSON file per language, for the citations.

A citation on a page is a link to the paragraph in About (`html.cite`). explainer.js turns each group of them into a
button that shows, in place, the summaries of the paragraphs it cites; it fetches this file on the first use, so
no page carries the summaries it may never show (they would add 0.2–2.4 KiB gzip to every first visit; this file
is about 2 KiB, fetched once). The text is never HTML: explainer.js sets it as text. Arabic summaries are in
Arabic-Indic digits and say where their Latin names are (each then isolated in a <bdi>), as `html.text_in` prints
them on a page.
"""
from __future__ import annotations

import json
from pathlib import Path

from explainer.data.languages import CODES
from explainer.data.loader import SiteData
from explainer.render.html import latin_runs
from explainer.render.strings import t

FOLDER = "assets/sources"  # explainer.js finds it beside its own folder: ../sources/LANG.json


def file_name(lang: str) -> str:
    return f"{FOLDER}/{lang}.json"


def _summary(value: str, lang: str) -> dict:
    """{"text": the summary as the page prints it, "latin": [[start, end], …] of the Latin runs an Arabic page
    isolates}, in UTF-16 code units, as JavaScript counts them; no "latin" when there is none."""
    runs, spans, at = latin_runs(value, lang), [], 0
    for i, run in enumerate(runs):
        length = len(run.encode("utf-16-le")) // 2
        if i % 2:
            spans.append([at, at + length])
        at += length
    return {"text": "".join(runs), **({"latin": spans} if spans else {})}


def summaries_json(data: SiteData, lang: str) -> bytes:
    """{"paragraph": "Paragraph", "summaries": {"3": {"text": "…", "latin": [[start, end], …]}, …}}: each summary
    whole, as one string, with where its Latin runs are (Arabic pages only)."""
    document = {
        "paragraph": t(data, lang, "paragraph"),
        "summaries": {str(p.n): _summary(getattr(p.summary, lang), lang) for p in data.source.paragraphs},
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_summaries(data: SiteData, site_dir: Path) -> list[Path]:
    """One file per language into the built site; returns their paths."""
    written = []
    for lang in CODES:
        path = Path(site_dir) / file_name(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(summaries_json(data, lang))
        written.append(path)
    return written
