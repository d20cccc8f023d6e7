"""Performance benchmark (not a test): build time and how it grows, bytes transferred per
page view, Lighthouse scores, and the MDN HTTP Observatory grade of the shipped nginx
configuration. Run by `make bench`; prints the figures recorded in README ("Performance").

Everything runs on this machine: the site is served by Debian's nginx on 127.0.0.1
(tests/local_nginx.py, the shipped configuration), Lighthouse drives the system Chromium.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE.parent), str(ROOT / "hooks")]  # conftest imports hooks, as under pytest

from conftest import record_traffic, wait_until_settled  # noqa: E402
from local_nginx import Tls, free_port, serve  # noqa: E402

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
OBSERVATORY = HERE / "node_modules" / ".bin" / "mdn-http-observatory-scan"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Home page, a step page and the checklist page, in both languages.
LIGHTHOUSE_PAGES = ("", "objectifs/", "preparation/", "en/", "en/objectives/", "en/readiness/")
LIGHTHOUSE_RUNS = 3
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "SI": "speed-index",
}
LIGHTHOUSE_ATTEMPTS = 3
SCALES = (1, 2, 5, 10)
BUILD_RUNS = 3
FIRST_VIEW_BUDGET_KIB = 110  # issue 18: "first view ≤ 110 KiB"
FURTHER_VIEW_BUDGET_KIB = 15
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


# --- Build time ------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildTime:
    wall: float
    cpu: float  # user + system time of the build process: steadier than wall time on a shared machine


def _build(project: Path, site: Path, env: dict[str, str] | None = None) -> BuildTime:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(MKDOCS), "build", "--quiet", "--clean", "--site-dir", str(site)],
        cwd=project,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return BuildTime(wall, cpu)


def _scaled_copy(scale: int, into: Path) -> tuple[Path, int]:
    """The project with each page copied `scale` times (copies outside the nav)."""
    project = into / f"x{scale}"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        else:
            shutil.copy2(source, project / part)
    pages = sorted((project / "docs").glob("*.md"))
    for copy in range(2, scale + 1):
        for page in pages:
            slug, lang, _ = page.name.split(".")
            (page.parent / f"{slug}-{copy}.{lang}.md").write_text(page.read_text("utf-8"), "utf-8")
    return project, len(list((project / "docs").glob("*.md")))


def bench_build_time(work: Path) -> list[tuple[int, int, float, float]]:
    """(scale, Markdown pages, median wall seconds, median CPU seconds) for the real site
    and its copies."""
    rows = []
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    for scale in SCALES:
        project, pages = _scaled_copy(scale, work)
        times = [_build(project, work / f"site-x{scale}", env) for _ in range(BUILD_RUNS)]
        wall = statistics.median(t.wall for t in times)
        cpu = statistics.median(t.cpu for t in times)
        rows.append((scale, pages, wall, cpu))
        print(f"build x{scale}: {pages} pages, median {wall:.2f} s wall, {cpu:.2f} s CPU, of {BUILD_RUNS}")
    return rows


# --- Bytes transferred --------------------------------------------------------------------


@dataclass(frozen=True)
class Transfer:
    path: str
    first_view_kib: float
    further_view_kib: float


def _logged_bytes(log: Path) -> int:
    return sum(int(line.split()[1]) for line in log.read_text().splitlines() if line.strip())


def bench_transfer(url: str, log: Path) -> list[Transfer]:
    """KiB sent by nginx (headers included) for a first view of a page with an empty cache,
    then for a further page view in the same browser (its cache warm)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for first, further in (
            ("", "objectifs/"),
            ("en/readiness/", "en/plan/"),
            ("plan/", "preparation/"),
        ):
            context = browser.new_context()
            page = context.new_page()
            traffic = record_traffic(page, url)
            log.write_text("")
            page.goto(url + first)
            wait_until_settled(page, traffic)  # every request answered, so nginx has logged it
            first_bytes = _logged_bytes(log)
            log.write_text("")
            page.goto(url + further)
            wait_until_settled(page, traffic)
            further_bytes = _logged_bytes(log)
            rows.append(Transfer(f"/{first} → /{further}", first_bytes / 1024, further_bytes / 1024))
            print(
                f"transfer /{first}: first view {first_bytes / 1024:.1f} KiB; then /{further}: "
                f"{further_bytes / 1024:.1f} KiB"
            )
            context.close()
        browser.close()
    return rows


# --- Lighthouse ----------------------------------------------------------------------------


