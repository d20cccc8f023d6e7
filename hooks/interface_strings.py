"""The interface strings of every hook and template, from one data file
(docs/data/strings.yml): one section per component, one table per language.

Pure functions over data_files.py, tested without MkDocs (tests/test_interface_strings.py).
The rules every component shares are checked here: exactly the languages fr and en,
the same keys in both, some text in each, the same placeholders. A component's own
rules stay with it (the checklist's in checklist.parse_strings, given its section).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from data_files import (
    LANGUAGE_NAMES,
    LANGUAGES,
    DataFile,
    DataFileError,
    Location,
    read_data_file,
    text_value,
)

# Relative to docs_dir; docs/data/ is not published (mkdocs.yml, exclude_docs).
STRINGS_FILE = Path("data") / "strings.yml"
# "{count}" for Python's str.format, "%s" for Jinja's format filter.
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%s")

# One component's strings: language -> key -> text.
Table = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class InterfaceStrings:
    """Every component's checked table, and the parsed file for a component that
    checks rules of its own (its messages then keep the file's lines)."""

    tables: Mapping[str, Table]
    file: DataFile

    def component(self, name: str, keys: Iterable[str]) -> Table:
        """The strings of one component, which uses exactly `keys`."""
        if name not in self.tables:
            raise self.file.root.error(f"there are no strings for '{name}': add a '{name}:' section")
        keys = tuple(keys)
        where = self.file.root.at(name)
        first = LANGUAGES[0]
        for key in self.tables[name][first]:
            if key not in keys:
                raise where.at(first, key).error(
                    f"'{name}' has no use for the string '{key}'; its strings are: {', '.join(keys)}"
                )
        for key in keys:
            if key not in self.tables[name][first]:
                raise where.error(f"the strings of '{name}' have no '{key}': add it in each language")
        return self.tables[name]

    def section(self, name: str) -> DataFile:
        """One component's part of the file, for a component that checks it itself."""
        if name not in self.tables:
            raise self.file.root.error(f"there are no strings for '{name}': add a '{name}:' section")
        return DataFile(self.file.data[name], self.file.root.at(name))


# The last parse of each file, by path, with the file's time and size when it was read.
_cache: dict[str, tuple[tuple[str, int, int], InterfaceStrings]] = {}


def parse_interface_strings(file: DataFile) -> InterfaceStrings:
    """Check the rules every component shares; raise DataFileError at the first problem."""
    if not isinstance(file.data, dict) or not file.data:
        raise file.root.error("the file must be a set of 'component:' sections, each with 'fr:' and 'en:'")
    tables = {
        str(name): _component(str(name), value, file.root.at(name)) for name, value in file.data.items()
    }
    return InterfaceStrings(tables, file)


def _component(name: str, value: object, where: Location) -> Table:
    if not isinstance(value, dict):
        raise where.error(
            f"the strings of '{name}' must be a set of lines: 'fr:' and 'en:', each with its strings"
        )
    for lang in value:
        if lang not in LANGUAGES:
            raise where.at(lang).error(
                f"the strings of '{name}' have an unknown language {lang!r}; use {' and '.join(LANGUAGES)}"
            )
    for lang in LANGUAGES:
        if lang not in value:
            raise where.error(
                f"the strings of '{name}' have no {LANGUAGE_NAMES[lang]} ones: add an '{lang}:' block"
            )
    raw: dict[str, dict[object, object]] = {}
    for lang in LANGUAGES:
        table = value[lang]
        if not isinstance(table, dict) or not table:
            raise where.at(lang).error(
                f"the {LANGUAGE_NAMES[lang]} strings of '{name}' must be a set of 'key: text' lines"
            )
        raw[lang] = table
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for key in raw[other]:
                if key not in raw[lang]:
                    raise where.at(lang).error(
                        f"the {LANGUAGE_NAMES[lang]} strings of '{name}' have no '{key}' "
                        f"(the {LANGUAGE_NAMES[other]} ones do)"
                    )
    texts = {
        lang: {
            str(key): text_value(
                text, where.at(lang, key), f"{LANGUAGE_NAMES[lang]} string '{key}' of '{name}'"
            )
            for key, text in raw[lang].items()
        }
        for lang in LANGUAGES
    }
    first, *others = LANGUAGES
    for key, text in texts[first].items():
        expected = sorted(PLACEHOLDER.findall(text))
        for lang in others:
            found = sorted(PLACEHOLDER.findall(texts[lang][key]))
            if found != expected:
                raise where.at(lang, key).error(
                    f"the {LANGUAGE_NAMES[lang]} string '{key}' of '{name}' has the placeholders "
                    f"{found or 'none'}; the {LANGUAGE_NAMES[first]} one has {expected or 'none'}: use the same"
                )
    return texts


def load_interface_strings(path: Path, label: str) -> InterfaceStrings:
    """The checked strings at `path`, read again only when the file changed: every hook
    asks, once per language's build, and the file is parsed once."""
    try:
        stat = path.stat()
    except OSError:
        raise DataFileError(label, "the interface strings file is missing") from None
    signature = (str(path), stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(signature[0])
    if cached is not None and cached[0] == signature:
        return cached[1]
    strings = parse_interface_strings(read_data_file(path, label))
    _cache[signature[0]] = (signature, strings)
    return strings
