"""Where a built page comes from: site/en/plan/index.html ← docs/plan.en.md.

Editors fix Markdown files, not built HTML, so every check names the source file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
DOCS_DIR = "docs"
ROOT = Path(__file__).resolve().parents[2]
# `slug: relevance` in a page's front matter (hooks/page_addresses.py): its own address.
SLUG_LINE_RE = re.compile(r"^slug:[ \t]*[\"']?([a-z0-9-]+)", re.MULTILINE)
# Folders of the built site that hold no pages.
NOT_PAGES = ("assets", "search")
# mkdocs-redirects writes a stub page whose only job is this refresh.
REDIRECT_RE = re.compile(r'<meta http-equiv="refresh"', re.IGNORECASE)


@dataclass(frozen=True)
class BuiltPage:
    """One HTML page of the built site."""

    path: Path  # the file on disk
    url: str  # its path below the site root: "en/plan/", "" for the home page, "404.html"
    language: str
    source: str  # the file an editor changes: "docs/plan.en.md"


def built_pages(site_dir: Path, include_redirects: bool = False) -> list[BuiltPage]:
    """Every page of the built site, in a stable order; redirect stubs left out unless asked."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.split("/", 1)[0] in NOT_PAGES:
            continue
        if not include_redirects and is_redirect(path):
            continue
        pages.append(page_for(site_dir, relative))
    return pages


def is_redirect(path: Path) -> bool:
    """A stub written by mkdocs-redirects (it only sends the reader elsewhere)."""
    return bool(REDIRECT_RE.search(path.read_text(encoding="utf-8", errors="replace")[:2000]))


def page_for(site_dir: Path, relative: str) -> BuiltPage:
    """Describe the built file site_dir/relative (a path with forward slashes)."""
    parts = PurePosixPath(relative).parts
    language = parts[0] if len(parts) > 1 and parts[0] in LANGUAGES else DEFAULT_LANGUAGE
    inner = parts[1:] if language != DEFAULT_LANGUAGE else parts
    url = "/".join(inner)
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    slug = url.strip("/") or "index"
    slug = file_name(language, slug)
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    if url.endswith(".html"):  # 404.html: the theme's "page not found", not an editor's page
        source = f"the theme's page {prefix}{url}"
    else:
        source = f"{DOCS_DIR}/{slug}.{language}.md"
    return BuiltPage(site_dir / relative, f"{prefix}{url}", language, source)


def file_name(language: str, address: str) -> str:
    """The page's file name (without language and .md) for its address: "relevance" → "pertinence"."""
    return _file_names(language).get(address, address)


@functools.cache
def _file_names(language: str) -> dict[str, str]:
    """Address → file name, for the pages that a `slug:` moved ("relevance" → "pertinence")."""
    names = {}
    for path in sorted((ROOT / DOCS_DIR).glob(f"*.{language}.md")):
        match = SLUG_LINE_RE.search(path.read_text(encoding="utf-8").split("\n---", 1)[0])
        if match:
            names[match.group(1)] = path.name.removesuffix(f".{language}.md")
    return names


def line_of(source: Path, *needles: str) -> int | None:
    """The first line (1-based) of `source` holding any of `needles`, tried in order."""
    if not source.is_file():
        return None
    lines = source.read_text(encoding="utf-8").splitlines()
    for needle in needles:
        if not needle:
            continue
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return None
