"""Figures, not assertions: `python -m explainer.benchmark` prints build time, sizes and validation speed."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .fonts import FACES, FONTSOURCE
from .loader import load_data

ROOT = Path(__file__).resolve().parent.parent


def _build(site_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT,
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def _big_data(target: Path, copies: int) -> int:
    """data/ with factions.yml repeated until it is thousands of lines long (ids made unique)."""
    shutil.copytree(ROOT / "data", target)
    text = (ROOT / "data/factions.yml").read_text(encoding="utf-8")
    head, _, body = text.partition("factions:\n")
    blocks = [body] + [body.replace("  - id: ", f"  - id: c{i}-") for i in range(1, copies)]
    (target / "factions.yml").write_text(head + "factions:\n" + "".join(blocks), encoding="utf-8")
    return (head + "".join(blocks)).count("\n")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = [_build(site) for _ in range(3)]
        print(f"build (both languages, search index, fonts): median {statistics.median(times):.2f} s "
              f"of {', '.join(f'{t:.2f}' for t in times)}")
        pages = sorted(site.rglob("index.html"))
        sizes = [p.stat().st_size for p in pages]
        print(f"pages: {len(pages)}; HTML {min(sizes) / 1024:.1f}–{max(sizes) / 1024:.1f} KiB each")
        css = sum(p.stat().st_size for p in (site / "assets/stylesheets").glob("*.css"))
        js = sum(p.stat().st_size for p in (site / "assets/javascripts").glob("*.js"))
        print(f"CSS {css / 1024:.1f} KiB, JS {js / 1024:.1f} KiB (uncompressed, shared by every page)")
        for face in FACES:
            before = (ROOT / FONTSOURCE / face.source).stat().st_size
            after = (site / "assets/fonts" / face.output).stat().st_size
            print(f"font {face.output}: {before / 1024:.1f} KiB -> {after / 1024:.1f} KiB")
        index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        print(f"search bundle (loaded only on the search page): {index / 1024:.1f} KiB")
        start = time.perf_counter()
        load_data(ROOT / "data")
        print(f"validate data/: {(time.perf_counter() - start) * 1000:.0f} ms")
        lines = _big_data(Path(tmp) / "big", 30)
        start = time.perf_counter()
        load_data(Path(tmp) / "big")
        print(f"validate data/ with a {lines}-line factions.yml: {(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
