"""Rules the test suite keeps: a golden file is written only by `make goldens`; a test
that drives a browser or serves the site is marked `browser`, so `make check` leaves it
out; tests wait on the state they expect, never for a length of time."""

from __future__ import annotations

import ast
import http.server
import itertools
import re
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

import local_server
from conftest import ROOT, Golden, PlaywrightBrowserType, UnmarkedBrowserTest

# A test that takes one of these (its parameters' types) drives a browser.
PLAYWRIGHT_TYPES = (Page, BrowserContext, Browser)
# Waits on time: a fixed delay, "no request for 500 ms", a sleep.
TIME_WAITS = re.compile(r"networkidle|wait_for_timeout|time\.sleep|asyncio\.sleep")
# What a reader does to a page: Playwright's actions (methods), this suite's `tick` helper...
ACTIONS = frozenset(
    [
        "click",
        "dblclick",
        "tap",
        "check",
        "uncheck",
        "set_checked",
        "fill",
        "clear",
        "press",
        "press_sequentially",
        "type",
        "select_option",
        "set_input_files",
        "dispatch_event",
        "hover",
        "focus",
        "drag_to",
        "emulate_media",
        "set_viewport_size",
    ]
)
ACTION_HELPERS = frozenset({"tick"})
# ...and what reads the page's state once, with no retry: Playwright's reads (methods), this
# suite's `ticked`, `saved` and `current_level` helpers.
READS = frozenset(
    [
        "is_checked",
        "is_visible",
        "is_hidden",
        "is_enabled",
        "is_disabled",
        "is_editable",
        "inner_text",
        "inner_html",
        "text_content",
        "input_value",
        "get_attribute",
        "evaluate",
        "evaluate_all",
        "all_inner_texts",
        "all_text_contents",
        "count",
        "bounding_box",
    ]
)
READ_HELPERS = frozenset({"ticked", "saved", "current_level"})


def test_a_missing_golden_file_fails_and_names_the_command(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    with pytest.raises(pytest.fail.Exception, match=r"missing\.html is missing: run `make goldens`"):
        Golden(update=False).check("<p>Bonjour</p>\n", missing)
    assert not missing.exists()


def test_a_different_output_fails_with_a_unified_diff(tmp_path: Path) -> None:
    stored = tmp_path / "stored.html"
    stored.write_text("<p>Bonjour</p>\n<p>Salut</p>\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failure:
        Golden(update=False).check("<p>Bonjour</p>\n<p>Allo</p>\n", stored)
    message = str(failure.value)
    assert "run `make goldens`" in message
    assert "\n-<p>Salut</p>\n+<p>Allo</p>\n" in message
    assert stored.read_text(encoding="utf-8") == "<p>Bonjour</p>\n<p>Salut</p>\n"


def test_make_goldens_writes_the_file(tmp_path: Path) -> None:
    written = tmp_path / "new.html"
    Golden(update=True).check("<p>Bonjour</p>\n", written)
    assert written.read_text(encoding="utf-8") == "<p>Bonjour</p>\n"
    Golden(update=False).check("<p>Bonjour</p>\n", written)


def test_an_unmarked_test_cannot_start_a_browser_or_a_server(tmp_path: Path) -> None:
    """This test is not marked `browser`: each way of starting a browser or a server fails."""
    with pytest.raises(UnmarkedBrowserTest, match="not marked `browser`"):
        PlaywrightBrowserType.launch(None)  # type: ignore[arg-type]
    with pytest.raises(UnmarkedBrowserTest):
        http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    with (
        pytest.raises(UnmarkedBrowserTest),
        local_server.running("true", ["true"], local_server.free_port(), tmp_path / "error.log"),
    ):
        pass


def test_browser_tests_are_marked(request: pytest.FixtureRequest) -> None:
    """Every test of this session that takes a page, a context or a browser carries the
    `browser` mark (found from its parameters' types, not from the fixture names the mark
    is given by), so `make check` runs none of them."""
    unmarked = [
        item.nodeid
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and _takes_playwright_objects(item.function)
        and item.get_closest_marker("browser") is None
    ]
    assert unmarked == []


def _takes_playwright_objects(function: Callable[..., object]) -> bool:
    def named(hint: object) -> Iterator[object]:
        yield hint
        for argument in typing.get_args(hint):  # tuple[Page, Traffic] names Page too
            yield from named(argument)

    hints = typing.get_type_hints(function).values()
    return any(found in PLAYWRIGHT_TYPES for hint in hints for found in named(hint))


def test_tests_wait_on_state_not_on_time() -> None:
    """No networkidle, fixed delay or sleep in a test or a test helper (benchmarks may time)."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted([*(ROOT / "tests").glob("*.py"), *(ROOT / "tests" / "checks").glob("*.py")])
        if path.name != Path(__file__).name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if TIME_WAITS.search(line)
    ]
    assert found == []


def _called(node: ast.AST, methods: frozenset[str], functions: frozenset[str]) -> bool:
    """Whether `node` calls a method named in `methods` or a function named in `functions`."""
    return any(
        isinstance(call, ast.Call)
        and (
            (isinstance(call.func, ast.Attribute) and call.func.attr in methods)
            or (isinstance(call.func, ast.Name) and call.func.id in functions)
        )
        for call in ast.walk(node)
    )


def read_once_after_action(source: str) -> list[int]:
    """Lines that read the page's state once (in an `assert` or an assignment) straight after
    a statement that acts on it: the page may not have caught up yet. A loop that acts and
    reads (Tab until the focus is there) is a search that retries, so it is left alone."""
    found = []

    def visit(body: list[ast.stmt]) -> None:
        for before, statement in itertools.pairwise(body):
            if (
                isinstance(before, ast.Expr)
                and _called(before, ACTIONS, ACTION_HELPERS)
                and isinstance(statement, ast.Assert | ast.Assign | ast.AnnAssign)
                and _called(statement, READS, READ_HELPERS)
            ):
                found.append(statement.lineno)
        for statement in body:
            if isinstance(statement, ast.For | ast.While | ast.AsyncFor):
                continue
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(statement, field, [])
                if field == "handlers":
                    for handler in inner:
                        visit(handler.body)
                elif inner:
                    visit(inner)

    visit(ast.parse(source).body)
    return sorted(found)


def _browser_test_files() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.joinpath("tests").glob("*.py"))
        if path.name != Path(__file__).name and "playwright" in path.read_text(encoding="utf-8")
    ]


def test_the_read_once_rule_finds_a_read_straight_after_an_action() -> None:
    source = """
def test_reset(page):
    page.get_by_role("button").click()
    assert page.locator("input").is_checked()
    with page.context:
        box.check()
        label = page.locator("label").inner_text()
    tick(page, ["a"])
    expect(box).to_be_checked()
    assert box.is_checked()
    for _ in range(9):
        page.keyboard.press("Tab")
        found = page.evaluate("document.activeElement.id")
"""
    assert read_once_after_action(source) == [4, 7]


def test_browser_tests_wait_on_the_state_after_an_action() -> None:
    """No `assert box.is_checked()`, `text = el.inner_text()`... straight after a click: the
    page may not have caught up; `expect(...)` retries until it has (CONTRIBUTING, "Waits")."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {path.read_text(encoding='utf-8').splitlines()[line - 1].strip()}"
        for path in _browser_test_files()
        for line in read_once_after_action(path.read_text(encoding="utf-8"))
    ]
    assert found == []
