"""Benchmark of the downloadable templates (a script, not a test): prints the figures
README's "Templates" section records.

1. Each download's size, per language (the page's links say them too).
2. The templates hook's share of a build (budget: 5 %): the time spent inside
   hooks/document_templates_hook.py's events during an in-process build of the real
   site, both languages (steadier than the difference of two noisy builds); medians.

Run: `make bench`, or `.venv/bin/python tests/bench/bench_templates.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from document_templates import downloads, load_templates, render_html  # noqa: E402

HOOK = "hooks/document_templates_hook.py"
TEMPLATES_DIR = ROOT / "docs" / "data" / "templates"
BUILD_BUDGET = 5.0


def download_sizes() -> list[tuple[str, str, int]]:
    """(language, file, bytes) of every download."""
    templates = load_templates(TEMPLATES_DIR, label="docs/data/templates")
    return [
        (lang, download.file, len(download.content))
        for template in templates.values()
        for lang in ("fr", "en")
        for download in downloads(template.text(lang), lang)
    ]


def hook_time_in_build(runs: int) -> tuple[float, float]:
    """Median seconds spent inside the hook's events during an in-process build (its caches
    emptied first, as in a fresh process), and the build's median seconds (the first build,
    which imports and compiles, left out)."""
    spent: list[float] = []
    totals: list[float] = []
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs + 1):
            config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(Path(folder) / "site"))
            # As in a fresh `mkdocs build` process: nothing loaded or rendered yet.
            config["hooks"][HOOK]._cache.clear()
            downloads.cache_clear()
            render_html.cache_clear()
            inside = [0.0]
            for methods in config.plugins.events.values():
                for index, method in enumerate(methods):
                    if getattr(method, "__module__", "") == HOOK:
                        methods[index] = _timed(method, inside)
            start = time.perf_counter()
            build(config)
            totals.append(time.perf_counter() - start)
            spent.append(inside[0])
    return statistics.median(spent[1:]), statistics.median(totals[1:])


def _timed(method: Callable[..., object], inside: list[float]) -> Callable[..., object]:
    def timed(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            inside[0] += time.perf_counter() - start

    return timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="builds to take the median of")
    args = parser.parse_args()
    # Timings on a shared machine vary with its load: print it beside them.
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for lang, name, size in download_sizes():
        print(f"{lang} {name}: {size} bytes")
    inside, total = hook_time_in_build(args.runs)
    share = 100 * inside / total
    ok = share <= BUILD_BUDGET
    print(
        f"time inside the templates hook during a build: median {1000 * inside:.1f} ms of "
        f"{1000 * total:.0f} ms ({share:.1f} % of the in-process build; budget {BUILD_BUDGET:.0f} %) "
        f"{'OK' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
