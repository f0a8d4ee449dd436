"""The one table of what a page may call: each macro's name, its renderer and the kinds of its arguments.

Everything that needs to know the macros reads this table: the registration with mkdocs-macros (glue.py), the
page check (pages_check.py) and what each page shows (coverage.py: the edit links, "appears on", the
renamed-spelling check, the change report). What a macro shows is not declared beside it: coverage.py measures
it by rendering the macro on marked data, so no second description of a renderer can fall out of step with it.

A renderer is `render(data, place, *args) -> str`. Argument kinds: an id of a "camp", "gap", "quote" or
"story-part", "paras" (a list of paragraph numbers), "flag" (true or false); "?" marks an optional one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from explainer.render import html as render

from explainer.pages import coverage

from explainer.render import edit_links, figures
from explainer.data.loader import SiteData
from explainer.render.html import Place


@dataclass(frozen=True)
class Macro:
    render: Callable[..., str]
    args: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.render.__name__


def names_index(data: SiteData, place: Place) -> str:
    return render.names_index(data, place, coverage.appearances(data, place.lang, MACROS))


def camps_figure(data: SiteData, place: Place) -> str:
    return figures.figure(figures.camps_figure(data, place), figures.camps_figure_as_list(data, place), "camps-figure",
                          figures.camps_figure_sources(data, place))


MACROS: dict[str, Macro] = {macro.name: macro for macro in (
    Macro(render.story, ("story-part",)),
    Macro(render.camp_counts),
    Macro(render.camps_at_a_glance),
    Macro(render.section_cards),
    Macro(render.camp_heading, ("camp",)),
    Macro(render.faction_list, ("camp",)),
    Macro(render.delegation),
    Macro(render.gap, ("gap",)),
    Macro(render.quote, ("quote",)),
    Macro(render.reasons, ("camp",)),
    Macro(render.actors),
    Macro(render.timeline_list),
    Macro(render.outlook_context),
    Macro(render.outlook_readings),
    Macro(render.source_facts),
    Macro(render.paragraph_list),
    Macro(render.gaps_list),
    Macro(render.corrections_list),
    Macro(render.search_box),
    Macro(render.cite, ("paras",)),
    Macro(render.source_date),
    Macro(render.roster_downloads, ("flag?",)),
    Macro(names_index),
    Macro(camps_figure),
    Macro(edit_links.report_mistake),
)}
