"""The wide screen's rail and the page's opening paragraph, both derived from the page as built.

"On this page" lists the page's sections (its headings with an id), beside the text on a wide screen
(the stylesheet shows it from 76em and hides it on phones, tablets and paper); explainer.js marks the section in
view. On Names A-Z the sections are its letters, set as a row of keys.

Every page opens with one standfirst: the paragraph right under its headline, whatever the page's source wrote
around it, takes the one standfirst style (a page whose headline is followed by a heading gets its description
from data/pages.yml instead).
"""
from __future__ import annotations

import re

from explainer.render.html import esc

MIN_SECTIONS = 2  # one section alone is no map of the page

# The headline, then the page's first paragraph, if nothing else comes between them.
_OPENING = re.compile(r'(<h1\b[^>]*>.*?</h1>\s*)(<p\b[^>]*>|(?=<h[2-6]\b))', re.S)


def on_this_page(label: str, sections: list[tuple[int, str, str]]) -> str:
    """`label` is escaped HTML (an interface string); `sections` is (level, id, text) with plain text, escaped here.
    Sections of one or two characters each are an index's letters: a row of keys, not a list of lines."""
    if len(sections) < MIN_SECTIONS:
        return ""
    letters = all(len(text) <= 2 for _, _, text in sections)
    items = "".join(f'<li class="rail__item rail__item--h{level}"><a href="#{esc(anchor)}">{esc(text)}</a></li>'
                    for level, anchor, text in sections)
    kind = " rail--letters" if letters else ""
    return (f'<nav class="rail{kind}" aria-labelledby="rail-label"><p class="rail__label" id="rail-label">{label}</p>'
            f'<ul class="rail__list">{items}</ul></nav>')


def with_standfirst(html: str, description: str) -> str:
    """The paragraph under the headline is the standfirst, one class on every page; `description` (escaped HTML)
    stands in where a heading follows the headline. The home page's already is one."""
    def mark(match: re.Match) -> str:
        head, paragraph = match.group(1), match.group(2)
        if not paragraph:
            return f'{head}<p class="standfirst">{description}</p>\n'
        if 'class="standfirst"' in paragraph:
            return match.group(0)
        return head + re.sub(r'\s*class="[^"]*"', "", paragraph).replace("<p", '<p class="standfirst"', 1)
    return _OPENING.sub(mark, html, count=1)
