"""The checklist's pure functions (hooks/checklist.py): loading, validation, links,
markers and rendering; golden HTML files; and the build stopping on bad data.

Golden files: tests/golden/checklist/<case>.yml rendered in each language must equal
<case>.<lang>.html beside it. `make goldens` rewrites them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from unittest import mock

import jinja2
import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import (
    CONFIG_FILE,
    LANGUAGES,
    ROOT,
    BuiltSite,
    Golden,
    build_site,
    checklist_strings,
    copied_from_sources,
    french_typography_problems,
    page_path,
    us_spellings,
)

sys.path.insert(0, str(ROOT / "hooks"))
import checklist as cl
from data_files import DataFileError

DATA_DIR = ROOT / "docs" / "data" / "checklists"
GOLDEN_DIR = Path(__file__).parent / "golden" / "checklist"
HOOK_MODULE = "hooks/checklist_hook.py"
READINESS_SECTIONS = [
    "objectives",
    "owner",
    "listening",
    "plan",
    "budget",
    "security",
    "reputation",
    "staff",
    "rules",
]

VALID = """\
id: demo
schema_version: 1
sections:
  - id: first
    title:
      fr: Premier
      en: First
    items:
      - id: one
        label:
          fr: Un
          en: One
        action:
          fr: Faire un
          en: Do one
        help:
          fr: Aide
          en: Help
        link: plan.md#budget
        weight: 2
        essential: true
      - id: two
        label:
          fr: Deux
          en: Two
        action:
          fr: Faire deux
          en: Do two
        link: https://example.org/two
        weight: 1
        essential: false
levels:
  - id: high
    title: {fr: Haut, en: High}
    recommendation: {fr: Allez-y., en: Go.}
    min_score: 80
    requires_essentials: true
  - id: middle
    title: {fr: Moyen, en: Middle}
    recommendation: {fr: Un événement., en: One event.}
    min_score: 40
    requires_essentials: false
  - id: low
    title: {fr: Bas, en: Low}
    recommendation: {fr: Pas encore., en: Not yet.}
    min_score: 0
    requires_essentials: false
"""
ANCHORS = {"plan.md": {"fr": {"budget": "Le budget"}, "en": {"budget": "The budget"}}}


def _load(tmp_path: Path, text: str, name: str = "demo.yml") -> cl.Checklist:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return cl.load_checklist(path, f"data/{name}")


def _edit(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _line_of(needle: str, text: str = VALID) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- A valid file ------------------------------------------------------------------------


def test_valid_file_loads_into_typed_values(tmp_path: Path) -> None:
    """A correct file gives a Checklist of Sections of Items, texts in both languages."""
    checklist = _load(tmp_path, VALID)
    assert checklist.id == "demo"
    assert [s.id for s in checklist.sections] == ["first"]
    one, two = checklist.items
    assert (one.id, one.weight, one.essential, one.link) == ("one", 2, True, "plan.md#budget")
    assert one.label["fr"] == "Un" and one.help is not None and one.help["en"] == "Help"
    assert (one.action["fr"], two.action["en"]) == ("Faire un", "Do two")
    assert two.help is None and two.formerly == ()
    assert [level.id for level in checklist.levels] == ["high", "middle", "low"]


def test_item_remembers_its_line(tmp_path: Path) -> None:
    """Each item knows the line it starts on, for later error messages."""
    checklist = _load(tmp_path, VALID)
    assert checklist.items[1].line == _line_of("- id: two")


# --- One test per kind of bad input ---------------------------------------------------------


def test_unknown_key_is_refused(tmp_path: Path) -> None:
    """A misspelt or unknown key names the item, the key and its line."""
    text = _edit("        weight: 2\n", "        weight: 2\n        colour: red\n")
    line = _line_of("colour", text)
    with pytest.raises(DataFileError, match=rf"data/demo.yml, line {line}, item 'one': unknown key 'colour'"):
        _load(tmp_path, text)


def test_missing_key_is_refused(tmp_path: Path) -> None:
    """An item without a required key (here weight) says which key is missing."""
    with pytest.raises(DataFileError, match=r"item 'one': missing 'weight'"):
        _load(tmp_path, _edit("        weight: 2\n", ""))


def test_duplicate_item_id_is_refused(tmp_path: Path) -> None:
    """Two items with the same id: the second one is named, with its line."""
    text = _edit("- id: two", "- id: one")
    line = text[: text.rindex("- id: one")].count("\n") + 1
    with pytest.raises(
        DataFileError, match=rf"line {line}, item 'one': the id 'one' is already used by item 'one'"
    ):
        _load(tmp_path, text)


def test_duplicate_section_id_is_refused(tmp_path: Path) -> None:
    """Two sections with the same id are refused."""
    section = VALID[VALID.index("  - id: first") : VALID.index("levels:")]
    second = section.replace("id: one", "id: three").replace("id: two", "id: four")
    with pytest.raises(
        DataFileError,
        match=r"section 'first': the section id 'first' is already used by section 'first' \(line 4\)",
    ):
        _load(tmp_path, VALID.replace("levels:", second + "levels:", 1))


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    """A key written twice in one entry (YAML would keep the last silently) is an error."""
    text = _edit("        weight: 2\n", "        weight: 2\n        weight: 3\n")
    with pytest.raises(
        DataFileError, match=rf"line {_line_of('weight: 3', text)}: the key 'weight' is given twice"
    ):
        _load(tmp_path, text)


def test_missing_french_label_is_refused(tmp_path: Path) -> None:
    """A label without its French version names the language and the key to add."""
    with pytest.raises(
        DataFileError, match=r"line 10, item 'one': missing French label: add a line 'fr:' under it"
    ):
        _load(tmp_path, _edit("          fr: Un\n", ""))


def test_missing_english_help_is_refused(tmp_path: Path) -> None:
    """Help text in one language only is a missing translation."""
    with pytest.raises(
        DataFileError, match=rf"line {_line_of('        help:')}, item 'one': missing English help"
    ):
        _load(tmp_path, _edit("          en: Help\n", ""))


def test_missing_action_is_refused(tmp_path: Path) -> None:
    """An item without its action (the gap as a to-do) names the file, the item's line and the item."""
    text = _edit("        action:\n          fr: Faire un\n          en: Do one\n", "")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('- id: one', text)}, item 'one': missing 'action'$",
    ):
        _load(tmp_path, text)


def test_missing_english_action_is_refused(tmp_path: Path) -> None:
    """An action in French only is a missing translation, reported on the action's line."""
    text = _edit("          en: Do two\n", "")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('fr: Faire deux', text) - 1}, item 'two': "
        "missing English action: add a line 'en:' under it$",
    ):
        _load(tmp_path, text)


def test_empty_label_is_refused(tmp_path: Path) -> None:
    """A blank label is as bad as a missing one."""
    with pytest.raises(DataFileError, match=r"item 'two': the English label must be some text"):
        _load(tmp_path, _edit("          en: Two\n", "          en: '  '\n"))


@pytest.mark.parametrize("weight", ["0", "4", "'2'", "true", "1.5"])
def test_weight_out_of_range_is_refused(tmp_path: Path, weight: str) -> None:
    """Weights are whole numbers from 1 to 3."""
    with pytest.raises(DataFileError, match=r"item 'one': weight must be a whole number from 1 to 3"):
        _load(tmp_path, _edit("weight: 2", f"weight: {weight}"))


def test_essential_must_be_true_or_false(tmp_path: Path) -> None:
    """`essential: maybe` is refused."""
    with pytest.raises(DataFileError, match=r"item 'one': essential must be true or false, not 'maybe'"):
        _load(tmp_path, _edit("essential: true", "essential: maybe"))


def test_bad_item_id_is_refused(tmp_path: Path) -> None:
    """Ids are lowercase words joined by hyphens."""
    with pytest.raises(DataFileError, match=r"the item id 'One Two' is not valid; use lowercase letters"):
        _load(tmp_path, _edit("- id: one", "- id: One Two"))


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_unsafe_link_scheme_is_refused(tmp_path: Path, link: str) -> None:
    """Only pages of the guide, http:, https: and mailto: links are allowed."""
    with pytest.raises(
        DataFileError, match=r"is not allowed: use a page of the guide, https:, http: or mailto:"
    ):
        _load(tmp_path, _edit("link: plan.md#budget", f"link: '{link}'"))


@pytest.mark.parametrize("link", ["../secret.md", "/plan.md", "plan.html", "plan.md#a b"])
def test_link_outside_the_guide_is_refused(tmp_path: Path, link: str) -> None:
    """A link must be a page of the guide, written as page.md#section."""
    with pytest.raises(DataFileError, match=r"must name a page of the guide"):
        _load(tmp_path, _edit("link: plan.md#budget", f"link: '{link}'"))


def test_link_to_missing_page_is_refused(tmp_path: Path) -> None:
    """A link to a page that does not exist names the missing file and the item."""
    checklist = _load(tmp_path, _edit("plan.md#budget", "nowhere.md#budget"))
    line = _line_of("- id: one")
    with pytest.raises(
        DataFileError, match=rf"line {line}, item 'one': .*the page docs/nowhere.fr.md does not exist"
    ):
        cl.check_links(checklist, ANCHORS)


def test_link_to_missing_anchor_is_refused(tmp_path: Path) -> None:
    """A link to a section id the page does not have lists the ids it does have."""
    checklist = _load(tmp_path, _edit("plan.md#budget", "plan.md#budjet"))
    with pytest.raises(
        DataFileError, match=r"docs/plan.fr.md has no section with the id 'budjet' \(ids there: budget\)"
    ):
        cl.check_links(checklist, ANCHORS)


def test_missing_anchor_message_names_the_item_and_lists_every_id(tmp_path: Path) -> None:
    """The whole message: file, line, item, and the page's ids sorted and comma-separated."""
    checklist = _load(tmp_path, _edit("plan.md#budget", "plan.md#budjet"))
    anchors = {"plan.md": {lang: {"tools": "T", "budget": "B"} for lang in LANGUAGES}}
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('- id: one')}, item 'one': link 'plan\.md#budjet': docs/plan\.fr\.md "
        r"has no section with the id 'budjet' \(ids there: budget, tools\)$",
    ):
        cl.check_links(checklist, anchors)


def test_missing_anchor_on_a_page_without_ids_says_none(tmp_path: Path) -> None:
    """A page with no section ids is said to have none."""
    checklist = _load(tmp_path, _edit("plan.md#budget", "plan.md#budjet"))
    with pytest.raises(DataFileError, match=r"\(ids there: none\)$"):
        cl.check_links(checklist, {"plan.md": {lang: {} for lang in LANGUAGES}})


