"""Behaviour the mutation run (`make mutation`, README "Tests") found untested: each test here kills mutants that
survived the rest of the quick tier. The renderers are called directly, without a build, so that each mutant is
judged in well under a second."""
from __future__ import annotations

import dataclasses
import functools
import time

import pytest
import yaml
from pydantic import ValidationError

from explainer.publish import csp, output_guard
from explainer.data import schema, settings
from explainer.data.errors import DataErrors
from explainer.data.messages import M, laid_out
from explainer.data.messages import translations
from explainer.data.schema import LANGUAGES
from explainer.pages.site import load_data
from explainer.render import html as render
from explainer.render.strings import plural_category

from .conftest import ROOT

# Markup, an entity, Jinja and Markdown in one value: escaped, each reaches the page as written, inert.
HOSTILE = '<img src=x onerror="alert(1)"> & {{ 7*7 }} *a* _b_ `c` [d](e) \\ | ~ \''
ESCAPED = str(render.esc(HOSTILE))


@functools.cache
def real_data():
    return load_data(ROOT / "data")


def place(lang: str) -> render.Place:
    return render.Place(lang, "../", "../" if lang == "en" else "../../")


def with_quote_text(en: str, ar: str):
    """The real data with its first quote's text replaced (unvalidated: the renderer must hold even so)."""
    data = real_data()
    first = data.quotes.quotes[0]
    changed = first.model_copy(update={"text": first.text.model_copy(update={"en": en, "ar": ar})})
    quotes = data.quotes.model_copy(update={"quotes": [changed, *data.quotes.quotes[1:]]})
    return dataclasses.replace(data, quotes=quotes), changed.id


def test_esc_makes_markup_markdown_and_jinja_inert():
    assert ESCAPED == ("&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &#123;&#123; 7&#42;7 &#125;&#125; &#42;a&#42; "
                       "&#95;b&#95; &#96;c&#96; &#91;d&#93;(e) &#92; &#124; &#126; &#39;")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_quote_prints_its_text_escaped_in_both_languages(lang):
    """Under an Arabic quote the English original is printed too: both forms escaped, neither raw."""
    data, quote_id = with_quote_text(HOSTILE + " en", HOSTILE + " ar")
    out = render.quote(data, place(lang), quote_id)
    assert "<img" not in out and "{{" not in out
    assert render.text_in(f"{HOSTILE} {lang}", lang) in out
    if lang == "ar":
        assert f"“{ESCAPED} en”" in out


# ---------------------------------------------------------------- the renderers' escaping


def test_text_in_english_is_esc_alone():
    assert render.text_in(HOSTILE + " 2017", "en") == render.esc(HOSTILE + " 2017")


def test_text_in_arabic_isolates_each_latin_run_and_writes_arabic_digits_elsewhere():
    out = render.text_in("قال Abu Mohammad al-Jolani عام 2017 ثم <b>", "ar")
    assert out == ('قال <bdi class="short-latin" lang="en" dir="ltr">Abu Mohammad al-Jolani</bdi> عام ٢٠١٧ ثم &lt;'
                   '<bdi class="short-latin" lang="en" dir="ltr">b</bdi>&gt;')


def test_text_in_arabic_writes_arabic_digits_after_the_last_latin_run_too():
    assert render.text_in("عام 2017", "ar") == "عام ٢٠١٧"
    assert render.text_in("UN 2254 عام 2017", "ar") == '<bdi class="short-latin" lang="en" dir="ltr">UN 2254</bdi> عام ٢٠١٧'


def test_text_in_arabic_escapes_inside_and_between_latin_runs():
    out = render.text_in("نص " + HOSTILE, "ar")
    assert "<img" not in out and "{{" not in out and "&#34;" in out and "&#123;" in out and "&#39;" in out
    assert "&#123;&#123; ٧&#42;٧ &#125;&#125;" in out  # outside a Latin run: Arabic digits, still escaped


