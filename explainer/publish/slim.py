"""Deploy only what readers fetch: one purged stylesheet, and none of the theme's unused files.

Run by explainer/publish/hooks.py once both languages are written (before the CSP pass, which reads HTML only).
- site.css: Material's main.css and palette.css and our explainer.css, cut by PurgeCSS (npm, pinned in
  package.json) to the rules whose selectors the built pages and explainer.js can match, in that order.
- explainer.js without its whole-line comments.
- Removed: Material's bundle.js (explainer.js does what the pages use of it), its search worker and lunr word
  lists (search is MiniSearch, explainer/publish/search_index.py), and every source map.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

PURGECSS = Path("node_modules/purgecss/bin/purgecss.js")
STYLES = "assets/stylesheets"
OUTPUT = "site.css"
# Selectors only explainer.js makes true (search results are built by it; classes start with "search-").
SAFELIST = "{standard: [/^(html|body)$/, /^search-/]}"
UNUSED = (
    "assets/javascripts/bundle.*.js",
    "assets/javascripts/lunr",
    "assets/javascripts/workers",
)


def purge_css(project_dir: Path, site_dir: Path) -> int:
    """Write assets/stylesheets/site.css; returns its size in bytes."""
    styles = site_dir / STYLES
    sources = [*sorted(styles.glob("main.*.min.css")), *sorted(styles.glob("palette.*.min.css")), styles / "explainer.css"]
    missing = [str(p) for p in sources if not p.exists()]
    if missing or len(sources) != 3:
        raise FileNotFoundError(f"explainer/publish/slim.py: stylesheets missing from the build: {missing or sources}")
    tool = project_dir / PURGECSS
    if not tool.exists():
        raise FileNotFoundError(f"{tool} is missing; run `npm ci` (or `make setup`) to install PurgeCSS")
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "purgecss.config.js"
        config.write_text(
            "module.exports = " + json.dumps({
                "content": [str(site_dir / "**/*.html"), str(site_dir / "assets/javascripts/explainer.js")],
                "css": [str(p) for p in sources],
                "output": tmp,
                "variables": True,
                "keyframes": True,
                "fontFace": False,
            }) + f";\nmodule.exports.safelist = {SAFELIST};\n",
            encoding="utf-8",
        )
        result = subprocess.run(["node", str(tool), "--config", str(config), "--output", tmp], capture_output=True, text=True,
                                cwd=tmp)
        if result.returncode != 0:
            raise RuntimeError(f"PurgeCSS failed:\n{result.stdout}\n{result.stderr}")
        parts = [(Path(tmp) / p.name).read_text(encoding="utf-8") for p in sources]
    target = styles / OUTPUT
    target.write_text(minify("\n".join(parts)), encoding="utf-8")
    for path in sources:
        path.unlink()
    return target.stat().st_size


def minify(css: str) -> str:
    """Comments and layout whitespace out (our stylesheet is written to be read; Material's is minified already).
    Spaces inside selectors (descendant combinators, as in `html :focus-visible`) and values are kept."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,])\s*", r"\1", css).strip()


SCRIPT = "assets/javascripts/explainer.js"
_LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)


def strip_script_comments(site_dir: Path) -> int:
    """explainer.js as readers fetch it: without its whole-line // comments, written to be read, which were a
    quarter of its gzip size (about 1 KiB of every first visit). Nothing else changes: a line that holds code
    keeps its end comment, and the script has no multi-line string a line could belong to. Returns its size."""
    path = site_dir / SCRIPT
    path.write_text(_LINE_COMMENT.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
    return path.stat().st_size


def prune(site_dir: Path) -> int:
    """Remove what no page requests; returns the number of files removed."""
    removed = 0
    for pattern in UNUSED:
        for path in site_dir.glob(pattern):
            if path.is_dir():
                removed += sum(1 for p in path.rglob("*") if p.is_file())
                shutil.rmtree(path)
            else:
                path.unlink()
                removed += 1
    for path in site_dir.rglob("*.map"):
        path.unlink()
        removed += 1
    return removed
