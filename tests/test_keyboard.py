"""What a keyboard and a screen reader meet, beyond what axe-core checks: a keyboard walk
(Tab and Shift+Tab through the whole page) on every page type, in both languages, at a
desktop's and a phone's width, in Chromium and Firefox ESR; the phone's menu by keyboard,
and the walk through it open; the checklist in the browser's accessibility tree at load;
focus and hover states' contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, expect

from conftest import (
    ALSO_IN_FIREFOX,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    page_path,
    search_results_for,
    wait_for_material,
)
from keyboard_walk import problems, walk

# One page of each kind; None is the "page not found" page.
PAGE_TYPES = {
    "home": "index",
    "step": "objectifs",
    "glossary": "glossaire",
    "checklist": "preparation",
    "404": None,
}
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}

# Every transition on the page (hover and focus colours) has ended.
_TRANSITIONS_ENDED = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = (animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity;
  await Promise.all(document.getAnimations().filter(finite).map((animation) => animation.finished.catch(() => null)));
}"""


def url_of(site_url: str, lang: str, page_type: str) -> str:
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    slug = PAGE_TYPES[page_type]
    return f"{site_url}{prefix}{page_path(slug, lang) if slug else '404.html'}"


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A browser window of each width (desktop, phone)."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context
    context.close()


def open_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_for_material(page)
    return page


# --- The keyboard walk -------------------------------------------------------


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_focus_stop_is_seen(sized: BrowserContext, site_url: str, lang: str, page_type: str) -> None:
    """Tab, then Shift+Tab, through the whole page: every focus stop is inside the window,
    drawn, not zero-size, and not covered by the sticky header, the "back to top" button or
    a closed drawer (WCAG 2.2: 2.4.3, 2.4.7, 2.4.11)."""
    url = url_of(site_url, lang, page_type)
    forwards, backwards = walk(open_page(sized, url)), walk(open_page(sized, url), backwards=True)
    assert len(forwards) > 5 and len(forwards) == len(backwards), (
        "the two walks met different stops; last met forwards: "
        + ", ".join(stop.what for stop in forwards[-3:])
        + "; backwards: "
        + ", ".join(stop.what for stop in backwards[-3:])
    )
    found = [f"Tab: {stop}" for stop in problems(forwards)] + [
        f"Shift+Tab: {stop}" for stop in problems(backwards)
    ]
    assert found == [], "focus stops a keyboard user cannot see:\n" + "\n".join(found)


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
def test_tab_leaves_the_search_field_as_any_field(
    browser: Browser, site_url: str, width: str, key: str
) -> None:
    """Tab and Shift+Tab in the search field close the search and move on, and Material's
    keyboard handler never sees them: it took the focus off the field first, and Firefox
    then at times moved back onto the field (1 walk in 30; theme-shims.js, setUpKeys)."""
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    try:
        page = open_page(context, url_of(site_url, "en", "step"))
        page.evaluate(
            """() => { window.__tabsSeenAfterField = 0; window.addEventListener("keydown", (event) => {
              if (event.key === "Tab") window.__tabsSeenAfterField += 1; }); }"""
        )
        field = page.locator("[data-md-component=search-query]")
        field.focus()
        expect(page.locator("#__search")).to_be_checked()
        page.keyboard.press(key)
        expect(page.locator("#__search")).not_to_be_checked()
        expect(field).not_to_be_focused()
        assert page.evaluate("() => document.activeElement !== document.body")
        assert page.evaluate("() => window.__tabsSeenAfterField") == 0
    finally:
        context.close()


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_single_key_sets_anything_off(browser: Browser, site_url: str, lang: str) -> None:
    """WCAG 2.1.4: the theme's single-key shortcuts (f, s, / to search; n, p, period, comma
    to change page) do nothing, on the page or on a focused link; in the search field the
    same keys are typed as text."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = open_page(context, url_of(site_url, lang, "step"))
        address = page.url
        page.evaluate(
            """() => { window.__keysSeen = []; window.addEventListener("keydown", (event) => {
              window.__keysSeen.push(event.key); }); }"""
        )
        field = page.locator("[data-md-component=search-query]")
        for start in ("body", ".md-content a[href]"):
            page.locator(start).first.focus()
            for key in ["f", "s", "/", "n", "p", ".", ","]:
                page.keyboard.press(key)
        assert page.evaluate("() => window.__keysSeen") == []
        expect(field).not_to_be_focused()
        expect(page.locator("#__search")).not_to_be_checked()
        assert page.url == address
        field.focus()
        page.keyboard.type("fs/np.,")
        expect(field).to_have_value("fs/np.,")
    finally:
        context.close()


# --- The menu on a phone -------------------------------------------------------


def _menu_button(page: Page) -> tuple[str, str]:
    """Tab until the menu button has focus: its role and name (fails if never reached)."""
    for _ in range(10):
        page.keyboard.press("Tab")
        found = page.evaluate(
            "() => document.activeElement.matches('label[for=__drawer]')"
            " && [document.activeElement.getAttribute('role'), document.activeElement.getAttribute('aria-label')]"
        )
        if found:
            return found[0], found[1]
    raise AssertionError("the menu button is not in the first ten focus stops")


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("key", ["Enter", " "])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_opens_and_closes_by_keyboard_on_a_phone(
    browser: Browser, site_url: str, lang: str, key: str
) -> None:
    """390 px: the menu button is a focus stop, a named button; Enter or Space opens the
    drawer and puts focus on its first link, in view; Escape closes it and gives focus back."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = open_page(context, url_of(site_url, lang, "step"))
        role, name = _menu_button(page)
        expected_name = page.locator(".md-nav--primary").get_attribute("aria-label")
        assert role == "button" and name and name == expected_name
        button = page.locator(".md-header label[for=__drawer]")
        expect(button).to_have_attribute("aria-expanded", "false")
        page.keyboard.press(key)
        expect(page.locator("#__drawer")).to_be_checked()
        expect(button).to_have_attribute("aria-expanded", "true")
        first_link = page.locator(".md-sidebar--primary .md-nav--primary a[href]").first
        expect(first_link).to_be_focused()
        expect(first_link).to_be_in_viewport()
        page.keyboard.press("Escape")
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect(button).to_be_focused()
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(first_link).to_be_hidden()
    finally:
        context.close()


