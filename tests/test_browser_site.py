"""In the system Chromium (and Firefox ESR where marked): the language selector keeps the reader on the same page,
and no page of either language makes a foreign, failed or erroring request."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import (
    ALSO_IN_FIREFOX,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Traffic,
    page_path,
    page_slugs,
    record_traffic,
    wait_until_settled,
)


def _switch_language(page: Page, name: str) -> None:
    # The selector opens on hover or focus; keyboard users tab onto it.
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-select__link:has-text('{name}')").click()


@ALSO_IN_FIREFOX
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

    page.goto(f"{site_url}en/objectives/")
    _switch_language(page, "Français")
    expect(page).to_have_url(f"{site_url}objectifs/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    _switch_language(page, "English")
    expect(page).to_have_url(f"{site_url}en/objectives/")
    wait_until_settled(page, traffic)
    traffic.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_cleanly(page_and_traffic: tuple[Page, Traffic], site_url: str, lang: str) -> None:
    """Zero console errors, failed requests or requests to other hosts, on every page."""
    page, traffic = page_and_traffic
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for slug in page_slugs():
        page.goto(f"{site_url}{prefix}{page_path(slug, lang)}")
        wait_until_settled(page, traffic)
        expect(page.locator("html")).to_have_attribute("lang", lang)
    assert len(traffic.requests) > len(page_slugs())
    traffic.assert_clean()


# Counts DOMContentLoaded events and notes when a script element for Material's
# bundle enters the page; runs before the page's own scripts.
_WATCH_BUNDLE = """
window.__test = { loaded: 0, bundleAddedAt: null };
document.addEventListener("DOMContentLoaded", () => window.__test.loaded++);
new MutationObserver(records => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.tagName === "SCRIPT" && /bundle\\./.test(node.src) && window.__test.bundleAddedAt === null)
      window.__test.bundleAddedAt = performance.now();
  }
}).observe(document, { childList: true, subtree: true });
"""


@pytest.mark.speed_switch
@pytest.mark.parametrize("path", ["", "en/readiness/"])
def test_material_starts_once_after_the_first_paint(
    page_and_traffic: tuple[Page, Traffic], site_url: str, path: str
) -> None:
    """theme-shims.js runs the bundle once the page is drawn, then gives Material its
    DOMContentLoaded: Material's search opens as the field takes focus, the page stays clean."""
    page, traffic = page_and_traffic
    page.add_init_script(_WATCH_BUNDLE)
    page.goto(f"{site_url}{path}")
    wait_until_settled(page, traffic)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    watched = page.evaluate("window.__test")
    first_paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    assert watched["bundleAddedAt"] is not None
    assert first_paint < watched["bundleAddedAt"], (first_paint, watched)
    assert watched["loaded"] == 2, "the browser's DOMContentLoaded, then Material's copy, once"
    page.locator("input.md-search__input").focus()  # only Material's started search opens on it
    expect(page.locator("#__search")).to_be_checked()
    traffic.assert_clean()


@pytest.mark.speed_switch
def test_page_still_works_when_material_bundle_fails(page: Page, site_url: str) -> None:
    """The bundle blocked or lost: no script error; the checklist and palette still run."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    traffic = record_traffic(page, site_url.rstrip("/"))
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(f"{site_url}preparation/")
    expect(page.locator("[data-module=mdx-checklist]")).to_have_attribute("data-checklist-ready", "")
    expect(page.locator("form[data-module=mdx-palette] label:visible")).to_have_count(1)
    expect(page.locator("html")).to_have_class(re.compile(r"\bno-js\b"))
    # After the first paint, theme-shims.js adds the bundle's script, which fails to load.
    expect(page.locator("body > script[src*='/bundle.']")).to_be_attached()
    wait_until_settled(page, traffic, material=False)
    assert [failure for failure in traffic.failures if "/bundle." in failure] != []
    assert errors == []


@pytest.mark.speed_switch
@pytest.mark.parametrize(
    ("paint_timing", "earliest_ms", "latest_ms"),
    [
        # A browser without paint timing: Material starts after the next frame.
        ("Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => [] });", 0, 2_000),
        # A browser that never reports the paint: Material starts after 3 seconds.
        (
            "window.PerformanceObserver = class { static get supportedEntryTypes() { return ['paint']; }"
            " observe() {} disconnect() {} };",
            2_900,
            6_000,
        ),
    ],
    ids=["no-paint-timing", "paint-never-reported"],
)
def test_material_starts_without_paint_timing(
    page: Page, site_url: str, paint_timing: str, earliest_ms: int, latest_ms: int
) -> None:
    """Material still starts, and when each fallback says, where the first paint is not reported."""
    page.add_init_script(paint_timing)
    page.add_init_script(_WATCH_BUNDLE)
    page.goto(f"{site_url}en/")
    page.locator("link[data-md-bundle=started]").wait_for(state="attached", timeout=8_000)
    added = page.evaluate("window.__test.bundleAddedAt")
    assert earliest_ms <= added < latest_ms, added
    page.locator("input.md-search__input").focus()
    expect(page.locator("#__search")).to_be_checked()
