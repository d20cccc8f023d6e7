"""Pure functions behind the hosting hooks (assets_hook.py, page_links_hook.py,
language_outputs_hook.py): what makes the built site host anywhere.

Search in the reader's language, asset fingerprints for long caching, absolute
hreflang links. What rewrites Material's own output (its client configuration, its
bundle) is in strict_csp.py. No MkDocs
import here: each function takes plain values and returns plain values, and is
unit-tested on its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

# <link rel="alternate" href="..." hreflang="..."> as Material and overrides/main.html print it.
HREFLANG_LINK_RE = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="[^"]+">)')
# The same, with the indentation and line break around it.
HREFLANG_LINK_LINE_RE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]+">[ \t]*\n?')
# Material's <link rel="prev"> and <link rel="next"> (base.html), with their line.
NEIGHBOUR_LINK_LINE_RE = re.compile(r'[ \t]*<link rel="(?:prev|next)" href="[^"]*">[ \t]*\n?')
# How the 404 page of a build without SITE_URL writes the site's root (mark_site_root).
SITE_ROOT_MARKER = "/./"
# href="/…" or src="/…", a path from the host's root (not "//host/…").
ROOT_PATH_ATTRIBUTE_RE = re.compile(r'(?P<attr>\b(?:href|src)=")/(?!/)')
# src="…/assets/….js" or href="…/assets/….css" in a page, with the quotes.
ASSET_REF_RE = re.compile(r'(?P<attr>(?:src|href)=")(?P<ref>[^"#?]*\bassets/[^"#?]+\.(?:js|css))(?=")')
# Material's own fingerprinted files (main.a5f9d56c.min.css) and ours (checklist.0a1b2c3d.js).
FINGERPRINTED_RE = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:js|css)$")
FINGERPRINT_LENGTH = 8
# The fingerprint inside a fingerprinted name, for a new one: main.[a5f9d56c].min.css
FINGERPRINT_PART_RE = re.compile(r"\.[0-9a-f]{8}(?=(?:\.min)?\.(?:js|css)$)")


class HostingError(ValueError):
    """A setting that cannot work; the message names the setting and the fix."""


# --- Search in the reader's language -----------------------------------------


@dataclass(frozen=True)
class SearchIndex:
    """One language's share of the search index, as Material's search reads it."""

    language: str
    document: dict[str, object]

    def to_json(self) -> str:
        return json.dumps(self.document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def split_search_index(
    index: dict[str, object], languages: list[str], default: str
) -> dict[str, SearchIndex]:
    """Split mkdocs-static-i18n's mixed index into one index per language.

    An entry belongs to a language when its location starts with that language's
    folder (`en/…`); every other entry is the default language's. Locations are made
    relative to the language's own root, where that language's pages look for it.
    """
    docs = index.get("docs")
    if not isinstance(docs, list):
        raise HostingError("search/search_index.json: no 'docs' list; is the search plugin enabled?")
    shares: dict[str, list[dict[str, object]]] = {lang: [] for lang in languages}
    for entry in docs:
        location = str(entry.get("location", ""))
        language = next(
            (lang for lang in languages if lang != default and location.startswith(f"{lang}/")), default
        )
        if language != default:
            entry = {**entry, "location": location[len(language) + 1 :]}
        shares[language].append(entry)
    raw_config = index.get("config")
    config: dict[str, object] = dict(raw_config) if isinstance(raw_config, dict) else {}
    return {
        # lunr stems and drops stop words for each listed language: one index, one language.
        lang: SearchIndex(lang, {"config": {**config, "lang": [lang]}, "docs": entries})
        for lang, entries in shares.items()
    }


def site_relative_link(link: str, site_path: str) -> str:
    """A language selector link, made relative to the site's root: "" or "en/plan/".

    mkdocs-static-i18n writes each home page's link from the host's root ("/en/", or
    "/guides/sm/en/" with SITE_URL); under another path, or from disk, that leaves the
    site. Relative to the site's root, MkDocs' `url` filter makes it relative to each page.
    `site_path` is the site's path on its host, with its trailing slash.
    """
    if "://" in link or not link.startswith("/"):
        return link
    if link.startswith(site_path):
        return link[len(site_path) :]
    return link.lstrip("/")


def without_neighbour_links(html: str) -> str:
    """Drop Material's <link rel="prev"> and <link rel="next">. Firefox fetches the
    rel="next" page in the background on every page view (link prefetching): a download
    the reader did not ask for, which the CSP's default-src 'none' blocks and reports
    (prefetches have no directive of their own). The footer still links both pages."""
    return NEIGHBOUR_LINK_LINE_RE.sub("", html)


def without_hreflang(html: str) -> str:
    """Drop the hreflang links: without SITE_URL no absolute address exists, and a relative
    one is invalid (search engines ignore it; Lighthouse marks it as an error)."""
    return HREFLANG_LINK_LINE_RE.sub("", html)


def mark_site_root(html: str) -> str:
    """Write the "page not found" page's root-absolute paths from SITE_ROOT_MARKER ("/./").

    Without SITE_URL, MkDocs writes the 404 page's links from the host's root ("/assets/…"):
    it answers at any missing address, so no relative link could work. "/./assets/…" is
    the same address to a browser, and a mark no other page has: under a sub-path, the
    shipped server configuration swaps it for the site's path (.ci/hosting/nginx.conf).
    Material's client configuration gets the same mark (strict_csp.mark_client_config_root).
    """
    return ROOT_PATH_ATTRIBUTE_RE.sub(rf"\g<attr>{SITE_ROOT_MARKER}", html)


def absolutize_hreflang(html: str, page_url: str) -> str:
    """Make each hreflang link absolute against the page's full URL (Google requires it)."""

    def absolute(match: re.Match[str]) -> str:
        return f"{match.group(1)}{urljoin(page_url, match.group(2))}{match.group(3)}"

    return HREFLANG_LINK_RE.sub(absolute, html)


