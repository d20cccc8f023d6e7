"""MkDocs hook: show the tool glossary (docs/data/glossary.yml) where a page says <!-- glossary -->.

A thin adapter over hooks/glossary.py. mkdocs-static-i18n runs every event once per
language, so the checked glossary is cached by the file's size and modification time:
it is parsed once per build, and again as soon as an editor saves the file (mkdocs serve).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from data_files import body_first_line, read_when_changed
from glossary import (
    LABEL_KEYS,
    MARKER_LIKE,
    Glossary,
    insert_glossary,
    load_glossary,
    render_glossary,
)
from site_build import component_strings, data_errors_stop_the_build, editor_path, page_language

# Relative to docs_dir; docs/data/ is excluded from publishing in mkdocs.yml.
DATA_FILE = Path("data") / "glossary.yml"

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

_cache: dict[Path, tuple[tuple[int, int], Glossary]] = {}
_glossary: Glossary | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _glossary
    _glossary = None
    path = Path(config.docs_dir) / DATA_FILE
    _glossary = load_cached(path, editor_path(path, config))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER_LIKE.search(markdown):
        return markdown
    source = editor_path(Path(page.file.abs_src_path or page.file.src_path), config)
    if _glossary is None:
        raise PluginError(f"{source}: the glossary was not loaded; is the hook listed under 'hooks:'?")
    lang = page_language(page, config)
    with data_errors_stop_the_build():
        html = render_glossary(_glossary, lang, component_strings(config, "glossary", LABEL_KEYS)[lang])
        return insert_glossary(markdown, html, source, first_line=body_first_line(page.file.content_string))


def load_cached(path: Path, shown: str) -> Glossary:
    """The checked glossary at `path`, parsed again only when the file has changed."""
    with data_errors_stop_the_build():
        return read_when_changed(_cache, path, lambda: load_glossary(path, label=shown))
