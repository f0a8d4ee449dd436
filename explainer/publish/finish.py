"""The last pass over the built site's HTML (every page, both languages, both 404s): valid markup, then the CSP.

Called once from explainer/publish/hooks.py's on_post_build, after everything else that writes HTML, because the
policy hashes the exact bytes of each page's inline scripts.
"""
from __future__ import annotations

import re
from pathlib import Path

from explainer.publish.csp import with_csp

# Material's base.html (not a partial, and outside any block, so no override can reach it short of copying the
# whole base.html with its hashed asset names) writes its drawer and search toggles as
#   <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
# autocomplete="off" is there so a browser does not restore an open drawer on "back", but HTML allows that
# attribute on text-like inputs only (Nu: "Attribute autocomplete is only allowed when the input type is ...").
# The same effect, valid: the toggles belong to an empty form that says autocomplete="off" (the form owner's
# setting applies to its controls; Chromium then restores neither, as with the attribute). The inputs stay where
# Material's CSS expects them (its selectors are `.md-toggle:checked ~ …`).
_TOGGLES = ("drawer", "search")
_FORM = '<form id="__md_toggles" autocomplete="off" hidden></form>'


def _toggle(name: str) -> str:
    return f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'


def valid_toggles(html: str) -> str:
    first = _toggle(_TOGGLES[0])
    if first not in html:
        if _FORM in html:
            return html
        raise ValueError("Material's drawer toggle has changed; update explainer/publish/finish.py to the new markup")
    html = html.replace(first, _FORM + "\n    " + first, 1)
    for name in _TOGGLES:
        html = html.replace(_toggle(name), _toggle(name).replace('autocomplete="off"', 'form="__md_toggles"'), 1)
    return html


# The template's indentation: a newline and the spaces after it are one space to a browser, outside preformatted
# text and scripts, so one newline is enough. It was about 0.2 KiB gzip of the Arabic About page's 10, the first
# visit nearest the 56 KiB budget (55.96 KiB before).
_KEEP = re.compile(r"(<(script|style|pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")


def without_indentation(html: str) -> str:
    parts = _KEEP.split(html)
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else (part if i % 3 == 1 else "")
                   for i, part in enumerate(parts))


def finish_pages(site_dir: Path, live_reload: bool = False) -> int:
    """Rewrite every .html of the built site in place; returns how many pages (live_reload: see explainer/publish/csp.py)."""
    pages = sorted(Path(site_dir).rglob("*.html"))
    for path in pages:
        text = path.read_text(encoding="utf-8")
        path.write_text(with_csp(valid_toggles(without_indentation(text)), live_reload), encoding="utf-8")
    return len(pages)
