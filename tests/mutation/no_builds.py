"""Pytest plugin for `make mutation` only: a test that would build the whole site is
skipped, so each mutant costs unit tests (milliseconds), never a build (seconds).
The builds still run in `make test`; a mutant only they can see stays a survivor,
listed in the report, for a unit test to kill.

mutmut runs every test once first (to learn which tests reach which function), then
forks a process per mutant from that one: the tests found building there are left out
of the mutants' runs, before their fixtures copy the project for nothing."""

from __future__ import annotations

from typing import NoReturn

import mkdocs.commands.build
import pytest

SKIP_REASON = "a site build: left to `make test`"
_builders: set[str] = set()


def _no_build(*args: object, **kwargs: object) -> NoReturn:
    pytest.skip(SKIP_REASON)


# Replaced before conftest.py and the test files import it by name.
mkdocs.commands.build.build = _no_build


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple) and SKIP_REASON in report.longrepr[2]:
        _builders.add(report.nodeid)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    left_out = [item for item in items if item.nodeid in _builders]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item.nodeid not in _builders]
