"""Edit links: the build registers the registry's macros; every page links, in GitHub's editor and in its language,
each data file whose text it prints (coverage.py's measurement, checked here by a marker of its own); the About page
links to the issue form."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import patch

import pytest
from bs4 import BeautifulSoup

from explainer.pages import coverage

from explainer.publish import glue

from explainer.data import schema

from explainer.render import sources
from explainer.data.loader import SiteData
from explainer.pages.registry import MACROS
from explainer.pages.site import load_data

from .conftest import LANGS, ROOT, full_tier_only

DATA = load_data(ROOT / "data")
DOCS = ROOT / "docs"
PAGE_IDS = sorted(p.stem for p in (DOCS / "en").glob("*.md"))


def test_the_build_registers_exactly_the_registry(monkeypatch):
    """glue.py hands mkdocs-macros each macro of registry.py under its name, and nothing else."""
    registered = {}
    env = SimpleNamespace(conf={"config_file_path": str(ROOT / "mkdocs.yml")}, page=None,
                          macro=lambda f: registered.__setitem__(f.__name__, f))
    glue.register(env)
    assert set(registered) == set(MACROS)
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="ar/actors.md"), url="ar/actors/")
    for name, function in registered.items():
        args = [a for a in _example_args(name)]
        assert str(function(*args)) == str(MACROS[name].render(DATA, glue.place_of("ar/actors.md", "ar/actors/"), *args))


def _example_args(name: str) -> list:
    """The first call of `name` on any page (every macro is on a page: test_every_macro_is_on_a_page)."""
    return next(list(args) for layouts in DATA.layouts.values() for layout in layouts.values() for step in layout
                if not isinstance(step, str) and step[0] == name for args in [step[1]])


def test_every_macro_is_on_a_page():
    called = {step[0] for layouts in DATA.layouts.values() for layout in layouts.values() for step in layout
              if not isinstance(step, str)}
    assert called == set(MACROS)


def _marked(data: SiteData, file: str) -> SiteData:
    """The data with every text of `file` starting with a marker naming the file (both languages)."""
    # Glued by a WORD JOINER, which adds no word: texts held to a count of words (the key points) stay within it.
    marker = "QQ" + file.removesuffix(".yml") + "QQ\u2060"

    def mark(value):
        if isinstance(value, dict):
            if set(value) == {"en", "ar"} and all(isinstance(v, str) for v in value.values()):
                return {"en": marker + value["en"], "ar": marker + value["ar"]}
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    name = file.removesuffix(".yml")
    model = getattr(data, name)
    fields = {f: getattr(data, f) for f in SiteData.__dataclass_fields__ if f != "cache"}
    # A menu label is held to MAX_NAV characters; the marker is not the editor's, so it is not counted.
    with patch.object(schema, "MAX_NAV", schema.MAX_NAV + len(marker)):
        fields[name] = type(model).model_validate(mark(model.model_dump()))
    return SiteData(**fields)


def _render_pages(data: SiteData, lang: str) -> dict[str, str]:
    """Every page's macro calls rendered with the registry's renderers, as the build does."""
    out = {}
    for page, layout in DATA.layouts[lang].items():
        place = glue.place_of(f"{lang}/{page}.md", ("" if lang == "en" else f"{lang}/") + ("" if page == "index" else f"{page}/"))
        out[page] = "".join(str(MACROS[step[0]].render(data, place, *step[1])) for step in layout if not isinstance(step, str))
    return out


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("file", sorted(set(schema.CONTENT_FILES)))
def test_no_page_shows_a_text_from_a_file_it_does_not_link(file, lang):
    """An independent look (a marker on every text of one file, plain substring search) against coverage.py's
    measurement: each page that prints a text of the file links the file."""
    rendered = _render_pages(_marked(DATA, file), lang)
    marker = "QQ" + file.removesuffix(".yml") + "QQ"
    for page, html in rendered.items():
        listed = coverage.page_files(DATA, MACROS, page, lang)
        if marker in html:
            assert file in listed, f"docs/{lang}/{page}.md shows text from data/{file} but does not link it"
        elif file not in coverage.EVERY_PAGE:
            assert file not in listed, f"docs/{lang}/{page}.md links data/{file} but shows nothing from it"


@pytest.mark.parametrize("environ,expected", [
    ({}, sources.DEFAULT_REPO_URL),
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "someone/site"}, "https://github.com/someone/site"),
    ({"REPO_URL": "https://git.example.org/a/b/", "GITHUB_SERVER_URL": "https://github.com",
      "GITHUB_REPOSITORY": "someone/site"}, "https://git.example.org/a/b"),
])
def test_repository_url_from_the_environment(environ, expected):
    assert sources.repo_url(environ) == expected
    assert sources.edit_url("i18n/ar.yml", environ) == f"{expected}/edit/main/data/i18n/ar.yml"


@pytest.mark.parametrize("bad", ['javascript:alert(1)', 'https://github.com/a/b" onclick="x', "github.com/a/b"])
def test_a_repository_url_that_is_not_an_address_is_refused(bad):
    with pytest.raises(ValueError, match="REPO_URL"):
        sources.repo_url({"REPO_URL": bad})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The real site built under GitHub Actions' variables, as CI builds it."""
    full_tier_only()
    out = tmp_path_factory.mktemp("edit-links") / "site"
    env = {k: v for k, v in os.environ.items() if k != "REPO_URL"}
    env.update(NO_MKDOCS_2_WARNING="1", GITHUB_SERVER_URL="https://github.com", GITHUB_REPOSITORY="someone/astana")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("page", PAGE_IDS)
def test_every_page_links_the_data_it_shows_in_its_language(built, lang, page):
    path = built / LANGS[lang] / ("" if page == "index" else page) / "index.html"
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
    footers = article.select("aside.edit-data")
    assert len(footers) == 1
    # "Report a mistake" where the page states something from the source (it cites it); "Edit" on every page.
    reports = [a["href"] for a in footers[0].select("a") if "/issues/new" in a["href"]]
    cites = bool(article.select(".cite"))
    assert reports == (["https://github.com/someone/astana/issues/new?template=report-a-mistake.yml"] if cites else [])
    links = footers[0].select(".edit-data__files a")
    files = [a.get_text() for a in links]
    assert files == coverage.page_files(DATA, MACROS, page, lang)
    assert f"i18n/{lang}.yml" in files and "pages.yml" in files
    assert [a["href"] for a in links] == [f"https://github.com/someone/astana/edit/main/data/{f}" for f in files]
    words = footers[0].get_text()
    assert ("Edit the data of this page" in words) == (lang == "en")
    assert ("عدِّل بيانات هذه الصفحة" in words) == (lang == "ar")


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_about_page_links_the_issue_form_under_corrections(built, lang):
    path = built / LANGS[lang] / "about" / "index.html"
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
    corrections = article.select_one("#corrections")
    form = "https://github.com/someone/astana/issues/new?template=report-a-mistake.yml"
    following = corrections.find_next("p", class_="report-mistake")
    assert following is not None and following.find("a")["href"] == form
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / sources.ISSUE_FORM).is_file()