@ALSO_IN_FIREFOX
def test_the_closed_drawer_takes_no_focus_on_a_phone(browser: Browser, site_url: str) -> None:
    """390 px: no link of the closed navigation drawer is reachable by Tab."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = open_page(context, url_of(site_url, "fr", "step"))
        stops = walk(page)
        in_drawer = page.evaluate("() => document.querySelectorAll('.md-sidebar--primary a[href]').length")
        assert in_drawer > 10
        assert not [stop for stop in stops if "md-nav__link" in stop.what or "md-nav__button" in stop.what]
    finally:
        context.close()


# The name a walk gives each of the open drawer's links (keyboard_walk.py's), in the
# drawer's order; and whether each is drawn.
_DRAWER_LINKS = """() => [...document.querySelectorAll(".md-sidebar--primary a[href]")].map(($a) => [
  ($a.getAttribute("aria-label") || $a.textContent).trim().replace(/\\s+/g, " ").slice(0, 40),
  $a.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
])"""


def _open_menu(page: Page) -> None:
    _menu_button(page)
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    page.evaluate(_TRANSITIONS_ENDED)


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("backwards", [False, True], ids=["Tab", "Shift+Tab"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_menu_keeps_the_focus_and_holds_the_table_of_contents(
    browser: Browser, site_url: str, lang: str, backwards: bool
) -> None:
    """390 px, the menu opened by keyboard: Tab from its first link (or Shift+Tab from its
    last) meets every link of the drawer, in its order, the page's table of contents right
    after the page's own link, each in view and uncovered; then focus leaves the page, and
    never reaches the page behind the drawer, inert while the drawer is open (WCAG 2.4.3)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = open_page(context, url_of(site_url, lang, "step"))
        _open_menu(page)
        links = page.evaluate(_DRAWER_LINKS)
        assert all(drawn for _, drawn in links), [name for name, drawn in links if not drawn]
        toc = page.locator(".md-sidebar--primary .md-nav--secondary a[href]").count()
        page.locator(".md-sidebar--primary a[href]").nth(-1 if backwards else 0).focus()
        stops = walk(page, backwards, from_focus=True)
        assert [str(stop) for stop in problems(stops)] == []
        # Firefox also stops on the drawer's list itself (a box that scrolls): a stop in view.
        met = [re.sub(r'^[^"]*"|"$', "", stop.what) for stop in stops if stop.what.startswith("a")]
        names = [name for name, _ in links]
        assert met == (names[::-1] if backwards else names) and toc > 5
        current = page.locator(".md-sidebar--primary a.md-nav__link--active")
        own = names.index(re.sub(r"\s+", " ", current.inner_text()).strip()[:40])
        toc_names = page.locator(".md-sidebar--primary .md-nav--secondary a[href]").all_inner_texts()
        assert names[own + 1 : own + 1 + toc] == [" ".join(name.split())[:40] for name in toc_names]
        expect(page.locator("#__drawer")).to_be_checked()
    finally:
        context.close()


