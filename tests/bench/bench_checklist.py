"""Benchmark of the checklist (a script, not a test): prints the figures README's
"Performance" section records, each with its budget from issue 3.

1. checklist.js + checklist.css as readers download them, gzipped (budget: 8 KiB together,
   issue 21): the files as the build ships them (hosting_core.shipped_source, the very
   function the build applies: minified by rjsmin and rcssmin); the sources' size
   is printed beside them.
2. Time to restore 100 saved answers with 100 actions and 5 snapshots and show the
   result, the action plan and the comparison in Chromium (budget: 10 ms): a generated
   100-item checklist rendered by the real template, with 100 answers, 100 actions and
   5 snapshots saved as the script writes them (every item ticked: the plan is empty),
   and again with the same actions and snapshots and no answer (a plan of 100 open
   actions); the shipped
   checklist.js and .css; timed in the page with performance.now() from just before the script's
   start-up to after the result is laid out. Median of several page loads, in two
   cases: at DOMContentLoaded, and on a page already drawn, every section laid out
   once (the site loads checklist.js `async`, so it may well start after the first
   paint; Material's instant navigation, if turned on, would also start it so).
3. The hook's share of a full build (budget: 5 %): the CPU time spent inside the hook's
   events during an in-process build, plus the CPU time of importing the hook and its
   modules (which a `mkdocs build` pays once), over the CPU time of a whole `mkdocs build`
   with the hook. Printed beside it, for information: the difference of CPU time between
   `mkdocs build` of a copy of the project with and without hooks/checklist_hook.py,
   alternately, several times (medians). That difference is the checklist's whole cost:
   the hook, and also what its HTML (the items' text, about 56 KB a language) costs
   Markdown, the search index and the hooks that read every page after it, as the same
   text written on the page would.

4. The longest share link for the real checklist: every item ticked and every action filled,
   each with a date and a name of 30 characters with three accented letters (notes never go
   in the link), on a page address of 60 characters; and the longest names that keep it
   within 2,000 characters, which mail programs keep whole. Made by checklist.js's own
   shareFragment under Node.

Run: `make bench`, or `.venv/bin/python tests/bench/bench_checklist.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
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
from playwright.sync_api import sync_playwright  # noqa: E402

import checklist as cl  # noqa: E402
from hosting_core import shipped_source  # noqa: E402
from interface_strings import load_interface_strings  # noqa: E402

JS = ROOT / "overrides/assets/javascripts/checklist.js"
CSS = ROOT / "overrides/assets/stylesheets/checklist.css"
STRINGS = ROOT / "docs/data/strings.yml"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HOOK = "hooks/checklist_hook.py"
SIZE_BUDGET = 8 * 1024
RESTORE_BUDGET_MS = 10.0
BUILD_BUDGET = 5.0
ITEMS = 100
SHARE_BUDGET = 2000
# A page address of 60 characters, and a name of 30 with three accented letters.
PAGE_ADDRESS = "https://www.example.org/guides/social-media/en/readiness/"
PAGE_ADDRESS += "x" * (60 - len(PAGE_ADDRESS))
SHARED_NAME = "Marie-Ève Côté-Blanchet (comm)"
SECTIONS = 10

# Registered before checklist.js's own DOMContentLoaded listener, and after it:
# the time between the two is its whole start-up on a page of 100 answers.
# The page is laid out once before the clock starts: the figure is the script's own
# work plus the new layout that showing the result needs.
START = (
    'document.addEventListener("DOMContentLoaded", function () {'
    " document.body.getBoundingClientRect(); window.__t0 = performance.now(); });"
)
STOP = (
    'document.addEventListener("DOMContentLoaded", function () {'
    " document.body.getBoundingClientRect(); window.__t1 = performance.now(); });"
)
# The other way in: started after the page has been drawn, every section included (an
# async script arriving late): the layout the result needs is at its largest. The script
# is added to the drawn page as an element with its text, so it runs at once; its
# compilation (a fraction of a millisecond) is in the figure.
TIME_INSTANT = """(text) => {
  document.body.getBoundingClientRect();
  const t0 = performance.now();
  const script = document.createElement("script");
  script.textContent = text;
  document.body.append(script);
  document.body.getBoundingClientRect();
  return performance.now() - t0;
}"""
# The same fixed work in the page, timed before each case: this machine's cores are shared,
# and the same code has measured 2.5 times slower one hour than the next. A figure is
# compared with another at about the same probe time.
SPEED_PROBE = """() => {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 2e7; i++) x = (x + i * i) % 1000003;
  return [performance.now() - t0, x];
}"""
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def gzipped_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def shipped_sizes(path: Path) -> tuple[int, int]:
    """The file's gzipped size as the build ships it, and as written in the source."""
    source = path.read_text(encoding="utf-8")
    return gzipped_size(shipped_source(path.name, source)), gzipped_size(source)


