"""Each page's review dates: `reviewed:` (the day an editor last read the whole page
against its sources) and `review_due:` (the day it must be read again), in the front
matter of every page, the same in both languages.

Pure functions over hooks/data_files.py, tested without MkDocs (tests/test_review_dates.py).
hooks/review_dates_hook.py checks every page once per build and hands the dates to
overrides/partials/page-info.html; `make review-due` (tests/checks/review_due.py)
lists the pages whose date has come.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data_files import FRONT_MATTER, LANGUAGES, DataFileError, Location, date_value, parse_data
from page_dates import Modified, describe

REVIEWED = "reviewed"
REVIEW_DUE = "review_due"
# docs/<name>.<language>.md, the suffix layout of mkdocs-static-i18n.
PAGE_FILE = re.compile(rf"^(?P<name>.+)\.(?P<language>{'|'.join(LANGUAGES)})\.md$")
# Not pages: the data files' folder (mkdocs.yml, exclude_docs).
NOT_PAGES = ("data",)
# A key written with a value that looks like a date: to find an impossible one (2027-02-30),
# which the YAML reader refuses before any line is known.
WHAT = {REVIEWED: "the day the page was last reviewed", REVIEW_DUE: "the day it must be reviewed again"}


@dataclass(frozen=True)
class ReviewDates:
    """One page's review dates and the lines of its file that hold them."""

    file: str  # as an editor finds it: "docs/plan.en.md"
    reviewed: date
    review_due: date
    reviewed_line: int
    review_due_line: int

    def line(self, key: str) -> int:
        return self.reviewed_line if key == REVIEWED else self.review_due_line

    def value(self, key: str) -> date:
        return self.reviewed if key == REVIEWED else self.review_due


@dataclass(frozen=True)
class ShownDates:
    """The two dates as the page shows them, in its language (for <time datetime>)."""

    reviewed: Modified
    review_due: Modified


def read_review_dates(content: str, label: str) -> ReviewDates:
    """The checked review dates of one page's text; `label` names the file in messages."""
    match = FRONT_MATTER.match(content)
    if match is None:
        raise DataFileError(
            label,
            f"the page has no front matter; start it with '---', then '{REVIEWED}: YYYY-MM-DD' "
            f"and '{REVIEW_DUE}: YYYY-MM-DD', then '---'",
            line=1,
        )
    # The lines between the opening '---' and the closing one.
    yaml_text = match.group(0).split("\n", 1)[1]
    yaml_text = yaml_text[: yaml_text.rstrip().rfind("\n") + 1]
    try:
        parsed = parse_data(yaml_text, label)
    except DataFileError as error:  # lines of the front matter, which starts on the file's line 2
        raise DataFileError(label, error.problem, line=_in_file(error.line)) from None
    data = parsed.data if isinstance(parsed.data, dict) else {}
    where = Location(label, {path: line + 1 for path, line in parsed.root.lines.items()})
    found: dict[str, date] = {}
    for key in (REVIEWED, REVIEW_DUE):
        if key not in data:
            raise DataFileError(
                label,
                f"the front matter has no '{key}:' line; add '{key}: YYYY-MM-DD', {WHAT[key]}",
                line=1,
            )
        found[key] = date_value(data[key], where.at(key), f"'{key}' date")
    dates = ReviewDates(
        label,
        found[REVIEWED],
        found[REVIEW_DUE],
        where.at(REVIEWED).line or 1,
        where.at(REVIEW_DUE).line or 1,
    )
    if dates.review_due <= dates.reviewed:
        raise DataFileError(
            label,
            f"'{REVIEW_DUE}' ({dates.review_due}) must come after '{REVIEWED}' ({dates.reviewed})",
            line=dates.review_due_line,
        )
    return dates


def _in_file(line: int | None) -> int | None:
    return None if line is None else line + 1


def check_twins(pages: Iterable[ReviewDates]) -> None:
    """Both languages of a page carry the same dates: they are reviewed together."""
    by_name: dict[str, dict[str, ReviewDates]] = {}
    for page in pages:
        match = PAGE_FILE.match(Path(page.file).name)
        if match is not None:
            by_name.setdefault(match.group("name"), {})[match.group("language")] = page
    for languages in by_name.values():
        present = [languages[language] for language in LANGUAGES if language in languages]
        first = present[0]
        for other in present[1:]:
            for key in (REVIEWED, REVIEW_DUE):
                if other.value(key) != first.value(key):
                    raise DataFileError(
                        other.file,
                        f"'{key}' is {other.value(key)} here but {first.value(key)} in {first.file}, "
                        f"line {first.line(key)}; give both languages the same dates",
                        line=other.line(key),
                    )


def page_files(docs_dir: Path) -> list[Path]:
    """Every page of the guide under `docs_dir`, in a stable order."""
    return sorted(
        path for path in docs_dir.rglob("*.md") if path.relative_to(docs_dir).parts[0] not in NOT_PAGES
    )


def load_review_dates(docs_dir: Path, shown_as: str = "docs") -> dict[str, ReviewDates]:
    """Every page's checked dates, by its path under `docs_dir` ("plan.en.md"); messages
    name each file as `shown_as`/<path>. Raises DataFileError at the first problem."""
    pages = {}
    for path in page_files(docs_dir):
        relative = path.relative_to(docs_dir).as_posix()
        pages[relative] = read_review_dates(path.read_text(encoding="utf-8"), f"{shown_as}/{relative}")
    check_twins(pages.values())
    return pages


def due_pages(pages: Mapping[str, ReviewDates], today: date) -> list[ReviewDates]:
    """The pages whose review is due on `today` (its day has come or passed), earliest first."""
    return sorted(
        (page for page in pages.values() if page.review_due <= today),
        key=lambda page: (page.review_due, page.file),
    )


def shown(dates: ReviewDates, language: str) -> ShownDates:
    """The dates as a reader of `language` writes them: "1er juin 2027", "June 1, 2027"."""
    return ShownDates(describe(dates.reviewed, language), describe(dates.review_due, language))
