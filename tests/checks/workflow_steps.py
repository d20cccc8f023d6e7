"""Run a GitHub workflow's `run:` steps here, in order, in a fresh clone: what a fresh
GitHub-hosted runner would do with this commit, as far as this machine can show it.

    python -m checks.workflow_steps .github/workflows/pull-request.yml
    python -m checks.workflow_steps .github/workflows/publish.yml --job build --dry-run

It clones the repository's current commit (committed work only) into a temporary
folder, so nothing is installed yet: no .venv, no node_modules. Then, job by job (in
the order of `needs:`), step by step:
- a `uses:` step is not run: it is printed, and its outputs are empty. The clone
  stands for actions/checkout (full history; origin/<base> exists);
- a `run:` step runs with bash -e in the clone, with the job's and the step's `env:`,
  GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as on GitHub;
- `if:` and `${{ }}` are evaluated (==, !=, &&, ||, !, always(), success(), failure(),
  contains(), startsWith()) with the stand-ins below for what only GitHub knows;
- `container:` is printed: the steps run on this machine (Debian 12, root) instead.
Git's global settings go to a file of the run (GIT_CONFIG_GLOBAL), not to yours.

Stand-ins (STAND_INS): a pull request (`synchronize`) from a branch of the same
repository into --base (main), repository "local/guide" on https://github.com, run 0;
anything else GitHub would know (secrets, vars, unknown keys) is empty. Exit status 1
when a step that ran failed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Value = str | bool | float | None
EXPRESSION_RE = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)
TOKEN_RE = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||!|\(|\)|,)"
    r"|(?P<name>[A-Za-z_][\w.\-*]*))"
)
REPOSITORY = "local/guide"


def stand_ins(base: str, head: str, workspace: Path, event: str) -> dict[str, Any]:
    """What GitHub would know, for a pull request from `head` into `base` (or a push)."""
    pull_request = {
        "number": 0,
        "head": {"ref": head, "repo": {"full_name": REPOSITORY}},
        "base": {"ref": base, "repo": {"full_name": REPOSITORY}},
    }
    return {
        "github": {
            "event_name": event,
            "event": {
                "action": "synchronize" if event == "pull_request" else "",
                "number": 0,
                "pull_request": pull_request if event == "pull_request" else None,
                "repository": {"default_branch": base, "full_name": REPOSITORY},
            },
            "base_ref": base if event == "pull_request" else "",
            "head_ref": head if event == "pull_request" else "",
            "ref": "refs/pull/0/merge" if event == "pull_request" else f"refs/heads/{base}",
            "repository": REPOSITORY,
            "server_url": "https://github.com",
            "run_id": "0",
            "workspace": str(workspace),
            "token": "",
        },
        "runner": {"os": "Linux", "temp": tempfile.gettempdir()},
        "secrets": {},
        "vars": {},
    }


# --- Expressions --------------------------------------------------------------------


class ExpressionError(ValueError):
    """An expression this small evaluator does not understand."""


def _tokens(text: str) -> list[tuple[str, str]]:
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = TOKEN_RE.match(text, position)
        if match is None or match.end() == position:
            raise ExpressionError(f"cannot read {text[position:]!r} in {text!r}")
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        position = match.end()
        while position < len(text) and text[position].isspace():
            position += 1
    return found


def _truthy(value: Value) -> bool:
    return value not in (None, False, "", 0)


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def _equal(left: Value, right: Value) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.lower() == right.lower()  # GitHub compares strings ignoring case
    return left == right


@dataclass
class Evaluator:
    """Evaluates one expression against `contexts`; `failed` is the job's state so far."""

    contexts: dict[str, Any]
    failed: bool = False
    _tokens: list[tuple[str, str]] = field(default_factory=list)

    def evaluate(self, expression: str) -> Value:
        self._tokens = _tokens(expression)
        value = self._or()
        if self._tokens:
            raise ExpressionError(f"unexpected {self._tokens[0][1]!r} in {expression!r}")
        return value

    def _take(self, op: str) -> bool:
        if self._tokens and self._tokens[0] == ("op", op):
            self._tokens.pop(0)
            return True
        return False

    def _or(self) -> Value:
        value = self._and()
        while self._take("||"):
            right = self._and()
            value = value if _truthy(value) else right
        return value

    def _and(self) -> Value:
        value = self._comparison()
        while self._take("&&"):
            right = self._comparison()
            value = right if _truthy(value) else value
        return value

    def _comparison(self) -> Value:
        value = self._unary()
        while self._tokens and self._tokens[0] in (("op", "=="), ("op", "!=")):
            op = self._tokens.pop(0)[1]
            right = self._unary()
            value = _equal(value, right) == (op == "==")
        return value

    def _unary(self) -> Value:
        if self._take("!"):
            return not _truthy(self._unary())
        return self._primary()

    def _primary(self) -> Value:
        if not self._tokens:
            raise ExpressionError("the expression ends too early")
        kind, text = self._tokens.pop(0)
        if kind == "op" and text == "(":
            value = self._or()
            if not self._take(")"):
                raise ExpressionError("a ( is not closed")
            return value
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text)
        if kind != "name":
            raise ExpressionError(f"unexpected {text!r}")
        if text in ("true", "false"):
            return text == "true"
        if text == "null":
            return None
        if self._take("("):
            return self._call(text)
        return self._lookup(text)

    def _call(self, name: str) -> Value:
        arguments: list[Value] = []
        while not self._take(")"):
            arguments.append(self._or())
            self._take(",")
        functions: dict[str, Callable[[], Value]] = {
            "always": lambda: True,
            "success": lambda: not self.failed,
            "failure": lambda: self.failed,
            "cancelled": lambda: False,
            "contains": lambda: _text(arguments[1]).lower() in _text(arguments[0]).lower(),
            "startswith": lambda: _text(arguments[0]).lower().startswith(_text(arguments[1]).lower()),
            "endswith": lambda: _text(arguments[0]).lower().endswith(_text(arguments[1]).lower()),
        }
        if name.lower() not in functions:
            raise ExpressionError(f"function {name}() is not known here")
        return functions[name.lower()]()

    def _lookup(self, path: str) -> Value:
        value: Any = self.contexts
        for key in path.split("."):  # GitHub ignores case in property names too
            keys = {str(k).lower(): k for k in value} if isinstance(value, dict) else {}
            value = value[keys[key.lower()]] if key.lower() in keys else None
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value if isinstance(value, str | bool | float) or value is None else str(value)