def _lighthouse(url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run; Chromium's trace now and then fails to record (NO_NAVSTART): retry."""
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        result = subprocess.run(
            [
                str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )  # fmt: skip
        if result.returncode == 0:
            return dict(json.loads(report.read_text("utf-8")))
        print(f"lighthouse {url}: attempt {attempt} failed (exit {result.returncode})")
    raise RuntimeError(f"Lighthouse failed {LIGHTHOUSE_ATTEMPTS} times on {url}")


def _performance(data: dict[str, object]) -> tuple[int, dict[str, float]]:
    score = round(100 * (data["categories"]["performance"]["score"] or 0))  # type: ignore[index]
    metrics = {name: data["audits"][audit]["numericValue"] for name, audit in METRICS.items()}  # type: ignore[index]
    return score, metrics


def bench_speed_switch(work: Path) -> None:
    """The strict CSP unit's speed switch (extra.strict_csp.speed), on against off on the same
    run: two builds served side by side, Lighthouse taking turns page by page; then the
    bytes of a first and a further view for each."""
    urls = {}
    with contextlib.ExitStack() as stack:
        for speed in ("true", "false"):
            port = free_port()
            site = work / f"site-speed-{speed}"
            _build(ROOT, site, {"SITE_URL": f"http://127.0.0.1:{port}/", "STRICT_CSP_SPEED": speed})
            urls[speed] = stack.enter_context(serve(site, work / f"nginx-{speed}", port=port))
        runs: dict[tuple[str, str], list[tuple[int, dict[str, float]]]] = {}
        for run in range(LIGHTHOUSE_RUNS):
            for path in LIGHTHOUSE_PAGES:
                for speed, url in urls.items():
                    report = work / f"lh-{speed}-{path.replace('/', '_') or 'home'}-{run}.json"
                    runs.setdefault((path, speed), []).append(_performance(_lighthouse(url + path, report)))
        print(
            f"\n## Speed switch, Lighthouse performance (median of {LIGHTHOUSE_RUNS}; load {os.getloadavg()})\n"
        )
        print("| Page | speed: true (runs) | FCP / LCP / TBT ms | speed: false (runs) | FCP / LCP / TBT ms |")
        print("| --- | --- | --- | --- | --- |")
        for path in LIGHTHOUSE_PAGES:
            cells = []
            for speed in urls:
                scores = [score for score, _ in runs[(path, speed)]]
                ms = [
                    round(statistics.median(metrics[name] for _, metrics in runs[(path, speed)]))
                    for name in ("FCP", "LCP", "TBT")
                ]
                cells += [
                    f"{round(statistics.median(scores))} {tuple(scores)}",
                    " / ".join(f"{m:,}" for m in ms),
                ]
            print(f"| `/{path}` | " + " | ".join(cells) + " |")
        for speed, url in urls.items():
            print(f"\nspeed: {speed}")
            bench_transfer(url, work / f"nginx-{speed}" / "access.log")


def bench_lighthouse(url: str, work: Path) -> list[tuple[str, dict[str, int], float]]:
    """(page, median score per category over LIGHTHOUSE_RUNS runs, total KiB), with
    Lighthouse's default mobile emulation (Moto G Power, slow 4G, 4x CPU slowdown)."""
    rows = []
    for path in LIGHTHOUSE_PAGES:
        runs = []
        for run in range(LIGHTHOUSE_RUNS):
            report = work / f"lighthouse-{path.replace('/', '_') or 'home'}-{run}.json"
            runs.append(_lighthouse(url + path, report))
        scores = {
            c: round(statistics.median(100 * (data["categories"][c]["score"] or 0) for data in runs))  # type: ignore[index]
            for c in CATEGORIES
        }
        weight = runs[0]["audits"]["total-byte-weight"]["numericValue"] / 1024  # type: ignore[index]
        failing = sorted(
            {
                f"{ref['id']}"
                for data in runs
                for category in CATEGORIES
                for ref in data["categories"][category]["auditRefs"]  # type: ignore[index]
                if ref["weight"] > 0
                and data["audits"][ref["id"]]["score"] is not None  # type: ignore[index]
                and data["audits"][ref["id"]]["score"] < 1  # type: ignore[index]
            }
        )
        rows.append((f"/{path}", scores, weight))
        each = [round(100 * (data["categories"]["performance"]["score"] or 0)) for data in runs]  # type: ignore[index]
        # Which metric costs the points, and how fast this machine is (Lighthouse multiplies the
        # CPU time it observes by 4: a slower or busier host gets a lower score).
        metrics = {
            name: round(statistics.median(data["audits"][audit]["numericValue"] for data in runs))  # type: ignore[index]
            for name, audit in METRICS.items()
        }
        bench = round(statistics.median(data["environment"]["benchmarkIndex"] for data in runs))  # type: ignore[index]
        print(
            f"lighthouse /{path}: median {scores} (performance runs {each}), {weight:.1f} KiB; "
            f"median ms {metrics}; benchmarkIndex {bench}"
            + (f"; audits below 1 in some run: {failing}" if failing else "")
        )
    return rows


# --- MDN HTTP Observatory ------------------------------------------------------------------


def bench_observatory(host: str, certificate: Path | None = None) -> tuple[str, int, list[str]]:
    """(grade, score, each test with its score change) from the Observatory CLI.

    Run as its wrapper does (node src/scan.js), but trusting `certificate`: the wrapper
    would trust only a certificate bundle that its install script downloads."""
    package = HERE / "node_modules" / "@mdn" / "mdn-http-observatory"
    # The same install script downloads Chromium's HSTS preload list (no network here).
    # An empty list only means "not preloaded", which is true of a local host.
    preload = package / "conf" / "hsts-preload.json"
    if not preload.is_file():
        preload.write_text("{}", encoding="utf-8")
    env = {**os.environ, **({"NODE_EXTRA_CA_CERTS": str(certificate)} if certificate else {})}
    result = subprocess.run(
        ["node", str(package / "src" / "scan.js"), host], capture_output=True, text=True, timeout=180, env=env
    )
    report = json.loads(result.stdout)
    if report.get("error"):
        print(f"observatory {host}: {report['error']}")
        return "none", 0, [report["error"]]
    lines = [
        f"{name}: {test['result']} ({test['scoreModifier']:+d})"
        for name, test in sorted(report["tests"].items())
    ]
    print(f"observatory {host}: grade {report['scan']['grade']}, score {report['scan']['score']}")
    print("\n".join(f"  {line}" for line in lines))
    return report["scan"]["grade"], report["scan"]["score"], lines


def bench_observatory_https(site: Path, work: Path) -> tuple[str, int, list[str]]:
    """The shipped configuration in its HTTPS form (port 443, HSTS, port 80 redirecting),
    with a throwaway certificate for `localhost` made here."""
    for port in (80, 443):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return "not run", 0, [f"port {port} is in use on this machine"]
    tls = work / "tls"
    tls.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem"),
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    with serve(site, work / "nginx-tls", port=443, tls=Tls(tls / "cert.pem", tls / "key.pem")):
        return bench_observatory("localhost", tls / "cert.pem")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        build_rows = bench_build_time(work)
        port = free_port()
        site = work / "site-served"
        # Absolute hreflang links need the address the site is served at.
        _build(ROOT, site, {"SITE_URL": f"http://127.0.0.1:{port}/"})
        with serve(site, work / "nginx", port=port) as url:
            transfer_rows = bench_transfer(url, work / "nginx" / "access.log")
            lighthouse_rows = bench_lighthouse(url, work)
            http_scan = bench_observatory(url.removeprefix("http://").rstrip("/"))
        https_scan = bench_observatory_https(site, work)
    print("\n## Figures (Markdown, for README)\n")
    print("| Page | Performance | Accessibility | Best practices | SEO | Total KiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for path, scores, weight in lighthouse_rows:
        print(f"| `{path}` | " + " | ".join(str(scores[c]) for c in CATEGORIES) + f" | {weight:.0f} |")
    print("\n| First view → further view | First view KiB | Further view KiB |")
    print("| --- | --- | --- |")
    for row in transfer_rows:
        print(f"| {row.path} | {row.first_view_kib:.1f} | {row.further_view_kib:.1f} |")
    print("\n| Scale | Markdown pages | Wall (median s) | CPU (median s) | CPU ms per page |")
    print("| --- | --- | --- | --- | --- |")
    for scale, pages, wall, cpu in build_rows:
        print(f"| {scale}x | {pages} | {wall:.2f} | {cpu:.2f} | {1000 * cpu / pages:.0f} |")
    for title, (grade, score, lines) in (
        ("plain HTTP on 127.0.0.1", http_scan),
        ("HTTPS form, https://localhost", https_scan),
    ):
        print(f"\nMDN HTTP Observatory, shipped nginx config, {title}: {grade}, score {score}")
        print("\n".join(f"- {line}" for line in lines))
    over = [r for r in transfer_rows if r.first_view_kib > FIRST_VIEW_BUDGET_KIB]
    over += [r for r in transfer_rows if r.further_view_kib > FURTHER_VIEW_BUDGET_KIB]
    if over:
        print(f"\nOVER BUDGET ({FIRST_VIEW_BUDGET_KIB} / {FURTHER_VIEW_BUDGET_KIB} KiB): {over}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--speed-switch"]:
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            bench_speed_switch(Path(tmp))
        sys.exit(0)
    if sys.argv[1:] == ["--build-only"]:
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            for scale, pages, wall, cpu in bench_build_time(Path(tmp)):
                print(f"| {scale}x | {pages} | {wall:.2f} | {cpu:.2f} | {1000 * cpu / pages:.0f} |")
        sys.exit(0)
    sys.exit(main())
