"""MkDocs hook: the heading permalinks' tooltip in the page's language.

Python-Markdown's toc extension writes one `permalink_title` for the whole site
("Permanent link"), and mkdocs-static-i18n cannot vary Markdown settings by
language; so the title is swapped here, in the page's HTML. The words: the
`permalink` section of docs/data/strings.yml.
"""

from __future__ import annotations

import html as html_lib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from site_build import component_strings, page_language

SOURCE_TITLE = 'title="Permanent link"'
STRING_KEYS = ("title",)


def permalink_titles(html: str, title: str) -> str:
    """The page's HTML with each permalink's tooltip `title`."""
    return html.replace(SOURCE_TITLE, f'title="{html_lib.escape(title)}"')


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    titles = component_strings(config, "permalink", STRING_KEYS)
    return permalink_titles(html, titles[page_language(page, config)]["title"])
