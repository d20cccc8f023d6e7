"""MkDocs hook: the built site hosts anywhere (public web, intranet sub-path, file://).

Thin adapter over hosting_core.py. Per build it:
- pins the build date to the last commit (reproducible sitemap and .gz);
- applies the branding settings (colours, logo) from mkdocs.yml `extra:` / environment;
- leaves the repository's links out when REPO_URL is not set (never a made-up address);
- for the offline build, ships the local iframe-worker shim instead of Material's CDN copy;
- gives each language its own search index and its own 404 page (its paths marked
  for the server to rewrite under a sub-path, without SITE_URL);
- fingerprints the site's own scripts and stylesheets, for long caching;
- gives Material's bundle V8's compile hint (README, "Performance");
- leaves out Material's rel="prev"/"next" links, which Firefox prefetches against the CSP;
- makes the language selector's links relative (each home page's too), and the hreflang
  links absolute when site_url is set, left out when it is not.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
from copy import deepcopy
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hosting_core import (
    HostingError,
    absolutize_hreflang,
    asset_references,
    brand_stylesheet,
    check_colour,
    check_email,
    check_link,
    fingerprinted_name,
    mark_site_root,
    material_bundle_reference,
    rebase_client_config,
    replace_asset_references,
    site_relative_link,
    split_search_index,
    with_compile_hint,
    without_hreflang,
    without_neighbour_links,
)

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
BRAND_STYLESHEET = "assets/stylesheets/brand.css"
BRAND_IMAGE_DEST = "assets/images/brand-{name}{suffix}"
SEARCH_INDEX = "search/search_index.json"
NOT_FOUND_PAGE = "404.html"

# Build state. MkDocs keeps one hook module per process (mkdocs serve, tests), so the outer
# build's on_config clears it; mkdocs-static-i18n's nested language builds share it.
_brand_css = ""
_brand_images: dict[str, Path] = {}
_not_found_pages: dict[str, str] = {}
# Built file (path, time, size) → name of its fingerprinted or hinted copy.
_fingerprints: dict[tuple[str, int, int], str] = {}
# Material's original bundles, and whether every page now loads the hinted copy instead.
_hinted_bundles: set[Path] = set()
_original_bundle_needed = False


# --- Configuration ------------------------------------------------------------------


@event_priority(100)  # before Material's offline plugin adds its CDN script
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _brand_css, _original_bundle_needed
    i18n = _i18n(config)
    if i18n is None or not i18n.building:
        _brand_css = ""
        _brand_images.clear()
        _not_found_pages.clear()
        _hinted_bundles.clear()
        _original_bundle_needed = False
    _pin_build_date(Path(config.config_file_path).parent)
    try:
        _brand_css = _apply_brand_colours(config)
        config.extra["contact_email"] = check_email(
            "extra.contact_email (BRAND_CONTACT_EMAIL)", str(config.extra.get("contact_email") or "")
        )
        config.extra["report_problem"] = check_link(
            "extra.report_problem (BRAND_REPORT_PROBLEM)", str(config.extra.get("report_problem") or "")
        )
        _apply_brand_images(config)
    except HostingError as error:
        raise PluginError(f"mkdocs.yml (branding): {error}") from None
    _without_repository(config, announce=i18n is None or not i18n.building)
    if _offline_enabled(config):
        polyfills = config.extra.setdefault("polyfills", [])
        if IFRAME_WORKER_SHIM not in polyfills:
            polyfills.append(IFRAME_WORKER_SHIM)
    return config


def _without_repository(config: MkDocsConfig, announce: bool) -> None:
    """No repo_url (REPO_URL): no link to the repository in the header, no "Edit this
    page" (unless edit_uri is a full address), no "Report a problem" unless an address is
    given. Said once per build, as information: it is a choice, not a fault."""
    if config.repo_url:
        return
    if config.edit_uri and "://" not in config.edit_uri:
        config.edit_uri = None
    if announce:
        report = config.extra.get("report_problem") or config.extra.get("contact_email")
        log.info(
            'REPO_URL is not set: the pages link to no repository (no header link, no "Edit this page"%s).',
            "" if report else ', no "Report a problem" without BRAND_REPORT_PROBLEM or BRAND_CONTACT_EMAIL',
        )


def _pin_build_date(root: Path) -> None:
    """Date the build by the last commit, so two builds of one commit match to the byte.

    MkDocs honours SOURCE_DATE_EPOCH for each page's date, the sitemap and the .gz
    timestamp. A value already set wins; outside a Git checkout, the clock does.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def _apply_brand_colours(config: MkDocsConfig) -> str:
    palettes = config.theme["palette"]
    palettes = [palettes] if isinstance(palettes, dict) else palettes
    primary = accent = None
    for palette in palettes:
        for key, variable in (("primary", "BRAND_PRIMARY"), ("accent", "BRAND_ACCENT")):
            if palette.get(key, "custom") == "custom":
                continue
            colour = check_colour(f"theme.palette.{key} ({variable})", str(palette[key]))
            if colour.is_hex:
                palette[key] = "custom"
                if key == "primary":
                    primary = colour
                else:
                    accent = colour
    css = brand_stylesheet(primary, accent) or _brand_css
    if css and BRAND_STYLESHEET not in config.extra_css:
        config.extra_css.append(BRAND_STYLESHEET)
    return css