def generated_checklist(items: int = ITEMS, sections: int = SECTIONS) -> cl.Checklist:
    """A checklist of `items` items in `sections` sections, every third one essential."""
    per_section = items // sections

    def text(words: str) -> cl.Text:
        return cl.Text({"fr": words, "en": words})

    return cl.Checklist(
        id="bench",
        file="generated",
        sections=tuple(
            cl.Section(
                id=f"section-{s}",
                title=text(f"Section {s}"),
                items=tuple(
                    cl.Item(
                        id=f"item-{s}-{i}",
                        label=text(f"Item {s}.{i}: a statement of about this length to tick."),
                        action=text(f"Do item {s}.{i}, in about this many words"),
                        help=text("Some help text under the label.") if i % 2 else None,
                        link="plan.md#budget",
                        weight=1 + (i % 3),
                        essential=i % 3 == 0,
                        formerly=(),
                        line=0,
                    )
                    for i in range(per_section)
                ),
            )
            for s in range(sections)
        ),
        levels=(
            cl.Level("ready", text("Ready"), text("Go."), 80, True),
            cl.Level("one-off", text("One-off"), text("One event only."), 40, False),
            cl.Level("not-yet", text("Not yet"), text("Not yet."), 0, False),
        ),
    )


SNAPSHOTS = 5


