"""Figures drawn at build time from the same data as the text: inline SVG with real, selectable text.

Units: one unit is one CSS pixel when the text is 16 px. The stylesheet sizes each figure in em (WIDTH / 16 em,
never wider than its column), so a label is as large as the body text around it and grows with text zoom
(down to the column's width, where the figure stops growing and the list under it takes over). Boxes are
sized to their text, measured with the site's own fonts, so nothing overflows. Arabic figures are mirrored
(the first camp on the right) and use Arabic digits. Colours come from CSS classes bound to the theme's
variables, so the figures follow dark mode and print light.
"""
from __future__ import annotations

import functools
import re

from explainer import PROJECT

from explainer.render.fonts import FACES, FONTSOURCE
from explainer.data.loader import SiteData
from explainer.data.schema import FIGURE_GROUPS
from explainer.render.html import LIST_COMMA, Place, cite, esc, other_script, say, ui
from explainer.render.strings import digits, t

WIDTH = 320  # phones: 20em wide
WIDE = 800  # wide screens: 50em, each camp in two columns, under half the height
FONT = 16  # label size in units: the body text's size (see WIDTH)
LINE = {"en": 20, "ar": 25}  # Naskh needs more leading than Latin
PAD = 5  # inside a box, above and below the text and on each side
GAP = 8
ROW_GAP = 4
NBSP = "\u00a0"
ROOT = PROJECT


@functools.lru_cache(maxsize=None)
def _advances(bold: bool, lang: str) -> dict[int, float]:
    """Advance widths per code point, in ems, from the self-hosted font (isolated forms for Arabic: a bit wide)."""
    from fontTools.ttLib import TTFont

    family = "noto-naskh-arabic" if lang == "ar" else "noto-sans"
    face = next(f for f in FACES if f.source.startswith(family) and f.source.endswith(("700-normal.woff2" if bold else "400-normal.woff2")))
    path = ROOT / FONTSOURCE / face.source
    if not path.exists():
        return {}
    font = TTFont(str(path))
    metrics, scale = font["hmtx"].metrics, font["head"].unitsPerEm
    return {code: metrics[glyph][0] / scale for code, glyph in font.getBestCmap().items()}


def text_width(text: str, bold: bool = False) -> float:
    """Width in units at FONT, each character measured with its script's font."""
    total = 0.0
    for char in text:
        arabic = "\u0600" <= char <= "\u06ff"
        table = _advances(bold, "ar" if arabic else "en")
        total += table.get(ord(char), 0.6)
    return total * FONT


def _greedy(words: list[str], width: float, bold: bool) -> list[str]:
    lines: list[str] = []
    for word in words:
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(trial.replace(NBSP, " "), bold) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def _wrap(text: str, width: float, bold: bool = False) -> list[str]:
    """Lines no wider than width, as few as greedy filling gives, and balanced: the narrowest width that still
    gives that many lines, so a label never ends on one short word under a full line. A number stays with the word
    after it ("11 factions")."""
    words = re.sub(r"(\d+) ", lambda m: m.group(1) + NBSP, text).split(" ")
    lines = _greedy(words, width, bold)
    if len(lines) > 1:
        narrow, wide = 0.0, width  # fewer lines at `wide`; more at `narrow`
        while wide - narrow > 0.5:
            middle = (narrow + wide) / 2
            narrow, wide = (narrow, middle) if len(_greedy(words, middle, bold)) <= len(lines) else (middle, wide)
        lines = _greedy(words, wide, bold)
    return [line.replace(NBSP, " ") for line in lines] or [""]


class _Canvas:
    """Boxes, labels and connectors stacked top to bottom; mirrors x for right-to-left pages."""

    def __init__(self, lang: str, width: int = WIDTH):
        self.lang = lang
        self.width = width
        self.rtl = lang == "ar"
        self.line = LINE[lang]
        self.parts: list[str] = []

    def x(self, left: float, width: float = 0) -> float:
        return self.width - left - width if self.rtl else left

    def text(self, lines: list[str], centre: float, top: float, height: float, cls: str) -> None:
        """Lines centred in a band of the given height (top to top + height)."""
        first = top + (height - self.line * len(lines)) / 2 + self.line / 2 + FONT * 0.35
        spans = "".join(
            f'<tspan x="{centre:.1f}" y="{first + i * self.line:.1f}">{esc(digits(line, self.lang))}</tspan>'
            for i, line in enumerate(lines)
        )
        self.parts.append(f'<text class="{cls}" text-anchor="middle">{spans}</text>')

    def height_of(self, lines: int) -> float:
        return 2 * PAD + self.line * lines

    def box(self, left: float, top: float, width: float, lines: list[str], height: float, cls: str,
            text_cls: str = "fig-text") -> None:
        x = self.x(left, width)
        self.parts.append(f'<rect class="{cls}" x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" rx="5"/>')
        self.text(lines, x + width / 2, top, height, text_cls)

    def label(self, left: float, top: float, width: float, lines: list[str], cls: str = "fig-label") -> float:
        self.text(lines, self.x(left, width) + width / 2, top, self.line * len(lines), cls)
        return top + self.line * len(lines)

    def svg(self, height: float, title_id: str, title: str, desc: str, cls: str = "figure-svg") -> str:
        direction = ' direction="rtl"' if self.rtl else ""
        return (
            f'<svg class="{cls}" viewBox="0 0 {self.width} {height:.0f}" role="img" '
            f'aria-labelledby="{title_id}-title {title_id}-desc"{direction} xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{title_id}-title">{esc(digits(title, self.lang))}</title><desc id="{title_id}-desc">{esc(digits(desc, self.lang))}</desc>'
            + "".join(self.parts)
            + "</svg>"
        )


