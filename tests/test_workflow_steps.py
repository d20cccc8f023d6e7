"""tests/checks/workflow_steps.py, which runs a workflow's `run:` steps in a fresh clone:
its expressions, its order and outcomes on a small made-up workflow in a temporary Git
repository, and its plan for the project's real workflows."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import workflow_steps
from checks.workflow_steps import Evaluator, ExpressionError, condition, stand_ins, substitute
from conftest import ROOT, git_in

WORKFLOWS = ROOT / ".github" / "workflows"


@pytest.fixture
def evaluator(tmp_path: Path) -> Evaluator:
    contexts = stand_ins("main", "editor/fix", tmp_path, "pull_request")
    contexts["steps"] = {"pages": {"outputs": {"publish": "true", "host": "o.github.io/r"}}}
    return Evaluator(contexts)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("github.event_name == 'pull_request'", True),
        ("github.event.action != 'closed'", True),
        ("github.event.pull_request.head.repo.full_name == github.repository", True),
        ("steps.pages.outputs.publish == 'true'", True),
        ("steps.missing.outputs.anything == 'true'", False),
        ("GITHUB.EVENT_NAME == 'Pull_Request'", True),
        ("always()", True),
        ("failure()", False),
        ("!(github.base_ref == 'main')", False),
        ("github.base_ref || 'fallback'", "main"),
        ("github.head_ref && 'yes'", "yes"),
        ("contains(github.ref, 'pull') && startsWith(github.ref, 'refs/')", True),
        ("'it''s'", "it's"),
    ],
)
def test_expressions(evaluator: Evaluator, expression: str, value: object) -> None:
    assert evaluator.evaluate(expression) == value


def test_substitution_and_conditions(evaluator: Evaluator) -> None:
    """${{ }} inside text; if: gets success() unless it names a status function."""
    assert (
        substitute("edit/${{ github.event.repository.default_branch }}/docs/", evaluator) == "edit/main/docs/"
    )
    assert substitute("${{ github.server_url }}/${{ github.repository }}", evaluator) == (
        "https://github.com/local/guide"
    )
    evaluator.failed = True
    assert condition(None, evaluator) is False
    assert condition("github.event_name == 'pull_request'", evaluator) is False
    assert condition("${{ always() }}", evaluator) is True


def test_an_unknown_expression_is_an_error(evaluator: Evaluator) -> None:
    with pytest.raises(ExpressionError, match="hashFiles"):
        evaluator.evaluate("hashFiles('**/x')")
    with pytest.raises(ExpressionError):
        evaluator.evaluate("github.ref ==")


MADE_UP_WORKFLOW = """\
on: pull_request
jobs:
  first:
    runs-on: ubuntu-latest
    container: debian:12
    env:
      JOB_VAR: from-the-job
    steps:
      - id: one
        run: |
          echo "word=hello" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV=carried" >> "$GITHUB_ENV"
      - uses: actions/checkout@v4
      - name: Uses the outputs
        env:
          BASE: ${{ github.base_ref }}
        run: echo "got ${{ steps.one.outputs.word }} $FROM_ENV $JOB_VAR $BASE"
      - name: Only on push
        if: github.event_name == 'push'
        run: echo "never"
      - name: A fresh clone
        run: |
          test ! -e .venv && test -e README.md
          git rev-parse --verify -q origin/main > /dev/null && echo "origin/main is there"
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
      - name: Breaks
        run: exit 3
      - name: After the failure
        run: echo "not reached"
      - name: Clean up
        if: always()
        run: echo "cleaned up" >> "$GITHUB_STEP_SUMMARY"
  second:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - run: echo "second ran"
  third:
    needs: [first]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "third ran"
"""


def test_a_made_up_workflow_runs_in_order_in_a_fresh_clone(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Outputs and GITHUB_ENV carry to later steps; uses: steps and false if: are skipped;
    a failure skips what follows except if: always(), and the jobs that need it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git_in(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("readme\n", encoding="utf-8")
    (repo / "workflow.yml").write_text(MADE_UP_WORKFLOW, encoding="utf-8")
    (repo / ".venv").mkdir()  # not committed: the clone must not have it
    (repo / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    git_in(repo, "add", "README.md", "workflow.yml", ".gitignore")
    git_in(repo, "commit", "-q", "-m", "start")
    git_in(repo, "checkout", "-q", "-b", "editor/fix")
    assert workflow_steps.main([str(repo / "workflow.yml"), "--repo", str(repo)]) == 1
    out = capfd.readouterr().out
    assert "== job first; container debian:12: run here instead" in out
    assert "got hello carried from-the-job main" in out
    assert "-- 2. actions/checkout@v4: not run here (uses: actions/checkout@v4)" in out
    assert "-- 4. Only on push: skipped (if: github.event_name == 'push')" in out
    assert "origin/main is there" in out
    assert "Breaks: FAILED (exit 3)" in out
    assert "-- 7. After the failure: skipped" in out
    assert "not reached" not in out
    assert "cleaned up" in out  # the job summary, printed at the end
    assert "== job second: skipped" in out and "second ran" not in out
    assert "third ran" in out
    assert "1 step(s) failed" in out and "first: Breaks" in out
    # Git's global settings went to the run's own file, not to the user's.
    user_config = Path.home() / ".gitconfig"
    assert "workflow-steps-" not in (user_config.read_text(encoding="utf-8") if user_config.is_file() else "")


@pytest.mark.parametrize("workflow", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_the_real_workflows_plan(workflow: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Every expression of the project's workflows is understood, and each job's steps are listed."""
    event = "pull_request" if workflow.name == "pull-request.yml" else "push"
    assert workflow_steps.main([str(workflow), "--dry-run", "--event", event]) == 0
    out = capfd.readouterr().out
    assert "would run" in out and "not run here (uses: actions/checkout@v4)" in out
    if workflow.name == "pull-request.yml":
        assert "     | make test" in out
        assert "Links to the changed pages: would run with BASE_REF=main PREVIEW_URL= RUN_URL=" in out
        assert "== job preview" in out
        # The site built with ProperDocs too, compared with the MkDocs build.
        assert "== job engine-parity; container debian:12" in out
        assert "-- 4. make engine-parity: would run\n     | make engine-parity" in out