def test_the_page_is_inert_only_while_the_drawer_covers_it(browser: Browser, site_url: str) -> None:
    """The page behind the open drawer is inert on a phone; widened to a desktop (where the
    drawer is a sidebar beside the page) or with the drawer closed, nothing is inert."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = open_page(context, url_of(site_url, "en", "step"))
        inert = page.locator("[inert]")
        expect(inert).to_have_count(0)
        _open_menu(page)
        expect(page.locator(".md-content")).to_have_js_property("inert", True)
        expect(page.locator(".md-header")).to_have_js_property("inert", True)
        expect(page.locator(".md-sidebar--primary")).to_have_js_property("inert", False)
        page.set_viewport_size({"width": 1280, "height": 800})
        expect(inert).to_have_count(0)
        page.set_viewport_size({"width": 390, "height": 844})
        expect(page.locator(".md-content")).to_have_js_property("inert", True)
        page.locator("label.md-overlay").click(position={"x": 370, "y": 400})  # a tap beside the drawer
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect(inert).to_have_count(0)
    finally:
        context.close()


def test_search_results_stay_reachable_by_keyboard(sized: BrowserContext, site_url: str) -> None:
    """The closed search's results box is out of the Tab order (accessibility.css), and the
    results stay reachable: typed words, then the down arrow, focus a result in view."""
    page = open_page(sized, url_of(site_url, "en", "home"))
    page.locator(".md-search__input").focus()
    page.keyboard.type("plan")
    expect(search_results_for(page, "plan").first).to_be_visible(timeout=15_000)
    page.keyboard.press("ArrowDown")
    result = page.locator("a.md-search-result__link:focus")
    expect(result).to_be_in_viewport()
    expect(page.locator(".md-search__scrollwrap")).to_be_visible()


# --- The checklist in the accessibility tree ------------------------------------


def _accessibility_tree(page: Page) -> list[dict[str, object]]:
    cdp: CDPSession = page.context.new_cdp_session(page)
    try:
        nodes: list[dict[str, object]] = cdp.send("Accessibility.getFullAXTree")["nodes"]
        return [node for node in nodes if not node.get("ignored")]
    finally:
        cdp.detach()


def _named(nodes: list[dict[str, object]], role: str) -> list[str]:
    """The names of the tree's nodes of this role."""
    return [
        str(node.get("name", {}).get("value", ""))  # type: ignore[attr-defined]
        for node in nodes
        if node.get("role", {}).get("value") == role  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_checklist_is_in_the_accessibility_tree_at_load(
    sized: BrowserContext, site_url: str, lang: str
) -> None:
    """Before any scrolling, Chromium's accessibility tree holds every checkbox of the
    checklist and every heading of the page, each with a name (a screen reader lists them
    from the first paint)."""
    page = sized.new_page()
    page.goto(url_of(site_url, lang, "checklist"))
    page.wait_for_load_state("load")
    items = page.locator(".js-checklist-input").count()
    # Headings drawn on the page (a dialog's, while closed, are not; checkVisibility's defaults
    # count a section that content-visibility skips as drawn).
    headings = page.evaluate(
        "() => [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')]"
        ".filter((el) => el.checkVisibility()).length"
    )
    tree = _accessibility_tree(page)
    checkboxes, titles = _named(tree, "checkbox"), _named(tree, "heading")
    assert len(checkboxes) == items > 30 and all(checkboxes), (len(checkboxes), items)
    assert len(titles) >= headings > 10 and all(titles)


# --- Focus and hover states ---------------------------------------------------------


def _rgb(colour: str) -> tuple[float, float, float]:
    values = [float(part) for part in re.findall(r"[\d.]+", colour)[:3]]
    return values[0], values[1], values[2]


def over(colour: str, background: str) -> str:
    """A CSS rgb()/rgba() colour as seen over an opaque background (Material's text colours
    are translucent: rgba(0, 0, 0, 0.87))."""
    parts = [float(part) for part in re.findall(r"[\d.]+", colour)]
    alpha = parts[3] if len(parts) > 3 else 1.0
    mixed = [
        alpha * mine + (1 - alpha) * theirs for mine, theirs in zip(parts[:3], _rgb(background), strict=True)
    ]
    return "rgb({:.0f}, {:.0f}, {:.0f})".format(*mixed)


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in _rgb(colour))
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_the_wcag_ratio() -> None:
    """Black on white is 21:1; a colour on itself 1:1; Material's accent on white 4.25:1."""
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(82, 108, 254)", "rgb(82, 108, 254)") == pytest.approx(1)
    assert contrast("rgb(255, 255, 255)", "rgb(82, 108, 254)") == pytest.approx(4.25, abs=0.01)
    assert over("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)") == "rgb(128, 128, 128)"


