"""Rules the test suite keeps: a golden file is written only by `make goldens`; a test
that drives a browser or serves the site is marked `browser`, so `make check` leaves it
out; tests wait on the state they expect, never for a length of time."""

from __future__ import annotations

import http.server
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
