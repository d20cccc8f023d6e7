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


def test_contrast_ratio_of_a_very_dark_colour_uses_the_linear_segment() -> None:
    """A channel at 10/255 is on sRGB's linear segment (c / 12.92): #0a0a0a on white is 19.80:1."""
    assert round(contrast_ratio("#0a0a0a", "#ffffff"), 2) == 19.80


def test_brand_stylesheet_is_written_whole_for_both_colours() -> None:
    """The primary's rule, then the accent's, exactly as Material's custom scheme reads them."""
    assert brand_stylesheet(check_colour("P", "#1a4b8c"), check_colour("A", "#1a4b8c")) == (
        '[data-md-color-primary="custom"] {\n'
        "  --md-primary-fg-color: #1a4b8c;\n"
        "  --md-primary-fg-color--light: #1a4b8c;\n"
        "  --md-primary-fg-color--dark: #1a4b8c;\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        "}\n"
        '[data-md-color-accent="custom"] {\n'
        "  --md-accent-fg-color: #1a4b8c;\n"
        "  --md-accent-fg-color--transparent: #1a4b8c1a;\n"
        "}\n"
    )


def test_a_primary_too_light_names_the_header_text() -> None:
    """A pale primary colour is refused, saying it is the header's white text that fails."""
    with pytest.raises(
        BrandingError, match=r"^P: #777777 against the header's white text has a contrast of 4\.5:1"
    ):
        brand_stylesheet(check_colour("P", "#777777"), None)


def test_an_accent_too_light_names_the_page_background() -> None:
    """A pale accent colour is refused, saying it is the page background that fails."""
    with pytest.raises(
        BrandingError, match=r"^A: #777777 against the page background has a contrast of 4\.5:1"
    ):
        brand_stylesheet(None, check_colour("A", "#777777"))


def test_check_colour_error_lists_the_material_names_but_custom() -> None:
    """The message lists Material's names, comma-separated and sorted, without `custom`."""
    with pytest.raises(BrandingError) as error:
        check_colour("P", "mauve")
    assert "(amber, black, blue, blue grey, brown, cyan, deep orange, deep purple," in str(error.value)
    assert "custom" not in str(error.value)


def test_check_link_accepts_any_plain_address() -> None:
    """mailto:, https: and http: addresses without spaces, quotes or brackets pass as written."""
    for link in ("mailto:Web-X@example.org", "https://example.org/X/contact", "http://example.org/"):
        assert check_link("L", link) == link


@pytest.mark.parametrize(
    "link", ["https://example.org/a b", "https://example.org/<x>", 'https://example.org/"x"']
)
def test_check_link_refuses_spaces_quotes_and_brackets(link: str) -> None:
    """An address that would break out of its HTML attribute is refused, with two examples."""
    with pytest.raises(
        BrandingError,
        match=r"must be a mailto:, https: or http: address \(mailto:web@example\.org or https://",
    ):
        check_link("L", link)
