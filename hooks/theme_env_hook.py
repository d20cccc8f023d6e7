"""MkDocs hook: the theme's Jinja environment set up faster, for every build and language
(thin adapter over theme_env.py).

MkDocs has no event between making the environment and listing the theme's files, so
the theme's own `get_env` is wrapped, on this build's theme object only. The pages are
the same to the byte (tests/test_theme_env.py); only the time changes (README,
"Performance": save-to-preview in `mkdocs serve`).
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from theme_env import MemoryBytecodeCache, VisibleFilesLoader

# For the life of the process: `mkdocs serve` keeps this module across rebuilds.
_compiled = MemoryBytecodeCache()


@event_priority(100)  # before Material's search plugin asks for an environment in its on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    theme = config.theme
    if "get_env" not in vars(theme):  # mkdocs-static-i18n runs on_config again per language
        theme.get_env = _faster(theme.get_env)  # type: ignore[method-assign]
    return config


def _faster(get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    def faster_get_env() -> jinja2.Environment:
        env = get_env()
        if isinstance(env.loader, jinja2.FileSystemLoader):
            env.loader = VisibleFilesLoader(env.loader.searchpath)
        env.bytecode_cache = _compiled
        return env

    return faster_get_env
