"""Pure rules behind hooks/whole_guide_hook.py: the whole guide on one page.

The page that holds the marker `<!-- whole-guide -->` (docs/guide-complet.*.md) gets,
in its place, a list of the chapters and then every chapter's HTML, in the order of
the navigation. Each chapter's HTML is changed only as far as one page needs:

- its ids take the chapter's file name as prefix (`plan--calendar`), and its title
  (its one h1) takes the file name itself (`plan`), so that no two ids meet;
- its headings go one level down (the page has one h1 of its own);
- a link to a chapter, or to a #section of one, points inside the page; any other
  relative link (a page outside the guide, an image) is made relative to this page's
  address; external links stay as they are.

No MkDocs import here: addresses are MkDocs' `File.url` ("en/plan/", "" for the home
page; "plan.html" when the build does not use directory URLs).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

MARKER = "<!-- whole-guide -->"
# Between a chapter's name and one of its ids; Python-Markdown's own ids never hold "--".
SEPARATOR = "--"
CHAPTER_CLASS = "mdx-whole-guide__chapter"
CONTENTS_CLASS = "mdx-whole-guide__contents"

# Attributes that hold one id, or several separated by spaces.
ID_ATTRIBUTE_RE = re.compile(
    r"(?<=\s)(?P<name>id|for|headers|aria-(?:activedescendant|controls|describedby|details|"
    r'errormessage|flowto|labelledby|owns))="(?P<value>[^"]*)"'
)
LINK_ATTRIBUTE_RE = re.compile(r'(?<=\s)(?P<name>href|src)="(?P<value>[^"]*)"')
HEADING_TAG_RE = re.compile(r"<(?P<close>/?)h(?P<level>[1-6])(?=[\s>])")
TITLE_RE = re.compile(r'<h1\b[^>]*?\sid="(?P<id>[^"]*)"[^>]*>(?P<inner>.*?)</h1>', re.DOTALL)
PERMALINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
INDEX_FILE = "index.html"


class WholeGuideError(ValueError):
    """What stops the whole guide from being assembled; the message names the file."""


@dataclass(frozen=True)
class Chapter:
    """One page of the guide, as MkDocs converted it."""

    name: str  # "plan": its file name without language and .md, the same in both languages
    url: str  # "en/plan/": its address below the site's root, as File.url gives it
    source: str  # "docs/plan.en.md", for messages
    html: str  # its converted content (page.content)


@dataclass(frozen=True)
class WholeGuide:
    """The page's new content, and each chapter's ids as they are now (for its table of contents)."""

    html: str
    anchors: dict[str, dict[str, str]]  # chapter name → its old id → its id on this page


def assemble(chapters: Sequence[Chapter], page_url: str, source: str, page_html: str) -> WholeGuide:
    """The page's HTML with its marker replaced by the list of chapters and the chapters.

    Raises WholeGuideError, naming the file, for a missing or repeated marker, a chapter
    without a title or with a heading too deep to go one level down, or two equal ids.
    """
    if page_html.count(MARKER) != 1:
        raise WholeGuideError(
            f"{source}: write the marker {MARKER} once, on a line of its own, where the chapters go "
            f"(found {page_html.count(MARKER)} times)"
        )
    anchors = {chapter.name: chapter_anchors(chapter) for chapter in chapters}
    _check_unique(chapters, anchors, source, page_html)
    addresses = {chapter.url: chapter.name for chapter in chapters}
    parts = [contents(chapters)]
    for chapter in chapters:
        body = rewrite_ids(chapter.html, anchors[chapter.name])
        body = rewrite_links(body, chapter.url, page_url, addresses, anchors)
        parts.append(
            f'<section class="{CHAPTER_CLASS}">\n{demote_headings(body, chapter.source)}\n</section>'
        )
    return WholeGuide(page_html.replace(MARKER, "\n".join(parts)), anchors)


def chapter_title(chapter: Chapter) -> tuple[str, str]:
    """(id, text) of the chapter's h1, the text without tags or permalink."""
    match = TITLE_RE.search(chapter.html)
    if match is None:
        raise WholeGuideError(
            f"{chapter.source}: the whole guide needs the page's title as a level-1 heading (# Title)"
        )
    text = TAG_RE.sub("", PERMALINK_RE.sub("", match.group("inner")))
    return html.unescape(match.group("id")), " ".join(html.unescape(text).split())


def chapter_anchors(chapter: Chapter) -> dict[str, str]:
    """Each id of the chapter → its id on the one page: the title's id → the chapter's name."""
    title_id, _ = chapter_title(chapter)
    return {
        old: chapter.name if old == title_id else f"{chapter.name}{SEPARATOR}{old}"
        for old in element_ids(chapter.html)
    }


def element_ids(content: str) -> list[str]:
    """The ids of the elements of `content`, unescaped, in order (repeats kept)."""
    return [
        html.unescape(match.group("value"))
        for match in ID_ATTRIBUTE_RE.finditer(content)
        if match.group("name") == "id"
    ]


