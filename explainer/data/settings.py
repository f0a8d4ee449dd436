"""The build's settings from the environment, checked before anything is built.

- REPO_URL, else GitHub Actions' GITHUB_SERVER_URL + "/" + GITHUB_REPOSITORY, else DEFAULT_REPO_URL: where the
  site's repository is (edit links and the issue form, explainer/render/sources.py).
- SITE_URL: where the site is published; mkdocs.yml reads it (`site_url: !ENV [SITE_URL, …]`).
- EXPLAINER_LANG: the language of the editors' messages (en or ar) in `mkdocs build`, `make serve` and the
  validator (whose `--lang`, `make validate lang=ar`, wins over it).

Each must be a plain web address: http(s), a host, an optional port and a path of plain characters, since it is
written into every page's links. The validator (`python -m explainer.tools.validate`) and the build's first step
(explainer/publish/hooks.py, on_config) both call `setting_errors`, and say each problem in one line that names the
variable, what is wrong and what to do. MkDocs checks SITE_URL itself before any hook runs, and refuses one
without a scheme in its own words (or, for an unparsable one like "http://[x", with a traceback); `make build`
and `make serve` run the validator first, so an editor sees this module's line for those too.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from explainer.data.errors import visible
from explainer.data.messages import LANGUAGES, M, laid_out, say

DEFAULT_REPO_URL = "https://github.com/OWNER/astana-2017"
PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~-]+)*/?")


@dataclass(frozen=True)
class SettingError:
    variable: str  # as the user sets it: "REPO_URL"
    message: M  # what is wrong; what to do

    def text(self, lang: str = "en") -> str:
        return f"{visible(self.variable)}: {laid_out(visible(say(self.message, lang)), lang)}"

    def __str__(self) -> str:
        return self.text("en")


def _plain(url: str) -> bool:
    return bool(PLAIN_URL.fullmatch(url))


def repository(environ=None) -> tuple[str, SettingError | None]:
    """The repository's address without a trailing slash, and what is wrong with the setting it came from."""
    env = os.environ if environ is None else environ
    if env.get("REPO_URL"):
        url, variable = env["REPO_URL"], "REPO_URL"
    elif env.get("GITHUB_SERVER_URL") and env.get("GITHUB_REPOSITORY"):
        url, variable = f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}", "GITHUB_SERVER_URL/GITHUB_REPOSITORY"
    else:
        return DEFAULT_REPO_URL, None
    url = url.rstrip("/")
    if _plain(url):
        return url, None
    return url, SettingError(variable, M(
        '"{value}" is not a plain web address like https://github.com/OWNER/REPO; set {variable} to the repository\'s '
        "address, or unset it", value=url, variable=variable))


def site_url_error(value: str | None) -> SettingError | None:
    """What is wrong with the site's address (SITE_URL as mkdocs.yml reads it), or None."""
    if value is None or _plain(value):
        return None
    return SettingError("SITE_URL", M(
        '"{value}" is not a plain web address like https://OWNER.github.io/REPO/; set SITE_URL to the address the '
        "site is published at, or unset it", value=value))


LANG_VARIABLE = "EXPLAINER_LANG"


def message_language(environ=None) -> tuple[str, SettingError | None]:
    """The language the editor chose for messages (EXPLAINER_LANG), English by default; and what is wrong with it."""
    env = os.environ if environ is None else environ
    value = env.get(LANG_VARIABLE, "").strip()
    if not value or value in LANGUAGES:
        return value or LANGUAGES[0], None
    return LANGUAGES[0], SettingError(LANG_VARIABLE, M(
        '"{value}" is not a language of the messages ({languages}); set {variable} to one of them, or unset it',
        value=value, languages=", ".join(LANGUAGES), variable=LANG_VARIABLE))


def setting_errors(environ=None, site_url: str | None = None) -> list[SettingError]:
    """Every problem with the settings. `site_url`: the value the build uses; by default, SITE_URL if set."""
    env = os.environ if environ is None else environ
    found = [repository(env)[1], site_url_error(site_url if site_url is not None else env.get("SITE_URL")),
             message_language(env)[1]]
    return [problem for problem in found if problem is not None]
