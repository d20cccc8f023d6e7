"""Fetch every link of the built site that leads to another site, and say which ones broke.

    python -m checks.external_links site/            one line per link, then exit 1 if any is broken
    python -m checks.external_links site/ --timeout 20 --workers 4

Needs the network, so it is not part of `make test` (which runs offline): editors run
`make links-external`, and the monthly workflow runs it. Each line gives the link's
status and where an editor fixes it: the page (docs/*.md) or data file (docs/data/*.yml)
and the line that holds the address.

- broken: the page is gone (404, 410), the host does not exist (no DNS entry), or it
  refuses connections. Exit status 1.
- could not confirm, check by hand: the site answered 401, 403, 429, another 4xx or a
  5xx, or did not answer in time. Sites often turn scripts away; a reader may still get
  through. Exit status 0 when nothing is broken.
- moved: the address redirects to another one that works; link to the new one.
- fine: it answered 2xx.

Each link is asked with HEAD first (no page body downloaded), then with GET when HEAD
fails (many servers refuse or mishandle HEAD); redirects are followed one by one, so
the report can name where they lead. Sites are asked in parallel, each with a timeout,
one request at a time per site.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import ssl
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from checks.links import check_site
from checks.pages import DOCS_DIR

DEFAULT_TIMEOUT = 15.0
DEFAULT_WORKERS = 8
MAX_REDIRECTS = 10
# Some sites turn away Python's default user agent; this one says what is asking.
USER_AGENT = "Mozilla/5.0 (compatible; guide-link-check; +https://www.python.org/)"
CHECKED_SCHEMES = ("http", "https")
# Status codes that mean the page is gone for every reader.
GONE = frozenset({404, 410})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Where an editor finds the addresses: the pages, then the data files.
SOURCE_PATTERNS = (f"{DOCS_DIR}/*.md", f"{DOCS_DIR}/data/**/*.yml")
# No answer that asking again with GET could change.
NO_SUCH_HOST = "no such host"
REFUSED = "connection refused"
NOT_IN_SOURCES = "not written in docs/: the theme or the settings add it (mkdocs.yml, REPO_URL)"


class Verdict(Enum):
    BROKEN = "broken"
    UNCONFIRMED = "could not confirm, check by hand"
    MOVED = "moved"
    FINE = "fine"


@dataclass(frozen=True)
class Outcome:
    """What asking for one address gave: its status in plain words, and the verdict."""

    verdict: Verdict
    status: str  # "404 Not Found", "no such host", "timed out after 15 s"
    moved_to: str | None = None


@dataclass(frozen=True)
class Place:
    """A line of a source file that holds an address."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}"


@dataclass(frozen=True)
class Report:
    url: str
    outcome: Outcome
    places: tuple[Place, ...]
    pages: tuple[str, ...]  # the built pages' sources, when no source line holds the address

    def __str__(self) -> str:
        status = self.outcome.status
        if self.outcome.moved_to:
            status += f", now at {self.outcome.moved_to}: link to that address instead"
        where = (
            "; ".join(str(place) for place in self.places) or f"{NOT_IN_SOURCES}; on {', '.join(self.pages)}"
        )
        return f"{self.outcome.verdict.value.upper()}: {self.url} ({status}). Fix it in: {where}"


# --- Which links -----------------------------------------------------------------------


