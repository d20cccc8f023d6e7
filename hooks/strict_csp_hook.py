"""MkDocs hook: the strict CSP unit (inventory: tests/theme-boundary.md).

Material prints inline scripts, which a strict Content-Security-Policy (script-src
'self') blocks. Everything the site does about it, and every other reach into Material's
private parts, is here and in overrides/strict-csp/: its partials take the place of
Material's inline ones (this hook puts the folder on the theme's search path, after
overrides/, before Material) and theme-shims.js runs their tasks from a file.

Always: Material's client configuration made right for each language and for the 404
pages. With `extra.strict_csp.speed` (README, "Performance"): Material's bundle starts
after the first paint, from a copy with V8's compile hint (the original is not shipped);
theme-shims.js runs the palette toggle and holds back the search index.

Thin adapter over strict_csp.py.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hosting_core import HostingError, built_asset
from site_build import in_nested_build, languages, site_path
from strict_csp import (
    bundle_script_reference,
    mark_client_config_root,
    preload_bundle,
    rebase_client_config,
    with_compile_hint,
)

# The unit's theme folder, inside the theme's custom_dir (overrides/).
UNIT_FOLDER = "strict-csp"
NOT_FOUND_PAGE = "404.html"

# Material's bundle (path, time, size) → name of its hinted copy.
_hinted: dict[tuple[str, int, int], str] = {}
# Material's original bundles, and whether a page still loads one (then it ships).
_original_bundles: set[Path] = set()
_original_bundle_needed = False


@event_priority(100)  # before any plugin asks for the theme's templates
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _original_bundle_needed
    if not in_nested_build(config):
        _original_bundles.clear()
        _original_bundle_needed = False
    settings = config.extra.get("strict_csp") or {}
    speed = settings.get("speed", True) if isinstance(settings, dict) else settings
    if not isinstance(speed, bool):
        raise PluginError(f"mkdocs.yml: extra.strict_csp.speed must be true or false, not {speed!r}")
    config.extra["strict_csp"] = {"speed": speed}
    custom_dir = config.theme.custom_dir
    if not custom_dir:
        raise PluginError(f"mkdocs.yml: theme.custom_dir must be set; {UNIT_FOLDER}/ is inside it")
    unit = str(Path(custom_dir) / UNIT_FOLDER)
    if unit not in config.theme.dirs:
        config.theme.dirs.insert(config.theme.dirs.index(custom_dir) + 1, unit)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Listed once more as files of overrides/ (site/strict-csp/…): the theme's copies are enough.
    for file in [f for f in files if f.src_uri.startswith(f"{UNIT_FOLDER}/")]:
        files.remove(file)
    return files


@event_priority(-150)  # after the other hooks' rewrites, before the fingerprints (-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _rewrite(output, Path(page.file.abs_dest_path).parent, config)


@event_priority(-150)  # before language_outputs_hook.py keeps the 404 page (-300)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND_PAGE:
        return output_content
    output = output_content if config.site_url else mark_client_config_root(output_content)
    return _rewrite(output, Path(config.site_dir), config)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if in_nested_build(config) or _original_bundle_needed:
        return
    # No page loads Material's original bundle: 1.1 MB less to ship.
    for bundle in _original_bundles:
        bundle.unlink(missing_ok=True)
        bundle.with_name(f"{bundle.name}.map").unlink(missing_ok=True)


def _rewrite(output: str, html_dir: Path, config: MkDocsConfig) -> str:
    global _original_bundle_needed
    language, default = languages(config)
    if language != default:
        output = rebase_client_config(output, language)
    bundle = bundle_script_reference(output)
    if not bundle or not config.extra["strict_csp"]["speed"]:
        return output
    source = built_asset(bundle, html_dir, Path(config.site_dir), site_path(config))
    if source is None:  # not found from here: the page keeps Material's original, so the site ships it
        _original_bundle_needed = True
        return output
    return preload_bundle(output, str(PurePosixPath(bundle).with_name(_hinted_copy(source))))


def _hinted_copy(source: Path) -> str:
    """Material's bundle with V8's compile hint, beside it; the original goes after the build."""
    stat = source.stat()
    key = (str(source.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _hinted:
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
        _hinted[key] = hinted.name
    _original_bundles.add(source)
    return _hinted[key]