def substitute(text: str, evaluator: Evaluator) -> str:
    """`text` with each ${{ expression }} replaced by its value."""
    return EXPRESSION_RE.sub(lambda match: _text(evaluator.evaluate(match.group(1))), text)


def condition(raw: object, evaluator: Evaluator) -> bool:
    """A step's or job's `if:` (default: success())."""
    if raw is None:
        return not evaluator.failed
    text = str(raw).strip()
    match = EXPRESSION_RE.fullmatch(text)
    expression = match.group(1) if match else text
    # GitHub adds success() unless the condition names a status function.
    if not re.search(r"\b(always|success|failure|cancelled)\(", expression):
        expression = f"success() && ({expression})"
    return _truthy(evaluator.evaluate(expression))


# --- Running ------------------------------------------------------------------------


def job_order(jobs: dict[str, Any]) -> list[str]:
    """The jobs, each after those it `needs:`."""
    ordered: list[str] = []

    def visit(name: str) -> None:
        if name in ordered:
            return
        needs = jobs[name].get("needs") or []
        for other in [needs] if isinstance(needs, str) else needs:
            visit(other)
        ordered.append(name)

    for name in jobs:
        visit(name)
    return ordered


def _read_pairs(path: Path) -> dict[str, str]:
    """KEY=value lines and KEY<<DELIMITER blocks, as GitHub reads GITHUB_ENV and GITHUB_OUTPUT."""
    pairs: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            pairs[key] = "\n".join(lines[index + 1 : end])
            index = end + 1
            continue
        if "=" in line:
            key, value = line.split("=", 1)
            pairs[key] = value
        index += 1
    return pairs


