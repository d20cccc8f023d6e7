"""The house style for Python holds: ruff lint and format, and mypy --strict on the
hooks' pure modules and the editor checks (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


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