def _names(data: SiteData, lang: str, group: str) -> list[str]:
    assert group in FIGURE_GROUPS, f"{group}: declare it in schema.FIGURE_GROUPS, so the validator requires it"
    return [getattr(a.name, lang) for a in data.actors.actors if a.group == group]


def _columns(canvas: _Canvas, top: float, cells: list[list[str]], cls: list[str],
             text_cls: str = "fig-text") -> list[float]:
    """Columns of boxes across the figure whose rows line up: each row as tall as its tallest box."""
    column = (canvas.width - GAP * (len(cells) - 1)) / len(cells)
    inner = column - 2 * PAD
    wrapped = [[_wrap(name, inner, "strong" in text_cls) for name in names] for names in cells]
    bottoms = [top] * len(cells)
    y = top
    for row in range(max(len(c) for c in wrapped)):
        lines = max(len(c[row]) for c in wrapped if row < len(c))
        height = canvas.height_of(lines)
        for i, column_cells in enumerate(wrapped):
            if row < len(column_cells):
                canvas.box(i * (column + GAP), y, column, column_cells[row], height, cls[i], text_cls)
                bottoms[i] = y + height
        y += height + ROW_GAP
    return bottoms


def camp_count_heading(data: SiteData, lang: str, camp) -> str:
    """A camp's name and count as plain text (the figure's head, its description)."""
    n = len(data.factions_in(camp.id))
    return t(data, lang, "camp_count_heading", n=n, name=getattr(camp.name, lang),
             count=t(data, lang, "factions_count", n=n))


def camps_figure(data: SiteData, place: Place) -> str:
    """The figure twice: laid out for a phone's column and for a wide one; the stylesheet shows one of them."""
    return (_camps_svg(data, place, WIDTH, 1, "camps-figure", "figure-svg figure-svg--narrow")
            + _camps_svg(data, place, WIDE, 2, "camps-figure-wide", "figure-svg figure-svg--wide"))


def _camps_svg(data: SiteData, place: Place, width: int, split: int, svg_id: str, cls: str) -> str:
    """Sponsors on top, joined to the two camps side by side with every faction, then the groups left out and the
    Kurds apart. Rows line up across the columns; the sponsors' connector meets both camps' heads."""
    lang = place.lang
    canvas = _Canvas(lang, width)
    sep = "، " if lang == "ar" else " · "
    column = (width - GAP) / 2
    y = canvas.label(0, 0, width, _wrap(t(data, lang, "diagram_called_by"), width))
    sponsors = _wrap(sep.join(_names(data, lang, "turkey-and-russia")), width - 2 * PAD, True)
    height = canvas.height_of(len(sponsors))
    canvas.box(0, y, width, sponsors, height, "fig-box fig-box--sponsor", "fig-text fig-text--strong")
    # The connector: down from the sponsors' box, across, and down into the top of each camp's head.
    top, bend, bottom = y + height, y + height + 10, y + height + 22
    centres = [canvas.x(i * (column + GAP), column) + column / 2 for i in range(2)]
    middle = width / 2
    canvas.parts.append(
        f'<path class="fig-arrow" d="M{middle:.1f} {top:.1f} V{bend:.1f} M{centres[0]:.1f} {bottom - 5:.1f} '
        f'V{bend:.1f} H{centres[1]:.1f} V{bottom - 5:.1f}"/>'
    )
    for centre in centres:
        canvas.parts.append(
            f'<path class="fig-arrowhead" d="M{centre - 5:.1f} {bottom - 6:.1f} H{centre + 5:.1f} L{centre:.1f} {bottom:.1f} Z"/>'
        )
    y = bottom
    camps = data.camps.camps
    heads = [camp_count_heading(data, lang, c) for c in camps]
    bottoms = _columns(canvas, y, [[h] for h in heads],
                       [f"fig-box fig-box--{c.id}-head" for c in camps], "fig-text fig-text--strong fig-text--on-accent")
    y = max(bottoms) + ROW_GAP
    # Each camp's factions in `split` columns, in reading order along each row.
    names = [[getattr(f.name, lang) for f in data.factions_in(c.id)] for c in camps]
    sub = _columns(canvas, y, [n[k::split] for n in names for k in range(split)],
                   [f"fig-box fig-box--{c.id}" for c in camps for _ in range(split)])
    bottoms = [max(sub[i * split:(i + 1) * split]) for i in range(2)]
    first = next(i for i, c in enumerate(camps) if c.id == data.factions.factions[0].camp)
    head = data.by_id[data.camps.delegation.head]
    note = _wrap(t(data, lang, "diagram_delegation", name=getattr(head.name, lang)), column)
    bottoms[first] = canvas.label(first * (column + GAP), bottoms[first] + 2, column, note)
    y = max(bottoms) + 3 * GAP
    canvas.parts.append(f'<path class="fig-rule" d="M0 {y - 1.5 * GAP:.1f} H{width}"/>')
    labels = [_wrap(t(data, lang, key), column) for key in ("diagram_left_out", "diagram_also_rejected")]
    tallest = max(len(lines) for lines in labels)
    for i, lines in enumerate(labels):
        canvas.text(lines, canvas.x(i * (column + GAP), column) + column / 2, y, canvas.line * tallest, "fig-label")
    y += canvas.line * tallest + 2
    bottoms = _columns(canvas, y, [_names(data, lang, "left-out"), _names(data, lang, "kurdish-side")],
                       ["fig-box fig-box--apart", "fig-box fig-box--apart"])
    height = max(bottoms) + 2
    desc = t(data, lang, "diagram_desc_camps", camps=("؛ " if lang == "ar" else "; ").join(heads))
    desc += " " + t(data, lang, "diagram_sources", paras=LIST_COMMA[lang].join(str(n) for n in figure_paras(data)))
    return canvas.svg(height, svg_id, t(data, lang, "diagram_title_camps"), desc, cls)


