"""Pure helpers behind hooks/page_dates_hook.py: each page's "last modified" date,
from Git history, written in the page's language.

A checkout without Git, without history (a shallow clone) or with a file not yet
committed gives no date for that page, never an error: the page simply shows none.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.dates import format_date

# One git call for the whole docs folder: a commit marker line, then the files it touched.
COMMIT_MARKER = "\x00commit "
GIT_LOG = ["git", "log", "--format=%x00commit %H %cs", "--name-only", "--no-renames", "--"]
BABEL_LOCALES = {"fr": "fr_CA", "en": "en_CA"}


@dataclass(frozen=True)
class Modified:
    """When a page last changed: for <time datetime> and for the reader."""

    iso: str
    text: str


def last_changes(repo: Path, folder: str) -> dict[str, date]:
    """Repository path → date of the last commit that changed it, for files under `folder`.

    Empty when Git or the repository is missing. In a shallow clone, a file whose
    only known commit is the clone's cut-off gets no date: its real date is older.
    """
    try:
        log = subprocess.run(
            [*GIT_LOG, folder], cwd=repo, capture_output=True, text=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    cut_offs = _shallow_cut_offs(repo)
    dates: dict[str, date] = {}
    commit, when = "", date.min
    for line in log.splitlines():
        if line.startswith(COMMIT_MARKER):
            commit, stamp = line[len(COMMIT_MARKER) :].split(" ", 1)
            when = date.fromisoformat(stamp)
        elif line and line not in dates:
            dates[line] = when if commit not in cut_offs else date.min
    return {path: when for path, when in dates.items() if when != date.min}


def _shallow_cut_offs(repo: Path) -> set[str]:
    try:
        shallow = subprocess.run(
            ["git", "rev-parse", "--git-path", "shallow"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return set()
    path = repo / shallow
    return set(path.read_text(encoding="utf-8").split()) if path.is_file() else set()


def describe(when: date, language: str) -> Modified:
    """The date as a reader of `language` writes it: "1er novembre 2026", "November 1, 2026"."""
    text = format_date(when, format="long", locale=BABEL_LOCALES.get(language, language))
    if language == "fr" and when.day == 1:
        text = "1er" + text[1:]
    return Modified(when.isoformat(), text)