def saved_state(checklist: cl.Checklist, ticked: bool) -> dict[str, object]:
    """What the browser keeps for `checklist`: an action on every item (a name, a date, a
    note), every item ticked or none, an organization's name, and five snapshots (the
    most the page keeps), the first with a fifth of the items ticked, the last with all."""
    actions = {
        item.id: {
            "who": f"Person {i % 7}",
            "due": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "note": "A note.",
        }
        for i, item in enumerate(checklist.items)
    }
    answers = {item.id: True for item in checklist.items} if ticked else {}
    items = checklist.items
    snapshots = [
        {
            "name": f"Snapshot {n}",
            "taken": f"2026-{1 + 2 * n:02d}-01",
            "answers": {item.id: True for item in items[: len(items) * (n + 1) // SNAPSHOTS]},
        }
        for n in range(SNAPSHOTS)
    ]
    return {
        "version": cl.STORAGE_VERSION,
        "organization": "Bench",
        "answers": answers,
        "actions": actions,
        "snapshots": snapshots,
    }


def restore_time_ms(runs: int) -> dict[str, tuple[float, float, int, float]]:
    """Median and fastest start-up time of checklist.js with 100 saved answers and 100
    actions, and how many answers (or, with none ticked, plan entries) it restored: on page
    load, on a page already drawn, and on page load with the 100 actions open in the plan."""
    checklist = generated_checklist()
    strings = cl.parse_strings(load_interface_strings(STRINGS, "docs/data/strings.yml").section("checklist"))
    links = {"plan.md#budget": cl.Link("plan.html#budget", "Budget")}
    html = cl.render_checklist(checklist, strings, "en", links)
    # Stored as checklist.js writes it (no spaces): read back as it is, not migrated and rewritten.
    seeds = {
        ticked: json.dumps(json.dumps(saved_state(checklist, ticked), separators=(",", ":")))
        for ticked in (True, False)
    }
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        for source in (JS, CSS):  # as shipped, as readers run them
            (here / source.name).write_text(
                shipped_source(source.name, source.read_text(encoding="utf-8")), encoding="utf-8"
            )
        for name, text in (("start.js", START), ("stop.js", STOP)):
            (here / name).write_text(text, encoding="utf-8")
        for case, scripts in (
            ("load", ("start", "checklist", "stop")),
            ("instant", ()),
        ):
            tags = "".join(f'<script src="{name}.js"></script>' for name in scripts)
            (here / f"{case}.html").write_text(
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>'
                '<link rel="stylesheet" href="checklist.css"></head><body class="md-typeset">\n'
                f"<h1>Bench</h1>\n{html}\n{tags}</body></html>",
                encoding="utf-8",
            )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context()
            page = context.new_page()
            script = (here / "checklist.js").read_text(encoding="utf-8")
            for case in ("load", "instant", "plan"):
                # Init scripts run in the order given: the last one's state is the one seen.
                context.add_init_script(
                    f"localStorage.setItem('mdx-checklist.bench', {seeds[case != 'plan']});"
                )
                timings = []
                page.goto((here / "instant.html").as_uri())
                probe = statistics.median(page.evaluate(SPEED_PROBE)[0] for _ in range(5))
                for _ in range(runs):
                    page.goto((here / f"{'instant' if case == 'instant' else 'load'}.html").as_uri())
                    if case != "instant":
                        page.wait_for_function("window.__t1 !== undefined")
                        timings.append(page.evaluate("window.__t1 - window.__t0"))
                    else:
                        page.wait_for_load_state("load")
                        page.evaluate(TWO_FRAMES)
                        timings.append(page.evaluate(TIME_INSTANT, script))
                shown = ".js-checklist-plan li" if case == "plan" else ".js-checklist-input:checked"
                restored = page.eval_on_selector_all(shown, "els => els.length")
                results[case] = (statistics.median(timings), min(timings), restored, probe)
            browser.close()
    return results


def share_link_length(checklist: cl.Checklist, who: str) -> int:
    """Characters of the share link for `checklist` with every item ticked and given an action
    (`who`, a date, a note), made by checklist.js's shareFragment under Node."""
    items = [{"name": item.id, "formerly": list(item.formerly) or [""]} for item in checklist.items]
    answers = {item.id: True for item in checklist.items}
    action = {"who": who, "due": "2027-12-31", "note": "n" * 500}
    actions = {item.id: action for item in checklist.items}
    script = (
        "const logic = require(process.argv[1]);"
        "const [id, items, answers, actions] = JSON.parse(process.argv[2]);"
        "process.stdout.write(logic.shareFragment(id, items, answers, actions));"
    )
    arguments = json.dumps([checklist.id, items, answers, actions])
    fragment = subprocess.run(
        ["node", "-e", script, str(JS), arguments], check=True, capture_output=True, text=True
    ).stdout
    return len(PAGE_ADDRESS) + len(fragment)


def longest_share_link() -> tuple[int, int, int]:
    """The longest share link for the real checklist with SHARED_NAME on every action, and the
    longest names that keep it within SHARE_BUDGET: plain letters, and with three accented."""
    checklist = cl.load_checklist(ROOT / "docs/data/checklists/readiness.yml")
    longest = share_link_length(checklist, SHARED_NAME)
    fits = []
    for accented in ("", "ÉÈô"):
        size = len(accented)
        while share_link_length(checklist, accented + "x" * (size + 1 - len(accented))) <= SHARE_BUDGET:
            size += 1
        fits.append(size)
    return longest, fits[0], fits[1]


def _project_copy(folder: Path, with_hook: bool) -> Path:
    """The project's sources in `folder`, with or without the checklist hook in mkdocs.yml."""
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = f"  - {HOOK}\n"
    if line not in config:
        raise SystemExit(f"{HOOK} is not listed under hooks: in mkdocs.yml")
    (folder / "mkdocs.yml").write_text(config if with_hook else config.replace(line, ""), encoding="utf-8")
    return folder / "mkdocs.yml"


def _cli_build_seconds(config_file: Path) -> float:
    """CPU seconds (user + system) of one `mkdocs build` process: on a shared machine
    they vary far less than wall time, which waits for the other processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            str(config_file),
            "-d",
            str(config_file.parent / "site"),
        ],
        check=True,
        # Python's default, as on an editor's machine: compiled hooks are kept between builds
        # (some CI images set PYTHONDONTWRITEBYTECODE, which recompiles them every time).
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        | {"NO_MKDOCS_2_WARNING": "1"},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_share(runs: int) -> tuple[float, float, float, tuple[float, float]]:
    """Median CPU seconds of `mkdocs build` (a fresh process each time, as an editor runs it)
    with and without the checklist hook, built in pairs, back to back; the median of the
    pairs' differences in percent, and their middle half (one build's CPU time varies by
    about 10 % here: pairing keeps a slow spell of the machine out of the difference)."""
    with_hook: list[float] = []
    without_hook: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        on_config = _project_copy(Path(folder) / "with", with_hook=True)
        off_config = _project_copy(Path(folder) / "without", with_hook=False)
        # Warm the disk cache and each copy's compiled hooks and template, as an editor's are.
        _cli_build_seconds(on_config)
        _cli_build_seconds(off_config)
        for run in range(runs):
            # Each pair in turn starts with the other build: no side gains from going first.
            if run % 2:
                without_hook.append(_cli_build_seconds(off_config))
                with_hook.append(_cli_build_seconds(on_config))
            else:
                with_hook.append(_cli_build_seconds(on_config))
                without_hook.append(_cli_build_seconds(off_config))
    differences = [100 * (on - off) / off for on, off in zip(with_hook, without_hook, strict=True)]
    quartiles = statistics.quantiles(differences, n=4)
    return (
        statistics.median(with_hook),
        statistics.median(without_hook),
        statistics.median(differences),
        (quartiles[0], quartiles[2]),
    )


def hook_time_in_build(runs: int) -> tuple[float, float]:
    """Median CPU seconds spent inside the checklist hook's events during an in-process build
    (its data cache emptied first, as in a fresh process; its module and compiled template
    stay loaded between builds, so this leaves them out: see hook_import_seconds), and the
    build's median CPU seconds."""
    spent: list[float] = []
    totals: list[float] = []
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(Path(folder) / "site"))
            config["hooks"][HOOK]._cache.clear()
            inside = [0.0]
            for methods in config.plugins.events.values():
                for index, method in enumerate(methods):
                    if getattr(method, "__module__", "") == HOOK:
                        methods[index] = _timed(method, inside)
            start = time.process_time()
            build(config)
            totals.append(time.process_time() - start)
            spent.append(inside[0])
    return statistics.median(spent), statistics.median(totals)