def test_missing_page_message_names_the_file_and_item(tmp_path: Path) -> None:
    """The message starts with the data file, the item's line and the item."""
    checklist = _load(tmp_path, _edit("plan.md#budget", "nowhere.md#budget"))
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('- id: one')}, item 'one': link 'nowhere\.md#budget'",
    ):
        cl.check_links(checklist, ANCHORS)


def test_an_external_link_does_not_end_the_check(tmp_path: Path) -> None:
    """Items after one that links to another site are still checked."""
    text = _edit(
        "link: https://example.org/two",
        "link: nowhere.md",
        _edit("plan.md#budget", "https://example.org/one"),
    )
    with pytest.raises(
        DataFileError, match=r"item 'two': link 'nowhere\.md': the page docs/nowhere\.fr\.md does not exist"
    ):
        cl.check_links(_load(tmp_path, text), ANCHORS)


def test_link_title_falls_back_to_the_page() -> None:
    """A link without a section, to an unknown section or to an unknown page reads as its page."""
    assert cl.link_title("plan.md", "en", ANCHORS) == "plan.md"
    assert cl.link_title("plan.md#nowhere", "en", ANCHORS) == "plan.md"
    assert cl.link_title("other.md#budget", "en", ANCHORS) == "other.md"


def test_insert_checklists_leaves_a_marker_it_has_no_checklist_for() -> None:
    """A marker for a checklist not rendered here stays as written."""
    markdown = "<!-- checklist: readiness -->\n<!-- checklist: other -->\n"
    assert cl.insert_checklists(markdown, {"readiness": "<div>list</div>"}) == (
        "\n<div>list</div>\n\n<!-- checklist: other -->\n"
    )


def test_anchor_missing_in_one_language_is_refused(tmp_path: Path) -> None:
    """The section must exist in both languages."""
    anchors = {"plan.md": {"fr": {"budget": "Le budget"}, "en": {}}}
    with pytest.raises(DataFileError, match=r"docs/plan.en.md has no section with the id 'budget'"):
        cl.check_links(_load(tmp_path, VALID), anchors)


def test_invalid_yaml_gives_its_line(tmp_path: Path) -> None:
    """Broken YAML (bad indentation) is reported with its line, without a traceback."""
    text = _edit("        weight: 2\n", "        weight: 2\n      essential: [\n")
    with pytest.raises(DataFileError, match=r"data/demo.yml, line \d+: this is not valid YAML"):
        _load(tmp_path, text)


def test_file_name_must_match_id(tmp_path: Path) -> None:
    """The file readiness.yml holds the checklist 'readiness', so pages find it by name."""
    with pytest.raises(DataFileError, match=r"id 'demo' must match the file name \(other.yml\)"):
        _load(tmp_path, VALID, name="other.yml")


def test_unknown_schema_version_is_refused(tmp_path: Path) -> None:
    """A file written for another version of the format is refused."""
    with pytest.raises(DataFileError, match=r"schema_version must be 1, not 2"):
        _load(tmp_path, _edit("schema_version: 1", "schema_version: 2"))


def test_former_id_clashing_with_an_item_is_refused(tmp_path: Path) -> None:
    """An old id kept for a renamed item may not be another item's id."""
    text = _edit("        weight: 1\n", "        weight: 1\n        formerly: [one]\n")
    with pytest.raises(DataFileError, match=r"item 'two': the old id 'one' is already used by item 'one'"):
        _load(tmp_path, text)


def test_item_named_like_a_section_is_refused(tmp_path: Path) -> None:
    """An item with its section's id would give the page two elements 'demo-first'."""
    text = _edit("- id: two", "- id: first")
    with pytest.raises(
        DataFileError,
        match=rf"line {text[: text.rindex('- id: first')].count(chr(10)) + 1}, item 'first': "
        rf"the id 'first' is already used by section 'first' \(line {_line_of('- id: first')}\): both would "
        r"have the id 'demo-first' in the page",
    ):
        _load(tmp_path, text)


def test_section_named_like_an_earlier_item_is_refused(tmp_path: Path) -> None:
    """The clash is caught in either order: a second section named like an item of the first."""
    section = VALID[VALID.index("  - id: first") : VALID.index("levels:")]
    second = section.replace("- id: one", "- id: three").replace("- id: two", "- id: four")
    second = second.replace("  - id: first", "  - id: two")
    text = VALID.replace("levels:", second + "levels:", 1)
    with pytest.raises(
        DataFileError, match=r"section 'two': the section id 'two' is already used by item 'two'"
    ):
        _load(tmp_path, text)


@pytest.mark.parametrize("name", cl.TEMPLATE_NAMES)
def test_item_named_like_the_checklists_own_elements_is_refused(tmp_path: Path, name: str) -> None:
    """'demo-progress', 'demo-share-url' … belong to the checklist's own elements."""
    with pytest.raises(
        DataFileError, match=rf"item '{name}': the id '{name}' is already used by the checklist's own"
    ):
        _load(tmp_path, _edit("- id: two", f"- id: {name}"))


def test_item_named_like_another_items_help_is_refused(tmp_path: Path) -> None:
    """Item 'one' has its help at 'demo-one-hint': an item 'one-hint' would take that id."""
    with pytest.raises(
        DataFileError,
        match=r"item 'one-hint': the id 'one-hint' is already used by the help of item 'one'",
    ):
        _load(tmp_path, _edit("- id: two", "- id: one-hint"))


@pytest.mark.parametrize("suffix", ["-who", "-due", "-note"])
def test_item_named_like_another_items_action_field_is_refused(tmp_path: Path, suffix: str) -> None:
    """Item 'one' has its action's fields at 'demo-one-who', '-due', '-note'."""
    with pytest.raises(
        DataFileError,
        match=rf"item 'one{suffix}': the id 'one{suffix}' is already used by the .* of item 'one'",
    ):
        _load(tmp_path, _edit("- id: two", f"- id: one{suffix}"))


def test_item_named_like_its_checklist_root_is_refused(tmp_path: Path) -> None:
    """In a checklist named 'checklist', an item 'checklist' would share the root's id."""
    text = _edit("id: demo", "id: checklist").replace("- id: two", "- id: checklist")
    with pytest.raises(DataFileError, match=r"the id 'checklist' is already used by the checklist itself"):
        _load(tmp_path, text, name="checklist.yml")


def test_former_id_clashing_with_a_later_item_is_refused(tmp_path: Path) -> None:
    """An old id kept by the first item may not become a later item's id: saved answers would mix."""
    text = _edit("        essential: true\n", "        essential: true\n        formerly: [two]\n")
    with pytest.raises(
        DataFileError,
        match=r"item 'two': the id 'two' is already used by item 'one' \(line \d+\): readers' saved answers",
    ):
        _load(tmp_path, text)


def test_rendered_ids_are_unique_and_the_template_names_are_all_reserved() -> None:
    """Every id the template makes is an entry's, an item's help or a reserved name, each once:
    a new element in the template must add its name to TEMPLATE_NAMES."""
    for case in sorted(GOLDEN_DIR.glob("*.yml")):
        if case.name == "strings.yml":
            continue
        checklist = cl.load_checklist(case, case.name)
        strings = cl.load_strings(GOLDEN_DIR / "strings.yml", "strings.yml")
        for lang in LANGUAGES:
            html = cl.render_checklist(checklist, strings, lang, _links(checklist, lang))
            ids = re.findall(r'(?<![\w-])id="([^"]+)"', html)
            assert len(ids) == len(set(ids)), f"{case.name} ({lang}): an id appears twice"
            entries = {s.id for s in checklist.sections} | {i.id for i in checklist.items}
            entries |= {i.id + suffix for i in checklist.items for suffix in cl.ITEM_SUFFIXES}
            entries |= {s.id + cl.SECTION_TITLE_SUFFIX for s in checklist.sections}
            own = {
                i.removeprefix(f"{checklist.id}-") for i in ids if i != cl.ROOT_ID_PREFIX + checklist.id
            } - entries
            assert own <= set(cl.TEMPLATE_NAMES), f"ids not reserved in TEMPLATE_NAMES: {own}"


def test_too_few_levels_are_refused(tmp_path: Path) -> None:
    """At least three readiness levels."""
    text = VALID[: VALID.index("  - id: middle")] + VALID[VALID.index("  - id: low") :]
    with pytest.raises(DataFileError, match=r"levels must be a list of at least 3"):
        _load(tmp_path, text)


def test_last_level_must_catch_everything(tmp_path: Path) -> None:
    """The last level has min_score 0 and no essential requirement, so every reader gets a result."""
    text = VALID[: VALID.rindex("min_score: 0")] + "min_score: 10\n    requires_essentials: false\n"
    with pytest.raises(DataFileError, match=r"level 'low': the last level must catch every other case"):
        _load(tmp_path, text)


# Each level error names the file, the line of the key at fault and the level (found by
# mutation testing: the lines and names were not checked).
MIDDLE = _line_of("  - id: middle")


def test_bad_level_id_names_the_level_by_its_place(tmp_path: Path) -> None:
    """A level whose id is not valid is named by its number, on its line, with an example."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE}, level 2: the level id 'Middle' is not valid; .*owner-named\)$",
    ):
        _load(tmp_path, _edit("  - id: middle", "  - id: Middle"))


def test_repeated_level_id_is_refused_on_its_line(tmp_path: Path) -> None:
    """Two levels with one id: the second is named, on its id's line."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE}, level 'high': the level id 'high' is used twice$",
    ):
        _load(tmp_path, _edit("  - id: middle", "  - id: high"))


def test_level_title_that_is_not_text_names_its_line(tmp_path: Path) -> None:
    """A French title that is not text is reported on the title's line."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE + 1}, level 'middle': the French title must be some text",
    ):
        _load(tmp_path, _edit("title: {fr: Moyen, en: Middle}", "title: {fr: [1], en: Middle}"))


def test_level_recommendation_that_is_not_text_names_its_line(tmp_path: Path) -> None:
    """An English recommendation that is not text is reported on its line."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE + 2}, level 'middle': the English recommendation must be some text",
    ):
        _load(tmp_path, _edit("en: One event.}", "en: [1]}"))


