"""MkDocs hook: an English page at its English address (`slug:` in its front matter).

Thin adapter over page_addresses.py. In each language's build it moves every page that
has a slug (docs/pertinence.en.md, `slug: relevance` → en/relevance/), in the build's
files and in every page's list of twins (mkdocs-static-i18n's `alternates`), so that
links, the language selector, the sitemap and search all follow. The old address
redirects (hooks/redirects_i18n.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from page_addresses import AddressError, SourcePage, addresses, destination, front_matter_slug


@event_priority(-120)  # after mkdocs-static-i18n (-100), before hooks/redirects_i18n.py (-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n: Any = config.plugins.get("i18n")
    if i18n is None:
        return files
    default = str(i18n.default_language)
    try:
        moved = _addresses(
            Path(config.docs_dir), [str(lang.locale) for lang in i18n.config.languages], default
        )
    except AddressError as error:
        raise PluginError(str(error)) from None
    seen: set[int] = set()
    for file in files.documentation_pages():
        for twin in (file, *getattr(file, "alternates", {}).values()):
            if id(twin) not in seen:
                seen.add(id(twin))
                _move(twin, moved, default, config)
    return files


def _addresses(docs_dir: Path, languages: list[str], default: str) -> dict[tuple[str, str], str]:
    """(language, page name) → address, for the pages whose address is not their name."""
    moved: dict[tuple[str, str], str] = {}
    for language in languages:
        suffix = f".{language}.md"
        pages = [
            SourcePage(
                f"docs/{path.relative_to(docs_dir).as_posix()}",
                path.relative_to(docs_dir).as_posix()[: -len(suffix)],
                front_matter_slug(f"docs/{path.relative_to(docs_dir).as_posix()}", path.read_text("utf-8")),
            )
            for path in sorted(docs_dir.rglob(f"*{suffix}"))
        ]
        for name, address in addresses(pages, language, default).items():
            if address != name:
                moved[(language, name)] = address
    return moved


def _move(file: File, moved: dict[tuple[str, str], str], default: str, config: MkDocsConfig) -> None:
    language = str(getattr(file, "locale", default))
    name = file.src_uri.removesuffix(f".{language}.md")
    address = moved.get((language, name))
    if address is None:
        return
    file.dest_uri = destination(address, language, default, config.use_directory_urls)
    file.url = file._get_url(config.use_directory_urls)
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
