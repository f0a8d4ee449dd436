""".github/CODEOWNERS leaves only the content unowned, by exact path, read with GitHub's rules (gitignore patterns,
the last matching line wins, a line without owners unowns); it is generated from data/pages.yml, the data files
and the languages, and `--check` says when it is out of date, or still names the placeholder team."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pathspec
import pytest
import yaml

from explainer.tools import codeowners

from explainer.data import schema
from explainer.data.loader import STRINGS_DIR, load_data

from .conftest import ROOT, needs_git_history

FILE = ROOT / codeowners.PATH


def rules(text: str) -> list[tuple[pathspec.GitIgnoreSpec, list[str]]]:
    """CODEOWNERS as (pattern, owners) pairs, in order, each pattern read as .gitignore reads it."""
    found = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *who = line.split()
            found.append((pathspec.GitIgnoreSpec.from_lines([pattern]), who))
    return found


def owners(path: str, read: list) -> list[str]:
    """GitHub's rule: the last pattern that matches wins (a pattern with no owners leaves the file unowned)."""
    found: list[str] = []
    for spec, who in read:
        if spec.match_file(path):
            found = who
    return found


def content() -> set[str]:
    """The content, from the validated data (not from the generator): the data files, their strings in each
    language, and each listed page in each language."""
    data = load_data(ROOT / "data")
    names = [*schema.CONTENT_FILES, *(f"{STRINGS_DIR}/{lang}.yml" for lang in schema.LANGUAGES)]
    pages = {f"docs/{lang}/{page.id}.md" for lang in schema.LANGUAGES for page in data.pages.pages}
    return {f"data/{name}" for name in names} | pages


def tracked() -> list[str]:
    return subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()


def hostile() -> list[str]:
    """Paths an editor's pull request could add that would be served, run or trusted: each must need review."""
    named = ["docs/en/x.md/evil.html", "docs/en/camps.md/evil.js", "docs/ar/new.md", "data/sub/x.yml",
             "data/x.yml.html", "docs/assets/x.js", ".github/workflows/x.yml", "explainer/x.py"]
    # And beside or inside every content file: a folder named like it, a file named like it with more after.
    derived = [f"{path}{tail}" for path in sorted(content()) for tail in ("/evil.js", "/a/b.html", ".html", "x")]
    new_pages = [f"docs/{lang}/new-page.md" for lang in schema.LANGUAGES]
    return list(dict.fromkeys(named + derived + new_pages))


@needs_git_history
def test_content_is_unowned_and_every_other_tracked_file_owned():
    read = rules(FILE.read_text(encoding="utf-8"))
    files = tracked()
    # Loaded once: the data loaded again for each of the tracked files made this the quick tier's slowest test.
    unowned = content()
    assert unowned <= set(files), "a content file is not tracked"
    for path in files:
        if path in unowned:
            assert owners(path, read) == [], f"{path} is content: an editor may change it without a code owner"
        else:
            assert owners(path, read), f"{path} has no code owner"


@pytest.mark.parametrize("path", hostile())
def test_a_hostile_path_is_owned(path):
    assert owners(path, rules(FILE.read_text(encoding="utf-8"))), f"{path} has no code owner"


def test_content_is_named_by_exact_path_never_a_pattern():
    text = FILE.read_text(encoding="utf-8")
    unowning = [line.split()[0] for line in text.splitlines()
                if line.strip() and not line.startswith("#") and len(line.split()) == 1]
    assert sorted(unowning) == sorted(f"/{path}" for path in content())
    assert "**" not in "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def test_the_committed_file_is_up_to_date():
    errors, _ = codeowners.problems(ROOT)
    assert errors == [], "\n".join(map(str, errors))


# ---------------------------------------------------------------- the command, on a copy


