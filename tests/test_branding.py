"""Unit tests for hooks/branding.py: an organization's colours and addresses, checked."""

from __future__ import annotations

import pytest

from branding import BrandingError, brand_stylesheet, check_colour, check_email, check_link, contrast_ratio


def test_check_colour_accepts_material_names_and_hex() -> None:
    """Named colours and #rrggbb pass; the value is normalized to lower case."""
    assert check_colour("BRAND_PRIMARY", "Deep Purple").value == "deep purple"
    assert check_colour("BRAND_PRIMARY", "#1A4B8C").is_hex


def test_check_colour_rejects_anything_else() -> None:
    """A colour that Material does not know names the setting and lists the choices."""
    with pytest.raises(BrandingError, match=r"BRAND_PRIMARY: 'sky' is not a colour.*indigo"):
        check_colour("BRAND_PRIMARY", "sky")


def test_contrast_ratio_matches_wcag_examples() -> None:
    """Black on white is 21:1; a colour on itself is 1:1."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#1a4b8c", "#1a4b8c") == pytest.approx(1.0)


def test_brand_stylesheet_sets_custom_properties() -> None:
    """A hex primary and accent become Material's custom colour variables."""
    css = brand_stylesheet(check_colour("P", "#1a4b8c"), check_colour("A", "#8c1a4b"))
    assert "--md-primary-fg-color: #1a4b8c;" in css
    assert "--md-accent-fg-color: #8c1a4b;" in css


def test_brand_stylesheet_refuses_a_colour_too_light_for_white_text() -> None:
    """White header text on yellow fails WCAG AA: the build stops with the ratio."""
    with pytest.raises(BrandingError, match=r"P: #ffdd00 .* contrast of 1\.3:1"):
        brand_stylesheet(check_colour("P", "#ffdd00"), None)


def test_brand_stylesheet_is_empty_for_named_colours() -> None:
    """Material's own colours need no extra stylesheet."""
    assert brand_stylesheet(check_colour("P", "indigo"), check_colour("A", "indigo")) == ""


def test_check_email_and_link() -> None:
    """Addresses pass; empty stays empty; a script URL or a bare word is refused."""
    assert check_email("E", " web@example.org ") == "web@example.org"
    assert check_link("L", "") == ""
    with pytest.raises(BrandingError, match="E: 'web' is not an e-mail address"):
        check_email("E", "web")
    with pytest.raises(BrandingError, match="L: 'javascript:alert"):
        check_link("L", "javascript:alert(1)")
