"""Property-based fuzzing of data/: the real files, mutated as a careless editor or an attacker would (values,
types, keys, indentation, characters, whole lines). For every case:

- the loader either accepts the data or lists problems, each one line `data/FILE.yml:LINE:COL: …` at a line
  that exists, with no control character; never any other exception (a traceback), never a hang;
- when it accepts the data, every page of both languages renders (every macro in docs/, the page metadata and
  every interface string), so "the validator passes" means "the build passes";
- a sample of cases is also built for real with `mkdocs build --strict`, which must agree with the validator
  and leave no site behind when it fails.

Hypothesis prints the case count per test with `--hypothesis-show-statistics`; `make benchmark` does not run this.
"""
from __future__ import annotations

import random
import re
import shutil
import string
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from explainer import glue, hooks, interface, schema
from explainer.errors import DataErrors
from explainer.loader import STRINGS_DIR, _walk
from explainer.site import load_data
from explainer.strings import t

from .conftest import ROOT, copy_project, mkdocs_build

FILES = [*schema.CONTENT_FILES, *(f"{STRINGS_DIR}/{lang}.yml" for lang in schema.LANGUAGES)]
ORIGINAL = {name: (ROOT / "data" / name).read_text(encoding="utf-8") for name in FILES}
LINE = re.compile(r"(?:data/[^\s:]+\.yml|docs/[a-z]+/[^\s:]+\.md):(\d+):(\d+): \S.*")
CASES = 500  # per mutation kind below; six kinds, so 3,000 cases in all

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "{{ 7 * 7 }}",
    "{% raw %}", "{n}", "{count.__class__}", "{0}", "{", "}", "*x*", "[a](javascript:alert(1))", "\u202e", "\u200b",
    "\x07", "\x00", "ﻻ", "e\u0301", "\n::add-mask::x\n", "%0A", "---", "- a", "a: b", "&x", "*x", "!!python/object:os.system",
    "\ufeff", "", " ", "0x1F", "1e400", ".inf", "~", "null", "true", "2017-02-30", "2017-02", "9" * 50,
]
SCALARS = st.one_of(
    st.sampled_from(HOSTILE), st.text(max_size=30), st.integers(), st.floats(allow_nan=True),
    st.booleans(), st.none(), st.just([]), st.just({}), st.lists(st.integers(min_value=-2, max_value=20), max_size=3),
)


# ---------------------------------------------------------------- rendering everything, in process


class _Config(dict):
    __getattr__ = dict.get


def render_everything(project: Path) -> None:
    """What a build does with the data: every macro call in docs/, both languages; each page's metadata; every
    interface string with the values the code fills in. Raises whatever a renderer raises."""
    config = _Config(config_file_path=str(project / "mkdocs.yml"), site_url="http://127.0.0.1/astana-2017/")
    data = glue.site_data(config)
    fake = SimpleNamespace(conf=config, page=None, macros={})

    def macro(function):
        fake.macros[function.__name__] = function
        return function

    fake.macro = macro
    glue.register(fake)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, comment_start_string="{##", comment_end_string="##}")
    for lang in schema.LANGUAGES:
        for doc in sorted((project / "docs" / lang).glob("*.md")):
            page_id = doc.stem
            url = "" if page_id == "index" else f"{page_id}/"
            url = url if lang == "en" else f"{lang}/{url}"
            fake.page = SimpleNamespace(file=SimpleNamespace(src_uri=f"{lang}/{doc.name}", abs_src_path=str(doc)),
                                        url=url, meta={})
            env.from_string(doc.read_text(encoding="utf-8")).render(**fake.macros)
            hooks.on_page_markdown("", fake.page, config, None)
        for key in interface.KEYS:
            t(data, lang, key, **{name: "x" for name in interface.PLACEHOLDERS.get(key, ()) if name != "n"},
              **({"n": 2} if "n" in interface.PLACEHOLDERS.get(key, ()) else {}))


# ---------------------------------------------------------------- one case


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "project")


def check(project: Path, name: str, text: str | bytes) -> bool:
    """Write one mutated file, load, and render; True if the data was accepted."""
    path = project / "data" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    try:
        try:
            load_data(project / "data")
        except DataErrors as exc:
            assert exc.errors, "an error report with no error"
            for error in exc.errors:
                line = str(error)
                assert LINE.fullmatch(line), line
                assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in line), line
                assert error.col >= 1 and error.line >= 1
                if error.file == f"data/{name}":
                    lines = path.read_bytes().count(b"\n") + 1
                    assert error.line <= lines + 1, (line, lines)
            event("refused with data/FILE.yml:LINE:COL lines")
            return False
        render_everything(project)
        event("accepted and rendered")
        return True
    finally:
        path.write_text(ORIGINAL[name], encoding="utf-8")


# ---------------------------------------------------------------- mutations


_paths = _walk  # every (path, value) of a file, as the loader walks it


def _set(root, path, value):
    if not path:
        return value
    parent = root
    for seg in path[:-1]:
        parent = parent[seg]
    parent[path[-1]] = value
    return root


def _dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)


