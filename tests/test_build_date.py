"""The build date is passed in (hooks/build_date.py), and no hook changes the
process's environment: a later build in the same process (tests, mkdocs serve) is
never dated by an earlier one."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from build_date import VARIABLE, commit_epoch, dated_by_last_commit
from conftest import ROOT, git_in, write_in


def test_a_build_is_dated_by_the_last_commit_and_only_inside_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the block, the date is the commit's; after it, the variable is gone again."""
    monkeypatch.delenv(VARIABLE, raising=False)
    git_in(tmp_path, "init", "-q")
    write_in(tmp_path, "a.txt", "a")
    git_in(tmp_path, "add", "a.txt")
    git_in(
        tmp_path,
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-q",
        "-m",
        "a",
        "--date",
        "2024-01-02T03:04:05Z",
    )
    stamp = commit_epoch(tmp_path)
    assert stamp is not None and stamp.isdigit()
    with dated_by_last_commit(tmp_path):
        assert os.environ[VARIABLE] == stamp
    assert VARIABLE not in os.environ


def test_a_date_already_set_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone who sets SOURCE_DATE_EPOCH keeps it, during and after the build."""
    monkeypatch.setenv(VARIABLE, "1700000000")
    with dated_by_last_commit(ROOT):
        assert os.environ[VARIABLE] == "1700000000"
    assert os.environ[VARIABLE] == "1700000000"


def test_outside_git_there_is_no_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy without Git history builds with the clock's date, without an error."""
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert commit_epoch(tmp_path) is None
    with dated_by_last_commit(tmp_path):
        assert VARIABLE not in os.environ


def _environment_writes(path: Path) -> list[int]:
    """Lines of `path` that assign to os.environ or call a method that changes it."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = None
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            target = next((t for t in targets if isinstance(t, ast.Subscript)), None)
            target = target.value if target is not None else None
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in {"setdefault", "update", "pop", "__setitem__"}:
                target = node.func.value
        elif isinstance(node, ast.Delete):
            target = next((t.value for t in node.targets if isinstance(t, ast.Subscript)), None)
        if target is not None and ast.unparse(target) == "os.environ":
            lines.append(node.lineno)
    return sorted(lines)


def test_no_hook_changes_the_process_environment() -> None:
    """Every module the build loads leaves os.environ alone; only the two helpers that run
    a build in-process set a variable, for that build only, and put it back."""
    allowed = {"build_date.py", "offline_copy.py"}
    writers = {
        path.name: lines
        for path in sorted((ROOT / "hooks").glob("*.py"))
        if path.name not in allowed and (lines := _environment_writes(path))
    }
    assert writers == {}, f"hooks that change os.environ (file: lines): {writers}"


def test_the_check_sees_an_environment_write(tmp_path: Path) -> None:
    """The check above finds the kinds of write it looks for."""
    path = tmp_path / "hook.py"
    path.write_text(
        'import os\nos.environ["A"] = "1"\nos.environ.setdefault("B", "2")\ndel os.environ["A"]\n'
    )
    assert _environment_writes(path) == [2, 3, 4]
