"""The output guard (explainer/publish/output_guard.py) and the known inline scripts the CSP allows (explainer/publish/csp.py):
attacks as small documents, Markdown as the build renders it, and the real build."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from explainer.publish import output_guard
from explainer.publish.csp import KNOWN_SCRIPTS, URL, known_script, sha256_source, with_csp
from explainer.publish.output_guard import check_html, check_site, check_svg, url_scheme

from .conftest import ROOT, copy_project, mkdocs_build

TAB_RESTORER, HELPERS, PALETTE = (next(t for n, t in KNOWN_SCRIPTS.items() if word in n)
                                  for word in ("tab restorer", "localStorage", "colour scheme"))


def problems(html: str) -> list[str]:
    found: list[str] = []
    check_html(html, lambda message, needle: found.append(str(message)))
    return list(dict.fromkeys(found))


def svg_problems(text: str) -> list[str]:
    found: list[str] = []
    check_svg(text, lambda message, needle: found.append(str(message)))
    return found


def page(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>{head}</head><body>{body}</body></html>'


def extensions() -> list:
    """mkdocs.yml's Markdown extensions, as the build uses them (its !ENV tags read as nothing)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *args: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    return [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]


def rendered(text: str) -> str:
    return page(markdown.markdown(text, extensions=extensions()))


# ---------------------------------------------------------------- URLs

NOT_WEB = "is not a web address"


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "java&#x09;script:alert(1)",
    "java&#9;script:alert(1)", "&#x0A;javascript:alert(1)", "java&NewLine;script:alert(1)", "\x01javascript:alert(1)",
    "&#x0D;vbscript:x", "data:text/html,<script>alert(1)</script>", "jav&#x0A;ascript&colon;alert(1)",
])
def test_a_link_to_anything_but_the_web_is_refused(href):
    assert any(NOT_WEB in p for p in problems(page(f'<p><a href="{href}">x</a></p>'))), href


@pytest.mark.parametrize("href", ["https://example.org/", "http://example.org/", "mailto:a@example.org", "../camps/",
                                  "#top", "/astana-2017/", "camps/?q=a:b"])
def test_web_and_relative_links_pass(href):
    assert problems(page(f'<p><a href="{href}">x</a></p>')) == []


def test_url_scheme_strips_as_the_whatwg_parser_does():
    assert url_scheme("\x00 java\tscr\nipt\r:x \x1f") == "javascript"
    assert url_scheme("../a:b") is None and url_scheme("a/b:c") is None and url_scheme("#x") is None
    assert url_scheme(" HTTPS://x") == "https"


def test_srcset_meta_url_and_loading_from_another_host_are_refused():
    assert any(NOT_WEB in p for p in problems(page('<p><img srcset="x.png 1x, javascript:alert(1) 2x"></p>')))
    assert any(NOT_WEB in p for p in problems(page("", '<meta property="og:url" content="javascript:alert(1)">')))
    for href in ("//evil.example/x.css", "/\\evil.example/x.css", "https://evil.example/x.css"):
        assert any("must be a file of the site" in p for p in problems(page("", f'<link rel="stylesheet" href="{href}">')))
    assert any("must be a file of the site" in p for p in problems(page('<script src="//evil.example/x.js"></script>')))


# ---------------------------------------------------------------- Markdown as the build renders it


@pytest.mark.parametrize("text", [
    "A [link](javascript:alert(1)).",
    "A [reference link][r].\n\n[r]: javascript:alert(1)",
    "A [link](java&#x09;script:alert(1)).",
    "A [link](&#x0A;javascript:alert(1)).",
    "An <a href='JaVaScRiPt:alert(1)'>inline tag</a>.",
    '[x](https://example.org/){: href="java&#x09;script:alert(1)" }',  # attr_list replaces the href, raw
])
def test_markdown_links_to_scripts_are_refused(text):
    assert any(NOT_WEB in p for p in problems(rendered(text))), rendered(text)


