"""Shared fixtures: a real strict build of the site, served under a GitHub-Pages-like sub-path, and a browser."""
from __future__ import annotations

import contextlib
import functools
import http.server
import importlib
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import settings

from explainer.data.languages import CODES, DEFAULT
from explainer.data.loader import load_data

# Cases per property-based test: "fast" for `make check`, "ci" for `make test` (each case of the fuzz is a real
# build, a few seconds when the data is accepted), "full" by hand (HYPOTHESIS_PROFILE=full) for a long hunt.
settings.register_profile("fast", max_examples=8)
settings.register_profile("ci", max_examples=30)
settings.register_profile("full", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "astana-2017"
# The pages and languages as the site declares them (data/pages.yml, explainer/data/languages.py), never typed again.
PAGES = ["" if page.id == "index" else f"{page.id}/" for page in load_data(ROOT / "data").pages.pages]
LANGS = {code: "" if code == DEFAULT else f"{code}/" for code in CODES}
OUTPUT = ROOT / "test-output"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# `make check` (TEST_TIER=check) runs one build, the shared `site`, and what checks it in this process. A test
# that needs a build of its own (altered data or pages, other settings, another builder, the fuzz), an external
# checker (links, the Nu validator) or data ×100 is left to `make test`, the full suite.
QUICK = os.environ.get("TEST_TIER") == "check"


# mutmut's copy of the project (mutants/) has no git history: the few tests that read it skip there.
needs_git_history = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the repository's git history")


def full_tier_only(why: str = "builds of its own") -> None:
    if QUICK:
        pytest.skip(f"{why}: in `make test`, not in `make check`")


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None, shared: bool = False) -> subprocess.CompletedProcess:
    if not shared:
        full_tier_only()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True,
    )


def run_main(module: str, *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m MODULE ARGS` as a test sees it (exit status, stdout, stderr), run in this process: its main(argv)
    with the given folder and environment. A fresh interpreter spends most of a second importing before it starts,
    and the quick tier ran the validator and the change report that way dozens of times. An exception escapes to
    the test (a failure, as its traceback would be). The `python -m` entries themselves still run as written: the
    validator's as `make check`'s first step, the change report's in test_the_report_step_runs_as_written."""
    main = importlib.import_module(module).main
    out, err = io.StringIO(), io.StringIO()
    saved, here = dict(os.environ), os.getcwd()
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess([module, *args], code or 0, out.getvalue(), err.getvalue())


def copy_project(target: Path) -> Path:
    """A throw-away copy of the project (sharing node_modules) for builds with altered data."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "data", "explainer"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def base_url(port) -> str:
    return os.environ.get("MUTATION_URL") or f"http://127.0.0.1:{port}/{SUBPATH}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, base_url) -> Path:
    """The real site, built once with --strict, as the deploy workflow builds it (site_url with a sub-path).
    `make mutation` builds it once beforehand (MUTATION_SITE, at MUTATION_URL): each mutant's tests run in a fresh
    process, where a build would cost more than the tests. That site is built from the unmutated code; what the
    tests call on it (the output guard, the CSP) runs mutated."""
    if prebuilt := os.environ.get("MUTATION_SITE"):
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("serve") / SUBPATH
    result = mkdocs_build(ROOT, out, base_url, shared=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site, port, base_url):
    """Serves the parent of site/ so the site lives at /astana-2017/, as on a GitHub Pages project site."""
    handler = functools.partial(_Quiet, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base_url
    httpd.shutdown()


def page_path(lang: str, page: str) -> str:
    return LANGS[lang] + page


def html_file(site: Path, lang: str, page: str) -> Path:
    return site / LANGS[lang] / page / "index.html"


# ---------------------------------------------------------------- shared by several test files

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium calls hosts it cannot reach here (and a reader's page should not).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, never a downloaded one. Module-scoped: Playwright's sync API allows one instance at a
    time in a thread, so each browser test file has its own, closed before the next file starts."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def data_and_docs(tmp_path) -> Path:
    """data/ and docs/ copied side by side, so the loader checks the pages with the data."""
    target = tmp_path / "project"
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, target / name)
    return target
