"""Figures drawn at build time from the same data as the text: inline SVG with real, selectable text.

Layout is computed in a 360-unit-wide box, so on a 390 px phone one unit is about one pixel. Arabic
figures are mirrored (the first camp on the right, the time axis on the right) and use Arabic digits.
Colours come from CSS classes bound to the theme's variables, so the figures follow dark mode.
"""
from __future__ import annotations

import re
import textwrap

from .loader import SiteData
from .render import Place, esc, other_script, say, ui
from .strings import digits, format_span, t

WIDTH = 360
GAP = 8
LINE = 16  # line height for the 12–13-unit text (see explainer.css)
# Characters per line in a half-width box: Naskh at 13 units is narrower per letter than Noto Sans at 12.
COLUMN_CHARS = {"en": 24, "ar": 30}
NBSP = "\u00a0"


def _wrap(text: str, width: int) -> list[str]:
    # A number stays with the word after it ("11 factions"), in either script.
    text = re.sub(r"(\d+) ", lambda m: m.group(1) + NBSP, text)
    return [line.replace(NBSP, " ") for line in textwrap.wrap(text, width=width, break_long_words=False)] or [""]


def _text_lines(lines: list[str], x: float, y: float, anchor: str, cls: str, lang: str) -> str:
    spans = "".join(
        f'<tspan x="{x:.0f}" y="{y + i * LINE:.0f}">{esc(digits(line, lang))}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" text-anchor="{anchor}">{spans}</text>'


class _Canvas:
    """Boxes and lines stacked top to bottom; mirrors x for right-to-left pages."""

    def __init__(self, lang: str):
        self.lang = lang
        self.rtl = lang == "ar"
        self.parts: list[str] = []

    def x(self, left: float, width: float = 0) -> float:
        return WIDTH - left - width if self.rtl else left

    def box(self, left: float, top: float, width: float, lines: list[str], cls: str, text_cls: str = "fig-text",
            min_lines: int = 1) -> float:
        height = 10 + LINE * max(len(lines), min_lines)
        self.parts.append(
            f'<rect class="{cls}" x="{self.x(left, width):.0f}" y="{top:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" rx="6"/>'
        )
        centre = self.x(left, width) + width / 2
        self.parts.append(_text_lines(lines, centre, top + 5 + 11, "middle", text_cls, self.lang))
        return top + height

    def label(self, left: float, top: float, width: float, text: str, cls: str = "fig-label") -> float:
        lines = _wrap(text, int(width / (5.2 if self.rtl else 6.4)))
        centre = self.x(left, width) + width / 2
        self.parts.append(_text_lines(lines, centre, top + 11, "middle", cls, self.lang))
        return top + LINE * len(lines) + 2

    def svg(self, height: float, title_id: str, title: str, desc: str) -> str:
        direction = ' direction="rtl"' if self.rtl else ""
        return (
            f'<svg class="figure-svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
            f'aria-labelledby="{title_id}-title {title_id}-desc"{direction} xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{title_id}-title">{esc(title)}</title><desc id="{title_id}-desc">{esc(desc)}</desc>'
            + "".join(self.parts)
            + "</svg>"
        )


def _names(data: SiteData, lang: str, group: str) -> list[str]:
    return [getattr(a.name, lang) for a in data.actors.actors if a.group == group]


def camps_figure(data: SiteData, place: Place) -> str:
    """Sponsors on top, the two camps side by side with every faction, the groups left out and the Kurds apart."""
    lang = place.lang
    canvas = _Canvas(lang)
    sep = "، " if lang == "ar" else " · "
    full = WIDTH - 2 * GAP
    y = GAP
    y = canvas.label(GAP, y, full, t(data, lang, "diagram_called_by"))
    y = canvas.box(GAP, y, full, [sep.join(_names(data, lang, "sponsors"))], "fig-box fig-box--sponsor", "fig-text fig-text--strong")
    # Arrows from the sponsors down to each camp.
    column = (full - GAP) / 2
    for i in range(2):
        centre = canvas.x(GAP + i * (column + GAP), column) + column / 2
        canvas.parts.append(f'<path class="fig-arrow" d="M{centre:.0f} {y + 2:.0f} V{y + 14:.0f}"/>')
    y += 18
    bottoms = []
    chars = COLUMN_CHARS[lang]
    headings = [
        _wrap(t(data, lang, "camp_count_heading", name=getattr(c.name, lang),
                count=t(data, lang, "factions_count", n=len(data.factions_in(c.id)))), chars)
        for c in data.camps.camps
    ]
    tallest = max(len(h) for h in headings)  # both camps' lists start level
    for i, camp in enumerate(data.camps.camps):
        left, top = GAP + i * (column + GAP), y
        top = canvas.box(left, top, column, headings[i], f"fig-box fig-box--{camp.id}-head",
                         "fig-text fig-text--strong fig-text--on-accent", min_lines=tallest)
        top += 4
        for faction in data.factions_in(camp.id):
            top = canvas.box(left, top, column, _wrap(getattr(faction.name, lang), chars), f"fig-box fig-box--{camp.id}") + 4
        if camp.id == data.factions.factions[0].camp:
            head = data.by_id[data.camps.delegation.head]
            top = canvas.label(left, top + 2, column, t(data, lang, "diagram_delegation", name=getattr(head.name, lang)))
        bottoms.append(top)
    y = max(bottoms) + GAP
    for i, (key, group) in enumerate((("diagram_left_out", "left-out"), ("diagram_also_rejected", "kurdish-side"))):
        left = GAP + i * (column + GAP)
        top = canvas.label(left, y, column, t(data, lang, key))
        bottoms[i] = top
        for name in _names(data, lang, group):
            bottoms[i] = canvas.box(left, bottoms[i], column, _wrap(name, chars), "fig-box fig-box--apart") + 4
    height = max(bottoms) + GAP
    went, refused = (len(data.factions_in(c.id)) for c in data.camps.camps)
    desc = t(data, lang, "diagram_desc_camps",
             went=t(data, lang, "factions_count", n=went), refused=t(data, lang, "factions_count", n=refused))
    return canvas.svg(height, "camps-figure", t(data, lang, "diagram_title_camps"), desc)


def camps_figure_as_list(data: SiteData, place: Place) -> str:
    """The same content as the figure, as nested lists, for screen readers and anyone who prefers text."""
    lang = place.lang
    items = []
    for camp in data.camps.camps:
        names = "".join(
            f'<li><a href="{place.link("camps", f.id)}">{say(f.name, lang)}</a> {other_script(f.name, lang)}</li>'
            for f in data.factions_in(camp.id)
        )
        count = esc(t(data, lang, "factions_count", n=len(data.factions_in(camp.id))))
        items.append(f"<li>{ui(data, place, 'camp_count_heading', name=say(camp.name, lang), count=count)}<ul>{names}</ul></li>")
    for key, group in (("diagram_called_by", "sponsors"), ("diagram_left_out", "left-out"),
                       ("diagram_also_rejected", "kurdish-side")):
        names = "".join(
            f'<li><a href="{place.link("actors", a.id)}">{say(a.name, lang)}</a></li>'
            for a in data.actors.actors if a.group == group
        )
        items.append(f"<li>{ui(data, place, key)}<ul>{names}</ul></li>")
    return f'<details class="figure-text"><summary>{ui(data, place, "figure_as_list")}</summary><ul>{"".join(items)}</ul></details>'


def timeline_figure(data: SiteData, place: Place) -> str:
    """A vertical time line (it reads on a phone): filled dots for dated events, hollow ones for undated."""
    lang = place.lang
    canvas = _Canvas(lang)
    axis = canvas.x(20)
    text_left = 40
    text_width = WIDTH - text_left - GAP
    y = GAP + 4
    dots = []
    for event in data.events.events:
        when = format_span(data, lang, event.date, event.until) if event.date else t(data, lang, "undated")
        what = _wrap(getattr(event.text, lang), int(text_width / (5.0 if canvas.rtl else 6.0)))
        anchor = "start"
        x = canvas.x(text_left)
        dots.append(
            f'<circle class="fig-dot fig-dot--{"dated" if event.date else "undated"}" cx="{axis:.0f}" cy="{y + 6:.0f}" r="6"/>'
        )
        canvas.parts.append(_text_lines([when], x, y + 11, anchor, "fig-text fig-text--strong", lang))
        canvas.parts.append(_text_lines(what, x, y + 11 + LINE, anchor, "fig-text", lang))
        y += 11 + LINE * (len(what) + 1) + 10
    canvas.parts.insert(0, f'<path class="fig-axis" d="M{axis:.0f} {GAP + 10:.0f} V{y - 20:.0f}"/>')
    canvas.parts.extend(dots)
    dated = sum(1 for e in data.events.events if e.date)
    undated = len(data.events.events) - dated
    desc = t(data, lang, "diagram_desc_timeline", dated=t(data, lang, "dated_events", n=dated),
             undated=t(data, lang, "undated_events", n=undated))
    return canvas.svg(y, "timeline-figure", t(data, lang, "diagram_title_timeline"), desc)


def figure(svg: str, text_alternative: str, figure_id: str) -> str:
    return f'<figure class="figure" id="{figure_id}">{svg}{text_alternative}</figure>'
