"""MkDocs hook: the organization's branding (README, "Branding"): hex colours as a
generated stylesheet, logo and favicon files published under assets/images/, contact
and report addresses checked, and no repository links when REPO_URL is not set.

Thin adapter over branding.py. mkdocs-static-i18n runs a nested build per language
with this module: the outer build resets what the nested ones reuse (its palette has
already become `custom` by then, and the images are already placed).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from branding import BrandingError, brand_stylesheet, check_colour, check_email, check_link
from site_build import in_nested_build

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

BRAND_STYLESHEET = "assets/stylesheets/brand.css"
BRAND_IMAGE_DEST = "assets/images/brand-{name}{suffix}"
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".ico")

_brand_css = ""
_brand_images: dict[str, Path] = {}


@event_priority(100)  # before the theme and mkdocs-static-i18n read the palette
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _brand_css
    nested = in_nested_build(config)
    if not nested:
        _brand_css = ""
        _brand_images.clear()
    try:
        _brand_css = _apply_brand_colours(config)
        config.extra["contact_email"] = check_email(
            "extra.contact_email (BRAND_CONTACT_EMAIL)", str(config.extra.get("contact_email") or "")
        )
        config.extra["report_problem"] = check_link(
            "extra.report_problem (BRAND_REPORT_PROBLEM)", str(config.extra.get("report_problem") or "")
        )
        _apply_brand_images(config)
    except BrandingError as error:
        raise PluginError(f"mkdocs.yml (branding): {error}") from None
    _without_repository(config, announce=not nested)
    return config


@event_priority(-200)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _brand_css and files.get_file_from_path(BRAND_STYLESHEET) is None:
        files.append(File.generated(config, BRAND_STYLESHEET, content=_brand_css))
    for name, path in _brand_images.items():
        dest = _brand_dest(name, path)
        if files.get_file_from_path(dest) is None:
            files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files


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
        if name in _brand_images:
            config.theme[name] = _brand_dest(name, _brand_images[name])
            continue
        value = str(config.extra.get(name) or "").strip()
        if not value:
            continue
        path = Path(value) if Path(value).is_absolute() else root / value
        if not path.is_file():
            raise BrandingError(f"extra.{name} ({variable}): file '{value}' not found (looked at {path}).")
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            raise BrandingError(
                f"extra.{name} ({variable}): '{value}' is not an SVG, PNG, JPEG, WebP or ICO."
            )
        _brand_images[name] = path
        config.theme[name] = _brand_dest(name, path)


def _brand_dest(name: str, path: Path) -> str:
    return BRAND_IMAGE_DEST.format(name=name, suffix=path.suffix.lower())
