"""Compare two builds of the site, one by MkDocs and one by ProperDocs (the maintained
fork of MkDocs 1.6): every file must be the same to the byte, except what names the
engine.

    python -m checks.engine_parity site-by-mkdocs/ site-by-properdocs/

`make engine-parity` builds both and runs this (README, "Checks on every pull
request"). It lists each file found in one build only and each file whose content
differs, with a unified diff excerpt, and exits 1 when there is any.

What names the engine (ENGINE_NAMES), and nothing else, is set aside before comparing:
Material writes the engine's name and version into every page's generator tag
(`<meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-…">`),
and ProperDocs gives that variable "ProperDocs 1.6.7" where MkDocs gives "1.6.1". Only
the engine's part is replaced: Material's version must still match. A build of the
same commit on the same engine is byte-identical (README, "Reproducible builds"), so any
other difference is the engine's doing and fails the check.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# The engine's name and version in Material's generator tag, and what stands for it.
ENGINE_NAMES = re.compile(rb'(<meta name="generator" content="mkdocs-)[^,"]*')
ENGINE_PLACEHOLDER = rb"\1(engine)"
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
# Lines of unified diff shown per file: enough to see the change, not a whole page.
EXCERPT_LINES = 12
FIRST_BUILD, SECOND_BUILD = "MkDocs", "ProperDocs"


@dataclass(frozen=True)
class Difference:
    """A file that is not the same in both builds: `only_in` names the build that has it
    when the other does not; otherwise `excerpt` shows how its content differs."""

    path: str
    only_in: str | None = None
    excerpt: str = ""

    def __str__(self) -> str:
        if self.only_in is not None:
            return f"{self.path}: only in the {self.only_in} build"
        return f"{self.path}: differs\n{self.excerpt}"


@dataclass(frozen=True)
class Comparison:
    """How two builds compare: how many files both have, and what differs."""

    compared: int
    differences: tuple[Difference, ...]


def without_engine_names(content: bytes) -> bytes:
    """The file's content with the engine's name and version set aside (the module
    docstring says why that part only)."""
    return ENGINE_NAMES.sub(ENGINE_PLACEHOLDER, content)


def site_files(site: Path) -> set[str]:
    """Every file of a built site, as paths relative to it with `/` separators."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def generator(page: Path) -> str:
    """The generator tag's content in a built page ("" when it has none)."""
    found = GENERATOR.search(page.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def diff_excerpt(path: str, first: bytes, second: bytes, lines: int = EXCERPT_LINES) -> str:
    """The start of a unified diff between two versions of a file (binary files are
    described by their sizes)."""
    try:
        first_text, second_text = first.decode("utf-8"), second.decode("utf-8")
    except UnicodeDecodeError:
        return f"  binary content differs ({len(first)} and {len(second)} bytes)"
    diff = list(
        difflib.unified_diff(
            first_text.splitlines(),
            second_text.splitlines(),
            f"{FIRST_BUILD}/{path}",
            f"{SECOND_BUILD}/{path}",
            n=1,
            lineterm="",
        )
    )
    shown = [f"  {line}" for line in diff[:lines]]
    if len(diff) > lines:
        shown.append(f"  … {len(diff) - lines} more diff lines")
    return "\n".join(shown)


def compare_sites(first: Path, second: Path) -> Comparison:
    """Compare the build in `first` (MkDocs) with the one in `second` (ProperDocs)."""
    first_files, second_files = site_files(first), site_files(second)
    differences = [Difference(path, only_in=FIRST_BUILD) for path in first_files - second_files]
    differences += [Difference(path, only_in=SECOND_BUILD) for path in second_files - first_files]
    common = first_files & second_files
    for path in common:
        first_content = without_engine_names((first / path).read_bytes())
        second_content = without_engine_names((second / path).read_bytes())
        if first_content != second_content:
            differences.append(Difference(path, excerpt=diff_excerpt(path, first_content, second_content)))
    return Comparison(len(common), tuple(sorted(differences, key=lambda difference: difference.path)))


def report(comparison: Comparison) -> str:
    """What to print: each difference, then a one-line summary."""
    lines = [str(difference) for difference in comparison.differences]
    lines.append(
        f"{comparison.compared} files in both builds; {len(comparison.differences)} differ "
        f"(the engine's name in the generator tag set aside)."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mkdocs_site", type=Path, help="the site built by MkDocs")
    parser.add_argument("properdocs_site", type=Path, help="the same commit built by ProperDocs")
    args = parser.parse_args(argv)
    for site in (args.mkdocs_site, args.properdocs_site):
        if not (site / "index.html").is_file():
            print(f"{site}: no built site here (no index.html)", file=sys.stderr)
            return 2
    # Two builds by the same engine would match: show that each build is the engine it claims.
    engines = [generator(site / "index.html") for site in (args.mkdocs_site, args.properdocs_site)]
    print(f"{FIRST_BUILD} build: {engines[0]}\n{SECOND_BUILD} build: {engines[1]}")
    if SECOND_BUILD not in engines[1] or SECOND_BUILD in engines[0]:
        print(f"Not one build by each engine: the generator tags are {engines}", file=sys.stderr)
        return 2
    comparison = compare_sites(args.mkdocs_site, args.properdocs_site)
    print(report(comparison))
    return 1 if comparison.differences else 0


if __name__ == "__main__":
    sys.exit(main())