@pytest.mark.parametrize("score", [101, -1])
def test_min_score_outside_0_to_100_names_its_line(tmp_path: Path, score: int) -> None:
    """A min_score above 100 or below 0 is refused, on its line."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE + 3}, level 'middle': min_score must be a whole number from 0 to 100, not {score}$",
    ):
        _load(tmp_path, _edit("    min_score: 40", f"    min_score: {score}"))


def test_min_score_of_100_is_accepted(tmp_path: Path) -> None:
    """100 is the top of the range: a level may ask for every point."""
    assert _load(tmp_path, _edit("    min_score: 80", "    min_score: 100")).levels[0].min_score == 100


def test_requires_essentials_that_is_not_a_boolean_names_its_line(tmp_path: Path) -> None:
    """requires_essentials must be true or false, reported on its line."""
    text = _edit("    requires_essentials: false\n  - id: low", "    requires_essentials: 'no'\n  - id: low")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE + 4}, level 'middle': requires_essentials must be true or false, not 'no'$",
    ):
        _load(tmp_path, text)


def test_level_that_is_not_a_mapping_names_its_place(tmp_path: Path) -> None:
    """A level written as a bare word is refused, named by its number."""
    middle = VALID[VALID.index("  - id: middle") : VALID.index("  - id: low")]
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {MIDDLE}, level 2: a level must be a set of 'key: value' lines",
    ):
        _load(tmp_path, _edit(middle, "  - middle\n"))


def test_last_level_error_names_the_last_levels_line(tmp_path: Path) -> None:
    """The last level that does not catch everything is reported on its own first line."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('  - id: low')}, level 'low': the last level must",
    ):
        _load(tmp_path, _edit("    min_score: 0", "    min_score: 5"))


def test_page_asking_for_a_missing_checklist_is_refused() -> None:
    """A marker naming a checklist that does not exist names the page, its line and the choices."""
    markdown = "# Titre\n\nTexte.\n\n<!-- checklist: readyness -->\n"
    with pytest.raises(
        DataFileError,
        match=r"docs/p.fr.md, line 5: the marker asks for the checklist 'readyness', which does not exist "
        r"\(checklists: readiness;",
    ):
        cl.check_markers(markdown, "docs/p.fr.md", ["readiness"])


# --- Interface strings ---------------------------------------------------------------------


# Strings with a format of their own: (French, English) values that pass their checks.
FORMATTED = {
    "export_filename": ("fr-answers.json", "en-answers.json"),
    "plan_filename": ("fr-plan", "en-plan"),
    "csv_separator": (";", ","),
}


def _strings_text(
    drop: str | None = None,
    extra: str = "",
    english_see: str = "See: {title}",
    english: Mapping[str, str] | None = None,
) -> str:
    def french(key: str) -> str:
        if key in FORMATTED:
            return FORMATTED[key][0]
        if english and key in english:  # the same placeholders as the English text given
            return " ".join(["fr", key, *(f"{{{name}}}" for name in cl.PLACEHOLDER.findall(english[key]))])
        return f"fr {key}{' {title}' if key == 'see' else ''}"

    def english_text(key: str) -> str:
        if english and key in english:
            return english[key]
        if key == "see":
            return english_see
        return FORMATTED[key][1] if key in FORMATTED else f"en {key}"

    lines = ["fr:"]
    lines += [f'  {key}: "{french(key)}"' for key in cl.STRING_KEYS]
    lines += ["en:"]
    lines += [f'  {key}: "{english_text(key)}"' for key in cl.STRING_KEYS if key != drop]
    return "\n".join(lines) + "\n" + extra


def _strings(tmp_path: Path, text: str) -> cl.Strings:
    path = tmp_path / "strings.yml"
    path.write_text(text, encoding="utf-8")
    return cl.load_strings(path, "data/strings.yml")


def test_strings_load_in_both_languages(tmp_path: Path) -> None:
    """Complete strings load, every key in both languages."""
    strings = _strings(tmp_path, _strings_text())
    assert set(strings) == set(LANGUAGES)
    assert strings["en"]["see"] == "See: {title}"


def test_string_missing_in_one_language_is_refused(tmp_path: Path) -> None:
    """A string with no English version stops the build."""
    with pytest.raises(DataFileError, match=r"English strings \(en\): missing 'reset'"):
        _strings(tmp_path, _strings_text(drop="reset"))


def test_unknown_string_is_refused(tmp_path: Path) -> None:
    """A key no template or script uses is a typo."""
    text = _strings_text() + '  rest: "Reset"\n'
    with pytest.raises(DataFileError, match=r"unknown key 'rest'"):
        _strings(tmp_path, text)


def test_string_placeholders_must_match(tmp_path: Path) -> None:
    """Both languages use the same {placeholders}, or a value would be lost."""
    with pytest.raises(DataFileError, match=r"the English string 'see' has placeholders \[\]"):
        _strings(tmp_path, _strings_text(english_see="See the guide"))


def test_strings_file_that_is_not_a_mapping_is_refused_from_its_first_line(tmp_path: Path) -> None:
    """A strings file that is a list is refused, naming the file and line 1."""
    with pytest.raises(
        DataFileError, match=r"^data/strings\.yml, line 1: the file must be a set of 'key: value' lines"
    ):
        _strings(tmp_path, "- a\n")


def test_strings_for_an_unknown_language_are_refused_on_their_line(tmp_path: Path) -> None:
    """Only fr and en: another language's block is refused where it starts."""
    text = _strings_text() + "de:\n  x: y\n"
    line = _line_of("de:", text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/strings\.yml, line {line}: unknown key 'de'; allowed keys: en, fr$",
    ):
        _strings(tmp_path, text)


def test_a_language_block_that_is_not_a_mapping_names_the_language(tmp_path: Path) -> None:
    """en: followed by one word is refused, naming the English strings and their line."""
    text = _strings_text().split("en:")[0] + "en: x\n"
    line = _line_of("en:", text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/strings\.yml, line {line}, English strings \(en\): the strings must be a set",
    ):
        _strings(tmp_path, text)


def test_a_string_that_is_not_text_names_its_line_and_key(tmp_path: Path) -> None:
    """A string written as a list is refused on its own line, named by language and key."""
    text = _strings_text().replace('  reset: "en reset"', "  reset: [1]")
    line = _line_of("  reset: [1]", text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/strings\.yml, line {line}, English strings \(en\): "
        "the English string 'reset' must be some text",
    ):
        _strings(tmp_path, text)


def test_a_noun_after_a_count_is_refused_on_its_line_with_an_example(tmp_path: Path) -> None:
    """The message is on the string's line and shows how to write it in both languages."""
    text = _strings_text(english={"done_import": "Answers imported: {count} items ticked."})
    line = _line_of('  done_import: "Answers', text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/strings\.yml, line {line}, English strings \(en\): .*"
        "name the thing first, like 'Items ticked: {count}' or « Éléments cochés\u00a0: {count} »$",
    ):
        _strings(tmp_path, text)


def test_a_bad_export_filename_is_refused_on_its_line(tmp_path: Path) -> None:
    """The export's file name is reported on its own line."""
    text = _strings_text(english={"export_filename": "answers.txt"})
    line = _line_of('  export_filename: "answers.txt', text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/strings\.yml, line {line}, English strings",
    ):
        _strings(tmp_path, text)


def test_placeholders_that_differ_are_reported_on_the_english_line(tmp_path: Path) -> None:
    """The English string whose placeholders differ is reported on its own line."""
    text = _strings_text(english_see="See the guide")
    line = _line_of('  see: "See the guide', text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/strings\.yml, line {line}: the English string 'see'",
    ):
        _strings(tmp_path, text)


# Each item error names the line of the key at fault: the second item is written with its
# id after its label, so that the id's line is not the item's (found by mutation testing).
ITEM_TWO = VALID[VALID.index("      - id: two") : VALID.index("levels:")]
ITEM_TWO_ID_SECOND = (
    "      - label:\n          fr: Deux\n          en: Two\n        action:\n          fr: Faire deux\n"
    "          en: Do two\n        id: {id}\n"
    "        link: https://example.org/two\n        weight: 1\n        essential: false\n"
)


def _with_item_two(item_id: str, extra: str = "") -> str:
    return _edit(ITEM_TWO, ITEM_TWO_ID_SECOND.format(id=item_id) + extra)


def test_bad_item_id_names_its_line_and_the_item_by_its_place(tmp_path: Path) -> None:
    """An item id that is not valid is reported on the id's line, the item named by section and number."""
    text = _with_item_two("TWO")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('id: TWO', text)}, section 'first', item 2: the item id 'TWO' is not valid",
    ):
        _load(tmp_path, text)


def test_repeated_item_id_is_reported_on_the_second_ids_line(tmp_path: Path) -> None:
    """An id used twice is reported on the second id's line, with the first one's line."""
    text = _with_item_two("one")
    first = _line_of("- id: one", text)
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('        id: one', text)}, item 'one': the id 'one' is already used "
        rf"by item 'one' \(line {first}\)",
    ):
        _load(tmp_path, text)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("        weight: 1\n", "        weight: 9\n", "weight must be a whole number from 1 to 3, not 9"),
        (
            "        essential: false\n",
            "        essential: 'no'\n",
            "essential must be true or false, not 'no'",
        ),
        ("link: https://example.org/two", "link: 'https://a b'", "link 'https://a b' is not a valid address"),
    ],
    ids=["weight", "essential", "link"],
)
def test_item_field_errors_name_their_own_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    """A bad weight, essential or link is reported on its own line, for its item."""
    text = _with_item_two("two").replace(old, new)
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of(new.strip(), text)}, item 'two': {re.escape(message)}$",
    ):
        _load(tmp_path, text)


def test_formerly_that_is_not_a_list_is_refused_on_its_line(tmp_path: Path) -> None:
    """formerly: one word is refused on its line."""
    text = _with_item_two("two", "        formerly: x\n")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('formerly: x', text)}, item 'two': formerly must be a list of the item's old ids$",
    ):
        _load(tmp_path, text)


def test_bad_old_id_is_refused_on_its_own_line(tmp_path: Path) -> None:
    """An old id that is not valid is reported on the line of that old id."""
    text = _with_item_two("two", "        formerly:\n          - ok-one\n          - Bad\n")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('- Bad', text)}, item 'two': the old id 'Bad' is not valid",
    ):
        _load(tmp_path, text)


def test_old_id_taken_by_another_item_is_refused_on_its_own_line(tmp_path: Path) -> None:
    """An old id that another item uses is reported on its line, naming that item and its line."""
    text = _with_item_two("two", "        formerly:\n          - ok-one\n          - one\n")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('          - one', text)}, item 'two': the old id 'one' is already "
        rf"used by item 'one' \(line {_line_of('- id: one', text)}\): readers' saved answers are kept under it",
    ):
        _load(tmp_path, text)


