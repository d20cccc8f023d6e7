"""MkDocs hook: the site's scripts and stylesheets as the pages load them.

- the site's own scripts and stylesheets get a hash in their name, for long caching, and
  ship minified (not vendor/ files, which keep their licence);
- the offline copy ships the local iframe-worker shim, not Material's CDN copy.

Thin adapter over hosting_core.py; each built file is copied once (by path, time, size).
Material's bundle and client configuration: hooks/strict_csp_hook.py.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hosting_core import (
    asset_references,
    built_asset,
    fingerprinted_name,
    replace_asset_references,
    shipped_source,
)
from site_build import offline_enabled, site_path

IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
NOT_FOUND_PAGE = "404.html"

# Built file (path, time, size) → name of its fingerprinted copy.
_fingerprints: dict[tuple[str, int, int], str] = {}


@event_priority(100)  # before Material's offline plugin adds its CDN script
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_enabled(config):
        polyfills = config.extra.setdefault("polyfills", [])
        if IFRAME_WORKER_SHIM not in polyfills:
            polyfills.append(IFRAME_WORKER_SHIM)
    return config


@event_priority(-200)  # last: other hooks may still add scripts and stylesheets
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _fingerprint(output, Path(page.file.abs_dest_path).parent, config)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND_PAGE:
        return output_content
    return _fingerprint(output_content, Path(config.site_dir), config)


def _fingerprint(output: str, html_dir: Path, config: MkDocsConfig) -> str:
    renames: dict[str, str] = {}
    for ref in asset_references(output):
        source = built_asset(ref, html_dir, Path(config.site_dir), site_path(config))
        if source is not None:
            renames[ref] = str(PurePosixPath(ref).with_name(_fingerprinted_copy(source)))
    return replace_asset_references(output, renames) if renames else output


def _file_key(source: Path) -> tuple[str, int, int]:
    """A built file as it stands now: copied again (mkdocs serve, each language), it is new."""
    stat = source.stat()
    return str(source.resolve()), stat.st_mtime_ns, stat.st_size


def _fingerprinted_copy(source: Path) -> str:
    key = _file_key(source)
    if key not in _fingerprints:
        content = source.read_bytes()
        if "vendor" not in source.parts:
            content = shipped_source(source.name, content.decode("utf-8")).encode("utf-8")
        name = fingerprinted_name(source.name, content)
        target = source.with_name(name)
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
        _fingerprints[key] = name
    return _fingerprints[key]
