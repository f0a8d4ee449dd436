"""Property-based fuzzing of data/: the real files, mutated as a careless editor or an attacker would (values,
types, keys, indentation, characters, whole lines). For every case:

- the validator either accepts the data or lists problems, each one line `data/FILE.yml:LINE:COL: …` at a line
  that exists, with no control character; never any other exception (a traceback), never a hang;
- the real build runs on the same data, in this process: `mkdocs.commands.build.build`, the function
  `mkdocs build --strict` calls, with the site's config, plugins, hooks, theme and post-build steps. It must
  agree with the validator: succeed when the data was accepted, stop with no site when it was refused.

Each kind of mutation must have had cases of both outcomes. The number of cases comes from the Hypothesis
profile (tests/conftest.py): "fast" for `make check`, "ci" for `make test`, "full" by hand.
"""
from __future__ import annotations

import random
import re
import shutil
import string
from pathlib import Path
from collections import Counter

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from explainer.data import schema
from explainer.data.errors import DataErrors
from explainer.data.loader import STRINGS_DIR, _walk
from explainer.pages.site import load_data

from .conftest import ROOT, copy_project, mkdocs_build, full_tier_only

FILES = [*schema.CONTENT_FILES, *(f"{STRINGS_DIR}/{lang}.yml" for lang in schema.LANGUAGES)]
ORIGINAL = {name: (ROOT / "data" / name).read_text(encoding="utf-8") for name in FILES}
LINE = re.compile(r"(?:data/[^\s:]+\.yml|docs/[a-z]+/[^\s:]+\.md):(\d+):(\d+): \S.*")

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


# ---------------------------------------------------------------- the real build, in process


def real_build(project: Path, site: Path) -> BaseException | None:
    """`mkdocs build --strict` in this process; None when it succeeded, else what stopped it (a refusal is an
    Abort; anything else would be a crash, and is raised)."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as exc:
        return exc
    finally:
        config.plugins.on_shutdown()
    return None


# ---------------------------------------------------------------- one case


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    full_tier_only()
    return copy_project(tmp_path_factory.mktemp("fuzz") / "project")


def check(project: Path, name: str, text: str | bytes) -> bool:
    """Write one mutated file, validate, build for real; True if the data was accepted."""
    path = project / "data" / name
    site = project.parent / "site"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    try:
        try:
            load_data(project / "data")
            accepted = True
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
            accepted = False
        shutil.rmtree(site, ignore_errors=True)
        stopped = real_build(project, site)
        assert (stopped is None) == accepted, f"the validator {'accepted' if accepted else 'refused'} the data, " \
                                              f"the build {'failed: ' + repr(stopped) if stopped else 'passed'}"
        if not accepted:
            assert not site.exists(), "a refused build left a site"
        event("accepted and built" if accepted else "refused by both, with data/FILE.yml:LINE:COL lines")
        return accepted
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
# The number of cases is the profile's (tests/conftest.py); a real build takes seconds, so no deadline.
settings_ = settings(deadline=None, derandomize=True, database=None, phases=[Phase.generate, Phase.shrink],
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
OUTCOMES: dict[str, Counter] = {}


def outcome(kind: str, accepted: bool) -> None:
    OUTCOMES.setdefault(kind, Counter())[accepted] += 1


@settings_
@given(name=files, seed=st.integers(0, 10**6), value=SCALARS, append=st.booleans())
def test_values_and_types(project, name, seed, value, append):
    """A value replaced (by another type, a hostile string…), or a text with something added to its end."""
    data = yaml.safe_load(ORIGINAL[name])
    paths = list(_paths(data))
    texts = [(p, v) for p, v in paths if isinstance(v, str)]
    if append and texts:  # a text an editor lengthened: most such cases are valid, and must come out escaped
        path, old = random.Random(seed).choice(texts)
        value = old + (value if isinstance(value, str) else str(value))
    else:
        path, old = random.Random(seed).choice(paths)
    outcome("values_and_types", check(project, name, _dump(_set(data, path, value))))


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
    outcome("keys_and_entries", check(project, name, _dump(data)))


@settings_
@given(name=files, seed=st.integers(0, 10**6), shift=st.integers(-4, 4))
def test_indentation(project, name, seed, shift):
    lines = ORIGINAL[name].split("\n")
    i = random.Random(seed).randrange(len(lines))
    lines[i] = " " * max(0, shift) + lines[i][max(0, -shift):] if shift >= 0 else lines[i][min(-shift, len(lines[i]) - len(lines[i].lstrip())):]
    outcome("indentation", check(project, name, "\n".join(lines)))


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
    outcome("characters", check(project, name, text))


@settings_
@given(name=files, seed=st.integers(0, 10**6),
       raw=st.one_of(st.binary(min_size=1, max_size=4), st.sampled_from(["x", "é", "ب", "\u00a0", "\u0640"]).map(str.encode)))
def test_bytes(project, name, seed, raw):
    encoded = ORIGINAL[name].encode("utf-8")
    i = random.Random(seed).randrange(len(encoded))
    outcome("bytes", check(project, name, encoded[:i] + raw + encoded[i:]))


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
    outcome("whole_lines", check(project, name, "\n".join(lines)))


def test_each_kind_of_mutation_had_cases_accepted_and_refused():
    """Run after the six properties (pytest keeps a file's order): a kind whose cases are all refused (or all
    accepted) tests one side only."""
    full_tier_only()
    kinds = [name.removeprefix("test_") for name, f in globals().items()
             if name.startswith("test_") and hasattr(f, "hypothesis")]
    missing = [kind for kind in kinds if not (OUTCOMES.get(kind, {}).get(True) and OUTCOMES.get(kind, {}).get(False))]
    assert not missing, f"kinds with no accepted or no refused case: {missing} ({OUTCOMES})"


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