def test_item_that_is_not_a_mapping_names_its_place(tmp_path: Path) -> None:
    """An item written as a bare word is refused, named by section and number."""
    text = _edit(ITEM_TWO, "      - two\n")
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('      - two', text)}, section 'first', item 2: an item must be a set",
    ):
        _load(tmp_path, text)


def test_bad_section_id_names_the_section_by_its_place(tmp_path: Path) -> None:
    """A section whose id is not valid is named by its number, on its line, with an example."""
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('  - id: first')}, section 1: the section id 'First' is not valid; "
        r".*\(for example: owner-named\)$",
    ):
        _load(tmp_path, _edit("  - id: first", "  - id: First"))


def test_section_that_is_not_a_mapping_names_its_place(tmp_path: Path) -> None:
    """A section written as a bare word is refused, named by its number."""
    section = VALID[VALID.index("  - id: first") : VALID.index("levels:")]
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('  - id: first')}, section 1: a section must be a set of 'key: value'",
    ):
        _load(tmp_path, _edit(section, "  - first\n"))


def test_section_without_items_is_refused_on_the_items_line(tmp_path: Path) -> None:
    """items: [] is refused on its own line."""
    items = VALID[VALID.index("    items:") : VALID.index("levels:")]
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('    items:')}, section 'first': items must be a list with at least one item$",
    ):
        _load(tmp_path, _edit(items, "    items: []\n"))


@pytest.mark.parametrize("sections", ["[]", "{a: 1}"], ids=["empty", "mapping"])
def test_sections_must_be_a_non_empty_list(tmp_path: Path, sections: str) -> None:
    """No section, or sections that are not a list, are refused on the sections line."""
    block = VALID[VALID.index("sections:") : VALID.index("levels:")]
    with pytest.raises(
        DataFileError,
        match=rf"^data/demo\.yml, line {_line_of('sections:')}: sections must be a list with at least one section$",
    ):
        _load(tmp_path, _edit(block, f"sections: {sections}\n"))


def test_real_strings_are_complete() -> None:
    """The `checklist` section of docs/data/strings.yml loads: same keys and placeholders in
    French and English."""
    strings = checklist_strings()
    assert set(strings["fr"]) == set(strings["en"]) == set(cl.STRING_KEYS)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("done_import", "Answers imported: {count} items ticked."),
        ("confirm_share", "This link holds {count}\u00a0answers; you have {saved} answers."),
    ],
    ids=["count", "saved"],
)
def test_a_noun_after_a_count_is_refused(tmp_path: Path, key: str, text: str) -> None:
    """ "{count} items" reads "1 items" or, in French, "0 éléments": name the thing first."""
    with pytest.raises(
        DataFileError, match=rf"line \d+, English strings \(en\): .*'{key}' puts a noun after"
    ):
        _strings(tmp_path, _strings_text(english={key: text}))


def test_a_count_after_the_noun_is_accepted(tmp_path: Path) -> None:
    """ "Items ticked: {count}" reads well for 0, 1 and more."""
    strings = _strings(tmp_path, _strings_text(english={"done_import": "Items ticked: {count}."}))
    assert strings["en"]["done_import"] == "Items ticked: {count}."


@pytest.mark.parametrize("name", ["plan.csv", "Plan", "plan_2", "-plan", "plan.ics"])
def test_plan_filename_must_be_a_plain_name_without_extension(tmp_path: Path, name: str) -> None:
    """The plan's files are <plan_filename>.csv and .ics: the name alone, in lowercase ASCII."""
    with pytest.raises(DataFileError, match=r"plan_filename must be lowercase ASCII .*without an extension"):
        _strings(tmp_path, _strings_text(english={"plan_filename": name}))


@pytest.mark.parametrize("separator", [":", "|", ",;"])
def test_csv_separator_is_one_excel_reads(tmp_path: Path, separator: str) -> None:
    """Excel splits a CSV on the list separator of its language: a comma or a semicolon."""
    with pytest.raises(DataFileError, match=r"csv_separator must be ',' or ';'"):
        _strings(tmp_path, _strings_text(english={"csv_separator": separator}))


@pytest.mark.parametrize("name", ["answers.txt", "Réponses.json", "answers {id}.json", "en answers.json"])
def test_export_filename_must_be_a_plain_file_name(tmp_path: Path, name: str) -> None:
    """The export's file name: lowercase ASCII words and hyphens, ending in .json."""
    with pytest.raises(DataFileError, match=r"export_filename must be lowercase ASCII"):
        _strings(tmp_path, _strings_text(english={"export_filename": name}))


def test_real_export_file_names_are_each_in_one_language() -> None:
    """French page: a French file name; English page: an English one (no « reponses-readiness »)."""
    strings = checklist_strings()
    assert strings["fr"]["export_filename"] == "reponses-preparation.json"
    assert strings["en"]["export_filename"] == "readiness-answers.json"


# --- Links and markers ---------------------------------------------------------------------------


def test_heading_ids_reads_explicit_ids_and_their_text() -> None:
    """`## Title {#id}` gives id -> title; ids inside code blocks do not count."""
    markdown = textwrap.dedent(
        """\
        ---
        title: "x {#front}"
        ---
        # Page

        ## Le *budget* {#budget}

        ```
        ## Not a heading {#code}
        ```

        <div id="raw"></div>
        Paragraph {: #para }
        """
    )
    ids = cl.heading_ids(markdown)
    assert ids == {"budget": "Le budget", "raw": "raw", "para": "para"}


def test_a_checklist_placed_twice_is_refused() -> None:
    """Two markers for one checklist would repeat its ids on the page: both lines are named."""
    markdown = "# T\n\n<!-- checklist: readiness -->\n\ntext\n\n<!-- checklist: readiness -->\n"
    with pytest.raises(
        DataFileError,
        match=r"docs/p.fr.md, line 10: the checklist 'readiness' is already placed on line 6; "
        r"a page shows each checklist once",
    ):
        cl.check_markers(markdown, "docs/p.fr.md", ["readiness"], first_line=4)


@pytest.mark.parametrize(
    "written",
    [
        "  <!-- checklist: readiness -->",
        "<!-- Checklist: readiness -->",
        "- Liste <!-- checklist: readiness -->",
        "> <!-- checklist: readiness -->",
        "<!-- checklist readiness -->",
    ],
)
def test_a_marker_not_written_exactly_is_refused(written: str) -> None:
    """An indented, capitalised, misspelt or nested marker is an error, not a silently missing checklist."""
    markdown = f"# T\n\n{written}\n"
    with pytest.raises(DataFileError) as caught:
        cl.check_markers(markdown, "docs/p.en.md", ["readiness"])
    message = str(caught.value)
    assert message.startswith(
        "docs/p.en.md, line 3: write the checklist marker exactly as <!-- checklist: readiness -->"
    )
    assert message.endswith(f"found: {written.strip()}")


def test_insert_checklists_replaces_each_marker_line_between_blank_lines() -> None:
    """The checklist takes its marker's line, with a blank line before and after, so that
    Markdown reads it as a block even when the marker follows a paragraph's last line."""
    markdown = "# T\n\ntext\n<!-- checklist: readiness -->\nafter\n"
    result = cl.insert_checklists(markdown, {"readiness": "<div>list</div>"})
    assert result == "# T\n\ntext\n\n<div>list</div>\n\nafter\n"


def test_insert_checklists_leaves_a_marker_in_a_code_block() -> None:
    """A marker shown in a fenced code block is an example: it stays as written; the line
    numbers given (`first_line`) still find the real one."""
    markdown = "```\n<!-- checklist: readiness -->\n```\n\n<!-- checklist: readiness -->\n"
    result = cl.insert_checklists(markdown, {"readiness": "<div>list</div>"}, first_line=4)
    assert result == "```\n<!-- checklist: readiness -->\n```\n\n\n<div>list</div>\n\n"


def test_a_page_heading_with_a_checklist_id_is_found_in_the_markdown() -> None:
    """The page's own `{#id}` ids and the checklist's (its elements' and its headings') are
    compared before the checklist goes in."""
    page = cl.heading_ids("# T\n\n## Progress {#readiness-progress}\n")
    rendered = {
        "readiness": '<div id="readiness-progress">\n\n## <span>S</span> {#readiness-s-heading}\n\n</div>'
    }
    assert cl.anchor_ids(rendered["readiness"]) == {"readiness-progress", "readiness-s-heading"}
    assert cl.clashing_ids(page, rendered) == {"readiness": ["readiness-progress"]}


def test_find_markers_gives_ids_and_lines() -> None:
    """Markers are found with their line; other comments are left alone."""
    markdown = "# T\n<!-- note -->\n<!-- checklist: readiness -->\ntext\n<!--checklist:other-->\n"
    assert cl.find_markers(markdown) == [("readiness", 3), ("other", 5)]
    fenced = "# T\n\n```\n<!-- checklist: example -->\n```\n\n<!-- checklist: readiness -->\n"
    assert cl.find_markers(fenced) == [("readiness", 7)]


def test_link_title_is_the_target_heading() -> None:
    """An item's link reads as the heading it points to, in the page's language."""
    assert cl.link_title("plan.md#budget", "en", ANCHORS) == "The budget"
    assert cl.link_title("mailto:info@example.org", "fr", ANCHORS) == "info@example.org"


# --- Rendering -----------------------------------------------------------------------------------


def _links(checklist: cl.Checklist, lang: str) -> dict[str, cl.Link]:
    """Deterministic addresses for golden files: ../<page>/#<section>."""
    result = {}
    for item in checklist.items:
        if item.link.startswith(cl.SAFE_SCHEMES):
            result[item.link] = cl.Link(item.link, cl.link_title(item.link, lang, {}))
        else:
            page, _, anchor = item.link.partition("#")
            result[item.link] = cl.Link(
                f"../{page.removesuffix('.md')}/#{anchor}", f"{page} § {anchor} ({lang})"
            )
    return result


def test_render_escapes_every_data_string(tmp_path: Path) -> None:
    """Markup in a label, help or level text comes out as text, never as HTML."""
    text = _edit("fr: Un\n", "fr: '<script>alert(1)</script> & \"quotes\"'\n")
    text = _edit("en: Help\n", "en: '<img src=x onerror=alert(1)>'\n", text)
    checklist = _load(tmp_path, text)
    strings = _strings(tmp_path, _strings_text())
    french = cl.render_checklist(checklist, strings, "fr", _links(checklist, "fr"))
    english = cl.render_checklist(checklist, strings, "en", _links(checklist, "en"))
    assert (
        "<script>alert" not in french
        and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in french
    )
    assert "<img" not in english and "&lt;img src=x onerror=alert(1)&gt;" in english