# --- Fingerprints for long caching --------------------------------------------


def shipped_source(name: str, text: str) -> str:
    """The site's own script (.js) or stylesheet (.css) as shipped: minified by rjsmin or
    rcssmin (comments, indentation and the spaces between tokens out; a `/*! licence */`
    kept). The comments explain the source to its editors; a reader's first view need
    not download them, nor the layout (checklist.js and .css: 8,613 bytes gzipped with
    comment lines and indentation dropped, 8,192 minified: tests/bench/bench_checklist.py).
    Both are whitespace-only minifiers, no renaming: tests/test_hosting_core.py checks that
    each script ships the same tokens as its source."""
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text, keep_bang_comments=True))
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text, keep_bang_comments=True))
    return text


def fingerprinted_name(name: str, content: bytes) -> str:
    """`theme-shims.js` → `theme-shims.<first 8 hex of SHA-256>.js`."""
    path = PurePosixPath(name)
    digest = hashlib.sha256(content).hexdigest()[:FINGERPRINT_LENGTH]
    return f"{path.stem}.{digest}{path.suffix}"


def asset_references(html: str) -> list[str]:
    """Every script and stylesheet under assets/ that has no fingerprint yet, in page order."""
    refs = (match.group("ref") for match in ASSET_REF_RE.finditer(html))
    return list(dict.fromkeys(ref for ref in refs if not FINGERPRINTED_RE.search(ref)))


def built_asset(ref: str, html_dir: Path, site_dir: Path, site_path: str) -> Path | None:
    """The built file a page's reference points at, if it is one of this site's files;
    `site_path` is the site's path on its host ("/" or "/guides/")."""
    if "://" in ref:
        return None
    if ref.startswith("/"):
        if not ref.startswith(site_path):
            return None
        source = site_dir / ref[len(site_path) :]
    else:
        # Lexically: the page's own folder does not exist yet when it is rendered.
        source = Path(os.path.normpath(html_dir / ref))
    return source if source.is_file() else None


def replace_asset_references(html: str, renames: dict[str, str]) -> str:
    """Swap each reference for its fingerprinted twin (`renames`: old reference → new)."""

    def swap(match: re.Match[str]) -> str:
        return match.group("attr") + renames.get(match.group("ref"), match.group("ref"))

    return ASSET_REF_RE.sub(swap, html)