def external_links(site_dir: Path, docs_root: Path, site_url: str = "") -> dict[str, list[str]]:
    """http(s) links to other hosts in the built site → the sources of the pages that use them.
    Links to `site_url`'s own host are the site's own pages, checked by checks.links."""
    own = _origin(site_url) if site_url else None
    _, external = check_site(site_dir, docs_root)
    return {
        url: pages
        for url, pages in external.items()
        if urlsplit(url).scheme in CHECKED_SCHEMES and _origin(url) != own
    }


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def source_places(urls: Iterable[str], docs_root: Path) -> dict[str, tuple[Place, ...]]:
    """Each address → the lines of docs/*.md and docs/data/*.yml that hold it."""
    wanted = set(urls)
    found: dict[str, list[Place]] = {url: [] for url in wanted}
    files = sorted({path for pattern in SOURCE_PATTERNS for path in docs_root.glob(pattern)})
    for path in files:
        name = path.relative_to(docs_root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "http" not in line:
                continue
            for url in wanted:
                if _holds(line, url):
                    found[url].append(Place(name, number))
    return {url: tuple(places) for url, places in found.items()}


def _holds(line: str, url: str) -> bool:
    """The line holds the whole address, not only its beginning (…/a inside …/ab)."""
    start = line.find(url)
    while start != -1:
        end = start + len(url)
        if end == len(line) or not (line[end].isalnum() or line[end] in "/-_.~%?=&#+"):
            return True
        start = line.find(url, start + 1)
    return False


# --- Asking each site ------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand each redirect back as an answer, so that every hop is seen and reported."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


# One opener for every thread: it holds no state between requests (no cookies).
_OPENER = urllib.request.build_opener(_NoRedirects())

Fetch = Callable[[str, str, float], tuple[int, str, str | None]]


def fetch(url: str, method: str, timeout: float) -> tuple[int, str, str | None]:
    """(status code, reason, Location header) of one request; network errors raise."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.reason, response.headers.get("Location")
    except urllib.error.HTTPError as answer:  # a status of 300 or more is an answer too
        with answer:
            return answer.code, str(answer.reason), answer.headers.get("Location")


def check_url(url: str, timeout: float = DEFAULT_TIMEOUT, fetch: Fetch = fetch) -> Outcome:
    """Ask with HEAD, then with GET if HEAD did not get a good answer."""
    outcome = _follow(url, "HEAD", timeout, fetch)
    if outcome.verdict in (Verdict.FINE, Verdict.MOVED) or outcome.status in (NO_SUCH_HOST, REFUSED):
        return outcome
    return _follow(url, "GET", timeout, fetch)


def _follow(url: str, method: str, timeout: float, fetch: Fetch) -> Outcome:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        try:
            code, reason, location = fetch(current, method, timeout)
        except Exception as error:  # every failure is reported, none stops the run
            return classify_error(error, timeout)
        if code in REDIRECTS and location:
            current = urljoin(current, location)
            continue
        outcome = classify_status(code, reason)
        if current != url and outcome.verdict is Verdict.FINE:
            return Outcome(Verdict.MOVED, f"{code} {reason} after a redirect".strip(), moved_to=current)
        if current != url:
            return Outcome(outcome.verdict, f"{outcome.status} at {current}, where it redirects")
        return outcome
    return Outcome(Verdict.UNCONFIRMED, f"more than {MAX_REDIRECTS} redirects")


def classify_status(code: int, reason: str = "") -> Outcome:
    """The verdict for a final HTTP answer (redirects already followed)."""
    status = f"{code} {reason}".strip()
    if 200 <= code < 300:
        return Outcome(Verdict.FINE, status)
    if code in GONE:
        return Outcome(Verdict.BROKEN, status)
    return Outcome(Verdict.UNCONFIRMED, status)


def classify_error(error: BaseException, timeout: float = DEFAULT_TIMEOUT) -> Outcome:
    """The verdict for a request that got no HTTP answer."""
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, socket.gaierror):
        return Outcome(Verdict.BROKEN, NO_SUCH_HOST)
    if isinstance(reason, ConnectionRefusedError):
        return Outcome(Verdict.BROKEN, REFUSED)
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return Outcome(Verdict.UNCONFIRMED, f"timed out after {timeout:g} s")
    if isinstance(reason, ssl.SSLError):
        return Outcome(Verdict.UNCONFIRMED, f"secure connection failed ({reason.reason or reason})")
    if isinstance(reason, (OSError, http.client.HTTPException)):
        return Outcome(Verdict.UNCONFIRMED, f"no answer ({reason})")
    return Outcome(Verdict.UNCONFIRMED, f"error ({reason})")


def check_all(
    urls: Iterable[str],
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    fetch: Fetch = fetch,
) -> dict[str, Outcome]:
    """Every address asked, the hosts in parallel, one request at a time per host (a
    site asked many times at once may answer 429 Too Many Requests); the answers in
    the addresses' order."""
    ordered = list(urls)
    by_host: dict[str, list[str]] = {}
    for url in ordered:
        by_host.setdefault(_origin(url), []).append(url)

    def check_host(host_urls: list[str]) -> dict[str, Outcome]:
        return {url: check_url(url, timeout, fetch) for url in host_urls}

    outcomes: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for found in pool.map(check_host, by_host.values()):
            outcomes.update(found)
    return {url: outcomes[url] for url in ordered}


# --- The report ------------------------------------------------------------------------

ORDER = (Verdict.BROKEN, Verdict.UNCONFIRMED, Verdict.MOVED, Verdict.FINE)


def reports(
    site_dir: Path,
    docs_root: Path,
    site_url: str = "",
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    fetch: Fetch = fetch,
) -> list[Report]:
    """One report per external link of the built site: the broken ones first, then in the
    order an editor meets them (file, line), so the report reads the same on every run."""
    links = external_links(site_dir, docs_root, site_url)
    outcomes = check_all(links, timeout, workers, fetch)
    places = source_places(links, docs_root)
    found = [Report(url, outcomes[url], places[url], tuple(links[url])) for url in links]
    return sorted(found, key=_report_order)


def _report_order(report: Report) -> tuple[int, tuple[str, int], str]:
    first = min(((place.file, place.line) for place in report.places), default=("~", 0))
    return ORDER.index(report.outcome.verdict), first, report.url


def summary(found: list[Report]) -> str:
    counts = {verdict: sum(r.outcome.verdict is verdict for r in found) for verdict in ORDER}
    return (
        f"{len(found)} external links: {counts[Verdict.BROKEN]} broken, "
        f"{counts[Verdict.UNCONFIRMED]} could not be confirmed (check them by hand), "
        f"{counts[Verdict.MOVED]} moved, {counts[Verdict.FINE]} fine."
    )


def offline(found: list[Report]) -> bool:
    """Every one of several hosts unknown: the network is down, not every link broken."""
    hosts = {urlsplit(report.url).hostname for report in found}
    return len(hosts) > 1 and all(report.outcome.status == NO_SUCH_HOST for report in found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.external_links", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("site_dir", type=Path, help="the built site (make build writes site/)")
    parser.add_argument("--docs-root", type=Path, default=Path("."), help="folder holding docs/")
    parser.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL", ""),
        help="the site's own address (links to it are skipped)",
    )
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to wait for each answer"
    )
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="requests at the same time")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir} holds no built site: run `make build` first.", file=sys.stderr)
        return 2
    found = reports(args.site_dir, args.docs_root, args.site_url, args.timeout, args.workers)
    for report in found:
        print(report)
    print(summary(found))
    if offline(found):
        print("No site answered at all: check this machine's network connection, then run it again.")
    return 1 if any(report.outcome.verdict is Verdict.BROKEN for report in found) else 0


if __name__ == "__main__":
    sys.exit(main())
