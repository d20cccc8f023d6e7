"""MkDocs hook: the accessibility statement (docs/accessibilite.*.md). It shows the
conformance table (docs/data/conformance.yml) where the statement says <!-- conformance -->,
and hands every template, the 404 page's too, the statement in the page's language as
`accessibility_statement`: the footer links to it by its own title (partials/copyright.html).
The statement stays out of `nav:`, as a site's statement does (GOV.UK, Canada.ca): it is
about the site, not a chapter of the guide.

A thin adapter over hooks/conformance.py. mkdocs-static-i18n runs every event once per
language: the checked table is cached by the file's size and modification time, so it
is read once per build, and again as soon as an editor saves it (mkdocs serve).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from conformance import (
    DATA_FILE,
    LABEL_KEYS,
    MARKER_LIKE,
    Conformance,
    insert_conformance,
    load_conformance,
    render_conformance,
)
from data_files import body_first_line, read_when_changed
from site_build import component_strings, data_errors_stop_the_build, editor_path, page_language

# The statement's file name, without its language suffix.
STATEMENT = "accessibilite"

_cache: dict[Path, tuple[tuple[int, int], Conformance]] = {}
_table: Conformance | None = None
_statement: File | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _table
    _table = None
    path = Path(config.docs_dir) / DATA_FILE
    _table = load_cached(path, editor_path(path, config))
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """This language's statement, once mkdocs-static-i18n has kept this language's files
    (a build without one, such as a test's, links to none)."""
    global _statement
    _statement = next((file for file in files.documentation_pages() if file.name == STATEMENT), None)
    return nav


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    context["accessibility_statement"] = _statement.page if _statement else None
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page and the other theme templates are not pages: they get it here."""
    context["accessibility_statement"] = _statement.page if _statement else None
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER_LIKE.search(markdown):
        return markdown
    source = editor_path(Path(page.file.abs_src_path or page.file.src_path), config)
    if _table is None:
        raise PluginError(
            f"{source}: the conformance table was not loaded; is the hook listed under 'hooks:'?"
        )
    lang = page_language(page, config)
    with data_errors_stop_the_build():
        html = render_conformance(_table, lang, component_strings(config, "conformance", LABEL_KEYS)[lang])
        return insert_conformance(
            markdown, html, source, first_line=body_first_line(page.file.content_string)
        )


def load_cached(path: Path, shown: str) -> Conformance:
    """The checked table at `path`, read again only when the file has changed."""
    with data_errors_stop_the_build():
        return read_when_changed(_cache, path, lambda: load_conformance(path, label=shown))
