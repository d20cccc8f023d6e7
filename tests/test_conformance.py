"""The conformance table (docs/data/conformance.yml): every WCAG 2.2 success criterion of
levels A and AA, each test it names present in the suite, a clear error for a bad entry,
and the accessibility statement that shows it, linked from every page's footer."""

from __future__ import annotations

import ast
import logging
import posixpath
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from mkdocs.exceptions import Abort, PluginError
from playwright.sync_api import Browser, expect

from checks.pages import built_pages
from conformance import (
    DATA_FILE,
    LABEL_KEYS,
    MARKER,
    STATUSES,
    ConformanceError,
    insert_conformance,
    load_conformance,
    parse_conformance,
    render_conformance,
    summary,
)
from conformance_hook import load_cached
from conftest import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    ROOT,
    BuiltSite,
    build_site,
    copied_from_sources,
    french_typography_problems,
    page_path,
    site_strings,
    us_spellings,
    wait_for_material,
)
from data_files import DataFileError, parse_data

LABEL = "docs/data/conformance.yml"
REAL = load_conformance(ROOT / "docs" / DATA_FILE, LABEL)
TEXT = site_strings().component("conformance", LABEL_KEYS)
STATEMENT = "accessibilite"

# WCAG 2.2, W3C Recommendation (https://www.w3.org/TR/WCAG22/, version of 12 December 2024):
# every success criterion of levels A and AA, in its order. 4.1.1 Parsing was removed
# from WCAG 2.2 and is not here.
WCAG22_A_AA = {
    "1.1.1": "A", "1.2.1": "A", "1.2.2": "A", "1.2.3": "A", "1.2.4": "AA", "1.2.5": "AA",
    "1.3.1": "A", "1.3.2": "A", "1.3.3": "A", "1.3.4": "AA", "1.3.5": "AA",
    "1.4.1": "A", "1.4.2": "A", "1.4.3": "AA", "1.4.4": "AA", "1.4.5": "AA", "1.4.10": "AA",
    "1.4.11": "AA", "1.4.12": "AA", "1.4.13": "AA",
    "2.1.1": "A", "2.1.2": "A", "2.1.4": "A",
    "2.2.1": "A", "2.2.2": "A",
    "2.3.1": "A",
    "2.4.1": "A", "2.4.2": "A", "2.4.3": "A", "2.4.4": "A", "2.4.5": "AA", "2.4.6": "AA",
    "2.4.7": "AA", "2.4.11": "AA",
    "2.5.1": "A", "2.5.2": "A", "2.5.3": "A", "2.5.4": "A", "2.5.7": "AA", "2.5.8": "AA",
    "3.1.1": "A", "3.1.2": "AA",
    "3.2.1": "A", "3.2.2": "A", "3.2.3": "AA", "3.2.4": "AA", "3.2.6": "A",
    "3.3.1": "A", "3.3.2": "A", "3.3.3": "AA", "3.3.4": "AA", "3.3.7": "A", "3.3.8": "AA",
    "4.1.2": "A", "4.1.3": "AA",
}  # fmt: skip


# --- The real table -------------------------------------------------------------------


def test_every_a_and_aa_criterion_is_listed_once_at_its_level() -> None:
    assert len(WCAG22_A_AA) == 55
    assert {c.id: c.level for c in REAL.criteria} == WCAG22_A_AA
    assert [c.id for c in REAL.criteria] == list(WCAG22_A_AA)
    assert "4.1.1" not in {c.id for c in REAL.criteria}


def _suite_tests() -> set[str]:
    """Every test function of the suite, as file::function."""
    found = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found |= {f"{path.name}::{node.name}" for node in tree.body if isinstance(node, ast.FunctionDef)}
    return found


def test_every_test_the_table_names_is_in_the_suite() -> None:
    named = {test: c.id for c in REAL.criteria for test in c.tests}
    missing = sorted(
        f"{criterion}: {test}" for test, criterion in named.items() if test not in _suite_tests()
    )
    assert named and missing == [], f"{LABEL} names tests the suite does not have: {missing}"


def test_a_renamed_test_is_caught() -> None:
    assert "test_accessibility.py::test_every_page_has_no_accessibility_violation" in _suite_tests()
    assert "test_accessibility.py::test_every_page_is_accessible" not in _suite_tests()


