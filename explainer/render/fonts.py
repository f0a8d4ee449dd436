"""Self-hosted fonts, cut at build time to the characters the built site actually uses."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fontTools import subset

FONTSOURCE = Path("node_modules/@fontsource")


@dataclass(frozen=True)
class Face:
    source: str  # file under node_modules/@fontsource
    output: str  # file name under assets/fonts/ (the CSS refers to it)


FACES = (
    Face("noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2", "noto-naskh-arabic-400.woff2"),
    Face("noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2", "noto-naskh-arabic-700.woff2"),
    Face("noto-sans/files/noto-sans-latin-400-normal.woff2", "noto-sans-400.woff2"),
    Face("noto-sans/files/noto-sans-latin-700-normal.woff2", "noto-sans-700.woff2"),
)

# OpenType features applied by default: Arabic joining forms and ligatures (isol, init, medi, fina, rlig),
# marks (mark, mkmk), cursive attachment (curs), kerning and the rest of default shaping.
SHAPING = ["ccmp", "locl", "isol", "init", "medi", "fina", "rlig", "rclt", "calt", "liga", "clig", "kern", "mark",
           "mkmk", "curs"]



def characters_used(site_dir: Path) -> str:
    """Every character of the pages' text and attributes, plus what search results can show."""
    seen: set[str] = set()
    for path in site_dir.rglob("*.html"):
        seen.update(path.read_text(encoding="utf-8"))
    for path in (site_dir / "assets/search").glob("*.json"):  # the search records (explainer/publish/search_index.py)
        seen.update(path.read_text(encoding="utf-8", errors="ignore"))
    seen.update("0123456789٠١٢٣٤٥٦٧٨٩«»“”‘’–—…،؛؟")  # typed by readers into search, or produced by scripts
    return "".join(sorted(seen))


def subset_fonts(project_dir: Path, site_dir: Path) -> list[tuple[str, int, int]]:
    """Write the cut fonts into site/assets/fonts; returns (file, bytes before, bytes after) for each."""
    text = characters_used(site_dir)
    out_dir = site_dir / "assets" / "fonts"
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = []
    for face in FACES:
        source = project_dir / FONTSOURCE / face.source
        if not source.exists():
            raise FileNotFoundError(
                f"{source} is missing; run `npm ci` (or `make setup`) to install the self-hosted fonts"
            )
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = SHAPING  # what text needs by default; no optional sets (ss01, frac, tnum…)
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        target = out_dir / face.output
        subset.save_font(font, str(target), options)
        sizes.append((face.output, source.stat().st_size, target.stat().st_size))
    return sizes
