"""MkDocs hook: every page must carry its review dates (reviewed:, review_due:), the same
in both languages; a problem stops the build naming the file and line. Each page gets
`page.meta.review` (the dates in its language) for overrides/partials/page-info.html.
Thin adapter over review_dates.py.

The pages are checked once per build, and again when an editor saves one (mkdocs
serve); mkdocs-static-i18n's second language reuses the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from review_dates import ReviewDates, load_review_dates, page_files, shown
from site_build import data_errors_stop_the_build, editor_path

_Signature = tuple[tuple[str, int, int], ...]
_loaded: tuple[_Signature, dict[str, ReviewDates]] | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _loaded
    docs_dir = Path(config.docs_dir)
    signature = tuple((str(p), (s := p.stat()).st_size, s.st_mtime_ns) for p in page_files(docs_dir))
    if _loaded is not None and _loaded[0] == signature:
        return config
    _loaded = None
    shown_as = editor_path(docs_dir, config)
    with data_errors_stop_the_build():
        _loaded = (signature, load_review_dates(docs_dir, shown_as))
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    dates = _loaded[1].get(page.file.src_uri) if _loaded is not None else None
    if dates is not None:
        language = str(getattr(page.file, "locale", None) or config.theme.get("language") or "en")
        page.meta["review"] = shown(dates, language)
    return context