def test_render_is_one_markdown_block_with_blank_lines_only_around_headings(tmp_path: Path) -> None:
    """No indented line (never a code block); a blank line only before and after a heading
    line, one at a time: Markdown keeps every piece of HTML whole."""
    checklist = _load(tmp_path, VALID)
    html = cl.render_checklist(checklist, _strings(tmp_path, _strings_text()), "fr", _links(checklist, "fr"))
    lines = html.splitlines()
    assert lines[0].startswith("<div") and lines[-1] == "</div>"
    assert all(not line[:1].isspace() for line in lines)
    for number, line in enumerate(lines):
        if not line:
            assert lines[number - 1].startswith(("## ", "### ")) or lines[number + 1].startswith(
                ("## ", "### ")
            ), number


def test_render_uses_the_compiled_template_cache_and_works_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compiled template is kept between builds and loaded from there, with the same
    HTML; a cache that cannot be written (its folder gone) changes nothing and stops nothing."""
    assert isinstance(cl._environment.bytecode_cache, cl._BytecodeCache)
    checklist = _load(tmp_path, VALID)
    strings = _strings(tmp_path, _strings_text())
    expected = cl.render_checklist(checklist, strings, "fr", _links(checklist, "fr"))
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()

    original = cl._environment

    def with_cache(folder: Path) -> jinja2.Environment:
        return original.overlay(bytecode_cache=cl._BytecodeCache(str(folder)))

    monkeypatch.setattr(cl, "_environment", with_cache(cache_dir))
    assert cl.render_checklist(checklist, strings, "fr", _links(checklist, "fr")) == expected
    assert len(list(cache_dir.iterdir())) == 1
    # A new process: the template comes from the cache, not from the compiler.
    monkeypatch.setattr(cl, "_environment", with_cache(cache_dir))
    monkeypatch.setattr(cl._environment, "_compile", mock.Mock(side_effect=AssertionError("compiled")))
    assert cl.render_checklist(checklist, strings, "fr", _links(checklist, "fr")) == expected
    monkeypatch.setattr(cl, "_environment", with_cache(tmp_path / "gone"))
    assert cl.render_checklist(checklist, strings, "fr", _links(checklist, "fr")) == expected


def test_template_cache_entries_change_with_jinja(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another Jinja version (or another checklist.py, which sets the compile options)
    never reads code compiled by this one."""
    before = cl._BytecodeCache(str(tmp_path)).pattern
    monkeypatch.setattr(jinja2, "__version__", "0.0")
    assert cl._BytecodeCache(str(tmp_path)).pattern != before


def test_render_ties_labels_and_help_to_each_checkbox(tmp_path: Path) -> None:
    """Every checkbox has a label and an aria-describedby that exist; ids are unique."""
    checklist = _load(tmp_path, VALID)
    html = cl.render_checklist(checklist, _strings(tmp_path, _strings_text()), "en", _links(checklist, "en"))
    soup = BeautifulSoup(html, "html.parser")
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    boxes = soup.select("input[type=checkbox]")
    assert [box["name"] for box in boxes] == ["one", "two"]
    for box in boxes:
        assert soup.select_one(f"label[for='{box['id']}']") is not None
        assert soup.find(id=box["aria-describedby"]) is not None
    fieldset = soup.select_one("fieldset")
    assert fieldset is not None
    title = soup.find(id=fieldset["aria-labelledby"])
    assert title is not None and title.get_text() == "First"


def test_render_gives_each_section_a_markdown_heading_the_table_of_contents_lists(tmp_path: Path) -> None:
    """Each section's title is a Markdown heading inside its `markdown` fieldset: once
    converted, the page's table of contents lists the sections, and each fieldset is
    named by its title (without the heading's permalink)."""
    checklist = _load(tmp_path, VALID)
    text = cl.render_checklist(checklist, _strings(tmp_path, _strings_text()), "en", _links(checklist, "en"))
    converter = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "toc"], extension_configs={"toc": {"permalink": True}}
    )
    soup = BeautifulSoup(converter.convert(text), "html.parser")
    toc = [(token["id"], token["name"]) for token in converter.toc_tokens]  # type: ignore[attr-defined]
    assert toc[: len(checklist.sections)] == [
        (f"demo-{section.id}", section.title["en"]) for section in checklist.sections
    ]
    for fieldset in soup.select("fieldset"):
        title = soup.find(id=fieldset["aria-labelledby"])
        assert title is not None and title.name == "span" and title.parent.name == "h2"
    assert soup.select("p > div, p > dialog") == []


def test_render_lists_every_gap_as_its_action_essential_first(tmp_path: Path) -> None:
    """The result's list of gaps holds every item, the essential ones first (then in the
    checklist's order), each as its action linked to its guidance, the essentials tagged."""
    three = (
        "      - id: three\n        label: {fr: Trois, en: Three}\n"
        "        action: {fr: Faire trois, en: Do three}\n        link: https://example.org/three\n"
        "        weight: 1\n        essential: true\n"
    )
    text = _edit("essential: true", "essential: false")
    text = _edit("        essential: false\nlevels:", "        essential: true\n" + three + "levels:", text)
    checklist = _load(tmp_path, text)
    strings = _strings(tmp_path, _strings_text())
    soup = BeautifulSoup(
        cl.render_checklist(checklist, strings, "fr", _links(checklist, "fr")), "html.parser"
    )
    rows = soup.select(".js-checklist-gaps li")
    assert [row["data-item"] for row in rows] == ["two", "three", "one"]
    assert [row.a.get_text() for row in rows if row.a] == ["Faire deux", "Faire trois", "Faire un"]
    assert [row.a["href"] for row in rows if row.a] == [
        "https://example.org/two",
        "https://example.org/three",
        "../plan/#budget",
    ]
    tags = [row.select_one(".mdx-checklist__tag") for row in rows]
    assert [tag.get_text() if tag else None for tag in tags] == ["fr essential", "fr essential", None]
    assert all(tag.has_attr("data-search-exclude") for tag in tags if tag)


def test_render_hands_the_script_its_strings_as_json(tmp_path: Path) -> None:
    """The script's strings sit in a JSON block (not executed, allowed under a strict CSP)."""
    checklist = _load(tmp_path, VALID)
    strings = _strings(tmp_path, _strings_text())
    html = cl.render_checklist(checklist, strings, "en", _links(checklist, "en"))
    block = BeautifulSoup(html, "html.parser").select_one("script[type='application/json']")
    assert block is not None
    assert json.loads(block.get_text()) == {key: strings["en"][key] for key in cl.SCRIPT_STRINGS}
    assert "<script>" not in html.replace('<script type="application/json" class="js-checklist-strings">', "")


def test_render_ships_script_only_controls_hidden(tmp_path: Path) -> None:
    """Buttons, progress and result panels that need JavaScript start hidden."""
    checklist = _load(tmp_path, VALID)
    html = cl.render_checklist(checklist, _strings(tmp_path, _strings_text()), "fr", _links(checklist, "fr"))
    soup = BeautifulSoup(html, "html.parser")
    for selector in (
        ".js-checklist-actions",
        ".js-checklist-summary",
        ".js-checklist-gaps",
        ".js-checklist-start",
    ):
        element = soup.select_one(selector)
        assert element is not None and element.has_attr("hidden"), selector
    assert soup.select("button") and all(
        b.find_parent(attrs={"hidden": True}) or b.find_parent("dialog") for b in soup.select("button")
    )
    assert not soup.select("[style]") and not soup.select("[onclick], [onchange], [onload]")
    # Without the script, the result explains itself; with it, a note until something is ticked.
    nojs = soup.select_one(".js-checklist-result .js-checklist-nojs")
    assert nojs is not None and not nojs.has_attr("hidden") and nojs.get_text() == "fr levels_nojs"
    start = soup.select_one(".js-checklist-result .js-checklist-start")
    assert start is not None and start.get_text() == "fr start_note"


# --- Golden files ----------------------------------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "golden_case" in metafunc.fixturenames:
        cases = sorted(path.stem for path in GOLDEN_DIR.glob("*.yml") if path.name != "strings.yml")
        metafunc.parametrize("golden_case", cases)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_golden_html(golden_case: str, lang: str, golden: Golden) -> None:
    """The HTML for each fixture equals the stored file (`make goldens` rewrites it)."""
    checklist = cl.load_checklist(GOLDEN_DIR / f"{golden_case}.yml", f"{golden_case}.yml")
    strings = cl.load_strings(GOLDEN_DIR / "strings.yml")
    html = cl.render_checklist(checklist, strings, lang, _links(checklist, lang)) + "\n"
    golden.check(html, GOLDEN_DIR / f"{golden_case}.{lang}.html")


# --- The real data file ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def readiness() -> cl.Checklist:
    return cl.load_checklist(DATA_DIR / "readiness.yml", "docs/data/checklists/readiness.yml")


def test_readiness_has_every_section_and_25_to_45_items(readiness: cl.Checklist) -> None:
    """The nine sections the guide covers, in order, and 25 to 45 items (a list read in one sitting)."""
    assert [section.id for section in readiness.sections] == READINESS_SECTIONS
    assert 25 <= len(readiness.items) <= 45
    assert any(item.essential for item in readiness.items)


def test_readiness_links_exist_in_the_guide(readiness: cl.Checklist) -> None:
    """Every item links a section that exists in both languages of the guide."""
    cl.check_links(readiness, cl.guide_anchors(ROOT / "docs"))


def test_readiness_levels_include_honest_no(readiness: cl.Checklist) -> None:
    """At least three levels, one saying a one-off event, one saying not the right channel yet."""
    english = " ".join(level.recommendation["en"] for level in readiness.levels).lower()
    assert len(readiness.levels) >= 3
    assert "may not be the right channel" in english and "one-off" in " ".join(
        level.title["en"].lower() for level in readiness.levels
    )


