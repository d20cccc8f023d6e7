"""In the system Chromium: the language selector keeps the reader on the same page,
and no page of either language makes a foreign, failed or erroring request."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import DEFAULT_LANGUAGE, LANGUAGES, Traffic, page_path, page_slugs


def _switch_language(page: Page, name: str) -> None:
    # The selector opens on hover or focus; keyboard users tab onto it.
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-select__link:has-text('{name}')").click()


def test_language_selector_goes_to_the_same_page_and_back(
    page_and_traffic: tuple[Page, Traffic], site_url: str
) -> None:
    """French home → English home → English step page → French twin of that page."""
    page, traffic = page_and_traffic
    page.goto(site_url)
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    _switch_language(page, "English")
    expect(page).to_have_url(f"{site_url}en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(f"{site_url}en/objectifs/")
    _switch_language(page, "Français")
    expect(page).to_have_url(f"{site_url}objectifs/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    _switch_language(page, "English")
    expect(page).to_have_url(f"{site_url}en/objectifs/")
    page.wait_for_load_state("networkidle")
    traffic.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_cleanly(page_and_traffic: tuple[Page, Traffic], site_url: str, lang: str) -> None:
    """Zero console errors, failed requests or requests to other hosts, on every page."""
    page, traffic = page_and_traffic
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for slug in page_slugs():
        page.goto(f"{site_url}{prefix}{page_path(slug)}")
        page.wait_for_load_state("networkidle")
        expect(page.locator("html")).to_have_attribute("lang", lang)
    assert len(traffic.requests) > len(page_slugs())
    traffic.assert_clean()
