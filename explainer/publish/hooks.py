"""MkDocs hooks: per-language configuration, page metadata, <html dir>, the two 404 pages, search and fonts.

Runs at priority -200, after mkdocs-static-i18n (-100), which has by then set the language of the build.
static-i18n runs the Arabic build from inside the English one's post-build and leaves the config in Arabic,
so "the whole site is written" is known by counting builds started and finished, not by reading the language.

All or nothing: the first build checks the settings and data/ before writing anything (the validator's own
checks, explainer/data/settings.py and explainer/data/loader.py), then points config.site_dir at a fresh folder beside the
real one, `.SITE.partial-XXXX`. Both languages are built there (static-i18n's nested build reuses the same config,
so it follows), and the last post-build step renames it into place, replacing the previous site in two renames. A
build that fails at any step, including MkDocs' strict-mode check that runs after the post-build, leaves the
previous site as it was and no partial folder (on_build_error removes it). `mkdocs serve` builds into its own
temporary folder; the same swap happens there, so a failed rebuild keeps serving the last good site.
"""
from __future__ import annotations

import logging
import re
import secrets
import shutil
import tempfile
from urllib.parse import urlsplit
from pathlib import Path

from markupsafe import Markup, escape
from selectolax.lexbor import LexborHTMLParser
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

from explainer.render.edit_links import edit_footer
from explainer.render.html import FOOTER_PAGE
from explainer.data.errors import DataError
from explainer.data.languages import DIRECTION, LANGUAGES, OTHER, PREFIX
from explainer.publish.finish import finish_pages
from explainer.render.fonts import subset_fonts
from explainer.data.messages import M, RTL_LANGUAGES
from explainer.data.settings import message_language
from explainer.publish.glue import LAST_FAILURE, place_of, site_data
from explainer.publish.output_guard import guard_site
from explainer.render.html import esc
from explainer.render import rail
from explainer.render.roster import write_downloads
from explainer.render.summaries import write_summaries
from explainer.publish.search_index import NOT_INDEXED, build_search_index, search_strings
from explainer.publish.slim import prune, purge_css, strip_script_comments
from explainer.pages.coverage import page_files
from explainer.pages.registry import MACROS
from explainer.pages.issue_form import FORM
from explainer.render.strings import digits, format_date, keep_together_html, t

log = logging.getLogger("mkdocs.explainer")
_state: dict = {"not_found": {}, "open_builds": 0}


def _lang(config) -> str:
    return config.theme["language"]


# ---------------------------------------------------------------- configuration


@event_priority(-200)
def on_config(config):
    lang = _lang(config)
    first = _state["open_builds"] == 0
    data = site_data(config)  # bad settings or data stop here, before anything is written
    if first:
        _state["site_root"] = _build_aside(config)
        _state["project"] = Path(config.config_file_path).parent
        _state["docs_dir"] = Path(config.docs_dir)
        _state["theme_dir"] = Path(config.theme.custom_dir)
        _state["not_found"] = {}
    _state["open_builds"] += 1
    # Everything handed to the theme is escaped once here (Markup), since its templates print it as given.
    config.site_name = esc(digits(t(data, lang, "site_name"), lang))
    # Material writes it as <meta name="author"> on every page: reader views (Readability) take it as the byline,
    # the site's name, instead of guessing one from the page (the masthead's "As of …" dateline).
    config.site_author = config.site_name
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
    env.globals["explainer_language_name"] = lambda lang: LANGUAGES[lang].name
    # The templates' languages come from explainer/data/languages.py, never typed in a template.
    env.globals["explainer_other_language"] = OTHER
    env.globals["explainer_direction"] = DIRECTION
    env.globals["explainer_prefix"] = PREFIX
    env.globals["explainer_preloaded_fonts"] = {code: lang.preloaded_fonts for code, lang in LANGUAGES.items()}
    env.globals["explainer_search_strings"] = lambda lang: search_strings(data, lang)
    env.globals["explainer_footer_links"] = lambda lang: _footer_links(data, lang, env.globals["explainer_site_path"])
    # Each language's 404 names the others' as its alternates (Material's would be the page static-i18n saw last).
    env.globals["explainer_not_found_alternates"] = _alternates(config, "404.html")
    return env


# ---------------------------------------------------------------- the footer's links

# Where corrections are shown: the About page's section with this id (docs/LANG/about.md), named as its heading.
CORRECTIONS = (FOOTER_PAGE, "corrections")


def _toc_title(items, anchor: str) -> str | None:
    for item in items:
        if item.id == anchor:
            return item.title
        found = _toc_title(item.children, anchor)
        if found is not None:
            return found
    return None


def _keep_corrections_title(page) -> None:
    """Keep the corrections heading of the About page, which MkDocs reads before it renders any template."""
    page_id = page.file.src_uri.split("/", 1)[-1].removesuffix(".md")
    if page_id == CORRECTIONS[0]:
        title = _toc_title(page.toc.items, CORRECTIONS[1])
        _state.setdefault("corrections_title", {})[place_of(page.file.src_uri, page.url).lang] = title


