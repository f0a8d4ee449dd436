"""A build is all or nothing: the validator's checks (data and settings) run first, with one line per problem and
never a traceback; a build that fails at any later step leaves the previous site as it was (or none), and no
partial folder beside it (explainer/publish/hooks.py builds into `.SITE.partial-XXXX` and renames it into place)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.data.settings import setting_errors

from .conftest import ROOT, run_main, copy_project, mkdocs_build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".partial-" in p.name or ".old-" in p.name) if parent.is_dir() else []


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def without_purgecss(project: Path) -> None:
    """node_modules as the real one minus PurgeCSS: the build then fails in its post-build, after every page,
    the search index and the fonts are written."""
    (project / "node_modules").unlink()
    (project / "node_modules").mkdir()
    for entry in (ROOT / "node_modules").iterdir():
        if entry.name != "purgecss":
            (project / "node_modules" / entry.name).symlink_to(entry)


def test_a_build_replaces_the_site_whole_and_a_late_failure_leaves_it_untouched(project, tmp_path):
    out = tmp_path / "out"
    site = out / "site"
    site.mkdir(parents=True)
    (site / "stale.html").write_text("from an older build", encoding="utf-8")

    good = mkdocs_build(project, site)
    assert good.returncode == 0, good.stdout + good.stderr
    assert not (site / "stale.html").exists()  # moved in whole, not written over the old one
    assert (site / "index.html").is_file() and (site / "ar" / "index.html").is_file()
    assert leftovers(out) == []
    # Readable as any folder made here is (a private temporary folder would hide the site from a web server).
    (out / "probe").mkdir()
    assert site.stat().st_mode & 0o777 == (out / "probe").stat().st_mode & 0o777
    before = snapshot(site)

    without_purgecss(project)
    bad = mkdocs_build(project, site)
    assert bad.returncode != 0
    assert "purgecss" in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
    assert snapshot(site) == before
    assert leftovers(out) == []


def test_a_strict_warning_after_the_post_build_leaves_no_site(project, tmp_path):
    """MkDocs aborts on strict-mode warnings only after the post-build events, where the site is moved in."""
    with (project / "docs" / "en" / "about.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [nowhere](nowhere.md).\n")
    out = tmp_path / "out"
    result = mkdocs_build(project, out / "site")
    assert result.returncode != 0 and "strict mode" in result.stdout + result.stderr, result.stdout + result.stderr
    assert not (out / "site").exists()
    assert leftovers(out) == []


def test_bad_data_stops_the_build_before_anything_is_written(project, tmp_path):
    path = project / "data" / "factions.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('["Faylaq al-Sham"]', '["Faylaq | Sham"]', 1), encoding="utf-8")
    out = tmp_path / "out"
    result = mkdocs_build(project, out / "site")
    assert result.returncode != 0
    assert 'data/factions.yml:' in result.stderr and 'the alias "Faylaq | Sham" contains "|"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "site").exists() and leftovers(out) == []


def test_an_interrupted_build_leaves_no_partial_folder(tmp_path):
    """Ctrl-C skips on_build_error; MkDocs' `build` command still calls on_shutdown in its `finally`."""
    from explainer.publish import hooks

    partial = tmp_path / ".site.partial-test"
    (partial / "en").mkdir(parents=True)
    hooks._state.update(partial=partial, final=tmp_path / "site")
    hooks.on_shutdown()
    assert leftovers(tmp_path) == [] and "partial" not in hooks._state


# ---------------------------------------------------------------- settings

BAD_SETTINGS = {
    "REPO_URL": {"REPO_URL": "javascript:alert(1)"},
    "GITHUB_SERVER_URL/GITHUB_REPOSITORY": {"GITHUB_SERVER_URL": "https://github.com",
                                            "GITHUB_REPOSITORY": 'someone/site" onclick="x'},
    "SITE_URL": {"SITE_URL": "javascript://example.org/%0aalert(1)/"},
}


def clean_env(**extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REPO_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY",
                                                             "SITE_URL", "GITHUB_ACTIONS")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


@pytest.mark.parametrize("variable", BAD_SETTINGS)
def test_a_bad_setting_stops_the_build_in_one_line(variable, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out / "site")], cwd=ROOT,
                            env=clean_env(**BAD_SETTINGS[variable]), capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if f"{variable}: " in line]
    assert len(lines) == 1 and "is not a plain web address" in lines[0] and "; set " in lines[0], result.stderr
    assert not (out / "site").exists()


@pytest.mark.parametrize("variable, env", [
    *BAD_SETTINGS.items(),
    # MkDocs refuses these itself before any hook runs (the second with a traceback); `make build` validates first.
    ("SITE_URL", {"SITE_URL": "example.org/astana/"}),
    ("SITE_URL", {"SITE_URL": "http://[x/"}),
])
def test_the_validator_names_a_bad_setting(variable, env):
    result = run_main("explainer.tools.validate", env=clean_env(**env))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [line.split(":", 1)[0] for line in result.stderr.splitlines()[:-1]] == [variable], result.stderr
    assert [str(e) for e in setting_errors(env)] == result.stderr.splitlines()[:-1]


@pytest.mark.parametrize("env", [
    {},
    {"REPO_URL": "https://git.example.org/a/b/"},
    {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "someone/astana-2017"},
    {"SITE_URL": "https://someone.github.io/astana-2017/"},
    {"SITE_URL": "http://127.0.0.1:8000/astana-2017"},
])
def test_plain_addresses_pass(env):
    assert setting_errors(env) == []


def test_the_makefile_validates_before_it_builds_or_serves():
    """MkDocs reads SITE_URL before any hook runs: only the validator can name it for every bad value."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("build", "serve"):
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert recipe.index("explainer.tools.validate") < recipe.index("mkdocs "), target
