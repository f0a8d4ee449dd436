"""Figures drawn at build time from the same data as the text, as HTML boxes laid out by the stylesheet.

The camps diagram is HTML, not an SVG: its labels are the body text's size at any text zoom, and the browser
wraps each one inside its box, so no label can overflow or touch its box's edges. Each camp is a column of its own
(its boxes as tall as their own names, never as a name in the other camp); on a narrow column, or at large text,
the camps stack. The stylesheet draws the connectors from the sponsors to each camp and mirrors the whole figure
on right-to-left pages. To assistive technology the figure is one image with a name and a description (role
"img"), as the SVG was, and the list under it says the same in full.
"""
from __future__ import annotations

from explainer.data.loader import SiteData
from explainer.data.languages import LIST_SEMICOLON, NAMES_SIDE_BY_SIDE
from explainer.data.schema import FIGURE_GROUPS
from explainer.render.html import LIST_COMMA, Place, cite, esc, other_script, say, text_in, ui
from explainer.render.strings import digits, t


def _name(field, lang: str) -> str:
    """A name for a box, broken only at its spaces: "Suquor al-Sham Brigade" never leaves "al-" at a line's end."""
    return " ".join(f'<span class="diagram__word">{text_in(word, lang)}</span>' if "-" in word else text_in(word, lang)
                    for word in getattr(field, lang).split(" "))


def _names(data: SiteData, lang: str, group: str) -> list[str]:
    assert group in FIGURE_GROUPS, f"{group}: declare it in schema.FIGURE_GROUPS, so the validator requires it"
    return [_name(a.name, lang) for a in data.actors.actors if a.group == group]


def camp_count_heading(data: SiteData, lang: str, camp) -> str:
    """A camp's name and count as plain text (the figure's description)."""
    n = len(data.factions_in(camp.id))
    return t(data, lang, "camp_count_heading", n=n, name=getattr(camp.name, lang),
             count=t(data, lang, "factions_count", n=n))


def _boxes(names: list[str], cls: str) -> str:
    return f'<ul class="diagram__boxes">{"".join(f"""<li class="diagram__box {cls}">{name}</li>""" for name in names)}</ul>'


def _label(text: str) -> str:
    return f'<p class="diagram__label">{text}</p>'


def camps_figure(data: SiteData, place: Place, figure_id: str = "camps-figure") -> str:
    """Sponsors on top, joined to the two camps side by side with every faction, then the groups left out and the
    Kurds apart. The delegation's note stands under the camp that went (the camp of the first faction)."""
    lang = place.lang
    camps = data.camps.camps
    first = data.factions.factions[0].camp
    head = data.by_id[data.camps.delegation.head]
    columns = []
    for camp in camps:
        n = len(data.factions_in(camp.id))
        heading = ui(data, place, "camp_count_heading", n=n, name=say(camp.name, lang), count=ui(data, place, "factions_count", n=n))
        note = _label(ui(data, place, "diagram_delegation", name=say(head.name, lang))) if camp.id == first else ""
        columns.append(
            f'<div class="diagram__camp diagram__camp--{camp.id}"><p class="diagram__box diagram__box--head">'
            f'<span class="diagram__arrow"></span>{heading}</p>'
            f'{_boxes([_name(f.name, lang) for f in data.factions_in(camp.id)], f"diagram__box--{camp.id}")}{note}</div>'
        )
    apart = "".join(
        f'<div class="diagram__group">{_label(ui(data, place, key))}{_boxes(_names(data, lang, group), "diagram__box--apart")}</div>'
        for key, group in (("diagram_left_out", "left-out"), ("diagram_also_rejected", "kurdish-side"))
    )
    sponsors = NAMES_SIDE_BY_SIDE[lang].join(_names(data, lang, "turkey-and-russia"))
    # The groups drawn apart are named, not only described: "the groups outside the negotiating track" alone read
    # as if it meant the Kurds and the SDF that follow it (a fact-check's one "partly").
    plain = {group: LIST_COMMA[lang].join(getattr(a.name, lang) for a in data.actors.actors if a.group == group)
             for group in ("left-out", "kurdish-side")}
    desc = t(data, lang, "diagram_desc_camps",
             camps=LIST_SEMICOLON[lang].join(camp_count_heading(data, lang, c) for c in camps),
             left_out=plain["left-out"], also_rejected=plain["kurdish-side"])
    desc += " " + t(data, lang, "diagram_sources", paras=LIST_COMMA[lang].join(str(n) for n in figure_paras(data)))
    return (
        # One image to assistive technology, named and described as the SVG was; the list version follows it.
        f'<div class="diagram" role="img" aria-labelledby="{figure_id}-title {figure_id}-desc" data-pagefind-ignore>'
        f'<span id="{figure_id}-title" hidden>{esc(digits(t(data, lang, "diagram_title_camps"), lang))}</span>'
        f'<span id="{figure_id}-desc" hidden>{esc(digits(desc, lang))}</span>'
        f'{_label(ui(data, place, "diagram_called_by"))}<p class="diagram__box diagram__box--callers">{sponsors}</p>'
        f'<div class="diagram__camps"><span class="diagram__stem"></span>{"".join(columns)}</div>'
        f'<div class="diagram__apart">{apart}</div></div>'
    )


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
    """The figure's citation, visible under it. The visible words are not read out: the citation's own label says
    the same ("Source paragraphs"), and a screen reader heard both in a row."""
    return f'<span aria-hidden="true">{ui(data, place, "diagram_drawn_from")}</span>' + cite(data, place, figure_paras(data))


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


def figure(drawing: str, text_alternative: str, figure_id: str, caption: str = "") -> str:
    caption = f'<figcaption class="figure-sources">{caption}</figcaption>' if caption else ""
    # A figcaption is the figure's first or last child (HTML), so the sources line follows the list version.
    return f'<figure class="figure" id="{figure_id}">{drawing}{text_alternative}{caption}</figure>'
