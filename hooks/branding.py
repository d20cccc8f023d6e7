"""Pure functions behind hooks/branding_hook.py: an organization's own colours, logo
and contact addresses, checked so that a setting that cannot work stops the build
with its name (the header's contrast, an e-mail address that is not one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Material's named colours (docs: "Changing the colors"), as they appear in mkdocs.yml.
MATERIAL_COLOURS = frozenset(
    {
        "red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal",
        "green", "light green", "lime", "yellow", "amber", "orange", "deep orange", "brown",
        "grey", "blue grey", "black", "white", "custom",
    }
)  # fmt: skip
EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
LINK_SCHEMES = ("mailto:", "https://", "http://")
HEX_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2 AA, 1.4.3: normal text needs a contrast ratio of at least 4.5:1.
MINIMUM_CONTRAST = 4.5
WHITE = "#ffffff"


class BrandingError(ValueError):
    """A branding setting that cannot work; the message names the setting and the fix."""


# --- Branding addresses ------------------------------------------------------------


def check_email(setting: str, value: str) -> str:
    """An e-mail address, or empty; anything else is an error naming the setting."""
    value = value.strip()
    if value and not EMAIL_RE.match(value):
        raise BrandingError(f"{setting}: '{value}' is not an e-mail address (name@example.org).")
    return value


def check_link(setting: str, value: str) -> str:
    """A mailto:, https: or http: address, or empty."""
    value = value.strip()
    if value and (not value.startswith(LINK_SCHEMES) or any(c in value for c in ' <>"')):
        raise BrandingError(
            f"{setting}: '{value}' must be a mailto:, https: or http: address "
            "(mailto:web@example.org or https://example.org/contact)."
        )
    return value


# --- Branding colours ------------------------------------------------------------


@dataclass(frozen=True)
class BrandColour:
    """A colour setting: a Material colour name, or a hex colour for `custom`."""

    setting: str
    value: str

    @property
    def is_hex(self) -> bool:
        return bool(HEX_COLOUR_RE.match(self.value))


def check_colour(setting: str, value: str) -> BrandColour:
    """Accept a Material colour name or `#rrggbb`; anything else is an error naming the setting."""
    colour = BrandColour(setting, value.strip().lower())
    if colour.is_hex or colour.value in MATERIAL_COLOURS:
        return colour
    raise BrandingError(
        f"{setting}: '{value}' is not a colour. Use a Material colour name "
        f"({', '.join(sorted(MATERIAL_COLOURS - {'custom'}))}) or a hex colour such as #1a4b8c."
    )


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def brand_stylesheet(primary: BrandColour | None, accent: BrandColour | None) -> str:
    """CSS custom properties for hex brand colours (Material's `custom` colour scheme).

    The header prints white text on the primary colour, and links use the accent on
    hover: a colour too light for white text (below 4.5:1) is refused, not shipped.
    """
    rules: list[str] = []
    if primary is not None and primary.is_hex:
        _require_contrast(primary, WHITE, "the header's white text")
        rules.append(
            '[data-md-color-primary="custom"] {\n'
            f"  --md-primary-fg-color: {primary.value};\n"
            f"  --md-primary-fg-color--light: {primary.value};\n"
            f"  --md-primary-fg-color--dark: {primary.value};\n"
            f"  --md-primary-bg-color: {WHITE};\n"
            "  --md-primary-bg-color--light: #ffffffb3;\n"
            "}\n"
        )
    if accent is not None and accent.is_hex:
        _require_contrast(accent, WHITE, "the page background")
        rules.append(
            '[data-md-color-accent="custom"] {\n'
            f"  --md-accent-fg-color: {accent.value};\n"
            f"  --md-accent-fg-color--transparent: {accent.value}1a;\n"
            "}\n"
        )
    return "".join(rules)


def _require_contrast(colour: BrandColour, against: str, what: str) -> None:
    ratio = contrast_ratio(colour.value, against)
    if ratio < MINIMUM_CONTRAST:
        raise BrandingError(
            f"{colour.setting}: {colour.value} against {what} has a contrast of {ratio:.1f}:1; "
            f"WCAG 2.2 AA needs at least {MINIMUM_CONTRAST}:1. Choose a darker colour."
        )
