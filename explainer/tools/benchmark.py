"""Figures, not assertions: `python -m explainer.tools.benchmark` (`make benchmark`) prints, in one run,

- the build time (median of several builds), the data validation time and the output guard's time;
- for every page in both languages, what a first visit fetches, by type (HTML, CSS, JS, fonts, search), with the
  number of requests, gzip-compressed as GitHub Pages serves text (fonts, and the index files of a Pagefind build
  measured for comparison, compressed already, as they are), recorded by Chromium on a fresh profile; the same for a plain Material build of the same
  pages made in the same run (theme without our overrides, stylesheet, script or hooks), and the ratio;
- search: what the first search adds to the search page (gzip as served) and how long its first result takes on
  simulated slow 4G (Chromium's network emulation through CDP: DevTools' "Slow 4G", 562.5 ms latency, 1.44 Mbit/s
  down, and Lighthouse's, 150 ms, 1.6 Mbit/s), in both languages; and the query set's score (tests/search_queries.yml, first three results);
- Lighthouse (npm `lighthouse`, pinned; mobile) for the home, camps, names and search pages in both languages:
  the four category scores, LCP, TBT and CLS of the median of three runs, and the performance range;
- the build and validation time with the data multiplied 10× and 100× (generated in a temporary folder).

Set BENCHMARK_QUICK=1 for a single build and no Lighthouse. Set BENCHMARK_SCALE_ONLY=1 for the multiplied data
alone, with the data as it is (×1) measured the same way beside it (a few minutes, no browser):
`BENCHMARK_SCALE_ONLY=1 make benchmark`. Nothing here fails: it prints what it measured.
"""
from __future__ import annotations

import contextlib
import copy
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from explainer import PROJECT

from explainer.data import yamlread
from explainer.data.languages import PREFIX
from explainer.publish.output_guard import check_site
from explainer.pages.site import load_data

ROOT = PROJECT
SUBPATH = "astana-2017"
# The pages and languages as the site declares them (data/pages.yml, explainer/data/languages.py).
PAGES = ["" if page.id == "index" else f"{page.id}/" for page in load_data(PROJECT / "data").pages.pages]
LANGS = PREFIX
LIGHTHOUSE_PAGES = ["", "camps/", "names/", "search/"]
CHROMIUM = "/usr/bin/chromium"
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"]
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".wasm", ".pagefind")
KINDS = ("HTML", "CSS", "JS", "fonts", "search", "other")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# ---------------------------------------------------------------- building


def _build(project: Path, site_dir: Path, site_url: str | None = None) -> float:
    env = {**ENV, **({"SITE_URL": site_url} if site_url else {})}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site_dir)], cwd=project, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def _copy_project(target: Path, data: Path | None = None) -> Path:
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "explainer"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or ROOT / "data", target / "data")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


PLAIN_FONTS_CSS = """
@font-face{font-family:"Noto Naskh Arabic";src:url("../fonts/noto-naskh-arabic-400.woff2") format("woff2");font-weight:400;font-display:swap;unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F}
@font-face{font-family:"Noto Naskh Arabic";src:url("../fonts/noto-naskh-arabic-700.woff2") format("woff2");font-weight:700;font-display:swap;unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F}
@font-face{font-family:"Noto Sans";src:url("../fonts/noto-sans-400.woff2") format("woff2");font-weight:400;font-display:swap;unicode-range:U+0000-00FF,U+2000-206F}
@font-face{font-family:"Noto Sans";src:url("../fonts/noto-sans-700.woff2") format("woff2");font-weight:700;font-display:swap;unicode-range:U+0000-00FF,U+2000-206F}
:root{--md-text-font:"Noto Sans","Noto Naskh Arabic"}[lang=ar]{--md-text-font:"Noto Naskh Arabic","Noto Sans"}
"""


