"""Where a rebuild of `mkdocs serve` spends its time: the CPU time of each phase, both
languages, with and without the hooks that make serve faster (bench_serve.SPEED_HOOKS).
Not run by `make bench`; run it when save-to-preview gets slower, to see why:

    .venv/bin/python tests/bench/rebuild_phases.py [--rebuilds 8]

Each variant runs in a process of its own, in a copy of the project (bench_serve.py),
builds once as `mkdocs serve` does, then rebuilds after each of several saves of a
page. MkDocs' functions and each plugin's and hook's events are timed from outside
(a phase's time excludes the phases it calls); CPU time, steadier than wall time on a
shared machine. The watcher's wait before a rebuild is not CPU time: bench_serve.py
measures the whole.
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_serve import SPEED_HOOKS, _project_copy  # noqa: E402

PAGE = "docs/objectifs.fr.md"
SERVE_URL = "http://127.0.0.1:8000/"
CORE = "MkDocs and mkdocs-static-i18n: files, navigation, writing pages"
LABELS = {
    "material/search": "Material's search plugin: the search index",
    "hooks/assets_hook.py": "hooks/assets_hook.py: fingerprints, compile hint",
    "hooks/language_outputs_hook.py": "hooks/language_outputs_hook.py: 404 pages, search split",
    "hooks/page_links_hook.py": "hooks/page_links_hook.py",
    "hooks/branding_hook.py": "hooks/branding_hook.py",
    "hooks/checklist_hook.py": "hooks/checklist_hook.py",
    "hooks/page_dates_hook.py": "hooks/page_dates_hook.py (Git: once per commit)",
    "hooks/glossary_hook.py": "hooks/glossary_hook.py",
    "hooks/whole_guide_hook.py": "hooks/whole_guide_hook.py: the whole guide on one page",
    "i18n": CORE,
}


def _phases(project: Path, rebuilds: int) -> dict[str, Any]:
    """Median CPU seconds per rebuild, and each phase's mean, measured in this process."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    import jinja2
    import mkdocs.commands.build as mkdocs_build
    import mkdocs.plugins as mkdocs_plugins
    import mkdocs_static_i18n.plugin as i18n_plugin
    from mkdocs import utils
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    spent: dict[str, float] = collections.defaultdict(float)
    inner: list[float] = []  # time of the timed phases running inside the current one

    def timed(label: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        inner.append(0.0)
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.process_time() - start
            spent[label] += elapsed - inner.pop()
            if inner:
                inner[-1] += elapsed

    def time_calls(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        setattr(owner, name, functools.wraps(original)(lambda *a, **k: timed(label, original, *a, **k)))

    time_calls(Files, "add_files_from_theme", "MkDocs: listing the theme's files")
    time_calls(Files, "copy_static_files", "MkDocs: cleaning the site folder, copying static files")
    time_calls(utils, "clean_directory", "MkDocs: cleaning the site folder, copying static files")
    time_calls(jinja2.Environment, "compile", "Jinja: compiling Material's templates")
    time_calls(jinja2.Template, "render", "Jinja: rendering the pages")
    time_calls(Page, "render", "Markdown to HTML")
    build = mkdocs_build.build
    mkdocs_build.build = i18n_plugin.build = functools.wraps(build)(
        lambda *a, **k: timed(CORE, build, *a, **k)
    )

    def run_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        for method in self.events[name]:
            origin = self._event_origins.get(method, "?")
            label = LABELS.get(origin, "other plugins and hooks")
            result = timed(label, method, *(() if item is None else (item,)), **kwargs)
            item = item if result is None else result
        return item

    mkdocs_plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
    site = tempfile.mkdtemp(prefix="rebuild-phases-")

    def config() -> Any:
        loaded = load_config(config_file="mkdocs.yml", site_dir=site, strict=True)
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build.build(first, serve_url=SERVE_URL)
    spent.clear()
    totals = []
    page = project / PAGE
    original = page.read_text(encoding="utf-8")
    for rebuild in range(rebuilds):
        page.write_text(f"{original}\nPhrase {rebuild}.\n", encoding="utf-8")
        start = time.process_time()
        mkdocs_build.build(timed("Loading mkdocs.yml", config), serve_url=SERVE_URL)
        totals.append(time.process_time() - start)
    return {"total": statistics.median(totals), "phases": {k: v / rebuilds for k, v in spent.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuilds", type=int, default=8, help="rebuilds to time (default 8)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_phases(Path(args.child), args.rebuilds)))
        return 0
    results = {}
    with tempfile.TemporaryDirectory(prefix="rebuild-phases-") as tmp:
        for name, without in (("with", ()), ("without", SPEED_HOOKS)):
            project = _project_copy(Path(tmp) / name, without)
            run = subprocess.run(
                [sys.executable, __file__, "--child", str(project), "--rebuilds", str(args.rebuilds)],
                check=True,
                capture_output=True,
                text=True,
            )
            results[name] = json.loads(run.stdout.splitlines()[-1])
    load = os.getloadavg()[0]
    print(
        f"CPU time per rebuild of `mkdocs serve`, both languages, {args.rebuilds} rebuilds (load {load:.2f})\n"
    )
    print(f"| Phase | Without {', '.join(SPEED_HOOKS)} (ms) | With them (ms) |")
    print("| --- | --- | --- |")
    before, after = results["without"]["phases"], results["with"]["phases"]
    for label in sorted(set(before) | set(after), key=lambda label: -before.get(label, 0.0)):
        print(f"| {label} | {1000 * before.get(label, 0.0):.0f} | {1000 * after.get(label, 0.0):.0f} |")
    print(
        f"| **Rebuild (median)** | **{1000 * results['without']['total']:.0f}** | **{1000 * results['with']['total']:.0f}** |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
