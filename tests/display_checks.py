"""What a reader's display settings must not break, measured in the page as it is now:
the page scrolling sideways, a heading or a checklist control without a box or out of
the page's reach, text cut off by a box that hides what overflows it. Used by
tests/test_display_settings.py, and by hand to measure a page
(`python tests/display_checks.py URL...`)."""

from __future__ import annotations

import sys

from playwright.sync_api import Page

# WCAG 1.4.12 Text spacing: the least a reader's own stylesheet may set, each at once.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Zoom 200 % on a 1280 px window lays the page out in 640 CSS pixels; reflow (WCAG 1.4.10)
# in 320. Heights are a laptop's halved and a small phone's.
ZOOMED = {"zoom 200 %": (640, 400), "reflow 320 px": (320, 568)}

# What must keep a box on the screen: every heading the page draws, and every control of
# the checklist. A closed dialog's are not drawn (and come back with it); a text that
# the page hides on purpose (.mdx-visually-hidden, for screen readers) is not judged.
_PROBLEMS = r"""async () => {
  // A new width starts transitions (the drawer fades out of view once closed): judge their end.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = (animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity;
  await Promise.all(document.getAnimations().filter(finite).map((animation) => animation.finished.catch(() => null)));
  const root = document.documentElement;
  const width = root.clientWidth;
  const found = [];
  const describe = ($el) => $el.tagName.toLowerCase() + ($el.id ? "#" + $el.id : "") +
    (typeof $el.className === "string" && $el.className.trim() ? "." + $el.className.trim().split(/\s+/).slice(0, 2).join(".") : "") +
    ' "' + ($el.textContent || $el.value || $el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 30) + '"';
  if (root.scrollWidth > width + 1) {
    // The widest element, to say what pushes the page out.
    let widest = null, right = width;
    for (const $el of document.body.querySelectorAll("*")) {
      const box = $el.getBoundingClientRect();
      if (box.right + window.scrollX > right + 1 && $el.checkVisibility()) { widest = $el; right = box.right + window.scrollX; }
    }
    found.push(`the page scrolls sideways: ${root.scrollWidth} px in a ${width} px window` +
      (widest ? `, widest: ${describe(widest)} to ${Math.round(right)} px` : ""));
  }
  // A box that scrolls on its own (a table's, a code block's) may be wider than the page.
  const scroller = ($el) => {
    for (let $up = $el.parentElement; $up && $up !== document.body; $up = $up.parentElement) {
      if (/auto|scroll/.test(getComputedStyle($up).overflowX)) return $up;
    }
    return null;
  };
  const wanted = document.querySelectorAll(
    "article :is(h1, h2, h3, h4, h5, h6), .mdx-checklist :is(input, button, select, textarea, a[href], summary)"
  );
  for (const $el of wanted) {
    if ($el.closest("dialog:not([open]), [hidden], .mdx-visually-hidden")) continue;
    // A closed disclosure shows its summary alone; a heading's permalink shows on focus
    // or hover (the keyboard walk checks it then).
    if ($el.closest("details:not([open])") && !$el.matches("summary")) continue;
    if ($el.matches(".headerlink")) continue;
    const box = $el.getBoundingClientRect();
    const $scroller = scroller($el);
    const left = $scroller ? $scroller.getBoundingClientRect().left : 0;
    const right = $scroller ? left + $scroller.scrollWidth : width;
    if (box.width < 1 || box.height < 1 || !$el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
      found.push(`no box: ${describe($el)}`);
    } else if (box.left < left - 1 || box.right > right + 1) {
      found.push(`out of reach: ${describe($el)} spans ${Math.round(box.left)} to ${Math.round(box.right)} px, the page ${Math.round(left)} to ${Math.round(right)}`);
    }
  }
  // Text cut off: a drawn box that hides its overflow, holds text, and is smaller than it.
  for (const $el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle($el);
    const hidesX = /hidden|clip/.test(style.overflowX), hidesY = /hidden|clip/.test(style.overflowY);
    if (!hidesX && !hidesY) continue;
    if ($el.closest(".mdx-visually-hidden, dialog:not([open]), [hidden], .md-header__topic")) continue;
    if (!$el.innerText || !$el.innerText.trim() || !$el.checkVisibility({ visibilityProperty: true })) continue;
    const box = $el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    // Sideways, only a box that keeps its text on one line cuts it (an ellipsis); a drawer
    // also hides, on purpose, the panel it slides in from the side.
    const oneLine = /nowrap|pre/.test(style.whiteSpace) || style.textOverflow !== "clip";
    const cutY = hidesY && $el.scrollHeight > $el.clientHeight + 1;
    const cutX = hidesX && oneLine && $el.scrollWidth > $el.clientWidth + 1;
    if (cutY || cutX) {
      found.push(`text cut off: ${describe($el)} shows ${$el.clientWidth}x${$el.clientHeight} of ${$el.scrollWidth}x${$el.scrollHeight} px`);
    }
  }
  // The header's title keeps one line and ends in an ellipsis when the window is narrow: it
  // only repeats the site's name (the menu's title) and the page's title (its h1, or its link
  // in the menu), each judged above where the reader opens them.
  const whole = [...document.querySelectorAll("article h1, .md-nav--primary > .md-nav__title, .md-nav--primary .md-nav__link")]
    .map(($el) => $el.textContent.replace(/\s+/g, " "));
  for (const $topic of document.querySelectorAll(".md-header__topic .md-ellipsis")) {
    const text = $topic.textContent.trim().replace(/\s+/g, " ");
    const cut = $topic.scrollWidth > $topic.clientWidth + 1;
    if (cut && !whole.some((shown) => shown.includes(text))) {
      found.push(`the header's title "${text}" is cut off and shown whole nowhere else (the h1, the menu)`);
    }
  }
  return found;
}"""