@pytest.mark.parametrize("state", ["focus", "hover"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_back_to_top_text_has_contrast_when_focused_or_hovered(
    page: Page, site_url: str, scheme: str, state: str
) -> None:
    """The "back to top" button's text is at least 4.5:1 on its background, focused or
    hovered, in both palettes; focused, its outline is at least 3:1 against the page."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(url_of(site_url, "en", "checklist"))
    wait_for_material(page)
    button = page.locator(".md-top")
    button.evaluate("(el) => { el.hidden = false; }")
    expect(button).to_be_visible()
    if state == "focus":
        page.keyboard.press("Tab")  # keyboard focus, as a keyboard user gives it
        button.focus()
    else:
        button.hover()
    page.evaluate(_TRANSITIONS_ENDED)
    text, background, outline, outline_style, page_colour = button.evaluate(
        """(el) => { const style = getComputedStyle(el);
          return [style.color, style.backgroundColor, style.outlineColor, style.outlineStyle,
                  getComputedStyle(document.body).backgroundColor]; }"""
    )
    assert contrast(over(text, background), background) >= 4.5, (scheme, state, text, background)
    if state == "focus":
        assert outline_style != "none" and contrast(over(outline, page_colour), page_colour) >= 3, (
            outline,
            page_colour,
        )


@pytest.mark.parametrize("forced", ["none", "active"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_language_links_show_focus(page: Page, site_url: str, scheme: str, forced: str) -> None:
    """A focused language link has an outline at least 3:1 against the list's background,
    in both palettes, and still one in forced colours (where backgrounds are dropped)."""
    page.emulate_media(color_scheme=scheme, forced_colors=forced)  # type: ignore[arg-type]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url_of(site_url, "fr", "step"))
    wait_for_material(page)
    link = page.locator(".md-select__link").first
    for _ in range(20):
        page.keyboard.press("Tab")
        if link.evaluate("(el) => el === document.activeElement"):
            break
    expect(link).to_be_focused()
    page.evaluate(_TRANSITIONS_ENDED)
    style, width, colour, background = link.evaluate(
        """(el) => { const style = getComputedStyle(el);
          const list = el.closest('.md-select__inner');
          return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor,
                  getComputedStyle(list).backgroundColor]; }"""
    )
    assert style != "none" and width >= 1
    if forced == "none":
        assert contrast(over(colour, background), background) >= 3, (colour, background)


# What the page shows for each control and heading: the names a screen reader should say.
_SHOWN_NAMES = """() => {
  const text = ($el) => $el.textContent.replace(/\\s+/g, " ").trim();
  const drawn = ($el) => $el.checkVisibility() && !$el.closest("dialog:not([open]), [hidden]");
  const $form = document.querySelector(".mdx-checklist");
  return {
    checkbox: [...$form.querySelectorAll("input[type=checkbox]")].map(($el) => text($el.labels[0])),
    button: [...$form.querySelectorAll("button")].filter(drawn).map(text),
    heading: [...document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)")].filter(drawn)
      .map(($el) => text($el).replace(/¶$/, "").trim()),
    status: [...$form.querySelectorAll("[role=status], [aria-live=polite]")].length,
  };
}"""


def _words(name: str) -> str:
    """A name as a screen reader says it: no-break spaces and runs of spaces as one space."""
    return " ".join(name.split())


def _properties(node: dict[str, object]) -> dict[str, object]:
    return {
        str(prop["name"]): prop["value"].get("value")  # type: ignore[index]
        for prop in node.get("properties", [])  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_has_its_names_roles_and_live_regions_in_the_tree(
    page: Page, site_url: str, lang: str
) -> None:
    """Chromium's accessibility tree at load, as a screen reader reads it: each checkbox
    named by its label, each of the checklist's buttons by its text, each heading by its
    words with its level, and the live regions that announce progress and results (a
    polite one and a status). Orca cannot run here (no AT-SPI session in the container):
    the tree is what it would read."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url_of(site_url, lang, "checklist"))
    wait_for_material(page)
    shown = page.evaluate(_SHOWN_NAMES)
    tree = _accessibility_tree(page)
    checkboxes = [_words(name) for name in _named(tree, "checkbox")]
    assert sorted(checkboxes) == sorted(shown["checkbox"]) and len(shown["checkbox"]) > 30
    assert (
        set(shown["button"]) <= {_words(name) for name in _named(tree, "button")}
        and len(shown["button"]) >= 4
    )
    headings = [_words(name.removesuffix("¶")) for name in _named(tree, "heading")]
    assert [name for name in shown["heading"] if name not in headings] == []
    levels = [
        _properties(node).get("level") for node in tree if node.get("role", {}).get("value") == "heading"
    ]  # type: ignore[attr-defined]
    assert all(isinstance(level, int) and 1 <= level <= 6 for level in levels)
    live = [_properties(node).get("live") for node in tree]
    assert live.count("polite") >= shown["status"] >= 2, (live.count("polite"), shown["status"])


@pytest.mark.parametrize("engine", ["firefox"], indirect=True)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_has_its_names_and_roles_in_firefox(page: Page, site_url: str, lang: str) -> None:
    """Firefox ESR's own accessibility tree is out of reach of WebDriver BiDi: there the
    roles and names come from Playwright's ARIA snapshot of Firefox's page (the same
    rules of names and roles, computed on the page as Firefox laid it out): every
    checkbox by its label, every heading, the status region."""
    page.goto(url_of(site_url, lang, "checklist"))
    wait_for_material(page)
    shown = page.evaluate(_SHOWN_NAMES)
    snapshot = page.locator("article").aria_snapshot()
    # A line whose name holds ": " is quoted as YAML: - 'checkbox "…: …"' (with '' for ').
    names = {
        role: [
            name.replace("''", "'") for name in re.findall(rf'^\s*- \'?{role} "(.*)"', snapshot, re.MULTILINE)
        ]
        for role in ("checkbox", "heading")
    }
    checkboxes, headings = names["checkbox"], names["heading"]
    assert sorted(checkboxes) == sorted(shown["checkbox"]) and len(checkboxes) > 30
    assert [
        name for name in shown["heading"] if name not in [h.removesuffix("¶").strip() for h in headings]
    ] == []
    assert re.search(r"^\s*- status", snapshot, flags=re.MULTILINE)
