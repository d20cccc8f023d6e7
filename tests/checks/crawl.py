"""Crawl a served copy of the site: every link a page makes stays on the site and answers.

    python -m checks.crawl http://127.0.0.1:8080/guides/sm/     problems, then exit 1 if any

Starts at the site's root and its English root (and a missing page in each language,
for the 404 pages), follows every link that stays under the site's address, and
reports each link that leaves the site's address on the same host (a root-absolute
`/en/` under a sub-path) or answers with an error. Links to other hosts are the
guide's sources and the repository: they are counted, never fetched.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.request import urlopen

from checks.links import LINK_ATTRIBUTES

# Pages that are not pages: no link to follow in them.
NOT_FOUND_PROBES = ("no/such/page/", "en/no/such/page/")


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


Fetch = Callable[[str], Answer]


def fetch(url: str) -> Answer:
    """GET with urllib; an HTTP error is an answer too."""
    try:
        with urlopen(url, timeout=10) as response:
            return Answer(response.status, response.headers.get_content_type(), response.read())
    except HTTPError as error:
        return Answer(error.code, error.headers.get_content_type(), error.read())
    except URLError as error:
        return Answer(0, "", str(error.reason).encode())


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attribute = LINK_ATTRIBUTES.get(tag)
        for name, value in attrs:
            if name == attribute and value:
                self.links.append(value)


def page_links(html: str) -> list[str]:
    """Every href/src of the page, as written."""
    parser = _Links()
    parser.feed(html)
    return parser.links


@dataclass
class Report:
    site: str
    pages: int = 0
    links: int = 0
    external: set[str] = field(default_factory=set)
    leaving: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.leaving + self.broken


def _without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def crawl(site: str, get: Fetch = fetch) -> Report:
    """Follow every link of the site at `site` (ending with "/"); see the module's docstring."""
    report = Report(site)
    origin = urlsplit(site)
    answers: dict[str, Answer] = {}

    def answer(url: str) -> Answer:
        if url not in answers:
            answers[url] = get(url)
        return answers[url]

    queue = [site, urljoin(site, "en/"), *(urljoin(site, probe) for probe in NOT_FOUND_PROBES)]
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        page = answer(url)
        if page.content_type != "text/html":
            continue
        report.pages += 1
        for link in page_links(page.body.decode("utf-8", "replace")):
            target = urljoin(url, link)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https"):
                continue  # mailto:, data:
            report.links += 1
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                report.external.add(target)
                continue
            where = f"{url}: {link}"
            if not parts.path.startswith(origin.path):
                report.leaving.append(f"{where} leaves the site (→ {parts.path})")
                continue
            resource = _without_fragment(target)
            status = answer(resource).status
            if status != 200:
                report.broken.append(f"{where} answers {status}")
            elif resource not in seen:
                seen.add(resource)
                queue.append(resource)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.crawl", description=__doc__.split("\n")[0])
    parser.add_argument("site", help="the served site's address, ending with /")
    args = parser.parse_args(argv)
    report = crawl(args.site if args.site.endswith("/") else f"{args.site}/")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(
        f"{report.pages} pages, {report.links} links: {len(report.leaving)} leave the site, "
        f"{len(report.broken)} broken, {len(report.external)} distinct external addresses."
    )
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
