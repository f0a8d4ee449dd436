"""The editors' documents stay true: CONTRIBUTING.md and CONTRIBUTING.ar.md describe every data file, quote the
validator's messages as it prints them today, and link only to files that exist; the issue form and its config
validate against GitHub's schemas; the pull-request template asks for the editor's checklist in both languages.

The error examples in the guides are not typed from memory: each one below breaks a copy of data/ the way an editor
might, runs the validator, and checks that the guides quote exactly what it prints (line and column aside, since
the data moves as editors work) — and that every message the guides quote comes from one of these recipes.
"""
from __future__ import annotations

import io
import unicodedata
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from explainer.data import schema

from explainer.tools import validate
from explainer.data.loader import STRINGS_DIR

from . import sample_faction as sample

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GUIDES = {"en": ROOT / "CONTRIBUTING.md", "ar": ROOT / "CONTRIBUTING.ar.md"}
ISSUE_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
ISSUE_FORM = ISSUE_DIR / "report-a-mistake.yml"
ISSUE_CONFIG = ISSUE_DIR / "config.yml"
PR_TEMPLATE = ROOT / ".github" / "pull_request_template.md"

# `data/FILE.yml:LINE:COL: message`, as the validator prints one problem per line.
MESSAGE = re.compile(r"^(data/[\w./ -]+?):(\d+):(\d+): (.+)$")


@dataclass(frozen=True)
class Breakage:
    """One typical mistake: in data/FILE, replace the first `old` with `new` (or create FILE holding `new`)."""

    file: str
    old: str | None
    new: str


# The mistakes the guides show, by the name of their section. Each must make the validator print at least one
# message, and the guides must quote every message it prints for them.
BREAKAGES = {
    # the first `aliases:` of an entry, whatever it holds
    "misspelt-key": Breakage("factions.yml", "\n    aliases: ", "\n    alias: "),
    "missing-ar": Breakage("factions.yml", sample.LINE, f'name: {{en: "{sample.EN}"}}'),
    "empty-ar": Breakage("factions.yml", sample.LINE, f'name: {{en: "{sample.EN}", ar: ""}}'),
    "wrong-camp": Breakage("factions.yml", "    camp: attended", "    camp: atended"),
    "paragraph-out-of-range": Breakage("factions.yml", "    paras: [3]", "    paras: [15]"),
    "tab-indentation": Breakage("factions.yml", "    camp: attended", "\tcamp: attended"),
    "tab-after-colon": Breakage("factions.yml", "    camp: attended", "    camp:\tattended"),
    "yaml-syntax": Breakage("factions.yml", sample.LINE, sample.LINE[:-2] + "}"),
    "duplicate-id": Breakage("factions.yml", "  - id: sultan-murad-division", "  - id: sham-legion"),
    "bidi-control": Breakage("factions.yml", f'name: {{en: "{sample.EN}"', f'name: {{en: "{sample.EN_HEAD}\u202e {sample.EN_TAIL}"'),
    "zero-width": Breakage("factions.yml", f'ar: "{sample.AR}"', f'ar: "{sample.AR_HEAD}\u200b {sample.AR_TAIL}"'),
    # An Arabic letter in its presentation form: the name's first letter in its initial form (NFKC folds it back).
    "presentation-form": Breakage("factions.yml", f'ar: "{sample.AR}"', f'ar: "{sample.PRESENTATION_FORM}"'),
    "unknown-file": Breakage("faction.yml", None, "factions: []\n"),
    "bad-date": Breakage("events.yml", 'date: "2016-12-30"', 'date: "2016-12-32"'),
}


