"""What a reader's display settings must not break, on every page type, in both languages
and both engines: zoom to 200 % and reflow at 320 px (WCAG 1.4.4, 1.4.10), the text-spacing
overrides (1.4.12), forced colours (focus still shows: 2.4.7, 1.4.11) and reduced motion
(2.3.3's intent: the drawer and "back to top" do not slide).

One browser context per engine for the whole module; each test loads its page once and
changes the window's width, the stylesheet or the emulated media on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from conftest import ALSO_IN_FIREFOX, LANGUAGES, Engines, wait_for_material
from display_checks import TEXT_SPACING_CSS, ZOOMED, display_problems
from test_keyboard import PAGE_TYPES, url_of

DESKTOP = (1280, 800)
NARROWEST = ZOOMED["reflow 320 px"][0]


@pytest.fixture(scope="module")
def contexts(engines: Engines) -> Iterator[dict[str, BrowserContext]]:
    """One context per engine, opened when first asked for. It bypasses the page's CSP only
    so that the test can add the text-spacing stylesheet, as a reader's extension does."""
    opened: dict[str, BrowserContext] = {}
    yield opened
    for context in opened.values():
        context.close()


@pytest.fixture
def tab(contexts: dict[str, BrowserContext], engines: Engines, engine: str, site_url: str) -> Iterator[Page]:
    """A new tab, at a desktop's width, in this engine's shared context."""
    if engine not in contexts:
        contexts[engine] = engines.browser(engine).new_context(bypass_csp=True)
    page = contexts[engine].new_page()
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
    yield page
    page.close()


def _open(tab: Page, site_url: str, lang: str, page_type: str) -> None:
    tab.goto(url_of(site_url, lang, page_type))
    wait_for_material(tab)


def _drawer(tab: Page, opened: bool) -> None:
    """Open or close the navigation drawer, as its menu button does."""
    tab.locator("#__drawer").evaluate("(el, opened) => { if (el.checked !== opened) el.click(); }", opened)


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_lost_when_zoomed_reflowed_or_spaced(
    tab: Page, site_url: str, lang: str, page_type: str
) -> None:
    """At 200 % (640 CSS px) and at 320 px, with the menu closed and open, and then with
    WCAG's text-spacing overrides at those widths and a desktop's: the page never scrolls
    sideways, every heading and checklist control keeps a box inside the page, and no box
    cuts its text off (the header's one-line title excepted: it repeats the h1 and the
    menu's title, and the check makes sure they show it whole)."""
    _open(tab, site_url, lang, page_type)
    found: list[str] = []

    def measure(setting: str, width: int, height: int) -> None:
        tab.set_viewport_size({"width": width, "height": height})
        found.extend(f"{setting}, {width} px: {problem}" for problem in display_problems(tab))
        # The menu is as wide at 640 px as at 320: judged open at the narrowest width.
        if width == NARROWEST:
            _drawer(tab, True)
            found.extend(f"{setting}, {width} px, menu open: {problem}" for problem in display_problems(tab))
            _drawer(tab, False)

    # Motion is not what is judged here: without transitions, no state waits for one to end.
    tab.emulate_media(reduced_motion="reduce")
    for label, (width, height) in ZOOMED.items():
        measure(label, width, height)
    tab.add_style_tag(content=TEXT_SPACING_CSS)
    assert tab.evaluate("() => getComputedStyle(document.body).wordSpacing") != "0px", (
        "the spacing was not applied"
    )
    # 640 px lays the page out as 320 does (one column, the menu in a drawer).
    for width, height in (DESKTOP, ZOOMED["reflow 320 px"]):
        measure("text spacing", width, height)
    assert found == [], "lost, cut off or pushed out:\n" + "\n".join(found)
