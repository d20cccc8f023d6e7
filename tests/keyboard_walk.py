"""A keyboard walk through a page, as a keyboard user makes it: Tab (or Shift+Tab) from
the top until focus comes back round, and at every focus stop, where the focused element
is on the screen. Used by tests/test_keyboard.py, and by hand to measure a page
(`.venv/bin/python tests/keyboard_walk.py [firefox] URL...`)."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from playwright.sync_api import Page

# More focus stops than any page has: a walk that never comes round is a focus trap.
MAX_STOPS = 400

# The focused element, where it is, and what a click at its centre would hit. The centre
# is taken inside the window, so that an element half off the screen is judged by its
# visible part; a label or the element's own child at that point counts as the element.
# Each element gets a number the first time it is focused, to tell when the walk came round.
_DESCRIBE_FOCUS = """async () => {
  const $el = document.activeElement;
  if (!$el || $el === document.body || $el === document.documentElement) return null;
  // Focus starts transitions (Material fades the skip link and the language list in, opens
  // the search), some a frame later: judge the state they end in, taken at once (waiting
  // for each link's colour to fade made the walk several times slower).
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = (animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity;
  document.getAnimations().filter(finite).forEach((animation) => animation.finish());
  const ids = (window.__walkIds = window.__walkIds || new WeakMap());
  if (!ids.has($el)) ids.set($el, (window.__walkNext = (window.__walkNext || 0) + 1));
  // A control drawn by a label is seen there: its own, or the one after it (Material's
  // palette toggle shows the label that switches to the next palette).
  const $next = $el.nextElementSibling;
  const labels = Array.from($el.labels || []).concat($next && $next.tagName === "LABEL" ? [$next] : []);
  const drawn = $el.getBoundingClientRect();
  const $label = labels.find(($candidate) => $candidate.getClientRects().length > 0);
  const $shown = drawn.width * drawn.height === 0 && $label ? $label : $el;
  const box = $shown.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  // Each box of the element (a link that wraps has one per line) is hit-tested at the centre
  // of its part inside the window; one that shows the element is enough.
  let inWindow = false, own = false, hit = null;
  for (const part of $shown.getClientRects()) {
    const left = Math.max(part.left, 0), right = Math.min(part.right, width);
    const top = Math.max(part.top, 0), bottom = Math.min(part.bottom, height);
    if (right <= left || bottom <= top) continue;
    inWindow = true;
    hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    own = hit !== null && ($el.contains(hit) || labels.some(($label) => $label.contains(hit)));
    if (own) break;
  }
  const shown = $shown.checkVisibility({
    checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true,
  });
  const name = ($el.getAttribute("aria-label") || $el.textContent || $el.value || "").trim().replace(/\\s+/g, " ");
  const describe = ($node) => $node.tagName.toLowerCase() + ($node.id ? "#" + $node.id : "") +
    (typeof $node.className === "string" && $node.className.trim() ? "." + $node.className.trim().split(/\\s+/).join(".") : "");
  return {
    id: ids.get($el),
    what: describe($el) + (name ? ' "' + name.slice(0, 40) + '"' : ""),
    box: [Math.round(box.left), Math.round(box.top), Math.round(box.width), Math.round(box.height)],
    inWindow: inWindow,
    sized: box.width > 0 && box.height > 0,
    shown: shown,
    covered: inWindow && !own,
    coveredBy: hit && !own ? describe(hit) : "",
  };
}"""


@dataclass(frozen=True)
class Stop:
    """One focus stop of a walk, and what is wrong with it on the screen (if anything)."""

    what: str
    box: tuple[int, int, int, int]
    hidden: bool  # its box is outside the window
    covered: bool  # another element is drawn over its centre
    invisible: bool  # zero size, or not rendered (visibility, opacity, display)
    covered_by: str

    @property
    def problem(self) -> str | None:
        for flag in ("invisible", "hidden", "covered"):
            if getattr(self, flag):
                return flag
        return None

    def __str__(self) -> str:
        by = f" by {self.covered_by}" if self.covered else ""
        return f"{self.problem}{by}: {self.what} at {self.box}"


def walk(page: Page, backwards: bool = False, from_focus: bool = False) -> list[Stop]:
    """Every focus stop met by pressing Tab (Shift+Tab with `backwards`) from the top of the
    page (`from_focus`: from the focused element, the first stop) until focus comes back to
    the first stop or leaves the page. Fails on a focus trap.

    A walk starts in a tab whose document has focus, as a reader's does: once Tab has left
    the page, Firefox keeps the focus in its own window, and the page's `:focus` styles
    stay off while the keys still move focus inside it (Chromium shows them): the next walk
    would judge a page nobody sees. Walk each direction in a new tab."""
    key = "Shift+Tab" if backwards else "Tab"
    start = (
        ""
        if from_focus
        else "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
    )
    if not page.evaluate(f"() => {{ {start} return document.hasFocus(); }}"):
        raise AssertionError("the page's document has no focus (focus left it): walk in a new tab")
    stops: list[Stop] = []
    seen: set[int] = set()
    for count in range(MAX_STOPS):
        if count or not from_focus:
            page.keyboard.press(key)
        found = page.evaluate(_DESCRIBE_FOCUS)
        if found is None or found["id"] in seen:
            return stops
        seen.add(found["id"])
        stops.append(
            Stop(
                what=found["what"],
                box=tuple(found["box"]),
                hidden=not found["inWindow"],
                covered=found["covered"],
                invisible=not (found["sized"] and found["shown"]),
                covered_by=found["coveredBy"],
            )
        )
    raise AssertionError(f"focus never came round after {MAX_STOPS} stops: a keyboard trap?")


def problems(stops: list[Stop]) -> list[Stop]:
    return [stop for stop in stops if stop.problem]


if __name__ == "__main__":
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))  # as pytest's pythonpath
    from conftest import ENGINES, Engines, wait_for_material

    # python tests/keyboard_walk.py [chromium|firefox] URL...
    engine = sys.argv[1] if sys.argv[1] in ENGINES else "chromium"
    urls = [url for url in sys.argv[1:] if url not in ENGINES]
    with sync_playwright() as playwright, TemporaryDirectory() as folder:
        browser = Engines(playwright, Path(folder)).browser(engine)
        for size in ((1280, 800), (390, 844)):
            context = browser.new_context(viewport={"width": size[0], "height": size[1]})
            for url in urls:
                for backwards in (False, True):
                    tab = context.new_page()
                    tab.goto(url)
                    wait_for_material(tab)
                    stops = walk(tab, backwards)
                    counts = {
                        flag: sum(s.problem == flag for s in stops)
                        for flag in ("hidden", "covered", "invisible")
                    }
                    print(
                        engine, size[0], url, "back" if backwards else "fwd", len(stops), counts, flush=True
                    )
                    for stop in problems(stops):
                        print("   ", stop)
                    tab.close()
            context.close()
        browser.close()
