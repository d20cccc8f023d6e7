"""`make mutation`: mutmut over the pure modules of hooks/, StrykerJS over the checklist's
logic, then the score per module, an HTML report of every mutant that lived, and a
failure when a module scores under MINIMUM_SCORE (README, "Mutation testing").

mutmut names a mutant after its file's path and finds the tests that reach it by the
module name they import; the tests import `checklist`, not `hooks.checklist`. So mutmut
runs in a copy of the project (.mutation/) where hooks/ is laid out as src/, the one
folder whose prefix mutmut drops. Its settings are [tool.mutmut] in pyproject.toml.

    python tests/mutation/run.py                 every module in [tool.mutmut] only_mutate,
                                                 then checklist.js
    python tests/mutation/run.py checklist glossary   those modules only
    python tests/mutation/run.py checklist.js    the checklist's logic only
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The gate: every module, Python or JavaScript, at least this share of mutants killed or
# shown equivalent, in percent (the one place it is set).
MINIMUM_SCORE = 90.0
ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".mutation"
REPORT = ROOT / "reports" / "mutation" / "python.html"
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.md"
JAVASCRIPT = "checklist.js"
STRYKER = ROOT / "tests" / "mutation" / "node_modules" / ".bin" / "stryker"
STRYKER_CONFIG = ROOT / "tests" / "mutation" / "stryker.config.json"
STRYKER_REPORT = ROOT / "reports" / "mutation" / "javascript.json"
# StrykerJS's statuses that count in its score; CompileError, RuntimeError and Ignored do not.
STRYKER_KILLED = {"Killed", "Timeout"}
STRYKER_LIVED = {"Survived", "NoCoverage"}
# What the selected tests read: the pages and data, the theme overrides, the site's config.
COPIED = ("docs", "overrides", "mkdocs.yml", "pyproject.toml")
SKIPPED_IN_COPY = shutil.ignore_patterns("__pycache__", "node_modules", "bench", ".pytest_cache")
# mutmut's statuses (mutmut.stats has them all); a timeout or a crash counts as killed.
KILLED, SURVIVED = "killed", "survived"


@dataclass(frozen=True)
class ModuleScore:
    module: str
    statuses: Counter[str]
    equivalent: int

    @property
    def generated(self) -> int:
        return sum(self.statuses.values())

    @property
    def killed(self) -> int:
        # A mutant that times out or crashes the tests is caught too.
        return self.statuses[KILLED] + self.statuses["timeout"] + self.statuses["segfault"]

    @property
    def survived(self) -> int:
        return self.generated - self.killed

    @property
    def score(self) -> float:
        """Killed or shown equivalent, out of all generated (100 when none)."""
        if not self.generated:
            return 100.0
        return 100.0 * (self.killed + self.equivalent) / self.generated


def lay_out_copy() -> None:
    """A fresh .mutation/: hooks/ as src/, the tests without their npm packages."""
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    shutil.copytree(ROOT / "hooks", WORK / "src", ignore=SKIPPED_IN_COPY)
    shutil.copytree(ROOT / "tests", WORK / "tests", ignore=SKIPPED_IN_COPY)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, WORK / name, ignore=SKIPPED_IN_COPY)
        else:
            shutil.copy2(source, WORK / name)
    shutil.copy2(ROOT / "tests" / "mutation" / "no_builds.py", WORK / "mutation_no_builds.py")
    # Tests that add hooks/ to sys.path, or copy it, get the mutated modules.
    (WORK / "mutants").mkdir()
    (WORK / "mutants" / "hooks").symlink_to("src", target_is_directory=True)


def configured_modules() -> list[str]:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [Path(path).stem for path in settings["tool"]["mutmut"]["only_mutate"]]


def run_mutmut(modules: list[str]) -> None:
    """mutmut run, limited to `modules` when they are not all of them."""
    names = [f"{module}.*" for module in modules] if modules != configured_modules() else []
    mutmut = Path(sys.executable).with_name("mutmut")
    subprocess.run([str(mutmut), "run", *names], cwd=WORK, check=True)


def equivalent_mutants() -> set[str]:
    """Mutant names listed in equivalent.md, one per `- `name`` line."""
    names = set()
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.startswith("- `"):
            names.add(line[3:].split("`", 1)[0])
    return names


# A JavaScript mutant in equivalent.md: - `function`, `code around it` → `replacement`: why.
JS_EQUIVALENT = re.compile(r"^- `[^`]+`, `(?P<code>[^`]+)` → `(?P<replacement>[^`]*)`")


def _code(text: str) -> str:
    return " ".join(text.split())


def javascript_equivalents() -> list[tuple[str, str]]:
    """(code, replacement) of each StrykerJS mutant listed as equivalent: StrykerJS numbers
    its mutants anew on each run, so each is named by the code it sits in (one line, or a
    block written on one line) and what it puts there."""
    return [
        (found["code"], _code(found["replacement"]))
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines()
        if (found := JS_EQUIVALENT.match(line))
    ]


def _within(source: str, start: int, end: int, code: str) -> bool:
    """Whether the mutated span [start, end) lies inside `code` as written on its lines
    (any spacing between the words)."""
    first = source.rfind("\n", 0, start) + 1
    last = source.find("\n", end)
    pattern = r"\s*".join(re.escape(word) for word in code.split())
    return any(
        found.start() <= start - first and end - first <= found.end()
        for found in re.finditer(pattern, source[first : len(source) if last == -1 else last])
    )


def run_stryker() -> None:
    subprocess.run([str(STRYKER), "run", str(STRYKER_CONFIG)], cwd=ROOT, check=True)


def collect_javascript(
    report: dict[str, Any], equivalent: list[tuple[str, str]]
) -> tuple[ModuleScore, dict[str, str]]:
    """The checklist's logic from StrykerJS's JSON report: a mutant lives when no test fails
    on it; one whose code and replacement `equivalent` lists counts as equivalent."""
    statuses: Counter[str] = Counter()
    shown_equivalent = 0
    survivors = {}
    for path, file in report["files"].items():
        source = file["source"]
        line_starts = [0, *(at + 1 for at, char in enumerate(source) if char == "\n")]
        for mutant in file["mutants"]:
            if mutant["status"] in STRYKER_KILLED:
                statuses[KILLED] += 1
                continue
            if mutant["status"] not in STRYKER_LIVED:
                continue
            statuses[SURVIVED] += 1
            # Locations count lines and columns from 1.
            start, end = (
                line_starts[at["line"] - 1] + at["column"] - 1
                for at in (mutant["location"]["start"], mutant["location"]["end"])
            )
            original, replacement = _code(source[start:end]), _code(mutant.get("replacement", ""))
            if any(
                replacement == wanted and _within(source, start, end, code) for code, wanted in equivalent
            ):
                shown_equivalent += 1
            else:
                line = mutant["location"]["start"]["line"]
                name = f"{Path(path).name}:{line} {mutant['mutatorName']} #{mutant['id']}"
                survivors[name] = f"{mutant['status']}\n- {original}\n+ {replacement}"
    return ModuleScore(JAVASCRIPT, statuses, shown_equivalent), survivors


def collect(modules: list[str]) -> tuple[list[ModuleScore], dict[str, str]]:
    """Each module's statuses, and the diff of each survivor not shown equivalent."""
    os.chdir(WORK)
    sys.path.insert(0, str(WORK))
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    equivalent = equivalent_mutants()
    scores, survivors = [], {}
    for module in modules:
        data = SourceFileMutationData(path=Path("src") / f"{module}.py")
        data.load()
        statuses: Counter[str] = Counter()
        shown_equivalent = 0
        for name, exit_code in sorted(data.exit_code_by_key.items()):
            status = status_by_exit_code[exit_code]
            statuses[status] += 1
            if status in (KILLED, "timeout", "segfault"):
                continue
            if name in equivalent:
                shown_equivalent += 1
            else:
                survivors[name] = f"{status}\n{get_diff_for_mutant(name, path=data.path)}"
        scores.append(ModuleScore(module, statuses, shown_equivalent))
    os.chdir(ROOT)
    return scores, survivors