def test_raw_svg_animation_in_markdown_is_refused():
    text = 'See <svg><set attributeName="href" to="javascript:alert(1)"/></svg>.'
    assert any("SVG animation <set> (of href)" in p for p in problems(rendered(text)))


@pytest.mark.parametrize("attribute", ["onclick", "onerror", "onmouseover", "ONCLICK"])
def test_attr_list_handlers_are_refused(attribute):
    found = problems(rendered(f'Click me\n{{: {attribute}="alert(1)" }}'))
    assert any(f'{attribute.lower()}="…" on <p> would run a script' in p for p in found), found
    found = problems(rendered(f'[reference][r]{{: {attribute}="alert(1)" }}\n\n[r]: https://example.org/'))
    assert any(f'{attribute.lower()}="…" on <a> would run a script' in p for p in found), found


def test_attr_list_style_and_unknown_attributes_are_refused_but_a_class_passes():
    assert any('style="…" on <p> is not allowed' in p for p in problems(rendered('Red\n{: style="color:red" }')))
    assert any('data-x="…" on <p> is not one the site uses' in p for p in problems(rendered("X\n{: data-x=1 }")))
    assert problems(rendered("## Heading {: #an-id .a-class }\n\n*emphasis* and **strong**")) == []


# ---------------------------------------------------------------- elements


def test_svg_animation_of_a_link_is_refused():
    for svg in ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
                '<svg><a><animate attributeName="xlink:href" values="javascript:alert(1)"/><text>x</text></a></svg>'):
        assert any("SVG animation" in p for p in problems(page(svg))), svg


def test_base_and_meta_refresh_are_refused():
    assert any("<base> would change where every link" in p for p in problems(page("", '<base href="https://evil.example/">')))
    assert any('<meta http-equiv="refresh">' in p
               for p in problems(page("", '<meta http-equiv="refresh" content="0;url=https://evil.example/">')))


def test_elements_outside_the_list_are_refused():
    for html in ("<iframe src='https://evil.example/'></iframe>", "<template><p>x</p></template>", "<math><mi>x</mi></math>",
                 "<svg><foreignObject><p>x</p></foreignObject></svg>", "<object data='x.swf'></object>", "<style>p{}</style>"):
        assert any("is not one the site uses" in p for p in problems(page(html))), html


def test_noscript_is_read_as_a_browser_with_scripts_reads_it():
    # With scripting off the <img> is text inside an attribute or a dropped end tag; readers have scripting on.
    for html in ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
                 '<noscript></p x="</noscript><img src=x onerror=alert(1)>"></noscript>'):
        assert any("onerror" in p for p in problems(page(html))), html


# ---------------------------------------------------------------- inline scripts and the CSP


def test_unknown_inline_scripts_are_refused_and_known_ones_pass():
    assert any("not one of the theme's known scripts" in p for p in problems(page("<script>alert(1)</script>")))
    assert any("not one of the theme's known scripts" in p
               for p in problems(page("<script type='text/javascript'>alert(1)</script>")))
    known = [TAB_RESTORER, PALETTE, *(HELPERS.replace(URL, u) for u in (".", "..", "../..", "/astana-2017/"))]
    for text in known:
        assert problems(page(f"<script>{text}</script>")) == [], text
    assert problems(page('<script type="application/json">{"a": 1}</script>')) == []


@pytest.mark.parametrize("text", [
    TAB_RESTORER + ";alert(1)",
    TAB_RESTORER.replace("__tabbed_", "__tabbed"),
    " " + PALETTE,
    HELPERS.replace(URL, '",alert(1),"'),
    HELPERS.replace(URL, "javascript:alert(1)"),
])
def test_a_known_script_altered_is_refused_and_gets_no_hash(text):
    assert known_script(text) is None
    assert any("not one of the theme's known scripts" in p for p in problems(page(f"<script>{text}</script>")))
    with pytest.raises(ValueError, match="KNOWN_SCRIPTS"):
        with_csp(page(f"<script>{text}</script>"))


