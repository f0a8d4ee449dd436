"""What the pages in docs/ may hold, checked with data/ before anything is built.

A page is prose (Markdown and plain HTML) plus calls of the site's macros with literal arguments:
`{{ gap("host") }}`, `{{ cite([3, 7]) }}`. mkdocs-macros runs a page as a Jinja template with Python behind
it, so anything more (`{% %}`, filters, attribute access, other names) could run code at build time; and raw
HTML could carry a script. Both are refused here, with the page, the line and the fix, like data errors.
Every id a call names must exist in data/, and every page must exist in both languages with its entry in
data/pages.yml, so a page can never fail to build for a reason the validator did not report. Twin pages have the
same sections (headings of the same levels and ids, in the same order), since the language switch keeps the
reader's place by section.
"""
from __future__ import annotations

import difflib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import jinja2
from jinja2 import nodes

from explainer.data.errors import DataError
from explainer.data.messages import M, code
from explainer.pages.registry import MACROS

# A page, as the checks and coverage.py read it: its macro calls and heading anchors, in order.
Call = tuple[str, tuple]  # ("gap", ("host",))
Anchor = str  # the id of a heading ("delegation"); "" for the page's title, which is the top of the page
Layout = list[Call | Anchor]
_REFUSED_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
                 "button", "textarea", "select", "base", "meta", "link", "template", "noscript"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
_UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


# A typographic quotation mark inside a macro call (`{{ quote(“id”) }}`, as a word processor types it).
_CURLY_IN_CALL = re.compile(r"\{\{[^}\n]*?([“”‘’«»„])")


def _jinja() -> jinja2.Environment:
    # The same delimiters as mkdocs.yml gives mkdocs-macros (headings use {#id}, which Jinja reads as a comment).
    return jinja2.Environment(comment_start_string="{##", comment_end_string="##}")


class _Html(HTMLParser):
    def __init__(self, report):
        super().__init__(convert_charrefs=True)
        self.report = report

    def handle_starttag(self, tag, attrs):
        line, offset = self.getpos()
        if tag in _REFUSED_TAGS:
            self.report(line, offset + 1, M("the HTML element <{tag}> is not allowed in a page; remove it "
                                            "(pages hold text, links and the site's macros)", tag=tag))
        for name, value in attrs:
            if name.startswith("on"):
                self.report(line, offset + 1, M('the attribute {name}="…" would run a script; remove it', name=name))
            elif name == "style":
                self.report(line, offset + 1, M('the attribute style="…" is not allowed (the site\'s stylesheet '
                                                "sets the look); remove it, or use a class"))
            elif name in _URL_ATTRS and value and _UNSAFE_URL.match(value):
                self.report(line, offset + 1, M('the link {name}="{value}" is not a web address; '
                                                "link to a page of the site or to https://…", name=name, value=value[:30]))


class _Ids:
    """The ids a macro argument may name, read from the raw data so this check runs whatever else is wrong."""

    def __init__(self, ids: dict[str, set], paragraph_count: int | None):
        self.ids = ids
        self.paragraph_count = paragraph_count

    def problem(self, kind: str, node) -> str | None:
        kind = kind.rstrip("?")
        if kind == "flag":
            return None if isinstance(node, nodes.Const) and isinstance(node.value, bool) else \
                M("this argument must be true or false")
        if kind == "paras":
            values = [item.value for item in node.items] if isinstance(node, nodes.List) and all(
                isinstance(item, nodes.Const) for item in node.items) else None
            if not values or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                return M("cite needs a list of paragraph numbers, like cite([3, 7])")
            count = self.paragraph_count
            wrong = [v for v in values if v < 1 or (count and v > count)]
            return M("paragraph {n} does not exist: the source has paragraphs 1 to {count}", n=wrong[0], count=count) \
                if wrong else None
        if not isinstance(node, nodes.Const) or not isinstance(node.value, str):
            return M('this argument must be an id in quotes, like "{example}"',
                     example=sorted(self.ids[kind])[0] if self.ids.get(kind) else "id")
        known = self.ids.get(kind)
        if known is not None and node.value not in known:
            return M('"{value}" is not a {kind} id; use one of: {known}', value=node.value, kind=kind,
                     known=", ".join(sorted(known)))
        return None