def _plain_material(target: Path) -> Path:
    """The same pages (same plugins, macros and data) with Material as it comes: no custom_dir, no hooks, no
    stylesheet or script of ours, the theme's own features, palette toggle and permalinks. It keeps the site's
    self-hosted fonts (the same subset files, copied in after the build, in one small stylesheet): Material's
    default is Google Fonts, which this site may not call, and an Arabic page needs an Arabic face either way."""
    project = _copy_project(target)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config += "\nextra_css:\n  - assets/stylesheets/fonts.css\n"
    config = re.sub(r"\n  custom_dir: [^\n]*", "", config)
    config = re.sub(r"\nhooks:\n(  - [^\n]*\n)+", "\n", config)
    config = config.replace("  features: []", "  features:\n    - navigation.footer\n    - navigation.top")
    config = config.replace("      permalink: false", '      permalink: "#"')
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _multiply(target: Path, times: int) -> Path:
    """data/ with every faction and actor repeated `times` times, as an editor could write it: ids, names and our
    spellings made unique (a spelling leads to one entry), the article's own spellings left to the first copy (they
    must be ones it writes), and the factions still grouped by camp; events are not repeated, so stay in order."""
    shutil.copytree(ROOT / "data", target)
    for name, key in (("factions.yml", "factions"), ("actors.yml", "actors")):
        document = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
        entries = document[key]
        copies = [entries] + [[_copy(entry, i) for entry in entries] for i in range(1, times)]
        groups = list(dict.fromkeys(entry.get("camp") for entry in entries))  # the camps' order (None for actors)
        repeated = [entry for group in groups for batch in copies for entry in batch if entry.get("camp") == group]
        (target / name).write_text(yaml.safe_dump({**document, key: repeated}, allow_unicode=True, sort_keys=False,
                                                  width=1000),
                                   encoding="utf-8")
    return target


def _copy(entry: dict, i: int) -> dict:
    def spellings(group: dict | None) -> dict:
        return {lang: [f"{s} {i}" for s in values] for lang, values in (group or {}).items() if lang != "source"}

    entry = copy.deepcopy(entry)
    entry["id"] = f"x{i}-{entry['id']}"
    entry["name"] = {lang: f"{value} {i}" for lang, value in entry["name"].items()}
    for group in ("aliases", "former"):
        if group in entry:
            entry[group] = spellings(entry[group])
    return entry


