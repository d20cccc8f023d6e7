"""Warn when one language of a page changed on this branch and its twin did not.

    python -m checks.parity                 compare with main
    python -m checks.parity --base origin/main --strict

It lists each page changed in French only or in English only since the branch left
its base (committed, uncommitted and new files alike). It warns and exits 0, unless
--strict: sometimes one language alone needs a fix (a typo), and the pull request
says so. A page that exists in one language only always fails the build itself.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from checks.pages import DOCS_DIR, LANGUAGES

# docs/<slug>.<lang>.md
PAGE_RE = re.compile(rf"^{DOCS_DIR}/(?P<slug>[^/]+)\.(?P<lang>{'|'.join(LANGUAGES)})\.md$")
LANGUAGE_NAMES = {"fr": "French", "en": "English"}


class ParityError(RuntimeError):
    """Git could not compare the branch (no repository, unknown base)."""


@dataclass(frozen=True)
class Unpaired:
    """A page changed in one language only."""

    changed: str
    twin: str
    twin_exists: bool

    def __str__(self) -> str:
        language = LANGUAGE_NAMES[PAGE_RE.match(self.twin).group("lang")]  # type: ignore[union-attr]
        if not self.twin_exists:
            return (
                f"{self.changed}: this page has no {language} version. Create {self.twin} "
                "(same headings and {#ids}), or the build fails."
            )
        return (
            f"{self.changed} changed, but its {language} twin {self.twin} did not. Make the same "
            f"change in {self.twin}, or say in the pull request why it needs none."
        )


def unpaired_changes(changed: list[str], existing: set[str]) -> list[Unpaired]:
    """Pages among `changed` (repository paths) whose twin is not among them."""
    changed_set = set(changed)
    found = []
    for path in sorted(changed_set):
        match = PAGE_RE.match(path)
        if match is None:
            continue
        for lang in LANGUAGES:
            if lang == match.group("lang"):
                continue
            twin = f"{DOCS_DIR}/{match.group('slug')}.{lang}.md"
            if twin not in changed_set:
                found.append(Unpaired(path, twin, twin in existing))
    return found


def _git(repo: Path, *args: str) -> list[str]:
    try:
        result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    except OSError as error:
        raise ParityError("git is not installed.") from error
    if result.returncode != 0:
        raise ParityError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return [line for line in result.stdout.splitlines() if line]


def changed_files(repo: Path, base: str) -> list[str]:
    """Files changed since the branch left `base`: commits, uncommitted edits, new files."""
    try:
        merge_base = _git(repo, "merge-base", base, "HEAD")[0]
    except (ParityError, IndexError) as error:
        raise ParityError(
            f"cannot compare with “{base}”: {error}. Fetch it first (git fetch origin {base}) "
            "or give another base with --base."
        ) from None
    changed = _git(repo, "diff", "--name-only", "--no-renames", merge_base)
    changed += _git(repo, "ls-files", "--others", "--exclude-standard")
    return sorted(set(changed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.parity", description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="the branch to compare with (default: main)")
    parser.add_argument("--repo", type=Path, default=Path("."), help="the repository (default: here)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page changed in one language")
    args = parser.parse_args(argv)
    try:
        changed = changed_files(args.repo, args.base)
    except ParityError as error:
        print(f"Translation parity: {error}", file=sys.stderr)
        return 2
    existing = set(_git(args.repo, "ls-files", DOCS_DIR)) | {p for p in changed if (args.repo / p).is_file()}
    found = unpaired_changes(changed, existing)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for item in found:
        # On GitHub, a warning annotation on the pull request's file list.
        print(f"::warning file={item.changed}::{item}" if annotate else f"warning: {item}")
    pages = sum(1 for path in changed if PAGE_RE.match(path))
    print(
        f"Translation parity: {pages} page files changed since {args.base}; {len(found)} without their twin."
    )
    return 1 if found and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
