"""The translation parity command (`make parity`), on a small temporary Git repository:
a branch that changes one language of a page and not its twin gets a warning that
lists the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import parity
from conftest import git_in, write_in


@pytest.fixture(autouse=True)
def _plain_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain warnings, even when the suite itself runs in GitHub Actions (GITHUB_ACTIONS=true)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main has plan and ecoute in both languages; the editor's branch starts from it."""
    git_in(tmp_path, "init", "-q", "-b", "main")
    for slug in ("plan", "ecoute"):
        write_in(tmp_path, f"docs/{slug}.fr.md", f"# {slug}\n")
        write_in(tmp_path, f"docs/{slug}.en.md", f"# {slug}\n")
    git_in(tmp_path, "add", "docs")
    git_in(tmp_path, "commit", "-q", "-m", "pages")
    git_in(tmp_path, "checkout", "-q", "-b", "editor/fix")
    return tmp_path


def test_a_page_changed_in_both_languages_is_fine(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both twins changed: no warning."""
    write_in(repo, "docs/plan.fr.md", "# plan\n\nNouveau.\n")
    write_in(repo, "docs/plan.en.md", "# plan\n\nNew.\n")
    git_in(repo, "commit", "-q", "-am", "both")
    assert parity.main(["--repo", str(repo), "--strict"]) == 0
    assert "2 page files changed since main; 0 without their twin." in capsys.readouterr().out


def test_a_page_changed_in_french_only_is_listed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """French changed, English not: a warning naming both files; --strict fails."""
    write_in(repo, "docs/plan.fr.md", "# plan\n\nNouveau.\n")
    git_in(repo, "commit", "-q", "-am", "fr only")
    assert parity.main(["--repo", str(repo)]) == 0
    out = capsys.readouterr().out
    assert (
        "warning: docs/plan.fr.md changed, but its English twin docs/plan.en.md did not. "
        "Make the same change in docs/plan.en.md" in out
    )
    assert "ecoute" not in out
    assert parity.main(["--repo", str(repo), "--strict"]) == 1


def test_uncommitted_english_edit_is_seen(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An edit not yet committed counts too: the editor sees the warning before pushing."""
    write_in(repo, "docs/ecoute.en.md", "# ecoute\n\nNew.\n")
    parity.main(["--repo", str(repo)])
    assert (
        "docs/ecoute.en.md changed, but its French twin docs/ecoute.fr.md did not." in capsys.readouterr().out
    )


def test_a_new_page_without_its_twin(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page created in one language only: the message says which file to create."""
    write_in(repo, "docs/budget.en.md", "# Budget\n")
    parity.main(["--repo", str(repo)])
    assert (
        "docs/budget.en.md: this page has no French version. Create docs/budget.fr.md"
        in capsys.readouterr().out
    )


def test_on_github_the_warning_is_an_annotation(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In GitHub Actions, the warning shows on the pull request's file."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write_in(repo, "docs/plan.en.md", "# plan\n\nNew.\n")
    parity.main(["--repo", str(repo)])
    assert "::warning file=docs/plan.en.md::docs/plan.en.md changed" in capsys.readouterr().out


def test_an_unknown_base_says_how_to_fix_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No such base branch: exit 2 and a message that says to fetch it."""
    assert parity.main(["--repo", str(repo), "--base", "origin/main"]) == 2
    assert "cannot compare with “origin/main”" in capsys.readouterr().err


def test_unpaired_changes_ignores_other_files() -> None:
    """Only docs/<slug>.<lang>.md pages have twins; data files and README do not."""
    found = parity.unpaired_changes(
        ["README.md", "docs/data/glossary.yml", "docs/plan.fr.md"], {"docs/plan.en.md", "docs/plan.fr.md"}
    )
    assert [(item.changed, item.twin, item.twin_exists) for item in found] == [
        ("docs/plan.fr.md", "docs/plan.en.md", True)
    ]