@pytest.fixture
def repo(tmp_path) -> Path:
    for name in ("data", ".github"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def run(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explainer.tools.codeowners", *args, str(root)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "GITHUB_ACTIONS": "", **env})


def set_owners(root: Path, who: str) -> int:
    """Write `who` on the `*` line by hand, as a maintainer would; returns the line's number."""
    path = root / codeowners.PATH
    line, _ = codeowners.owners_line(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = f"*  {who}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line


def test_a_new_page_makes_the_file_out_of_date_until_written(repo):
    set_owners(repo, "@my-org/site-maintainers")
    assert run(repo, "--write").returncode == 0
    pages = repo / "data/pages.yml"
    pages.write_text(pages.read_text(encoding="utf-8") + '  - id: new-page\n    nav: {en: "N", ar: "ن"}\n'
                     '    title: {en: "N", ar: "ن"}\n    description: {en: "N", ar: "ن"}\n', encoding="utf-8")
    checked = run(repo, "--check")
    want = codeowners.generate(repo, ["@my-org/site-maintainers"]).splitlines()
    have = (repo / codeowners.PATH).read_text(encoding="utf-8").splitlines()
    line = next(i for i, (a, b) in enumerate(zip(have, want), 1) if a != b)
    assert checked.returncode == 1
    assert checked.stderr.startswith(f"{codeowners.PATH}:{line}:1: this file is not what data/pages.yml")
    assert checked.stderr.rstrip().endswith("; run python -m explainer.tools.codeowners --write and commit it")
    assert run(repo, "--write").returncode == 0
    assert run(repo, "--check").returncode == 0
    written = rules((repo / codeowners.PATH).read_text(encoding="utf-8"))
    for lang in schema.LANGUAGES:
        assert owners(f"docs/{lang}/new-page.md", written) == []
        assert owners(f"docs/{lang}/new-page.md/x.js", written) == ["@my-org/site-maintainers"]
        assert owners("explainer/x.py", written) == ["@my-org/site-maintainers"]


def test_the_placeholder_is_warned_of_and_the_check_still_passes(repo):
    line = set_owners(repo, codeowners.PLACEHOLDER)
    plain, actions = run(repo, "--check"), run(repo, "--check", GITHUB_ACTIONS="true")
    assert plain.returncode == actions.returncode == 0
    assert plain.stderr.startswith(f"warning: {codeowners.PATH}:{line}:1: the owners are still the placeholder "
                                   f"{codeowners.PLACEHOLDER}, which GitHub ignores")
    assert actions.stderr.startswith(f"::warning file={codeowners.PATH},line={line},col=1::the owners are still")
    set_owners(repo, "@my-org/site-maintainers")
    assert run(repo, "--write").returncode == 0
    quiet = run(repo, "--check", GITHUB_ACTIONS="true")
    assert (quiet.returncode, quiet.stderr) == (0, "")


def test_an_owner_github_would_not_accept_is_an_error(repo):
    line = set_owners(repo, "my-org/site-maintainers")
    checked = run(repo, "--check")
    assert checked.returncode == 1
    assert f'{codeowners.PATH}:{line}:4: "my-org/site-maintainers" is not an owner GitHub accepts' in checked.stderr


def test_a_page_id_that_is_a_pattern_is_never_written(repo):
    pages = repo / "data/pages.yml"
    pages.write_text(pages.read_text(encoding="utf-8") + '  - id: "*"\n', encoding="utf-8")
    assert "*" not in codeowners.page_ids(repo)
    assert codeowners.content_files(repo) == codeowners.content_files(ROOT)


# ---------------------------------------------------------------- CI says so while the placeholder is there


def commands(lines: list[str]) -> str:
    found = [line for line in lines if "explainer.tools.codeowners" in line]
    assert found, "no step runs python -m explainer.tools.codeowners --check"
    return "\n".join(found)


def placeholder_now() -> bool:
    return codeowners.PLACEHOLDER in codeowners.owners_line(FILE.read_text(encoding="utf-8"))[1]


def run_script(script: str, **env: str) -> subprocess.CompletedProcess:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PATH": path, **env})


def test_the_workflow_warns_while_the_placeholder_is_there():
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    script = commands([line for run_ in runs for line in run_.splitlines()])
    # setup-python's `python` there, this venv's here.
    result = run_script(re.sub(r"^python3? ", f"{sys.executable} ", script, flags=re.M), GITHUB_ACTIONS="true")
    assert result.returncode == 0, result.stderr
    assert ("::warning file=.github/CODEOWNERS," in result.stderr) == placeholder_now()


def test_the_ci_script_warns_while_the_placeholder_is_there_and_still_passes():
    script = commands((ROOT / ".ci/run").read_text(encoding="utf-8").splitlines())
    result = run_script(script, GITHUB_ACTIONS="")
    assert result.returncode == 0, result.stderr
    assert ("warning: .github/CODEOWNERS:" in result.stderr) == placeholder_now()