def contents(chapters: Sequence[Chapter]) -> str:
    """The list of chapters, each a link to its title on the page."""
    items = "".join(
        f'<li><a href="#{html.escape(chapter.name)}">{html.escape(chapter_title(chapter)[1])}</a></li>\n'
        for chapter in chapters
    )
    return f'<ol class="{CONTENTS_CLASS}">\n{items}</ol>'


def rewrite_ids(content: str, anchors: dict[str, str]) -> str:
    """`content` with every id, and every attribute or #link naming one, taken from `anchors`."""

    def attribute(match: re.Match[str]) -> str:
        values = html.unescape(match.group("value")).split(" ")
        new = " ".join(anchors.get(value, value) for value in values)
        return f'{match.group("name")}="{html.escape(new, quote=True)}"'

    def local_link(match: re.Match[str]) -> str:
        value = html.unescape(match.group("value"))
        if match.group("name") != "href" or not value.startswith("#") or len(value) == 1:
            return match.group(0)
        return f'href="#{html.escape(anchors.get(value[1:], value[1:]), quote=True)}"'

    return LINK_ATTRIBUTE_RE.sub(local_link, ID_ATTRIBUTE_RE.sub(attribute, content))


def rewrite_links(
    content: str,
    chapter_url: str,
    page_url: str,
    chapters: dict[str, str],
    anchors: dict[str, dict[str, str]],
) -> str:
    """`content`, written for the page at `chapter_url`, with its relative links made right
    for the page at `page_url`: to a chapter (`chapters`: address → name) or a #section of
    one (`anchors`: name → old id → id), a link inside the page; to anything else, the
    same place seen from `page_url`."""
    by_address = {_address(url): name for url, name in chapters.items()}

    def link(match: re.Match[str]) -> str:
        value = html.unescape(match.group("value"))
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith(("#", "/")) or not value:
            return match.group(0)
        target = posixpath.join(_folder(chapter_url), parts.path)
        name = by_address.get(_address(target)) if match.group("name") == "href" else None
        if match.group("name") == "href" and _address(target) == _address(page_url):
            new = f"#{parts.fragment}"
        elif name is not None:
            new = f"#{_anchor(name, parts.fragment, anchors[name])}"
        else:
            new = _relative(target, page_url, parts.path.endswith("/"))
            new += f"?{parts.query}" if parts.query else ""
            new += f"#{parts.fragment}" if parts.fragment else ""
        return f'{match.group("name")}="{html.escape(new, quote=True)}"'

    return LINK_ATTRIBUTE_RE.sub(link, content)


def demote_headings(content: str, source: str) -> str:
    """`content` with each heading one level down: h1 → h2 … h5 → h6."""
    if re.search(r"<h6[\s>]", content):
        raise WholeGuideError(
            f"{source}: a level-6 heading cannot go one level down in the whole guide; "
            "use a level-5 heading (#####) or less"
        )
    return HEADING_TAG_RE.sub(lambda m: f"<{m.group('close')}h{int(m.group('level')) + 1}", content)


def _anchor(name: str, fragment: str, ids: dict[str, str]) -> str:
    """The id on the one page of #fragment in chapter `name` (its title without a fragment)."""
    if not fragment:
        return name
    return ids.get(fragment, f"{name}{SEPARATOR}{fragment}")


def _check_unique(
    chapters: Sequence[Chapter], anchors: dict[str, dict[str, str]], source: str, page_html: str
) -> None:
    owners: dict[str, list[str]] = {}
    for page_id in element_ids(page_html):
        owners.setdefault(page_id, []).append(source)
    for chapter in chapters:
        for old, count in Counter(element_ids(chapter.html)).items():
            owners.setdefault(anchors[chapter.name][old], []).extend([chapter.source] * count)
    for new, where in owners.items():
        if len(where) > 1:
            raise WholeGuideError(
                f"{source}: the id '{new}' would appear {len(where)} times on the whole guide "
                f"(from {', '.join(sorted(set(where)))}); give one of those headings another {{#id}}"
            )


def _folder(url: str) -> str:
    """The folder a relative link on the page at `url` starts from."""
    return url if url.endswith("/") or not url else posixpath.dirname(url)


def _address(path: str) -> str:
    """One spelling per page: "en/plan/", "en/plan/index.html", "en/./plan" → "en/plan"."""
    normal = posixpath.normpath(path) if path else "."
    if normal == INDEX_FILE or normal.endswith(f"/{INDEX_FILE}"):
        normal = posixpath.dirname(normal) or "."
    return normal


def _relative(target: str, page_url: str, folder: bool) -> str:
    """The link from the page at `page_url` to `target` (a path below the site's root)."""
    relative = posixpath.relpath(posixpath.normpath(target), posixpath.normpath(_folder(page_url) or "."))
    return f"{relative}/" if folder and relative != "." else ("./" if folder else relative)
