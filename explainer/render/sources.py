"""Where the site's data is edited and its mistakes reported on GitHub: the repository's address, the web
editor's link for a file of data/, and the issue form. Which files a page shows is measured (coverage.py)."""
from __future__ import annotations

from explainer.data.settings import DEFAULT_REPO_URL, repository  # noqa: F401  (DEFAULT_REPO_URL: where callers look for it)

BRANCH = "main"
ISSUE_FORM = "report-a-mistake.yml"


def repo_url(environ=None) -> str:
    """REPO_URL if set, else GitHub Actions' GITHUB_SERVER_URL/GITHUB_REPOSITORY, else DEFAULT_REPO_URL
    (explainer/data/settings.py). The build checks the settings first; this refuses one that got past it."""
    url, problem = repository(environ)
    if problem is not None:
        raise ValueError(str(problem))
    return url


def edit_url(file: str, environ=None) -> str:
    """GitHub's web editor for data/FILE on the main branch."""
    return f"{repo_url(environ)}/edit/{BRANCH}/data/{file}"


def issue_form_url(environ=None) -> str:
    return f"{repo_url(environ)}/issues/new?template={ISSUE_FORM}"
