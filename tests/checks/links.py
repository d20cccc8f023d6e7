"""Every link of the built site leads somewhere; external links are listed, never fetched.

    python -m checks.links site/                  problems, then exit 1 if any
    python -m checks.links site/ --external FILE  also write the external links report

The strict MkDocs build already checks links between Markdown pages. This check
reads the built HTML, so it also covers links that templates, hooks and data
files (checklist, glossary) add, in both languages.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from checks.pages import BuiltPage, built_pages, line_of, page_for

# Attributes that point at another file or place.
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "area": "href",
}
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")
# Harmless: inline images, and the browser's own "this page" link.
IGNORED_SCHEMES = ("data", "blob")


@dataclass(frozen=True)
class Link:
    tag: str
    target: str
    text: str


@dataclass(frozen=True)
class Problem:
    source: str  # the file an editor fixes
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}, line {self.line}" if self.line else self.source
        return f"{where}: {self.message}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self._open: list[tuple[str, str]] = []  # (target, text so far) of the open <a>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and attribute in values:
            if tag == "a":
                self._open.append((values[attribute], ""))
            else:
                self.links.append(Link(tag, values[attribute], values.get("alt", "")))

    def handle_data(self, data: str) -> None:
        if self._open:
            target, text = self._open[-1]
            self._open[-1] = (target, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            target, text = self._open.pop()
            self.links.append(Link("a", target, " ".join(text.split())))


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector


def _resolve(site_dir: Path, page: BuiltPage, target_path: str) -> Path | None:
    """The file a relative or root-relative link opens, or None when it leaves the site."""
    here = posixpath.dirname(page.path.relative_to(site_dir).as_posix())
    joined = target_path.lstrip("/") if target_path.startswith("/") else posixpath.join(here, target_path)
    normal = posixpath.normpath(joined) if joined else "."
    if normal.startswith(".."):
        return None
    candidate = site_dir / normal if normal != "." else site_dir
    if candidate.is_dir() or target_path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate


def check_site(site_dir: Path, docs_root: Path) -> tuple[list[Problem], dict[str, list[str]]]:
    """(broken links, external links → the pages that use them) for the built site."""
    pages = built_pages(site_dir, include_redirects=True)
    parsed = {page.path: _parse(page.path) for page in pages}
    problems: list[Problem] = []
    external: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        for link in parsed[page.path].links:
            problem = _check_link(site_dir, docs_root, page, link, parsed, external)
            if problem is not None and problem not in problems:
                problems.append(problem)
    return problems, {url: sorted(sources) for url, sources in sorted(external.items())}


def _check_link(
    site_dir: Path,
    docs_root: Path,
    page: BuiltPage,
    link: Link,
    parsed: dict[Path, _Collector],
    external: dict[str, set[str]],
) -> Problem | None:
    parts = urlsplit(link.target)
    if parts.scheme in EXTERNAL_SCHEMES or link.target.startswith("//"):
        external[link.target].add(page.source)
        return None
    if parts.scheme in IGNORED_SCHEMES:
        return None
    shown = f"“{link.text}” ({link.target})" if link.text else f"“{link.target}”"
    line = line_of(docs_root / page.source, link.text, parts.fragment and f"#{parts.fragment}")
    if parts.scheme:
        return Problem(page.source, line, f"the link {shown} uses “{parts.scheme}:”, which is not allowed.")
    fragment = unquote(parts.fragment)
    if not parts.path:
        if fragment and fragment not in parsed[page.path].ids:
            return Problem(
                page.source,
                line,
                f"the link {shown} points to a section “#{fragment}” that this page does not have. "
                "Use the {#id} written after one of its headings.",
            )
        return None
    target = _resolve(site_dir, page, unquote(parts.path))
    if target is None or not target.is_file():
        return Problem(
            page.source,
            line,
            f"the link {shown} leads to a page that does not exist. Link to another page with its "
            "file name, for example [the plan](plan.md).",
        )
    if fragment and target in parsed and fragment not in parsed[target].ids:
        target_page = page_for(site_dir, target.relative_to(site_dir).as_posix())
        return Problem(
            page.source,
            line,
            f"the link {shown} points to a section “#{fragment}” that {target_page.source} does not have. "
            "Use the {#id} written after one of that page's headings.",
        )
    return None


def external_report(external: dict[str, list[str]]) -> str:
    """The external links, one per line with the pages that use them (not fetched: no network in CI)."""
    everywhere = max((len(sources) for sources in external.values()), default=0)
    lines = [f"{len(external)} external links (listed, not fetched):"]
    for url, sources in external.items():
        # Links of the theme (footer, edit link) are on every page: say so instead of listing them all.
        where = "every page" if len(sources) == everywhere > 2 else ", ".join(sources)
        lines.append(f"{url}\t{where}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.links", description=__doc__.split("\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site (make build writes site/)")
    parser.add_argument("--docs-root", type=Path, default=Path("."), help="folder holding docs/")
    parser.add_argument("--external", type=Path, help="write the external links report to this file")
    args = parser.parse_args(argv)
    problems, external = check_site(args.site_dir, args.docs_root)
    if args.external:
        args.external.write_text(external_report(external), encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} broken links; {len(external)} external links listed.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
