"""What a reader's display settings must not break, on every page type, in both languages
and both engines: zoom to 200 % and reflow at 320 px (WCAG 1.4.4, 1.4.10), the text-spacing
overrides (1.4.12), forced colours (focus still shows: 2.4.7, 1.4.11) and reduced motion
(2.3.3's intent: the drawer and "back to top" do not slide).

One browser context per engine for the whole module; each test loads its page once and
changes the window's width, the stylesheet or the emulated media on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from conftest import (
    ALSO_IN_FIREFOX,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Engines,
    _firefox_launcher,
    axe_violations,
    page_path,
    wait_for_material,
)
from display_checks import TEXT_SPACING_CSS, ZOOMED, display_problems, focus_without_outline, motion
from test_keyboard import PAGE_TYPES, url_of

DESKTOP = (1280, 800)
NARROWEST = ZOOMED["reflow 320 px"][0]


# What a reader sets in the system: forced colours (Windows' contrast themes) and reduced
# motion, both at once. Chromium emulates them; Playwright cannot ask Firefox ESR for them
# over WebDriver BiDi, so a second Firefox starts with the preferences a reader's settings set.
READER_FIREFOX_PREFERENCES = {"ui.prefersReducedMotion": 1, "browser.display.document_color_use": 2}
_READER_SETTINGS = "() => [matchMedia('(forced-colors: active)').matches, matchMedia('(prefers-reduced-motion: reduce)').matches]"


@pytest.fixture(scope="module")
def contexts(engines: Engines) -> Iterator[Callable[[str, bool], BrowserContext]]:
    """One context per engine, and one per engine with the reader's settings, opened when
    first asked for. They bypass the page's CSP only so that the test can add the
    text-spacing stylesheet, as a reader's extension does."""
    opened: dict[tuple[str, bool], BrowserContext] = {}
    browsers: list[Browser] = []

    def open_context(engine: str, settings: bool) -> BrowserContext:
        if (engine, settings) not in opened:
            if settings and engine == "firefox":
                browsers.append(
                    engines.playwright.firefox.launch(
                        channel="moz-firefox",
                        executable_path=str(_firefox_launcher(engines.folder)),
                        firefox_user_prefs=READER_FIREFOX_PREFERENCES,
                    )
                )
                opened[engine, settings] = browsers[-1].new_context()
            elif settings:
                opened[engine, settings] = engines.browser(engine).new_context(
                    forced_colors="active", reduced_motion="reduce"
                )
            else:
                opened[engine, settings] = engines.browser(engine).new_context(bypass_csp=True)
        return opened[engine, settings]

    yield open_context
    for context in opened.values():
        context.close()
    for browser in browsers:
        browser.close()


def _new_tab(context: BrowserContext) -> Page:
    page = context.new_page()
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
    return page


@pytest.fixture
def tab(contexts: Callable[[str, bool], BrowserContext], engine: str, site_url: str) -> Iterator[Page]:
    """A new tab, at a desktop's width, in this engine's shared context."""
    page = _new_tab(contexts(engine, False))
    yield page
    page.close()


@pytest.fixture
def settings_tab(
    contexts: Callable[[str, bool], BrowserContext], engine: str, site_url: str
) -> Iterator[Page]:
    """A new tab in this engine with forced colours and reduced motion on."""
    page = _new_tab(contexts(engine, True))
    yield page
    page.close()


def _open(tab: Page, site_url: str, lang: str, page_type: str) -> None:
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    whole_guide = f"{site_url}{prefix}{page_path('guide-complet', lang)}"
    tab.goto(whole_guide if page_type == "whole guide" else url_of(site_url, lang, page_type))
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


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_focus_shows_in_forced_colours(settings_tab: Page, site_url: str, lang: str, page_type: str) -> None:
    """In forced colours, which drop backgrounds and shadows, every control that takes focus
    still draws an outline when a keyboard focuses it."""
    _open(settings_tab, site_url, lang, page_type)
    assert settings_tab.evaluate(_READER_SETTINGS) == [True, True], "forced colours or reduced motion is off"
    settings_tab.keyboard.press("Tab")  # a keyboard's focus, which :focus-visible shows
    judged, missing = focus_without_outline(settings_tab)
    assert judged > 10, judged
    assert missing == [], "focus that forced colours hide:\n" + "\n".join(missing)


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_reduced_motion_moves_nothing(settings_tab: Page, site_url: str, lang: str, page_type: str) -> None:
    """With reduced motion asked for, nothing on the page has a transition or an animation
    that lasts, the page does not scroll smoothly, and opening and closing the menu on a
    phone, or bringing up "back to top", starts none."""
    _open(settings_tab, site_url, lang, page_type)
    assert settings_tab.evaluate(_READER_SETTINGS) == [True, True], "forced colours or reduced motion is off"
    found = [f"at load: {problem}" for problem in motion(settings_tab)]
    settings_tab.set_viewport_size({"width": 390, "height": 844})
    _drawer(settings_tab, True)
    found += [f"menu opened: {problem}" for problem in motion(settings_tab)]
    _drawer(settings_tab, False)
    found += [f"menu closed: {problem}" for problem in motion(settings_tab)]
    settings_tab.mouse.wheel(0, 3000)
    settings_tab.mouse.wheel(0, -400)
    found += [f"going back up: {problem}" for problem in motion(settings_tab)]
    assert found == [], "motion left on:\n" + "\n".join(found)


# The menu's links that the top edge of the menu's scrolling box cuts, or that something
# covers at their centre, once the menu is scrolled to `top` and has come to rest.
_CUT_MENU_LINKS = """async (top) => {
  const $box = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  // The end of the scrolling range is where it is: no snapping can move it.
  if (top >= $box.scrollHeight - $box.clientHeight) return [];
  $box.scrollTo(0, top);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const edge = $box.getBoundingClientRect().top;
  const bottom = Math.min($box.getBoundingClientRect().bottom, window.innerHeight);
  const cut = [];
  for (const $link of $box.querySelectorAll(".md-nav--primary .md-nav__link[href]")) {
    const box = $link.getBoundingClientRect();
    if (box.bottom <= edge || box.bottom > bottom || box.height === 0) continue;
    const hit = document.elementFromPoint(box.left + box.width / 2, Math.max(box.top, edge) + 2);
    if (box.top < edge - 1 || !$link.contains(hit)) cut.push(`${$link.textContent.trim()} at ${$box.scrollTop} px`);
  }
  return cut;
}"""


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_long_menu_never_leaves_a_sliver_of_a_link(tab: Page, site_url: str, lang: str) -> None:
    """At a desktop's width and a short window, the whole guide (last in the menu) scrolls
    the menu to its own link: axe-core's target-size rule finds nothing in the menu, and
    wherever the reader scrolls it (short of the end), no link is cut by its top edge or
    covered by its title."""
    found: list[str] = []
    for height in (720, 600):
        tab.set_viewport_size({"width": DESKTOP[0], "height": height})
        _open(tab, site_url, lang, "whole guide")
        found += [
            f"{height} px: {problem}"
            for problem in axe_violations(tab, ".md-sidebar--primary", ["target-size"])
        ]
        found += [
            f"{height} px: cut {link}"
            for top in (5, 17, 40, 70)
            for link in tab.evaluate(_CUT_MENU_LINKS, top)
        ]
    assert found == []
