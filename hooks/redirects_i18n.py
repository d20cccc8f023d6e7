"""MkDocs hook: mkdocs-redirects in both languages (suffix layout), without inline script.

mkdocs-redirects knows neither mkdocs-static-i18n's `plan.fr.md` files nor its
per-language builds (mkdocs/mkdocs-redirects#33, #63). Editors write one redirect
per page in mkdocs.yml, language-neutral:

    plugins:
      - redirects:
          redirect_maps:
            ancien-plan.md: plan.md

and this hook makes the plugin write it for every language: /ancien-plan/ → /plan/
and /en/ancien-plan/ → /en/plan/. A page moved by its `slug:` gets a redirect from
its file name's address. It also swaps the plugin's stub page for one with
no inline script (strict CSP) that speaks the page's language, its canonical link
absolute with SITE_URL and left out without, and redirect.js to keep the reader's
#fragment, which a meta refresh drops.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import Any

import mkdocs_redirects.plugin as redirects_plugin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from redirect_rules import RedirectError, check_redirects, stub_canonical, with_fragment_script
from site_build import component_strings

# The stub page, per language. {url} is filled in by mkdocs-redirects. The empty icon:
# without one the browser asks for /favicon.ico, which a host may not have (a 404).
STUB = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<link rel="canonical" href="{{url}}">
<meta http-equiv="refresh" content="0; url={{url}}">
</head>
<body>
<main>
<h1>{title}</h1>
<p><a href="{{url}}">{link}</a></p>
</main>
</body>
</html>
"""
# Keeps the reader's #fragment (a share link's answers) on the way; in overrides/.
FRAGMENT_SCRIPT = "assets/javascripts/redirect.js"
# Its words: the `redirect` section of docs/data/strings.yml.
STUB_STRINGS = ("title", "link")


@event_priority(-150)  # after mkdocs-redirects (0) and mkdocs-static-i18n (-100) have seen the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    plugin = config.plugins.get("redirects")
    i18n: Any = config.plugins.get("i18n")
    if plugin is None or i18n is None:
        return files
    language, default = str(i18n.current_language), str(i18n.default_language)
    prefix = "" if language == default else f"{language}/"
    suffix = f".{language}.md"
    # "plan.md" → this language's plan page, as the editor writes it in redirect_maps.
    plugin.doc_pages = {
        file.src_uri[: -len(suffix)] + ".md": file
        for file in files.documentation_pages()
        if file.src_uri.endswith(suffix)
    }
    redirects = {str(old): str(new) for old, new in (plugin.config["redirect_maps"] or {}).items()}
    try:
        check_redirects(redirects, set(plugin.doc_pages))
    except RedirectError as error:
        raise PluginError(str(error)) from None
    plugin.redirects = {f"{prefix}{old}": new for old, new in redirects.items()}
    # A page published at its own address (`slug:`, hooks/page_addresses_hook.py): the
    # address of its file name redirects there (/en/pertinence/ → /en/relevance/).
    for page, file in plugin.doc_pages.items():
        old_address = f"{prefix}{page}"
        if redirects_plugin.get_html_path(old_address, config.use_directory_urls) != file.dest_uri:
            plugin.redirects.setdefault(old_address, page)
    words = component_strings(config, "redirect", STUB_STRINGS)[language]
    redirects_plugin.HTML_TEMPLATE = STUB.format(
        lang=html.escape(language), title=html.escape(words["title"]), link=html.escape(words["link"])
    )
    return files


@event_priority(-10)  # after mkdocs-redirects (0) has written this language's stubs
def on_post_build(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return
    site_url = config.site_url or ""
    for old in plugin.redirects:
        dest = redirects_plugin.get_html_path(old, config.use_directory_urls)
        stub = Path(config.site_dir) / dest
        if stub.is_file():
            url = f"{site_url.rstrip('/')}/{dest.removesuffix('index.html')}" if site_url else None
            script = posixpath.relpath(FRAGMENT_SCRIPT, posixpath.dirname(dest) or ".")
            html = with_fragment_script(stub_canonical(stub.read_text(encoding="utf-8"), url), script)
            stub.write_text(html, encoding="utf-8")
