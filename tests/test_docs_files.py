"""docs/ holds only the pages of the site's languages and the theme's own files: anything else, which MkDocs would
publish unread, is refused by the validator at its path, and so by the build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.pages import docs_files

from explainer.data import schema
from explainer.data.errors import DataErrors
from explainer.pages.site import load_data

from .conftest import ROOT, copy_project, mkdocs_build

NOT_A_PAGE = "this file is not one of the site's pages ("
NOT_THEME = "this file is not one of the theme's files ("


def errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_data(project / "data")
    return [str(e) for e in caught.value.errors]


def add(project: Path, relative: str, text: str = "<script>alert(1)</script>\n") -> None:
    path = project / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("relative, message", [
    ("en/x.md/evil.html", NOT_A_PAGE),  # a folder named like a page: the pages check reads only pages
    ("en/sub/camps.md", NOT_A_PAGE),
    ("ar/camps.html", NOT_A_PAGE),
    ("en/notes.txt", NOT_A_PAGE),
    ("en/camps.MD", NOT_A_PAGE),
    ("fr/index.md", NOT_A_PAGE),  # not a language of the site
    ("index.md", NOT_A_PAGE),
    ("evil.js", NOT_A_PAGE),
    ("assets/x.js", NOT_THEME),
    ("assets/javascripts/extra.js", NOT_THEME),
    ("assets/stylesheets/explainer.min.css", NOT_THEME),
])
def test_a_file_that_is_no_page_nor_theme_file_is_refused_at_its_path(data_and_docs, relative, message):
    add(data_and_docs, relative)
    found = errors(data_and_docs)
    fix = "(pages are listed in data/pages.yml)" if message == NOT_A_PAGE else \
        "(a new theme file is a change to explainer/pages/docs_files.py)"
    assert len(found) == 1 and found[0].startswith(f"docs/{relative}:1:1: {message}"), found
    assert found[0].endswith(f"; remove it {fix}")


def test_a_folder_in_place_of_a_page_is_refused_and_the_missing_page_reported(data_and_docs):
    (data_and_docs / "docs/en/camps.md").unlink()
    add(data_and_docs, "en/camps.md/evil.js")
    found = errors(data_and_docs)
    assert f"docs/en/camps.md/evil.js:1:1: {NOT_A_PAGE}" in "\n".join(found)
    assert "docs/ar/camps.md:1:1: this page has no en twin; add docs/en/camps.md" in found


def test_an_empty_folder_and_a_link_are_refused(data_and_docs):
    (data_and_docs / "docs/en/drafts").mkdir()
    (data_and_docs / "docs/en/camps.md").unlink()
    (data_and_docs / "docs/en/camps.md").symlink_to(data_and_docs / "docs/ar/camps.md")
    found = errors(data_and_docs)
    assert [e.split(";")[0] for e in found] == [
        "docs/en/camps.md:1:1: this is a link to another file (a symbolic link), and MkDocs would publish what it "
        "points to",
        "docs/en/drafts:1:1: this folder is not part of the site"]


def test_an_unlisted_page_is_still_reported_at_its_pages_yml_entry_only(data_and_docs):
    for lang in schema.LANGUAGES:
        add(data_and_docs, f"{lang}/new-page.md", "Text.\n")
    assert errors(data_and_docs) == [
        'data/pages.yml:1:1: the page "new-page" (docs/en/new-page.md) has no entry here; add one with id: '
        "new-page, nav, title and description"]


def test_hidden_files_are_left_alone(data_and_docs):
    # MkDocs never publishes them (exclude_docs), and editors' systems make them (.DS_Store).
    add(data_and_docs, "en/.DS_Store")
    add(data_and_docs, ".drafts/x.html")
    load_data(data_and_docs / "data")


def test_the_theme_files_are_those_in_docs_assets_and_each_is_used():
    present = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/assets").rglob("*") if p.is_file())
    assert present == sorted(docs_files.THEME_ASSETS)
    users = "".join(path.read_text(encoding="utf-8") for path in
                    [ROOT / "mkdocs.yml", *(ROOT / "explainer/publish/theme").rglob("*.html"), *(ROOT / "explainer").rglob("*.py")]
                    if path.name != "docs_files.py")
    for asset in docs_files.THEME_ASSETS:
        assert asset in users or Path(asset).name in users, f"docs/{asset} is used nowhere"


def test_the_build_refuses_a_file_hidden_in_a_folder_named_like_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    add(project, "en/x.md/evil.html")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert f"docs/en/x.md/evil.html:1:1: {NOT_A_PAGE}" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not site.exists() or not any(site.rglob("*.html"))