def _apply_brand_images(config: MkDocsConfig) -> None:
    """extra.logo / extra.favicon: a file anywhere on disk, published under assets/images/."""
    root = Path(config.config_file_path).parent
    for name, variable in (("logo", "BRAND_LOGO"), ("favicon", "BRAND_FAVICON")):
        value = str(config.extra.get(name) or "").strip()
        if not value or name in _brand_images:
            if name in _brand_images:
                config.theme[name] = _brand_dest(name, _brand_images[name])
            continue
        path = Path(value) if Path(value).is_absolute() else root / value
        if not path.is_file():
            raise HostingError(f"extra.{name} ({variable}): file '{value}' not found (looked at {path}).")
        if path.suffix.lower() not in (".svg", ".png", ".jpg", ".jpeg", ".webp", ".ico"):
            raise HostingError(f"extra.{name} ({variable}): '{value}' is not an SVG, PNG, JPEG, WebP or ICO.")
        _brand_images[name] = path
        config.theme[name] = _brand_dest(name, path)


def _brand_dest(name: str, path: Path) -> str:
    return BRAND_IMAGE_DEST.format(name=name, suffix=path.suffix.lower())


def _offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-200)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _brand_css and files.get_file_from_path(BRAND_STYLESHEET) is None:
        files.append(File.generated(config, BRAND_STYLESHEET, content=_brand_css))
    for name, path in _brand_images.items():
        dest = _brand_dest(name, path)
        if files.get_file_from_path(dest) is None:
            files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files


# --- Pages --------------------------------------------------------------------------


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # The 404 page has no twin: its language selector and hreflang go to each home page.
    i18n = _i18n(config)
    if template_name == NOT_FOUND_PAGE and i18n is not None and i18n.extra_alternate:
        # mkdocs-static-i18n sets it as an attribute, which Jinja reads before the key.
        setattr(config.extra, "alternate", deepcopy(i18n.extra_alternate))  # noqa: B010
    return context


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    # After mkdocs-static-i18n (50) has pointed the language selector at this page's twin.
    alternates = getattr(config.extra, "alternate", None) or []
    for alternate in alternates:
        alternate["link"] = site_relative_link(str(alternate["link"]), _site_path(config))
    return context


@event_priority(-200)  # last: other hooks may still add scripts and stylesheets
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    html_dir = Path(page.file.abs_dest_path).parent
    output = without_neighbour_links(_localize(output, config))
    output = _hreflang(output, page.canonical_url or config.site_url)
    return _fingerprint(output, html_dir, config)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND_PAGE:
        return output_content
    output = _localize(output_content, config)
    output = _hreflang(output, config.site_url)
    output = _fingerprint(output, Path(config.site_dir), config)
    if not config.site_url:  # after the fingerprints, which read the paths as they were
        output = mark_site_root(output)
    # Kept for on_post_build: each language's build writes 404.html at the site root.
    _not_found_pages[_languages(config)[0]] = output
    return output


def _hreflang(output: str, page_url: str | None) -> str:
    """Absolute hreflang links with SITE_URL; none without (a relative one is invalid)."""
    return absolutize_hreflang(output, page_url) if page_url else without_hreflang(output)


def _localize(output: str, config: MkDocsConfig) -> str:
    language, default = _languages(config)
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
    """The built file a page's reference points at, if it is one of this site's files."""
    if "://" in ref:
        return None
    if ref.startswith("/"):
        site_path = _site_path(config)
        if not ref.startswith(site_path):
            return None
        source = Path(config.site_dir) / ref[len(site_path) :]
    else:
        # Lexically: the page's own folder does not exist yet when it is rendered.
        source = Path(os.path.normpath(html_dir / ref))
    return source if source.is_file() else None


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


def _site_path(config: MkDocsConfig) -> str:
    """The site's path on its host, with a trailing slash: "/" or "/guides/social-media/"."""
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else f"{path}/"


# --- After each language's build -------------------------------------------------


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    _, default = _languages(config)
    not_found = site_dir / NOT_FOUND_PAGE
    i18n = _i18n(config)
    if i18n is not None and i18n.building:
        return  # a nested language build: the outer one finishes the job
    for lang, html in _not_found_pages.items():
        target = not_found if lang == default else site_dir / lang / NOT_FOUND_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _split_search_index(site_dir, config)
    # No page refers to Material's original bundle any more: 1.1 MB less to ship.
    for bundle in () if _original_bundle_needed else _hinted_bundles:
        bundle.unlink(missing_ok=True)
        bundle.with_name(f"{bundle.name}.map").unlink(missing_ok=True)


def _split_search_index(site_dir: Path, config: MkDocsConfig) -> None:
    source = site_dir / SEARCH_INDEX
    i18n = _i18n(config)
    if not source.is_file() or i18n is None:
        return
    languages = [lang.locale for lang in i18n.config.languages if lang.build]
    _, default = _languages(config)
    try:
        shares = split_search_index(json.loads(source.read_text(encoding="utf-8")), languages, default)
    except (HostingError, ValueError) as error:
        raise PluginError(f"{SEARCH_INDEX}: {error}") from None
    for lang, share in shares.items():
        target = site_dir / SEARCH_INDEX if lang == default else site_dir / lang / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(share.to_json(), encoding="utf-8")
        if _offline_enabled(config):
            # From file://, Material loads the index as a script (Material's offline plugin).
            target.with_suffix(".js").write_text(f"var __index = {share.to_json()}", encoding="utf-8")


# --- mkdocs-static-i18n --------------------------------------------------------------


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _languages(config: MkDocsConfig) -> tuple[str, str]:
    """(language being built, default language)."""
    i18n = _i18n(config)
    if i18n is None:
        language = str(config.theme.get("language") or "en")
        return language, language
    return str(i18n.current_language), str(i18n.default_language)