def messages_for(breakage: Breakage, tmp_path: Path, lang: str = "en") -> list[str]:
    """What `python -m explainer.tools.validate` prints for data/ with this one mistake (the problem lines only)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    target = copy / breakage.file
    if breakage.old is None:
        target.write_text(breakage.new, encoding="utf-8")
    else:
        text = target.read_text(encoding="utf-8")
        assert breakage.old in text, f"data/{breakage.file} no longer holds {breakage.old!r}: update BREAKAGES"
        target.write_text(text.replace(breakage.old, breakage.new, 1), encoding="utf-8")
    err = io.StringIO()
    with redirect_stderr(err):
        status = validate.main(["--lang", lang, str(copy)])
    assert status == 1, f"the validator accepted data/ with this mistake: {breakage}"
    return [line for line in err.getvalue().splitlines() if MESSAGE.match(line)]


def quoted_messages(guide: Path) -> list[str]:
    """Every validator message a guide quotes: a line of its own inside a code block."""
    found, in_code = [], False
    for line in guide.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        elif in_code and MESSAGE.match(line.strip()):
            found.append(line.strip())
    return found


def masked(message: str) -> str:
    """A message without what moves when data/ is edited: its LINE:COL, any "line N" inside it and the line it quotes."""
    # The isolates that lay an Arabic message out right to left in a terminal are invisible: a guide shows the text.
    message = re.sub("[\u2066-\u2069]", "", message)
    file, _, _, text = MESSAGE.match(message).groups()
    # The line a message quotes (`name: {en: "…"}`) holds a faction's name, which an editor may have changed.
    text = re.sub(r"\(`[^`]*`\)", "(`…`)", text)
    return f"{file}:LINE:COL: " + re.sub(r"\bline \d+", "line N", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list[str]]:
    """What the validator prints today for each mistake in BREAKAGES."""
    return {name: messages_for(b, tmp_path_factory.mktemp(name)) for name, b in BREAKAGES.items()}


@pytest.fixture(scope="module")
def printed_ar(tmp_path_factory) -> dict[str, list[str]]:
    """The same, as `--lang ar` prints it (the Arabic guide may show these beside the English)."""
    return {name: messages_for(b, tmp_path_factory.mktemp(name), "ar") for name, b in BREAKAGES.items()}


@pytest.mark.parametrize("lang", GUIDES)
@pytest.mark.parametrize("name", BREAKAGES)
def test_guides_quote_what_the_validator_prints(printed, printed_ar, name, lang):
    assert printed[name], f"the mistake {name!r} makes the validator print no data/… line"
    quoted = {masked(m) for m in quoted_messages(GUIDES[lang])}
    # The Arabic guide gives each message in Arabic (`make validate lang=ar`) and in English (the CI log).
    expected = printed[name] + (printed_ar[name] if lang == "ar" else [])
    missing = [m for m in expected if masked(m) not in quoted]
    assert not missing, (
        f"{GUIDES[lang].name} does not quote what the validator prints today for {name!r}; "
        f"put these lines in its code block for that mistake: {missing}"
    )


@pytest.mark.parametrize("lang", GUIDES)
def test_every_message_in_the_guides_is_printed_today(printed, printed_ar, lang):
    today = {masked(m) for lines in [*printed.values(), *printed_ar.values()] for m in lines}
    quoted = quoted_messages(GUIDES[lang])
    assert quoted, f"{GUIDES[lang].name} quotes no validator message"
    stale = [m for m in quoted if masked(m) not in today]
    assert not stale, (
        f"{GUIDES[lang].name} quotes messages that no mistake in BREAKAGES produces today (reworded, or an example "
        f"with no recipe): {stale}"
    )


# ---------------------------------------------------------------- every data file, every field, in both guides


def code_spans(markdown: str) -> set[str]:
    """`code` and <code …>code</code>, the two ways the guides mark a field name."""
    return set(re.findall(r"`([^`\n]+)`", markdown)) | set(re.findall(r"<code[^>]*>(.*?)</code>", markdown))


def section_about(guide: Path, data_file: str) -> str | None:
    """The text under the heading that names data/<data_file>, down to the next heading of the same level."""
    lines = guide.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        heading = re.match(r"^(#+) ", line)
        if heading and f"data/{data_file}" in code_spans(line):
            level, body = len(heading.group(1)), []
            for following in lines[i + 1 :]:
                other = re.match(r"^(#+) ", following)
                if other and len(other.group(1)) <= level:
                    break
                body.append(following)
            return "\n".join(body)
    return None


def field_names(model: type) -> set[str]:
    """Every field an editor may write in a file of this shape. The shapes every file shares (a text in both
    languages, other spellings, a claim) are explained once at the top of the section, not in each table."""
    # Name: a Text held to a name's length; KeyPoint(Text): a Claim (a Text) held to a key point's words; NavText:
    # a Text held to a menu label's length.
    shared = (schema.Text, schema.Name, schema.Aliases, schema.Claim, schema.KeyPoint, schema.KeyPointText,
              schema.NavText)
    names: set[str] = set()

    def nested(annotation):
        if isinstance(annotation, type) and issubclass(annotation, schema.BaseModel):
            yield annotation
        for arg in getattr(annotation, "__args__", ()) or ():  # list[X], X | None, Annotated[list[X], …]
            yield from nested(arg)

    def walk(m: type) -> None:
        for name, info in m.model_fields.items():
            names.add(name)
            for inner in nested(info.annotation):
                if inner not in shared and inner is not m:
                    walk(inner)

    walk(model)
    return names


def data_files() -> list[str]:
    return sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_the_data_files_are_the_ones_the_site_reads():
    # So "every file in data/" below is also every file the loader knows; a new kind of file needs a section.
    known = set(schema.CONTENT_FILES) | {f"{STRINGS_DIR}/{lang}.yml" for lang in schema.LANGUAGES}
    assert set(data_files()) == known


@pytest.mark.parametrize("lang", GUIDES)
@pytest.mark.parametrize("data_file", data_files())
def test_every_data_file_is_described_field_by_field(data_file, lang):
    section = section_about(GUIDES[lang], data_file)
    assert section is not None, f"{GUIDES[lang].name} has no heading naming `data/{data_file}`"
    model = schema.CONTENT_FILES.get(data_file)
    if model is None:  # interface strings: keys of their own, no fields
        return
    missing = sorted(field_names(model) - code_spans(section))
    assert not missing, f"{GUIDES[lang].name}, section data/{data_file}: these fields are not described: {missing}"


def test_field_names_finds_nested_fields():
    # The check above is only as good as this walk: it must reach fields two levels down.
    assert {"camps", "reasons", "quotes", "delegation", "technical_team", "chosen_by"} <= field_names(schema.CampsFile)
    assert "en" not in field_names(schema.FactionsFile)


# ---------------------------------------------------------------- links


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: tags and Markdown marks dropped, lower case, punctuation removed (letters,
    marks, digits, underscores, hyphens and spaces kept), spaces turned into hyphens."""
    text = re.sub(r"<[^>]+>", "", heading)
    text = text.replace("`", "").replace("*", "")
    text = "".join(ch for ch in text.lower() if ch in "- _" or ch.isalnum() or unicodedata.category(ch).startswith("M"))
    return text.replace(" ", "-")