# ---------------------------------------------------------------- serving, as GitHub Pages does (gzip for text)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not gzip_ok or not path.name.endswith(TEXT_TYPES) or "/pagefind/" in self.path \
                and not path.name.endswith((".js", ".css", ".json", ".pagefind")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early (Lighthouse does) is not news


def _serve(site: Path):
    root = Path(tempfile.mkdtemp())
    (root / SUBPATH).symlink_to(site)
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/{SUBPATH}/"


def served_size(site: Path, url_path: str) -> int:
    """Bytes on the wire for one file: gzip -6 for text, as is for fonts and Pagefind's compressed index."""
    path = site / url_path
    if path.is_dir() or url_path.endswith("/") or url_path == "":
        path = path / "index.html"
    data = path.read_bytes()
    compressed = "/pagefind/" in f"/{url_path}" and not path.name.endswith((".js", ".css", ".json", ".pagefind"))
    if path.name.endswith(TEXT_TYPES) and not compressed:
        return len(gzip.compress(data, 6))
    return len(data)


def _kind(url_path: str) -> str:
    if "pagefind/" in url_path or url_path.startswith("assets/search/") or url_path.endswith(
            ("javascripts/search.js", "javascripts/minisearch.js")):
        return "search"
    if url_path.endswith(".css"):
        return "CSS"
    if url_path.endswith(".js"):
        return "JS"
    if url_path.endswith((".woff2", ".woff", ".ttf")):
        return "fonts"
    if url_path.endswith((".html", "/")) or url_path == "":
        return "HTML"
    return "other"


@contextlib.contextmanager
def _browser_on(site: Path):
    """The built site served on a free port and Chromium: (browser, base URL); both stopped afterwards."""
    from playwright.sync_api import sync_playwright

    httpd, base = _serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
            try:
                yield browser, base
            finally:
                browser.close()
    finally:
        httpd.shutdown()


def first_visits(site: Path) -> dict[tuple[str, str], dict[str, list[int]]]:
    """Every page, both languages, opened once on a fresh profile at 390 px: each request's served size by kind."""
    found = {}
    with _browser_on(site) as (browser, base):
        for lang, prefix in LANGS.items():
            for page_path in PAGES:
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                urls: list[str] = []
                page.on("request", lambda r: urls.append(r.url))
                page.goto(base + prefix + page_path, wait_until="networkidle")
                page.wait_for_timeout(200)
                kinds: dict[str, list[int]] = {k: [] for k in KINDS}
                for url in dict.fromkeys(urls):
                    if not url.startswith(base):
                        continue
                    rel = url[len(base):].split("#")[0].split("?")[0]
                    target = site / rel
                    if (target / "index.html" if target.is_dir() else target).is_file():  # not a 404
                        kinds[_kind(rel)].append(served_size(site, rel))
                found[(lang, page_path)] = kinds
                context.close()
    return found


def _print_weights(ours: dict, plain: dict) -> None:
    print("\nFirst visit, gzip as served (KiB; requests in brackets), 390 px, fresh profile:")
    head = f"{'page':<16}" + "".join(f"{k:>10}" for k in KINDS[:-1]) + f"{'total':>12}{'plain':>12}{'ratio':>7}"
    print(head)
    worst = {"en": 0.0, "ar": 0.0}
    ratios = []
    for (lang, page_path), kinds in ours.items():
        total = sum(sum(v) for v in kinds.values())
        requests = sum(len(v) for v in kinds.values())
        twin = plain[(lang, page_path)]
        plain_total = sum(sum(v) for v in twin.values())
        plain_requests = sum(len(v) for v in twin.values())
        ratio = total / plain_total if plain_total else float("nan")
        ratios.append(ratio)
        worst[lang] = max(worst[lang], total)
        cells = "".join(f"{sum(kinds[k]) / 1024:>6.1f} ({len(kinds[k])})" for k in KINDS[:-1])
        name = f"{lang} /{page_path}"
        print(f"{name:<16}{cells}{total / 1024:>7.1f} ({requests:>2}){plain_total / 1024:>7.1f} ({plain_requests:>2}){ratio:>7.2f}")
    print(f"heaviest first visit: English {worst['en'] / 1024:.1f} KiB, Arabic {worst['ar'] / 1024:.1f} KiB; "
          f"ratio to plain Material {min(ratios):.2f}–{max(ratios):.2f}")


# ---------------------------------------------------------------- search

# Chrome DevTools' "Slow 4G" preset (NetworkManager.ts): 150 ms × 3.75 latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s
# × 0.9 up; and Lighthouse's mobile slow 4G as figures (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up).
NETWORKS = {
    "DevTools slow 4G": {"offline": False, "latency": 150 * 3.75, "downloadThroughput": 1.6e6 / 8 * 0.9,
                         "uploadThroughput": 750e3 / 8 * 0.9},
    "Lighthouse slow 4G": {"offline": False, "latency": 150, "downloadThroughput": 1.6384e6 / 8,
                           "uploadThroughput": 750e3 / 8},
}
FIRST_QUERY = {"en": "Aleppo", "ar": "حلب"}


def search_cost(site: Path, network: dict) -> dict[str, tuple[int, float]]:
    """Per language: the bytes (gzip as served) the first search fetches on the search page, and the seconds from
    typing the query (the box focused at the same moment, so nothing was fetched ahead) to its first result, on
    simulated slow 4G with a fresh profile."""
    found = {}
    with _browser_on(site) as (browser, base):
        for lang, prefix in LANGS.items():
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network)
            page.goto(base + prefix + "search/", wait_until="networkidle")
            urls: list[str] = []
            page.on("request", lambda r: urls.append(r.url))
            start = time.perf_counter()
            page.fill("#search-input", FIRST_QUERY[lang])
            page.wait_for_selector("#search .search-result__link", timeout=60000)
            seconds = time.perf_counter() - start
            rels = {u[len(base):].split("#")[0].split("?")[0] for u in urls if u.startswith(base)}
            found[lang] = (sum(served_size(site, rel) for rel in rels if (site / rel).is_file()), seconds)
            context.close()
    return found


