"""Pure rules behind hooks/page_addresses_hook.py: a translated page's own address.

A page's address is its file name: docs/plan.fr.md → /plan/, docs/plan.en.md → /en/plan/.
An English page may take an English address with `slug:` in its front matter:

    ---
    title: "Should you be there?"
    slug: relevance
    ---

docs/pertinence.en.md is then published at /en/relevance/, and /en/pertinence/ redirects
there (hooks/redirects_i18n.py). Links keep naming the file: `pertinence.md#good-reasons`.
No MkDocs import here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

# One path segment: lower-case ASCII letters and digits, words joined by single hyphens.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# Folders of the built site that are not pages.
RESERVED = frozenset({"assets", "search", "404"})


class AddressError(ValueError):
    """A slug that cannot work; the message names the file and the fix."""


@dataclass(frozen=True)
class SourcePage:
    """One Markdown file of one language, as the hook finds it in docs/."""

    source: str  # "docs/pertinence.en.md", for messages
    name: str  # "pertinence": the path without language and .md, as links name it
    slug: str | None  # from its front matter


def front_matter_slug(source: str, text: str) -> str | None:
    """The `slug:` of a Markdown file's front matter, checked; None without one."""
    match = FRONT_MATTER_RE.match(text)
    if not match or not match.group(1):
        return None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None  # MkDocs reports a broken front matter itself
    if not isinstance(data, dict) or "slug" not in data:
        return None
    slug = data["slug"]
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise AddressError(
            f"{source}: slug {slug!r} cannot be an address. Use lower-case letters a to z, digits "
            "and hyphens between words, such as “slug: relevance” or “slug: public-sector”."
        )
    return slug


def addresses(pages: list[SourcePage], language: str, default: str) -> dict[str, str]:
    """Each page's path below its language's root ("pertinence" → "relevance"), checked.

    Raises AddressError, naming the file, for a slug in the default language, on a
    home page, on a reserved folder, or that would give two pages one address (the
    old address of a page with a slug redirects, so it is taken too).
    """
    root = "/" if language == default else f"/{language}/"
    result: dict[str, str] = {}
    for page in pages:
        if page.slug is None:
            result[page.name] = page.name
            continue
        if language == default:
            raise AddressError(
                f"{page.source}: “slug:” gives a translation its own address; pages in the default "
                f"language keep their file name's address ({root}{page.name}/). Remove the line, or "
                "rename the file (and add a redirect in mkdocs.yml)."
            )
        path = PurePosixPath(page.name)
        if path.name == "index":
            raise AddressError(
                f"{page.source}: a home page's address is its folder ({root}); remove “slug: {page.slug}”."
            )
        if path.parent == PurePosixPath(".") and page.slug in RESERVED:
            raise AddressError(
                f"{page.source}: “slug: {page.slug}” is the name of a folder the site needs; choose another."
            )
        result[page.name] = str(path.with_name(page.slug))
    owners: dict[str, SourcePage] = {}
    for page in pages:
        owners.setdefault(result[page.name], page)
    for page in pages:
        owner = owners[result[page.name]]
        if owner is not page:
            raise AddressError(
                f"{page.source} and {owner.source} would both be at {root}{result[page.name]}/. "
                "Give one of them another “slug:”."
            )
    for page in pages:
        if result[page.name] != page.name and page.name in owners:
            other = owners[page.name]
            raise AddressError(
                f"{other.source}: its address {root}{page.name}/ is the old address of {page.source} "
                f"(now at {root}{result[page.name]}/), which must redirect there. Choose another “slug:”."
            )
    return result


def destination(address: str, language: str, default: str, use_directory_urls: bool) -> str:
    """Where the page's HTML file goes in the site: "en/relevance/index.html"."""
    prefix = "" if language == default else f"{language}/"
    return f"{prefix}{address}/index.html" if use_directory_urls else f"{prefix}{address}.html"
