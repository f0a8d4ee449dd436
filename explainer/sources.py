"""Where the site's data is edited and its mistakes reported on GitHub: the repository's address, the web
editor's link for a file of data/, and the issue form. Which files a page shows is measured (coverage.py)."""
from __future__ import annotations

import os
import re


# Where the site's repository is; GitHub Actions sets the two GITHUB_ variables on every run.
DEFAULT_REPO_URL = "https://github.com/OWNER/astana-2017"
_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~-]+)*")
BRANCH = "main"
ISSUE_FORM = "report-a-mistake.yml"


def repo_url(environ=None) -> str:
    """REPO_URL if set, else GitHub Actions' GITHUB_SERVER_URL/GITHUB_REPOSITORY, else DEFAULT_REPO_URL."""
    env = os.environ if environ is None else environ
    url = env.get("REPO_URL") or ""
    if not url and env.get("GITHUB_SERVER_URL") and env.get("GITHUB_REPOSITORY"):
        url = f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}"
    url = url.rstrip("/") or DEFAULT_REPO_URL
    if not _URL.fullmatch(url):
        raise ValueError(f"the repository URL {url!r} (REPO_URL, or GITHUB_SERVER_URL and GITHUB_REPOSITORY) is "
                         "not a plain http(s) address like https://github.com/OWNER/REPO; correct it")
    return url


def edit_url(file: str, environ=None) -> str:
    """GitHub's web editor for data/FILE on the main branch."""
    return f"{repo_url(environ)}/edit/{BRANCH}/data/{file}"


def issue_form_url(environ=None) -> str:
    return f"{repo_url(environ)}/issues/new?template={ISSUE_FORM}"