def _texts(checklist: cl.Checklist, lang: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for section in checklist.sections:
        pairs.append((f"section '{section.id}'", section.title[lang]))
        for item in section.items:
            pairs.append((f"item '{item.id}'", item.label[lang]))
            pairs.append((f"item '{item.id}' action", item.action[lang]))
            if item.help:
                pairs.append((f"item '{item.id}' help", item.help[lang]))
    for level in checklist.levels:
        pairs += [
            (f"level '{level.id}'", level.title[lang]),
            (f"level '{level.id}'", level.recommendation[lang]),
        ]
    return pairs


def test_readiness_french_typography(readiness: cl.Checklist) -> None:
    """French: the shared typography rules, plus a no-break space before « % » and curly apostrophes."""
    strings = checklist_strings()["fr"]
    texts = _texts(readiness, "fr") + [(f"string '{k}'", v) for k, v in strings.items()]
    problems = [
        f"{where}: {problem}" for where, text in texts for problem in french_typography_problems(text)
    ]
    problems += [
        f"{where}: no-break space before % and curly apostrophes"
        for where, text in texts
        if re.search(r"[^\u00a0]%|'", text)
    ]
    assert problems == []


# A French to-do starts with an infinitive ("Mettre", "Choisir", "S’assurer"); an English one
# with a verb, so not with these words a statement starts with.
FRENCH_INFINITIVE = re.compile(r"^(?:S’|Se )?\w+(?:er|ir|re|oir)\b")
NOT_AN_ENGLISH_VERB = {"we", "our", "the", "a", "an", "every", "each", "someone", "all", "that", "they"}
ACTION_MAX_WORDS = 14


def test_readiness_actions_are_short_todos(readiness: cl.Checklist) -> None:
    """Each action reads as a to-do in the result's list of gaps: French in the infinitive,
    English starting with a verb, a few words, no final period, and no figure (a figure
    would need its source)."""
    problems = []
    for item in readiness.items:
        french, english = item.action["fr"], item.action["en"]
        if not FRENCH_INFINITIVE.match(french):
            problems.append(f"item '{item.id}': the French action should start with an infinitive: {french}")
        if english.split()[0].lower() in NOT_AN_ENGLISH_VERB:
            problems.append(f"item '{item.id}': the English action should start with a verb: {english}")
        for text in (french, english):
            if len(text.split()) > ACTION_MAX_WORDS:
                problems.append(f"item '{item.id}': more than {ACTION_MAX_WORDS} words: {text}")
            if text.endswith((".", "!")) or re.search(r"\d", text):
                problems.append(f"item '{item.id}': no final period and no figure in an action: {text}")
    assert problems == []


def test_readiness_english_is_canadian(readiness: cl.Checklist) -> None:
    """Canadian spelling (organization, behaviour, centre…)."""
    assert [
        f"{where}: {word}" for where, text in _texts(readiness, "en") for word in us_spellings(text)
    ] == []


def test_readiness_copies_no_sentence_from_the_sources(readiness: cl.Checklist) -> None:
    """No run of eight words is shared with a source article."""
    assert [where for where, text in _texts(readiness, "fr") if copied_from_sources(text)] == []


def test_schema_documents_the_same_keys_as_the_loader() -> None:
    """checklist.schema.json and the loader agree on every key and which are required."""
    schema = json.loads((DATA_DIR / "checklist.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    for keys, node in (
        (cl.CHECKLIST_KEYS, schema),
        (cl.SECTION_KEYS, defs["section"]),
        (cl.ITEM_KEYS, defs["item"]),
        (cl.LEVEL_KEYS, defs["level"]),
    ):
        assert set(node["properties"]) == set(keys)
        assert set(node["required"]) == {key for key, required in keys.items() if required}
        assert node["additionalProperties"] is False


# --- The build -------------------------------------------------------------------------------------


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's sources that a test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _build_errors(project: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project / "site", config_file=project / "mkdocs.yml")
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def test_build_stops_on_a_broken_data_file(project_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A missing English label stops the real build with one clean line naming file, line and item."""
    data = project_copy / "docs/data/checklists/readiness.yml"
    text = data.read_text(encoding="utf-8")
    broken = re.sub(r"(- id: owner-backup\n\s+label:\n\s+fr: [^\n]*\n)\s+en: [^\n]*\n", r"\1", text, count=1)
    assert broken != text
    data.write_text(broken, encoding="utf-8")
    errors = _build_errors(project_copy, caplog)
    line = broken[: broken.index("- id: owner-backup")].count("\n") + 1
    assert errors == [
        f"docs/data/checklists/readiness.yml, line {line + 1}, item 'owner-backup': "
        "missing English label: add a line 'en:' under it"
    ]


def test_build_stops_on_an_item_without_its_action(
    project_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The real data: an item whose action was deleted stops the build, naming file, line and item."""
    data = project_copy / "docs/data/checklists/readiness.yml"
    text = data.read_text(encoding="utf-8")
    broken = re.sub(
        r"(- id: owner-backup\n(?:.*\n)*?)\s+action:\n\s+fr: [^\n]*\n\s+en: [^\n]*\n", r"\1", text, count=1
    )
    assert broken != text
    data.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("- id: owner-backup")].count("\n") + 1
    assert _build_errors(project_copy, caplog) == [
        f"docs/data/checklists/readiness.yml, line {line}, item 'owner-backup': missing 'action'"
    ]


def test_build_stops_on_a_link_to_a_missing_section(
    project_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An item pointing at a section id the guide does not have stops the build."""
    data = project_copy / "docs/data/checklists/readiness.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("link: plan.md#crisis-plan", "link: plan.md#crisis"),
        encoding="utf-8",
    )
    errors = _build_errors(project_copy, caplog)
    assert len(errors) == 1
    assert errors[0].startswith("docs/data/checklists/readiness.yml, line ")
    assert (
        "item 'crisis-plan': link 'plan.md#crisis': docs/plan.fr.md has no section with the id 'crisis'"
        in errors[0]
    )


def test_build_stops_on_a_page_asking_for_a_missing_checklist(
    project_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A marker naming a checklist that does not exist stops the build, naming the page and line."""
    page = project_copy / "docs/a-propos.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- checklist: readyness -->\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").count("\n")
    errors = _build_errors(project_copy, caplog)
    # MkDocs names the page first, then prints our message.
    assert errors == [
        "Error reading page 'a-propos.en.md':",
        f"docs/a-propos.en.md, line {line}: the marker asks for the checklist 'readyness', which does not "
        "exist (checklists: readiness; each is a file in docs/data/checklists/)",
    ]


def test_build_stops_on_an_item_named_like_its_section(
    project_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The real data: an item renamed like its section stops the build with file, line and clash."""
    data = project_copy / "docs/data/checklists/readiness.yml"
    text = data.read_text(encoding="utf-8")
    first_item = re.search(r"  - id: objectives\n(?:.*\n)*?\s+- id: ([a-z0-9-]+)\n", text)
    assert first_item is not None
    broken = text.replace(f"- id: {first_item.group(1)}\n", "- id: objectives\n", 1)
    data.write_text(broken, encoding="utf-8")
    errors = _build_errors(project_copy, caplog)
    line = broken[: broken.index("- id: objectives\n", first_item.start(1) - 10)].count("\n") + 1
    assert len(errors) == 1
    assert errors[0].startswith(f"docs/data/checklists/readiness.yml, line {line}, item 'objectives': ")
    assert "already used by section 'objectives'" in errors[0]
    assert "'readiness-objectives'" in errors[0]


def test_build_stops_on_a_heading_id_the_checklist_uses(
    project_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A heading on the checklist's page with an id the checklist also uses stops the build."""
    page = project_copy / "docs/preparation.en.md"
    text = page.read_text(encoding="utf-8")
    marker = "<!-- checklist: readiness -->"
    assert marker in text
    page.write_text(text + "\n## Progress {#readiness-progress}\n\nMore.\n", encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 1
    errors = _build_errors(project_copy, caplog)
    assert errors[-1] == (
        f"docs/preparation.en.md, line {line}: the checklist 'readiness' would give the page a second "
        "element with the id 'readiness-progress': change that heading's {#id} on the page, or the "
        "checklist entry"
    )


def test_a_marker_in_a_code_block_is_shown_not_replaced(project_copy: Path) -> None:
    """An editor may show the marker in a code block: it stays text, and the build goes on."""
    page = project_copy / "docs/a-propos.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n```markdown\n<!-- checklist: readiness -->\n```\n",
        encoding="utf-8",
    )
    build_site(project_copy / "site", config_file=project_copy / "mkdocs.yml")
    html = (project_copy / "site/en/about/index.html").read_text(encoding="utf-8")
    assert "&lt;!-- checklist: readiness --&gt;" in html
    assert 'data-module="mdx-checklist"' not in html


def test_links_to_the_checklist_and_its_items_pass_the_strict_build(project_copy: Path) -> None:
    """The checklist is inserted after Markdown: its ids still count as anchors for links."""
    page = project_copy / "docs/a-propos.en.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nSee [the checklist](preparation.md#checklist-readiness) and "
        + "[one item](preparation.md#readiness-owner-backup).\n",
        encoding="utf-8",
    )
    assert build_site(project_copy / "site", config_file=project_copy / "mkdocs.yml") == []


def test_data_is_read_once_per_build_and_again_after_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both languages share one load of the data; a later build re-reads it only if a file changed."""
    config = load_config(str(CONFIG_FILE), site_dir=str(tmp_path / "site"))
    hook = config["hooks"][HOOK_MODULE]  # this config's module (copies of the project load their own)
    hook._cache.clear()
    loads: list[str] = []
    real_load = hook._load
    monkeypatch.setattr(hook, "_load", lambda config: loads.append(config.docs_dir) or real_load(config))
    build(config)
    assert len(loads) == 1
    build(load_config(str(CONFIG_FILE), site_dir=str(tmp_path / "site")))
    assert len(loads) == 1
    data = DATA_DIR / "readiness.yml"
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    try:
        build(load_config(str(CONFIG_FILE), site_dir=str(tmp_path / "site")))
    finally:
        os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert len(loads) == 2


def test_each_language_renders_the_checklist_once_per_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's Markdown and its HTML share one rendering (the build's time, README
    "Performance"), and a second build renders again: its links may have changed."""
    config = load_config(str(CONFIG_FILE), site_dir=str(tmp_path / "site"))
    hook = config["hooks"][HOOK_MODULE]
    hook._cache.clear()
    languages: list[str] = []
    real_render = hook.cl.render_checklist

    def counted(checklist: cl.Checklist, strings: cl.Strings, lang: str, links: Any) -> str:
        languages.append(lang)
        return real_render(checklist, strings, lang, links)

    monkeypatch.setattr(hook.cl, "render_checklist", counted)
    build(config)
    assert sorted(languages) == sorted(LANGUAGES)
    assert not any(data.renderings for _, data in hook._cache.values())
    build(load_config(str(CONFIG_FILE), site_dir=str(tmp_path / "site")))
    assert sorted(languages) == sorted(LANGUAGES * 2)


def test_assets_are_added_once(built_site: BuiltSite) -> None:
    """The checklist's script and stylesheet appear exactly once on the page, in each language."""
    for lang in LANGUAGES:
        soup = BeautifulSoup(built_site.page(lang, "preparation").read_text(encoding="utf-8"), "html.parser")
        scripts = [tag["src"] for tag in soup.select("script[src]") if "checklist" in tag["src"]]
        styles = [tag["href"] for tag in soup.select("link[rel=stylesheet]") if "checklist" in tag["href"]]
        assert len(scripts) == 1 and len(styles) == 1, (lang, scripts, styles)
        assert len(soup.select("[data-module='mdx-checklist']")) == 1
        assert soup.html is not None and soup.html["lang"] == lang


def test_search_finds_the_items_but_not_the_page_notes_or_buttons(built_site: BuiltSite) -> None:
    """Each language's search index holds the checklist's items, in that language, and
    none of the notes about the page itself or the buttons' labels."""
    strings = checklist_strings()
    readiness = cl.load_checklist(ROOT / "docs" / "data" / "checklists" / "readiness.yml", "readiness.yml")
    for lang in LANGUAGES:
        folder = built_site.path if lang == LANGUAGES[0] else built_site.path / lang
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        # Each index lists the page relative to its language's root: "preparation/", "readiness/".
        location = page_path("preparation", lang)
        text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(location))
        assert readiness.items[0].label[lang] in text, lang
        for key in ("nojs_note", "storage_warning", "levels_nojs", "start_note", "share", "export", "reset"):
            assert strings[lang][key] not in text, (lang, key)


def test_anchor_ids_are_element_ids_only() -> None:
    """`data-checklist-id="readiness"` is not an anchor: a link to #readiness must fail the build."""
    html = '<div id="checklist-readiness" data-checklist-id="readiness"><p id=\'x\'>a</p></div>'
    assert cl.anchor_ids(html) == {"checklist-readiness", "x"}


PLACEHOLDER_CASES = json.loads(
    (ROOT / "tests" / "fixtures" / "placeholders.json").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", PLACEHOLDER_CASES, ids=[case["template"] for case in PLACEHOLDER_CASES])
def test_fill_matches_the_shared_table(case: dict[str, Any]) -> None:
    """The Python formatter gives what the table says, as the page's script does (tests/js/)."""
    assert cl.fill(case["template"], case["values"]) == case["expected"]


def test_the_template_filter_escapes_after_filling() -> None:
    """The template's `fill` filter escapes the text and the values: data cannot inject markup."""
    rendered = cl._environment.from_string("{{ s | fill(title=t) }}").render(s="See <{title}>", t="a & b")
    assert rendered == "See &lt;a &amp; b&gt;"


# --- What only the build called (found by mutation testing: no unit test reached them) --------


def test_the_pages_the_items_link_to_are_listed_without_their_sections(tmp_path: Path) -> None:
    """`plan.md#budget` → `plan.md`; an address on another site is no guide page."""
    other = _edit("id: demo", "id: other", _edit("link: plan.md#budget", "link: objectifs.md"))
    checklists = [_load(tmp_path, VALID), _load(tmp_path, other, name="other.yml")]
    assert cl.linked_pages(checklists) == {"plan.md", "objectifs.md"}


def test_ids_a_checklist_shares_with_its_page_or_an_earlier_checklist_are_named() -> None:
    rendered = {
        "one": '<p id="intro"></p><p id="a"></p><p id="b"></p>',
        "two": '<p id="b"></p><p id="c"></p>',
        "three": '<p id="d"></p>',
    }
    assert cl.clashing_ids(["intro", "a", "z"], rendered) == {"one": ["a", "intro"], "two": ["b"]}
    assert cl.clashing_ids([], {"three": '<p id="d"></p>'}) == {}


# --- The HTML that goes round Markdown (README, "Performance") ---------------------------------


def _rendered(tmp_path: Path) -> str:
    checklist = _load(tmp_path, VALID)
    return cl.render_checklist(checklist, _strings(tmp_path, _strings_text()), "en", _links(checklist, "en"))


def test_markdown_gets_headings_and_placeholders_and_the_html_comes_back_whole(tmp_path: Path) -> None:
    """The page's Markdown holds the headings, the `markdown` blocks and one placeholder per block
    of plain HTML; putting the blocks back gives the rendered HTML, its marks aside."""
    html = _rendered(tmp_path)
    blocks = cl.html_blocks(html)
    # Before the form, one a section, the levels, the gaps, the plan, the snapshots, the buttons and dialog.
    assert len(blocks) == 6 + len(_load(tmp_path, VALID).sections) == 7
    form = cl.markdown_form(html, "demo")
    assert "<input" not in form and "<li" not in form and "<!--html-->" not in form
    assert [line for line in form.splitlines() if line.startswith("#")] == [
        line for line in html.splitlines() if line.startswith("#")
    ]
    assert form.count("<!-- mdx-checklist-html demo ") == 7
    whole = re.sub(r"^<!--/?html-->\n", "", html, flags=re.MULTILINE)
    assert cl.put_back_html_blocks(form, {"demo": blocks}, "docs/p.md") == whole
    assert cl.placeholder_owners(form) == {"demo"} and cl.placeholder_owners(whole) == set()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda form: form.replace("<!-- mdx-checklist-html demo 3 -->", ""),
            "7 blocks of HTML, and the page's HTML 6",
        ),
        (lambda form: form + "<!-- mdx-checklist-html demo 0 -->", "7 blocks of HTML, and the page's HTML 8"),
        (lambda form: form.replace("demo 1 -->", "demo 9 -->"), "a Markdown extension moved or dropped one"),
        (lambda form: form + "<!-- mdx-checklist-html other 0 -->", "unknown checklist 'other'"),
    ],
    ids=["lost", "doubled", "moved", "unknown"],
)
def test_a_placeholder_lost_doubled_or_unknown_stops_the_build(
    tmp_path: Path, change: Callable[[str], str], problem: str
) -> None:
    """A Markdown extension that drops or copies a placeholder would lose part of the checklist:
    the build stops and names the page."""
    html = _rendered(tmp_path)
    form = change(cl.markdown_form(html, "demo"))
    with pytest.raises(cl.ChecklistError, match=rf"^docs/p\.md: .*{re.escape(problem)}"):
        cl.put_back_html_blocks(form, {"demo": cl.html_blocks(html)}, "docs/p.md")


