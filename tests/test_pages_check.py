"""Pages in docs/ hold prose and macro calls with literal arguments, nothing that runs; each id a call names
exists; each page has its twin and its data/pages.yml entry. Reported like data errors, before any build."""
from __future__ import annotations

from pathlib import Path

import pytest

from explainer.data.errors import DataErrors
from explainer.pages.site import load_data
from explainer.pages.pages_check import check_pages
from explainer.pages.registry import MACROS
from explainer.data.languages import CODES

from .conftest import ROOT, copy_project, mkdocs_build


@pytest.fixture
def project(data_and_docs) -> Path:
    return data_and_docs


def add_line(project: Path, page: str, line: str) -> int:
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n") - 0  # the added line's number


def errors(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_data(project / "data")
    return [str(e) for e in caught.value.errors]


def test_the_real_pages_pass():
    load_data(ROOT / "data")


@pytest.mark.parametrize("written, col, message", [
    ('{{ gap("hots") }}', 1, 'gap(…): "hots" is not a gap id; use one of: '),
    ("{{ cite([99]) }}", 1, "cite(…): paragraph 99 does not exist: the source has paragraphs 1 to "),
    ('{{ cite("3") }}', 1, "cite(…): cite needs a list of paragraph numbers, like cite([3, 7])"),
    ("{{ nosuch() }}", 1, 'there is no macro "nosuch"; use one of: actors, '),
    ('{{ quote(speaker="x") }}', 1, "quote(…) takes quote; correct the call"),
    ("{{ config.site_url }}", 1, "only a macro call may stand between {{ and }}, like {{ cite([3]) }}; remove the rest"),
    ("{{ no_such_variable }}", 1, 'there is no macro "no_such_variable"; use one of: actors, '),
    ("{{ gaps_list }}", 1, "gaps_list is a macro: call it with brackets, like {{ gaps_list() }}"),
    ("{{ cycler.__init__.__globals__.os.getcwd() }}", 1, "only a macro call may stand between {{ and }}"),
    ('{{ gap("host") | safe }}', 1, "only a macro call may stand between {{ and }}"),
    ("{% set x = 1 %}", 1, "{% %} is not allowed in a page;"),
    ("text <script>alert(1)</script>", 6, "the HTML element <script> is not allowed in a page;"),
    ('<img src="a.png" onerror="alert(1)">', 1, 'the attribute onerror="…" would run a script; remove it'),
    ('<a href="javascript:alert(1)">x</a>', 1, 'the link href="javascript:alert(1)" is not a web address;'),
    ('<p style="color:red">x</p>', 1, 'the attribute style="…" is not allowed'),
    ('{{ roster_downloads("no") }}', 1, "roster_downloads(…): this argument must be true or false"),
])
def test_what_a_page_may_not_hold(project, written, col, message):
    line = add_line(project, "en/about.md", written)
    found = errors(project)
    assert len(found) == 1 and found[0].startswith(f"docs/en/about.md:{line}:{col}: {message}"), found


def test_a_macro_name_typed_wrong_says_the_one_meant(project):
    """The walk typed {{ reason("attended") }}: the list of every macro did not say which one was meant."""
    meant = max(MACROS, key=len)
    line = add_line(project, "ar/reasons.md", f"{{{{ {meant[:-1]} }}}}")
    assert errors(project) == [f'docs/ar/reasons.md:{line}:1: there is no macro "{meant[:-1]}"; did you mean '
                               f'"{meant}"? Correct the spelling']


def test_the_position_of_a_call_later_in_a_line(project):
    line = add_line(project, "ar/names.md", 'نص {{ gap("none") }}')
    assert errors(project)[0].startswith(f"docs/ar/names.md:{line}:4: gap(…): ")


def test_an_unclosed_call(project):
    line = add_line(project, "en/camps.md", '{{ gap("host") ')
    found = errors(project)
    assert len(found) == 1 and found[0].startswith("docs/en/camps.md:") and "not closed" in found[0]
    assert int(found[0].split(":")[1]) >= line - 1


def test_a_page_without_its_twin(project):
    (project / "docs/ar/outlook.md").unlink()
    assert errors(project) == ["docs/en/outlook.md:1:1: this page has no ar twin; add docs/ar/outlook.md"]


def test_a_page_without_its_entry_and_an_entry_without_a_page(project):
    for lang in ("en", "ar"):
        (project / "docs" / lang / "outlook.md").rename(project / "docs" / lang / "prospects.md")
    text = (project / "data/pages.yml").read_text(encoding="utf-8")
    line = text[: text.index("id: outlook")].count("\n") + 1
    assert errors(project) == [
        'data/pages.yml:1:1: the page "prospects" (docs/en/prospects.md) has no entry here; add one with id: prospects, nav, title and description',
        f'data/pages.yml:{line}:9: the entry "outlook" has no page in docs/; remove it, or add docs/en/outlook.md and its twin',
    ]


def test_a_removed_gap_that_a_page_still_names(project):
    path = project / "data/gaps.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: host")
    end = text.find("  - id:", start + 5)
    path.write_text(text[:start] + (text[end:] if end > 0 else ""), encoding="utf-8")
    found = errors(project)
    pages = [p for lang in ("en", "ar") for p in (project / "docs" / lang).glob("*.md")
             if 'gap("host")' in p.read_text(encoding="utf-8")]
    assert pages and len(found) == len(pages)
    assert all('"host" is not a gap id' in f for f in found)


