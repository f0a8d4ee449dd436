"""The only code that knows mkdocs-macros: it loads data once and exposes the macros of registry.py to the pages.

A change of build tool (MkDocs 2, Zensical) should touch this file and hooks.py, not the renderers.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from explainer.data import schema
from explainer.data.errors import DataErrors, print_errors
from explainer.data.languages import DEFAULT
from explainer.data.loader import SiteData, read_data, read_data_at, renamed_warnings
from explainer.pages.registry import MACROS, Macro
from explainer.render.html import Place
from explainer.data.settings import message_language, setting_errors
from explainer.pages.site import load_data_once

LANGS = schema.LANGUAGES
# The lines of the last build stopped by bad settings or data, in the editor's language: `make serve` shows them
# in place of the site (hooks.py, on_serve). Emptied by each build that gets past the data.
LAST_FAILURE: list[str] = []


def site_data(config) -> SiteData:
    """data/ beside mkdocs.yml, loaded once per build; bad settings or data stop the build with every error
    listed. The build's first step: mkdocs-macros asks for the data before any hook runs."""
    lang = message_language()[0]
    LAST_FAILURE.clear()
    problems = setting_errors(site_url=config.get("site_url"))
    if problems:
        LAST_FAILURE.extend(p.text(lang) for p in problems)
        raise PluginError("\n".join(LAST_FAILURE))
    root = Path(config["config_file_path"]).parent / "data"
    try:
        data = load_data_once(root)
    except DataErrors as exc:
        # Each error once, in the editor's language; MkDocs' own ERROR line only counts them.
        print_errors(exc.errors, sys.stderr, lang)
        LAST_FAILURE.extend([*(e.text(lang) for e in exc.errors), exc.summary(lang)])
        raise PluginError(exc.summary(lang)) from None
    _warn_of_renames(root, data, lang)
    return data


# The data whose rename warnings were printed last: they are said once per state of data/, not once per language's
# build, and again under `mkdocs serve` after a save changes data/.
_WARNED: list = [None]


def _warn_of_renames(root: Path, data: SiteData, lang: str) -> None:
    """The warnings `make validate` gives of texts still using a name's old spelling (renamed since $BASE_SHA, else
    the last commit): they appeared only there and in CI, never in `mkdocs build` or `make serve`."""
    if _WARNED[0] is data or os.environ.get("GITHUB_ACTIONS") == "true":
        return  # in CI, the "Validate data" step has given them, as annotations and in the summary
    _WARNED[0] = data
    base = read_data_at(os.environ.get("BASE_SHA") or "HEAD", root)
    if base is not None:
        print_errors(renamed_warnings(base, read_data(root), root.parent / "docs"), sys.stderr, lang)


def place_of(src_uri: str, url: str) -> Place:
    """Language from the docs folder (docs/en/, docs/ar/); relative paths from the page's URL (the default
    language at the site's root, the others under their code)."""
    lang = src_uri.split("/", 1)[0] if "/" in src_uri else DEFAULT
    lang = lang if lang in LANGS else DEFAULT
    path = url.strip("/").split("/") if url.strip("/") else []
    if path and path[0] in LANGS and path[0] != DEFAULT:
        path = path[1:]
    depth = len(path)
    return Place(lang=lang, to_lang_root="../" * depth, to_site_root="../" * (depth + (lang != DEFAULT)))


def register(env) -> None:
    """Every macro of registry.py, with (data, place) filled in from the page being rendered."""
    data = site_data(env.conf)

    def bind(name: str, macro: Macro):
        def call(*args):
            return macro.render(data, place_of(env.page.file.src_uri, env.page.url), *args)

        call.__name__ = name
        return call

    for name, macro in MACROS.items():
        env.macro(bind(name, macro))