def test_built_page_has_the_whole_checklist_and_no_placeholder(built_site: BuiltSite) -> None:
    """In each language the built page holds every item's box and "Plan this action", the table of contents
    lists the sections and what is left to do, and no placeholder or mark is left."""
    readiness = cl.load_checklist(ROOT / "docs" / "data" / "checklists" / "readiness.yml", "readiness.yml")
    for lang in LANGUAGES:
        text = built_site.page(lang, "preparation").read_text(encoding="utf-8")
        assert "mdx-checklist-html" not in text and "<!--html-->" not in text and "<!--/html-->" not in text
        soup = BeautifulSoup(text, "html.parser")
        boxes = [box["name"] for box in soup.select(".js-checklist-input")]
        assert boxes == [item.id for item in readiness.items]
        # Each item's "Plan this action" ships empty: the script makes its fields from the
        # page's one template, in the page's language, when it opens.
        plans = soup.select(".js-checklist-plan-item")
        assert [plan["data-item"] for plan in plans] == boxes
        assert not soup.select(".js-checklist-plan-item [data-field]")
        fields = soup.select_one("template.js-checklist-plan-fields")
        assert fields is not None
        assert [field["data-field"] for field in fields.select("[data-field]")] == ["who", "due", "note"]
        assert len(fields.select("label")) == 3
        toc = [link["href"] for link in soup.select(".md-sidebar--secondary .md-nav__link")]
        sections = [f"#readiness-{section.id}" for section in readiness.sections]
        gaps = soup.select_one(".js-checklist-gaps h3")
        assert gaps is not None and f"#{gaps['id']}" in toc
        assert all(anchor in toc for anchor in sections), (lang, toc)


# --- Every refusal whole, on the line of the key at fault (issue 19, mutation testing) -----
# VALID writes each entry's `id` first, on the entry's own line; here it comes after the
# title or label, so an error on the id's line and one on the entry's line differ.


def _id_last(text: str = VALID) -> str:
    for old, new in [
        ("id: demo\nschema_version: 1\n", "schema_version: 1\nid: demo\n"),
        (
            "  - id: first\n    title:\n      fr: Premier\n      en: First\n",
            "  - title:\n      fr: Premier\n      en: First\n    id: first\n",
        ),
        (
            "      - id: one\n        label:\n          fr: Un\n          en: One\n",
            "      - label:\n          fr: Un\n          en: One\n        id: one\n",
        ),
        (
            "      - id: two\n        label:\n          fr: Deux\n          en: Two\n",
            "      - label:\n          fr: Deux\n          en: Two\n        id: two\n",
        ),
        (
            "  - id: high\n    title: {fr: Haut, en: High}\n",
            "  - title: {fr: Haut, en: High}\n    id: high\n",
        ),
        (
            "  - id: middle\n    title: {fr: Moyen, en: Middle}\n",
            "  - title: {fr: Moyen, en: Middle}\n    id: middle\n",
        ),
    ]:
        text = _edit(old, new, text)
    return _edit(
        "levels:\n",
        "  - title: {fr: Second, en: Second}\n"
        "    id: second\n"
        "    items:\n"
        "      - label: {fr: Trois, en: Three}\n"
        "        id: three\n"
        "        action: {fr: Faire trois, en: Do three}\n"
        "        link: https://example.org/three\n"
        "        weight: 1\n"
        "        essential: false\n"
        "levels:\n",
        text,
    )


ID_LAST = _id_last()
NOT_A_SLUG = "is not valid; use lowercase letters, digits and single hyphens (for example: owner-named)"


def _line_is(line: str, text: str, nth: int = 1) -> int:
    """The number of the `nth` line of `text` that is exactly `line`."""
    return [number for number, found in enumerate(text.split("\n"), 1) if found == line][nth - 1]


def _refusal(old: str, new: str, message: str, *, at: str | None = None, nth: int = 1) -> Any:
    """A case: ID_LAST with `old` replaced by `new`, refused with `message` on the `nth` line
    that is `at` ({line} in the message; {line:<a line>} for another line of the file)."""
    text = _edit(old, new, ID_LAST)
    for needle in re.findall(r"\{line:([^}]+)\}", message):
        message = message.replace(f"{{line:{needle}}}", str(_line_is(needle, text)))
    if at is not None:
        message = message.replace("{line}", str(_line_is(at, text, nth)))
    return pytest.param(text, message, id=new.strip()[:40])


