"""The diagram's line breaking (explainer/render/figures.py), on the data's own names and labels in both scripts. How the
drawn diagram looks in a browser is in test_reading.py."""
from __future__ import annotations

import pytest

from explainer.render.figures import _greedy, _wrap, camp_count_heading, text_width
from explainer.pages.site import load_data

from .conftest import LANGS, ROOT

DATA = load_data(ROOT / "data")
LABELS = {lang: [getattr(f.name, lang) for f in DATA.factions.factions]
          + [camp_count_heading(DATA, lang, c) for c in DATA.camps.camps]
          for lang in LANGS}


@pytest.mark.parametrize("width", [120, 156, 300])
@pytest.mark.parametrize("lang", LANGS)
def test_a_label_takes_as_few_lines_as_filling_them_and_is_balanced(lang, width):
    """As many lines as filling each line gives, none wider than the width unless one word is, and balanced: made
    any narrower, the label would need another line (so no short last word under full lines)."""
    wrapped = 0
    for label in LABELS[lang]:
        lines = _wrap(label, width)
        assert " ".join(lines) == label
        assert len(lines) == len(_greedy(label.split(" "), width, False)) or any(c.isdigit() for c in label)
        assert all(text_width(line) <= width or " " not in line for line in lines), (label, lines)
        if len(lines) > 1:
            wrapped += 1
            widest = max(lines, key=text_width)
            if " " in widest:  # a line of one word can be no narrower
                assert len(_wrap(label, text_width(widest) - 1)) > len(lines), (label, lines)
    assert wrapped  # some labels of this language wrap at this width: the case the test is for occurs
