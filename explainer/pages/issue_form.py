"""The issue form's page list (.github/ISSUE_TEMPLATE/report-a-mistake.yml) follows data/pages.yml.

GitHub reads the form from the repository, so it is a file, not a build output: each page's menu label in both
languages, in menu order, then the form's own choices ("Several pages", "Not sure"). The validator checks it
(`check`, at the option's line) and `python -m explainer.pages.issue_form --write` rewrites the list from pages.yml.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from explainer.data.errors import DataError, print_errors
from explainer.data.loader import read_data
from explainer.data.messages import M
from explainer.render.sources import ISSUE_FORM
from explainer.data.schema import PagesFile
from explainer.data.yamlread import read_yaml

FORM = Path(".github") / "ISSUE_TEMPLATE" / ISSUE_FORM
_FIELD = "page"  # the dropdown's id in the form


def wanted(pages: PagesFile) -> list[str]:
    return [f"{p.nav.en} · {p.nav.ar}" for p in pages.pages]


def _options(project: Path):
    """(the form as read, index of the page dropdown in its body) or None when the form has none."""
    read = read_yaml(project / FORM, FORM.as_posix())
    body = read.value.get("body") if isinstance(read.value, dict) else None
    for i, element in enumerate(body if isinstance(body, list) else []):
        if isinstance(element, dict) and element.get("id") == _FIELD:
            return read, i
    return read, None


def check(pages: PagesFile, project: Path) -> list[DataError]:
    """The form's first options are the pages' menu labels, in order; reported at the first that is not."""
    if not (project / FORM).is_file():
        return []
    read, index = _options(project)
    name = FORM.as_posix()
    if read.errors:
        return list(read.errors)
    fix = M("run `python -m explainer.pages.issue_form --write` (or `make issue-form`) to write the list from data/pages.yml")
    if index is None:
        return [DataError(name, 1, 1, M('the form has no dropdown with id "{id}" listing the pages; {fix}', id=_FIELD, fix=fix))]
    options = read.value["body"][index].get("attributes", {}).get("options")
    path = ("body", index, "attributes", "options")
    if not isinstance(options, list):
        line, col = read.positions.of_value(path)
        return [DataError(name, line, col, M("the page list is not a list; {fix}", fix=fix))]
    for i, label in enumerate(wanted(pages)):
        if i >= len(options) or options[i] != label:
            line, col = read.positions.of_value(path + (min(i, len(options) - 1),) if options else path)
            return [DataError(name, line, col, M(
                'this option should be "{label}", the menu label of the page "{page}" in data/pages.yml (in both '
                "languages, in the menu's order); {fix}", label=label, page=pages.pages[i].id, fix=fix))]
    return []


_OPTIONS = re.compile(r"(?P<head>\n(?P<indent>[ \t]*)id: " + _FIELD + r"\n(?:(?!\n[ \t]*- type:).)*?\n[ \t]*options:\n)"
                      r"(?P<items>(?:[ \t]*- .*\n)+)", re.S)


def write(pages: PagesFile, project: Path) -> bool:
    """Rewrite the page options in place (comments and the rest of the form kept); True if it changed."""
    path = project / FORM
    text = path.read_text(encoding="utf-8")
    match = _OPTIONS.search(text)
    if match is None:
        raise SystemExit(f"{FORM}: no `id: {_FIELD}` dropdown with an `options:` list found; add one")
    items = match.group("items").splitlines(keepends=True)
    indent = items[0][: len(items[0]) - len(items[0].lstrip())]
    labels = wanted(pages)
    # The form's own choices follow the pages: whatever is listed that is no page's label.
    extra = [line for line in items if line.strip()[2:] not in labels and not _was_a_page(line, pages)]
    new = "".join(f"{indent}- {label}\n" for label in labels) + "".join(extra)
    updated = text[: match.start("items")] + new + text[match.end("items"):]
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


def _was_a_page(line: str, pages: PagesFile) -> bool:
    """An old label of a page: its English or its Arabic half is still a page's (one half renamed)."""
    en, _, ar = line.strip()[2:].partition(" · ")
    return any(en == p.nav.en or ar == p.nav.ar for p in pages.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer.pages.issue_form", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the page list from data/pages.yml")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    loaded = read_data("data")
    if "pages.yml" not in loaded.models:
        print_errors([e for e in loaded.errors if e.file == "data/pages.yml"], sys.stderr)
        return 1
    pages, project = loaded.models["pages.yml"], Path(".")
    if args.write:
        print(f"{FORM}: {'rewritten' if write(pages, project) else 'already up to date'}")
        return 0
    errors = check(pages, project)
    print_errors(errors, sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
