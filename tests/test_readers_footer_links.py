"""The site footer leads to About and to Corrections on every page, the 404s included, in the page's language
(issue 21's review): About by its menu label in data/pages.yml, Corrections by the heading of the About page's
corrections section, each link landing on that page of the same language and on an anchor it has. A build whose
About page lost that section fails, saying which heading the footer needs."""
from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from explainer.pages.site import load_data
from explainer.publish.hooks import CORRECTIONS
from explainer.render.strings import digits

from .conftest import LANGS, PAGES, ROOT, SUBPATH, copy_project, full_tier_only, html_file, mkdocs_build

DATA = load_data(ROOT / "data")


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target(site, href: str) -> tuple[BeautifulSoup, str]:
    path, _, anchor = href.partition("#")
    assert path.startswith(f"/{SUBPATH}/"), href
    return _soup(site / path.removeprefix(f"/{SUBPATH}/") / "index.html"), anchor


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_footer_leads_to_about_and_to_corrections_in_its_language(site, lang):
    about = DATA.page(CORRECTIONS[0])
    files = [html_file(site, lang, page) for page in PAGES] + [site / LANGS[lang] / "404.html"]
    for path in files:
        links = [(a.get_text(strip=True), a["href"]) for a in _soup(path).select("footer.site-footer li a")]
        assert len(links) == 2, (path, links)
        (about_label, about_href), (corrections_label, corrections_href) = links
        assert about_label == digits(getattr(about.nav, lang), lang), path
        target, anchor = _target(site, about_href)
        assert target.html["lang"] == lang and anchor == "", about_href
        target, anchor = _target(site, corrections_href)
        heading = target.find(id=anchor)
        assert target.html["lang"] == lang and heading is not None and heading.name.startswith("h"), corrections_href
        assert corrections_label == heading.get_text(strip=True), path
        # That section is the one that lists the corrections.
        assert heading.find_next(class_=["corrections", "corrections-none"]) is not None


def test_a_build_whose_about_page_lost_the_corrections_heading_fails_and_says_so(tmp_path):
    full_tier_only()
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "ar" / f"{CORRECTIONS[0]}.md"
    page.write_text(page.read_text(encoding="utf-8").replace(f"{{#{CORRECTIONS[1]}}}", "{#fixes}"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/ar/{CORRECTIONS[0]}.md" in result.stdout + result.stderr
    assert f"{{#{CORRECTIONS[1]}}}" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())
    shutil.rmtree(project)
