"""The only code that knows mkdocs-macros: it loads data once and exposes the renderers as page macros.

A change of build tool (MkDocs 2, Zensical) should touch this file and hooks.py, not the renderers.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import edit_links, figures, render, schema
from .appearances import appearances
from .errors import DataErrors, print_errors
from .loader import SiteData, load_data_once
from .pages_check import MACROS
from .render import Place

LANGS = schema.LANGUAGES


def site_data(config) -> SiteData:
    """data/ beside mkdocs.yml, loaded once per build; bad data stops the build with every error listed."""
    root = Path(config["config_file_path"]).parent / "data"
    try:
        return load_data_once(root)
    except DataErrors as exc:
        print_errors(exc.errors, sys.stderr)
        raise PluginError(exc.report()) from None


def place_of(src_uri: str, url: str) -> Place:
    """Language from the docs folder (docs/en/, docs/ar/); relative paths from the page's URL."""
    lang = src_uri.split("/", 1)[0] if "/" in src_uri else "en"
    lang = lang if lang in LANGS else "en"
    path = url.strip("/").split("/") if url.strip("/") else []
    if path and path[0] in LANGS and path[0] != "en":
        path = path[1:]
    depth = len(path)
    return Place(lang=lang, to_lang_root="../" * depth, to_site_root="../" * (depth + (lang != "en")))


def register(env) -> None:
    data = site_data(env.conf)
    names: list[str] = []

    def expose(function):
        names.append(function.__name__)
        env.macro(function)
        return function

    def here() -> Place:
        return place_of(env.page.file.src_uri, env.page.url)

    def macro(function):
        # Each macro is a renderer with (data, place) filled in from the page being rendered.
        def call(*args):
            return function(data, here(), *args)

        call.__name__ = function.__name__
        return expose(call)

    for function in (
        render.story, render.camps_at_a_glance, render.section_cards, render.camp_heading, render.faction_list,
        render.delegation, render.gap, render.quote, render.reasons, render.actors, render.timeline_list,
        render.outlook_context, render.outlook_readings, render.source_facts, render.paragraph_list,
        render.gaps_list, render.corrections_list, render.search_box, render.cite, render.source_date,
        render.roster_downloads, edit_links.report_mistake,
    ):
        macro(function)

    @expose
    def names_index():
        place = here()
        return render.names_index(data, place, appearances(data, place.lang))

    @expose
    def camps_figure():
        place = here()
        return figures.figure(figures.camps_figure(data, place), figures.camps_figure_as_list(data, place), "camps-figure")

    @expose
    def timeline_figure():
        place = here()
        return figures.figure(figures.timeline_figure(data, place), "", "timeline-figure-wrap")

    # pages_check.MACROS says what each macro accepts from a page; a macro missing there could not be checked.
    if set(names) != set(MACROS):
        raise PluginError(f"explainer/glue.py and explainer/pages_check.py disagree on the macros "
                          f"{sorted(set(names) ^ set(MACROS))}; declare each macro's arguments in MACROS")
