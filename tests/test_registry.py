"""One registry, one measurement: the issue form follows pages.yml, and the change report names the pages that
print the changed entry (not every page that shows something of its file)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.publish import glue

from explainer.pages import issue_form
from explainer.data.errors import DataErrors
from explainer.pages.registry import MACROS
from explainer.pages.site import load_data
from explainer.data.yamlread import read_yaml

from .conftest import ROOT, run_main

DATA = load_data(ROOT / "data")


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("data", "docs", ".github"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def test_a_menu_label_change_is_reported_at_the_issue_form_and_written_by_the_command(project):
    pages = project / "data" / "pages.yml"
    old = DATA.pages.pages[1].nav.en
    new = next(label for label in ("Both camps", "The camps") if label not in {p.nav.en for p in DATA.pages.pages})
    pages.write_text(pages.read_text(encoding="utf-8").replace(f'en: "{old}"', f'en: "{new}"', 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_data(project / "data")
    [error] = caught.value.errors
    form = read_yaml(project / issue_form.FORM, "form")
    body = form.value["body"]
    index = next(i for i, e in enumerate(body) if e.get("id") == "page")
    assert (error.file, error.line, error.col) == (issue_form.FORM.as_posix(),
                                                   *form.positions.of_value(("body", index, "attributes", "options", 1)))
    assert f'"{new} · {DATA.pages.pages[1].nav.ar}"' in error.message
    result = subprocess.run([sys.executable, "-m", "explainer.pages.issue_form", "--write"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    load_data(project / "data")  # the form now follows pages.yml
    options = read_yaml(project / issue_form.FORM, "form").value["body"][index]["attributes"]["options"]
    assert options[: len(DATA.pages.pages)] == [f"{p.nav.en} · {p.nav.ar}" for p in load_data(project / "data").pages.pages]
    assert options[len(DATA.pages.pages):] == body[index]["attributes"]["options"][len(DATA.pages.pages):]


def _pages_printing(data_dir: Path, needle: str) -> set[str]:
    """Independently of coverage.py: the pages whose rendered macros contain `needle`, in either language."""
    data = load_data(data_dir)
    found = set()
    for lang, layouts in data.layouts.items():
        for page, layout in layouts.items():
            place = glue.place_of(f"{lang}/{page}.md", "")
            html = "".join(str(MACROS[s[0]].render(data, place, *s[1])) for s in layout if not isinstance(s, str))
            found |= {page} if needle in html else set()
    return found


@pytest.mark.parametrize("file,key,field", [
    ("camps.yml", "camps", ("summary", "text")),
    ("events.yml", "events", ("text",)),
    ("factions.yml", "factions", ("name",)),
])
def test_the_change_report_names_the_pages_that_print_the_changed_entry(project, file, key, field):
    head = project / "data"
    path = head / file
    text = path.read_text(encoding="utf-8")
    entry = getattr(getattr(DATA, file.removesuffix(".yml")), key)[0]
    value = entry
    for part in field:
        value = getattr(value, part)
    text = text.replace(f'en: "{value.en}"', f'en: "ZZMARK {value.en}"', 1)
    path.write_text(text, encoding="utf-8")
    expected = _pages_printing(head, "ZZMARK")
    assert expected, "the marked text is printed on no page"
    result = run_main("explainer.tools.change_report", str(ROOT / "data"), str(head))
    assert result.returncode == 0, result.stderr
    shown = next(line for line in result.stdout.splitlines() if line.startswith("Shown on: "))
    labels = {p.nav.en: p.id for p in DATA.pages.pages}
    assert {labels[label] for label in shown.removeprefix("Shown on: ").rstrip(".").split(", ")} == expected


def test_a_menu_label_is_shown_on_every_page():
    """The menu is on every page, so a change to any page's menu label is "shown on" all of them (the change report
    said only its own page and Home)."""
    from explainer.pages.coverage import pages_showing

    data = load_data(ROOT / "data")
    every = [page.id for page in data.pages.pages]
    for index in range(len(every)):
        assert pages_showing(data, MACROS, "pages.yml", ("pages", index, "nav")) == every
