"""docs/ holds the site's pages and its theme's own files, nothing else.

MkDocs publishes every file in docs/ as it is, and the pages check (explainer/pages/pages_check.py) reads only the
pages, `docs/LANG/PAGE.md`. Any other file there (an HTML file in a folder named like a page, a script beside the
theme's) would reach the site unread. So every other file and folder is refused here, with the validator's other
errors, and since the build calls the same loader first, no site is built with it.

Whether a page `docs/LANG/PAGE.md` is listed in data/pages.yml, and has its twin, is the pages check's to say
(its message points at data/pages.yml); this module refuses what is not shaped like a page at all.
"""
from __future__ import annotations

from pathlib import Path

from explainer.data.errors import DataError
from explainer.data.messages import M

# The theme's own files in docs/ (under docs/assets/), each named where it is used. Nothing else is allowed in
# docs/assets/: a new one is a change to the theme, made here. Fonts are not among them: explainer/render/fonts.py cuts
# them from node_modules into the built site.
THEME_ASSETS = (
    "assets/favicon.svg",  # mkdocs.yml, theme.favicon
    "assets/javascripts/explainer.js",  # explainer/publish/theme/main.html loads it on every page
    "assets/javascripts/search.js",  # explainer.js loads it when the reader starts to search
    "assets/stylesheets/explainer.css",  # explainer/publish/slim.py folds it into the one stylesheet, site.css
)


def _is_page(relative: Path, languages: tuple[str, ...]) -> bool:
    return len(relative.parts) == 2 and relative.parts[0] in languages and relative.suffix == ".md"


def _allowed_folders(languages: tuple[str, ...]) -> set[Path]:
    folders = {Path(lang) for lang in languages}
    for asset in THEME_ASSETS:
        folders.update(Path(asset).parents)
    return folders - {Path(".")}


def _refusal(relative: Path, languages: tuple[str, ...]) -> M:
    pages = ", ".join(f"docs/{lang}/PAGE.md" for lang in languages)
    if relative.parts[0] == "assets":
        return M("this file is not one of the theme's files ({assets}), and MkDocs would publish it as it is; "
                 "remove it (a new theme file is a change to explainer/pages/docs_files.py)",
                 assets=", ".join(f"docs/{asset}" for asset in THEME_ASSETS))
    return M("this file is not one of the site's pages ({pages}) nor of the theme's files, and MkDocs would "
             "publish it as it is; remove it (pages are listed in data/pages.yml)", pages=pages)


def check_docs_files(docs: Path, languages: tuple[str, ...]) -> list[DataError]:
    """Every file and folder in docs/ that is neither a page of a language of the site nor a theme file."""
    errors: list[DataError] = []
    folders = _allowed_folders(languages)
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        name = f"docs/{relative.as_posix()}"
        # MkDocs never publishes a name starting with "." (its default exclude_docs), nor anything inside one.
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink():
            # A link would publish whatever it points to, anywhere on the machine that builds the site.
            errors.append(DataError(name, 1, 1, M("this is a link to another file (a symbolic link), and MkDocs "
                                                  "would publish what it points to; replace it with a real file, "
                                                  "or remove it")))
        elif path.is_dir():
            if relative not in folders and not any(p.is_file() for p in path.rglob("*")):
                errors.append(DataError(name, 1, 1, M("this folder is not part of the site; remove it (pages are "
                                                      "docs/LANG/PAGE.md files, listed in data/pages.yml)")))
        elif not (_is_page(relative, languages) or relative.as_posix() in THEME_ASSETS):
            errors.append(DataError(name, 1, 1, _refusal(relative, languages)))
    return errors
