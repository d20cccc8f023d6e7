"""The build's date, passed in: a build is dated by the repository's last commit, so
that two builds of one commit match to the byte (README, "Reproducible builds").

MkDocs reads SOURCE_DATE_EPOCH for the sitemap's dates and the .gz timestamps. The
Makefile sets it for the commands it runs; an in-process build (the tests, the offline
copy) sets it for the length of the build only, never for the rest of the process.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


def commit_epoch(repo: Path) -> str | None:
    """Seconds since 1970 of the last commit in `repo`; None outside a Git checkout."""
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return stamp if stamp.isdigit() else None


@contextmanager
def dated_by_last_commit(repo: Path) -> Iterator[None]:
    """Within the block, builds are dated by the last commit, unless a date is already set."""
    stamp = None if VARIABLE in os.environ else commit_epoch(repo)
    if stamp is None:
        yield
        return
    os.environ[VARIABLE] = stamp
    try:
        yield
    finally:
        del os.environ[VARIABLE]
