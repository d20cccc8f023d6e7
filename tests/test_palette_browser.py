"""The colour palette toggle, run by theme-shims.js in place of Material's component
(overrides/strict-csp/partials/palette.html; with extra.strict_csp.speed): the system setting
first, then the reader's choice, applied before Material's bundle runs; keyboard; bad saved
data. Without the switch Material's component runs it: the tests not marked speed_switch
hold in both positions."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import ALSO_IN_FIREFOX, LANGUAGES, BuiltSite, page_slugs

# Material's toggle (its component runs it), or the same markup run by theme-shims.js (speed switch).
TOGGLE = "form.md-header__option label:visible"
SAVED_KEY = "/.__palette"


def _scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def _next_frame(page: Page) -> None:
    """A change of the system setting reaches the page's listeners by the next frame."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done)))")


# The palette in the first frame drawn with the page's text (before that frame is painted).
_FIRST_FRAME_SCHEME = """
window.__firstFrameScheme = null;
(function watch() {
  requestAnimationFrame(() => {
    if (document.querySelector("article")) window.__firstFrameScheme = document.body.dataset.mdColorScheme;
    else watch();
  });
})();
"""


def _without_bundle(page: Page) -> None:
    """Material's bundle never arrives: what the reader sees before it runs, or if it fails."""
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())


@pytest.mark.speed_switch
@ALSO_IN_FIREFOX
@pytest.mark.parametrize(
    ("system", "scheme", "used"), [("light", "default", "normal"), ("dark", "slate", "dark")]
)
def test_first_visit_takes_the_system_setting_before_the_bundle_runs(
    page: Page, site_url: str, system: str, scheme: str, used: str
) -> None:
    """No flash of the light palette for a reader whose system is dark, and the toggle shows."""
    page.emulate_media(color_scheme=system)  # type: ignore[arg-type]
    page.add_init_script(_FIRST_FRAME_SCHEME)
    _without_bundle(page)
    page.goto(f"{site_url}objectifs/")
    # The first frame with the text may come after the load event: wait for it to be seen.
    page.wait_for_function("window.__firstFrameScheme !== null")
    assert page.evaluate("window.__firstFrameScheme") == scheme
    assert _scheme(page) == scheme
    expect(page.locator(TOGGLE)).to_have_count(1)
    # The page's own scroll bar and built-in controls follow the scheme.
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == used


@pytest.mark.speed_switch  # Material's component saves the palette as it starts
@ALSO_IN_FIREFOX
def test_the_reader_s_choice_is_saved_and_wins_over_the_system(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}en/plan/")
    page.wait_for_load_state("load")
    assert _scheme(page) == "slate"
    assert page.evaluate("localStorage.length") == 0, "nothing is saved until the reader chooses"

    page.locator(TOGGLE).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.wait_for_function("key => localStorage.getItem(key) !== null", arg=SAVED_KEY)
    saved = page.evaluate(f"JSON.parse(localStorage.getItem('{SAVED_KEY}'))")
    assert saved["index"] == 0 and saved["color"]["scheme"] == "default", saved

    _without_bundle(page)
    page.goto(f"{site_url}objectifs/")  # another page, other language, bundle blocked
    assert _scheme(page) == "default"
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    _next_frame(page)
    assert _scheme(page) == "default", "a chosen palette does not follow the system"


@pytest.mark.speed_switch  # Material's component saves the palette as it starts
@ALSO_IN_FIREFOX
def test_without_a_choice_the_page_follows_the_system_setting(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert _scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(TOGGLE)).to_have_attribute("title", "Passer au thème clair")


@ALSO_IN_FIREFOX
def test_keyboard_enter_on_the_option_switches_palette(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(f"{site_url}en/")
    page.wait_for_load_state("load")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("#__palette_1")).to_be_focused()
    expect(page.locator(TOGGLE)).to_have_attribute("title", "Switch to light mode")
    # Transitions are switched off only while the palette changes.
    expect(page.locator("body")).not_to_have_attribute("data-md-color-switching", "")


def test_browser_bar_takes_the_header_colour(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}objectifs/")
    meta = page.locator("meta[name=theme-color]")
    expect(meta).to_have_count(1)
    header = page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor.match(/\\d+/g)"
        ".slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join('')"
    )
    expect(meta).to_have_attribute("content", f"#{header}")


@pytest.mark.speed_switch  # Material's component reads a bad index its own way
@pytest.mark.parametrize(
    ("stored", "scheme"),
    [
        ('{"index": 7}', "default"),
        ('{"index": -1}', "default"),
        ('{"index": "1"}', "default"),
        ("not json", "default"),
        ("null", "default"),
        ('{"index": 1, "color": null}', "slate"),  # the index is what counts
    ],
)
def test_bad_saved_palette_falls_back_to_the_system_setting(
    page: Page, site_url: str, stored: str, scheme: str
) -> None:
    """Whatever another version or a hand edit left in storage, the page still draws."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [SAVED_KEY, stored])
    page.reload()
    page.wait_for_load_state("load")
    assert _scheme(page) == scheme
    expect(page.locator(TOGGLE)).to_have_count(1)
    assert errors == []


@pytest.mark.speed_switch
def test_material_does_not_run_its_own_palette_component(built_site: BuiltSite) -> None:
    """Material's component, which restyles the whole page twice as it starts, finds no form."""
    for lang in LANGUAGES:
        for slug in page_slugs():
            html = built_site.page(lang, slug).read_text("utf-8")
            assert 'data-md-component="palette"' not in html, (lang, slug)
            assert html.count('data-module="mdx-palette"') == 1, (lang, slug)


def test_choice_holds_on_the_page_when_storage_is_blocked(page: Page, site_url: str) -> None:
    """Blocked storage (private browsing, strict settings): the choice lasts for the page."""
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } });"
    )
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}objectifs/")
    page.wait_for_load_state("load")
    page.locator(TOGGLE).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    _next_frame(page)
    assert _scheme(page) == "default"


@pytest.mark.speed_switch
def test_keyboard_focus_shows_on_the_toggle_without_the_bundle(page: Page, site_url: str) -> None:
    """WCAG 2.4.7: Material outlines the focused option only once its bundle runs."""
    page.emulate_media(color_scheme="dark")
    _without_bundle(page)
    page.goto(f"{site_url}en/")
    page.locator("#__palette_1").focus()
    expect(page.locator(TOGGLE)).to_have_css("outline-style", "auto")