def test_a_script_inside_the_content_is_refused_even_if_known():
    found = problems(page(f"<article><script>{TAB_RESTORER}</script></article>"))
    assert any("a script inside the page's content" in p for p in found)


def test_the_policy_hashes_the_exact_bytes_of_known_scripts():
    scoped = HELPERS.replace(URL, "../..")
    policy = with_csp(page(f"<script>{scoped}</script><script>{TAB_RESTORER}</script>"))
    assert sha256_source(scoped) in policy and sha256_source(TAB_RESTORER) in policy


def template_script(path: Path, slot: str | None = None) -> str:
    """The template's last inline script (content.html's first one is for the content.tabs.link feature, which
    mkdocs.yml does not turn on), its Jinja slot written as KNOWN_SCRIPTS writes it."""
    text = re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S)[-1]
    return text.replace(slot, URL) if slot else text


def test_known_scripts_are_the_templates_own_text():
    material = Path(__import__("material").__file__).parent / "templates" / "partials" / "javascripts"
    assert template_script(material / "base.html", "{{ config.extra.scope | d(base_url) }}") == HELPERS
    assert template_script(material / "content.html") == TAB_RESTORER
    assert "content.tabs.link" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert template_script(ROOT / "explainer/publish/theme/partials/palette.html") == PALETTE


# ---------------------------------------------------------------- SVG files