def test_each_limitation_says_so_in_both_languages() -> None:
    """A criterion met in part names its known limitation; an unmet one says what is missing."""
    for criterion in REAL.criteria:
        if criterion.status == "partial":
            assert "Limite connue" in criterion.how["fr"], criterion.id
            assert "Known limitation" in criterion.how["en"], criterion.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_texts_follow_the_house_style(lang: str) -> None:
    """French typography in French, Canadian spelling in English (W3C's own names, such as
    "Use of Color", stay as published), no sentence from the sources."""
    problems = []
    for criterion in REAL.criteria:
        for text in (criterion.name[lang], criterion.how[lang]):
            if lang == "fr":
                found = french_typography_problems(text)
            else:
                found = us_spellings(text) if text == criterion.how[lang] else []
            problems += [f"{criterion.id}: {problem}" for problem in found + copied_from_sources(text)]
    assert problems == [], f"{LABEL} ({lang}): " + "; ".join(problems)


# --- Checks on a bad entry ------------------------------------------------------------

GOOD_ENTRY = """\
  - id: 1.1.1
    level: A
    status: met
    name: {fr: Contenu non textuel, en: Non-text Content}
    how: {fr: Chaque image a un texte., en: Every image has a text.}
    tests:
      - test_accessibility.py::test_missing_alt_text_is_reported
"""


def _parse(entries: str) -> object:
    return parse_conformance(parse_data(f"reviewed: 2026-12-05\ncriteria:\n{entries}", LABEL))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("status: met", "status: done"), r"line 5, criterion '1\.1\.1': the status 'done' is not one of"),
        (("level: A", "level: AAA"), r"line 4, criterion '1\.1\.1': the level 'AAA' is not one of"),
        (("id: 1.1.1", "id: one"), r"line 3, criterion 'one': the id 'one' is not a WCAG number"),
        (("    tests:", "    test:"), r"line 8, criterion '1\.1\.1': unknown key 'test'"),
        (
            ("en: Every image has a text.", "english: x"),
            r"line 7, criterion '1\.1\.1': the explanation has an",
        ),
        (
            ("test_accessibility.py::", "test_accessibility.py:"),
            r"line 9, criterion '1\.1\.1': the test .* file::",
        ),
    ],
)
def test_a_bad_entry_is_named_with_its_line(change: tuple[str, str], message: str) -> None:
    with pytest.raises(DataFileError, match=rf"^docs/data/conformance\.yml, {message}"):
        _parse(GOOD_ENTRY.replace(*change))


def test_a_criterion_given_twice_or_out_of_order_is_refused() -> None:
    with pytest.raises(DataFileError, match=r"line 10, criterion '1\.1\.1': is given twice"):
        _parse(GOOD_ENTRY + GOOD_ENTRY)
    later = GOOD_ENTRY.replace("id: 1.1.1", "id: 1.4.10")
    with pytest.raises(DataFileError, match=r"line 10, criterion '1\.1\.1': is out of order"):
        _parse(later + GOOD_ENTRY)


def test_a_missing_review_date_is_refused() -> None:
    with pytest.raises(DataFileError, match=r"missing 'reviewed'"):
        parse_conformance(parse_data(f"criteria:\n{GOOD_ENTRY}", LABEL))


def test_hook_turns_errors_into_plugin_errors(tmp_path: Path) -> None:
    path = tmp_path / "conformance.yml"
    path.write_text(f"reviewed: 2026-12-05\ncriteria:\n{GOOD_ENTRY.replace('status: met', 'status: ok')}")
    with pytest.raises(PluginError, match=r"^docs/data/conformance\.yml, line 5, criterion '1\.1\.1'"):
        load_cached(path, LABEL)


# --- Rendering and the marker ---------------------------------------------------------


def test_render_escapes_the_data_and_counts_each_status() -> None:
    table = _parse(GOOD_ENTRY.replace("Every image has a text.", "Every <img> has a text."))
    html = render_conformance(table, "en", TEXT["en"])  # type: ignore[arg-type]
    assert "Every &lt;img&gt; has a text." in html and "<img>" not in html
    assert '<tr id="sc-1-1-1"' in html and "<code>test_missing_alt_text_is_reported</code>" in html
    assert "\n\n" not in html and "\n " not in html
    assert summary(table, TEXT["en"]) == (  # type: ignore[arg-type]
        "Of 1 criteria: met, 1; partially met, 0; not met, 0; not applicable, 0."
    )


def test_the_table_has_a_word_for_every_status_in_both_languages() -> None:
    """The strings file gives the table every word it shows, in French and in English."""
    assert set(TEXT) == set(LANGUAGES)
    for lang in LANGUAGES:
        assert set(STATUSES) <= TEXT[lang].keys()


