"""MkDocs hook: the language selector keeps the reader's #section when the twin has it.

Thin adapter over language_anchors.py. Each language's build records each page's ids
and where its twins are written; once every language is built, each page's selector
link to a twin gets the ids the two pages share (data-mdx-anchors), which
overrides/assets/javascripts/language-anchor.js reads. Every page, the 404 pages too,
gives each selector link its own language (lang="en" on "English").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from language_anchors import content_ids, with_link_languages, with_twin_anchors
from site_build import in_nested_build

# Built file → its content's ids; built file → language → the twin's built file. The outer
# build's on_config clears them; mkdocs-static-i18n's nested language builds add to them.
_ids: dict[str, frozenset[str]] = {}
_twins: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not in_nested_build(config):
        _ids.clear()
        _twins.clear()
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _ids[page.file.abs_dest_path] = content_ids(page.content or "")
    alternates: dict[str, Any] = getattr(page.file, "alternates", {})
    _twins[page.file.abs_dest_path] = {
        lang: twin.abs_dest_path
        for lang, twin in alternates.items()
        if twin.abs_dest_path != page.file.abs_dest_path
    }
    return with_link_languages(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page."""
    return with_link_languages(output_content)


@event_priority(-250)  # after mkdocs-static-i18n (-100) built every language, and the hosting hooks (-200)
def on_post_build(config: MkDocsConfig) -> None:
    if in_nested_build(config):
        return
    for path, twins in _twins.items():
        shared = {lang: _ids[path] & _ids[twin] for lang, twin in twins.items() if twin in _ids}
        file = Path(path)
        if shared and file.is_file():
            html = file.read_text(encoding="utf-8")
            file.write_text(with_twin_anchors(html, shared), encoding="utf-8")
