"""MkDocs hook: the site's scripts and stylesheets as the pages load them.

- the site's own scripts and stylesheets get a hash in their name, for long caching;
- each page loads a copy of Material's bundle with V8's compile hint, and the original
  goes when no page needs it (README, "Performance");
- English pages get Material's client configuration rebased on /en/;
- the offline copy ships the local iframe-worker shim, not Material's CDN copy.

Thin adapter over hosting_core.py; each built file is copied once (by path, time, size).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hosting_core import (
    HostingError,
    asset_references,
    built_asset,
    fingerprinted_name,
    material_bundle_reference,
    rebase_client_config,
    replace_asset_references,
    with_compile_hint,
)
from site_build import in_nested_build, languages, offline_enabled, site_path

IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
NOT_FOUND_PAGE = "404.html"

# Built file (path, time, size) → name of its fingerprinted or hinted copy.
_fingerprints: dict[tuple[str, int, int], str] = {}
# Material's original bundles, and whether a page still loads one (then it ships).
_hinted_bundles: set[Path] = set()
_original_bundle_needed = False


@event_priority(100)  # before Material's offline plugin adds its CDN script
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _original_bundle_needed
    if not in_nested_build(config):
        _hinted_bundles.clear()
        _original_bundle_needed = False
    if offline_enabled(config):
        polyfills = config.extra.setdefault("polyfills", [])
        if IFRAME_WORKER_SHIM not in polyfills:
            polyfills.append(IFRAME_WORKER_SHIM)
    return config


@event_priority(-200)  # last: other hooks may still add scripts and stylesheets
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _fingerprint(_localize(output, config), Path(page.file.abs_dest_path).parent, config)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND_PAGE:
        return output_content
    return _fingerprint(_localize(output_content, config), Path(config.site_dir), config)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if in_nested_build(config):
        return
    # No page refers to Material's original bundle any more: 1.1 MB less to ship.
    for bundle in () if _original_bundle_needed else _hinted_bundles:
        bundle.unlink(missing_ok=True)
        bundle.with_name(f"{bundle.name}.map").unlink(missing_ok=True)


def _localize(output: str, config: MkDocsConfig) -> str:
    language, default = languages(config)
    return output if language == default else rebase_client_config(output, language)


def _fingerprint(output: str, html_dir: Path, config: MkDocsConfig) -> str:
    global _original_bundle_needed
    renames: dict[str, str] = {}
    for ref in asset_references(output):
        source = _asset_file(ref, html_dir, config)
        if source is not None:
            renames[ref] = str(PurePosixPath(ref).with_name(_fingerprinted_copy(source)))
    bundle = material_bundle_reference(output)
    if bundle:
        source = _asset_file(bundle, html_dir, config)
        if source is not None:
            renames[bundle] = str(PurePosixPath(bundle).with_name(_hinted_copy(source)))
        else:  # not found from here: this page keeps Material's original, so the site ships it
            _original_bundle_needed = True
    return replace_asset_references(output, renames) if renames else output


def _asset_file(ref: str, html_dir: Path, config: MkDocsConfig) -> Path | None:
    return built_asset(ref, html_dir, Path(config.site_dir), site_path(config))


def _file_key(source: Path) -> tuple[str, int, int]:
    """A built file as it stands now: copied again (mkdocs serve, each language), it is new."""
    stat = source.stat()
    return str(source.resolve()), stat.st_mtime_ns, stat.st_size


def _fingerprinted_copy(source: Path) -> str:
    key = _file_key(source)
    if key not in _fingerprints:
        content = source.read_bytes()
        name = fingerprinted_name(source.name, content)
        target = source.with_name(name)
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
        _fingerprints[key] = name
    return _fingerprints[key]


def _hinted_copy(source: Path) -> str:
    """Material's bundle with V8's compile hint, beside it; the original goes after the build."""
    key = _file_key(source)
    if key not in _fingerprints:
        source_map = source.with_name(f"{source.name}.map")
        try:
            hinted = with_compile_hint(
                source.name,
                source.read_text(encoding="utf-8"),
                source_map.read_text(encoding="utf-8") if source_map.is_file() else None,
            )
        except (HostingError, ValueError) as error:
            raise PluginError(f"Material's bundle: cannot add the compile hint: {error}") from None
        # newline="": the same bytes on every system (Windows would write \r\n).
        source.with_name(hinted.name).write_text(hinted.script, encoding="utf-8", newline="")
        if hinted.source_map is not None:
            source.with_name(hinted.source_map_name).write_text(
                hinted.source_map, encoding="utf-8", newline=""
            )
        _fingerprints[key] = hinted.name
    _hinted_bundles.add(source)
    return _fingerprints[key]
