"""Performance benchmark (not a test): save-to-preview in `make serve`, the time from an
editor saving a page to `mkdocs serve` serving the rebuilt page with the change.
Run by `make bench`; prints the figures recorded in README ("Performance").

It runs `mkdocs serve` as `make serve` does, on a free port, in a copy of the project
(a Git clone, so that the pages' dates come from history as they do for an editor, with
the working tree's files copied over it): the editor's own files are never touched. Each
save appends a new sentence to a page; then the page is asked for every few milliseconds
until it holds the sentence. The first save only primes the server (the watcher's first
look at the files, what a first rebuild caches) and is not counted.

Wall time is what the editor waits; on a shared machine it follows the load, so the
server's CPU time per save (Linux only) is printed beside it. `--compare` also serves a
second copy without the hooks that make serve faster (SPEED_HOOKS), the two servers
taking turns, so that both see the same load.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

from local_server import free_port  # noqa: E402

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
# What `make serve` builds from; the clone brings the Git history, these the editor's copy.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
# The hooks that exist only to make serve faster; --compare serves a copy without them.
SPEED_HOOKS = ("hooks/theme_env_hook.py", "hooks/live_reload.py")
DEFAULT_LANGUAGE = "fr"
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
SLUG_RE = re.compile(r"^slug:\s*[\"']?([\w-]+)", re.MULTILINE)
BUDGET_SECONDS = 1.0
STARTUP_TIMEOUT = 180.0
CHANGE_TIMEOUT = 60.0
POLL_SECONDS = 0.02
# Between two saves: the previous rebuild is over, and the save falls anywhere in the
# watcher's polling cycle, as an editor's does.
PAUSE_SECONDS = 1.5
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Save:
    wall: float
    cpu: float | None  # the server's CPU seconds from the save to the change served


@dataclass
class Server:
    name: str
    pid: int
    url: str
    page: Path
    original: str

    def cpu_seconds(self) -> float | None:
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def _project_copy(into: Path, without: tuple[str, ...] = ()) -> Path:
    project = into
    subprocess.run(["git", "clone", "--quiet", "--shared", str(ROOT), str(project)], check=True)
    for part in PROJECT_PARTS:
        source, target = ROOT / part, project / part
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    if without:
        config = project / "mkdocs.yml"
        lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if line.strip().removeprefix("- ") not in without]
        if len(lines) - len(kept) != len(without):
            raise SystemExit(f"mkdocs.yml does not list each of {', '.join(without)} once")
        config.write_text("".join(kept), encoding="utf-8")
    return project


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=CHANGE_TIMEOUT) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` holds `text`."""
    start = time.perf_counter()
    while True:
        body = _get(url)
        elapsed = time.perf_counter() - start
        if body is not None and text in body:
            return elapsed
        if elapsed > timeout:
            raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")
        time.sleep(POLL_SECONDS)


def _address(source: Path) -> str:
    """The page's address in the site: French at /, other languages under /<language>/;
    an English file's `slug:` (front matter) names its address, else its file name does."""
    name, language, _ = source.name.split(".")
    front_matter = FRONT_MATTER_RE.match(source.read_text(encoding="utf-8"))
    slug = SLUG_RE.search(front_matter[1]) if front_matter else None
    name = slug[1] if slug and language != DEFAULT_LANGUAGE else name
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + ("" if name == "index" else f"{name}/")


@contextmanager
def serving(name: str, project: Path, page: str) -> Iterator[Server]:
    """`mkdocs serve` as `make serve` runs it, in `project`, until the block ends."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{_address(project / 'docs' / page)}"
    process = subprocess.Popen(
        [str(MKDOCS), "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(url, "</html>", STARTUP_TIMEOUT)
        source = project / "docs" / page
        yield Server(name, process.pid, url, source, source.read_text(encoding="utf-8"))
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def save_to_preview(server: Server, run: int) -> Save:
    marker = f"Phrase ajoutée pour la mesure {run}."
    cpu_before = server.cpu_seconds()
    server.page.write_text(f"{server.original}\n{marker}\n", encoding="utf-8")
    wall = _wait_for(server.url, marker, CHANGE_TIMEOUT)
    cpu_after = server.cpu_seconds()
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Save(wall, cpu)


def _summary(saves: list[Save]) -> str:
    walls = [save.wall for save in saves]
    text = f"min {min(walls):.2f} s, median {statistics.median(walls):.2f} s, max {max(walls):.2f} s"
    cpus = [save.cpu for save in saves if save.cpu is not None]
    return text + (f"; server CPU per save: median {statistics.median(cpus):.2f} s" if cpus else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="saves to take the median of (default 9)")
    parser.add_argument("--page", default="objectifs.fr.md", help="page (in docs/) to edit")
    parser.add_argument("--compare", action="store_true", help=f"also serve without {', '.join(SPEED_HOOKS)}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        variants = {"as configured": _project_copy(Path(tmp) / "project")}
        if args.compare:
            variants["without the speed-up hooks"] = _project_copy(Path(tmp) / "before", SPEED_HOOKS)
        saves: dict[str, list[Save]] = {name: [] for name in variants}
        load = os.getloadavg()
        with ExitStack() as stack:
            servers = [
                stack.enter_context(serving(name, project, args.page)) for name, project in variants.items()
            ]
            for run in range(args.runs + 1):
                for server in servers:
                    time.sleep(PAUSE_SECONDS)
                    save = save_to_preview(server, run)
                    cpu = "" if save.cpu is None else f", server CPU {save.cpu:.2f} s"
                    print(
                        f"{server.name}, {'save ' + str(run) if run else 'warm-up'}: {save.wall:.2f} s{cpu}",
                        flush=True,
                    )
                    if run:
                        saves[server.name].append(save)
        load_after = os.getloadavg()
    print(
        f"\nsave-to-preview of {args.page}, {args.runs} saves (load average {load[0]:.2f} before, {load_after[0]:.2f} after):"
    )
    for name, done in saves.items():
        print(f"- {name}: {_summary(done)}")
    median = statistics.median(save.wall for save in saves["as configured"])
    if median > BUDGET_SECONDS:
        print(f"OVER BUDGET: median save-to-preview above {BUDGET_SECONDS:.1f} s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
