"""Pure functions behind hooks/language_anchors_hook.py: which places a page shares with
its twin, for the language selector to keep the reader's #section (language-anchor.js);
and each selector link's own language (WCAG 3.1.2: "English" on a French page is English).

Both languages of a page give their sections the same ids (`## Goals {#goals}`), and the
checklist and glossary use one id per item in both. An id only counts when the twin
really has it: the build lists, on the selector's link to each twin, the ids of this
page that the twin has too. No MkDocs import here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

# An element's id in a page's content (Markdown, checklist and glossary HTML).
ID_RE = re.compile(r'\sid="([^"]+)"')
# The language selector's link to one language, as Material writes it (partials/alternate.html).
# Attributes this module adds come after Material's, before the tag ends.
SELECTOR_LINK_RE = re.compile(r'(<a href="[^"]*" hreflang="(?P<lang>[^"]+)" class="md-select__link")(?=[ >])')
ATTRIBUTE = "data-mdx-anchors"


def content_ids(content: str) -> frozenset[str]:
    """The ids of the elements of a page's content, unescaped."""
    return frozenset(html.unescape(match) for match in ID_RE.findall(content))


def with_twin_anchors(page: str, shared: Mapping[str, Iterable[str]]) -> str:
    """Add data-mdx-anchors="id id …" (sorted) to the selector's link to each language in `shared`."""

    def add(match: re.Match[str]) -> str:
        ids = shared.get(match.group("lang"))
        if ids is None:
            return match.group(0)
        value = html.escape(" ".join(sorted(ids)), quote=True)
        return f'{match.group(1)} {ATTRIBUTE}="{value}"'

    return SELECTOR_LINK_RE.sub(add, page)


def with_link_languages(page: str) -> str:
    """Give each of the selector's links the language it is written in, its hreflang
    (lang="en" on "English"), so that a screen reader says the name in that language."""

    def add(match: re.Match[str]) -> str:
        if ' lang="' in page[match.end() : page.find(">", match.end())]:
            return match.group(0)
        return f'{match.group(1)} lang="{match.group("lang")}"'

    return SELECTOR_LINK_RE.sub(add, page)
