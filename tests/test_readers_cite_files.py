"""The files behind the citations' cards, without a browser: the summaries each language's cards fetch
(explainer/render/summaries.py) and the script as readers fetch it (explainer/publish/slim.py)."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from explainer.pages.site import load_data
from explainer.publish.slim import SCRIPT
from explainer.render.strings import t
from explainer.render.summaries import file_name

from .conftest import LANGS, ROOT

DATA = load_data(ROOT / "data")


@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraphs_summary_is_in_its_languages_file(site, lang):
    """Each summary whole, as the page would print it (Arabic digits on Arabic pages, outside its Latin names, which
    the card isolates); and the word the cards put before each paragraph's number."""
    found = json.loads((site / file_name(lang)).read_text(encoding="utf-8"))
    assert found["paragraph"] == t(DATA, lang, "paragraph")
    assert set(found["summaries"]) == {str(p.n) for p in DATA.source.paragraphs}
    western = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
    for p in DATA.source.paragraphs:
        summary = found["summaries"][str(p.n)]
        text, latin = summary["text"], summary.get("latin", [])
        assert text.translate(western) == getattr(p.summary, lang)  # whole, nothing lost or added
        outside = "".join(text[a:b] for a, b in zip([0] + [e for _, e in latin], [s for s, _ in latin] + [len(text)]))
        assert lang == "en" and not latin or not re.search(r"[0-9]", outside)  # the page's digits
        assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9'’. \-]*", text[a:b]) for a, b in latin), latin


def test_the_script_readers_fetch_has_no_comment_lines_and_still_runs(site):
    """Comment lines were a quarter of explainer.js's gzip size; the code itself must stay whole."""
    served = (site / SCRIPT).read_text(encoding="utf-8")
    written = (ROOT / "docs" / SCRIPT).read_text(encoding="utf-8")
    assert not re.search(r"^\s*//", served, re.M)
    assert [line for line in written.splitlines() if not line.lstrip().startswith("//")] == served.splitlines()
    assert subprocess.run(["node", "--check", str(site / SCRIPT)], capture_output=True).returncode == 0
