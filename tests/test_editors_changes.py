"""Valid editor changes are accepted, and the site builds with them (issue 20, walk 6: correct changes passed
`make validate` and turned the pull request's check red, because tests replaced today's text of data/).

The changes are tests/editor_changes.py's, each derived from the data it finds; `make check-edited` runs the quick
tier on a copy of the project with all of them made, so that a test tied to today's text or counts fails there.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.data.errors import DataErrors
from explainer.pages.issue_form import FORM
from explainer.pages.site import load_data

from . import editor_changes
from .conftest import ROOT, copy_project, mkdocs_build

# Everything a change may touch: the data, the pages (a rename reaches their prose) and the issue form.
TOUCHED = ("data", "docs", FORM.parts[0])


def snapshot(project: Path) -> dict[str, str]:
    return {str(p.relative_to(project)): p.read_text(encoding="utf-8")
            for part in TOUCHED for p in sorted((project / part).rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    for part in TOUCHED:
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def accepted(project: Path) -> None:
    try:
        load_data(project / "data")
    except DataErrors as exc:
        pytest.fail("a valid editor change was refused:\n" + "\n".join(map(str, exc.errors)))


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*.yml")), ids=lambda p: p.name)
def test_the_round_trip_leaves_an_unchanged_file_byte_for_byte(path):
    """A setup that edits through editor_changes.roundtrip changes the entry it means, and no other line."""
    text = path.read_text(encoding="utf-8")
    assert editor_changes.dump(editor_changes._yaml().load(text)) == text


@pytest.mark.parametrize("change", editor_changes.CHANGES, ids=lambda c: c.__name__)
def test_each_change_alone_is_a_change_and_is_accepted(project, change):
    before = snapshot(project)
    said = change(project)
    changed = [name for name, text in snapshot(project).items() if before.get(name) != text]
    assert changed, f"{change.__name__} ({said}) changed nothing"
    accepted(project)


def test_every_change_again_on_the_changed_data_is_accepted(project):
    """Each change finds its place in data another change left (a second correction above the first, another alias
    …), as `make check-edited` and an editor's next pull request need."""
    editor_changes.apply_all(project)
    editor_changes.apply_all(project)
    accepted(project)


def test_the_site_builds_with_every_change_and_shows_them(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / FORM.parts[0], project / FORM.parts[0])
    done = editor_changes.apply_all(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, f"{done}\n{result.stdout}{result.stderr}"
    data = load_data(project / "data")
    # A name's numeral is kept on its line with a no-break space ("Geneva IV"): read it as a space.
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ").replace("&nbsp;", " ")
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert all(f">{page.nav.en}<" in home for page in data.pages.pages)  # the changed label in the menu
    assert data.corrections.corrections and all(c.text.en.split("“")[0] in about for c in data.corrections.corrections)