def test_marker_is_replaced_at_column_zero_between_blank_lines() -> None:
    out = insert_conformance(f"Intro.\n\n{MARKER}\n\nEnd.\n", "<table></table>", "docs/x.md")
    assert out == "Intro.\n\n\n<table></table>\n\n\nEnd.\n"
    assert insert_conformance("No marker.\n", "<table></table>", "docs/x.md") == "No marker.\n"


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("a\n<!-- conformance: table -->\n", r"line 2: unknown marker"),
        (f"a\nSee {MARKER}\n", r"line 2: put <!-- conformance --> alone"),
        (f"{MARKER}\n\n{MARKER}\n", r"line 3: <!-- conformance --> appears more than once"),
    ],
)
def test_a_marker_not_written_exactly_names_the_page_and_line(markdown: str, problem: str) -> None:
    with pytest.raises(ConformanceError, match=rf"^docs/x\.md, {problem}"):
        insert_conformance(markdown, Markup("<table></table>"), "docs/x.md")


def test_build_stops_on_a_bad_table(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    data = docs / DATA_FILE
    lines = data.read_text(encoding="utf-8").splitlines()
    line = lines.index("  - id: 2.1.4") + 3  # its status, two lines below its id
    assert lines[line - 1].startswith("    status: ")
    lines[line - 1] = "    status: failed"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(tmp_path / "site", docs_dir=str(docs))
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(f"conformance.yml, line {line}, criterion '2.1.4': the status 'failed'" in e for e in errors)


# --- The built statement and the footer link ------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_statement_shows_every_criterion(built_site: BuiltSite, lang: str) -> None:
    soup = BeautifulSoup(built_site.page(lang, STATEMENT).read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("article table.mdx-conformance > tbody > tr")
    assert [row["id"] for row in rows] == [f"sc-{c.id.replace('.', '-')}" for c in REAL.criteria]
    assert soup.select_one(".mdx-conformance__summary").get_text() == summary(REAL, TEXT[lang])
    assert "<!-- conformance -->" not in str(soup)


def test_every_page_links_to_the_statement_in_its_language(built_site: BuiltSite) -> None:
    """Every page's footer (the 404 pages too) leads to the statement in the page's language."""
    pages = built_pages(built_site.path)
    assert len(pages) > 2 * len(LANGUAGES)
    for page in pages:
        lang, path = page.language, page.path
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = soup.select("footer .mdx-brand__accessibility a[href]")
        assert len(links) == 1, f"{path}: no link to the accessibility statement in the footer"
        href = str(links[0]["href"])
        if href.startswith("/./"):  # the 404 page's addresses start at the site's root
            target = built_site.path / href[3:]
        else:
            target = Path(posixpath.normpath((path.parent / href).as_posix()))
        assert target / "index.html" == built_site.page(lang, STATEMENT), f"{path}: {href}"
        assert soup.html and soup.html.get("lang", "").startswith(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_table_fits_a_phone_without_scrolling_sideways(
    browser: Browser, site_url: str, lang: str
) -> None:
    """At 320 px the table takes the text's width: no box to scroll, which a keyboard cannot reach."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        page.goto(f"{site_url}{prefix}{page_path(STATEMENT, lang)}")
        wait_for_material(page)
        expect(page.locator("table.mdx-conformance > tbody > tr")).to_have_count(len(REAL.criteria))
        expect(page.locator(".md-typeset__scrollwrap table.mdx-conformance")).to_have_count(0)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        box = page.locator("table.mdx-conformance").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    finally:
        context.close()


def test_the_table_is_written_whole_in_the_page_language() -> None:
    """Every word in its cell, every criterion in its row, in the file's order (found by
    mutation testing: the table was checked in parts)."""
    words = {
        "caption": "The caption",
        "criterion": "Criterion",
        "status": "State",
        "how": "How",
        "tests": "Tested by:",
        "met": "Met",
        "partial": "Partly",
        "not-applicable": "N/A",
        "not-met": "Not met",
        "level": "level",
        "summary": "{total} in all: {met} met, {partial} partly, {not-met} not met, {not-applicable} n/a.",
    }
    entries = GOOD_ENTRY.replace(
        "      - test_accessibility.py::test_missing_alt_text_is_reported\n",
        "      - test_accessibility.py::test_missing_alt_text_is_reported\n      - test_keyboard.py::test_focus\n",
    )
    entries += (
        "  - id: 1.4.3\n    level: AA\n    status: partial\n"
        "    name: {fr: Contraste, en: Contrast (Minimum)}\n    how: {fr: Presque., en: Almost.}\n"
    )
    html = render_conformance(_parse(entries), "en", words)  # type: ignore[arg-type]
    assert html == (
        '<p class="mdx-conformance__summary">2 in all: 1 met, 1 partly, 0 not met, 0 n/a.</p>\n'
        '<table class="mdx-conformance"><caption>The caption</caption><thead><tr>'
        '<th scope="col">Criterion</th><th scope="col">State</th><th scope="col">How</th></tr></thead><tbody>'
        '<tr id="sc-1-1-1" class="mdx-conformance--met"><th scope="row">1.1.1 Non-text Content '
        "<small>(level A)</small></th><td>Met</td><td>Every image has a text.<br>"
        '<span class="mdx-conformance__tests">Tested by: <code>test_missing_alt_text_is_reported</code>, '
        "<code>test_focus</code></span></td></tr>"
        '<tr id="sc-1-4-3" class="mdx-conformance--partial"><th scope="row">1.4.3 Contrast (Minimum) '
        "<small>(level AA)</small></th><td>Partly</td><td>Almost.</td></tr>"
        "</tbody></table>"
    )
    assert "Contraste" in render_conformance(_parse(entries), "fr", words)  # type: ignore[arg-type]


def test_a_marker_not_written_exactly_names_its_line_in_the_file() -> None:
    """The line counts from where the Markdown starts in the file (after the front matter)."""
    with pytest.raises(DataFileError, match=r"^docs/x\.md, line 6: put "):
        insert_conformance(f"Intro.\nText {MARKER}\n", "<table></table>", "docs/x.md", first_line=5)


_NAME = "name: {fr: Contenu non textuel, en: Non-text Content}"
_HOW = "how: {fr: Chaque image a un texte., en: Every image has a text.}"
_ID_FIRST = "  - id: 1.1.1\n    level: A\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n", "line 1: the file must hold 'reviewed:' and 'criteria:'"),
        (
            f"criteria:\n{GOOD_ENTRY}reviewed: soon\n",
            "line 9: the review date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is 'soon'",
        ),
        (
            "reviewed: 2026-12-05\ncriteria: []\n",
            "line 2: 'criteria:' must be a list of criteria, one '- id:' each",
        ),
        (
            "reviewed: 2026-12-05\ncriteria: 3\n",
            "line 2: 'criteria:' must be a list of criteria, one '- id:' each",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n  - just text\n",
            "line 3: each criterion must be a set of 'key: value' lines starting with '- id:'",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n"
            + GOOD_ENTRY
            + GOOD_ENTRY.replace(_ID_FIRST, "  - level: A\n"),
            "line 10, criterion 'number 2': missing 'id'",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n"
            + GOOD_ENTRY.replace(_ID_FIRST, "  - level: A\n    id: one\n"),
            "line 4, criterion 'one': the id 'one' is not a WCAG number such as 1.4.3",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n" + GOOD_ENTRY.split("    tests:")[0] + "    tests: []\n",
            "line 8, criterion '1.1.1': 'tests:' must list one or more tests; leave it out when none",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n" + GOOD_ENTRY.split("    tests:")[0] + "    tests: x\n",
            "line 8, criterion '1.1.1': 'tests:' must list one or more tests; leave it out when none",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n" + GOOD_ENTRY.replace(_NAME, "name: Contenu"),
            "line 6, criterion '1.1.1': the name must be one line per language (fr, en)",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n" + GOOD_ENTRY.replace(_HOW, "how: Texte"),
            "line 7, criterion '1.1.1': the explanation must be one line per language (fr, en)",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n"
            + GOOD_ENTRY.replace(_NAME, "name:\n      fr: Contenu\n      en: ''"),
            "line 8, criterion '1.1.1': the English name must be some text, and it is empty or not text",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n" + GOOD_ENTRY.replace("status: met", "status: done"),
            "line 5, criterion '1.1.1': the status 'done' is not one of: met, partial, not-applicable, not-met",
        ),
        (
            "reviewed: 2026-12-05\ncriteria:\n"
            + GOOD_ENTRY.replace("test_accessibility.py::", "test_accessibility.py:"),
            "line 9, criterion '1.1.1': the test 'test_accessibility.py:test_missing_alt_text_is_reported' "
            "must be written file::function, such as "
            "test_accessibility.py::test_every_page_has_no_accessibility_violation",
        ),
    ],
)
def test_each_problem_is_named_whole_with_the_line_of_its_key(text: str, message: str) -> None:
    """Found by mutation testing: the messages were checked in part, some lines not at all."""
    with pytest.raises(DataFileError) as caught:
        parse_conformance(parse_data(text, LABEL))
    assert str(caught.value) == f"{LABEL}, {message}"


def test_a_criterion_out_of_order_is_named_whole_with_the_file() -> None:
    later = GOOD_ENTRY.replace("id: 1.1.1", "id: 1.4.10")
    with pytest.raises(DataFileError) as caught:
        _parse(later + GOOD_ENTRY)
    assert str(caught.value) == (
        f"{LABEL}, line 10, criterion '1.1.1': is out of order; list the criteria once each, in WCAG's order"
    )


def test_the_review_date_is_read() -> None:
    conformance = parse_conformance(parse_data(f"reviewed: 2026-12-05\ncriteria:\n{GOOD_ENTRY}", LABEL))
    assert conformance.reviewed == date(2026, 12, 5)
