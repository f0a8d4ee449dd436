"""The data and the pages, checked together: the one entry that the build (glue.py), the command-line validator
and the tests call, so that what the validator accepts is what the build publishes.

Order: data/ on its own (loader.py); the pages in docs/ against it (pages_check.py); then what the pages print
(coverage.py: each quote once, each name on the same pages in both languages). Every problem is reported at once.
"""
from __future__ import annotations

from pathlib import Path
from typing import get_args

from explainer.pages import coverage, issue_form

from explainer.data import schema
from explainer.pages.docs_files import check_docs_files
from explainer.data.errors import DataError, DataErrors
from explainer.data.loader import Loaded, SiteData, read_data
from explainer.pages.pages_check import check_pages
from explainer.pages.registry import MACROS


def _check_docs(docs: Path, loaded: Loaded) -> tuple[list[DataError], dict]:
    """The pages beside data/: their macro calls name ids that exist, and each page has its pages.yml entry; and
    nothing else is in docs/ but the theme's files."""
    ids = {
        "gap": loaded.ids("gaps.yml", "gaps") or None,
        "quote": loaded.ids("quotes.yml", "quotes") or None,
        "camp": set(get_args(schema.CAMP_IDS)),
        "story-part": set(schema.StoryFile.model_fields),
    }
    count = len(loaded.entries("source.yml", "paragraphs")) or None
    entries = None
    if "pages.yml" in loaded.files:
        entries = {page["id"]: loaded.position("pages.yml", ("pages", i, "id"))
                   for i, page in loaded.entries("pages.yml", "pages") if isinstance(page.get("id"), str)}
    errors, layouts = check_pages(docs, {k: v for k, v in ids.items() if v is not None}, count, entries, schema.LANGUAGES)
    return errors + check_docs_files(docs, schema.LANGUAGES), layouts


def load_data(root: Path | str = "data", docs: Path | None = None, base: Loaded | None = None) -> SiteData:
    """data/ and, when docs/ is beside it (or given), the pages; raises DataErrors listing every problem at once.
    `base`: data/ before the edit, when known (loader.read_data)."""
    loaded = read_data(root, base)
    docs = loaded.root.parent / "docs" if docs is None else Path(docs)
    layouts = None
    if docs.is_dir():
        errors, layouts = _check_docs(docs, loaded)
        loaded.errors += errors
        if "pages.yml" in loaded.models:
            loaded.errors += issue_form.check(loaded.models["pages.yml"], docs.parent)
    data = loaded.site_data(layouts)
    if layouts is not None:
        errors = coverage.check_shown(data, MACROS, loaded.position, docs)
        if errors:
            raise DataErrors(errors)
    return data


_cache: dict[Path, tuple[tuple, SiteData]] = {}


def load_data_once(root: Path | str = "data") -> SiteData:
    """`load_data`, reused while no file in data/ or docs/ changed: one load per build, fresh data and pages
    under `mkdocs serve`."""
    root = Path(root).resolve()
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                         for folder in (root, root.parent / "docs") for p in folder.rglob("*") if p.is_file()))
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    data = load_data(root)
    _cache[root] = (stamp, data)
    return data
