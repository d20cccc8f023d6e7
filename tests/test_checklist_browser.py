"""The readiness checklist in Chromium (what a reader does, in Firefox ESR too), in both
languages: saving, result, reset, export/import, printing, share link, broken or missing
storage, another tab, no JavaScript, file://, keyboard only, the action plan (actions
saved and carried, printed alone, CSV and iCalendar files), and axe-core in each state.
Every test also checks that the page made no request elsewhere and logged no console error.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import checklist as cl
from conftest import (
    ALSO_IN_FIREFOX,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    ROOT,
    Engines,
    Traffic,
    axe_violations,
    checklist_strings,
    page_path,
    read_printed,
    record_traffic,
)
from offline_copy import build_offline

DATA_DIR = ROOT / "docs" / "data" / "checklists"
STRINGS = checklist_strings()
READINESS = yaml.safe_load((DATA_DIR / "readiness.yml").read_text(encoding="utf-8"))
ITEMS = [item for section in READINESS["sections"] for item in section["items"]]
ESSENTIAL = [item["id"] for item in ITEMS if item["essential"]]
OPTIONAL = [item["id"] for item in ITEMS if not item["essential"]]
# The result's list of gaps: every item, essential ones first, each as its action.
GAP_ORDER = sorted(ITEMS, key=lambda item: not item["essential"])
LEVELS = {level["id"]: level for level in READINESS["levels"]}
KEY = f"mdx-checklist.{READINESS['id']}"
ROOT_SELECTOR = "[data-module='mdx-checklist']"

# Storage that throws on every use, as with blocked cookies; or only on writes, as when full.
BLOCKED_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, { configurable: true, get() {
    throw new DOMException("The operation is insecure.", "SecurityError"); } });
}
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("Quota exceeded", "QuotaExceededError");
};
"""


def field(page: Page, item_id: str, name: str):  # type: ignore[no-untyped-def]
    """One of an item's action fields: "who", "due" or "note", as a reader reaches it: its
    "Plan this action" opened first (the page fills the fields when it opens)."""
    open_action(page, item_id)
    return page.locator(f"#readiness-{item_id}-{name}")


def open_action(page: Page, item_id: str) -> None:
    """Open an item's "Plan this action"."""
    details = page.locator(f".js-checklist-plan-item[data-item='{item_id}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def plan_action(page: Page, item_id: str, who: str = "", due: str = "", note: str = "") -> None:
    """Open the item's "Plan this action" and fill what is given."""
    for name, value in (("who", who), ("due", due), ("note", note)):
        if value:
            field(page, item_id, name).fill(value)


def plan_entries(page: Page) -> list[str]:
    """The items of the plan's entries, in the order shown."""
    return page.locator(".js-checklist-plan li").evaluate_all("els => els.map(e => e.dataset.item)")


def expect_plan(page: Page, item_ids: list[str]) -> None:
    expect(page.locator(".js-checklist-plan li")).to_have_count(len(item_ids))
    assert plan_entries(page) == item_ids


TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)
LATER = TODAY + datetime.timedelta(days=40)


def checklist_url(base: str, lang: str) -> str:
    return f"{base}{'' if lang == DEFAULT_LANGUAGE else lang + '/'}{page_path('preparation', lang)}"


def open_checklist(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-ready]", state="attached")


def box(page: Page, item_id: str):  # type: ignore[no-untyped-def]
    return page.locator(f"#readiness-{item_id}")


def ticked(page: Page) -> list[str]:
    return page.eval_on_selector_all(".js-checklist-input:checked", "els => els.map(e => e.name)")


def expect_ticked(page: Page, names: list[str]) -> None:
    """Wait until exactly `names` are ticked (in any order), then check it: the checklist
    changes its boxes after the click that asked for it (reset, a dialog's button)."""
    wanted = sorted(names)
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertion below says what differs
        page.wait_for_function(
            """wanted => JSON.stringify([...document.querySelectorAll(".js-checklist-input:checked")]
                .map(input => input.name).sort()) === JSON.stringify(wanted)""",
            arg=wanted,
        )
    assert sorted(ticked(page)) == wanted


def stored_state(
    answers: dict[str, object] | None = None,
    actions: dict[str, object] | None = None,
    snapshots: list[dict[str, object]] | None = None,
    organization: str = "",
) -> dict[str, object]:
    """What the page keeps in storage, in the current version (3)."""
    return {
        "version": cl.STORAGE_VERSION,
        "organization": organization,
        "answers": answers or {},
        "actions": actions or {},
        "snapshots": snapshots or [],
    }


def saved(page: Page) -> dict[str, object] | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw is not None else None


def expect_saved(page: Page, wanted: dict[str, object]) -> None:
    """Wait until storage holds `wanted`, then compare (the script may save after the action
    that asked for it, as reset does on its dialog's close event)."""
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertion below says what differs
        page.wait_for_function(
            """([key, wanted]) => {
              const sorted = (v) => v && typeof v === "object" && !Array.isArray(v)
                ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v;
              try {
                return JSON.stringify(sorted(JSON.parse(localStorage.getItem(key))))
                  === JSON.stringify(sorted(wanted));
              } catch { return false; }
            }""",
            arg=[KEY, wanted],
        )
    assert saved(page) == wanted


def expect_level(page: Page, *ids: str) -> None:
    """The one level shown becomes one of `ids` (waits: the level follows the ticks)."""
    alternatives = "|".join(re.escape(level_id) for level_id in ids)
    expect(page.locator(".js-checklist-level:visible")).to_have_attribute(
        "data-level", re.compile(f"^(?:{alternatives})$")
    )


def current_level(page: Page) -> str:
    levels = page.locator(".js-checklist-level:visible")
    expect(levels).to_have_count(1)
    return levels.get_attribute("data-level") or ""


def check_then_reload(page: Page, item_id: str) -> None:
    """Tick one item, wait until the browser holds it in storage, then reload the page."""
    box(page, item_id).check()
    page.wait_for_function(
        "([key, id]) => (JSON.parse(localStorage.getItem(key) || '{}').answers || {})[id] === true",
        arg=[KEY, item_id],
    )
    reload_checklist(page)


def reload_checklist(page: Page) -> None:
    page.reload()
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-ready]", state="attached")


def tick(page: Page, ids: list[str]) -> None:
    for item_id in ids:
        box(page, item_id).check()


@pytest.fixture
def checklist_page(page_and_traffic: tuple[Page, Traffic]) -> Iterator[tuple[Page, Traffic]]:
    page, traffic = page_and_traffic
    yield page, traffic
    traffic.assert_clean()