@dataclass
class Run:
    workspace: Path
    scratch: Path
    contexts: dict[str, Any]
    dry_run: bool = False
    failures: list[str] = field(default_factory=list)
    log: Callable[[str], None] = print

    def job(self, name: str, job: dict[str, Any]) -> None:
        needs = job.get("needs") or []
        needed = [needs] if isinstance(needs, str) else list(needs)
        results = self.contexts.setdefault("needs", {})
        # A job after a failed (or skipped) one is skipped, unless its if: says otherwise.
        evaluator = Evaluator(
            self.contexts, failed=any(results.get(n, {}).get("result") != "success" for n in needed)
        )
        self.contexts["steps"] = {}
        self.contexts["env"] = {}
        container = job.get("container")
        image = container.get("image") if isinstance(container, dict) else container
        where = f"; container {image}: run here instead" if image else ""
        if not condition(job.get("if"), evaluator):
            self.log(f"== job {name}: skipped (if: {job.get('if', 'success()')})")
            results[name] = {"outputs": {}, "result": "skipped"}
            return
        evaluator.failed = False
        failures_before = len(self.failures)
        self.log(f"== job {name}{where}")
        env = {str(k): substitute(str(v), evaluator) for k, v in (job.get("env") or {}).items()}
        paths: list[str] = []
        for number, step in enumerate(job.get("steps") or [], start=1):
            label = step.get("name") or step.get("uses") or str(step.get("run", "")).splitlines()[0]
            evaluator.failed = len(self.failures) > failures_before
            self.contexts["env"] = {**env}
            if not condition(step.get("if"), evaluator):
                self.log(f"-- {number}. {label}: skipped (if: {step.get('if', 'success()')})")
                continue
            if "uses" in step:
                self.log(f"-- {number}. {label}: not run here (uses: {step['uses']})")
                if step.get("id"):
                    self.contexts["steps"][step["id"]] = {"outputs": {}, "outcome": "skipped"}
                continue
            step_env = {str(k): substitute(str(v), evaluator) for k, v in (step.get("env") or {}).items()}
            script = substitute(str(step["run"]), evaluator)
            shown_env = " ".join(f"{key}={value}" for key, value in step_env.items())
            if self.dry_run:
                self.log(f"-- {number}. {label}: would run" + (f" with {shown_env}" if shown_env else ""))
                self.log(_indent(script))
                continue
            outputs, env_file, path_file = (
                self.scratch / f"{name}-{number}-{kind}" for kind in ("out", "env", "path")
            )
            summary = self.scratch / "summary.md"
            for path in (outputs, env_file, path_file):
                path.write_text("", encoding="utf-8")
            full_env = {
                **os.environ,
                "CI": "true",
                **env,
                **step_env,
                "GITHUB_ACTIONS": "true",
                "GITHUB_WORKSPACE": str(self.workspace),
                "GITHUB_OUTPUT": str(outputs),
                "GITHUB_ENV": str(env_file),
                "GITHUB_PATH": str(path_file),
                "GITHUB_STEP_SUMMARY": str(summary),
                "GIT_CONFIG_GLOBAL": str(self.scratch / "gitconfig"),
                "PATH": os.pathsep.join([*reversed(paths), os.environ.get("PATH", "")]),
            }
            self.log(f"-- {number}. {label}: run" + (f" with {shown_env}" if shown_env else ""))
            started = time.monotonic()
            result = subprocess.run(
                ["bash", "-e", "-c", script], cwd=self.workspace, env=full_env, check=False
            )
            seconds = time.monotonic() - started
            status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
            self.log(f"   {label}: {status} in {seconds:.0f} s")
            if result.returncode != 0:
                self.failures.append(f"{name}: {label}")
            env.update(_read_pairs(env_file))
            paths += [line for line in path_file.read_text(encoding="utf-8").splitlines() if line]
            if step.get("id"):
                self.contexts["steps"][step["id"]] = {
                    "outputs": _read_pairs(outputs),
                    "outcome": "success" if result.returncode == 0 else "failure",
                }
        outputs_spec = job.get("outputs") or {}
        results[name] = {
            "outputs": {key: substitute(str(value), evaluator) for key, value in outputs_spec.items()},
            "result": "failure" if len(self.failures) > failures_before else "success",
        }


def _indent(text: str) -> str:
    return "\n".join(f"     | {line}" for line in text.rstrip().splitlines())


def fresh_clone(repo: Path, target: Path) -> str:
    """Clone `repo`'s current commit into `target` (full history); the branch's name."""
    head = subprocess.run(
        ["git", "rev-parse", "--abbrev-ref", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run(["git", "clone", "-q", "--no-local", str(repo.resolve()), str(target)], check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    )
    subprocess.run(["git", "checkout", "-q", commit.stdout.strip()], cwd=target, check=True)
    return head


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.workflow_steps", description=__doc__.split("\n")[0]
    )
    parser.add_argument("workflow", type=Path, help="a file of .github/workflows/")
    parser.add_argument("--repo", type=Path, default=Path("."), help="the repository (default: here)")
    parser.add_argument("--job", action="append", help="only this job (repeatable); default: every job")
    parser.add_argument("--base", default="main", help="the pull request's base branch (default: main)")
    parser.add_argument(
        "--event", default="pull_request", help="pull_request (default), push, workflow_dispatch"
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would run; clone nothing")
    args = parser.parse_args(argv)
    workflow = yaml.safe_load(args.workflow.read_text(encoding="utf-8"))
    jobs: dict[str, Any] = workflow.get("jobs") or {}
    unknown = [name for name in args.job or [] if name not in jobs]
    if unknown:
        print(f"{args.workflow}: no job {', '.join(unknown)} (jobs: {', '.join(jobs)})", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="workflow-steps-") as folder:
        workspace, scratch = Path(folder) / "clone", Path(folder) / "scratch"
        scratch.mkdir()
        head = "HEAD"
        if not args.dry_run:
            head = fresh_clone(args.repo, workspace)
            print(f"Fresh clone of {args.repo.resolve()} ({head}) in {workspace}")
        run = Run(workspace, scratch, stand_ins(args.base, head, workspace, args.event), dry_run=args.dry_run)
        for name in job_order(jobs):
            if args.job and name not in args.job:
                continue
            run.job(name, jobs[name])
        summary = scratch / "summary.md"
        if summary.is_file() and summary.read_text(encoding="utf-8").strip():
            print(f"== job summary (GITHUB_STEP_SUMMARY)\n{summary.read_text(encoding='utf-8')}")
    elapsed = time.monotonic() - started
    if args.dry_run:
        print(f"{args.workflow}: dry run, nothing ran")
        return 0
    if run.failures:
        print(
            f"{args.workflow}: {len(run.failures)} step(s) failed in {elapsed:.0f} s: {'; '.join(run.failures)}"
        )
        return 1
    print(f"{args.workflow}: every step that ran passed, in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
