"""Content-Security-Policy: one <meta> per page, with a sha256 hash for each inline script that page carries.

Run by explainer/publish/hooks.py once the whole site (both languages, both 404s) is written and nothing else will
change its HTML: a hash is of the exact bytes between <script> and </script>, so it must be taken last.

What the policy allows, and why:
- script-src 'self': Material's bundle, our explainer.js, search.js and MiniSearch, all served from the site.
  Plus one 'sha256-…' per inline script of the page that is one of KNOWN_SCRIPTS below, listed here by content:
  Material's localStorage helpers and tab restorer, and our palette partial's saved colour scheme. The first
  holds a relative URL that differs per page, so each page has its own hashes, always of the exact bytes it
  carries. Any other inline script is a build error, never a new hash: explainer/publish/output_guard.py, which runs
  before this pass, refuses it with its page and line, and policy() raises if one ever gets here.
  No 'unsafe-inline': an injected inline script or on* handler does not run.
- style-src 'self': Material uses stylesheets from the site; the built pages carry no
  <style> element or style="" attribute, and the scripts set styles through the CSSOM (element.style),
  which a policy does not restrict. Nothing inline is allowed.
- img-src 'self' data: Material's stylesheets draw icons as data: SVG (mask-image: url("data:image/svg+xml,…")).
- font-src, connect-src (the search records), worker-src: 'self'.
- object-src 'none', base-uri 'self', form-action 'self'.
Under `mkdocs serve` only (live_reload=True), MkDocs injects its live-reload client as an inline script whose
text changes on every request, so no hash can allow it: there script-src says 'unsafe-inline' instead of the
hashes. The built and deployed site, and the tests, always have the hashes.
A <meta> policy cannot carry frame-ancestors, report-uri or sandbox; those need an HTTP header, which
GitHub Pages does not let a site set.
"""
from __future__ import annotations

import base64
import hashlib
import re

# A script element's text ends at the first "</script" (HTML's script data state); the pages hold no
# "<!--<script" sequence that would change that.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_EXISTING = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">', re.I)

FIXED = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


_CONTENT = re.compile(r"<article\b.*?</article\s*>", re.I | re.S)

# The only inline scripts the site may carry, as their templates write them. URL marks the one part that varies:
# Material fills it with `config.extra.scope | d(base_url)`, a page's relative path to the site root (".", "..",
# "../..") or, on the 404 pages, the site's path ("/astana-2017/"). tests/test_output_guard.py checks each text
# against the template it comes from, so a theme upgrade that changes one fails there, not silently here.
URL = "@URL@"
_URL_SLOT = r"[A-Za-z0-9._~/-]*"  # no quote, backslash or angle bracket: the slot cannot end the string
KNOWN_SCRIPTS = {
    "Material's localStorage helpers (material/templates/partials/javascripts/base.html)":
        '__md_scope=new URL("' + URL + '",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
    "Material's tab restorer (material/templates/partials/javascripts/content.html)":
        'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
        '(target.checked=target.name.startsWith("__tabbed_"))',
    "the saved colour scheme (explainer/publish/theme/partials/palette.html)":
        '(function(){var s=null;try{var p=__md_get("__palette");s=p&&p.color&&p.color.scheme}catch(e){}'
        'if(s!=="default"&&s!=="slate")s=matchMedia("(prefers-color-scheme: dark)").matches?"slate":"default";'
        'document.body.setAttribute("data-md-color-scheme",s);var i=document.querySelector(\'[data-md-component=palette] '
        'input[data-md-color-scheme="\'+s+\'"]\');if(i)i.checked=true})()',
}
_KNOWN = {name: re.compile(re.escape(text).replace(re.escape(URL), _URL_SLOT)) for name, text in KNOWN_SCRIPTS.items()}


def known_script(text: str) -> str | None:
    """Which of KNOWN_SCRIPTS this script's text is (byte for byte, but for the URL slot), or None."""
    return next((name for name, pattern in _KNOWN.items() if pattern.fullmatch(text)), None)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of the theme a browser would run (not src= scripts, not JSON data blocks).
    Scripts inside the page's content (<article>) are never hashed: the theme puts none there, so one there came
    from a page or from data and must stay blocked (explainer/pages/pages_check.py refuses it before the build)."""
    found = []
    for attrs, body in _SCRIPT.findall(_CONTENT.sub("", html)):
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind and next(g for g in kind.groups() if g is not None).strip().lower() not in _JS_TYPES:
            continue
        found.append(body)
    return found


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str, live_reload: bool = False) -> str:
    unknown = [s for s in inline_scripts(html) if known_script(s) is None]
    if unknown:  # explainer/publish/output_guard.py has refused it already, with its page and line; this is the backstop
        raise ValueError(f"an inline script that is not one of explainer/publish/csp.py's KNOWN_SCRIPTS: {unknown[0][:60]!r}")
    hashes = list(dict.fromkeys(sha256_source(s) for s in inline_scripts(html)))
    inline = ["'unsafe-inline'"] if live_reload else hashes
    directives = {"default-src": FIXED["default-src"], "script-src": ["'self'", *inline]}
    directives.update((k, v) for k, v in FIXED.items() if k != "default-src")
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_csp(html: str, live_reload: bool = False) -> str:
    """The page with its policy as the first element of <head> after <meta charset> (any older one replaced)."""
    html = _EXISTING.sub("", html)
    charset = _CHARSET.search(html)
    if charset is None:
        raise ValueError("no <meta charset=utf-8> to put the Content-Security-Policy after")
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(html, live_reload)}">'
    return html[: charset.end()] + meta + html[charset.end():]

