"""MkDocs hook: what mkdocs-static-i18n would otherwise write once for all languages,
written once per language: the search index (search in the reader's language) and
the 404 page (a French one at /404.html, an English one at /en/404.html).

Each language's build writes 404.html at the site's root, so the pages are kept as
each build renders them and written when the last language is done. Without SITE_URL
a 404 page's root paths are marked for the server to rewrite under a sub-path
(README, "Under a sub-path"). Thin adapter over hosting_core.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hosting_core import HostingError, mark_site_root, split_search_index
from site_build import built_languages, i18n_plugin, in_nested_build, languages, offline_enabled

SEARCH_INDEX = "search/search_index.json"
NOT_FOUND_PAGE = "404.html"

# The 404 page of each language built so far; the outer build clears it.
_not_found_pages: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not in_nested_build(config):
        _not_found_pages.clear()
    return config


@event_priority(-300)  # after every other rewrite of the page (links, asset names)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND_PAGE:
        return output_content
    output = output_content if config.site_url else mark_site_root(output_content)
    _not_found_pages[languages(config)[0]] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if in_nested_build(config):
        return
    site_dir = Path(config.site_dir)
    _, default = languages(config)
    for lang, html in _not_found_pages.items():
        target = site_dir / NOT_FOUND_PAGE if lang == default else site_dir / lang / NOT_FOUND_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _split_search_index(site_dir, config, default)


def _split_search_index(site_dir: Path, config: MkDocsConfig, default: str) -> None:
    source = site_dir / SEARCH_INDEX
    if not source.is_file() or i18n_plugin(config) is None:
        return
    try:
        shares = split_search_index(
            json.loads(source.read_text(encoding="utf-8")), built_languages(config), default
        )
    except (HostingError, ValueError) as error:
        raise PluginError(f"{SEARCH_INDEX}: {error}") from None
    for lang, share in shares.items():
        target = site_dir / SEARCH_INDEX if lang == default else site_dir / lang / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(share.to_json(), encoding="utf-8")
        if offline_enabled(config):
            # From file://, Material loads the index as a script (Material's offline plugin).
            target.with_suffix(".js").write_text(f"var __index = {share.to_json()}", encoding="utf-8")