@pytest.mark.parametrize("lang", LANGUAGES)
def test_say_is_text_in_of_the_field_in_that_language(lang):
    name = real_data().factions.factions[0].name
    assert render.say(name, lang) == render.text_in(getattr(name, lang), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_script_shows_the_other_language_escaped_and_isolated(lang):
    name = real_data().factions.factions[0].name.model_copy(update={"en": HOSTILE, "ar": HOSTILE + " ع"})
    other = render.OTHER[lang]
    out = render.other_script(name, lang)
    assert out == (f'<bdi class="other-script" lang="{other}" dir="{render.DIRECTION[other]}">'
                   f'{render.esc(getattr(name, other))}</bdi>')
    assert render.other_script(name, lang, "x", "dd").startswith('<dd class="x"') and out.endswith("</bdi>")


def with_string(lang: str, key: str, value):
    data = real_data()
    return dataclasses.replace(data, strings={**data.strings, lang: {**data.strings[lang], key: value}})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_escapes_its_literal_text_fills_values_as_given_and_writes_the_page_digits(lang):
    data = with_string(lang, "in_brief", "<b> & *a* 12 {name} {{x}} end")
    out = render.ui(data, place(lang), "in_brief", name="<i>ok</i>")
    assert out == f"{render.esc(render.digits('<b> & *a* 12 ', lang))}<i>ok</i>{render.esc(' {x} end')}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_counts_in_the_page_digits_and_the_plural_form_of_n(lang):
    forms = {"zero": "none {n}", "one": "one {n}", "two": "two {n}", "few": "few {n}", "many": "many {n}",
             "other": "other {n}"}
    data = with_string(lang, "factions_count", forms)
    for n in (0, 1, 2, 3, 11, 100):
        expected = forms[plural_category(n, lang)] if lang == "ar" else forms["one" if n == 1 else "other"]
        assert render.ui(data, place(lang), "factions_count", n=n) == render.esc(render.digits(expected.format(n=n), lang))


# ---------------------------------------------------------------- the output guard: each problem at its source


def doc(body: str) -> str:
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def at(project, source: str, written: str) -> str:
    """"FILE:LINE:COL" of the first `written` in the project's file `source`, counted here from the file itself."""
    text = (project / source).read_text(encoding="utf-8")
    index = text.index(written)
    return f"{source}:{text.count(chr(10), 0, index) + 1}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


@pytest.fixture
def small_site(tmp_path):
    """A project of two pages in both languages and a theme 404, and a built site with one problem per file, each
    written in its source in another way: as is, with a character reference, with markup escaped, quoted."""
    project, site = tmp_path / "project", tmp_path / "site"
    sources = {
        "docs/en/index.md": "# Home\n\nText\n\n<a href=\"javascript:alert(1)\">x</a>\n\n<marquee>m</marquee>\n"
                            "<script>evil()</script>\n<script></script>\n",
        "docs/ar/index.md": "# ع\n\nنص\n",
        "docs/en/camps.md": "# Camps\n\nA [tab](java&#x09;script:alert(2)).\n",
        "docs/ar/camps.md": "# ع\n\n<p style=\"a:&lt;b\">ع</p>\n",
        "theme/404.html": "{% extends 'main.html' %}\n  <p title=\"x\" style=\"q:&quot;r&quot;\">404</p>\n",
        "docs/ar/extra/evil.html": "<p>\n<span onclick=\"go()\">x</span>\n",
        "docs/notes.txt": "notes\n",
        "docs/assets/favicon.svg": '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg/>\n',
        "docs/en/drawing.svg": '\n<svg xmlns="http://www.w3.org/2000/svg"><g></svg>\n',
        "docs/en/moving.svg": '<?xml version="1.0"?>\n\n  <svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href"/>'
                              "</svg>\n",
    }
    for name, text in sources.items():
        write(project / name, text)
    built = {
        "index.html": doc('<a href="javascript:alert(1)">x</a><marquee>m</marquee><script>evil()</script>'
                          "<script></script>"),
        "ar/index.html": doc("<p>ع</p>"),
        "camps/index.html": doc('<a href="java&#x09;script:alert(2)">tab</a>'),
        "ar/camps/index.html": doc('<p style="a:&lt;b">ع</p>'),
        "404.html": doc("<p style='q:\"r\"'>404</p>"),
        "ar/404.html": doc('<p style="q:&quot;r&quot;">404</p>'),
        "ar/extra/evil.html": doc('<span onclick="go()">x</span>'),
        "notes.txt": "notes\n",
        "stray.js": "alert(3)\n",
        "assets/favicon.svg": sources["docs/assets/favicon.svg"],
        "drawing.svg": sources["docs/en/drawing.svg"],
        "moving.svg": sources["docs/en/moving.svg"],
    }
    for name, text in built.items():
        write(site / name, text)
    # A byte that is not UTF-8, in a page and in its source: read as U+FFFD, never a crash.
    for path in (site / "ar/index.html", project / "docs/ar/index.md"):
        path.write_bytes(path.read_bytes().replace("ع".encode(), b"\xff", 1))
    (site / "moving.svg").write_bytes((site / "moving.svg").read_bytes().replace(b"</svg>", b"<!-- \xff --></svg>"))
    return project, site


def test_the_guard_names_each_problem_at_its_source_line_and_column(small_site):
    project, site = small_site
    found = [str(p) for p in output_guard.check_site(site, project, project / "docs", project / "theme",
                                                     ["index", "camps"])]
    expected = [
        (at(project, "docs/en/index.md", "javascript:alert(1)"), "index.html", 'href="javascript:alert(1)"'),
        (at(project, "docs/en/index.md", "<marquee"), "index.html", "the element <marquee> is not one"),
        (at(project, "docs/en/index.md", "evil()"), "index.html", "not one of the theme's known scripts"),
        (at(project, "docs/en/index.md", "<script"), "index.html", "not one of the theme's known scripts"),
        (at(project, "docs/en/camps.md", "java&#x09;script"), "camps/index.html", 'href="java\\tscript:alert(2)"'),
        (at(project, "docs/ar/camps.md", "a:&lt;b"), "ar/camps/index.html", 'style="…" on <p>'),
        (at(project, "theme/404.html", "q:&quot;r"), "404.html", 'style="…" on <p>'),
        (at(project, "theme/404.html", "q:&quot;r"), "ar/404.html", 'style="…" on <p>'),
        (at(project, "docs/ar/extra/evil.html", "go()"), "ar/extra/evil.html", 'onclick="…" on <span>'),
        ("docs/ar/extra/evil.html:1:1", "ar/extra/evil.html", "is not one the site publishes"),
        ("docs/notes.txt:1:1", "notes.txt", "is not one the site publishes"),
        ("(site)/stray.js:1:1", "stray.js", "is not one the site publishes"),
        (at(project, "docs/assets/favicon.svg", "<!"), "assets/favicon.svg", "may not declare a DOCTYPE"),
        (at(project, "docs/en/drawing.svg", "<svg"), "drawing.svg", "is not well-formed XML (mismatched tag: line 2"),
        ("docs/en/drawing.svg:1:1", "drawing.svg", "is not one the site publishes"),
        (at(project, "docs/en/moving.svg", "<set"), "moving.svg", "the SVG animation <set> (of href)"),
        ("docs/en/moving.svg:1:1", "moving.svg", "is not one the site publishes"),
    ]
    for where, page, what in expected:
        assert any(p.startswith(f"{where}: in the built {page}: ") and what in p for p in found), (where, page, what, found)
    assert len(found) == len(expected), found
    with pytest.raises(output_guard.OutputRefused) as refused:
        output_guard.guard_site(site, project, project / "docs", project / "theme", ["index", "camps"])
    assert str(refused.value).splitlines() == found and [str(p) for p in refused.value.problems] == found


def test_a_clean_small_site_passes_the_guard(small_site):
    project, site = small_site
    for path in [p for p in site.rglob("*") if p.is_file()]:
        path.unlink()
    for name in ("index.html", "ar/index.html", "camps/index.html", "ar/camps/index.html", "404.html", "ar/404.html"):
        write(site / name, doc("<p>ok</p>"))
    before = time.perf_counter()
    took = output_guard.guard_site(site, project, project / "docs", project / "theme", ["index", "camps"])
    assert 0 <= took <= time.perf_counter() - before  # the seconds the check took


# ---------------------------------------------------------------- the CSP


TAB_RESTORER = next(text for name, text in csp.KNOWN_SCRIPTS.items() if "tab restorer" in name)
PALETTE = next(text for name, text in csp.KNOWN_SCRIPTS.items() if "colour scheme" in name)


def test_inline_scripts_are_those_a_browser_runs_whatever_comes_before_them():
    html = doc('<script src="a.js"></script><script type="application/json">{"a": 1}</script>'
               f"<script type='text/javascript'>{TAB_RESTORER}</script><script type=module>m()</script>"
               f'<script type="TEXT/JavaScript ">{PALETTE}</script><script>last()</script>'
               "<article><script>inside()</script></article>")
    assert csp.inline_scripts(html) == [TAB_RESTORER, "m()", PALETTE, "last()"]


def sha256_hash_source(text: str) -> str:
    """A CSP hash-source as the CSP standard writes it: 'sha256-' and the base64 of the UTF-8 bytes' digest."""
    import base64
    import hashlib
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_by_default_allows_each_known_script_by_its_standard_hash_and_nothing_inline():
    policy = csp.policy(doc(f"<script>{TAB_RESTORER}</script><script>{PALETTE}</script><script>{TAB_RESTORER}</script>"))
    directives = [part.split() for part in policy.split("; ")]
    assert directives[0] == ["default-src", "'self'"]
    script_src = next(values for name, *values in directives if name == "script-src")
    assert script_src == ["'self'", sha256_hash_source(TAB_RESTORER), sha256_hash_source(PALETTE)]
    assert [name for name, *_ in directives].count("default-src") == 1


def test_with_csp_says_why_it_cannot_place_the_policy():
    with pytest.raises(ValueError, match="^no <meta charset=utf-8> to put"):
        csp.with_csp("<!doctype html><html><head><title>t</title></head><body></body></html>")


@pytest.mark.parametrize("path", ["/", "./x.js", "../a/b.css", "a//b.js", "/X/y.js", "X/y.js", "#top", "?q=a:b"])
def test_relative_paths_on_this_host_are_site_paths(path):
    assert output_guard.is_site_path(path)


@pytest.mark.parametrize("path", ["//evil.example/x.js", "/\\evil.example/x.js", "\\\\evil.example/x.js",
                                  "/\t/evil.example/x.js", "/\n/evil.example/x.js", "\x01//evil.example/x.js",
                                  " //evil.example/x.js", "//", "https://evil.example/x.js"])
def test_another_host_is_not_a_site_path(path):
    assert not output_guard.is_site_path(path)


def guard_problems(html: str) -> list:
    found: list = []
    output_guard.check_html(html, lambda message, needle: found.append(message))
    return found


def test_a_script_file_inside_the_content_is_refused_outside_it_allowed():
    assert [str(m) for m in guard_problems(doc('<article><script src="a.js"></script></article>'))] == [
        "a script from a file inside the page's content; remove it"]
    assert guard_problems(doc('<script src="a.js"></script>')) == []


def test_an_svg_with_a_doctype_in_any_case_or_an_instruction_is_refused():
    for head in ("<!doctype svg>", "<!DOCTYPE svg>", '<!ENTITY x "y">', '<?xml-stylesheet href="a.css"?>'):
        found: list = []
        output_guard.check_svg(f'{head}<svg xmlns="http://www.w3.org/2000/svg"></svg>', lambda m, n: found.append(m))
        assert [str(m) for m in found] == [
            "an SVG file may not declare a DOCTYPE, entities or processing instructions; remove them"], head
    found = []
    output_guard.check_svg('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', lambda m, n: found.append(m))
    assert found == []


# ---------------------------------------------------------------- every message said in Arabic too


def untranslated(message) -> list[str]:
    """The templates in a message (and in the messages inside it) that an Arabic-speaking editor would get in
    English: `make validate lang=ar` says each from the Arabic catalogue (explainer/locale/ar/…), by its English
    template."""
    if not isinstance(message, M):
        return []
    missing = [] if message.translated(translations("ar")) != message.translated(translations("en")) else [message.template]
    return missing + [t for value in message.values.values() for t in untranslated(value)]


HOSTILE_PAGES = [
    doc("<base href='/'>"), doc('<svg><set attributeName="href" to="javascript:x"/></svg>'),
    doc('<svg><animate attributename="href"/></svg>'), doc("<svg><animate/></svg>"), doc("<marquee>x</marquee>"),
    doc('<p onclick="x()">x</p>'), doc('<p style="color:red">x</p>'), doc('<a href="javascript:x">x</a>'),
    doc('<a href="x" ping="javascript:x">x</a>'), doc('<script src="//evil.example/x.js"></script>'),
    doc('<p data-x="1">x</p>'), doc('<form method="post"></form>'),
    doc('<link rel="stylesheet author" href="a.css">'), doc('<input type="text">'),
    '<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head></html>',
    '<html><head><meta property="og:url" content="javascript:x"></head></html>',
    doc('<svg><path fill="url(https://evil.example/#a)"/><path fill="url(#ok)"/></svg>'),
    doc('<script type="application/json">{not json</script>'), doc("<article><script>x()</script></article>"),
    doc('<article><script src="a.js"></script></article>'), doc("<script>not_known()</script>"),
    '<html onload="x()"><body></body></html>', doc("<noscript><p onclick='x()'>n</p></noscript>"),
]
HOSTILE_SVGS = [
    '<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>', "<svg",
    '<svg xmlns="http://www.w3.org/2000/svg"><x:a xmlns:x="urn:x"/><set attributeName="href"/></svg>',
]


def test_every_problem_the_guard_finds_is_said_in_arabic_too():
    found = [m for text in HOSTILE_PAGES for m in guard_problems(text)]
    for text in HOSTILE_SVGS:
        output_guard.check_svg(text, lambda message, needle: found.append(message))
    assert len({m.template for m in found}) >= 15  # the battery reaches most of the guard's messages
    assert [t for m in found for t in untranslated(m)] == []


def test_every_problem_of_a_small_site_is_said_in_arabic_too(small_site):
    project, site = small_site
    problems = output_guard.check_site(site, project, project / "docs", project / "theme", ["index", "camps"])
    assert problems and [t for p in problems for t in untranslated(p.message)] == []


# ---------------------------------------------------------------- the guard's messages, whole

LONG = "javascript:" + "a" * 40
NOT_WEB = "is not a web address (only http:, https:, mailto: or a link within the site); correct it"
NOT_USED = "is not one the site uses; remove it"


@pytest.mark.parametrize("body, messages", [
    ('<p onclick="x()" style="color:red" data-x="1" title="ok">x</p>', [
        'the attribute onclick="…" on <p> would run a script; remove it',
        'the attribute style="…" on <p> is not allowed (the site\'s stylesheet sets the look); remove it, or use a class',
        f'the attribute data-x="…" on <p> {NOT_USED}']),
    ('<svg><set attributename="href" to="x"/><animate/></svg>', [
        "the SVG animation <set> (of href) could turn a link into a script; remove it",
        "the SVG animation <animate> (of ?) could turn a link into a script; remove it"]),
    (f'<a href="{LONG}" ping="{LONG}">x</a>', [
        f'the address href="{LONG[:40]}" on <a> {NOT_WEB}', f'the address ping="{LONG[:40]}" on <a> {NOT_WEB}',
        f'the attribute ping="…" on <a> {NOT_USED}']),
    (f'<script src="//{"e" * 45}.example/x.js"></script>', [
        f'the address src="//{"e" * 38}" on <script> must be a file of the site; correct it']),
    ('<link rel="stylesheet author" href="a.css"><link rel="author" href="//evil.example/">'
     '<link rel="icon" href="//evil.example/i.png"><link rel="prev next" href="../">', [
        f'the value rel="stylesheet author" on <link> {NOT_USED}', f'the value rel="author" on <link> {NOT_USED}',
        'the address href="//evil.example/i.png" on <link> must be a file of the site; correct it']),
    ('<a rel="next">x</a><input type="TEXT"><input type=" Search "><input type><form method="POST"></form>', [
        f'the attribute rel="…" on <a> {NOT_USED}', f'the value type="TEXT" on <input> {NOT_USED}',
        f'the value type="" on <input> {NOT_USED}', f'the value method="POST" on <form> {NOT_USED}']),
    ('<img srcset="a.png 1x,javascript:x 2x, , b.png">', [
        f"the element <img> {NOT_USED}", f'the address srcset="a.png 1x,javascript:x 2x, , b.png" on <img> {NOT_WEB}']),
    ('<base href="/">', ["<base> would change where every link of the page goes; remove it"]),
    ('<p data-x="1" data-y="2">x</p>', [f'the attribute data-x="…" on <p> {NOT_USED}',
                                         f'the attribute data-y="…" on <p> {NOT_USED}']),
    (f'<input type="{"t" * 45}">', [f'the value type="{"t" * 40}" on <input> {NOT_USED}']),
    ("<!-- a note --><p onclick='x()'>x</p>", ['the attribute onclick="…" on <p> would run a script; remove it']),
    # Inside <noscript>, markup is text to a browser with scripts and elements to one without: both are read.
    ("<noscript><p onclick='x()'>n</p></noscript>", ['the attribute onclick="…" on <p> would run a script; remove it']),
    ('<meta http-equiv="refresh" content="0"><meta http-equiv="x-ua-compatible" content="IE=edge">'
     f'<meta name="twitter:image" content="{LONG}"><meta name="description" content="javascript:x">'
     '<meta property="og:url" content="https://example.org/"><meta property="og:image">', [
        '<meta http-equiv="refresh"> would send the reader to another page; remove it',
        f'the value http-equiv="x-ua-compatible" on <meta> {NOT_USED}',
        f'the address content="{LONG[:40]}" on <meta> {NOT_WEB}']),
    ('<svg><path fill="url(https://evil.example/#a)" d="M0"/><path stroke="url(#ok)"/></svg>', [
        'the attribute fill="…" on <path> points outside the drawing; remove it']),
])
def test_the_guard_says_what_is_wrong_with_each_element_in_full(body, messages):
    assert [str(m) for m in guard_problems(doc(body))] == messages


def test_an_svg_file_is_held_to_the_svg_list_with_its_namespaced_names_written_as_prefixes():
    found: list = []
    output_guard.check_svg(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1">'
        '<path d="M0"/><x:a xmlns:x="urn:x"/><path xlink:href="javascript:x" xml:space="preserve"/></svg>',
        lambda message, needle: found.append(str(message)))
    assert found == [
        f"the element <{{urn:x}}a> {NOT_USED}",
        f'the address xlink:href="javascript:x" on <path> {NOT_WEB}',
        f'the attribute xlink:href="…" on <path> {NOT_USED}',
        f'the attribute xml:space="…" on <path> {NOT_USED}',
    ]


def test_an_svg_file_animation_is_named_by_the_attribute_it_animates():
    found: list = []
    output_guard.check_svg('<svg xmlns="http://www.w3.org/2000/svg"><set attributename="href" to="x"/></svg>',
                           lambda message, needle: found.append(str(message)))
    assert found == ["the SVG animation <set> (of href) could turn a link into a script; remove it"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_quote_is_its_text_in_the_page_quotation_marks_then_who_said_it_and_where(lang):
    data, quote_id = with_quote_text(HOSTILE + " en", HOSTILE + " ar")
    item = data.by_id[quote_id]
    out = render.quote(data, place(lang), quote_id)
    speaker = data.by_id[item.speaker]
    name = speaker.members if hasattr(speaker, "members") else speaker.name
    said = render.ui(data, place(lang), "quote_said", speaker=render.say(name, lang),
                     occasion=render.say(item.occasion, lang))
    open_q, close_q = {"en": ("“", "”"), "ar": ("«", "»")}[lang]
    original = (f'<p class="quote__original" lang="en" dir="ltr">“{ESCAPED} en”</p>' if lang == "ar"
                else "")
    assert f"<blockquote><p>{open_q}{render.say(item.text, lang)}{close_q}</p></blockquote>{original}<figcaption>— {said}" in out
    assert render.say(name, lang) in said and render.say(item.occasion, lang) in said


# ---------------------------------------------------------------- the loader's cross-checks and the page check


def rewrite(project, name: str, change) -> None:
    path = project / "data" / name
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def refusals(project) -> list:
    with pytest.raises(DataErrors) as caught:
        load_data(project / "data")
    return caught.value.errors


def break_every_cross_reference(project) -> None:
    def source(v):
        v["paragraphs"][1]["n"] = 99
        v["sections"][-1]["first_paragraph"] = len(v["paragraphs"]) + 1

    def events(v):
        dated = [e for e in v["events"] if e.get("date")]
        dated[1]["date"] = "1900-01"

    def factions(v):
        v["factions"][1]["id"] = v["factions"][0]["id"]
        v["factions"][2]["paras"] = [10 ** 6]
        v["factions"][3]["camp"] = "atended"
        v["factions"][4]["camp"] = "zzz"

    def actors(v):
        v["actors"][0]["group"] = "zzz"
        for actor in v["actors"]:
            if actor["group"] == schema.FIGURE_GROUPS[-1]:
                actor["group"] = schema.FIGURE_GROUPS[0]

    def quotes(v):
        v["quotes"][0]["speaker"] = "zzz"

    def camps(v):
        v["camps"][0]["reasons"][0]["quotes"] = ["zzz"]
        v["delegation"].update(head=v["delegation"]["chosen_by"], head_of="zzz", chosen_by="zzz")

    def pages(v):
        v["pages"].append(dict(v["pages"][0]))

    for name, change in [("source.yml", source), ("events.yml", events), ("factions.yml", factions),
                         ("actors.yml", actors), ("quotes.yml", quotes), ("camps.yml", camps), ("pages.yml", pages)]:
        rewrite(project, name, change)


def test_every_cross_check_refusal_is_said_in_arabic_too(data_and_docs):
    break_every_cross_reference(data_and_docs)
    found = refusals(data_and_docs)
    templates = {e.message.template for e in found if isinstance(e.message, M)}
    assert len(templates) >= 10, templates  # paragraphs, sections, dates, ids, pages, citations, references
    assert [t for e in found for t in untranslated(e.message)] == [] and all(isinstance(e.message, M) for e in found)
    # Each at the value to correct, which the rewritten files never hold on their first line.
    assert [str(e) for e in found if (e.line, e.col) == (1, 1)] == []
    assert "paragraph number 99 is out of order; number the paragraphs 1, 2, 3… (expected 2 here)" in [
        str(e.message) for e in found if e.file == "data/source.yml"]


PAGE_LINES = ['{{ gap("hots") }}', "{{ cite([99999]) }}", '{{ cite("3") }}', "{{ nosuch() }}", '{{ quote(speaker="x") }}',
              "{{ config.site_url }}", "{{ gaps_list }}", '{{ gap("host") | safe }}', "{% set x = 1 %}",
              "text <script>alert(1)</script>", '<img src="a.png" onerror="alert(1)">',
              '<a href="javascript:alert(1)">x</a>', '<p style="color:red">x</p>', '{{ roster_downloads("no") }}',
              '{{ camp_heading("nosuch") }}', '{{ story("nosuch") }}', "{{ cite([]) }}", "{{ quote(1, 2) }}"]


def test_every_page_check_refusal_is_said_in_arabic_too(data_and_docs):
    page = data_and_docs / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(PAGE_LINES) + "\n", encoding="utf-8")
    (data_and_docs / "docs/ar/outlook.md").unlink()
    found = refusals(data_and_docs)
    assert len({e.message.template for e in found if isinstance(e.message, M)}) >= 10
    assert [t for e in found for t in untranslated(e.message)] == []


# ---------------------------------------------------------------- the settings


REPO_HINT = ("is not a plain web address like https://github.com/OWNER/REPO; set {variable} to the repository's "
             "address, or unset it")


@pytest.mark.parametrize("environ, url", [
    ({}, settings.DEFAULT_REPO_URL),
    ({"REPO_URL": ""}, settings.DEFAULT_REPO_URL),
    ({"REPO_URL": "https://example.org:8443/a/b-c.d_e~f/"}, "https://example.org:8443/a/b-c.d_e~f"),
    ({"REPO_URL": "https://github.com/OWNER/BOX/"}, "https://github.com/OWNER/BOX"),  # only slashes are trimmed
    ({"REPO_URL": "http://example.org", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r"},
     "http://example.org"),
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r"}, "https://github.com/o/r"),
    ({"GITHUB_SERVER_URL": "https://github.com"}, settings.DEFAULT_REPO_URL),
    ({"GITHUB_REPOSITORY": "o/r"}, settings.DEFAULT_REPO_URL),
])
def test_the_repository_comes_from_repo_url_then_github_actions_then_the_default(environ, url):
    assert settings.repository(environ) == (url, None)
    assert settings.setting_errors(environ) == []


@pytest.mark.parametrize("environ, variable, value", [
    ({"REPO_URL": "javascript:alert(1)"}, "REPO_URL", "javascript:alert(1)"),
    ({"REPO_URL": "https://example.org/a b"}, "REPO_URL", "https://example.org/a b"),
    ({"REPO_URL": "ftp://example.org/"}, "REPO_URL", "ftp://example.org"),
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r?x=1"},
     "GITHUB_SERVER_URL/GITHUB_REPOSITORY", "https://github.com/o/r?x=1"),
])
def test_a_repository_that_is_not_a_plain_address_is_named_with_its_variable(environ, variable, value):
    url, error = settings.repository(environ)
    assert url == value
    assert str(error) == f'{variable}: "{value}" ' + REPO_HINT.format(variable=variable)
    assert settings.setting_errors(environ) == [error]
    assert untranslated(error.message) == []
    assert error.text("ar") == f"{variable}: {laid_out(error.message.say('ar'), 'ar')}"
    assert schema.ARABIC_LETTER.search(error.text("ar"))


def test_the_site_address_is_checked_from_the_build_or_the_environment():
    hint = ("is not a plain web address like https://OWNER.github.io/REPO/; set SITE_URL to the address the site is "
            "published at, or unset it")
    assert settings.site_url_error(None) is None and settings.site_url_error("http://127.0.0.1:8000/a-b/") is None
    error = settings.site_url_error("https://x/<b>")
    assert str(error) == f'SITE_URL: "https://x/<b>" {hint}' and untranslated(error.message) == []
    assert settings.setting_errors({"SITE_URL": "https://x/<b>"}) == [error]
    # The value the build uses wins over the environment's, both ways.
    assert settings.setting_errors({"SITE_URL": "https://x/<b>"}, site_url="https://example.org/") == []
    assert settings.setting_errors({"SITE_URL": "https://example.org/"}, site_url="https://x/<b>") == [error]
    both = settings.setting_errors({"REPO_URL": "x", "SITE_URL": "y"})
    assert [e.variable for e in both] == ["REPO_URL", "SITE_URL"]


def test_settings_are_read_from_the_process_environment_by_default(monkeypatch):
    monkeypatch.setenv("REPO_URL", "https://example.org/r/")
    monkeypatch.setenv("SITE_URL", "bad")
    assert settings.repository() == ("https://example.org/r", None)
    assert [e.variable for e in settings.setting_errors()] == ["SITE_URL"]


# ---------------------------------------------------------------- the schema's own rules


def refusal(model, value) -> tuple[str, str, tuple]:
    """(kind, message, where) of the one error a model gives for a value."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(value)
    (error,) = caught.value.errors()
    return error["type"], error["msg"], error["loc"]


AR_TEXT = "نص عربي"


@pytest.mark.parametrize("value", ["sham-legion", "a", "a1-2b", "x" * schema.MAX_ID])
def test_ids_of_lower_case_letters_digits_and_single_hyphens_pass(value):
    assert schema.Gap.model_validate({"id": value, "topic": {"en": "t", "ar": AR_TEXT},
                                      "text": {"en": "t", "ar": AR_TEXT}, "paras": [1]}).id == value


@pytest.mark.parametrize("value", ["Sham", "-a", "a-", "a--b", "a b", "a_b", ""])
def test_other_ids_are_refused_with_the_rule(value):
    kind, message, _ = refusal(schema.ActorGroup, {"id": value, "title": {"en": "t", "ar": AR_TEXT}})
    assert (kind, message) == ("bad_id", schema.MESSAGES["bad_id"].format(value=value))


@pytest.mark.parametrize("value", ["2017-01-23", "2017-02", "2016-02-29"])
def test_real_days_and_months_pass(value):
    assert schema.Correction.model_validate({"date": value, "text": {"en": "t", "ar": AR_TEXT}}).date == value


@pytest.mark.parametrize("value", ["2017-13", "2017-02-30", "2017-1-32", "2017", "17-01-01", "2017-01-01T00:00",
                                   "2017-00", "x2017-01"])
def test_other_dates_are_refused_with_the_formats(value):
    event = {"id": "e", "date": value, "text": {"en": "t", "ar": AR_TEXT}, "paras": [1]}
    assert refusal(schema.Event, event)[:2] == ("bad_date", schema.MESSAGES["bad_date"].format(value=value))
    # A correction's date is the day of the fix: its message does not offer a month.
    assert refusal(schema.Correction, {"date": value, "text": {"en": "t", "ar": AR_TEXT}})[:2] == (
        "bad_day", schema.MESSAGES["bad_day"].format(value=value))


@pytest.mark.parametrize("value, padded", [("2017-1-5", "2017-01-05"), ("2017-2", "2017-02"), ("2017-02-2", "2017-02-02")])
def test_a_real_date_with_one_digit_parts_is_refused_with_its_written_form(value, padded):
    event = {"id": "e", "date": value, "text": {"en": "t", "ar": AR_TEXT}, "paras": [1]}
    assert refusal(schema.Event, event)[:2] == (
        "unpadded_date", schema.MESSAGES["unpadded_date"].format(value=value, padded=padded))


@pytest.mark.parametrize("text, kind", [
    ({"en": " ", "ar": AR_TEXT}, "empty_en"), ({"en": "a ب", "ar": AR_TEXT}, "arabic_in_en"),
    ({"en": "a", "ar": "\t"}, "empty_ar"), ({"en": "a", "ar": "abc 123"}, "no_arabic"),
])
def test_each_language_holds_its_own_letters(text, kind):
    assert refusal(schema.Text, text)[:2] == (kind, schema.MESSAGES[kind])


@pytest.mark.parametrize("value, word, letter, script", [
    ("Jаysh al-Islam", "Jаysh", "а", "LATIN"),  # a Cyrillic а among Latin letters
    ("جيش a الإسلام جيشa", "جيشa", "a", "ARABIC"),
    ("Аbc", "Аbc", "А", "LATIN"),  # the word's main alphabet is its most frequent one
    ("ab Ωmega", "Ωmega", "Ω", "LATIN"),
])
def test_a_word_in_two_alphabets_is_refused_naming_the_odd_letter(value, word, letter, script):
    assert schema.mixed_word(value) == (word, letter, script)
    field = "en" if script == "LATIN" else "ar"
    other = {"en": "a", "ar": AR_TEXT}
    kind, message, _ = refusal(schema.Text, {**other, field: value})
    name = f"U+{ord(letter):04X} {__import__('unicodedata').name(letter)}"
    assert (kind, message) == ("mixed_script", schema.MESSAGES["mixed_script"].format(
        word=word, letter=letter, script=script, name=name))


@pytest.mark.parametrize("value", ["Jaysh al-Islam", "ʿAbd al-Rahman", "جيش الإسلام", "بـ‍ـدر", "Mosul 2017",
                                   "é-à", "Jaysh/جيش"])
def test_marks_digits_modifier_letters_and_punctuation_join_any_word(value):
    assert schema.mixed_word(value) is None


def test_alphabet_is_the_first_word_of_a_letter_name_and_none_for_the_rest():
    assert [schema.alphabet(ch) for ch in "aЖبΩ1-ʿ"] == ["LATIN", "CYRILLIC", "ARABIC", "GREEK", None, None, None]
    assert schema.mixed_word("Аb") == ("Аb", "b", "CYRILLIC")  # a tie: the first letter's alphabet is the main one


def test_an_alias_may_not_hold_the_roster_separator():
    value = "Jaysh | Army"
    kind, message, _ = refusal(schema.Aliases, {"en": [value], "ar": []})
    assert (kind, message) == ("separator_in_alias", schema.MESSAGES["separator_in_alias"].format(value=value))


EVENT = {"id": "e", "text": {"en": "t", "ar": AR_TEXT}, "paras": [1]}
PLACED = {"en": "after", "ar": AR_TEXT}


@pytest.mark.parametrize("fields, kind, field", [
    ({}, "undated_unplaced", None),
    ({"date": "2017-01-01", "placement": PLACED}, "dated_and_placed", "placement"),
    ({"date": "2017-01-02", "until": "2017-01-02"}, "bad_until", "until"),
    ({"date": "2017-01-02", "until": "2017-01-01"}, "bad_until", "until"),
    ({"placement": PLACED, "until": "2017-01-01"}, "bad_until", "until"),
    ({"date": "2017-01-02", "until": "2017-02"}, "until_precision", "until"),
])
def test_an_event_is_dated_or_placed_and_its_until_follows_its_date_alike(fields, kind, field):
    with pytest.raises(ValidationError) as caught:
        schema.Event.model_validate({**EVENT, **fields})
    (error,) = caught.value.errors()
    assert (error["type"], error["msg"]) == (kind, schema.MESSAGES[kind])
    assert (error.get("ctx") or {}).get(schema.BLAMED_FIELD) == field


@pytest.mark.parametrize("fields", [{"date": "2017-01"}, {"placement": PLACED},
                                    {"date": "2017-01-02", "until": "2017-01-03"}, {"date": "2017-01", "until": "2017-02"}])
def test_events_dated_or_placed_pass(fields):
    assert schema.Event.model_validate({**EVENT, **fields}).id == "e"


def test_the_page_check_says_in_full_what_is_wrong_with_each_call(data_and_docs):
    data = load_data(ROOT / "data")
    count = len(data.source.paragraphs)
    gaps = sorted(g.id for g in data.gaps.gaps)
    long_link = "javascript:" + "a" * 40
    lines = {
        "{{ cite([1]) }}": None, f"{{{{ cite([{count}]) }}}}": None, "{{ roster_downloads(false) }}": None,
        "{{ cite([true]) }}": "cite(…): cite needs a list of paragraph numbers, like cite([3, 7])",
        "{{ cite([0]) }}": f"cite(…): paragraph 0 does not exist: the source has paragraphs 1 to {count}",
        f"{{{{ cite([{count + 1}]) }}}}": f"cite(…): paragraph {count + 1} does not exist: the source has paragraphs 1 to {count}",
        "{{ gap(3) }}": f'gap(…): this argument must be an id in quotes, like "{gaps[0]}"',
        '{{ gap("nosuch") }}': f'gap(…): "nosuch" is not a gap id; use one of: {", ".join(gaps)}',
        f'<a href="{long_link}">x</a>': f'the link href="{long_link[:30]}" is not a web address; link to a page of the '
                                        "site or to https://…",
        "<iframe></iframe>": "the HTML element <iframe> is not allowed in a page; remove it (pages hold text, links "
                             "and the site's macros)",
        '<p style="x">x</p>': 'the attribute style="…" is not allowed (the site\'s stylesheet sets the look); remove '
                              "it, or use a class",
    }
    page = data_and_docs / "docs/en/about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n")
    first = text.count("\n") + 3
    page.write_text(text + "\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    expected = [f"docs/en/about.md:{first + 2 * i}:1: {message}" for i, message in enumerate(lines.values()) if message]
    assert sorted(str(e) for e in refusals(data_and_docs)) == sorted(expected)


def test_an_unclosed_call_is_said_whole_with_the_parser_reason_at_its_line(data_and_docs):
    page = data_and_docs / "docs/en/camps.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + '\n\n{{ gap("host") \n'
    page.write_text(text, encoding="utf-8")
    (error,) = refusals(data_and_docs)
    start = "a {{ }} or {% %} here is not closed or not a macro call ("
    assert str(error).startswith(f"docs/en/camps.md:{error.line}:1: {start}") and error.line >= text.count("\n") - 1
    assert str(error).endswith("); write macro calls as {{ name(…) }}")
    assert len(str(error)) > len(f"docs/en/camps.md:{error.line}:1: {start}); write macro calls as {{{{ name(…) }}}}")
    assert untranslated(error.message) == []


@pytest.mark.parametrize("written, message", [
    ("{{ search_box(1) }}", "search_box(…) takes nothing; correct the call"),
    ("{{ roster_downloads(true, 1) }}", "roster_downloads(…) takes flag; correct the call"),
    ("{{ gap(\"host\", *x) }}", "gap(…) takes gap; correct the call"),
    ("{{ gap(\"host\", **x) }}", "gap(…) takes gap; correct the call"),
    ("{{ gap(\"host\", x=1) }}", "gap(…) takes gap; correct the call"),
])
def test_a_call_with_the_wrong_arguments_is_told_what_the_macro_takes(data_and_docs, written, message):
    page = data_and_docs / "docs/en/about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + written + "\n"
    page.write_text(text, encoding="utf-8")
    assert [str(e) for e in refusals(data_and_docs)] == [f"docs/en/about.md:{text.count(chr(10))}:1: {message}"]


def macros_comment_delimiters() -> tuple[str, str]:
    """mkdocs.yml's comment delimiters for mkdocs-macros (its !ENV tags read as nothing)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    (macros,) = [p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p]
    return macros["j2_comment_start_string"], macros["j2_comment_end_string"]


def test_a_page_comment_is_read_with_the_build_s_delimiters(data_and_docs):
    """What mkdocs-macros skips as a comment the page check skips too, and only that: the comment ends at
    mkdocs.yml's end delimiter, not at Jinja's default `#}` written inside it."""
    start, end = macros_comment_delimiters()
    page = data_and_docs / "docs/en/about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n")
    page.write_text(f"{text}\n\n{start} a draft #}} {{{{ nosuch( {end}\n", encoding="utf-8")
    load_data(data_and_docs / "data")
    page.write_text(f"{text}\n\n{start} a draft {end} {{{{ nosuch() }}}}\n", encoding="utf-8")
    assert [e.message.split(";")[0] for e in refusals(data_and_docs)] == ['there is no macro "nosuch"']