def search_score(site: Path) -> tuple[int, int]:
    from explainer.tools.search_quality import load_queries, run_queries, score

    with _browser_on(site) as (browser, base):
        return score(run_queries(browser, base, load_queries()["queries"]))


SEARCH_RUNS = 3


def print_search(site: Path) -> None:
    print(f"\nSearch (the first query on the search page, fresh profile, simulated network; median of {SEARCH_RUNS}):")
    for name, network in NETWORKS.items():
        runs = [search_cost(site, network) for _ in range(SEARCH_RUNS)]
        for lang in LANGS:
            size = runs[0][lang][0]
            times = sorted(run[lang][1] for run in runs)
            print(f"  {name}, {lang} «{FIRST_QUERY[lang]}»: +{size / 1024:.1f} KiB gzip, first result in "
                  f"{statistics.median(times):.2f} s ({times[0]:.2f}–{times[-1]:.2f})")
    hits, total = search_score(site)
    print(f"  query set: {hits}/{total} ({hits / total:.1%}) find their entry in the first three")


# ---------------------------------------------------------------- Lighthouse


LIGHTHOUSE_RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _lighthouse_once(tool: Path, url: str) -> dict | str:
    """One Lighthouse report, or why there is none."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        # Chromium's flags exactly as the project's Lighthouse set-up was measured (no --disable-gpu of our own).
        result = subprocess.run(
            ["node", str(tool), url, "--quiet", "--output=json", f"--output-path={out}",
             "--chrome-flags=--headless=new --no-sandbox", f"--only-categories={','.join(CATEGORIES)}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=240,
        )
        if not out.exists():
            return (result.stderr or result.stdout).strip()[-300:]
        return json.loads(out.read_text(encoding="utf-8"))


def _score(report: dict, category: str) -> int | None:
    score = report["categories"][category]["score"]
    return None if score is None else round(score * 100)


def lighthouse(site: Path) -> None:
    """Each page LIGHTHOUSE_RUNS times; the median run by performance (then TBT) is printed, with the range of the
    performance score over the runs: a single run's TBT varies by tens of milliseconds on the same machine, and
    Lighthouse's own guidance is to report the median of several runs."""
    tool = ROOT / "node_modules/.bin/lighthouse"
    if not tool.exists():
        print("\nLighthouse: not installed (npm ci)")
        return
    httpd, base = _serve(site)
    speeds = []  # Lighthouse's estimate of this machine's CPU, from every report
    print(f"\nLighthouse (mobile, simulated throttling; median of {LIGHTHOUSE_RUNS} runs): performance / accessibility /"
          " best practices / SEO; LCP, TBT, CLS; performance over the runs")
    try:
        for lang, prefix in LANGS.items():
            for page_path in LIGHTHOUSE_PAGES:
                name = f"{lang} /{page_path}"
                runs = [_lighthouse_once(tool, base + prefix + page_path) for _ in range(LIGHTHOUSE_RUNS)]
                reports = [r for r in runs if isinstance(r, dict)]
                speeds += [r["environment"]["benchmarkIndex"] for r in reports]
                if not reports:
                    print(f"{name:<16} failed: {runs[-1]}")
                    continue
                reports.sort(key=lambda r: (-(_score(r, "performance") or 0),
                                            r["audits"]["total-blocking-time"]["numericValue"]))
                report = reports[len(reports) // 2]
                scores = " / ".join(str(s) if (s := _score(report, c)) is not None else "–" for c in CATEGORIES)
                audits = report["audits"]
                lcp = audits["largest-contentful-paint"]["numericValue"]
                tbt = audits["total-blocking-time"]["numericValue"]
                cls = audits["cumulative-layout-shift"]["numericValue"]
                spread = sorted(_score(r, "performance") or 0 for r in reports)
                failed = f", {len(runs) - len(reports)} failed" if len(reports) < len(runs) else ""
                print(f"{name:<16} {scores:<20} LCP {lcp / 1000:.2f} s, TBT {tbt:.0f} ms, CLS {cls:.3f}; "
                      f"performance {spread[0]}–{spread[-1]}{failed}")
        # Simulated throttling slows this machine's CPU by a fixed 4x: the same page measures more TBT on a slower
        # machine, so runs on different machines compare only with this figure beside them.
        if speeds:
            print(f"this machine's Lighthouse benchmark index (higher is faster): median {statistics.median(speeds):.0f}"
                  f", {min(speeds):.0f}–{max(speeds):.0f} over {len(speeds)} runs")
    finally:
        httpd.shutdown()


# ---------------------------------------------------------------- the run


def _validation_time(data_dir: Path, runs: int = 5) -> float:
    """A cold load each time, as an editor's `make validate` or CI runs it: the parse cache is emptied first."""
    times = []
    for _ in range(runs):
        yamlread._parse.cache_clear()
        start = time.perf_counter()
        load_data(data_dir)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _guard_time(site: Path, runs: int = 5) -> float:
    """explainer/publish/output_guard.py over every published file, as the build runs it (the finished site passes too)."""
    ids = [page.id for page in load_data(ROOT / "data").pages.pages]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_site(site, ROOT, ROOT / "docs", ROOT / "explainer/publish/theme", ids)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scale(tmp: Path, factors: tuple[int, ...]) -> None:
    """Validation and one build with factions and actors repeated: what grows faster than the data shows here."""
    print("\nWith the data multiplied (factions and actors repeated; generated here, not committed):")
    for times_n in factors:
        data = _multiply(tmp / f"data-{times_n}", times_n)
        try:
            validation = _validation_time(data, 1 if times_n >= 100 else 3)
            project = _copy_project(tmp / f"project-{times_n}", data)
            built = _build(project, tmp / f"site-{times_n}")
            print(f"  ×{times_n}: validate {validation * 1000:.0f} ms (cold), build {built:.2f} s", flush=True)
        except Exception as exc:  # a figure that could not be measured is reported, not raised
            print(f"  ×{times_n}: not measured: {str(exc).strip().splitlines()[-1][:300]}", flush=True)


def main() -> None:
    quick = os.environ.get("BENCHMARK_QUICK") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if os.environ.get("BENCHMARK_SCALE_ONLY") == "1":
            scale(tmp, (1, 10, 100))
            return
        site = tmp / "site"
        times = [_build(ROOT, site) for _ in range(1 if quick else 3)]
        print(f"build (both languages, search index, fonts, purge, CSP): median {statistics.median(times):.2f} s "
              f"of {', '.join(f'{t:.2f}' for t in times)}")
        print(f"validate data/: median {_validation_time(ROOT / 'data') * 1000:.0f} ms of 5, cold (no parse cache)")
        files = [p for p in site.rglob("*") if p.is_file()]
        print(f"deployed: {len(files)} files, {sum(p.stat().st_size for p in files) / 1024:.0f} KiB")
        print(f"output guard on the built site: median {_guard_time(site) * 1000:.0f} ms of 5")

        plain_site = tmp / "plain-site"
        plain_time = _build(_plain_material(tmp / "plain"), plain_site)
        shutil.copytree(site / "assets/fonts", plain_site / "assets/fonts")
        # Written after the build too: the validator refuses any file in docs/ but the pages and the theme's own.
        (plain_site / "assets/stylesheets/fonts.css").write_text(PLAIN_FONTS_CSS, encoding="utf-8")
        print(f"plain Material twin built in {plain_time:.2f} s")
        _print_weights(first_visits(site), first_visits(plain_site))
        print_search(site)

        if not quick:
            lighthouse(site)

        scale(tmp, (10, 100))


if __name__ == "__main__":
    main()
