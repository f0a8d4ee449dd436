"""ProperDocs, the continuation of MkDocs 1.x by its former maintainers, builds this site byte for byte the same as
MkDocs does. It lives in its own venv (`.venv-properdocs`, made by `make setup-test` or `make build-properdocs`), so
the default toolchain stays mkdocs.

Both builds run with the same SOURCE_DATE_EPOCH, which both builders honour for the sitemap's <lastmod> dates and
the timestamp in sitemap.xml.gz's gzip header (otherwise both carry the day of the build, and two builds either side
of midnight UTC would differ). After that, two things may differ:

- in HTML pages, the builder's name and version in Material's
  `<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-…">`, which ProperDocs fills with
  `mkdocs-ProperDocs 1.6.7` (checked, then blanked out in both).

Every other byte of every file must be equal.
"""

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import full_tier_only

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
PROPERDOCS_PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"
EPOCH = "1485993600"  # 2 February 2017, the source article's date; any fixed value does

# Run `properdocs build` as its console script does, and refuse the build if any module of the real `mkdocs`
# package (a dependency of the theme and plugins, installed alongside) was imported: ProperDocs must redirect
# every `mkdocs.*` import made by Material, the plugins and our hooks to `properdocs.*`.
PROPERDOCS_BUILD = """
import atexit, os, sys

def no_real_mkdocs():
    real = sorted(name for name, module in list(sys.modules.items())
                  if "/site-packages/mkdocs/" in (getattr(module, "__file__", None) or "").replace(os.sep, "/"))
    if real:
        sys.stderr.write("the real mkdocs package was imported: " + ", ".join(real) + "\\n")
        sys.stderr.flush()
        os._exit(97)

atexit.register(no_real_mkdocs)
sys.argv[0] = os.path.join(os.path.dirname(sys.executable), "properdocs")
from properdocs.__main__ import cli
cli()
"""

GENERATOR = re.compile(r'(<meta name="generator" content="mkdocs-)([^",]+)(, mkdocs-material-[^"]+">)')


def build(command: list[str], out: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([*command, "build", "--strict", "--quiet", "--site-dir", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command[0]} build failed:\n{result.stdout}{result.stderr}"


def inputs() -> list[tuple[str, int, int]]:
    """What the build reads, by name, size and time: both builds must see the same sources."""
    paths = [ROOT / "mkdocs.yml", ROOT / "macros.py"]
    for folder in ("data", "docs", "explainer"):
        paths += sorted(p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.exists()]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    full_tier_only()
    if not PROPERDOCS_PYTHON.exists():
        pytest.fail("no .venv-properdocs: run `make setup-test` (or `make build-properdocs`)")
    for attempt in range(3):
        # If the sources change between the two builds (an editor saving a file), build both again.
        base = tmp_path_factory.mktemp("builders")
        before = inputs()
        build([str(MKDOCS)], base / "mkdocs")
        build([str(PROPERDOCS_PYTHON), "-c", PROPERDOCS_BUILD], base / "properdocs")
        if inputs() == before:
            return base / "mkdocs", base / "properdocs"
    pytest.fail("the sources kept changing during the builds; try again")


def files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def test_same_files(sites):
    mkdocs_site, properdocs_site = sites
    assert files(mkdocs_site), "the mkdocs build wrote nothing"
    assert files(mkdocs_site) == files(properdocs_site)


def test_generator_tag_names_each_builder(sites):
    # The allowed difference in HTML, checked rather than ignored: every page names its own builder.
    mkdocs_site, properdocs_site = sites
    properdocs_version = subprocess.run(
        [str(PROPERDOCS_PYTHON), "-c", "import properdocs; print(properdocs.__version__)"],
        capture_output=True, text=True, check=True).stdout.strip()
    expected = {mkdocs_site: importlib.metadata.version("mkdocs"),
                properdocs_site: f"ProperDocs {properdocs_version}"}
    for site, builder in expected.items():
        pages = [p for p in site.rglob("*.html")]
        assert pages
        for page in pages:
            found = {m.group(2) for m in GENERATOR.finditer(page.read_text(encoding="utf-8"))}
            assert found == {builder}, f"{page.relative_to(site)}: generator {found}, expected {builder!r}"


def test_every_file_is_byte_for_byte_identical(sites):
    mkdocs_site, properdocs_site = sites
    compared, different = 0, []
    for name in files(mkdocs_site):
        a, b = (mkdocs_site / name).read_bytes(), (properdocs_site / name).read_bytes()
        if a != b and name.endswith(".html"):
            # Blank out the builder in the generator tag (and nothing else), then compare again.
            a, b = (GENERATOR.sub(r"\1BUILDER\3", x.decode("utf-8")).encode("utf-8") for x in (a, b))
        compared += 1
        if a != b:
            different.append(name)
    assert compared > 0
    assert not different, f"{len(different)} of {compared} files differ between mkdocs and properdocs: {different}"