def test_a_call_is_still_checked_when_its_ids_cannot_be_read(data_and_docs):
    """With gaps.yml unreadable there are no gap ids to offer, but a gap call with a number is still refused,
    with a neutral example, next to the YAML error (not a crash)."""
    (data_and_docs / "data/gaps.yml").write_text("gaps: [\n", encoding="utf-8")
    page = data_and_docs / "docs/en/about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n{{ gap(3) }}\n"
    page.write_text(text, encoding="utf-8")
    found = [str(e) for e in refusals(data_and_docs)]
    assert f'docs/en/about.md:{text.count(chr(10))}:1: gap(…): this argument must be an id in quotes, like "id"' in found
    assert any(e.startswith("data/gaps.yml:") for e in found)


def test_a_position_after_a_blank_first_line_counts_that_line(data_and_docs):
    """A page that opens with an empty line: a call at the start of line 2 is at 2:1 (the newline at index 0
    counts, and begins that line)."""
    page = data_and_docs / "docs/en/about.md"
    page.write_text("\n{{ nosuch() }}\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    found = [str(e) for e in refusals(data_and_docs) if "nosuch" in str(e)]
    assert [e.split(": ", 1)[0] for e in found] == ["docs/en/about.md:2:1"]


def test_a_section_past_the_last_paragraph_is_refused_at_its_number(data_and_docs):
    path = data_and_docs / "data/source.yml"
    text = path.read_text(encoding="utf-8")
    count = len(yaml.safe_load(text)["paragraphs"])
    at = text.rindex("first_paragraph: ") + len("first_paragraph: ")
    text = text[:at] + str(count + 1) + text[text.index("\n", at):]
    path.write_text(text, encoding="utf-8")
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert [str(e) for e in refusals(data_and_docs)] == [
        f"data/source.yml:{line}:{col}: first_paragraph {count + 1} must be after the previous section's and at most "
        f"{count}; correct it"]


def test_a_call_cut_short_by_a_closing_brace_in_its_text_is_refused(data_and_docs):
    """`{{ gap("}}") }}` parses as a page, but the call the page check reads ends at the first `}}`."""
    page = data_and_docs / "docs/en/about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + '\n\n{{ gap("}}") }}\n'
    page.write_text(text, encoding="utf-8")
    assert [str(e) for e in refusals(data_and_docs)] == [
        f"docs/en/about.md:{text.count(chr(10))}:1: only a macro call may stand between {{{{ and }}}}, like "
        "{{ cite([3]) }}; correct it"]


def test_a_page_listed_twice_is_refused_at_its_second_id(data_and_docs):
    path = data_and_docs / "data/pages.yml"
    text = path.read_text(encoding="utf-8")
    pages = yaml.safe_load(text)["pages"]
    text = text.replace(f"id: {pages[1]['id']}\n", f"id: {pages[0]['id']}\n", 1)
    path.write_text(text, encoding="utf-8")
    at = text.index(f"id: {pages[0]['id']}\n", text.index(f"id: {pages[0]['id']}\n") + 1) + len("id: ")
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert f'data/pages.yml:{line}:{col}: the page "{pages[0]["id"]}" is listed twice; keep one entry' in [
        str(e) for e in refusals(data_and_docs)]
