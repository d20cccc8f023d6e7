"""MkDocs hook: gives each page `page.meta.modified` (its last change in Git, in the
page's language) for overrides/partials/page-info.html. Thin adapter over page_dates.py."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from page_dates import describe, last_changes
from site_build import page_language

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

# The pages' dates, and what they were read for: mkdocs-static-i18n builds once per
# language, but Git is asked once per build; a commit (which rewrites .git/index) or
# another docs folder makes the next build ask again.
_dates: dict[str, date] = {}
_read_for: tuple[str, int] | None = None


def _history_stamp(repo: Path) -> int:
    index = repo / ".git" / "index"
    return index.stat().st_mtime_ns if index.is_file() else 0


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _dates, _read_for
    repo = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve()
    read_for = (str(docs), _history_stamp(repo))
    if read_for == _read_for:
        return files
    try:
        folder = docs.relative_to(repo.resolve()).as_posix()
    except ValueError:
        folder = str(docs)
    changes = last_changes(repo, folder)
    prefix = f"{folder}/"
    _dates = {path.removeprefix(prefix): when for path, when in changes.items()}
    _read_for = read_for
    if not _dates:
        # Info, not a warning: a copy without Git history still builds under --strict.
        log.info("No Git history for the pages: they show no 'last modified' date.")
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    when = _dates.get(page.file.src_uri)
    if when is not None:
        page.meta["modified"] = describe(when, page_language(page, config))
    return context