ID_REFUSALS = [
    _refusal("id: demo\n", "id: Demo\n", f"line {{line}}: the id 'Demo' {NOT_A_SLUG}", at="id: Demo"),
    _refusal(
        "id: demo\n",
        "id: other\n",
        "line {line}: id 'other' must match the file name (demo.yml)",
        at="id: other",
    ),
    _refusal(
        "schema_version: 1\nid: demo\n",
        "id: demo\nschema_version: 2\n",
        "line {line}: schema_version must be 1, not 2",
        at="schema_version: 2",
    ),
    _refusal(
        "    id: first\n",
        "    id: First\n",
        f"line {{line}}, section 1: the section id 'First' {NOT_A_SLUG}",
        at="    id: First",
    ),
    _refusal(
        "    id: second\n",
        "    id: one\n",
        "line {line}, section 'one': the section id 'one' is already used by item 'one' (line {line:        id: one}): "
        "both would have the id 'demo-one' in the page; choose another id",
        at="    id: one",
    ),
    _refusal(
        "        id: two\n",
        "        id: second-title\n",
        "line {line}, section 'second': the id of a section's title 'second-title' is already used by item "
        "'second-title' (line {line:        id: second-title}): both would have the id 'demo-second-title' in "
        "the page; choose another id",
        at="    id: second",
    ),
    _refusal(
        "        id: three\n",
        "        id: first\n",
        "line {line}, item 'first': the id 'first' is already used by section 'first' (line {line:    id: first}): "
        "both would have the id 'demo-first' in the page; choose another id",
        at="        id: first",
    ),
    _refusal(
        "        id: three\n",
        "        id: first-title\n",
        "line {line}, item 'first-title': the id 'first-title' is already used by the title of section 'first' "
        "(line {line:    id: first}): both would have the id 'demo-first-title' in the page; choose another id",
        at="        id: first-title",
    ),
    _refusal(
        "        id: three\n",
        "        id: one-hint\n",
        "line {line}, item 'one-hint': the id 'one-hint' is already used by the help of item 'one' "
        "(line {line:        id: one}): both would have the id 'demo-one-hint' in the page; choose another id",
        at="        id: one-hint",
    ),
    _refusal(
        "        id: one\n",
        "        id: two-due\n",
        "line {line}, item 'two': the id of date field 'two-due' is already used by item 'two-due' "
        "(line {line:        id: two-due}): both would have the id 'demo-two-due' in the page; choose another id",
        at="        id: two",
    ),
    _refusal(
        "        id: three\n",
        "        id: two\n",
        "line {line}, item 'two': the id 'two' is already used by item 'two' (line {line:        id: two}): "
        "both would have the id 'demo-two' in the page; choose another id",
        at="        id: two",
        nth=2,
    ),
    _refusal(
        "    id: middle\n",
        "    id: Middle\n",
        f"line {{line}}, level 2: the level id 'Middle' {NOT_A_SLUG}",
        at="    id: Middle",
    ),
    _refusal(
        "    id: middle\n",
        "    id: high\n",
        "line {line}, level 'high': the level id 'high' is used twice",
        at="    id: high",
        nth=2,
    ),
    _refusal(
        "  - title:\n      fr: Premier\n      en: First\n    id: first\n",
        "  - id: first\n    title: Premier\n",
        "line {line}, section 'first': the title must be one line per language (fr, en)",
        at="    title: Premier",
    ),
    _refusal(
        "      - label:\n          fr: Un\n          en: One\n",
        "      - label: Un\n",
        "line {line}, item 'one': the label must be one line per language (fr, en)",
        at="      - label: Un",
    ),
    _refusal(
        "link: plan.md#budget",
        "link: ' '",
        "line {line}, item 'one': link must be the guide page it points to, like 'plan.md#crisis-plan'",
        at="        link: ' '",
    ),
    _refusal(
        "link: plan.md#budget",
        "link: 5",
        "line {line}, item 'one': link must be the guide page it points to, like 'plan.md#crisis-plan'",
        at="        link: 5",
    ),
]


@pytest.mark.parametrize(("text", "message"), ID_REFUSALS)
def test_each_refusal_is_whole_and_on_the_line_of_the_key_at_fault(
    tmp_path: Path, text: str, message: str
) -> None:
    """An id, a title or a link at fault is named on its own line, not its entry's first."""
    with pytest.raises(DataFileError) as refused:
        _load(tmp_path, text)
    assert str(refused.value) == f"data/demo.yml, {message}"


def test_a_file_that_is_not_a_set_of_keys_is_refused_whole(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as refused:
        _load(tmp_path, "- id: demo\n")
    assert str(refused.value) == "data/demo.yml, line 1: the file must be a set of 'key: value' lines"


def test_a_file_loaded_without_a_name_is_named_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "demo.yml"
    path.write_text("- id: demo\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"^{re.escape(str(path))}, line 1: "):
        cl.load_checklist(path)
    strings = tmp_path / "strings.yml"
    strings.write_text("- a\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"^{re.escape(str(strings))}, line 1: "):
        cl.load_strings(strings)


def test_strings_without_a_language_are_refused_whole(tmp_path: Path) -> None:
    text = _strings_text().split("en:")[0]
    with pytest.raises(DataFileError) as refused:
        _strings(tmp_path, text)
    assert str(refused.value) == "data/strings.yml, line 1: missing English text: add an 'en:' block"


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        (
            "plan_filename",
            "plan.csv",
            "plan_filename must be lowercase ASCII letters, digits and hyphens, without an extension "
            "(.csv and .ics are added), like 'readiness-plan', not 'plan.csv'",
        ),
        ("csv_separator", "|", "csv_separator must be ',' or ';' (what Excel expects in that language)"),
    ],
)
def test_a_file_name_or_separator_at_fault_is_refused_whole_on_its_line(
    tmp_path: Path, key: str, value: str, problem: str
) -> None:
    text = _strings_text(english={key: value})
    line = _line_of(f'  {key}: "{value}', text)
    with pytest.raises(DataFileError) as refused:
        _strings(tmp_path, text)
    assert str(refused.value) == f"data/strings.yml, line {line}, English strings (en): {problem}"


def test_a_link_without_an_address_from_the_page_is_refused_naming_the_first(tmp_path: Path) -> None:
    checklist = _load(tmp_path, VALID)
    with pytest.raises(cl.ChecklistError) as refused:
        cl.render_checklist(checklist, checklist_strings(), "fr", {})
    assert str(refused.value) == "data/demo.yml: no address for the link 'plan.md#budget'"


@pytest.mark.parametrize(
    ("known", "listed"), [(["readiness", "audit"], "audit, readiness"), ([], "none")], ids=["some", "none"]
)
def test_a_marker_for_a_missing_checklist_lists_those_that_exist(known: list[str], listed: str) -> None:
    with pytest.raises(cl.ChecklistError) as refused:
        cl.check_markers("# Page\n\n<!-- checklist: nothing -->\n", "docs/page.fr.md", known)
    assert str(refused.value) == (
        "docs/page.fr.md, line 3: the marker asks for the checklist 'nothing', which does not exist "
        f"(checklists: {listed}; each is a file in docs/data/checklists/)"
    )


def test_a_marker_not_written_exactly_is_refused_whole() -> None:
    with pytest.raises(cl.ChecklistError) as refused:
        cl.check_markers("Texte.\n  <!-- checklist: readiness -->\n", "docs/page.fr.md", ["readiness"], 4)
    assert str(refused.value) == (
        "docs/page.fr.md, line 5: write the checklist marker exactly as <!-- checklist: readiness --> "
        "(with the checklist's id), in lowercase, at the start of a line of its own, with a blank line "
        "before and after it; found: <!-- checklist: readiness -->"
    )


def test_a_page_id_clashing_with_a_later_checklist_is_named() -> None:
    """The page's ids stay taken after a first checklist that does not share them."""
    rendered = {"first": '<div id="first-x"></div>', "second": '<div id="budget"></div>'}
    assert cl.clashing_ids({"budget"}, rendered) == {"second": ["budget"]}


def test_heading_ids_read_a_heading_first_after_the_front_matter_and_with_a_link() -> None:
    page = "---\ntitle: Plan\n---\n## Le [budget](plan.md) {#budget}\n"
    assert cl.heading_ids(page) == {"budget": "Le budget"}


def test_guide_anchors_reads_only_the_pages_asked_for(tmp_path: Path) -> None:
    for name in ("plan.fr.md", "plan.en.md", "other.fr.md", "other.en.md"):
        (tmp_path / name).write_text("## A {#a}\n", encoding="utf-8")
    assert cl.guide_anchors(tmp_path, only=["plan.md"]) == {"plan.md": {"fr": {"a": "A"}, "en": {"a": "A"}}}
    assert set(cl.guide_anchors(tmp_path)) == {"plan.md", "other.md"}


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        (
            "    id: first\n",
            "    id: first\n    titel: x\n",
            "    titel: x",
            "section 'first': unknown key 'titel'; allowed keys: id, items, title",
        ),
        (
            "    id: middle\n    recommendation: {fr: Un événement., en: One event.}\n",
            "    id: middle\n",
            "  - title: {fr: Moyen, en: Middle}",
            "level 'middle': missing 'recommendation'",
        ),
    ],
    ids=["section", "level"],
)
def test_a_key_at_fault_names_its_section_or_level_by_id(
    tmp_path: Path, old: str, new: str, at: str, message: str
) -> None:
    """Before its id is checked, an entry is named by the id it gives when that id is valid."""
    text = _edit(old, new, ID_LAST)
    with pytest.raises(DataFileError) as refused:
        _load(tmp_path, text)
    assert str(refused.value) == f"data/demo.yml, line {_line_is(at, text)}, {message}"


def test_an_id_taken_as_another_items_old_id_is_refused_on_its_line(tmp_path: Path) -> None:
    """Readers' saved answers are kept under an old id too: no new item may take it."""
    text = _edit(
        "        id: three\n",
        "        id: old\n",
        _edit("        id: one\n", "        id: one\n        formerly: [old]\n", ID_LAST),
    )
    with pytest.raises(DataFileError) as refused:
        _load(tmp_path, text)
    assert str(refused.value) == (
        f"data/demo.yml, line {_line_is('        id: old', text)}, item 'old': the id 'old' is already used by "
        f"item 'one' (line {_line_is('        id: one', text)}): readers' saved answers are kept under it; "
        "choose another id"
    )
