"""MkDocs hook: the templates of docs/data/templates/, shown where a page has their marker
and published as download files in each language (never a copy kept by hand).

A thin adapter over document_templates.py. mkdocs-static-i18n runs every event once per
language: the templates are checked once per build in on_config (again as soon as an
editor saves one, under mkdocs serve), each language's build adds its own download
files, and each page gets its template in its own language.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from data_files import body_first_line
from document_templates import (
    LABEL_KEYS,
    MARKER_LIKE,
    DocumentTemplate,
    Labels,
    TemplateError,
    download_path,
    downloads,
    insert_templates,
    load_templates,
)
from site_build import component_strings, editor_path, languages, page_language

# Relative to docs_dir; docs/data/ is excluded from publishing in mkdocs.yml.
TEMPLATES_DIR = Path("data") / "templates"

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

_templates: dict[str, DocumentTemplate] = {}
# The templates last loaded, by the folder's file names, sizes and times: loaded once for
# both languages' builds, and again as soon as an editor saves a file (mkdocs serve).
_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], dict[str, DocumentTemplate]]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _templates
    folder = Path(config.docs_dir) / TEMPLATES_DIR
    signature = tuple((p.name, (s := p.stat()).st_size, s.st_mtime_ns) for p in sorted(folder.glob("*.md")))
    cached = _cache.get(folder)
    if cached is not None and cached[0] == signature:
        _templates = cached[1]
        return config
    try:
        _templates = load_templates(folder, label=editor_path(folder, config))
    except TemplateError as error:
        _cache.pop(folder, None)
        raise PluginError(str(error)) from None
    _cache[folder] = (signature, _templates)
    log.debug("Loaded %d templates from %s", len(_templates), editor_path(folder, config))
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang, default = languages(config)
    language_root = "" if lang == default else f"{lang}/"
    labels = _labels(config, lang)
    for template in _templates.values():
        for download in downloads(template.text(lang), labels):
            # Included outright: MkDocs leaves out a docs folder named templates/ by default,
            # and that is where the English downloads go (beside /en/templates/).
            file = File.generated(
                config,
                download_path(download, lang),
                content=download.content,
                inclusion=InclusionLevel.INCLUDED,
            )
            # Under the language's root, as mkdocs-static-i18n places every file of this build.
            file.dest_uri = language_root + file.dest_uri
            file.url = file._get_url(config.use_directory_urls)
            file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
            files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER_LIKE.search(markdown):
        return markdown
    source = editor_path(Path(page.file.abs_src_path or page.file.src_path), config)
    lang = page_language(page, config)
    try:
        return insert_templates(
            markdown,
            _templates,
            lang,
            page.file.src_uri,
            source=source,
            labels=_labels(config, lang),
            first_line=body_first_line(page.file.content_string),
        )
    except TemplateError as error:
        raise PluginError(str(error)) from None


def _labels(config: MkDocsConfig, lang: str) -> Labels:
    """The words around the templates in `lang` (docs/data/strings.yml, `templates`)."""
    return Labels.of(component_strings(config, "templates", LABEL_KEYS)[lang])
