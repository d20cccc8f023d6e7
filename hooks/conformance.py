"""The conformance table: load and check docs/data/conformance.yml (one entry per WCAG 2.2
success criterion of levels A and AA), then render it as HTML for the accessibility
statement.

Pure functions and frozen dataclasses, tested without MkDocs (tests/test_conformance.py);
hooks/conformance_hook.py is the thin adapter that calls them during a build. Every error
names the file, the line and the criterion, in words an editor can act on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from data_files import (
    DataFile,
    DataFileError,
    Location,
    MarkerLine,
    check_keys,
    date_value,
    localized_text,
    read_data_file,
)

DATA_FILE = Path("data") / "conformance.yml"  # under docs/
STATUSES = ("met", "partial", "not-applicable", "not-met")
LEVELS = ("A", "AA")
CRITERION_ID = re.compile(r"^[1-4]\.[1-9]\.[1-9][0-9]?$")
# A test named as file::function, the file under tests/.
TEST_NAME = re.compile(r"^test_\w+\.py::test_\w+$")
CRITERION_KEYS = frozenset({"id", "level", "status", "name", "how", "tests"})
REQUIRED_CRITERION_KEYS = ("id", "level", "status", "name", "how")
FILE_KEYS = frozenset({"reviewed", "criteria"})

MARKER = "<!-- conformance -->"
MARKER_LIKE = re.compile(r"<!--\s*conformance\b.*?-->", re.DOTALL)
TABLE_CLASS = "mdx-conformance"

# The words the table shows, from docs/data/strings.yml (component "conformance").
LABEL_KEYS = ("caption", "criterion", "status", "how", "tests", "level", "summary", *STATUSES)


class ConformanceError(DataFileError):
    """A problem with the conformance marker in a page, located for the editor."""


@dataclass(frozen=True)
class Criterion:
    id: str
    level: str
    status: str
    name: Mapping[str, str]
    how: Mapping[str, str]
    tests: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Conformance:
    reviewed: date
    criteria: tuple[Criterion, ...]

    def counts(self) -> Counter[str]:
        return Counter(criterion.status for criterion in self.criteria)


def load_conformance(path: Path | str, label: str) -> Conformance:
    return parse_conformance(read_data_file(path, label))


def parse_conformance(data_file: DataFile) -> Conformance:
    raw, where = data_file.data, data_file.root
    if not isinstance(raw, dict):
        raise where.error("the file must hold 'reviewed:' and 'criteria:'")
    check_keys(raw, FILE_KEYS, ("reviewed", "criteria"), where)
    reviewed = date_value(raw["reviewed"], where.at("reviewed"), "review date")
    entries = raw["criteria"]
    if not isinstance(entries, list) or not entries:
        raise where.at("criteria").error("'criteria:' must be a list of criteria, one '- id:' each")
    criteria: list[Criterion] = []
    for index, entry in enumerate(entries):
        criterion = _criterion(entry, where.at("criteria", index))
        if criteria and _order(criterion.id) <= _order(criteria[-1].id):
            problem = "is given twice" if criterion.id == criteria[-1].id else "is out of order"
            raise DataFileError(
                where.file,
                f"{problem}; list the criteria once each, in WCAG's order",
                line=criterion.line,
                entry=f"criterion '{criterion.id}'",
            )
        criteria.append(criterion)
    return Conformance(reviewed, tuple(criteria))


def _criterion(entry: object, where: Location) -> Criterion:
    if not isinstance(entry, dict):
        raise where.error("each criterion must be a set of 'key: value' lines starting with '- id:'")
    raw_id = entry.get("id")
    shown_id = str(raw_id) if raw_id is not None else f"number {where.path[-1] + 1}"
    where = where.named(shown_id, "criterion")
    check_keys(entry, CRITERION_KEYS, REQUIRED_CRITERION_KEYS, where)
    if not isinstance(raw_id, str) or not CRITERION_ID.match(raw_id):
        raise where.at("id").error(f"the id {raw_id!r} is not a WCAG number such as 1.4.3")
    for key, allowed in (("level", LEVELS), ("status", STATUSES)):
        if entry[key] not in allowed:
            raise where.at(key).error(f"the {key} {entry[key]!r} is not one of: {', '.join(allowed)}")
    tests = entry.get("tests", [])
    if not isinstance(tests, list) or (not tests and "tests" in entry):
        raise where.at("tests").error("'tests:' must list one or more tests; leave it out when none")
    for index, test in enumerate(tests):
        if not isinstance(test, str) or not TEST_NAME.match(test):
            raise where.at("tests", index).error(
                f"the test {test!r} must be written file::function, such as "
                "test_accessibility.py::test_every_page_has_no_accessibility_violation"
            )
    return Criterion(
        id=raw_id,
        level=entry["level"],
        status=entry["status"],
        name=localized_text(entry["name"], where.at("name"), "name", shared=False),
        how=localized_text(entry["how"], where.at("how"), "explanation", shared=False),
        tests=tuple(tests),
        line=where.line,
    )


def _order(criterion_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in criterion_id.split("."))


def summary(conformance: Conformance, text: Mapping[str, str]) -> str:
    """The counts of each status, in `text`'s language (`text`: the strings' table)."""
    counts = conformance.counts()
    values = {status: counts.get(status, 0) for status in STATUSES}
    return text["summary"].format_map({"total": len(conformance.criteria), **values})


def render_conformance(conformance: Conformance, lang: str, text: Mapping[str, str]) -> Markup:
    """The table as one HTML block: no blank or indented line, so Markdown leaves it alone.
    The table has a class, so Material does not wrap it in a box that scrolls sideways.
    `text`: the table's words in `lang` (docs/data/strings.yml, "conformance")."""
    rows = [
        Markup(
            '<tr id="sc-{anchor}" class="{cls}--{status}"><th scope="row">{id} {name} '
            "<small>({level} {lvl})</small></th><td>{state}</td><td>{how}{tests}</td></tr>"
        ).format(
            anchor=criterion.id.replace(".", "-"),
            cls=TABLE_CLASS,
            status=criterion.status,
            id=criterion.id,
            name=criterion.name[lang],
            level=text["level"],
            lvl=criterion.level,
            state=text[criterion.status],
            how=criterion.how[lang],
            tests=_tests(criterion.tests, text["tests"]),
        )
        for criterion in conformance.criteria
    ]
    head = Markup(
        '<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
    ).format(text["criterion"], text["status"], text["how"])
    return (
        Markup(
            '<p class="{cls}__summary">{summary}</p>\n<table class="{cls}"><caption>{caption}</caption>{head}<tbody>'
        ).format(cls=TABLE_CLASS, summary=summary(conformance, text), caption=text["caption"], head=head)
        + Markup("").join(rows)
        + Markup("</tbody></table>")
    )


def _tests(tests: tuple[str, ...], label: str) -> Markup:
    if not tests:
        return Markup("")
    names = Markup(", ").join(Markup("<code>{}</code>").format(test.split("::")[1]) for test in tests)
    return Markup('<br><span class="{}__tests">{} {}</span>').format(TABLE_CLASS, label, names)


# Where a page shows it: the marker alone on its line (data_files.MarkerLine checks it).
insert_conformance = MarkerLine(MARKER, MARKER_LIKE, ConformanceError).insert
