"""The house style holds: ruff lint and format, and mypy --strict on the hooks' pure
modules and the editor checks (pyproject.toml); ESLint on the site's scripts and
Stylelint on its stylesheets (tests/eslint.config.mjs, tests/stylelint.config.mjs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent
NPM_BIN = ROOT / "tests" / "node_modules" / ".bin"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing_to_fix() -> None:
    """`ruff check` passes on the hooks and the tests."""
    result = _run(str(BIN / "ruff"), "check", "hooks", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied() -> None:
    """The code is formatted as `ruff format` writes it."""
    result = _run(str(BIN / "ruff"), "format", "--check", "hooks", "tests")
    assert result.returncode == 0, f"run `.venv/bin/ruff format hooks tests`:\n{result.stdout}"


def test_mypy_strict_passes() -> None:
    """The typed modules type-check under mypy --strict."""
    result = _run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_finds_no_problem() -> None:
    """The site's scripts (not vendor/) and their Node tests pass ESLint's recommended rules."""
    result = _run(
        str(NPM_BIN / "eslint"),
        "--config",
        "tests/eslint.config.mjs",
        "overrides/assets/javascripts",
        "overrides/strict-csp/assets/javascripts",
        "tests/js",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_stylelint_finds_no_problem() -> None:
    """The site's stylesheets pass Stylelint's standard rules, with the project's class names."""
    result = _run(
        str(NPM_BIN / "stylelint"),
        "--config",
        "tests/stylelint.config.mjs",
        "overrides/assets/stylesheets/**/*.css",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_script_linter_sees_a_mistake() -> None:
    """ESLint, as configured, fails on an undefined name in a site script."""
    script = (ROOT / "overrides" / "assets" / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    result = subprocess.run(
        [str(NPM_BIN / "eslint"), "--config", "tests/eslint.config.mjs", "--stdin", "--stdin-filename",
         "overrides/assets/javascripts/broken.js"],
        cwd=ROOT, input=script + "\nundefinedThing();\n", capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "no-undef" in result.stdout, result.stdout + result.stderr


NODE_TESTS = ROOT / "tests" / "js"


def test_the_scripts_pure_logic_passes_under_node() -> None:
    """tests/js/*.test.js under Node's own test runner: the pure logic of the site's scripts
    (the checklist's score, levels, stored and shared answers; the language selector)."""
    node = shutil.which("node")
    assert node, "Node.js is needed (make install-npm installs the project's Node tools with it)"
    result = subprocess.run(
        [node, "--test", *sorted(str(p) for p in NODE_TESTS.glob("*.test.js"))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout


MAX_HOOK_LINES = 150


def test_every_hook_is_a_thin_adapter() -> None:
    """Each hook mkdocs.yml lists has one job and stays short (≤ 150 lines): its logic
    belongs in the pure module beside it, tested without MkDocs."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = [line.split("- ", 1)[1].strip() for line in config.splitlines() if line.startswith("  - hooks/")]
    assert len(hooks) >= 10, hooks
    long = {
        hook: n
        for hook in hooks
        if (n := len((ROOT / hook).read_text(encoding="utf-8").splitlines())) > MAX_HOOK_LINES
    }
    assert long == {}, f"hooks longer than {MAX_HOOK_LINES} lines: {long}"
