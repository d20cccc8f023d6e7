"""List the pages and facts whose review date has come (`make review-due`).

    python -m checks.review_due                      due today
    python -m checks.review_due --today 2027-06-05   due on that day

A page is due from its `review_due:` day on (its front matter), a fact from its
`review_by:` day on (docs/data/facts.yml). Each line names the file and line to update
after the review. Exit status 1 when something is due, 0 when nothing is, 2 when a
page or the facts file cannot be read (the message says where). The monthly workflow
runs it, so that a due review fails a run someone sees.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data_files import DataFileError
from facts import FACTS_FILE, Fact, load_facts
from review_dates import REVIEW_DUE, REVIEWED, ReviewDates, due_pages, load_review_dates

DOCS_DIR = Path("docs")


@dataclass(frozen=True)
class Due:
    """What is due on one day: pages and facts, earliest first."""

    today: date
    pages: list[ReviewDates]
    facts: list[Fact]
    facts_file: str

    def lines(self) -> list[str]:
        return [_page_line(page) for page in self.pages] + [
            _fact_line(fact, self.facts_file) for fact in self.facts
        ]

    def summary(self) -> str:
        if not self.pages and not self.facts:
            return f"Nothing is due for review on {self.today}."
        counts = [_count(len(self.pages), "page"), _count(len(self.facts), "fact")]
        what = " and ".join(count for count in counts if count)
        verb = "is" if len(self.pages) + len(self.facts) == 1 else "are"
        return f"{what} {verb} due for review on {self.today}."


def due_on(today: date, docs_dir: Path = DOCS_DIR, shown_as: str = "docs") -> Due:
    """The pages and facts under `docs_dir` due on `today`; raises DataFileError on bad data."""
    pages = load_review_dates(docs_dir, shown_as)
    facts_file = f"{shown_as}/{FACTS_FILE.as_posix()}"
    facts = load_facts(docs_dir / FACTS_FILE, facts_file)
    due_facts = sorted(
        (f for f in facts.values() if f.review_by <= today), key=lambda f: (f.review_by, f.line or 0)
    )
    return Due(today, due_pages(pages, today), due_facts, facts_file)


def _page_line(page: ReviewDates) -> str:
    return (
        f"{page.file}, line {page.review_due_line}: page due for review on {page.review_due} "
        f"(last reviewed {page.reviewed}). Read it again against its sources, then update "
        f"'{REVIEWED}:' and '{REVIEW_DUE}:' here and in the other language."
    )


def _fact_line(fact: Fact, facts_file: str) -> str:
    where = f"{facts_file}, line {fact.line}" if fact.line else facts_file
    # The source's page (one per language when it has two), or its name when it has none.
    source = " and ".join(dict.fromkeys(fact.url.values())) if fact.url else fact.source["en"]
    return (
        f"{where}, fact '{fact.id}': due for review on {fact.review_by} (source last read "
        f"{fact.checked}). Read {source} again, then update the fact, 'checked:' and 'review_by:'."
    )


def _count(number: int, noun: str) -> str:
    return "" if number == 0 else f"{number} {noun}{'' if number == 1 else 's'}"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"write the date as YYYY-MM-DD, such as 2027-06-05 (not {text!r})"
        ) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.review_due", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument(
        "--today", type=_day, default=None, help="the day to check, YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--docs", type=Path, default=DOCS_DIR, help="the pages' folder (default: docs)")
    args = parser.parse_args(argv)
    today = args.today or date.today()
    try:
        due = due_on(today, args.docs, args.docs.as_posix())
    except DataFileError as error:
        print(error, file=sys.stderr)
        return 2
    for line in due.lines():
        print(line)
    print(due.summary())
    return 1 if due.pages or due.facts else 0


if __name__ == "__main__":
    sys.exit(main())