_BLOCK = re.compile(r"\{##.*?##\}|\{\{(.*?)\}\}|\{%.*?%\}", re.S)
# A Markdown heading with an explicit id, `## The delegation {#delegation}`; level 1 is the page's title.
_HEADING = re.compile(r"^(#{1,6})[ \t].*?\{#([A-Za-z0-9_-]+)\}[ \t]*$", re.M)


# Any Markdown heading (ATX), with or without an id: what the language switch hands the reader's place over by.
# Python-Markdown needs no space after the #s (`##Heading` is a section too), and takes at most six.
_ANY_HEADING = re.compile(r"^(#{1,6}).*?(?:\{#([A-Za-z0-9_-]+)\}[ \t]*)?$", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|\{##.*?##\}", re.M | re.S)


class Heading(NamedTuple):
    level: int
    anchor: str | None  # its {#id}; None when the heading has none (its id is then made from its words)
    line: int
    text: str  # as written


def _headings(text: str) -> list[Heading]:
    """The page's headings, in order; a `#` line in a code block or a {## ##} comment is none."""
    text = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return [Heading(len(m.group(1)), m.group(2), text.count("\n", 0, m.start()) + 1, m.group().strip())
            for m in _ANY_HEADING.finditer(text)]


def _section_errors(page: str, langs: tuple[str, str], headings: tuple[list[Heading], list[Heading]]) -> list[DataError]:
    """Twin pages have the same sections, in the same order and at the same levels: the language switch keeps the
    reader's place by section (explainer.js hands the heading's id over). A heading is matched by its level and its
    id (headings without an id by their level and place alone); each one without a counterpart is reported at its
    line, in whichever language it is."""
    keys = [[(h.level, h.anchor) for h in side] for side in headings]
    errors = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, *keys, autojunk=False).get_opcodes():
        mine, theirs = headings[0][a0:a1], headings[1][b0:b1]
        if tag == "equal":
            continue
        if len(mine) == len(theirs) and all(a.anchor and a.anchor == b.anchor for a, b in zip(mine, theirs)):
            errors += [_other_level(page, langs, first, second) for first, second in zip(mine, theirs)]
            continue
        errors += [_no_counterpart(page, lang, other, heading)
                   for lang, other, side in ((langs[0], langs[1], mine), (langs[1], langs[0], theirs)) for heading in side]
    return errors


def _other_level(page: str, langs: tuple[str, str], first: Heading, second: Heading) -> DataError:
    # Said once, in the second language's page, with the first's line: which of the two levels is meant is the
    # editor's choice.
    return DataError(f"docs/{langs[1]}/{page}", second.line, 1, M(
        "this heading is at level {level} ({marks}), its twin in docs/{other}/{page}:{line} at level {their_level} "
        "({their_marks}); the language switch keeps the reader's place by section: give both the same level",
        level=second.level, marks="#" * second.level, other=langs[0], page=page, line=first.line,
        their_level=first.level, their_marks="#" * first.level))


def _no_counterpart(page: str, lang: str, other: str, heading: Heading) -> DataError:
    markup = "#" * heading.level + " …" + (f" {{#{heading.anchor}}}" if heading.anchor else "")
    return DataError(f"docs/{lang}/{page}", heading.line, 1, M(
        "the section {heading} has no counterpart in docs/{other}/{page}: the language switch keeps the reader's "
        "place by section, so twin pages have the same sections, in the same order; add the same section to "
        "docs/{other}/{page} ({markup}, in its language), or remove it here",
        heading=code(heading.text), other=other, page=page, markup=code(markup)))


def _position(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _literal(node):
    if isinstance(node, nodes.List):
        return tuple(_literal(item) for item in node.items)
    return node.value if isinstance(node, nodes.Const) else None


def _call(expression: str) -> tuple[str, tuple] | None:
    """(macro, literal arguments) of a plain macro call, or None."""
    try:
        node = _jinja().parse("{{" + expression + "}}").body[0].nodes[0]
    except (jinja2.TemplateSyntaxError, IndexError, AttributeError):
        return None
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        return node.node.name, tuple(_literal(arg) for arg in node.args)
    return None


def _no_macro(name: str) -> str:
    """A macro name typed wrong (`reason` for `reasons`): the one meant, when one is close, as for ids and keys."""
    close = difflib.get_close_matches(name, MACROS, n=1, cutoff=0.75)
    if close:
        return M('there is no macro "{macro}"; did you mean "{close}"? Correct the spelling', macro=name, close=close[0])
    return M('there is no macro "{macro}"; use one of: {known}', macro=name, known=", ".join(sorted(MACROS)))


def _check_call(expression: str, ids: _Ids) -> str | None:
    """Why `{{ expression }}` is not a plain macro call with literal arguments, or None."""
    try:
        node = _jinja().parse("{{" + expression + "}}").body[0].nodes[0]
    except (jinja2.TemplateSyntaxError, IndexError, AttributeError):
        return M("only a macro call may stand between {{{{ and }}}}, like {{{{ cite([3]) }}}}; correct it")
    if isinstance(node, nodes.Name):  # a bare name: a macro without its brackets, or a variable that is not there
        if node.name in MACROS:
            return M("{macro} is a macro: call it with brackets, like {{{{ {macro}() }}}}", macro=node.name)
        return _no_macro(node.name)
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        return M("only a macro call may stand between {{{{ and }}}}, like {{{{ cite([3]) }}}}; remove the rest")
    macro = node.node.name
    if macro not in MACROS:
        return _no_macro(macro)
    kinds = MACROS[macro].args
    required = sum(1 for k in kinds if not k.endswith("?"))
    if node.kwargs or node.dyn_args or node.dyn_kwargs or not required <= len(node.args) <= len(kinds):
        shown = ", ".join(k.rstrip("?") for k in kinds) or M("nothing")
        return M("{macro}(…) takes {shown}; correct the call", macro=macro, shown=shown)
    for kind, arg in zip(kinds, node.args):
        problem = ids.problem(kind, arg)
        if problem:
            return M("{macro}(…): {problem}", macro=macro, problem=problem)
    return None


def _check_page(path: Path, name: str, ids: _Ids, layout: Layout) -> list[DataError]:
    errors: list[DataError] = []
    text = path.read_text(encoding="utf-8")

    def report(line: int, col: int, message: str) -> None:
        errors.append(DataError(name, line, col, message))

    curly = [m for m in _CURLY_IN_CALL.finditer(text)]
    if curly:
        # Jinja's own message gave an offset in the file, at column 1, in English only.
        return [DataError(name, *_position(text, m.start(1)), M(
            'the macro call has the typographic quotation mark {mark} here; use straight quotes " in macros, like '
            '{{{{ quote("buying-time") }}}}', mark=m.group(1))) for m in curly]
    try:
        _jinja().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        return [DataError(name, exc.lineno or 1, 1, M("a {{{{ }}}} or {{% %}} here is not closed or not a macro call "
                                                      "({detail}); write macro calls as {{{{ name(…) }}}}",
                                                      detail=exc.message or ""))]
    steps: list[tuple[int, Call | Anchor]] = [
        (text.rfind("\n", 0, m.start()) + 1, "" if len(m.group(1)) == 1 else m.group(2)) for m in _HEADING.finditer(text)]
    for match in _BLOCK.finditer(text):
        line, col = _position(text, match.start())
        if match.group().startswith("{##"):
            continue
        if match.group().startswith("{%"):
            report(line, col, M('{{% %}} is not allowed in a page; pages hold prose and macro calls like {{{{ gap("host") }}}}'))
            continue
        problem = _check_call(match.group(1), ids)
        if problem:
            report(line, col, problem)
        else:
            steps.append((match.start(), _call(match.group(1))))
    # A heading's anchor comes before the calls on its line: `## {{ camp_heading("attended") }} {#attended}`.
    layout += [step for _, step in sorted(steps, key=lambda s: (s[0], not isinstance(s[1], str)))]
    # The HTML around the macro calls, with the calls blanked out so positions stay those of the file.
    _Html(report).feed(_BLOCK.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text))
    return errors


def check_pages(docs: Path, ids: dict[str, set], paragraph_count: int | None,
                page_entries: dict[str, tuple[int, int]] | None,
                languages: tuple[str, ...]) -> tuple[list[DataError], dict[str, dict[str, Layout]]]:
    """Every problem in every page of docs/, at once; and each page's layout, per language (twins make the same
    calls and have the same sections; their headings' words differ)."""
    errors: list[DataError] = []
    checker = _Ids(ids, paragraph_count)
    names: dict[str, set[str]] = {}
    calls: dict[str, dict[str, list]] = {}
    broken: set[str] = set()  # pages with their own errors: their calls are not compared
    for lang in languages:
        folder = docs / lang
        # A folder named like a page is no page (explainer/pages/docs_files.py refuses it and what it holds).
        pages = sorted(p for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []
        names[lang] = {p.stem for p in pages}
        calls[lang] = {}
        for path in pages:
            calls[lang][path.stem] = []
            found = _check_page(path, f"docs/{lang}/{path.name}", checker, calls[lang][path.stem])
            if found:
                broken.add(path.stem)
            errors += found
    every = set().union(*names.values())
    first = languages[0]
    for lang in languages[1:]:
        for page in sorted(names[lang] & names[first]):
            errors += _section_errors(f"{page}.md", (first, lang), tuple(
                _headings((docs / each / f"{page}.md").read_text(encoding="utf-8")) for each in (first, lang)))
    for lang in languages:
        for page in sorted(every - names[lang]):
            other = next(lg for lg in languages if page in names[lg])
            errors.append(DataError(f"docs/{other}/{page}.md", 1, 1, M("this page has no {lang} twin; add docs/{lang}/{page}.md",
                                                                        lang=lang, page=page)))
        for page in sorted((names[lang] & names[first]) - broken) if lang != first else []:
            if _calls(calls[lang][page]) != _calls(calls[first][page]):
                shown = lambda cs: ", ".join(f"{m}({', '.join(map(repr, a))})" for m, a in cs) or "-"  # noqa: E731
                errors.append(DataError(f"docs/{lang}/{page}.md", 1, 1, M(
                    "this page calls other macros than docs/{first}/{page}.md ({mine} here, {theirs} there); twin "
                    "pages show the same facts: make the calls the same", first=first, page=page,
                    mine=shown(_calls(calls[lang][page])), theirs=shown(_calls(calls[first][page])))))
    if page_entries is not None:
        for page in sorted(every - page_entries.keys()):
            errors.append(DataError("data/pages.yml", 1, 1, M('the page "{page}" (docs/{lang}/{page}.md) has no entry '
                                                              "here; add one with id: {page}, nav, title and description",
                                                              page=page, lang=languages[0])))
        for page in sorted(page_entries.keys() - every):
            line, col = page_entries[page]
            errors.append(DataError("data/pages.yml", line, col, M('the entry "{page}" has no page in docs/; remove it, '
                                                                 "or add docs/{lang}/{page}.md and its twin",
                                                                 page=page, lang=languages[0])))
    return errors, calls


def _calls(layout: Layout) -> list[Call]:
    return [step for step in layout if not isinstance(step, str)]
