"""The output guard: what the build publishes is held to an allow-list, whatever the pages and data held.

explainer/pages/pages_check.py reads docs/*.md before the build for early messages, but the reader gets what Markdown,
its extensions (attr_list adds any attribute: `{: onclick="…" }`), the theme and the renderers make of them. So
once everything is written, every published file is checked, and the build fails with one line per problem, all
at once, naming the source page and line where the offending value can be found in it. explainer/publish/hooks.py runs it
just before explainer/publish/finish.py's last pass, which adds only its own fixed markup (the policy <meta>, the toggles'
form), which the lists below allow too: the finished site passes (tests/test_output_guard.py).
- its path must be one the site publishes (EXPECTED_FILES, the pages from data/pages.yml, the 404 pages);
- every .html is parsed as a browser does (lexbor, an HTML5 parser, through selectolax), once with scripting on
  (as readers have it: <noscript> holds text) and once with it off (as the noscript content would then be);
  every element and attribute must be in the lists below, derived from a build of the real site; no on…
  attribute, no style attribute; URLs only http, https, mailto or relative (after the character references are
  decoded by the parser and the WHATWG URL parser's stripping); no <base>, no <meta http-equiv="refresh">, no
  SVG animation; inline scripts only those of explainer/publish/csp.py's KNOWN_SCRIPTS, never inside the page's content;
- every .svg is parsed as XML (as a browser reads an SVG file) and held to the same SVG list, without a DOCTYPE.
"""
from __future__ import annotations

import html
import json
import re
import time
import xml.etree.ElementTree as ET
from fnmatch import fnmatchcase
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from explainer.publish.csp import known_script
from explainer.data.errors import DataError
from explainer.data.messages import LANGUAGES, M
from explainer.render.roster import CSV_NAME, DOWNLOADS, JSON_NAME
from explainer.render.summaries import file_name as summaries_file

# ---------------------------------------------------------------- the allow-list

# On any HTML element. The data-* ones are read by the theme's CSS, explainer.js or the search index's builder.
GLOBAL_ATTRIBUTES = frozenset({
    "class", "id", "lang", "dir", "title", "role", "hidden",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-current", "aria-hidden",
    "data-md-component", "data-pagefind-body", "data-pagefind-ignore",
})
# Each HTML element the built site holds, with the attributes it needs beyond the global ones.
HTML_ELEMENTS: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    # the document (Material's base.html and explainer/publish/theme/main.html)
    "html": (), "head": (), "title": (), "body": ("data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"),
    "meta": ("charset", "http-equiv", "content", "name", "property"),
    "link": ("rel", "href", "hreflang", "as", "type", "crossorigin"),
    "script": ("src", "defer", "type", "data-close"),  # data-close: the citation card's close label, for explainer.js
    "noscript": (),  # the search page's message for readers without scripts (render.search_box)
    # the masthead, menu, palette toggle and footer (main.html, partials/palette.html, explainer/publish/finish.py)
    "header": (), "nav": (), "main": (), "footer": (), "article": (), "aside": (), "section": (), "div": ("data-bundle", "data-label"),
    "form": ("autocomplete", "method"), "label": ("for",),
    "input": ("type", "form", "name", "placeholder", "autocomplete", "spellcheck", "data-md-toggle",
              "data-md-color-media", "data-md-color-scheme"),
    # prose and the renderers (explainer/render/html.py, figures.py, edit_links.py)
    "h1": (), "h2": (), "h3": (), "p": (), "a": ("href", "hreflang", "type", "download"), "strong": (), "span": (),
    "bdi": (), "cite": (), "code": (), "blockquote": (), "time": ("datetime",), "ul": (), "ol": (), "li": (),
    "dl": (), "dt": (), "dd": (), "figure": (), "figcaption": (), "details": (), "summary": (),
}.items()}
# What Markdown makes of plain prose that the pages do not use today: inert, and refusing it would fail an editor's
# `*emphasis*` or `#### heading`. The only entries tests/test_output_guard.py lets the real site not use.
PROSE_EXTRAS: dict[str, frozenset[str]] = {name: frozenset() for name in ("em", "h4", "h5", "h6", "br", "hr", "pre")}
ALLOWED_HTML = {**HTML_ELEMENTS, **PROSE_EXTRAS}
# SVG: Material's icons (svg, path) and docs/assets/favicon.svg (svg, rect, path, circle); the figures are HTML
# (explainer/render/figures.py). No <a>, <use>, <image>, <foreignObject>, no animation.
SVG_ELEMENTS: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    "svg": ("xmlns", "viewBox"),
    "rect": ("width", "height", "rx", "fill"),
    "path": ("d", "fill", "stroke", "stroke-width", "stroke-linejoin"),
    "circle": ("cx", "cy", "r", "fill"),
}.items()}
# Attributes whose value decides what the browser does, held to the values the site uses.
VALUES: dict[tuple[str, str], frozenset[str]] = {
    ("link", "rel"): frozenset({"alternate", "canonical", "icon", "next", "prev", "preload", "stylesheet"}),
    ("link", "as"): frozenset({"font"}),
    ("meta", "http-equiv"): frozenset({"content-security-policy"}),  # explainer/publish/csp.py's policy
    ("script", "type"): frozenset({"application/json"}),  # data for explainer.js, never run
    ("input", "type"): frozenset({"checkbox", "radio", "search"}),
    ("form", "method"): frozenset({"get"}),
}
# URL-valued attributes, checked wherever they appear (also those the list refuses anyway, for a clearer line).
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "cite",
                            "background", "ping", "longdesc", "manifest", "codebase", "archive", "data-bundle"})