# --- Saving ------------------------------------------------------------------------------


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_ticked_items_survive_a_reload(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Tick two items, reload: still ticked, and saved under the item ids."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, lang))
    assert ticked(page) == []
    tick(page, [ESSENTIAL[0], OPTIONAL[0]])
    reload_checklist(page)
    assert sorted(ticked(page)) == sorted([ESSENTIAL[0], OPTIONAL[0]])
    assert saved(page) == stored_state(answers={ESSENTIAL[0]: True, OPTIONAL[0]: True})


@ALSO_IN_FIREFOX
def test_answers_follow_the_reader_to_the_other_language(
    checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Answers given in French show on the English page through the language switcher."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    tick(page, ESSENTIAL[:3])
    page.locator("a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(re.compile(r"/en/readiness/$"))
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-ready]", state="attached")
    assert page.locator("html").get_attribute("lang") == "en"
    assert sorted(ticked(page)) == sorted(ESSENTIAL[:3])


# --- Progress, status and result ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_progress_status_and_result_follow_the_answers(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Each tick updates the section count, the live status, the progress bar, the level and the gaps."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    gaps = page.locator(".js-checklist-gaps li:visible")

    first_section = READINESS["sections"][0]
    box(page, first_section["items"][0]["id"]).check()
    expect_level(page, READINESS["levels"][-1]["id"])
    live = page.locator(".js-checklist-live")
    expect(live).to_have_attribute("aria-live", "polite")
    section_line = (
        strings["status_section"]
        .replace("{section}", first_section["title"][lang])
        .replace("{done}", "1")
        .replace("{total}", str(len(first_section["items"])))
    )
    expect(live).to_contain_text(section_line)
    expect(page.locator(".js-checklist-section-status").first).to_have_text(
        strings["section_status"].replace("{done}", "1").replace("{total}", str(len(first_section["items"])))
    )
    expect(page.locator(".js-checklist-progress")).not_to_have_js_property("value", 0)

    # Every unticked item, essential ones first and tagged, as its action linked to its guidance.
    first_id = first_section["items"][0]["id"]
    expect(gaps.locator("a")).to_have_text(
        [item["action"][lang] for item in GAP_ORDER if item["id"] != first_id]
    )
    expect(gaps.locator(".mdx-checklist__tag")).to_have_count(len(ESSENTIAL) - 1)
    expect(gaps.locator(".mdx-checklist__tag").first).to_have_text(strings["essential"])
    for link in gaps.locator("a").all():
        assert link.get_attribute("href")

    # Some optional items but no essentials: not ready.
    tick(page, OPTIONAL)
    expect_level(
        page, *(level for level in ("one-off", "not-yet") if not LEVELS[level]["requires_essentials"])
    )

    # Every item ticked: one of the levels that need the essentials, and no gaps.
    tick(page, ESSENTIAL)
    expect_level(page, *(level_id for level_id, level in LEVELS.items() if level["requires_essentials"]))
    expect(page.locator(".js-checklist-gaps")).to_be_hidden()
    expect(page.locator(ROOT_SELECTOR)).to_have_class(re.compile(r"mdx-checklist--complete"))
    expect(page.locator(".js-checklist-progress")).to_have_js_property("value", 100)
    expect_level(page, READINESS["levels"][0]["id"])


def test_not_yet_and_one_off_are_honest_results(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """With little in place the result says social media may not be the right channel yet."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "en"))
    level = page.locator(".js-checklist-level:visible")
    tick(page, OPTIONAL[:1])
    expect(level).to_contain_text(LEVELS["not-yet"]["recommendation"]["en"])
    tick(page, OPTIONAL + ESSENTIAL[:4])
    expect_level(page, "one-off")
    expect(level).to_contain_text(LEVELS["one-off"]["recommendation"]["en"])


# --- Reset, export, import ---------------------------------------------------------------------------


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_reset_asks_first(checklist_page: tuple[Page, Traffic], site_url: str, lang: str) -> None:
    """Reset opens a confirmation; Cancel keeps the answers, Clear removes them."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    tick(page, ESSENTIAL[:2])
    page.get_by_role("button", name=strings["reset"]).click()
    dialog = page.locator("dialog.js-checklist-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(strings["confirm_reset"])
    dialog.get_by_role("button", name=strings["cancel"]).click()
    expect(dialog).to_be_hidden()
    expect_ticked(page, ESSENTIAL[:2])

    page.get_by_role("button", name=strings["reset"]).click()
    dialog.get_by_role("button", name=strings["reset_ok"]).click()
    expect_ticked(page, [])
    expect_saved(page, stored_state(answers={}))
    expect(page.locator(".js-checklist-message")).to_have_text(strings["done_reset"])


@ALSO_IN_FIREFOX
def test_export_then_import_in_a_fresh_browser(
    browser: Browser, checklist_page: tuple[Page, Traffic], site_url: str, tmp_path: Path
) -> None:
    """Export the answers to a JSON file, then import it in another browser profile."""
    page, _ = checklist_page
    strings = STRINGS["fr"]
    open_checklist(page, checklist_url(site_url, "fr"))
    tick(page, [ESSENTIAL[1], OPTIONAL[2]])
    plan_action(page, ESSENTIAL[0], who="Émilie")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=strings["export"]).click()
    download = download_info.value
    assert download.suggested_filename == "reponses-preparation.json"
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["checklist"] == "readiness" and data["version"] == 3
    assert data["answers"] == {ESSENTIAL[1]: True, OPTIONAL[2]: True}
    assert data["actions"] == {ESSENTIAL[0]: {"who": "Émilie", "due": "", "note": ""}}

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        traffic = record_traffic(other, site_url.rstrip("/"))
        open_checklist(other, checklist_url(site_url, "en"))
        assert ticked(other) == []
        with other.expect_file_chooser() as chooser:
            other.get_by_role("button", name=STRINGS["en"]["import"]).click()
        chooser.value.set_files(str(exported))
        expect(other.locator(".js-checklist-message")).to_have_text(
            STRINGS["en"]["done_import"].replace("{count}", "2")
        )
        assert sorted(ticked(other)) == sorted([ESSENTIAL[1], OPTIONAL[2]])
        expect(field(other, ESSENTIAL[0], "who")).to_have_value("Émilie")
        assert saved(other) == stored_state(answers=data["answers"], actions=data["actions"])
        traffic.assert_clean()
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("not json at all", "error_import"),
        (json.dumps({"checklist": "another", "version": 1, "answers": {}}), "error_import"),
        (json.dumps({"checklist": "readiness", "version": 99, "answers": {}}), "error_import_version"),
        (json.dumps(["readiness"]), "error_import"),
        (
            json.dumps(
                {
                    "checklist": "readiness",
                    "version": 3,
                    "answers": {},
                    "actions": {},
                    "snapshots": [{"name": ""}],
                }
            ),
            "error_import_damaged",
        ),
    ],
    ids=["not-json", "other-checklist", "future-version", "wrong-shape", "damaged-snapshot"],
)
def test_bad_import_changes_nothing(
    checklist_page: tuple[Page, Traffic], site_url: str, tmp_path: Path, content: str, why: str
) -> None:
    """An import file that is not a good export of this checklist: a message that says why,
    answers unchanged."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "en"))
    tick(page, [ESSENTIAL[0]])
    bad = tmp_path / "answers.json"
    bad.write_text(content, encoding="utf-8")
    page.locator(".js-checklist-file").set_input_files(str(bad))
    expect(page.locator(".js-checklist-message")).to_have_text(STRINGS["en"][why])
    assert ticked(page) == [ESSENTIAL[0]]
    assert saved(page) == stored_state(answers={ESSENTIAL[0]: True})


# --- Broken, missing or shared storage ------------------------------------------------------------------


@pytest.mark.parametrize(
    "stored",
    [
        "{not json",
        json.dumps({"version": 1, "answers": "all"}),
        json.dumps([1, 2, 3]),
        json.dumps({"version": 7, "answers": {"goals-written": True}}),
    ],
    ids=["not-json", "answers-not-an-object", "array", "unknown-version"],
)
def test_corrupt_storage_gives_an_empty_checklist(
    checklist_page: tuple[Page, Traffic], site_url: str, stored: str
) -> None:
    """Saved data that cannot be read is ignored: an empty, working checklist."""
    page, _ = checklist_page
    page.context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(stored)})")
    open_checklist(page, checklist_url(site_url, "fr"))
    expect(page.locator(".js-checklist-message")).to_have_text(STRINGS["fr"]["storage_damaged"])
    assert ticked(page) == []
    tick(page, [ESSENTIAL[0]])
    expect_saved(page, stored_state(answers={ESSENTIAL[0]: True}))


def test_tampered_storage_keeps_the_answers_that_still_make_sense(
    checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Unknown items and values other than true are dropped; real answers are kept."""
    page, _ = checklist_page
    stored = {"version": 1, "answers": {ESSENTIAL[0]: True, "removed-item": True, OPTIONAL[0]: "yes"}}
    page.context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(stored))})")
    open_checklist(page, checklist_url(site_url, "en"))
    assert ticked(page) == [ESSENTIAL[0]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("script", [BLOCKED_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_storage_that_throws_leaves_a_working_checklist(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str, script: str
) -> None:
    """Blocked or full storage: the checklist works in memory and says answers will not be kept."""
    page, _ = checklist_page
    page.context.add_init_script(script)
    open_checklist(page, checklist_url(site_url, lang))
    warning = page.locator(".js-checklist-storage-warning")
    expect(warning).to_be_visible()
    expect(warning).to_have_text(STRINGS[lang]["storage_warning"])
    tick(page, ESSENTIAL[:2])
    expect_ticked(page, ESSENTIAL[:2])
    expect(page.locator(".js-checklist-gaps li:visible")).to_have_count(len(ITEMS) - 2)


def test_share_link_carries_the_answers(
    browser: Browser, checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """The share link opens the same answers elsewhere; over saved answers it asks first."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    tick(page, [ESSENTIAL[0], OPTIONAL[1]])
    page.get_by_role("button", name=STRINGS["fr"]["share"]).click()
    field = page.get_by_label(STRINGS["fr"]["share_label"])
    expect(field).to_have_value(
        re.compile(re.escape(checklist_url(site_url, "fr")) + ".*#readiness-share=2,")
    )
    link = field.input_value()
    assert link.startswith(checklist_url(site_url, "fr")) and "#readiness-share=2," in link

    colleague = browser.new_context()
    try:
        other = colleague.new_page()
        traffic = record_traffic(other, site_url.rstrip("/"))
        # Nothing saved yet: the shared answers are taken and saved at once.
        open_checklist(other, link)
        assert sorted(ticked(other)) == sorted([ESSENTIAL[0], OPTIONAL[1]])
        assert saved(other) == stored_state(answers={ESSENTIAL[0]: True, OPTIONAL[1]: True})
        assert "#" not in other.url

        # Different answers saved: a question first. Keep mine, then replace.
        box(other, ESSENTIAL[0]).uncheck()
        box(other, ESSENTIAL[2]).check()
        mine = sorted([OPTIONAL[1], ESSENTIAL[2]])
        other.goto("about:blank")
        open_checklist(other, link)
        dialog = other.locator("dialog.js-checklist-dialog")
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text(
            STRINGS["fr"]["confirm_share"].replace("{count}", "2").replace("{saved}", "2")
        )
        dialog.get_by_role("button", name=STRINGS["fr"]["keep_mine"]).click()
        expect_ticked(other, mine)
        expect(other.locator(".js-checklist-message")).to_have_text(STRINGS["fr"]["done_share_kept"])

        other.goto("about:blank")
        open_checklist(other, link)
        other.locator("dialog.js-checklist-dialog").get_by_role(
            "button", name=STRINGS["fr"]["replace_ok"]
        ).click()
        expect_ticked(other, [ESSENTIAL[0], OPTIONAL[1]])
        expect_saved(other, stored_state(answers={ESSENTIAL[0]: True, OPTIONAL[1]: True}))
        traffic.assert_clean()
    finally:
        colleague.close()


def test_another_tab_change_is_reflected(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """Ticking in one tab shows in the other tab of the same browser."""
    page, _ = checklist_page
    url = checklist_url(site_url, "en")
    open_checklist(page, url)
    second = page.context.new_page()
    traffic = record_traffic(second, site_url.rstrip("/"))
    open_checklist(second, checklist_url(site_url, "fr"))
    box(second, ESSENTIAL[3]).check()
    expect(box(page, ESSENTIAL[3])).to_be_checked()
    expect(page.locator(".js-checklist-gaps li:visible")).to_have_count(len(ITEMS) - 1)
    traffic.assert_clean()


def test_a_second_start_up_does_nothing(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """Loading the script again (as instant navigation re-runs it) leaves one set of handlers."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "en"))
    script = page.locator("script[src*='checklist']").get_attribute("src")
    assert script
    page.add_script_tag(url=script)
    tick(page, [ESSENTIAL[0]])
    page.get_by_role("button", name=STRINGS["en"]["reset"]).click()
    dialog = page.locator("dialog.js-checklist-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=STRINGS["en"]["cancel"]).click()
    expect(dialog).to_be_hidden()
    expect_ticked(page, [ESSENTIAL[0]])


# --- Without JavaScript, from file://, with the keyboard ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_form_is_readable_and_usable(
    browser: Browser, site_url: str, lang: str
) -> None:
    """No JavaScript: every item as a labelled checkbox that ticks, all levels explained, no dead
    buttons; the plan and progress over time say they need JavaScript."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        traffic = record_traffic(page, site_url.rstrip("/"))
        page.goto(checklist_url(site_url, lang))
        expect(page.locator(".js-checklist-nojs")).to_have_text(
            [
                STRINGS[lang]["nojs_note"],
                STRINGS[lang]["levels_nojs"],
                STRINGS[lang]["plan_nojs"],
                STRINGS[lang]["snapshots_nojs"],
            ]
        )
        expect(page.locator(".js-checklist-start")).to_be_hidden()
        expect(page.locator("fieldset")).to_have_count(len(READINESS["sections"]))
        # A section's status is filled by the script; without it, nothing half-written shows.
        statuses = page.locator(".js-checklist-section-status")
        expect(statuses).to_have_count(len(READINESS["sections"]))
        assert statuses.evaluate_all("els => els.map(el => el.textContent)") == [""] * len(
            READINESS["sections"]
        )
        first = ITEMS[0]
        checkbox = page.get_by_role("checkbox", name=first["label"][lang])
        checkbox.check()
        expect(checkbox).to_be_checked()
        expect(page.locator(".js-checklist-level:visible")).to_have_count(len(READINESS["levels"]))
        for level in READINESS["levels"]:
            expect(page.get_by_text(level["recommendation"][lang])).to_be_visible()
        expect(page.locator(".mdx-checklist button:visible")).to_have_count(0)
        assert page.locator(".mdx-checklist__hint a").count() == len(ITEMS)
        # The plan says it needs JavaScript; no field, list or button of it shows.
        expect(page.get_by_role("heading", name=STRINGS[lang]["plan_heading"])).to_be_visible()
        expect(
            page.locator(".js-checklist-plan-item:visible, .mdx-checklist textarea:visible")
        ).to_have_count(0)
        expect(page.locator(".js-checklist-plan li:visible, .js-checklist-plan-date:visible")).to_have_count(
            0
        )
        # Progress over time says it needs JavaScript too; none of its controls, nor the
        # organization's field, shows.
        expect(page.get_by_role("heading", name=STRINGS[lang]["snapshots_heading"])).to_be_visible()
        expect(
            page.locator(".mdx-checklist select:visible, .mdx-checklist input[type='text']:visible")
        ).to_have_count(0)
        # With scripts off, Chromium refuses the preload of Material's bundle before any
        # network request (it reports "csp"): expected, and the only refusal.
        refused = [failure for failure in traffic.failures if failure.startswith("csp ")]
        assert [failure.rsplit("/", 1)[-1].split(".")[0] for failure in refused] == ["bundle"]
        traffic.failures = [failure for failure in traffic.failures if failure not in refused]
        traffic.assert_clean()
    finally:
        context.close()


def test_keyboard_only(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """Tab reaches the first checkbox (with a visible outline), Space ticks it, and the dialog works by keys."""
    page, _ = checklist_page
    strings = STRINGS["en"]
    open_checklist(page, checklist_url(site_url, "en"))
    first = box(page, ITEMS[0]["id"])
    for _ in range(200):
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first checkbox")
    expect(first).not_to_have_css("outline-style", "none")
    expect(first).not_to_have_css("outline-width", "0px")
    page.keyboard.press("Space")
    expect(first).to_be_checked()

    reset = page.get_by_role("button", name=strings["reset"])
    reset.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.js-checklist-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name=strings["cancel"])).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first).to_be_checked()
    expect(reset).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_controls_are_named_in_the_page_language(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Every button and the progress bar have names from this language's strings."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    for key in ("share", "export", "import", "print", "reset"):
        expect(page.get_by_role("button", name=strings[key], exact=True)).to_be_visible()
    expect(page.get_by_role("progressbar", name=strings["progress_label"])).to_be_visible()
    expect(page.get_by_role("group", name=strings["actions_label"])).to_be_visible()


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site built for file:// from sources where a later edit renamed,
    removed and added checklist items."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    data = project / "docs/data/checklists/readiness.yml"
    text = data.read_text(encoding="utf-8")
    renamed, removed = OPTIONAL[0], OPTIONAL[1]
    text = text.replace(f"- id: {renamed}\n", f"- id: {renamed}-renamed\n        formerly: [{renamed}]\n", 1)
    text = re.sub(rf"      - id: {removed}\n(?:        .*\n|          .*\n)+", "", text, count=1)
    data.write_text(text, encoding="utf-8")
    site = project / "site"
    build_offline(site, config_file=project / "mkdocs.yml")
    return site


def test_works_from_file_and_keeps_answers_across_item_edits(
    context: BrowserContext, offline_copy: Path
) -> None:
    """Opened from disk: answers saved before items were renamed or removed keep what still applies."""
    renamed, removed = OPTIONAL[0], OPTIONAL[1]
    stored = {"version": 1, "answers": {ESSENTIAL[0]: True, renamed: True, removed: True}}
    page = context.new_page()
    traffic = record_traffic(page, "file://")
    # The offline build (`make offline`) writes preparation.html; a plain one preparation/index.html.
    flat = offline_copy / "preparation.html"
    url = (flat if flat.is_file() else offline_copy / "preparation" / "index.html").as_uri()
    # Saved by an earlier visit, before the edit: written once, then the page is opened
    # again (an init script would write it again on every reload, over newer answers).
    open_checklist(page, url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(stored)])
    reload_checklist(page)
    assert sorted(ticked(page)) == sorted([ESSENTIAL[0], f"{renamed}-renamed"])
    assert saved(page) == stored_state(answers={ESSENTIAL[0]: True, f"{renamed}-renamed": True})
    check_then_reload(page, ESSENTIAL[1])
    assert ESSENTIAL[1] in ticked(page)
    traffic.assert_clean()


# --- axe-core in every state ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_has_no_accessibility_violation_in_any_state(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """axe-core (WCAG 2.2 AA) finds nothing: empty, partly answered, complete, dialog open, printed."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, lang))
    found = [f"empty: {line}" for line in axe_violations(page)]
    tick(page, ESSENTIAL[:3] + OPTIONAL[:2])
    found += [f"partly answered: {line}" for line in axe_violations(page)]
    tick(page, ESSENTIAL + OPTIONAL)
    found += [f"complete: {line}" for line in axe_violations(page)]
    page.get_by_role("button", name=STRINGS[lang]["reset"]).click()
    found += [f"dialog: {line}" for line in axe_violations(page)]
    page.keyboard.press("Escape")
    page.emulate_media(media="print")
    found += [f"print: {line}" for line in axe_violations(page)]
    expect(page.locator(".js-checklist-actions")).to_be_hidden()
    expect(page.locator(".js-checklist-level:visible")).to_have_count(1)
    assert found == []


@pytest.mark.parametrize("engine", ["firefox"], indirect=True)
def test_print_button_prints_the_answers(
    engines: Engines, checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Print, in Firefox, through its own PDF printer: the answers and the score are on
    paper, the buttons are not. (Headless Chromium starts printing but writes nothing a
    test can read: its print styles are checked above, with print media emulated.)"""
    page, _ = checklist_page
    strings = STRINGS["en"]
    engines.printed_pdf.unlink(missing_ok=True)
    page.add_init_script(
        "addEventListener('afterprint', () => { document.documentElement.dataset.printed = ''; })"
    )
    open_checklist(page, checklist_url(site_url, "en"))
    tick(page, ESSENTIAL[:3])
    page.get_by_role("button", name=strings["print"]).click()
    expect(page.locator("html")).to_have_attribute("data-printed", "")
    text = " ".join(" ".join(p.extract_text().split()) for p in read_printed(engines.printed_pdf).pages)
    assert f"3 of {len(ITEMS)}" in text, text[:400]
    for button in ("export", "import", "print", "reset"):
        assert strings[button] not in text, button


# --- Reviewer's findings: phone width, first visit, counts, dialog focus, file name ---------------------------


def fill(template: str, **values: object) -> str:
    """The guide's own formatter (hooks/checklist.py), the one the page's text comes from."""
    return cl.fill(template, values)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_fits_a_phone_screen_on_first_load(browser: Browser, site_url: str, lang: str) -> None:
    """390 px wide: no sideways scrolling before or after the sections are scrolled into view."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        traffic = record_traffic(page, site_url.rstrip("/"))
        open_checklist(page, checklist_url(site_url, lang))
        # The page's widths, and what reaches past its right edge (to name it if it fails).
        width = """() => {
          const root = document.documentElement, edge = root.clientWidth;
          const wide = [...document.body.querySelectorAll("*")]
            .filter(el => el.getBoundingClientRect().right > edge + 1)
            .slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className}`);
          return [root.scrollWidth, edge, wide];
        }"""
        scroll_width, client_width, wide = page.evaluate(width)
        assert client_width <= 390 and scroll_width <= client_width, (scroll_width, client_width, wide)
        page.locator(".js-checklist-result").scroll_into_view_if_needed()
        scroll_width, client_width, wide = page.evaluate(width)
        assert scroll_width <= client_width, (scroll_width, client_width, wide)
        traffic.assert_clean()
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_verdict_before_the_first_tick(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Nothing ticked: a note on how to start, no level and no list of gaps; they come with the first tick."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    start = page.locator(".js-checklist-start")
    expect(start).to_be_visible()
    expect(start).to_have_text(strings["start_note"])
    expect(page.locator(".js-checklist-level:visible")).to_have_count(0)
    expect(page.locator(".js-checklist-gaps")).to_be_hidden()
    expect(page.locator(".js-checklist-nojs")).to_have_count(4)
    expect(page.locator(".js-checklist-nojs:visible")).to_have_count(0)

    tick(page, [OPTIONAL[0]])
    expect(start).to_be_hidden()
    expect_level(page, READINESS["levels"][-1]["id"])
    expect(page.locator(".js-checklist-gaps li:visible")).to_have_count(len(ITEMS) - 1)

    box(page, OPTIONAL[0]).uncheck()
    expect(start).to_be_visible()
    expect(page.locator(".js-checklist-level:visible")).to_have_count(0)
    expect(page.locator(".js-checklist-gaps")).to_be_hidden()


def test_gaps_stay_listed_once_the_essentials_are_in_place(
    checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Every essential ticked: the list of gaps still shows what is left (the optional items'
    actions, untagged) until the last item is ticked."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    tick(page, ESSENTIAL)
    gaps = page.locator(".js-checklist-gaps li:visible")
    # The heading's text, then its permalink ("¶"), as every heading of the page.
    expect(page.locator(".js-checklist-gaps h3")).to_have_text(
        re.compile(f"^{re.escape(STRINGS['fr']['gaps_heading'])}¶?$")
    )
    expect(gaps.locator("a")).to_have_text(
        [item["action"]["fr"] for item in GAP_ORDER if not item["essential"]]
    )
    expect(gaps.locator(".mdx-checklist__tag")).to_have_count(0)
    tick(page, OPTIONAL[:-1])
    expect(gaps).to_have_count(1)
    tick(page, OPTIONAL[-1:])
    expect(page.locator(".js-checklist-gaps")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overall_status_calls_the_percentage_weighted(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """One item of many: the count, then the weighted score, labelled as such."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, lang))
    tick(page, [OPTIONAL[0]])
    progress = page.locator(".js-checklist-progress")
    expect(progress).not_to_have_js_property("value", 0)
    score = int(progress.evaluate("e => e.value"))
    expected = fill(STRINGS[lang]["status_overall"], done=1, total=len(ITEMS), score=score)
    expect(page.locator(".js-checklist-overall")).to_have_text(expected)
    assert {"fr": "Score pondéré", "en": "Weighted score"}[lang] in expected


NOUN_AFTER_SMALL_COUNT = re.compile(r"(?<!\d)[01][\s\u00a0]+(?:items?|éléments?)\b", re.IGNORECASE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_counts_of_zero_and_one_read_well(
    checklist_page: tuple[Page, Traffic], site_url: str, tmp_path: Path, lang: str
) -> None:
    """Share links and imports with 0 or 1 item: no « 0 éléments cochés », no "1 items ticked"."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    url = checklist_url(site_url, lang)
    message = page.locator(".js-checklist-message")

    open_checklist(page, url + "#readiness-answers=")
    expect(message).to_have_text(fill(strings["done_share_loaded"], count=0))
    page.goto("about:blank")
    open_checklist(page, f"{url}#readiness-answers={ESSENTIAL[0]}")
    expect(message).to_have_text(fill(strings["done_share_loaded"], count=1))
    assert ticked(page) == [ESSENTIAL[0]]

    # Other answers saved (one item): the question counts both sides.
    box(page, ESSENTIAL[0]).uncheck()
    box(page, ESSENTIAL[1]).check()
    page.goto("about:blank")
    open_checklist(page, f"{url}#readiness-answers={ESSENTIAL[0]}")
    dialog = page.locator("dialog.js-checklist-dialog")
    expect(dialog).to_contain_text(fill(strings["confirm_share"], count=1, saved=1))
    texts = [message.text_content() or "", dialog.text_content() or ""]
    dialog.get_by_role("button", name=strings["keep_mine"]).click()

    answers = tmp_path / "one.json"
    answers.write_text(json.dumps({"checklist": "readiness", "version": 1, "answers": {OPTIONAL[0]: True}}))
    page.locator(".js-checklist-file").set_input_files(str(answers))
    expect(message).to_have_text(fill(strings["done_import"], count=1))
    texts.append(message.text_content() or "")
    assert [text for text in texts if NOUN_AFTER_SMALL_COUNT.search(text)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_link_message_does_not_point_below(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Without a clipboard (as over plain http), the message says the link is ready; it shows under the field."""
    page, _ = checklist_page
    page.context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });"
    )
    open_checklist(page, checklist_url(site_url, lang))
    page.get_by_role("button", name=STRINGS[lang]["share"]).click()
    message = page.locator(".js-checklist-message")
    expect(message).to_have_text(STRINGS[lang]["share_ready"])
    assert not re.search(r"ci-dessous|below", STRINGS[lang]["share_ready"])
    # Both boxes read in one script, at one moment: the page may scroll between two reads.
    field_bottom, message_top = page.evaluate(
        """() => [".js-checklist-share-url", ".js-checklist-message"].map((selector, i) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          return i === 0 ? box.bottom : box.top;
        })"""
    )
    assert message_top >= field_bottom


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_dialog_shows_its_focus_and_a_secondary_button(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str, scheme: str
) -> None:
    """A share link over other answers: "Keep mine" has the focus, a visible ring and an outlined
    look; "Replace" is the filled one; axe finds no contrast problem in either colour scheme."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    url = checklist_url(site_url, lang)
    open_checklist(page, url)
    tick(page, [ESSENTIAL[2]])
    page.goto("about:blank")
    open_checklist(page, f"{url}#readiness-answers={ESSENTIAL[0]}")
    dialog = page.locator("dialog.js-checklist-dialog")
    expect(dialog).to_be_visible()
    keep = dialog.get_by_role("button", name=strings["keep_mine"])
    replace = dialog.get_by_role("button", name=strings["replace_ok"])
    expect(keep).to_be_focused()
    # Retrying: the ring and colours may still be in their transition when focus lands.
    expect(keep).not_to_have_css("outline-style", "none")
    expect(keep).to_have_css("outline-width", re.compile(r"^(?:[2-9]|\d{2,})(?:\.\d+)?px$"))  # 2 px or more
    expect(keep).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    expect(keep).not_to_have_css("border-top-width", "0px")
    expect(replace).not_to_have_css("background-color", "rgba(0, 0, 0, 0)")
    assert axe_violations(page, rules=["color-contrast"]) == []
    keep.press("Enter")
    expect(dialog).to_be_hidden()
    expect_ticked(page, [ESSENTIAL[2]])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_export_file_is_named_in_the_page_language(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """The exported file's name is all in one language: the page's."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, lang))
    tick(page, [ESSENTIAL[0]])
    with page.expect_download() as download_info:
        page.get_by_role("button", name=STRINGS[lang]["export"]).click()
    expected = {"fr": "reponses-preparation.json", "en": "readiness-answers.json"}[lang]
    assert download_info.value.suggested_filename == expected


# --- The action plan --------------------------------------------------------------------------------------


def label(item_id: str, lang: str) -> str:
    """The words the plan gives an item: its action (its label before items had one)."""
    item = next(item for item in ITEMS if item["id"] == item_id)
    return item.get("action", item["label"])[lang]


def fill_three_actions(page: Page) -> dict[str, dict[str, str]]:
    """An overdue essential, an essential due today and an optional one without a date;
    what the page should store for them."""
    actions = {
        OPTIONAL[0]: {"who": "", "due": "", "note": "Voir le budget; « vite », d’accord?"},
        ESSENTIAL[1]: {"who": "Marc", "due": TODAY.isoformat(), "note": ""},
        ESSENTIAL[0]: {"who": "Émilie Bérubé", "due": YESTERDAY.isoformat(), "note": "Ligne 1\nLigne 2"},
    }
    for item_id, action in actions.items():
        plan_action(page, item_id, **action)
    return actions


@ALSO_IN_FIREFOX
def test_actions_are_saved_reloaded_and_carried_to_english(
    checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Actions noted in French: in the plan (essentials first, then by date; overdue said in
    words), kept after a reload, shown in English; ticking an item marks its action done."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    expect(page.locator(".js-checklist-plan-empty")).to_have_text(STRINGS["fr"]["plan_empty"])
    actions = fill_three_actions(page)
    expect_plan(page, [ESSENTIAL[0], ESSENTIAL[1], OPTIONAL[0]])
    entries = page.locator(".js-checklist-plan li")
    expect(entries.nth(0)).to_contain_text(STRINGS["fr"]["plan_overdue"])
    expect(entries.nth(0).locator("a")).to_have_text(label(ESSENTIAL[0], "fr"))
    expect(entries.nth(1)).not_to_contain_text(STRINGS["fr"]["plan_overdue"])  # due today
    expect(entries.nth(1)).to_contain_text(fill(STRINGS["fr"]["plan_who_line"], who="Marc"))
    expect(entries.nth(1)).to_contain_text(fill(STRINGS["fr"]["plan_due_line"], date=TODAY.isoformat()))
    page.wait_for_function(
        "([key, n]) => Object.keys((JSON.parse(localStorage.getItem(key)) || {}).actions || {}).length === n",
        arg=[KEY, 3],
    )
    assert saved(page) == stored_state(answers={}, actions=actions)

    reload_checklist(page)
    expect(field(page, ESSENTIAL[0], "who")).to_have_value("Émilie Bérubé")
    expect(field(page, ESSENTIAL[0], "due")).to_have_value(YESTERDAY.isoformat())
    expect(field(page, OPTIONAL[0], "note")).to_have_value(actions[OPTIONAL[0]]["note"])
    expect_plan(page, [ESSENTIAL[0], ESSENTIAL[1], OPTIONAL[0]])

    page.locator("a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(re.compile(r"/en/readiness/$"))
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-ready]", state="attached")
    expect(field(page, ESSENTIAL[0], "note")).to_have_value("Ligne 1\nLigne 2")
    expect_plan(page, [ESSENTIAL[0], ESSENTIAL[1], OPTIONAL[0]])
    expect(page.locator(".js-checklist-plan li").first).to_contain_text(STRINGS["en"]["plan_overdue"])
    expect(page.locator(".js-checklist-plan li a").first).to_have_text(label(ESSENTIAL[0], "en"))

    # Done: out of the plan, its fields put away, its action kept should it be unticked.
    box(page, ESSENTIAL[0]).check()
    expect_plan(page, [ESSENTIAL[1], OPTIONAL[0]])
    expect(page.locator(f".js-checklist-plan-item[data-item='{ESSENTIAL[0]}']")).to_be_hidden()
    box(page, ESSENTIAL[0]).uncheck()
    expect_plan(page, [ESSENTIAL[0], ESSENTIAL[1], OPTIONAL[0]])


def test_actions_are_kept_through_an_item_rename(context: BrowserContext, offline_copy: Path) -> None:
    """From disk, after an item was renamed (its old id in `formerly`) and another removed:
    the action saved under the old id follows the item; the removed item's goes."""
    renamed, removed = OPTIONAL[0], OPTIONAL[1]
    action = {"who": "Léa", "due": LATER.isoformat(), "note": ""}
    stored = {
        "version": 2,
        "answers": {ESSENTIAL[0]: True},
        "actions": {renamed: action, removed: {"who": "Paul", "due": "", "note": ""}},
    }
    page = context.new_page()
    traffic = record_traffic(page, "file://")
    flat = offline_copy / "preparation.html"
    open_checklist(page, (flat if flat.is_file() else offline_copy / "preparation" / "index.html").as_uri())
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(stored)])
    reload_checklist(page)
    expect(field(page, f"{renamed}-renamed", "who")).to_have_value("Léa")
    expect_plan(page, [f"{renamed}-renamed"])
    assert saved(page) == stored_state(answers={ESSENTIAL[0]: True}, actions={f"{renamed}-renamed": action})
    expect(page.locator(".js-checklist-message")).to_have_text("")  # a removed item is no damage
    traffic.assert_clean()


def test_plan_prints_alone(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """With "Print the plan" and print media, only the plan shows, with its date and without
    its buttons; after printing, the page prints whole again. axe finds nothing."""
    page, _ = checklist_page
    strings = STRINGS["en"]
    # The print dialog stays "open": no afterprint until the test sends it.
    page.add_init_script("window.print = () => { document.documentElement.dataset.printing = ''; };")
    open_checklist(page, checklist_url(site_url, "en"))
    fill_three_actions(page)
    page.get_by_role("button", name=strings["print_plan"]).click()
    expect(page.locator("html")).to_have_attribute("data-printing", "")
    page.emulate_media(media="print")
    plan = page.locator(".js-checklist-plan")
    expect(plan).to_be_visible()
    expect(plan.locator("li")).to_have_count(3)
    # Dates as Canada writes them in both languages (YYYY-MM-DD), as in the CSV.
    expect(page.locator(".js-checklist-plan-date")).to_have_text(
        fill(strings["plan_date"], date=TODAY.isoformat())
    )
    for hidden in (".js-checklist-section", ".js-checklist-result", ".md-header", "h1", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".mdx-checklist button:visible")).to_have_count(0)
    assert axe_violations(page) == []

    page.evaluate("dispatchEvent(new Event('afterprint'))")
    expect(page.locator("html")).not_to_have_class(re.compile("mdx-print-plan"))
    expect(page.locator(".js-checklist-section").first).to_be_visible()


@pytest.mark.parametrize("engine", ["firefox"], indirect=True)
def test_plan_print_button_prints_the_plan_alone(
    engines: Engines, checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Firefox's own PDF printer: the plan, its date and actions on paper; no item of the
    checklist, no button."""
    page, _ = checklist_page
    strings = STRINGS["fr"]
    engines.printed_pdf.unlink(missing_ok=True)
    page.add_init_script(
        "addEventListener('afterprint', () => { document.documentElement.dataset.printed = ''; })"
    )
    open_checklist(page, checklist_url(site_url, "fr"))
    fill_three_actions(page)
    page.get_by_role("button", name=strings["print_plan"]).click()
    expect(page.locator("html")).to_have_attribute("data-printed", "")
    expect(page.locator("html")).not_to_have_class(re.compile("mdx-print-plan"))
    text = " ".join(" ".join(p.extract_text().split()) for p in read_printed(engines.printed_pdf).pages)
    assert strings["plan_heading"] in text and "Émilie Bérubé" in text, text[:400]
    assert strings["plan_overdue"] in text
    assert " ".join(label(ESSENTIAL[0], "fr").split()[:4]) in text
    assert " ".join(ITEMS[-1]["label"]["fr"].split()[:4]) not in text, text[:400]
    for button in ("print_plan", "plan_csv", "plan_ics", "export", "reset"):
        assert strings[button] not in text, button


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_plan_downloads_as_a_csv_excel_reads(
    checklist_page: tuple[Page, Traffic], site_url: str, tmp_path: Path, lang: str
) -> None:
    """The CSV: UTF-8 with a byte order mark, CRLF, every field quoted, the separator Excel
    expects in the page's language; read back by the csv module, accents intact."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    actions = fill_three_actions(page)
    expect(page.locator(".js-checklist-plan li")).to_have_count(3)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=strings["plan_csv"]).click()
    download = download_info.value
    assert download.suggested_filename == strings["plan_filename"] + ".csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    # Four rows, each ending CRLF; a note's line break stays inside its quoted field.
    assert data.count(b"\r\n") == 4 and data.count(b"\n") == 5
    rows = list(
        csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=strings["csv_separator"])
    )
    yes = strings["csv_yes"]
    header = ["csv_action", "essential", "plan_who", "plan_due", "plan_overdue", "plan_note", "csv_link"]
    assert rows[0] == [strings[key] for key in header]
    assert [row[:6] for row in rows[1:]] == [
        [label(ESSENTIAL[0], lang), yes, "Émilie Bérubé", YESTERDAY.isoformat(), yes, "Ligne 1\nLigne 2"],
        [label(ESSENTIAL[1], lang), yes, "Marc", TODAY.isoformat(), "", ""],
        [label(OPTIONAL[0], lang), "", "", "", "", actions[OPTIONAL[0]]["note"]],
    ]
    links = page.locator(".js-checklist-plan li a").evaluate_all("els => els.map(e => e.href)")
    assert [row[6] for row in rows[1:]] == links


@ALSO_IN_FIREFOX
def test_plan_downloads_as_an_icalendar_file(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """The .ics: one all-day event per dated action, parsed by the icalendar library with
    the right dates and words; every line within 75 octets, CRLF."""
    page, _ = checklist_page
    strings = STRINGS["fr"]
    open_checklist(page, checklist_url(site_url, "fr"))
    plan_action(page, OPTIONAL[0], note="Sans date")
    page.get_by_role("button", name=strings["plan_ics"]).click()
    expect(page.locator(".js-checklist-message")).to_have_text(strings["plan_no_dates"])

    fill_three_actions(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=strings["plan_ics"]).click()
    download = download_info.value
    assert download.suggested_filename == strings["plan_filename"] + ".ics"
    data = Path(download.path()).read_bytes()
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == 2
    first = next(event for event in events.values() if event.decoded("DTSTART") == YESTERDAY)
    assert first.decoded("DTEND") == TODAY
    assert str(first["SUMMARY"]) == label(ESSENTIAL[0], "fr")
    assert "Émilie Bérubé" in str(first["DESCRIPTION"]) and "Ligne 1\nLigne 2" in str(first["DESCRIPTION"])
    assert first["DTSTAMP"].dt.tzinfo is not None
    assert {event.decoded("DTSTART") for event in events.values()} == {YESTERDAY, TODAY}
    assert all(uid.startswith("readiness-") for uid in events)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_damaged_actions_leave_the_good_data_and_say_so(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """A store with a damaged action: the good answers and actions stay, the message says
    some could not be read, and the store is written back with the good part."""
    page, _ = checklist_page
    good = {"who": "Émilie", "due": LATER.isoformat(), "note": ""}
    stored = {
        "version": 2,
        "answers": {OPTIONAL[0]: True},
        "actions": {ESSENTIAL[0]: good, ESSENTIAL[1]: "Marc", ESSENTIAL[2]: {"who": ["x"]}},
    }
    page.context.add_init_script(
        f"if (!sessionStorage.seeded) {{ sessionStorage.seeded = 1; localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(stored))}); }}"
    )
    open_checklist(page, checklist_url(site_url, lang))
    expect(page.locator(".js-checklist-message")).to_have_text(STRINGS[lang]["storage_damaged"])
    expect_ticked(page, [OPTIONAL[0]])
    expect(field(page, ESSENTIAL[0], "who")).to_have_value("Émilie")
    expect_plan(page, [ESSENTIAL[0]])
    assert saved(page) == stored_state(answers={OPTIONAL[0]: True}, actions={ESSENTIAL[0]: good})
    reload_checklist(page)
    expect(field(page, ESSENTIAL[0], "who")).to_have_value("Émilie")
    expect(page.locator(".js-checklist-message")).to_have_text("")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blocked_storage_keeps_the_plan_in_the_page(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Blocked storage: actions work in the page and the warning says they will not be kept."""
    page, _ = checklist_page
    page.context.add_init_script(BLOCKED_STORAGE)
    open_checklist(page, checklist_url(site_url, lang))
    expect(page.locator(".js-checklist-storage-warning")).to_have_text(STRINGS[lang]["storage_warning"])
    plan_action(page, ESSENTIAL[0], who="Émilie", due=LATER.isoformat())
    expect_plan(page, [ESSENTIAL[0]])
    expect(page.locator(".js-checklist-plan li")).to_contain_text("Émilie")


def test_full_storage_leaves_what_was_saved_untouched(
    checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Storage that takes no more writes: what was saved is shown, and stays as it was
    while the reader goes on in the page."""
    page, _ = checklist_page
    stored = json.dumps(
        {
            "version": 2,
            "answers": {OPTIONAL[0]: True},
            "actions": {ESSENTIAL[0]: {"who": "Émilie", "due": "", "note": ""}},
        }
    )
    page.context.add_init_script(
        f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(stored)});" + FULL_STORAGE
    )
    open_checklist(page, checklist_url(site_url, "en"))
    expect(field(page, ESSENTIAL[0], "who")).to_have_value("Émilie")
    plan_action(page, ESSENTIAL[1], who="Marc")
    box(page, OPTIONAL[1]).check()
    expect(page.locator(".js-checklist-storage-warning")).to_be_visible()
    expect_plan(page, [ESSENTIAL[0], ESSENTIAL[1]])
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == stored


def test_plan_by_keyboard(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """The "Plan this action" disclosure opens with Enter; Tab reaches the labelled fields; what is typed shows in the plan."""
    page, _ = checklist_page
    strings = STRINGS["en"]
    open_checklist(page, checklist_url(site_url, "en"))
    summary = page.locator(f".js-checklist-plan-item[data-item='{ESSENTIAL[0]}'] summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f".js-checklist-plan-item[data-item='{ESSENTIAL[0]}']")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(page.get_by_label(strings["plan_who"]).first).to_be_focused()
    page.keyboard.type("Émilie")
    expect(page.locator(".js-checklist-plan li")).to_contain_text(
        fill(strings["plan_who_line"], who="Émilie")
    )
    page.keyboard.press("Tab")
    expect(page.get_by_label(strings["plan_due"]).first).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plan_fields_are_made_by_the_click_that_opens_them(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """ "Plan this action" ships without its fields (tests/bench/bench_checklist.py): the click
    that opens it makes them, before the disclosure's toggle event, so that a key pressed at
    once reaches them; each labelled in the page's language, with the id links point to."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    details = page.locator(f".js-checklist-plan-item[data-item='{ESSENTIAL[0]}']")
    assert details.locator("[data-field]").count() == 0
    made = details.evaluate(
        """details => {
          details.querySelector("summary").click();
          return [details.open, Array.from(details.querySelectorAll("[data-field]"), f => [f.id, f.labels[0].textContent])];
        }"""
    )
    assert made == [
        True,
        [
            [f"readiness-{ESSENTIAL[0]}-who", strings["plan_who"]],
            [f"readiness-{ESSENTIAL[0]}-due", strings["plan_due"]],
            [f"readiness-{ESSENTIAL[0]}-note", strings["plan_note"]],
        ],
    ]
    # Opened and closed again: still one set.
    details.locator("summary").click()
    details.locator("summary").click()
    expect(details.locator("[data-field]")).to_have_count(3)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plan_has_no_accessibility_violation(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """axe-core finds nothing with the plan empty, an action's fields open and filled, and
    a plan with an overdue action; in dark mode too."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, lang))
    found = [f"empty plan: {line}" for line in axe_violations(page)]
    fill_three_actions(page)
    expect(page.locator(".js-checklist-plan li")).to_have_count(3)
    found += [f"plan: {line}" for line in axe_violations(page)]
    page.emulate_media(color_scheme="dark")
    found += [f"plan, dark: {line}" for line in axe_violations(page)]
    assert found == []


# --- Progress over time, the organization's name, the whole export -----------------------------------------


def expected_result(answers: set[str], lang: str) -> tuple[str, str]:
    """The weighted score and the level's title the page should show for `answers`
    (hooks/checklist.py's rules, written again from the data)."""
    weight = sum(item["weight"] for item in ITEMS)
    score = 100 * sum(item["weight"] for item in ITEMS if item["id"] in answers) // weight
    essentials = set(ESSENTIAL) <= answers
    level = next(
        (
            level["title"][lang]
            for level in READINESS["levels"]
            if answers and score >= level["min_score"] and (essentials or not level["requires_essentials"])
        ),
        STRINGS[lang]["compare_no_level"],
    )
    return fill(STRINGS[lang]["compare_score_value"], score=score), level


def expected_changes(page: Page, before: set[str], after: set[str], lang: str) -> list[dict[str, object]]:
    """By section with a change: its line, then the items gained and lost, by their labels."""
    strings = STRINGS[lang]
    changes: list[dict[str, object]] = []
    for section in READINESS["sections"]:
        items = section["items"]
        gained = [item["label"][lang].strip() for item in items if item["id"] in after - before]
        lost = [item["label"][lang].strip() for item in items if item["id"] in before - after]
        if not gained and not lost:
            continue
        title = page.locator(f"#readiness-{section['id']}-title").text_content()
        counts = {
            "before": sum(item["id"] in before for item in items),
            "after": sum(item["id"] in after for item in items),
        }
        line = fill(strings["compare_section"], section=title, total=len(items), **counts)
        parts = [[strings["compare_gained"], gained]] if gained else []
        parts += [[strings["compare_lost"], lost]] if lost else []
        changes.append({"line": line, "parts": parts})
    return changes


def shown_changes(page: Page) -> list[dict[str, object]]:
    return page.locator(".js-checklist-compare-sections > li").evaluate_all(
        """els => els.map(li => ({
          line: li.firstChild.textContent.trim(),
          parts: [...li.querySelectorAll(":scope > p")].map(p =>
            [p.textContent.trim(), [...p.nextElementSibling.children].map(x => x.textContent.trim())]),
        }))"""
    )


def take_snapshot(page: Page, name: str, lang: str) -> None:
    strings = STRINGS[lang]
    page.get_by_label(strings["snapshot_name"]).fill(name)
    page.get_by_role("button", name=strings["snapshot_take"]).click()
    expect(page.locator(".js-checklist-message")).to_have_text(fill(strings["done_snapshot"], name=name))


def snapshot_label(name: str, lang: str, day: datetime.date = TODAY) -> str:
    return fill(STRINGS[lang]["snapshot_option"], name=name, date=day.isoformat())


def expect_comparison(page: Page, names: list[str], sides: list[set[str]], lang: str) -> None:
    """The table: each side's name, score, level and count; the changes by section."""
    expect(page.locator(".js-checklist-compare-name")).to_have_text(names)
    results = [expected_result(side, lang) for side in sides]
    expect(page.locator(".js-checklist-compare-score")).to_have_text([score for score, _ in results])
    expect(page.locator(".js-checklist-compare-level")).to_have_text([level for _, level in results])
    expect(page.locator(".js-checklist-compare-done")).to_have_text(
        [fill(STRINGS[lang]["section_status"], done=len(side), total=len(ITEMS)) for side in sides]
    )
    assert shown_changes(page) == expected_changes(page, sides[0], sides[1], lang)


@ALSO_IN_FIREFOX
def test_two_snapshots_are_compared(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """Two named snapshots taken at two moments: listed; compared, each one's score, level and
    count, and by section the items gained and lost; then the first with today's answers,
    which follow the ticks."""
    page, _ = checklist_page
    strings = STRINGS["en"]
    open_checklist(page, checklist_url(site_url, "en"))
    expect(page.locator(".js-checklist-compare")).to_be_hidden()
    first = {ESSENTIAL[0], OPTIONAL[0]}
    tick(page, sorted(first))
    take_snapshot(page, "First run", "en")
    box(page, OPTIONAL[0]).uncheck()
    tick(page, ESSENTIAL[1:3])
    second = {ESSENTIAL[0], ESSENTIAL[1], ESSENTIAL[2]}
    take_snapshot(page, "After three months", "en")
    listed = page.locator(".js-checklist-snapshot-list > li")
    expect(listed).to_have_count(2)
    expect(listed.nth(0)).to_contain_text(snapshot_label("First run", "en"))
    expect(listed.nth(1)).to_contain_text(snapshot_label("After three months", "en"))

    page.get_by_label(strings["compare_from"], exact=True).select_option(
        label=snapshot_label("First run", "en")
    )
    page.get_by_label(strings["compare_to"], exact=True).select_option(
        label=snapshot_label("After three months", "en")
    )
    names = [snapshot_label("First run", "en"), snapshot_label("After three months", "en")]
    expect_comparison(page, names, [first, second], "en")

    page.get_by_label(strings["compare_to"], exact=True).select_option(label=strings["compare_now"])
    tick(page, [OPTIONAL[1]])
    expect_comparison(page, [names[0], strings["compare_now"]], [first, second | {OPTIONAL[1]}], "en")
    assert [snapshot["name"] for snapshot in saved(page)["snapshots"]] == ["First run", "After three months"]


def test_the_same_answers_compare_as_no_change(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """A snapshot compared with unchanged answers: the same figures and no section listed;
    a snapshot with no tick has no level; a tick then shows at once."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    take_snapshot(page, "Vide", "fr")
    expect_comparison(
        page, [snapshot_label("Vide", "fr"), STRINGS["fr"]["compare_now"]], [set(), set()], "fr"
    )
    tick(page, [ESSENTIAL[0]])
    expect(page.locator(".js-checklist-compare-sections > li")).to_have_count(1)


@ALSO_IN_FIREFOX
def test_a_snapshot_survives_a_reload_and_the_language_switch(
    checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """Taken in French: saved with its day and answers, listed after a reload, then in English."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    tick(page, [ESSENTIAL[0]])
    take_snapshot(page, "Premier essai", "fr")
    snapshot = {"name": "Premier essai", "taken": TODAY.isoformat(), "answers": {ESSENTIAL[0]: True}}
    expect_saved(page, stored_state(answers={ESSENTIAL[0]: True}, snapshots=[snapshot]))

    reload_checklist(page)
    expect(page.locator(".js-checklist-snapshot-list > li")).to_contain_text(
        [snapshot_label("Premier essai", "fr")]
    )

    page.locator("a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(re.compile(r"/en/readiness/$"))
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-ready]", state="attached")
    expect(page.locator(".js-checklist-snapshot-list > li")).to_contain_text(
        [snapshot_label("Premier essai", "en")]
    )
    expect(
        page.get_by_role("button", name=fill(STRINGS["en"]["snapshot_delete"], name="Premier essai"))
    ).to_be_visible()
    expect_comparison(
        page,
        [snapshot_label("Premier essai", "en"), STRINGS["en"]["compare_now"]],
        [{ESSENTIAL[0]}] * 2,
        "en",
    )
    assert saved(page)["snapshots"] == [snapshot]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_deleting_a_snapshot_asks_first(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """By keyboard: Enter on a snapshot's delete button asks in the page's dialog; Cancel keeps
    it, Delete removes it (and only it), says so and puts the focus on the name field."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    take_snapshot(page, "Un", lang)
    tick(page, [ESSENTIAL[0]])
    take_snapshot(page, "Deux", lang)
    delete = page.get_by_role("button", name=fill(strings["snapshot_delete"], name="Un"))
    dialog = page.locator("dialog.js-checklist-dialog")
    delete.focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(fill(strings["confirm_snapshot_delete"], name="Un"))
    expect(dialog.get_by_role("button", name=strings["cancel"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(page.locator(".js-checklist-snapshot-list > li")).to_have_count(2)

    delete.focus()
    page.keyboard.press("Enter")
    dialog.get_by_role("button", name=strings["delete_ok"]).click()
    expect(page.locator(".js-checklist-snapshot-list > li")).to_have_count(1)
    expect(page.locator(".js-checklist-snapshot-list > li")).to_contain_text(snapshot_label("Deux", lang))
    expect(page.locator(".js-checklist-message")).to_have_text(
        fill(strings["done_snapshot_deleted"], name="Un")
    )
    expect(page.get_by_label(strings["snapshot_name"])).to_be_focused()
    expect_saved(
        page,
        stored_state(
            answers={ESSENTIAL[0]: True},
            snapshots=[{"name": "Deux", "taken": TODAY.isoformat(), "answers": {ESSENTIAL[0]: True}}],
        ),
    )


def test_at_most_five_snapshots(checklist_page: tuple[Page, Traffic], site_url: str) -> None:
    """A sixth snapshot is refused with a message; an unnamed one is named by its day."""
    page, _ = checklist_page
    strings = STRINGS["en"]
    open_checklist(page, checklist_url(site_url, "en"))
    for n in range(5):
        take_snapshot(page, f"S{n}", "en")
    page.get_by_role("button", name=strings["snapshot_take"]).click()
    expect(page.locator(".js-checklist-message")).to_have_text(strings["snapshot_full"])
    expect(page.locator(".js-checklist-snapshot-list > li")).to_have_count(5)
    page.get_by_role("button", name=fill(strings["snapshot_delete"], name="S0")).click()
    page.locator("dialog").get_by_role("button", name=strings["delete_ok"]).click()
    expect(page.locator(".js-checklist-snapshot-list > li")).to_have_count(4)
    page.get_by_role("button", name=strings["snapshot_take"]).click()
    expect(page.locator(".js-checklist-snapshot-list > li").last).to_contain_text(
        snapshot_label(TODAY.isoformat(), "en")
    )


@pytest.mark.parametrize(
    "snapshots",
    [
        "all",
        [
            {"name": "Bon", "taken": "2026-01-05", "answers": {"goals-written": True}},
            "x",
            {"name": "", "taken": "2026-01-06", "answers": {}},
        ],
        [
            {"name": "Bon", "taken": "2026-01-05", "answers": {"goals-written": True}},
            {"name": "Date", "taken": "2026-02-30", "answers": {}},
        ],
    ],
    ids=["not-a-list", "two-bad-of-three", "impossible-date"],
)
def test_a_corrupt_snapshot_leaves_answers_actions_and_good_snapshots(
    checklist_page: tuple[Page, Traffic], site_url: str, snapshots: object
) -> None:
    """Damaged snapshots in storage: dropped one by one, and said; the answers, the actions
    and the good snapshots stay, and the store is written back with them."""
    page, _ = checklist_page
    action = {"who": "Émilie", "due": LATER.isoformat(), "note": ""}
    raw = {
        "version": 3,
        "organization": "Ville",
        "answers": {OPTIONAL[0]: True},
        "actions": {ESSENTIAL[0]: action},
        "snapshots": snapshots,
    }
    page.context.add_init_script(
        f"if (!sessionStorage.seeded) {{ sessionStorage.seeded = 1; localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(raw))}); }}"
    )
    open_checklist(page, checklist_url(site_url, "en"))
    expect(page.locator(".js-checklist-message")).to_have_text(STRINGS["en"]["storage_damaged"])
    expect_ticked(page, [OPTIONAL[0]])
    expect_plan(page, [ESSENTIAL[0]])
    expect(page.get_by_label(STRINGS["en"]["organization_label"])).to_have_value("Ville")
    good = [snapshot for snapshot in snapshots if isinstance(snapshot, dict) and snapshot["name"] == "Bon"]
    expect(page.locator(".js-checklist-snapshot-list > li")).to_have_count(len(good))
    assert saved(page) == stored_state(
        answers={OPTIONAL[0]: True}, actions={ESSENTIAL[0]: action}, snapshots=good, organization="Ville"
    )
    reload_checklist(page)
    expect(page.locator(".js-checklist-message")).to_have_text("")


@ALSO_IN_FIREFOX
def test_export_reset_import_gives_back_everything(
    checklist_page: tuple[Page, Traffic], site_url: str, tmp_path: Path
) -> None:
    """The file carries the organization, the answers, the actions and the snapshots
    (version 3); after a reset (which clears them all), importing it gives them all back."""
    page, _ = checklist_page
    strings = STRINGS["fr"]
    open_checklist(page, checklist_url(site_url, "fr"))
    page.get_by_label(strings["organization_label"]).fill("Ville de Québec")
    tick(page, [ESSENTIAL[0]])
    take_snapshot(page, "Premier essai", "fr")
    tick(page, [OPTIONAL[1]])
    take_snapshot(page, "Trois mois", "fr")
    plan_action(page, ESSENTIAL[1], who="Émilie", due=LATER.isoformat(), note="Ligne 1\nLigne 2")
    expect_plan(page, [ESSENTIAL[1]])
    before = saved(page)
    assert (
        before is not None and before["organization"] == "Ville de Québec" and len(before["snapshots"]) == 2
    )
    with page.expect_download() as download_info:
        page.get_by_role("button", name=strings["export"]).click()
    exported = tmp_path / "export.json"
    download_info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data.pop("checklist") == "readiness" and datetime.datetime.fromisoformat(data.pop("exported"))
    assert data == before

    page.get_by_role("button", name=strings["reset"]).click()
    page.locator("dialog").get_by_role("button", name=strings["reset_ok"]).click()
    expect_saved(page, stored_state())
    expect(page.get_by_label(strings["organization_label"])).to_have_value("")
    expect(page.locator(".js-checklist-compare")).to_be_hidden()
    expect_plan(page, [])

    page.locator(".js-checklist-file").set_input_files(str(exported))
    expect(page.locator(".js-checklist-message")).to_have_text(fill(strings["done_import"], count=2))
    expect_saved(page, before)
    expect_ticked(page, [ESSENTIAL[0], OPTIONAL[1]])
    expect(page.get_by_label(strings["organization_label"])).to_have_value("Ville de Québec")
    expect(page.locator(".js-checklist-snapshot-list > li")).to_have_count(2)
    open_action(page, ESSENTIAL[1])
    expect(field(page, ESSENTIAL[1], "note")).to_have_value("Ligne 1\nLigne 2")
    expect_plan(page, [ESSENTIAL[1]])


def test_an_older_export_imports_and_keeps_what_it_lacks(
    checklist_page: tuple[Page, Traffic], site_url: str, tmp_path: Path
) -> None:
    """A version 2 file (answers and actions): imported; the reader's snapshots and
    organization, which it cannot hold, stay."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "en"))
    page.get_by_label(STRINGS["en"]["organization_label"]).fill("Ville")
    take_snapshot(page, "Mine", "en")
    action = {"who": "Léa", "due": "", "note": ""}
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "checklist": "readiness",
                "version": 2,
                "answers": {OPTIONAL[0]: True},
                "actions": {ESSENTIAL[0]: action},
            }
        ),
        encoding="utf-8",
    )
    page.locator(".js-checklist-file").set_input_files(str(old))
    expect(page.locator(".js-checklist-message")).to_have_text(fill(STRINGS["en"]["done_import"], count=1))
    snapshot = {"name": "Mine", "taken": TODAY.isoformat(), "answers": {}}
    expect_saved(
        page,
        stored_state(
            answers={OPTIONAL[0]: True},
            actions={ESSENTIAL[0]: action},
            snapshots=[snapshot],
            organization="Ville",
        ),
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_organization_is_printed_with_the_date(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """The organization's name, saved, heads the plan and, printed, the checklist, each with
    the day's date; printed, neither its field nor the snapshots' controls show; axe finds
    nothing."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    printed = page.locator(".mdx-checklist > .js-checklist-printed")
    expect(printed).to_be_hidden()
    page.get_by_label(strings["organization_label"]).fill("Ville de Québec")
    expect(page.locator(".js-checklist-plan .js-checklist-org-name")).to_have_text("Ville de Québec")
    expect(page.locator(".js-checklist-plan-date")).to_have_text(
        fill(strings["plan_date"], date=TODAY.isoformat())
    )
    expect_saved(page, stored_state(organization="Ville de Québec"))
    take_snapshot(page, "Un", lang)

    page.emulate_media(media="print")
    expect(page.locator(".mdx-checklist > .js-checklist-org-name")).to_have_text("Ville de Québec")
    expect(page.locator(".mdx-checklist > .js-checklist-org-name")).to_be_visible()
    expect(printed).to_have_text(fill(strings["answers_date"], date=TODAY.isoformat()))
    expect(printed).to_be_visible()
    expect(page.get_by_label(strings["organization_label"])).to_be_hidden()
    expect(page.locator(".mdx-checklist__snapshots")).to_be_hidden()
    expect(
        page.locator(".mdx-checklist select:visible, .mdx-checklist input[type='text']:visible")
    ).to_have_count(0)
    assert axe_violations(page) == []
    reload_checklist(page)
    expect(page.get_by_label(strings["organization_label"])).to_have_value("Ville de Québec")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_snapshots_have_no_accessibility_violation(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """axe-core finds nothing with no snapshot, two snapshots compared, the delete dialog
    open, and in dark mode; every control has its label."""
    page, _ = checklist_page
    strings = STRINGS[lang]
    open_checklist(page, checklist_url(site_url, lang))
    found = [f"no snapshot: {line}" for line in axe_violations(page)]
    take_snapshot(page, "Un", lang)
    tick(page, ESSENTIAL[:2])
    take_snapshot(page, "Deux", lang)
    expect(page.locator(".js-checklist-compare-sections > li")).to_have_count(1)
    found += [f"compared: {line}" for line in axe_violations(page)]
    page.emulate_media(color_scheme="dark")
    found += [f"compared, dark: {line}" for line in axe_violations(page)]
    page.get_by_role("button", name=fill(strings["snapshot_delete"], name="Un")).click()
    expect(page.locator("dialog")).to_be_visible()
    found += [f"delete dialog: {line}" for line in axe_violations(page)]
    assert found == []
    for name in ("snapshot_name", "compare_from", "compare_to", "organization_label"):
        assert page.get_by_label(strings[name], exact=True).count() == 1, name


# --- The share link with the plan (README, "Share link") ------------------------------------------------


def share_link(page: Page, lang: str) -> str:
    """Press "Create a share link" and read the link it shows."""
    page.get_by_role("button", name=STRINGS[lang]["share"]).click()
    link_field = page.get_by_label(STRINGS[lang]["share_label"])
    expect(link_field).to_have_value(re.compile("#readiness-share=2,"))
    return link_field.input_value()


@ALSO_IN_FIREFOX
def test_share_link_carries_the_plan_to_a_fresh_browser(
    browser: Browser, checklist_page: tuple[Page, Traffic], site_url: str
) -> None:
    """A link made in one browser opens in another with the answers and each action's who and
    date (the notes stay out, as the field's label says); plain ASCII, short enough for an email."""
    page, _ = checklist_page
    open_checklist(page, checklist_url(site_url, "fr"))
    tick(page, [OPTIONAL[1]])
    actions = fill_three_actions(page)
    page.wait_for_function(
        "([key, n]) => Object.keys((JSON.parse(localStorage.getItem(key)) || {}).actions || {}).length === n",
        arg=[KEY, 3],
    )
    link = share_link(page, "fr")
    assert re.fullmatch(r"[!-~]+", link) and len(link) < 2000, link
    assert "%C3%89milie+B%C3%A9rub%C3%A9" in link  # « Émilie Bérubé », percent-encoded
    without_notes = {
        name: {**action, "note": ""} for name, action in actions.items() if action["who"] or action["due"]
    }

    colleague = browser.new_context()
    try:
        other = colleague.new_page()
        traffic = record_traffic(other, site_url.rstrip("/"))
        open_checklist(other, link)
        expect(other.locator(".js-checklist-message")).to_have_text(
            fill(STRINGS["fr"]["done_share_loaded"], count=1)
        )
        expect_saved(
            other,
            {
                "version": 3,
                "organization": "",
                "answers": {OPTIONAL[1]: True},
                "actions": without_notes,
                "snapshots": [],
            },
        )
        assert ticked(other) == [OPTIONAL[1]]
        expect_plan(other, [ESSENTIAL[0], ESSENTIAL[1]])
        expect(field(other, ESSENTIAL[0], "who")).to_have_value("Émilie Bérubé")
        expect(field(other, ESSENTIAL[0], "due")).to_have_value(YESTERDAY.isoformat())
        expect(field(other, ESSENTIAL[0], "note")).to_have_value("")
        assert "#" not in other.url

        # Opened again over the same answers and actions: nothing to ask.
        other.goto("about:blank")
        open_checklist(other, link)
        expect(other.locator(".js-checklist-message")).to_have_text(
            fill(STRINGS["fr"]["done_share_loaded"], count=1)
        )
        expect(other.locator("dialog.js-checklist-dialog")).to_be_hidden()

        # Actions but no answer saved here: still a question before they are replaced.
        other.evaluate(
            "([key, value]) => localStorage.setItem(key, value)",
            [
                KEY,
                json.dumps(
                    {
                        "version": 2,
                        "answers": {},
                        "actions": {OPTIONAL[2]: {"who": "Moi", "due": "", "note": ""}},
                    }
                ),
            ],
        )
        other.goto("about:blank")
        open_checklist(other, link)
        dialog = other.locator("dialog.js-checklist-dialog")
        dialog.get_by_role("button", name=STRINGS["fr"]["keep_mine"]).click()
        expect(other.locator(".js-checklist-message")).to_have_text(STRINGS["fr"]["done_share_kept"])
        expect_saved(  # the reader's own, kept (in today's format)
            other,
            {
                "version": 3,
                "organization": "",
                "answers": {},
                "actions": {OPTIONAL[2]: {"who": "Moi", "due": "", "note": ""}},
                "snapshots": [],
            },
        )
        traffic.assert_clean()
    finally:
        colleague.close()
    assert STRINGS["fr"]["share_label"].endswith("(sans les notes)")


def tampered_links(link: str) -> dict[str, str]:
    """The link cut short, with a character changed, with a field added, and from a newer format."""
    body = link.index("#readiness-share=") + len("#readiness-share=")
    middle = (body + len(link)) // 2
    changed = link[:middle] + ("0" if link[middle] != "0" else "1") + link[middle + 1 :]
    return {
        "cut short": link[: len(link) - 30],
        "cut at the check": link[: link.rindex(",")],
        "one character changed": changed,
        "a field added": link.replace("share=2,", "share=2,,", 1),
        "another version": link.replace("share=2,", "share=3,", 1),
        "broken encoding": link.replace("%C3%89", "%C3%", 1),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tampered_share_link_leaves_good_data_untouched(
    checklist_page: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """A share link cut short or altered replaces nothing, asks nothing, and says why plainly;
    the answers and actions saved here stay as they were."""
    page, _ = checklist_page
    url = checklist_url(site_url, lang)
    open_checklist(page, url)
    tick(page, [ESSENTIAL[2]])
    actions = fill_three_actions(page)
    mine = {
        "version": 3,
        "organization": "",
        "answers": {ESSENTIAL[2]: True},
        "actions": actions,
        "snapshots": [],
    }
    expect_saved(page, mine)
    link = share_link(page, lang)
    for shape, bad in tampered_links(link).items():
        page.goto("about:blank")
        open_checklist(page, bad)
        expect(page.locator(".js-checklist-message"), shape).to_have_text(STRINGS[lang]["error_share"])
        expect(page.locator("dialog.js-checklist-dialog")).to_be_hidden()
        assert saved(page) == mine, shape
        assert ticked(page) == [ESSENTIAL[2]], shape
        expect(field(page, ESSENTIAL[0], "note")).to_have_value("Ligne 1\nLigne 2")
        assert "#" not in page.url, shape