def test_svg_files_are_read_as_xml_and_held_to_the_svg_list():
    clean = (ROOT / "docs/assets/favicon.svg").read_text(encoding="utf-8")
    assert svg_problems(clean) == []
    svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'
    assert any("<script>" in p for p in svg_problems(svg.format("<script>alert(1)</script>")))
    assert any(NOT_WEB in p for p in svg_problems(svg.format('<a xlink:href="javascript:alert(1)"><rect/></a>')))
    assert any("SVG animation" in p for p in svg_problems(svg.format('<set attributeName="href" to="javascript:x"/>')))
    assert any("onload" in p for p in svg_problems('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))
    entity = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    assert any("DOCTYPE" in p for p in svg_problems(entity))


# ---------------------------------------------------------------- the real site


@pytest.fixture(scope="module")
def page_ids() -> list[str]:
    return [p["id"] for p in yaml.safe_load((ROOT / "data/pages.yml").read_text(encoding="utf-8"))["pages"]]


def guard(site: Path, page_ids: list[str], project: Path = ROOT) -> list[str]:
    return [str(p) for p in check_site(site, project, project / "docs", project / "explainer/publish/theme", page_ids)]


def test_the_finished_real_site_passes_the_guard(site, page_ids):
    # The build ran the guard before its last pass; the finished files (policy <meta>, toggles' form) pass too.
    assert guard(site, page_ids) == []


def test_every_page_and_404_and_svg_is_checked(site, page_ids, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    targets = sorted(copy.rglob("*.html")) + sorted(copy.rglob("*.svg"))
    for path in targets:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("</svg>", '<set attributeName="href" to="javascript:alert(1)"/></svg>', 1)
                        if path.suffix == ".svg" else text.replace("<body", '<body onload="alert(1)"', 1), encoding="utf-8")
    (copy / "camps/notes.pdf").write_bytes(b"%PDF")
    found = guard(copy, page_ids)
    for path in targets:
        rel = path.relative_to(copy).as_posix()
        assert any(f"in the built {rel}: " in p for p in found), rel
    assert any("camps/notes.pdf: this file is not one the site publishes" in p for p in found)


def test_the_list_is_no_wider_than_the_real_site_needs(site):
    """Every element, attribute and listed value is used by the built site, but the documented prose extras."""
    used: dict[tuple[str, str], set[str]] = {}

    def walk(node, svg):
        for child in node.iter(include_text=False):
            inside = svg or child.tag == "svg"
            attributes = used.setdefault(("svg" if inside else "html", child.tag), set())
            for name, value in child.attributes.items():
                attributes.add(name)
                used.setdefault(("value", f"{child.tag} {name}"), set()).update((value or "").lower().split())
            walk(child, inside)

    for path in site.rglob("*.html"):
        root = LexborHTMLParser(path.read_text(encoding="utf-8")).root
        used.setdefault(("html", "html"), set()).update(root.attributes)
        walk(root, False)
    for path in site.rglob("*.svg"):
        walk(LexborHTMLParser(path.read_text(encoding="utf-8")).body, False)
    for space, listed in (("html", output_guard.HTML_ELEMENTS), ("svg", output_guard.SVG_ELEMENTS)):
        for element, attributes in listed.items():
            assert (space, element) in used, f"<{element}> is listed but unused"
            assert attributes <= used[(space, element)], (element, attributes - used[(space, element)])
    everywhere = set().union(*(a for (space, _), a in used.items() if space == "html"))
    assert output_guard.GLOBAL_ATTRIBUTES <= everywhere, output_guard.GLOBAL_ATTRIBUTES - everywhere
    for (element, attribute), values in output_guard.VALUES.items():
        assert values <= used[("value", f"{element} {attribute}")], (element, attribute)
    assert not set(output_guard.PROSE_EXTRAS) & {e for s, e in used if s == "html"}, "an extra is used: list it"


def test_every_published_file_matches_one_expected_pattern(site, page_ids):
    patterns = [*output_guard.EXPECTED_FILES, *output_guard.expected_files(page_ids)]
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    for pattern in patterns:  # no pattern left over from an older build
        assert any(re.fullmatch(re.escape(pattern).replace(r"\*", "[^/]*"), f) for f in files), pattern


# ---------------------------------------------------------------- through the real build

EVIL = "alert(document.domain)"


def built_with(tmp_path: Path, change) -> tuple[object, Path, Path]:
    project = copy_project(tmp_path / "project")
    change(project)
    site = tmp_path / "site"
    return mkdocs_build(project, site), project, site


def test_markdown_links_and_attr_lists_fail_the_real_build_at_their_lines(tmp_path):
    lines = ["A [link](javascript:alert(1)) here.", "", "A [reference][evil] there.", "", "[evil]: JaVaScRiPt:alert(2)",
             "", "Click me", '{: onclick="alert(3)" }', "", "A [tab](java&#x09;script:alert(4))."]

    def change(project):
        about = project / "docs/en/about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")

    result, project, site = built_with(tmp_path, change)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    first = len((ROOT / "docs/en/about.md").read_text(encoding="utf-8").splitlines()) + 2
    for offset, what in ((0, 'href="javascript:alert(1)"'), (4, 'href="JaVaScRiPt:alert(2)"'),
                         (7, 'onclick="…" on <p> would run a script'), (9, 'href="java\\tscript:alert(4)"')):
        assert re.search(rf"docs/en/about\.md:{first + offset}:\d+: in the built about/index\.html: .*{re.escape(what)}",
                         output), (first + offset, what, output[-3000:])
    assert "Traceback" not in output


def test_a_file_in_a_folder_named_like_a_page_fails_the_real_build_and_gets_no_hash(tmp_path):
    script = f"{EVIL}"

    def change(project):
        folder = project / "docs/en/x.md"
        folder.mkdir()
        (folder / "evil.html").write_text(f'<!doctype html><html><head><meta charset="utf-8"><title>x</title></head>'
                                          f"<body><script>{script}</script></body></html>", encoding="utf-8")

    result, project, site = built_with(tmp_path, change)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # The validator refuses the file at its path before anything is built (explainer/pages/docs_files.py); were it to
    # miss one, the guard would (test_every_page_and_404_and_svg_is_checked refuses a stray file by its path).
    assert "docs/en/x.md/evil.html:1:1: this file is not one of the site's pages" in output
    assert "Traceback" not in output
    hashed = sha256_source(script).strip("'")
    assert not [p for p in site.rglob("*.html") if hashed in p.read_text(encoding="utf-8")]
