"""Pytest plugin for `make mutation` only: a test that would build the whole site is
skipped, so each mutant costs unit tests (milliseconds), never a build (seconds).
The builds still run in `make test`; a mutant only they can see stays a survivor,
listed in the report, for a unit test to kill."""

from __future__ import annotations

from typing import NoReturn

import mkdocs.commands.build
import pytest


def _no_build(*args: object, **kwargs: object) -> NoReturn:
    pytest.skip("a site build: left to `make test`")


# Replaced before conftest.py and the test files import it by name.
mkdocs.commands.build.build = _no_build
