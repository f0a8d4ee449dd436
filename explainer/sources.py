"""Which data files feed which page, and where they are edited on GitHub.

One table, MACRO_SOURCES, says which files of data/ each macro shows; a page's sources are those of the macros
its docs/ file calls, plus pages.yml (its title and menu label) and its language's interface strings. The edit
links at the foot of every page (explainer/hooks.py) and the pull-request change report
(explainer/change_report.py) both read it; tests/test_sources.py checks it against what each macro really shows.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import nodes

from .pages_check import MACROS, _BLOCK, _jinja
from .settings import DEFAULT_REPO_URL, repository  # noqa: F401  (DEFAULT_REPO_URL: where callers look for it)

# macro -> the files of data/ whose facts it shows (interface strings and pages.yml are added for every page).
MACRO_SOURCES: dict[str, tuple[str, ...]] = {
    "story": ("story.yml",),
    "camps_at_a_glance": ("camps.yml", "factions.yml"),
    "section_cards": (),
    "camp_heading": ("camps.yml", "factions.yml"),
    "faction_list": ("factions.yml",),
    "delegation": ("camps.yml", "actors.yml", "factions.yml"),
    "gap": ("gaps.yml",),
    "quote": ("quotes.yml", "factions.yml", "actors.yml", "camps.yml"),
    "reasons": ("camps.yml", "quotes.yml", "factions.yml", "actors.yml"),
    "actors": ("actors.yml", "quotes.yml"),
    "timeline_list": ("events.yml", "source.yml"),
    "outlook_context": ("outlook.yml",),
    "outlook_readings": ("outlook.yml",),
    "source_facts": ("source.yml",),
    "paragraph_list": ("source.yml",),
    "gaps_list": ("gaps.yml",),
    "corrections_list": ("corrections.yml",),
    "search_box": (),
    "cite": (),
    "source_date": ("source.yml",),
    "names_index": ("factions.yml", "actors.yml", "places.yml"),
    "camps_figure": ("camps.yml", "factions.yml", "actors.yml"),
    "timeline_figure": ("events.yml",),
    "roster_downloads": (),
    "report_mistake": (),
}
EVERY_PAGE = ("pages.yml",)  # plus i18n/LANG.yml, the page's own language

BRANCH = "main"
ISSUE_FORM = "report-a-mistake.yml"


def repo_url(environ=None) -> str:
    """REPO_URL if set, else GitHub Actions' GITHUB_SERVER_URL/GITHUB_REPOSITORY, else DEFAULT_REPO_URL
    (explainer/settings.py). The build checks the settings first; this refuses one that got past it."""
    url, problem = repository(environ)
    if problem is not None:
        raise ValueError(str(problem))
    return url


def edit_url(file: str, environ=None) -> str:
    """GitHub's web editor for data/FILE on the main branch."""
    return f"{repo_url(environ)}/edit/{BRANCH}/data/{file}"


def issue_form_url(environ=None) -> str:
    return f"{repo_url(environ)}/issues/new?template={ISSUE_FORM}"


def macro_calls(text: str) -> list[tuple[str, tuple]]:
    """The macro calls of a page, in order, with their literal arguments (pages hold nothing else: pages_check)."""
    calls = []
    for match in _BLOCK.finditer(text):
        if match.group(1) is None:
            continue
        try:
            node = _jinja().parse("{{" + match.group(1) + "}}").body[0].nodes[0]
        except (jinja2.TemplateSyntaxError, IndexError, AttributeError):
            continue
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in MACROS:
            args = tuple(arg.as_const() if isinstance(arg, (nodes.Const, nodes.List)) else None for arg in node.args)
            calls.append((node.node.name, args))
    return calls


def sources_of(text: str, lang: str) -> list[str]:
    """The data files a page in `lang` shows, given its Markdown: in the order the page first uses them."""
    found: list[str] = []
    for name, _ in macro_calls(text):
        for file in MACRO_SOURCES[name]:
            if file not in found:
                found.append(file)
    return found + [f for f in (*EVERY_PAGE, f"i18n/{lang}.yml") if f not in found]


@lru_cache(maxsize=256)
def _page_sources(path: str, mtime: int, lang: str) -> tuple[str, ...]:
    return tuple(sources_of(Path(path).read_text(encoding="utf-8"), lang))


def page_sources(docs: Path, lang: str, page_id: str) -> list[str]:
    path = Path(docs) / lang / f"{page_id}.md"
    return list(_page_sources(str(path), path.stat().st_mtime_ns, lang))


def pages_by_file(docs: Path, lang: str = "en") -> dict[str, list[str]]:
    """data file -> the pages (ids, in menu order of docs/LANG/) whose facts come from it."""
    result: dict[str, list[str]] = {}
    for path in sorted(Path(docs, lang).glob("*.md")):
        for file in page_sources(docs, lang, path.stem):
            result.setdefault(file, []).append(path.stem)
    return result
