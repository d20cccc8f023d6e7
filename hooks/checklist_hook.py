"""MkDocs hook: put checklists from docs/data/checklists/ in place of their markers (their
buttons and messages: the `checklist` section of docs/data/strings.yml).

A thin adapter over checklist.py. mkdocs-static-i18n runs every event once per
language with this same module, so the data are loaded and checked once per build
(cached on the files' sizes and times) and each page gets the HTML in its language.
Markers are checked and replaced in the page's Markdown, where their line is known:
the checklist's section titles are Markdown headings, which the table of contents lists
by itself. The rest of its HTML goes into the Markdown as placeholders, which the page's
HTML gets back in on_page_content (Markdown took 20 ms to read that HTML), from the
rendering on_page_markdown kept; the files are looked at once a build, in on_pre_build.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import checklist as cl
from data_files import body_first_line
from interface_strings import STRINGS_FILE
from site_build import data_errors_stop_the_build, editor_path, interface_strings, page_language

DATA_DIR = Path("data") / "checklists"
log = logging.getLogger(f"mkdocs.plugins.{__name__}")


@dataclass(frozen=True)
class _Data:
    checklists: dict[str, cl.Checklist]
    strings: cl.Strings
    anchors: dict[str, dict[str, dict[str, str]]]
    # A page's checklist, made for its Markdown and used again for its HTML: (checklist, page, language).
    renderings: dict[tuple[str, str, str], str] = field(default_factory=dict)


_cache: dict[str, tuple[tuple[tuple[str, int, int], ...], _Data]] = {}


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


def _data(config: MkDocsConfig, look_at_files: bool = False) -> _Data:
    """The checked data. on_pre_build looks at the files, once a build, and reads them again
    when one changed (mkdocs serve edits); a page's events use what it found."""
    key = str(config.docs_dir)
    cached = _cache.get(key)
    if cached is None or look_at_files:
        fingerprint = _fingerprint(Path(config.docs_dir))
        if cached is None or cached[0] != fingerprint:
            with data_errors_stop_the_build():
                _cache[key] = cached = (fingerprint, _load(config))
    return cached[1]


def on_pre_build(config: MkDocsConfig) -> None:
    data = _data(config, look_at_files=True)
    log.debug("checklists: %s", ", ".join(sorted(data.checklists)) or "none")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not cl.MARKER_LIKE.search(markdown):
        return markdown
    source = f"docs/{page.file.src_uri}"
    data = _data(config)
    first_line = body_first_line(page.file.content_string)
    with data_errors_stop_the_build():
        lines = cl.check_markers(markdown, source, sorted(data.checklists), first_line)
        rendered = {checklist_id: _render(checklist_id, page, config, files, data) for checklist_id in lines}
        lang = page_language(page, config)
        data.renderings.update({(i, page.file.src_uri, lang): html for i, html in rendered.items()})
        for checklist_id, ids in cl.clashing_ids(cl.heading_ids(markdown), rendered).items():
            raise cl.ChecklistError(
                source,
                f"the checklist '{checklist_id}' would give the page a second element with the id "
                f"'{ids[0]}': change that heading's {{#id}} on the page, or the checklist entry",
                line=lines[checklist_id],
            )
        markdown_forms = {
            checklist_id: cl.markdown_form(html, checklist_id) for checklist_id, html in rendered.items()
        }
        return cl.insert_checklists(markdown, markdown_forms, first_line)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    owners = cl.placeholder_owners(html)
    if not owners:
        return html
    source = f"docs/{page.file.src_uri}"
    data = _data(config)
    with data_errors_stop_the_build():
        known = owners & data.checklists.keys()
        lang = page_language(page, config)  # on_page_markdown's rendering, else a new one
        kept = {o: data.renderings.pop((o, page.file.src_uri, lang), "") for o in known}
        blocks = {o: cl.html_blocks(kept[o] or _render(o, page, config, files, data)) for o in known}
        content = cl.put_back_html_blocks(html, blocks, source)
    # Markdown did not see the blocks' ids: MkDocs checks links to them against this set.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= {i for found in blocks.values() for i in cl.anchor_ids("\n".join(found))}
    return content


def _render(checklist_id: str, page: Page, config: MkDocsConfig, files: Files, data: _Data) -> str:
    """The checklist in the page's language, its links relative to the page."""
    checklist = data.checklists[checklist_id]
    lang = page_language(page, config)
    shared = dict.fromkeys(item.link for item in checklist.items)  # each link worked out once
    links = {link: _link(link, lang, page, files, data) for link in shared}
    return cl.render_checklist(checklist, data.strings, lang, links)


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