def _footer_links(data, lang: str, site_path: str) -> list[tuple[str, Markup]]:
    """About (its menu label in data/pages.yml) and Corrections (its heading on About), in the page's language."""
    page = data.page(CORRECTIONS[0])
    title = _state.get("corrections_title", {}).get(lang)
    if page is None or title is None:
        raise PluginError(DataError(f"docs/{lang}/{CORRECTIONS[0]}.md", 1, 1, M(
            "no heading has the id {anchor}, which the footer of every page links to; give the corrections section "
            "that id", anchor=f"{{#{CORRECTIONS[1]}}}")).text(message_language()[0]))
    url = f"{site_path}{PREFIX[lang]}{CORRECTIONS[0]}/"
    return [(url, esc(digits(getattr(page.nav, lang), lang))),
            (f"{url}#{CORRECTIONS[1]}", escape(Markup(title).striptags()))]


# ---------------------------------------------------------------- pages


def _alternates(config, url: str) -> list[tuple[str, str]]:
    """The page at `url` in every language: the default at the site's root, the others under their code."""
    base = config.site_url or "/"
    path = next((url[len(p):] for p in PREFIX.values() if p and url.startswith(p)), url)
    return [(code, base + prefix + path) for code, prefix in PREFIX.items()]


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
        "locale": LANGUAGES[lang].locale,
        "alternates": _alternates(config, page.url),
        # The dateline's date (the source's), as article:published_time for link previews and reader views.
        "published": data.source.date,
        "pagefind": page_id not in NOT_INDEXED,
    }
    # Runs after mkdocs-macros: the footer is rendered HTML, never read as a template. Its files are those whose
    # texts the page prints (explainer/pages/coverage.py).
    files = page_files(data, MACROS, page_id, lang)
    return f"{markdown}\n\n{edit_footer(data, place, files, markdown)}\n"


def page_sections(html: str) -> list[tuple[int, str, str]]:
    """The page's sections as a reader meets them: each h2 or h3 with an id, its text without its citations."""
    sections = []
    for heading in LexborHTMLParser(html).css("h2[id], h3[id]"):
        for extra in heading.css(".cite, .headerlink, .visually-hidden"):
            extra.decompose()
        sections.append((int(heading.tag[1]), heading.attributes["id"], " ".join(heading.text().split())))
    return sections


@event_priority(-200)
def on_page_content(html, page, config, files):
    """Every reader page opens with one standfirst, and lists its sections for the wide screen's rail
    (explainer/render/rail.py); both are read from the page as built, so no page types them. About's is where the
    footer's Corrections link points."""
    _keep_corrections_title(page)
    seo = page.meta.get("seo")
    if not seo or not seo["pagefind"]:
        return html
    html = rail.with_standfirst(html, page.meta["description"])
    lang = place_of(page.file.src_uri, page.url).lang
    page.meta["rail"] = Markup(rail.on_this_page(esc(digits(t(site_data(config), lang, "on_this_page"), lang)),
                                            page_sections(html)))
    return html


_HTML_TAG = re.compile(r"<html\b([^>]*)>")


def _with_dir(html: str, lang: str) -> str:
    # W3C: the base direction belongs on <html>; Material puts it on <body> only.
    if LANGUAGES[lang].direction != "rtl":
        return html
    return _HTML_TAG.sub(lambda m: m.group(0) if "dir=" in m.group(1) else f'<html{m.group(1)} dir="rtl">', html, count=1)