def _camp_paras(data: SiteData, camp_id: str) -> list[int]:
    return sorted({n for f in data.factions_in(camp_id) for n in f.paras})


def _group_paras(data: SiteData, group_id: str) -> list[int]:
    return next(g.paras for g in data.actors.groups if g.id == group_id)


def figure_paras(data: SiteData) -> list[int]:
    """Every paragraph the camps figure draws on: its camps, its delegation note and the groups it shows."""
    paras = {n for c in data.camps.camps for n in _camp_paras(data, c.id)}
    paras.update(data.camps.delegation.summary.paras)
    for group in FIGURE_GROUPS:
        paras.update(_group_paras(data, group))
    return sorted(paras)


def camps_figure_sources(data: SiteData, place: Place) -> str:
    """The figure's citation, visible under it (an SVG's own text cannot carry the links)."""
    return ui(data, place, "diagram_drawn_from") + cite(data, place, figure_paras(data))


def camps_figure_as_list(data: SiteData, place: Place) -> str:
    """The same content as the figure, as nested lists, for screen readers and anyone who prefers text; each part
    cites the paragraphs it comes from."""
    lang = place.lang
    items = []
    delegation = data.camps.delegation
    head = data.by_id[delegation.head]
    first = data.factions.factions[0].camp
    for camp in data.camps.camps:
        names = "".join(
            f'<li><a href="{place.link("camps", f.id)}">{say(f.name, lang)}</a> {other_script(f.name, lang)}</li>'
            for f in data.factions_in(camp.id)
        )
        if camp.id == first:
            led = ui(data, place, "diagram_delegation", name=say(head.name, lang))
            names += f"<li>{led}{cite(data, place, delegation.summary.paras)}</li>"
        n = len(data.factions_in(camp.id))
        count = ui(data, place, "factions_count", n=n)
        heading = ui(data, place, 'camp_count_heading', n=n, name=say(camp.name, lang), count=count)
        items.append(f"<li>{heading}{cite(data, place, _camp_paras(data, camp.id))}<ul>{names}</ul></li>")
    for key, group in (("diagram_called_by", "turkey-and-russia"), ("diagram_left_out", "left-out"),
                       ("diagram_also_rejected", "kurdish-side")):
        names = "".join(
            f'<li><a href="{place.link("actors", a.id)}">{say(a.name, lang)}</a></li>'
            for a in data.actors.actors if a.group == group
        )
        items.append(f"<li>{ui(data, place, key)}{cite(data, place, _group_paras(data, group))}<ul>{names}</ul></li>")
    return f'<details class="figure-text"><summary>{ui(data, place, "figure_as_list")}</summary><ul>{"".join(items)}</ul></details>'


def figure(svg: str, text_alternative: str, figure_id: str, caption: str = "") -> str:
    caption = f'<figcaption class="figure-sources">{caption}</figcaption>' if caption else ""
    # A figcaption is the figure's first or last child (HTML), so the sources line follows the list version.
    return f'<figure class="figure" id="{figure_id}">{svg}{text_alternative}{caption}</figure>'