SCHEMES = frozenset({"http", "https", "mailto"})
# Where the browser loads code or styles from, or explainer.js loads search from: a path within the site only.
SAME_SITE = {("script", "src"), ("link", "href"), ("div", "data-bundle")}
LOADING_RELS = frozenset({"stylesheet", "icon", "preload"})  # the link rels that load (the others only point)
META_URLS = frozenset({"og:url", "og:image", "twitter:image"})
ANIMATION = frozenset({"set", "animate", "animateMotion", "animateTransform", "animateColor", "discard"})

# Every file a build publishes, as patterns of its path in the site; pages and 404s come from data/pages.yml.
EXPECTED_FILES = (
    "assets/favicon.svg",  # mkdocs.yml theme.favicon
    "assets/images/favicon.png",  # Material's own default favicon, copied by the theme whatever is configured
    "assets/stylesheets/site.css",  # explainer/publish/slim.py
    "assets/javascripts/explainer.js",
    "assets/fonts/*.woff2",  # explainer/render/fonts.py
    f"{DOWNLOADS}/{CSV_NAME}", f"{DOWNLOADS}/{JSON_NAME}",  # explainer/render/roster.py
    *(summaries_file(lang) for lang in LANGUAGES),  # explainer/render/summaries.py: what a citation shows
    "sitemap.xml", "sitemap.xml.gz",  # MkDocs
    "assets/javascripts/search.js",  # docs/assets/javascripts/search.js: folding and ranking, loaded on searching
    "assets/javascripts/minisearch.js", "assets/search/*.json",  # explainer/publish/search_index.py
)

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))


class OutputRefused(ValueError):
    """The build wrote something the allow-list refuses; str() is one line per problem."""

    def __init__(self, problems: list[DataError]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# ---------------------------------------------------------------- URLs


def url_scheme(value: str) -> str | None:
    """The scheme the WHATWG URL parser would find: leading and trailing C0 controls and spaces stripped, every
    tab and newline removed anywhere (so "java\\tscript:" is javascript:); None for a relative URL."""
    value = re.sub(r"[\t\n\r]", "", value.strip(_C0_OR_SPACE))
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


def is_site_path(value: str) -> bool:
    """A relative URL that stays on this host: no scheme, and not "//host/…" (a backslash counts as a slash)."""
    value = re.sub(r"[\t\n\r]", "", value.strip(_C0_OR_SPACE))
    return url_scheme(value) is None and not (len(value) > 1 and value[0] in "/\\" and value[1] in "/\\")


def _urls(attribute: str, value: str) -> list[str]:
    if attribute == "srcset":  # "url 2x, url 640w": the first word of each candidate
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]


# ---------------------------------------------------------------- one parsed document


