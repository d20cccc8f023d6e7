"""The Nu HTML validator (npm package vnu-jar) on the built pages, in one Java start.

    python -m checks.html_validator site/     errors in our markup, then exit 1 if any

Errors that come from Material for MkDocs itself, which we cannot change without
copying its templates, are listed in THEME_ERRORS with the reason; README explains
them. Any other error is ours and fails the check.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from checks.pages import built_pages, page_for

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class ThemeError:
    """A validator error in Material's own markup, accepted with its reason."""

    message: re.Pattern[str]
    extract: str
    reason: str


THEME_ERRORS = (
    ThemeError(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        'class="md-toggle"',
        'Material\'s hidden menu and search toggles are checkboxes with autocomplete="off", '
        "so that Firefox does not restore them open after a reload. Browsers accept it; "
        "the HTML standard does not list it for checkboxes.",
    ),
)


@dataclass(frozen=True)
class Finding:
    file: Path
    line: int | None
    message: str
    extract: str

    def is_theme(self) -> bool:
        return any(
            known.message.search(self.message) and known.extract in self.extract for known in THEME_ERRORS
        )


class ValidatorError(RuntimeError):
    """The validator could not run (no Java, no vnu.jar)."""


# -XX:TieredStopAtLevel=1, the quick compiler only: a run of a few seconds otherwise spends
# half its CPU time in the optimizing one, for the same answer.
JAVA_OPTIONS = ("-Xss8m", "-XX:TieredStopAtLevel=1")


def run_validator(files: list[Path], jar: Path = VNU_JAR) -> list[Finding]:
    """The validator's errors for these files (warnings and notes left out)."""
    java = shutil.which("java")
    if java is None:
        raise ValidatorError(
            "Java is missing: `make test` installs it (Debian package default-jre-headless)."
        )
    if not jar.is_file():
        raise ValidatorError(f"{jar} is missing: `make test` installs it (npm ci).")
    result = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise ValidatorError(f"the validator did not answer in JSON: {result.stderr[:500]}") from error
    return [
        Finding(
            Path(message.get("url", "").removeprefix("file:")),
            message.get("lastLine"),
            message["message"],
            " ".join(message.get("extract", "").split()),
        )
        for message in messages
        if message.get("type") == "error"
    ]


def describe(finding: Finding, site_dir: Path) -> str:
    """An editor's line: the source page, the built file and line, the problem, the markup."""
    try:
        relative = finding.file.resolve().relative_to(site_dir.resolve()).as_posix()
        source = page_for(site_dir, relative).source
        where = f"{source} (built as {relative}, line {finding.line})"
    except ValueError:
        where = f"{finding.file}, line {finding.line}"
    return f"{where}: {finding.message} Markup: {finding.extract}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.html_validator", description=__doc__.split("\n")[0]
    )
    parser.add_argument("site_dir", type=Path, help="the built site (make build writes site/)")
    args = parser.parse_args(argv)
    findings = run_validator([page.path for page in built_pages(args.site_dir)])
    ours = [finding for finding in findings if not finding.is_theme()]
    for finding in ours:
        print(describe(finding, args.site_dir), file=sys.stderr)
    print(f"{len(ours)} HTML errors in our markup; {len(findings) - len(ours)} known theme errors.")
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())