# Material's own hreflang links are page-relative (search engines want absolute ones, which main.html writes).
_RELATIVE_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="(?!https?:)[^"]*" hreflang="[^"]*">')


@event_priority(-200)
def on_post_page(output, page, config):
    output = _RELATIVE_ALTERNATE.sub("", output)
    # The invisible permalink "#" would otherwise end every heading in search results.
    output = output.replace('class="headerlink"', 'class="headerlink" data-pagefind-ignore')
    # Every text of the page, from the data, the docs' prose or the theme: a name keeps its number (strings.py).
    return _with_dir(keep_together_html(output), place_of(page.file.src_uri, page.url).lang)


@event_priority(-200)
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        lang = _lang(config)
        output = _with_dir(keep_together_html(_RELATIVE_ALTERNATE.sub("", output)), lang)
        _state["not_found"][lang] = output
    return output


# ---------------------------------------------------------------- the whole site, all or nothing


def _build_aside(config) -> Path:
    """Point the build at a new folder beside site_dir (same file system, so moving it in is a rename)."""
    final = Path(config.site_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    # Not tempfile.mkdtemp: its folder is private (0700), and this one becomes the published site.
    partial = final.parent / f".{final.name}.partial-{secrets.token_hex(4)}"
    partial.mkdir()
    if _state.get("dirty") and final.is_dir():
        shutil.copytree(final, partial, dirs_exist_ok=True)  # a dirty build rewrites only what changed
    _state["final"], _state["partial"] = final, partial
    config.site_dir = str(partial)
    return partial


def _strict_warnings(config) -> bool:
    """MkDocs counts warnings and, in strict mode, aborts only after the post-build events; read its count first,
    so a build about to abort is never moved into place. (Its counter is the handler it adds to its logger.)"""
    if not config.strict:
        return False
    logger = logging.getLogger(CountHandler.__module__.split(".")[0])  # "mkdocs", or "properdocs" under ProperDocs
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logger.handlers)


def _move_into_place(config) -> Path:
    final, partial = _state.pop("final"), _state.pop("partial")
    old = None
    if final.exists() or final.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
        final.rename(old / final.name)
    partial.rename(final)
    if old is not None:
        shutil.rmtree(old)
    config.site_dir = str(final)  # for what runs after the build (gh-deploy publishes config.site_dir)
    return final


def _discard_partial() -> None:
    partial = _state.pop("partial", None)
    _state.pop("final", None)
    if partial is not None:
        shutil.rmtree(partial, ignore_errors=True)


@event_priority(-200)
def on_post_build(config):
    _state["open_builds"] -= 1
    if _state["open_builds"] > 0:
        return
    site_root, project = _state["site_root"], _state["project"]
    # Each language's build writes the root 404.html; put each where it belongs.
    for lang, html in _state["not_found"].items():
        target = site_root / f"{PREFIX[lang]}404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    try:
        write_downloads(site_data(config), site_root)  # the factions as CSV and JSON, once for both languages
        write_summaries(site_data(config), site_root)  # what a citation shows when tapped (explainer/render/summaries.py)
        build_search_index(site_root, site_data(config), project)
        sizes = subset_fonts(project, site_root)
        purge_css(project, site_root)  # one stylesheet, cut to what the pages use (explainer/publish/slim.py)
        strip_script_comments(site_root)  # after PurgeCSS, which reads the script for class names
        prune(site_root)  # and only the files readers fetch
        # Every published file held to the allow-list, all problems at once (explainer/publish/output_guard.py); before
        # the last pass, which adds only its own fixed markup and would stop at the first page it cannot finish.
        seconds = guard_site(site_root, project, _state["docs_dir"], _state["theme_dir"],
                             [page.id for page in site_data(config).pages.pages])
        # Last, as it hashes each page's inline scripts for its Content-Security-Policy (explainer/publish/finish.py).
        finish_pages(site_root, live_reload=_state.get("serving", False))
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        raise PluginError(str(exc)) from None
    total = sum(after for _, _, after in sizes)
    log.info(f"explainer: search index built; fonts subset to {total / 1024:.1f} KiB in {len(sizes)} files; "
             f"output guard passed in {seconds * 1000:.0f} ms")
    if _strict_warnings(config):
        return  # MkDocs aborts next; on_build_error removes the partial site
    log.info(f"explainer: site written to {_move_into_place(config)}")


def on_startup(command, dirty):
    # `mkdocs serve` injects an inline live-reload script that no hash can allow (explainer/publish/csp.py).
    _state["serving"] = command == "serve"
    _state["dirty"] = dirty


def on_shutdown():
    # Ctrl-C stops a build without on_build_error (KeyboardInterrupt is not an Exception); MkDocs still shuts down.
    _discard_partial()


def on_serve(server, config, builder):
    """`make serve`: a rebuild that fails replaces the served pages with the messages, and the browsers reload
    into them, instead of a stale site and a traceback; the next good build brings the site back."""
    def build_or_show_the_messages():
        try:
            builder()
        except Exception:  # noqa: BLE001 - any failure; its messages are printed above by the step that failed
            show_failure(Path(server.root), LAST_FAILURE or [str(M(
                "the build failed; the messages are in the terminal where `make serve` runs"))])
            log.error(M("the site could not be built; the pages show the messages until the next good build")
                      .say(message_language()[0]))
    server.builder = build_or_show_the_messages
    # mkdocs.yml's `watch` names data/; the validator checks the issue form's page list too, so fixing it as a
    # message asks must rebuild as well (watched from here: a copy of the project may have no .github/).
    form = Path(config.config_file_path).parent / FORM
    if form.exists():
        server.watch(str(form))
    return server


def show_failure(root: Path, lines: list[str]) -> None:
    """Every page of the served site (and the 404 page) becomes one page listing `lines`, in the chosen language."""
    lang = message_language()[0]
    title = M("The site could not be built").say(lang)
    hint = M("Correct each line below in the file it names and save: this page reloads by itself.").say(lang)
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    page = (f'<!doctype html><html lang="{lang}" dir="{"rtl" if lang in RTL_LANGUAGES else "ltr"}"><head>'
            f'<meta charset="utf-8"><title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>'
            f'<p>{escape(hint)}</p><ul dir="auto">{items}</ul></body></html>')
    pages = [p for p in root.rglob("*.html")] or [root / "index.html"]
    for path in {*pages, root / "404.html"}:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")


def on_build_error(error):
    # A failed build must not leave the counter up, or `mkdocs serve` would never finish the next one. It may be
    # called twice (the nested Arabic build's error passes through the English build): the second finds nothing.
    _state["open_builds"] = 0
    _discard_partial()
