"""The worked example (docs/exemple.*.md) quotes what the readiness checklist shows for
the fictional library's answers: its overall status line, its level and the status of
each section with a gap. The numbers are computed here from the checklist's data, the
way the checklist's script computes them (overrides/assets/javascripts/checklist.js,
update()), so that a change of weight, item or level in
docs/data/checklists/readiness.yml cannot leave the example quoting a stale result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

import checklist as cl
from conftest import LANGUAGES, ROOT, checklist_strings

CHECKLISTS = ROOT / "docs" / "data" / "checklists"
PAGE = "docs/exemple.{lang}.md"

# The library's answers: the items it left unticked, by id (section "Que disait la liste
# de vérification?" / "What did the readiness checklist say?" of the page).
GAPS_AT_LAUNCH = frozenset(
    {
        "time-at-work",
        "internet-policy",
        "negative-comments",
        "comment-policy",
        "guidelines-cover-rights",
        "posters-trained",
        "staff-informed",
        "privacy-notice",
        "commercial-consent",
        "endorsements-disclosed",
        "contest-rules",
    }
)
# At its first try, three essentials were missing as well.
GAPS_AT_FIRST_TRY = GAPS_AT_LAUNCH | {"crisis-plan", "staff-guidelines", "two-factor"}


@dataclass(frozen=True)
class Result:
    done: int
    total: int
    score: int
    level: cl.Level


def result(checklist: cl.Checklist, unticked: frozenset[str]) -> Result:
    """What the checklist shows for these answers: items ticked, the weighted score
    (rounded down) and the first level whose conditions the answers meet."""
    items = checklist.items
    weight = sum(item.weight for item in items)
    weight_done = sum(item.weight for item in items if item.id not in unticked)
    essentials_done = all(item.id not in unticked for item in items if item.essential)
    score = math.floor(100 * weight_done / weight)
    level = next(
        level
        for level in checklist.levels
        if score >= level.min_score and (essentials_done or not level.requires_essentials)
    )
    return Result(len(items) - len(unticked), len(items), score, level)


@pytest.fixture(scope="module")
def readiness() -> cl.Checklist:
    return cl.load_checklist(CHECKLISTS / "readiness.yml", "docs/data/checklists/readiness.yml")


@pytest.fixture(scope="module")
def strings() -> cl.Strings:
    return checklist_strings()


def test_the_example_answers_name_real_items(readiness: cl.Checklist) -> None:
    """Every item the example leaves unticked is an item of the checklist."""
    unknown = sorted(GAPS_AT_FIRST_TRY - {item.id for item in readiness.items})
    assert unknown == [], (
        f"tests/test_example.py names items that docs/data/checklists/readiness.yml lacks: {unknown}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("unticked", [GAPS_AT_FIRST_TRY, GAPS_AT_LAUNCH], ids=["first-try", "launch"])
def test_the_example_quotes_the_checklist_result(
    readiness: cl.Checklist, strings: cl.Strings, unticked: frozenset[str], lang: str
) -> None:
    """The page quotes the status line and the level the checklist shows for the answers."""
    page = PAGE.format(lang=lang)
    text = (ROOT / page).read_text(encoding="utf-8")
    shown = result(readiness, unticked)
    status = strings[lang]["status_overall"].format(done=shown.done, total=shown.total, score=shown.score)
    assert status in text, (
        f"{page}: the checklist now shows « {status} » for the example's answers; quote that"
    )
    assert shown.level.title[lang] in text, (
        f"{page}: the checklist's result for the example's answers is now « {shown.level.title[lang]} »"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_example_gives_each_incomplete_section_its_status(
    readiness: cl.Checklist, strings: cl.Strings, lang: str
) -> None:
    """Each section with a gap at launch is listed with the checklist's own "x of y"."""
    page = PAGE.format(lang=lang)
    text = (ROOT / page).read_text(encoding="utf-8")
    missing = []
    for section in readiness.sections:
        ids = [item.id for item in section.items]
        done = sum(1 for item_id in ids if item_id not in GAPS_AT_LAUNCH)
        if done < len(ids):
            line = f"**{section.title[lang]}**, " + strings[lang]["section_status"].format(
                done=done, total=len(ids)
            )
            if line not in text:
                missing.append(line)
    assert missing == [], f"{page}: list each incomplete section as the checklist shows it: {missing}"


# Each step of the guide links to the part of the example that applies it.
STEP_LINKS = {
    "objectifs": "exemple.md#objectives",
    "responsable": "exemple.md#owner",
    "ecoute": "exemple.md#listening",
    "plan": "exemple.md#plan",
    "preparation": "exemple.md#checklist",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("step", "target"), STEP_LINKS.items())
def test_each_step_links_to_its_part_of_the_example(step: str, target: str, lang: str) -> None:
    """A reader of a step finds the example's matching section one link away."""
    text = (ROOT / "docs" / f"{step}.{lang}.md").read_text(encoding="utf-8")
    assert f"]({target})" in text, f"docs/{step}.{lang}.md: link to the worked example's section ({target})"
