"""The issue form's page list (.github/ISSUE_TEMPLATE/report-a-mistake.yml) follows data/pages.yml.

GitHub reads the form from the repository, so it is a file, not a build output: each page's menu label in both
languages, in menu order, then the form's own choices (OWN_CHOICES: "Several pages", "Not sure"), and nothing else.
The validator checks it (`check`, at the option's line, saying what to write on that line: an editor in GitHub's web
editor cannot run a command) and `python -m explainer.pages.issue_form --write` (`make issue-form`) rewrites the
list, dropping an option that is no longer a page's label.
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
# The form's choices after the pages, for a mistake on no one page: written here once, the form follows.
OWN_CHOICES = ("Several pages · أكثر من صفحة", "Not sure · لست متأكدًا")


def wanted(pages: PagesFile) -> list[str]:
    """The menu labels, in both languages, in the menu's order."""
    return [f"{p.nav.en} · {p.nav.ar}" for p in pages.pages]


def options(pages: PagesFile) -> list[str]:
    """Every option of the form's page list, in order: the pages, then the form's own choices."""
    return wanted(pages) + list(OWN_CHOICES)


def _options(project: Path):
    """(the form as read, index of the page dropdown in its body) or None when the form has none."""
    read = read_yaml(project / FORM, FORM.as_posix())
    body = read.value.get("body") if isinstance(read.value, dict) else None
    for i, element in enumerate(body if isinstance(body, list) else []):
        if isinstance(element, dict) and element.get("id") == _FIELD:
            return read, i
    return read, None


def check(pages: PagesFile, project: Path) -> list[DataError]:
    """The form's options are the pages' menu labels, in order, then its own choices; reported at the first option
    that is not, saying what to write on that line."""
    if not (project / FORM).is_file():
        return []
    read, index = _options(project)
    name = FORM.as_posix()
    if read.errors:
        return list(read.errors)
    fix = M("run `python -m explainer.pages.issue_form --write` (or `make issue-form`) to write the list from data/pages.yml")
    if index is None:
        return [DataError(name, 1, 1, M('the form has no dropdown with id "{id}" listing the pages; {fix}', id=_FIELD, fix=fix))]
    listed = read.value["body"][index].get("attributes", {}).get("options")
    path = ("body", index, "attributes", "options")
    if not isinstance(listed, list) or not listed:
        line, col = read.positions.of_value(path)
        return [DataError(name, line, col, M("the page list is not a list; {fix}", fix=fix))]
    expected = options(pages)
    for i, option in enumerate(listed + [None] * (len(expected) - len(listed))):
        label = expected[i] if i < len(expected) else None
        if option == label:
            continue
        line, col = read.positions.of_value(path + (min(i, len(listed) - 1),))
        return [DataError(name, line, col, _option_fix(pages, option, label, listed, expected))]
    return []


def _option_fix(pages: PagesFile, option, label: str | None, listed: list, expected: list[str]) -> M:
    """What to do at an option that is not the one expected there: said as the line to write, since an editor in
    GitHub's web editor cannot run `make issue-form`."""
    if label is None or (option not in expected and label in listed):
        return M('the option "{option}" is not the menu label of a page in data/pages.yml; delete this line (or run '
                 "`make issue-form`)", option=option)
    if option is None:
        return M('the option "{label}" is missing; add the line `- {label}` after this one (or run `make issue-form`)',
                 label=label)
    page = next((p.id for p, own in zip(pages.pages, wanted(pages)) if own == label), None)
    what = M('the menu label of the page "{page}" in data/pages.yml, in both languages', page=page) if page else \
        M("one of the form's own choices, after the pages")
    if label in listed:  # listed, but further down: the order is the menu's
        return M('this option should be "{label}", {what}, in the menu\'s order; replace this line with '
                 "`- {label}` and delete the other (or run `make issue-form`)", label=label, what=what)
    return M('this option should be "{label}", {what}; replace this line with `- {label}` (or run `make issue-form`)',
             label=label, what=what)


_OPTIONS = re.compile(r"(?P<head>\n(?P<indent>[ \t]*)id: " + _FIELD + r"\n(?:(?!\n[ \t]*- type:).)*?\n[ \t]*options:\n)"
                      r"(?P<items>(?:[ \t]*- [^\n]*\n)+)", re.S)  # the option lines only, not the rest of the form


def write(pages: PagesFile, project: Path) -> bool:
    """Rewrite the page options in place (comments and the rest of the form kept); True if it changed."""
    path = project / FORM
    text = path.read_text(encoding="utf-8")
    match = _OPTIONS.search(text)
    if match is None:
        raise SystemExit(f"{FORM}: no `id: {_FIELD}` dropdown with an `options:` list found; add one")
    items = match.group("items").splitlines(keepends=True)
    indent = items[0][: len(items[0]) - len(items[0].lstrip())]
    # Only the pages and the form's own choices: an option that was a page's label is gone with the label.
    new = "".join(f"{indent}- {label}\n" for label in options(pages))
    updated = text[: match.start("items")] + new + text[match.end("items"):]
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


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