def _timed(method: Callable[..., object], inside: list[float]) -> Callable[..., object]:
    def timed(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            inside[0] += time.process_time() - start

    return timed


# What a build imports whatever its hooks: the import of the checklist hook is timed after it.
IMPORT_HOOK = """
import sys, time
import jinja2, markdown, markupsafe, yaml
import mkdocs.config.defaults, mkdocs.plugins, mkdocs.structure.files, mkdocs.structure.pages
sys.path.insert(0, "hooks")
start = time.process_time()
import checklist_hook
print(time.process_time() - start)
"""


def hook_import_seconds(runs: int) -> float:
    """Median CPU seconds of importing the checklist hook in a fresh process, with its compiled
    files kept as an editor's are (its own modules counted whole, even those other hooks share)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    seconds = [
        float(
            subprocess.run(
                [sys.executable, "-c", IMPORT_HOOK],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(runs + 1)
    ]
    return statistics.median(seconds[1:])  # the first one may compile them


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="page loads and builds to take the median of")
    parser.add_argument("--no-build", action="store_true", help="only the size and the restore time")
    args = parser.parse_args()
    within = True
    # Timings on a shared machine vary with its load: print it beside them.
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")

    (js, js_source), (css, css_source) = shipped_sizes(JS), shipped_sizes(CSS)
    ok = js + css <= SIZE_BUDGET
    within &= ok
    print(
        f"checklist.js + checklist.css as shipped (the build's shipped_source), gzipped: "
        f"{js} + {css} = {js + css} bytes ({(js + css) / 1024:.2f} KiB; budget 8 KiB) "
        f"{'OK' if ok else 'OVER'}; sources {js_source} + {css_source} = {js_source + css_source} bytes"
    )

    cases = {
        "load": "saved answers (with 100 actions and 5 snapshots) and show the result, on page load",
        "instant": "saved answers (with 100 actions and 5 snapshots) and show the result, on a page already drawn",
        "plan": "open actions (no answer; 5 snapshots) and show the result and the plan, on page load",
    }
    for case, (median_ms, fastest_ms, restored, probe) in restore_time_ms(args.runs).items():
        ok = median_ms <= RESTORE_BUDGET_MS and restored == ITEMS
        within &= ok
        print(
            f"restore {restored} {cases[case]}: median {median_ms:.1f} ms, "
            f"fastest {fastest_ms:.1f} ms, over {args.runs} loads (budget {RESTORE_BUDGET_MS:.0f} ms) "
            f"{'OK' if ok else 'OVER'}; speed probe {probe:.0f} ms (the machine's speed: more is slower)"
        )

    # A figure to state, not a budget: what fits depends on the names readers type.
    longest, plain, accented = longest_share_link()
    print(
        f"longest share link: {longest} characters (every item ticked, each action with a date and a {len(SHARED_NAME)}-character name with three "
        f"accented letters, notes never in the link; a {len(PAGE_ADDRESS)}-character page address); "
        f"within {SHARE_BUDGET} characters: names of up to {plain} plain letters, or {accented} with three accented"
    )

    if args.no_build:
        return 0 if within else 1

    on, off, difference, (low, high) = build_share(args.runs)
    inside, total = hook_time_in_build(args.runs)
    imported = hook_import_seconds(args.runs)
    share = 100 * (inside + imported) / on
    ok = share <= BUILD_BUDGET
    within &= ok
    print(
        f"the checklist hook's share of a mkdocs build's CPU time: {1000 * inside:.1f} ms in its events "
        f"(median of {args.runs} in-process builds of {1000 * total:.0f} ms) + {1000 * imported:.1f} ms to import it, "
        f"of {1000 * on:.0f} ms: {share:.1f} % (budget {BUILD_BUDGET:.0f} %) {'OK' if ok else 'OVER'}"
    )
    print(
        f"for information, the checklist's whole cost, its text included: mkdocs build, CPU time {on:.3f} s "
        f"with the checklist hook, {off:.3f} s without (medians of {args.runs}); median difference of the "
        f"{args.runs} pairs {difference:+.1f} % (middle half {low:+.1f} to {high:+.1f} %)"
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