def _problems_of_element(tag: str, attrs: dict, svg: bool) -> list[M]:
    """What is wrong with one element and its attributes (not its content)."""
    found: list[M] = []
    allowed = SVG_ELEMENTS.get(tag) if svg else ALLOWED_HTML.get(tag)
    if tag == "base":
        found.append(M("<base> would change where every link of the page goes; remove it"))
    elif tag in ANIMATION:
        target = attrs.get("attributeName") or attrs.get("attributename") or ""
        found.append(M("the SVG animation <{element}> (of {target}) could turn a link into a script; remove it",
                       element=tag, target=target or "?"))
    elif allowed is None:
        found.append(M("the element <{element}> is not one the site uses; remove it", element=tag))
    known_element = allowed is not None  # an element already refused: its other attributes are not listed too
    rel = set((attrs.get("rel") or "").lower().split())
    for name, value in attrs.items():
        value = value or ""
        lower = name.lower()
        if lower.startswith("on"):
            found.append(M('the attribute {attribute}="…" on <{element}> would run a script; remove it',
                           attribute=name, element=tag))
            continue
        if lower == "style":
            found.append(M('the attribute style="…" on <{element}> is not allowed (the site\'s stylesheet sets the '
                           "look); remove it, or use a class", element=tag))
            continue
        if lower in URL_ATTRIBUTES:
            for url in _urls(lower, value):
                scheme = url_scheme(url)
                if scheme is not None and scheme not in SCHEMES:
                    found.append(M('the address {attribute}="{value}" on <{element}> is not a web address (only http:, '
                                   "https:, mailto: or a link within the site); correct it",
                                   attribute=name, value=value[:40], element=tag))
                elif (tag, lower) in SAME_SITE and (tag != "link" or rel & LOADING_RELS) and not is_site_path(url):
                    found.append(M('the address {attribute}="{value}" on <{element}> must be a file of the site; '
                                   "correct it", attribute=name, value=value[:40], element=tag))
        if not known_element:
            continue
        if name not in allowed and (svg or name not in GLOBAL_ATTRIBUTES):
            found.append(M('the attribute {attribute}="…" on <{element}> is not one the site uses; remove it',
                           attribute=name, element=tag))
            continue
        accepted = VALUES.get((tag, lower))
        if accepted is not None and not (set(value.lower().split()) <= accepted if lower == "rel"
                                         else value.strip().lower() in accepted):
            if tag == "meta" and value.strip().lower() == "refresh":
                found.append(M('<meta http-equiv="refresh"> would send the reader to another page; remove it'))
            else:
                found.append(M('the value {attribute}="{value}" on <{element}> is not one the site uses; remove it',
                               attribute=name, value=value[:40], element=tag))
    if tag == "meta" and (attrs.get("property") or attrs.get("name") or "").lower() in META_URLS:
        scheme = url_scheme(attrs.get("content") or "")
        if scheme is not None and scheme not in SCHEMES:
            found.append(M('the address {attribute}="{value}" on <{element}> is not a web address (only http:, '
                           "https:, mailto: or a link within the site); correct it",
                           attribute="content", value=(attrs.get("content") or "")[:40], element=tag))
    if svg:
        found += [M('the attribute {attribute}="…" on <{element}> points outside the drawing; remove it',
                    attribute=name, element=tag)
                  for name, value in attrs.items() if "url(" in (value or "").lower() and "url(#" not in (value or "").lower()]
    return found


def _script_problem(node, in_content: bool) -> M | None:
    attrs = node.attributes
    if "src" in attrs:
        return M("a script from a file inside the page's content; remove it") if in_content else None
    kind = (attrs.get("type") or "").strip().lower()
    if kind == "application/json" and not in_content:
        try:
            json.loads(node.text(deep=True))
            return None
        except ValueError:
            return M("a data block (<script type=\"application/json\">) that is not JSON; correct it")
    if in_content:
        return M("a script inside the page's content (pages hold prose, links and the site's macros); remove it")
    if known_script(node.text(deep=True)) is None:
        return M("an inline script that is not one of the theme's known scripts (explainer/publish/csp.py KNOWN_SCRIPTS); "
                 "remove it")
    return None


def _walk(node, svg: bool, in_content: bool, report) -> None:
    for child in node.iter(include_text=False):
        if child.is_comment_node:
            continue
        tag = child.tag
        inside_svg = svg or tag == "svg"
        attrs = dict(child.attributes)
        for problem in _problems_of_element(tag, attrs, inside_svg):
            report(problem, _needle(tag, attrs))
        if tag == "script":
            problem = _script_problem(child, in_content)
            if problem:
                report(problem, child.text(deep=True).strip()[:60] or "<script")
        _walk(child, inside_svg, in_content or tag == "article", report)


def _needle(tag: str, attrs: dict) -> str:
    """What to look for in the page's source to find this element: its most telling value, else its tag."""
    if tag in ANIMATION:
        return f"<{tag}"
    for name, value in attrs.items():
        if name.lower().startswith("on") or name.lower() in URL_ATTRIBUTES or name.lower() in ("style", "attributename"):
            return value or name
    return f"<{tag}"


def check_html(text: str, report) -> None:
    """report(message, needle) for each problem of one HTML document, as a browser with scripting on and off
    would build it (the HTML standard parses <noscript> by that flag, and only that)."""
    # Without a <noscript> tag the two parses are the same document: once is enough.
    for scripting in (True, False) if "noscript" in text.lower() else (True,):
        document = LexborHTMLParser(text, scripting=scripting)
        root = document.root
        for problem in _problems_of_element(root.tag, dict(root.attributes), False):
            report(problem, "<html")
        _walk(root, False, False, report)


