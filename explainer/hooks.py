"""MkDocs hooks: per-language configuration, page metadata, <html dir>, the two 404 pages, search and fonts.

Runs at priority -200, after mkdocs-static-i18n (-100), which has by then set the language of the build.
static-i18n runs the Arabic build from inside the English one's post-build and leaves the config in Arabic,
so "the whole site is written" is known by counting builds started and finished, not by reading the language.
"""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.edit_links import edit_footer
from explainer.finish import finish_pages
from explainer.fonts import subset_fonts
from explainer.glue import place_of, site_data
from explainer.render import esc
from explainer.roster import write_downloads
from explainer.search_index import build_search_index, search_strings
from explainer.slim import prune, purge_css
from explainer.sources import sources_of
from explainer.strings import digits, format_date, t

log = logging.getLogger("mkdocs.explainer")
RTL = {"ar"}
DEFAULT = "en"
_state: dict = {"not_found": {}, "open_builds": 0}


def _lang(config) -> str:
    return config.theme["language"]


# ---------------------------------------------------------------- configuration


@event_priority(-200)
def on_config(config):
    lang = _lang(config)
    data = site_data(config)
    if _state["open_builds"] == 0:
        _state["site_root"] = Path(config.site_dir)
        _state["project"] = Path(config.config_file_path).parent
        _state["not_found"] = {}
    _state["open_builds"] += 1
    # Everything handed to the theme is escaped once here (Markup), since its templates print it as given.
    config.site_name = esc(digits(t(data, lang, "site_name"), lang))
    config.site_description = esc(digits(t(data, lang, "site_description"), lang))
    for scheme in config.theme["palette"]:
        # mkdocs.yml names the key (toggle_dark); the words come from data/i18n/ like every interface string.
        key = scheme["toggle"].get("key") or scheme["toggle"]["name"]
        scheme["toggle"]["key"] = key
        scheme["toggle"]["name"] = esc(digits(t(data, lang, key), lang))
    return config


def striptags_kept_escaped(value) -> Markup:
    """Jinja's striptags unescapes what it strips ("&lt;b&gt;" becomes "<b>") and the theme prints the result as
    is (in <title>, aria-labels); this one escapes again what it unescaped, so escaped text stays text."""
    return escape(Markup(str(value)).striptags())


@event_priority(-200)
def on_env(env, config, files):
    data = site_data(config)
    # The 404 template speaks both languages: the one of its build, and a line for the other.
    env.globals["explainer_ui"] = lambda lang, key: esc(digits(t(data, lang, key), lang))
    env.filters["striptags"] = striptags_kept_escaped
    # A 404 is served at any depth, so its links start from the site's path ("/REPO/"), never its host.
    env.globals["explainer_site_path"] = urlsplit(config.site_url or "/").path or "/"
    # The masthead's dateline ("As of 2 February 2017", from data/source.yml) and the other language's name.
    env.globals["explainer_dateline"] = lambda lang: esc(digits(t(data, lang, "dateline",
                                                                  date=format_date(data, lang, data.source.date)), lang))
    env.globals["explainer_language_name"] = lambda lang: {"en": "English", "ar": "العربية"}[lang]
    env.globals["explainer_search_strings"] = lambda lang: search_strings(data, lang)
    return env


# ---------------------------------------------------------------- pages


def _alternates(config, page) -> list[tuple[str, str]]:
    base = config.site_url or "/"
    path = page.url[3:] if page.url.startswith("ar/") else page.url
    return [("en", base + path), ("ar", base + "ar/" + path)]


@event_priority(-200)
def on_page_markdown(markdown, page, config, files):
    data = site_data(config)
    place = place_of(page.file.src_uri, page.url)
    page_id = page.file.src_uri.split("/", 1)[-1].removesuffix(".md")
    meta = data.page(page_id)
    if meta is None:
        raise PluginError(f"docs/{page.file.src_uri}: no entry for page \"{page_id}\" in data/pages.yml; add one")
    lang = place.lang
    page.meta["title"] = esc(digits(getattr(meta.nav, lang), lang))  # the menu label
    page.meta["description"] = esc(digits(getattr(meta.description, lang), lang))
    page.meta["seo"] = {
        "title": esc(digits(getattr(meta.title, lang), lang)),
        "site_name": esc(digits(t(data, lang, "site_name"), lang)),
        "description": esc(digits(getattr(meta.description, lang), lang)),
        "locale": {"en": "en_GB", "ar": "ar_SY"}[lang],
        "alternates": _alternates(config, page),
        "pagefind": page_id not in ("search",),
    }
    # Runs after mkdocs-macros: the footer is rendered HTML, never read as a template. Its files are those of the
    # macros the page calls (explainer/sources.py).
    files = sources_of(Path(page.file.abs_src_path).read_text(encoding="utf-8"), lang)
    return f"{markdown}\n\n{edit_footer(data, place, files)}\n"


_HTML_TAG = re.compile(r"<html\b([^>]*)>")


def _with_dir(html: str, lang: str) -> str:
    # W3C: the base direction belongs on <html>; Material puts it on <body> only.
    if lang not in RTL:
        return html
    return _HTML_TAG.sub(lambda m: m.group(0) if "dir=" in m.group(1) else f'<html{m.group(1)} dir="rtl">', html, count=1)


# Material's own hreflang links are page-relative (search engines want absolute ones, which main.html writes).
_RELATIVE_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="(?!https?:)[^"]*" hreflang="[^"]*">')


@event_priority(-200)
def on_post_page(output, page, config):
    output = _RELATIVE_ALTERNATE.sub("", output)
    # The invisible permalink "#" would otherwise end every heading in search results.
    output = output.replace('class="headerlink"', 'class="headerlink" data-pagefind-ignore')
    return _with_dir(output, place_of(page.file.src_uri, page.url).lang)


@event_priority(-200)
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        lang = _lang(config)
        output = _with_dir(output, lang)
        _state["not_found"][lang] = output
    return output


# ---------------------------------------------------------------- the whole site


@event_priority(-200)
def on_post_build(config):
    _state["open_builds"] -= 1
    if _state["open_builds"] > 0:
        return
    site_root, project = _state["site_root"], _state["project"]
    # Each language's build writes the root 404.html; put each where it belongs.
    for lang, html in _state["not_found"].items():
        target = site_root / ("404.html" if lang == DEFAULT else f"{lang}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    try:
        write_downloads(site_data(config), site_root)  # the factions as CSV and JSON, once for both languages
        build_search_index(site_root, site_data(config))
        sizes = subset_fonts(project, site_root)
        purge_css(project, site_root)  # one stylesheet, cut to what the pages use (explainer/slim.py)
        prune(site_root)  # and only the files readers fetch
        # Last, as it hashes each page's inline scripts for its Content-Security-Policy (explainer/finish.py).
        finish_pages(site_root, live_reload=_state.get("serving", False))
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        raise PluginError(str(exc)) from None
    total = sum(after for _, _, after in sizes)
    log.info(f"explainer: search index built; fonts subset to {total / 1024:.1f} KiB in {len(sizes)} files")


def on_startup(command, dirty):
    # `mkdocs serve` injects an inline live-reload script that no hash can allow (explainer/csp.py).
    _state["serving"] = command == "serve"


def on_build_error(error):
    # A failed build must not leave the counter up, or `mkdocs serve` would never finish the next one.
    _state["open_builds"] = 0
