"""MkDocs hook: links in each page's head and language selector that work on any host.

- The language selector's links become relative to the site (each home page's too),
  so that they work under a sub-path and from disk.
- hreflang links become absolute with SITE_URL, and are left out without it (a
  relative hreflang is invalid).
- Material's rel="prev"/"next" links are left out: Firefox prefetches the next page,
  which the strict CSP reports.
- The 404 page has no twin: its selector and hreflang go to each home page.

Thin adapter over hosting_core.py.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hosting_core import absolutize_hreflang, site_relative_link, without_hreflang, without_neighbour_links
from site_build import i18n_plugin, site_path

NOT_FOUND_PAGE = "404.html"


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    i18n = i18n_plugin(config)
    if template_name == NOT_FOUND_PAGE and i18n is not None and i18n.extra_alternate:
        # mkdocs-static-i18n sets it as an attribute, which Jinja reads before the key.
        setattr(config.extra, "alternate", deepcopy(i18n.extra_alternate))  # noqa: B010
    return context


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    # After mkdocs-static-i18n (50) has pointed the language selector at this page's twin.
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = site_relative_link(str(alternate["link"]), site_path(config))
    return context


@event_priority(-200)  # with the other rewrites of the finished page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _hreflang(without_neighbour_links(output), page.canonical_url or config.site_url)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND_PAGE:
        return output_content
    return _hreflang(output_content, config.site_url)


def _hreflang(output: str, page_url: str | None) -> str:
    return absolutize_hreflang(output, page_url) if page_url else without_hreflang(output)
