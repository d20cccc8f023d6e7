"""MkDocs hook: the whole guide on one printable page (docs/guide-complet.*.md).

Thin adapter over whole_guide.py. MkDocs converts every page's Markdown before it
renders any template, so when the page that holds `<!-- whole-guide -->` reaches
on_page_context, every chapter's HTML is ready: the page takes them all, in the order
of this language's navigation (mkdocs-static-i18n builds each language on its own, with
its own navigation). Nothing is copied or listed by hand: a page added to `nav:` is
in the whole guide at the next build, unless its front matter says `whole_guide: false`
(the accessibility statement, about the site rather than a chapter). Its table of contents
lists the chapters and their sections.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from whole_guide import MARKER, Chapter, WholeGuideError, assemble, chapter_title

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if MARKER not in (page.content or ""):
        return context
    source = _source(page)
    # Every page of the navigation but this one (or another that holds the marker), and
    # those left out by their front matter.
    pages = [
        chapter
        for chapter in nav.pages
        if MARKER not in (chapter.content or "") and chapter.meta.get("whole_guide", True) is not False
    ]
    chapters = [_chapter(chapter) for chapter in pages]
    try:
        guide = assemble(chapters, page.file.url, source, page.content or "")
        entries = [
            _toc_entry(chapter, chapter_page, guide.anchors)
            for chapter, chapter_page in zip(chapters, pages, strict=True)
        ]
    except WholeGuideError as error:
        raise PluginError(str(error)) from None
    page.content = guide.html
    # The sidebar's table of contents: the page's own sections, then each chapter and its sections.
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items[0].children = [*items[0].children, *entries]
    else:
        page.toc.items = [*items, *entries]
    log.debug("%s: %d chapters", source, len(chapters))
    return context


def _toc_entry(chapter: Chapter, page: Page, anchors: dict[str, dict[str, str]]) -> AnchorLink:
    """The chapter's title in the table of contents, with its sections (one level down)."""
    entry = AnchorLink(html.escape(chapter_title(chapter)[1], quote=False), chapter.name, 2)
    sections = page.toc.items
    if len(sections) == 1 and sections[0].level == 1:
        sections = sections[0].children
    ids = anchors[chapter.name]
    entry.children = [AnchorLink(item.title, ids.get(item.id, item.id), item.level + 1) for item in sections]
    return entry


def _source(page: Page) -> str:
    return f"docs/{page.file.src_uri}"


def _chapter(page: Page) -> Chapter:
    if page.content is None:
        # `mkdocs serve --dirty` converts only the pages that changed.
        raise PluginError(
            f"{_source(page)} was not converted in this build, so the whole guide cannot hold it: "
            "build or serve without --dirty"
        )
    name = page.file.src_uri.removesuffix(".md")
    locale = getattr(page.file, "locale", None)
    if locale:
        name = name.removesuffix(f".{locale}")
    return Chapter(name, page.file.url, _source(page), page.content)
