"""The built site as a whole: both languages, their links to each other, escaping, hosts, HTML validity, links."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import LANGS, PAGES, ROOT, SUBPATH, copy_project, full_tier_only, html_file, mkdocs_build


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_exists_in_both_languages(site):
    for page in PAGES:
        for lang in LANGS:
            assert html_file(site, lang, page).exists(), f"{lang}/{page} missing"
    built = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    english = {p for p in built if not p.startswith("ar/")}
    arabic = {p.removeprefix("ar/") for p in built if p.startswith("ar/")}
    assert english == arabic


@pytest.mark.parametrize("page", PAGES)
def test_html_lang_and_dir(site, page):
    en = soup(html_file(site, "en", page)).html
    ar = soup(html_file(site, "ar", page)).html
    assert en["lang"] == "en" and en.get("dir") in (None, "ltr")
    assert ar["lang"] == "ar" and ar["dir"] == "rtl"
    assert soup(html_file(site, "ar", page)).body["dir"] == "rtl"


@pytest.mark.parametrize("page", PAGES)
def test_language_switch_leads_to_the_twin(site, base_url, page):
    for lang, other in (("en", "ar"), ("ar", "en")):
        here = base_url + LANGS[lang] + page
        links = soup(html_file(site, lang, page)).select(f'.md-select a[hreflang="{other}"]')
        assert len(links) == 1
        assert urljoin(here, links[0]["href"]) == base_url + LANGS[other] + page


@pytest.mark.parametrize("page", PAGES)
def test_heading_ids_are_the_same_in_both_languages(site, page):
    def ids(lang):
        found = soup(html_file(site, lang, page)).select("article h1[id], article h2[id], article h3[id]")
        # The names index's letter headings follow each alphabet; every entry under them shares its id.
        return [h["id"] for h in found if not h["id"].startswith("letter-")]

    assert ids("en") == ids("ar")
    assert all(not re.fullmatch(r"_\d*", i) for i in ids("ar"))


def test_each_language_has_its_own_404(site):
    en, ar = soup(site / "404.html"), soup(site / "ar/404.html")
    assert en.html["lang"] == "en" and ar.html["lang"] == "ar" and ar.html["dir"] == "rtl"
    assert en.h1.get_text() == "Page not found" and ar.h1.get_text() == "الصفحة غير موجودة"
    # Its <title> names the page before the site, as every other page's does (a tab shows which page it is).
    for page in (en, ar):
        assert page.title.get_text().startswith(page.h1.get_text() + " · "), page.title
    # Served at any depth, a 404 links from the site's path, never assuming the root.
    for page in (en, ar):
        for tag in page.select("a[href], link[href], script[src]"):
            url = tag.get("href") or tag.get("src")
            if not url.startswith(("#", "http")):
                assert url.startswith(f"/{SUBPATH}/"), url


@pytest.mark.parametrize("page", PAGES)
def test_titles_descriptions_alternates_and_cards(site, base_url, page):
    for lang in LANGS:
        head = soup(html_file(site, lang, page)).head
        assert head.title.get_text().strip()
        assert head.find("meta", attrs={"name": "description"})["content"]
        assert head.find("meta", property="og:title")["content"]
        assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
        assert head.find("link", rel="canonical")["href"] == base_url + LANGS[lang] + page
        alternates = {link["hreflang"]: link["href"] for link in head.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {"en": base_url + page, "ar": base_url + "ar/" + page, "x-default": base_url + page}


def test_sitemap_lists_pages(site, base_url):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in PAGES:
        assert f"<loc>{base_url}{page}</loc>" in sitemap


_FOREIGN = re.compile(r"""(?:src|href|action|url\()\s*=?\s*["']?(https?:)?//([^/"')\s]+)""", re.I)


def test_no_request_to_another_host(site, base_url):
    """No page, stylesheet or script refers to anything on another host (links to read are not requests)."""
    own = urlsplit(base_url).netloc
    offenders = []
    for path in [*site.rglob("*.html"), *site.rglob("*.css"), *site.rglob("*.js")]:
        text = path.read_text(encoding="utf-8", errors="ignore")
        if path.suffix == ".html":
            page = BeautifulSoup(text, "html.parser")
            urls = [t.get("src") for t in page.find_all(src=True)]
            urls += [t.get("href") for t in page.find_all("link", href=True) if "alternate" not in t.get("rel", [])
                     and "canonical" not in t.get("rel", [])]
            urls += re.findall(r"url\(([^)]+)\)", text)
        else:
            urls = re.findall(r"""url\(\s*["']?(https?://[^"')]+)""", text) + re.findall(r"""@import\s+["'](https?://[^"']+)""", text)
        for url in urls:
            host = urlsplit(url.strip("'\"")).netloc
            if host and host != own:
                offenders.append(f"{path.relative_to(site)}: {url}")
    assert offenders == []


def test_fonts_are_self_hosted_and_subset(site):
    fonts = sorted(p.name for p in (site / "assets/fonts").glob("*.woff2"))
    assert fonts == ["noto-naskh-arabic-400.woff2", "noto-naskh-arabic-700.woff2", "noto-sans-400.woff2", "noto-sans-700.woff2"]
    original = ROOT / "node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2"
    assert (site / "assets/fonts/noto-naskh-arabic-400.woff2").stat().st_size < original.stat().st_size / 2


def test_search_index_per_language(site):
    for lang in ("en", "ar"):
        records = json.loads((site / f"assets/search/{lang}.json").read_text(encoding="utf-8"))
        assert all(("/ar/" in "/" + r["u"]) == (lang == "ar") for r in records), lang


# ---------------------------------------------------------------- escaping: data is shown, never run


def test_html_and_template_syntax_in_data_are_shown_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data/factions.yml"
    text = data.read_text(encoding="utf-8")
    text = text.replace('{en: "Sham Legion", ar: "فيلق الشام"}',
                        '{en: "<script>alert(1)</script> {{ 7 * 7 }} {% raw %} *x*", ar: "فيلق <b>الشام</b> {{ config }}"}')
    data.write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    for lang, shown in (("en", "<script>alert(1)</script> {{ 7 * 7 }} {% raw %} *x*"), ("ar", "فيلق <b>الشام</b> {{ config }}")):
        page = soup(html_file(site_dir, lang, "camps/"))
        item = page.select_one("#sham-legion .faction__name")
        assert item.get_text() == shown
        assert item.find("script") is None and item.find("b") is None and item.find("em") is None
    assert "49" not in soup(html_file(site_dir, "en", "camps/")).select_one("#sham-legion").get_text()


def test_undefined_macro_variable_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_variable }}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    # The pages check names it, at its line, before mkdocs-macros would run the page.
    line = page.read_text(encoding="utf-8").rstrip("\n").count("\n") + 1
    assert f'docs/en/about.md:{line}:1: there is no macro "no_such_variable"; use one of: ' in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# ---------------------------------------------------------------- validity and links


def test_html_is_valid_for_the_nu_checker(site):
    """Every page, both languages and both 404s, with no message allowed (explainer/publish/finish.py fixes Material's)."""
    full_tier_only("the Nu HTML Checker")
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker (make test installs it)"
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--skip-non-html", str(site)],
                            capture_output=True, text=True)
    assert len(list(site.rglob("*.html"))) == 2 * len(PAGES) + 2
    problems = [line for line in result.stderr.splitlines() if line.strip()]
    assert problems == [] and result.returncode == 0


def test_no_broken_links_or_anchors(server, tmp_path):
    """linkchecker crawls the served site (under its sub-path), checking internal links and #anchors."""
    full_tier_only("the link checker")
    config = tmp_path / "linkcheckerrc"
    config.write_text("[filtering]\ncheckextern=0\n[AnchorCheck]\n[output]\nlog=text\n", encoding="utf-8")
    result = subprocess.run(
        # The venv's own script: `make test` runs pytest without the venv on PATH.
        [str(Path(sys.executable).parent / "linkchecker"), "--config", str(config), "--no-status", "--no-robots", "--threads", "4", server],
        capture_output=True, text=True,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-4000:]
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", report)
    assert checked and int(checked.group(2)) > 30, report[-2000:]
