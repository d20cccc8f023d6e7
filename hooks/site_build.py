"""What the hooks ask of the build being run, asked one way: its languages, the
language of a page, the site's path on its host, whether it is the offline copy, the
interface strings (lookups on the configuration and the page; no state of their own).

mkdocs-static-i18n builds the site once per language: the outer build is the default
language, and it runs a nested build for each other one, with the same hook modules.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from data_files import DataFileError
from interface_strings import STRINGS_FILE, InterfaceStrings, Table, load_interface_strings


def i18n_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def languages(config: MkDocsConfig) -> tuple[str, str]:
    """(language being built, default language)."""
    i18n = i18n_plugin(config)
    if i18n is None:
        language = str(config.theme.get("language") or "en")
        return language, language
    return str(i18n.current_language), str(i18n.default_language)


def built_languages(config: MkDocsConfig) -> list[str]:
    """Every language the site is built in, the default first."""
    i18n = i18n_plugin(config)
    if i18n is None:
        return [languages(config)[0]]
    return [lang.locale for lang in i18n.config.languages if lang.build]


def in_nested_build(config: MkDocsConfig) -> bool:
    """True in a language's nested build: the outer build starts and finishes the job."""
    i18n = i18n_plugin(config)
    return bool(i18n is not None and i18n.building)


def page_language(page: Page, config: MkDocsConfig) -> str:
    """A page's language: mkdocs-static-i18n sets File.locale; else the theme's language."""
    return str(getattr(page.file, "locale", None) or config.theme.get("language") or "en")


def site_path(config: MkDocsConfig) -> str:
    """The site's path on its host, with a trailing slash: "/" or "/guides/social-media/"."""
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else f"{path}/"


def offline_enabled(config: MkDocsConfig) -> bool:
    """The offline copy (`make offline`): Material's offline plugin is on."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def editor_path(path: Path, config: MkDocsConfig) -> str:
    """A file's path as an editor finds it in messages: relative to mkdocs.yml when inside
    the project, else as given."""
    base = Path(config.config_file_path or ".").resolve().parent
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return os.fspath(path)


@contextmanager
def data_errors_stop_the_build() -> Iterator[None]:
    """A data file's error stops the build as MkDocs shows a plugin's: its message (file,
    line, entry, problem), no traceback."""
    try:
        yield
    except DataFileError as error:
        raise PluginError(str(error)) from None


def interface_strings(config: MkDocsConfig) -> InterfaceStrings:
    """The checked interface strings (docs/data/strings.yml, parsed again only when it
    changes), or a PluginError naming the file and line."""
    path = Path(config.docs_dir) / STRINGS_FILE
    with data_errors_stop_the_build():
        return load_interface_strings(path, editor_path(path, config))


def component_strings(config: MkDocsConfig, component: str, keys: Iterable[str]) -> Table:
    """One component's strings, language -> key -> text, with exactly `keys`."""
    with data_errors_stop_the_build():
        return interface_strings(config).component(component, keys)