def check_svg(text: str, report) -> None:
    """An SVG file is XML: an entity or stylesheet declared in it could add what the HTML parse would not see."""
    if re.search(r"<!DOCTYPE|<!ENTITY|<\?(?!xml\s)", text, re.I):
        report(M("an SVG file may not declare a DOCTYPE, entities or processing instructions; remove them"), "<!")
        return
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        report(M("this SVG file is not well-formed XML ({detail}); correct it", detail=str(exc)), "<svg")
        return
    for element in root.iter():
        namespace, _, tag = element.tag.rpartition("}")
        if namespace.lstrip("{") != "http://www.w3.org/2000/svg":
            report(M("the element <{element}> is not one the site uses; remove it", element=element.tag), "<")
            continue
        attrs = {_xml_name(k): v for k, v in element.attrib.items()}
        if tag == "svg" and element is root:
            attrs["xmlns"] = "http://www.w3.org/2000/svg"  # ElementTree folds the declaration into the names
        for problem in _problems_of_element(tag, attrs, True):
            report(problem, _needle(tag, attrs))


def _xml_name(name: str) -> str:
    return name.replace("{http://www.w3.org/1999/xlink}", "xlink:").replace("{http://www.w3.org/XML/1998/namespace}", "xml:")


# ---------------------------------------------------------------- the site


def _source(rel: str, docs_dir: Path, theme_dir: Path, project: Path) -> Path | None:
    """The file in the project a published file came from: docs/LANG/PAGE.md for a page, the theme's 404.html for
    a 404, the same path under docs/LANG/ or docs/ for a copied file."""
    parts = rel.split("/")
    lang = parts[0] if parts[0] in LANGUAGES[1:] else LANGUAGES[0]
    rest = "/".join(parts[1:]) if lang != LANGUAGES[0] else rel
    if rest == "404.html":
        candidates = [theme_dir / "404.html"]
    elif rest == "index.html" or (rest.endswith("/index.html") and rest.count("/") == 1):
        page = rest.removesuffix("index.html").rstrip("/") or "index"
        candidates = [docs_dir / lang / f"{page}.md"]
    else:
        candidates = []
    candidates += [docs_dir / lang / rest, docs_dir / rest]
    found = next((c for c in candidates if c.is_file()), None)
    return found.relative_to(project) if found and found.is_relative_to(project) else found


def _position(source_text: str, needle: str) -> tuple[int, int] | None:
    """Where the source holds the value (as written, or with characters written as references: &#x09;)."""
    if not needle:
        return None
    for candidate in (needle, html.escape(needle, quote=False), html.escape(needle)):
        index = source_text.find(candidate)
        if index >= 0:
            break
    else:
        reference = r"(?:&#[xX]?[0-9a-fA-F]+;?|&[A-Za-z]+;)"
        pattern = f"{reference}*".join(
            f"(?:{re.escape(ch)}|{reference})" if not ch.isalnum() else re.escape(ch) for ch in needle)
        match = re.search(pattern, source_text, re.I)
        if match is None:
            return None
        index = match.start()
    return source_text.count("\n", 0, index) + 1, index - (source_text.rfind("\n", 0, index) + 1) + 1


def expected_files(page_ids: list[str]) -> list[str]:
    pages = ["index.html" if page == "index" else f"{page}/index.html" for page in page_ids] + ["404.html"]
    return [prefix + page for prefix in ["", *(f"{lang}/" for lang in LANGUAGES[1:])] for page in pages]


def check_site(site_dir: Path, project: Path, docs_dir: Path, theme_dir: Path, page_ids: list[str]) -> list[DataError]:
    """Every problem of the built site, at once, each at its source where it can be found."""
    site_dir = Path(site_dir)
    problems: list[DataError] = []
    pages = set(expected_files(page_ids))
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        source = _source(rel, docs_dir, theme_dir, project)
        source_text = source_path_text(project, source)
        shown = str(source) if source else f"(site)/{rel}"

        def report(message, needle, rel=rel, source_text=source_text, shown=shown):
            line, col = _position(source_text, needle) or (1, 1)
            problems.append(DataError(shown, line, col, M("in the built {page}: {problem}", page=rel, problem=message)))

        if rel not in pages and not any(fnmatchcase(rel, pattern) for pattern in EXPECTED_FILES):
            report(M("this file is not one the site publishes (its pages, the theme's assets, the downloads and the "
                     "search index); remove it from docs/"), "")
        if path.suffix == ".html":
            check_html(path.read_text(encoding="utf-8", errors="replace"), report)
        elif path.suffix == ".svg":
            check_svg(path.read_text(encoding="utf-8", errors="replace"), report)
    return list(dict.fromkeys(problems))


def source_path_text(project: Path, source: Path | None) -> str:
    if source is None:
        return ""
    full = source if source.is_absolute() else project / source
    return full.read_text(encoding="utf-8", errors="replace")


def guard_site(site_dir: Path, project: Path, docs_dir: Path, theme_dir: Path, page_ids: list[str]) -> float:
    """Raise OutputRefused with every problem; returns the seconds the check took."""
    start = time.perf_counter()
    problems = check_site(site_dir, project, docs_dir, theme_dir, page_ids)
    if problems:
        raise OutputRefused(problems)
    return time.perf_counter() - start