def test_the_build_stops_with_the_same_message(tmp_path):
    project = copy_project(tmp_path / "project")
    line = add_line(project, "en/about.md", '{{ gap("hots") }}')
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0 and not site.exists()
    assert f'docs/en/about.md:{line}:1: gap(…): "hots" is not a gap id' in result.stderr
    assert "Traceback" not in result.stderr


def _checked(tmp_path, page: str):
    """check_pages on one page, the same in both languages; any id is accepted (no data given)."""
    docs = tmp_path / "docs"
    for lang in CODES:
        (docs / lang).mkdir(parents=True)
        (docs / lang / "p.md").write_text(page, encoding="utf-8")
    return check_pages(docs, {}, None, None, CODES)


def test_a_pages_layout_is_its_title_headings_and_calls_in_the_order_written(tmp_path):
    """The layout ("appears on" and the page's sections come from it): the title as "", each heading's id where it
    stands, a heading's id before the calls on its own line, a comment skipped and the calls after it kept."""
    page = ('# Title {#top}\n\nText {{ gap("host") }}.\n\n## {{ camp_heading("attended") }} {#attended}\n\n'
            '{{ gap("outcome") }}\n\n{## a note for editors ##}\n\n### Sub {#sub}\n\n{{ gap("strength") }} {{ cite([3, 7]) }}\n')
    errors, layouts = _checked(tmp_path, page)
    assert errors == []
    expected = ["", ("gap", ("host",)), "attended", ("camp_heading", ("attended",)), ("gap", ("outcome",)), "sub",
                ("gap", ("strength",)), ("cite", ((3, 7),))]
    assert all(layouts[lang]["p"] == expected for lang in CODES), layouts


def test_html_after_a_macro_call_is_checked_at_its_own_column_and_the_call_is_not_read_as_html(tmp_path):
    """The calls are blanked, not removed, before the HTML is read: what a call's argument holds is no HTML, and an
    element after it on the line is reported at its column in the file."""
    page = '# Title {#top}\n\nText {{ gap("<script>") }} and <script>x</script>\n'
    errors, _ = _checked(tmp_path, page)
    column = page.splitlines()[2].rindex("<script>") + 1
    assert [(e.line, e.col) for e in errors] == [(3, column)] * len(CODES), [str(e) for e in errors]


def test_twins_that_call_other_macros_are_told_which_calls_each_makes(tmp_path):
    """The message lists each page's calls as written (a list argument as its values), "-" for none."""
    docs = tmp_path / "docs"
    pages = {CODES[0]: '# T {#top}\n\n{{ gap("host") }} {{ cite([3, 7]) }}\n', CODES[1]: "# T {#top}\n\nText\n"}
    for lang, page in pages.items():
        (docs / lang).mkdir(parents=True)
        (docs / lang / "p.md").write_text(page, encoding="utf-8")
    errors, _ = check_pages(docs, {}, None, None, CODES[:2])
    assert [str(e) for e in errors] == [
        f"docs/{CODES[1]}/p.md:1:1: this page calls other macros than docs/{CODES[0]}/p.md (- here, gap('host'), "
        "cite((3, 7)) there); twin pages show the same facts: make the calls the same"]