def anchors(guide: Path) -> set[str]:
    found: set[str] = set()
    in_code = False
    for line in guide.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        heading = re.match(r"^#+ (.+?)\s*$", line)
        if heading and not in_code:
            slug = github_slug(heading.group(1))
            n, candidate = 0, slug
            while candidate in found:
                n += 1
                candidate = f"{slug}-{n}"
            found.add(candidate)
    return found


def links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown) + re.findall(r'href="([^"]+)"', markdown)


@pytest.mark.parametrize("document", [*GUIDES.values(), PR_TEMPLATE])
def test_links_point_to_files_and_headings_that_exist(document):
    text = document.read_text(encoding="utf-8")
    targets = links(text)
    broken = []
    for target in targets:
        if re.match(r"^[a-z]+:", target):
            continue  # web addresses are not checked here
        path, _, fragment = target.partition("#")
        if path and not (document.parent / path).exists():
            broken.append(target)
        elif not path and fragment not in anchors(document):
            broken.append(target)
    assert not broken, f"{document.name}: links to nothing: {broken}"


def test_github_slug_matches_githubs_anchors():
    assert github_slug("Editing in GitHub’s web editor") == "editing-in-githubs-web-editor"
    assert github_slug("A missing `ar`") == "a-missing-ar"
    assert github_slug("لغة YAML في خمس دقائق") == "لغة-yaml-في-خمس-دقائق"


def test_readme_links_both_guides():
    targets = links((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "CONTRIBUTING.md" in targets and "CONTRIBUTING.ar.md" in targets


# ---------------------------------------------------------------- issue form, its config, pull-request template


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; run `make setup-test` (it is in requirements-test.txt)")
    return found


@pytest.mark.parametrize(
    ("path", "builtin"),
    [(ISSUE_FORM, "vendor.github-issue-forms"), (ISSUE_CONFIG, "vendor.github-issue-config")],
    ids=["issue-form", "issue-config"],
)
def test_issue_templates_match_githubs_schemas(path, builtin):
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", builtin, str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def form_element(element_id: str) -> dict:
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    return next(e for e in form["body"] if e.get("id") == element_id)


def test_issue_form_offers_every_page_in_both_languages():
    from explainer.pages.site import load_data

    options = form_element("page")["attributes"]["options"]
    wanted = [f"{p.nav.en} · {p.nav.ar}" for p in load_data(DATA).pages.pages]
    assert [o for o in options if o in wanted] == wanted, (
        f"the page list of {ISSUE_FORM.name} must have every page of data/pages.yml, in its order: {wanted}"
    )


def test_issue_form_asks_for_what_the_source_says_and_the_language():
    assert form_element("source")["validations"]["required"]
    assert form_element("wrong")["validations"]["required"]
    assert form_element("language")["validations"]["required"]


def test_pull_request_template_has_the_checklist_in_both_languages():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    items = re.split(r"^- \[ \] ", text, flags=re.M)[1:]
    assert len(items) >= 4, "the checklist has fewer than four items"
    for item in items:
        item = item.split("\n\n")[0]
        assert re.search(r"[A-Za-z]{3}", item) and schema.ARABIC_LETTER.search(item), (
            f"a checklist item is not in both English and Arabic: {item!r}"
        )
    for needed in ("paras", "make validate", "make serve", "ar"):
        assert f"`{needed}`" in text or f"<code>{needed}</code>" in text, f"the checklist does not mention {needed}"
