"""Stylesheets and scripts that only some pages need (a checklist's, the glossary's).

A hook that puts a component on a page asks for its files here; overrides/main.html
links them on that page only, scripts deferred. Other pages do not download or run
them: less to fetch before the first paint, less work on a phone's main thread.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

META_KEY = "page_assets"


def require(page: Page, *paths: str) -> None:
    """Load these site files (paths from the site's root, `.css` or `.js`) on this page, once each."""
    wanted: list[str] = page.meta.setdefault(META_KEY, [])
    for path in paths:
        if not path.endswith((".css", ".js")):
            raise ValueError(f"{path}: a page asset is a .css or a .js file")
        if path not in wanted:
            wanted.append(path)