# Every control that takes focus, focused in turn as a keyboard focuses it: does it draw an
# outline (forced colours drop backgrounds and shadows, and keep outlines)? A control drawn
# by its label (a palette option, a visually hidden box) is judged there.
_FOCUS_WITHOUT_OUTLINE = r"""() => {
  const describe = ($el) => $el.tagName.toLowerCase() + ($el.id ? "#" + $el.id : "") +
    (typeof $el.className === "string" && $el.className.trim() ? "." + $el.className.trim().split(/\s+/).slice(0, 2).join(".") : "") +
    ' "' + ($el.getAttribute("aria-label") || $el.textContent || $el.value || "").trim().replace(/\s+/g, " ").slice(0, 30) + '"';
  const candidates = document.querySelectorAll(
    "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"
  );
  const found = [];
  let judged = 0;
  for (const $el of candidates) {
    if ($el.disabled || $el.tabIndex < 0) continue;
    // Of a group of radio buttons, Tab stops on the checked one only.
    if ($el.type === "radio" && !$el.checked && document.querySelector(`input[type=radio][name="${$el.name}"]:checked`)) continue;
    $el.focus({ focusVisible: true, preventScroll: true });
    if (document.activeElement !== $el) continue;
    const box = $el.getBoundingClientRect();
    const $next = $el.nextElementSibling;
    const labels = Array.from($el.labels || []).concat($next && $next.tagName === "LABEL" ? [$next] : []);
    const $label = labels.reverse().find(($candidate) => $candidate.getClientRects().length > 0);
    const $shown = (box.width <= 1 || box.height <= 1) && $label ? $label : $el;
    if (!$shown.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    judged += 1;
    if (!$el.matches(":focus-visible")) { found.push(`not :focus-visible: ${describe($el)}`); continue; }
    const style = getComputedStyle($shown);
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 1) {
      found.push(`no outline: ${describe($el)} (${style.outlineStyle} ${style.outlineWidth})`);
    }
  }
  document.activeElement.blur();
  return { judged, found };
}"""

# Anything that moves: a transition or an animation that lasts (more than 10 ms), on any
# element, and smooth scrolling of the page.
_MOTION = r"""() => {
  const longest = (value) => Math.max(...value.split(",").map((part) => parseFloat(part) * (part.trim().endsWith("ms") ? 1 : 1000)));
  const found = [];
  for (const $el of [document.documentElement, ...document.body.querySelectorAll("*")]) {
    const style = getComputedStyle($el);
    const transition = longest(style.transitionDuration) + longest(style.transitionDelay);
    const animation = style.animationName !== "none" ? longest(style.animationDuration) : 0;
    if (transition > 10 || animation > 10) {
      found.push(`${$el.tagName.toLowerCase()}.${String($el.className).trim().split(/\s+/)[0]}: ` +
        `transition ${style.transitionDuration} (delay ${style.transitionDelay}), animation ${style.animationName} ${style.animationDuration}`);
    }
  }
  if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") found.push("the page scrolls smoothly");
  const running = document.getAnimations().map((animation) => animation.constructor.name + " " + (animation.transitionProperty || animation.animationName || ""));
  return found.concat(running.map((what) => "running: " + what));
}"""


def focus_without_outline(page: Page) -> tuple[int, list[str]]:
    """How many drawn controls were focused, and those that showed no outline."""
    result = page.evaluate(_FOCUS_WITHOUT_OUTLINE)
    return int(result["judged"]), list(result["found"])


def motion(page: Page) -> list[str]:
    """What moves on the page now: lasting transitions or animations, smooth scrolling."""
    found: list[str] = page.evaluate(_MOTION)
    return found


def display_problems(page: Page) -> list[str]:
    """What is lost, cut off or pushed out of the page as it is laid out now (empty when none)."""
    found: list[str] = page.evaluate(_PROBLEMS)
    return found


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context(bypass_csp=True)
        tab = context.new_page()
        for url in sys.argv[1:]:
            tab.set_viewport_size({"width": 1280, "height": 800})
            tab.goto(url)
            tab.locator("link[data-md-bundle=started]").wait_for(state="attached")
            for label, (width, height) in ZOOMED.items():
                tab.set_viewport_size({"width": width, "height": height})
                found = display_problems(tab)
                print(url, label, len(found), *found, sep="\n    ", flush=True)
                tab.locator("#__drawer").evaluate("(el) => el.click()")
                found = display_problems(tab)
                print(url, label, "drawer open", len(found), *found, sep="\n    ", flush=True)
                tab.locator("#__drawer").evaluate("(el) => el.click()")
            tab.add_style_tag(content=TEXT_SPACING_CSS)
            for label, (width, height) in {"text spacing": (1280, 800), **ZOOMED}.items():
                tab.set_viewport_size({"width": width, "height": height})
                found = display_problems(tab)
                print(url, "text spacing,", label, len(found), *found, sep="\n    ", flush=True)
        browser.close()
