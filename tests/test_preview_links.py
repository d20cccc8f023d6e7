"""The pull request's preview comment (tests/checks/preview_links.py), on a small
temporary Git repository: each changed page is linked in both languages (English at its
`slug:` address), and a page changed in one language only is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import preview_links
from conftest import git_in, write_in

URL = "https://example.github.io/guide/pr-preview/pr-7/"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main has index, plan and pertinence (English at slug: relevance) in both languages."""
    git_in(tmp_path, "init", "-q", "-b", "main")
    for name in ("index", "plan", "pertinence"):
        write_in(tmp_path, f"docs/{name}.fr.md", f"# {name}\n")
        write_in(tmp_path, f"docs/{name}.en.md", f"# {name}\n")
    write_in(
        tmp_path, "docs/pertinence.en.md", '---\ntitle: "Should you be there?"\nslug: relevance\n---\n\n# x\n'
    )
    git_in(tmp_path, "add", "docs")
    git_in(tmp_path, "commit", "-q", "-m", "pages")
    git_in(tmp_path, "checkout", "-q", "-b", "editor/fix")
    return tmp_path


def _comment(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert preview_links.main(["--repo", str(repo), *args]) == 0
    return capsys.readouterr().out


def test_pages_changed_in_both_languages_are_linked_in_both(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """French at the file's name, English at its slug; the home pages at each language's root."""
    for name in ("pertinence", "index"):
        write_in(repo, f"docs/{name}.fr.md", "# Nouveau\n")
        write_in(
            repo, f"docs/{name}.en.md", "---\nslug: relevance\n---\n# New\n" if name != "index" else "# New\n"
        )
    git_in(repo, "commit", "-q", "-am", "both")
    out = _comment(repo, capsys, "--url", URL)
    assert out.startswith(preview_links.MARKER)
    assert f"The whole site: {URL}" in out
    assert f"| `docs/index.*.md` | [/]({URL}) | [/en/]({URL}en/) |" in out
    assert (
        f"| `docs/pertinence.*.md` | [/pertinence/]({URL}pertinence/) | [/en/relevance/]({URL}en/relevance/) |"
        in out
    )
    assert "plan" not in out
    assert "WARNING" not in out


def test_a_page_changed_in_one_language_gets_a_warning(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """English changed only: both addresses still listed (the French one marked unchanged), and a warning."""
    write_in(repo, "docs/pertinence.en.md", "---\nslug: relevance\n---\n# Changed\n")
    git_in(repo, "commit", "-q", "-am", "en only")
    out = _comment(repo, capsys, "--url", URL)
    assert (
        f"| `docs/pertinence.*.md` | [/pertinence/]({URL}pertinence/) (unchanged) | "
        f"[/en/relevance/]({URL}en/relevance/) |" in out
    )
    assert "> [!WARNING]" in out
    assert "> - docs/pertinence.en.md changed, but its French twin docs/pertinence.fr.md did not." in out


def test_without_a_published_preview_it_names_the_files_to_open(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No --url (Pages off, or a fork): where to download the site, and each page's file in it."""
    write_in(repo, "docs/plan.fr.md", "# Nouveau\n")
    write_in(repo, "docs/plan.en.md", "# New\n")
    run = "https://github.com/o/r/actions/runs/1"
    out = _comment(repo, capsys, "--download", run)
    assert f"download **site-preview** from [the run's artifacts]({run})" in out
    assert (
        "| `docs/plan.*.md` | `social-media-guide/plan/index.html` | `social-media-guide/en/plan/index.html` |"
        in out
    )


def test_new_removed_and_other_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new page without its twin, a removed page, and a data file: each said plainly."""
    write_in(repo, "docs/budget.fr.md", "# Budget\n")
    git_in(repo, "rm", "-q", "docs/plan.fr.md", "docs/plan.en.md")
    write_in(repo, "docs/data/glossary.yml", "entries: []\n")
    write_in(repo, "README.md", "readme\n")
    out = _comment(repo, capsys, "--url", URL, "--output", str(repo / "comment.md"))
    assert f"| `docs/budget.*.md` | [/budget/]({URL}budget/) | missing |" in out
    assert "| `docs/plan.*.md` | removed | removed |" in out
    assert "Also changed, and may show on several pages: `docs/data/glossary.yml`." in out
    assert "docs/budget.fr.md: this page has no English version." in out
    assert (repo / "comment.md").read_text(encoding="utf-8") == out


def test_no_page_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_in(repo, "README.md", "readme\n")
    assert "No page of the guide changed." in _comment(repo, capsys, "--url", URL)


def test_an_unknown_base_says_how_to_fix_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert preview_links.main(["--repo", str(repo), "--base", "origin/main"]) == 2
    assert "cannot compare with “origin/main”" in capsys.readouterr().err