files = st.sampled_from(FILES)
settings_ = settings(max_examples=CASES, deadline=5000, derandomize=True, database=None,
                     phases=[Phase.generate, Phase.shrink],
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@settings_
@given(name=files, seed=st.integers(0, 10**6), value=SCALARS)
def test_values_and_types(project, name, seed, value):
    data = yaml.safe_load(ORIGINAL[name])
    path, _ = random.Random(seed).choice(list(_paths(data)))
    check(project, name, _dump(_set(data, path, value)))


@settings_
@given(name=files, seed=st.integers(0, 10**6), key=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)),
       action=st.sampled_from(["rename", "delete", "add", "duplicate-item", "delete-item"]))
def test_keys_and_entries(project, name, seed, key, action):
    data = yaml.safe_load(ORIGINAL[name])
    rng = random.Random(seed)
    mappings = [(p, v) for p, v in _paths(data) if isinstance(v, dict) and v]
    lists = [(p, v) for p, v in _paths(data) if isinstance(v, list) and v]
    if action in ("rename", "delete", "add") and mappings:
        _, mapping = rng.choice(mappings)
        old = rng.choice(list(mapping))
        if action == "rename":
            mapping[key] = mapping.pop(old)
        elif action == "delete":
            del mapping[old]
        else:
            mapping[key] = rng.choice(HOSTILE)
    elif lists:
        _, items = rng.choice(lists)
        index = rng.randrange(len(items))
        if action == "duplicate-item":
            items.insert(index, items[index])
        else:
            del items[index]
    check(project, name, _dump(data))


@settings_
@given(name=files, seed=st.integers(0, 10**6), shift=st.integers(-4, 4))
def test_indentation(project, name, seed, shift):
    lines = ORIGINAL[name].split("\n")
    i = random.Random(seed).randrange(len(lines))
    lines[i] = " " * max(0, shift) + lines[i][max(0, -shift):] if shift >= 0 else lines[i][min(-shift, len(lines[i]) - len(lines[i].lstrip())):]
    check(project, name, "\n".join(lines))


@settings_
@given(name=files, seed=st.integers(0, 10**6),
       char=st.one_of(st.characters(), st.sampled_from(list("\t\r\x00\x07\x1b\u202e\u2066\u200b\ufeff\ufe8d:{}[]&*!|>'\"#%@`-"))),
       action=st.sampled_from(["insert", "replace", "delete"]))
def test_characters(project, name, seed, char, action):
    text = ORIGINAL[name]
    i = random.Random(seed).randrange(len(text))
    if action == "insert":
        text = text[:i] + char + text[i:]
    elif action == "replace":
        text = text[:i] + char + text[i + 1:]
    else:
        text = text[:i] + text[i + 1:]
    check(project, name, text)


@settings_
@given(name=files, seed=st.integers(0, 10**6), raw=st.binary(min_size=1, max_size=4))
def test_bytes(project, name, seed, raw):
    encoded = ORIGINAL[name].encode("utf-8")
    i = random.Random(seed).randrange(len(encoded))
    check(project, name, encoded[:i] + raw + encoded[i:])


@settings_
@given(name=files, seed=st.integers(0, 10**6), action=st.sampled_from(["delete", "duplicate", "swap", "blank", "truncate"]))
def test_whole_lines(project, name, seed, action):
    lines = ORIGINAL[name].split("\n")
    rng = random.Random(seed)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if action == "delete":
        del lines[i]
    elif action == "duplicate":
        lines.insert(i, lines[i])
    elif action == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif action == "blank":
        lines[i] = ""
    else:
        lines = lines[: i]
    check(project, name, "\n".join(lines))


# ---------------------------------------------------------------- the build agrees with the validator


def _sample_cases() -> list[tuple[str, str, str]]:
    """(file, old, new): edits that pass and edits that fail, across files and kinds."""
    return [
        ("factions.yml", '"Sham Legion"', '"<b>Sham</b> {{ 7*7 }} {n}"'),
        ("i18n/en.yml", '"Technical team"', '"Tech <script>x</script> team"'),
        ("pages.yml", '"Timeline"', '"Time\\u200eline"'),
        ("events.yml", '"2017-01-25"', '"2017-01-23"'),
        ("factions.yml", "paras: [", "paras: [.inf, "),
        ("i18n/en.yml", "{faction}", "{faction.__class__}"),
        ("places.yml", "Astana", "Ast\u202eana"),
        ("corrections.yml", "corrections:", "# corrections:"),
    ]


@pytest.mark.parametrize("name, old, new", _sample_cases())
def test_build_agrees_with_the_validator(tmp_path, name, old, new):
    project = copy_project(tmp_path / "project")
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} is no longer in {name}; pick another edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        load_data(project / "data")
        valid = True
    except DataErrors:
        valid = False
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert (result.returncode == 0) == valid, result.stderr[-2000:]
    assert "Traceback" not in result.stdout + result.stderr
    if not valid:
        assert not site.exists()
        shown = [line for line in result.stderr.splitlines() if line.startswith("data/")]
        assert shown and all(LINE.fullmatch(line) for line in shown)
