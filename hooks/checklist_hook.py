"""MkDocs hook: put checklists from docs/data/checklists/ in place of their markers (their
buttons and messages: the `checklist` section of docs/data/strings.yml).

A thin adapter over checklist.py. mkdocs-static-i18n runs every event once per
language with this same module, so the data are loaded and checked once per build
(cached on the files' sizes and times) and each page gets the HTML in its language.
Markers are checked in the Markdown, where their line is known, and replaced in the
built HTML, so that Markdown does not parse the checklist's HTML (a quarter of the
page's build time).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import checklist as cl
from data_files import DataFileError, body_first_line
from interface_strings import STRINGS_FILE
from site_build import editor_path, interface_strings, page_language

DATA_DIR = Path("data") / "checklists"
log = logging.getLogger(f"mkdocs.plugins.{__name__}")


@dataclass(frozen=True)
class _Data:
    checklists: dict[str, cl.Checklist]
    strings: cl.Strings
    anchors: dict[str, dict[str, dict[str, str]]]


_cache: dict[str, tuple[tuple[tuple[str, int, int], ...], _Data]] = {}
# Checklists rendered for a page (by source file), with their markers' lines, waiting
# for the page's Markdown to be converted.
_rendered: dict[str, tuple[dict[str, str], dict[str, int]]] = {}


def _fingerprint(docs_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and time of every file the checklists depend on: the data, strings, pages."""
    paths = sorted(
        [*(docs_dir / DATA_DIR).glob("*.yml"), *docs_dir.glob(str(STRINGS_FILE)), *docs_dir.rglob("*.md")]
    )
    return tuple((str(p), (s := p.stat()).st_size, s.st_mtime_ns) for p in paths)


def _load(config: MkDocsConfig) -> _Data:
    docs_dir = Path(config.docs_dir)
    data_dir = docs_dir / DATA_DIR
    # Its section of docs/data/strings.yml, with that file's lines for its messages.
    strings = cl.parse_strings(interface_strings(config).section("checklist"))
    checklists: dict[str, cl.Checklist] = {}
    for path in sorted(data_dir.glob("*.yml")):
        checklist = cl.load_checklist(path, editor_path(path, config))
        checklists[checklist.id] = checklist
    anchors = cl.guide_anchors(docs_dir, only=cl.linked_pages(checklists.values()))
    for checklist in checklists.values():
        cl.check_links(checklist, anchors)
    return _Data(checklists, strings, anchors)


def _data(config: MkDocsConfig) -> _Data:
    """The checked data, read again only when a file changed (mkdocs serve edits)."""
    key = str(config.docs_dir)
    fingerprint = _fingerprint(Path(config.docs_dir))
    cached = _cache.get(key)
    if cached is None or cached[0] != fingerprint:
        try:
            _cache[key] = (fingerprint, _load(config))
        except DataFileError as error:
            raise PluginError(str(error)) from None
    return _cache[key][1]


def on_pre_build(config: MkDocsConfig) -> None:
    data = _data(config)
    log.debug("checklists: %s", ", ".join(sorted(data.checklists)) or "none")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = f"docs/{page.file.src_uri}"
    key = page.file.abs_src_path or source
    _rendered.pop(key, None)  # left by a build that failed before this page's content
    if not cl.MARKER_LIKE.search(markdown):
        return markdown
    data = _data(config)
    lang = page_language(page, config)
    first_line = body_first_line(page.file.content_string)
    try:
        lines = cl.check_markers(markdown, source, sorted(data.checklists), first_line)
        html = {}
        for checklist_id in lines:
            checklist = data.checklists[checklist_id]
            links = {item.link: _link(item.link, lang, page, files, data) for item in checklist.items}
            html[checklist_id] = cl.render_checklist(checklist, data.strings, lang, links)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    if html:
        _rendered[key] = (html, lines)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = f"docs/{page.file.src_uri}"
    pending = _rendered.pop(page.file.abs_src_path or source, None)
    if pending is None:
        return html
    rendered, lines = pending
    try:
        for checklist_id, ids in cl.clashing_ids(page.present_anchor_ids or (), rendered).items():
            raise cl.ChecklistError(
                source,
                f"the checklist '{checklist_id}' would give the page a second element with the id "
                f"'{ids[0]}': change that heading's {{#id}} on the page, or the checklist entry",
                line=lines.get(checklist_id),
            )
        html = cl.insert_checklists(html, source, rendered, lines)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    # MkDocs collected the page's anchors before the checklist was there: add its ids, so
    # that a link to one (preparation.md#checklist-readiness) passes the strict build.
    if page.present_anchor_ids is not None:
        for checklist_html in rendered.values():
            page.present_anchor_ids |= cl.anchor_ids(checklist_html)
    return html


def _link(link: str, lang: str, page: Page, files: Files, data: _Data) -> cl.Link:
    title = cl.link_title(link, lang, data.anchors)
    if link.startswith(cl.SAFE_SCHEMES):
        return cl.Link(link, title)
    target, _, anchor = link.partition("#")
    file = files.get_file_from_path(target)
    if file is None:
        raise cl.ChecklistError(f"docs/{page.file.src_uri}", f"the page {target} is not part of the site")
    href = file.url_relative_to(page.file)
    return cl.Link(f"{href}#{anchor}" if anchor else href, title)
