"""MkDocs hook: the heading permalinks' tooltip in the page's language.

Python-Markdown's toc extension writes one `permalink_title` for the whole site
("Permanent link"), and mkdocs-static-i18n cannot vary Markdown settings by
language; so the title is swapped here, in the page's HTML.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from site_build import page_language

SOURCE_TITLE = 'title="Permanent link"'
TITLES = {
    "fr": 'title="Lien vers cette section"',
    "en": 'title="Link to this section"',
}


def permalink_titles(html: str, lang: str) -> str:
    """The page's HTML with each permalink's title in `lang`."""
    return html.replace(SOURCE_TITLE, TITLES[lang])


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return permalink_titles(html, page_language(page, config))