def below_minimum(scores: list[ModuleScore]) -> list[str]:
    """The modules whose score is under MINIMUM_SCORE: the gate."""
    return [s.module for s in scores if s.score < MINIMUM_SCORE]


def table(scores: list[ModuleScore]) -> str:
    lines = [f"{'module':<20}{'generated':>10}{'killed':>8}{'survived':>10}{'equivalent':>12}{'score':>8}"]
    python = [s for s in scores if s.module != JAVASCRIPT]
    total = _total(python)
    rows = [*python, total] if len(python) > 1 else python
    for s in [*rows, *(s for s in scores if s.module == JAVASCRIPT)]:
        low = f"  under {MINIMUM_SCORE:g} %" if s.module in below_minimum(scores) else ""
        lines.append(
            f"{s.module:<20}{s.generated:>10}{s.killed:>8}{s.survived:>10}{s.equivalent:>12}"
            f"{s.score:>7.1f}%{low}"
        )
    return "\n".join(lines)


def _total(scores: list[ModuleScore]) -> ModuleScore:
    statuses: Counter[str] = Counter()
    for s in scores:
        statuses.update(s.statuses)
    return ModuleScore("hooks/ (all)", statuses, sum(s.equivalent for s in scores))


def write_report(scores: list[ModuleScore], survivors: dict[str, str], seconds: float) -> None:
    items = "\n".join(
        f"<h3 id='{html.escape(name)}'>{html.escape(name)}</h3><pre>{html.escape(diff)}</pre>"
        for name, diff in survivors.items()
    )
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Mutation testing</title>"
        f"<h1>Mutation testing</h1><p>{time.strftime('%Y-%m-%d')}, {seconds:.0f} s "
        f"(load average {os.getloadavg()[0]:.1f}).</p><pre>{html.escape(table(scores))}</pre>"
        f"<h2>Survivors not shown equivalent ({len(survivors)})</h2>{items or '<p>None.</p>'}</html>\n",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "modules", nargs="*", help=f"module names (default: all of only_mutate, then {JAVASCRIPT})"
    )
    chosen = parser.parse_args().modules or [*configured_modules(), JAVASCRIPT]
    unknown = sorted(set(chosen) - {*configured_modules(), JAVASCRIPT})
    if unknown:
        parser.error(f"not in [tool.mutmut] only_mutate, nor {JAVASCRIPT}: {', '.join(unknown)}")
    modules = [module for module in chosen if module != JAVASCRIPT]
    start = time.monotonic()
    scores, survivors = [], {}
    if modules:
        lay_out_copy()
        run_mutmut(modules)
        scores, survivors = collect(modules)
    if JAVASCRIPT in chosen:
        run_stryker()
        report = json.loads(STRYKER_REPORT.read_text(encoding="utf-8"))
        javascript, lived = collect_javascript(report, javascript_equivalents())
        scores.append(javascript)
        survivors.update(lived)
    seconds = time.monotonic() - start
    write_report(scores, survivors, seconds)
    print(table(scores))
    print(f"{seconds:.0f} s, load average {os.getloadavg()[0]:.1f}; survivors: {REPORT.relative_to(ROOT)}")
    below = below_minimum(scores)
    if below:
        print(f"Under the minimum of {MINIMUM_SCORE:.0f} %: {', '.join(below)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
