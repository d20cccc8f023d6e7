"""One way to read the data files that editors change (docs/data/): load the YAML
safely, keep each value's line, and report a problem where an editor fixes it:
"docs/data/facts.yml, line 12, entry 'linkedin-members': missing English text".

Pure functions, tested without MkDocs; the data hooks (facts, and the data files to
come) build on them, so that every file is checked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from markupsafe import Markup, escape

from yaml_data import DuplicateKeyError, key_lines, load_with_nodes

T = TypeVar("T")

LANGUAGES = ("fr", "en")
LANGUAGE_NAMES = {"fr": "French", "en": "English"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACES = re.compile(r"[ \t\r\n]+")
# What mkdocs.utils.meta takes for a page's front matter, so that lines count the same.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.MULTILINE | re.DOTALL)


class DataFileError(Exception):
    """A problem in a data file or a page, located for the editor who has to fix it.

    `entry` is how the message names the entry the problem is in: "entry 'x'",
    "item 'owner-named'", "English strings (en)".
    """

    def __init__(self, file: str, problem: str, *, line: int | None = None, entry: str | None = None):
        self.file = file
        self.line = line
        self.entry = entry
        self.problem = problem
        where = file if line is None else f"{file}, line {line}"
        if entry is not None:
            where += f", {entry}"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Location:
    """Where a value sits in a data file: a path of keys and indexes, and the entry it
    belongs to. Its error names the nearest line the file has for that path."""

    file: str
    lines: Mapping[tuple[Any, ...], int]
    path: tuple[Any, ...] = ()
    entry: str | None = None

    def at(self, *keys: Any, entry: str | None = None) -> Location:
        return Location(self.file, self.lines, self.path + keys, entry or self.entry)

    def named(self, entry_id: str, kind: str = "entry") -> Location:
        return Location(self.file, self.lines, self.path, f"{kind} '{entry_id}'")

    @property
    def line(self) -> int | None:
        path = self.path
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path)

    def error(self, problem: str) -> DataFileError:
        return DataFileError(self.file, problem, line=self.line, entry=self.entry)


@dataclass(frozen=True)
class DataFile:
    """A parsed data file: its data and where each value came from."""

    data: Any
    root: Location


def read_data_file(path: Path | str, label: str) -> DataFile:
    """Read and parse one YAML data file; `label` is how messages name it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(label, f"cannot read the file ({error.strerror})") from None
    return parse_data(text, label)


def parse_data(text: str, label: str) -> DataFile:
    try:
        data, node = load_with_nodes(text)
        lines = key_lines(node)
    except DuplicateKeyError as error:
        raise DataFileError(label, f"the key '{error.key}' is given twice here", line=error.line) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = f"this is not valid YAML ({error.problem})"
        if line is not None and any("<!--" in near for near in text.splitlines()[max(line - 2, 0) : line]):
            # "key: text <!-- fact: x -->" reads as a second "key: value" on one line.
            problem += (
                "; a text holding a marker must be a block: 'key: >-', then the text on the lines below"
            )
        raise DataFileError(label, problem, line=line) from None
    except yaml.YAMLError as error:
        raise DataFileError(label, f"this is not valid YAML ({error})") from None
    return DataFile(data, Location(label, lines))


def check_keys(
    raw: Mapping[object, object],
    allowed: Iterable[str],
    required: Iterable[str],
    where: Location,
    *,
    language: str | None = None,
) -> None:
    """Stop at the first unknown key, then at the first missing one; `language` names
    the language of a block of text ("missing English 'effort'")."""
    allowed = frozenset(allowed)
    for key in raw:
        if key not in allowed:
            raise where.at(key).error(f"unknown key {key!r}; allowed keys: {', '.join(sorted(allowed))}")
    for key in required:
        if key not in raw:
            if key in LANGUAGES:
                raise where.error(f"missing {LANGUAGE_NAMES[key]} text: add an '{key}:' block")
            raise where.error(f"missing {language + ' ' if language else ''}'{key}'")


def text_value(value: object, where: Location, what: str) -> str:
    """Some text, with line breaks and runs of spaces folded (no-break spaces kept)."""
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"the {what} must be some text, and it is empty or not text")
    return _SPACES.sub(" ", value).strip(" \t\r\n")


def localized_text(value: object, where: Location, what: str, *, shared: bool = True) -> dict[str, str]:
    """Text in every language: one line per language, or (`shared`, for a name) one
    text for all."""
    if shared and isinstance(value, str):
        return dict.fromkeys(LANGUAGES, text_value(value, where, what))
    if not isinstance(value, dict):
        either = "some text, or " if shared else ""
        raise where.error(f"the {what} must be {either}one line per language ({', '.join(LANGUAGES)})")
    for key in value:
        if key not in LANGUAGES:
            raise where.at(key).error(
                f"the {what} has an unknown language {key!r}; use {' and '.join(LANGUAGES)}"
            )
    for lang in LANGUAGES:
        if lang not in value:
            raise where.error(f"missing {LANGUAGE_NAMES[lang]} {what}: add a line '{lang}:' under it")
    return {
        lang: text_value(value[lang], where.at(lang), f"{LANGUAGE_NAMES[lang]} {what}") for lang in LANGUAGES
    }


def mapping_value(
    value: object, where: Location, allowed: Iterable[str], required: Iterable[str], what: str
) -> Mapping[str, Any]:
    """A set of 'key: value' lines with known keys, the required ones present."""
    if not isinstance(value, dict):
        raise where.error(f"{what} must be a set of 'key: value' lines")
    check_keys(value, allowed, required, where)
    return value


def integer_value(value: object, where: Location, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise where.error(f"{what} must be a whole number from {low} to {high}, not {value!r}")
    return value


def boolean_value(value: object, where: Location, what: str) -> bool:
    if not isinstance(value, bool):
        raise where.error(f"{what} must be true or false, not {value!r}")
    return value


def date_value(value: object, where: Location, what: str) -> date:
    """A day written YYYY-MM-DD (YAML reads it as a date; a quoted one is accepted too)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DAY.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise where.error(
        f"the {what} must be a real date written YYYY-MM-DD, such as 2026-12-05; it is {value!r}"
    )


def identifier(value: object, where: Location, example: str, what: str = "id") -> str:
    """An id: lowercase letters, digits and single hyphens."""
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise where.error(
            f"the {what} {value!r} is not valid; use lowercase letters, digits and single hyphens "
            f"(for example: {example})"
        )
    return value


def body_first_line(content: str) -> int:
    """Line of a page's file where its Markdown starts, after the front matter."""
    match = FRONT_MATTER.match(content)
    if match is None:
        return 1
    end = match.end()
    while content.startswith("\n", end):
        end += 1
    return content.count("\n", 0, end) + 1


def read_when_changed(cache: dict[Path, tuple[tuple[int, int], T]], path: Path, load: Callable[[], T]) -> T:
    """`load()`'s result for the file at `path`, read again only when its time or size
    changes (mkdocs-static-i18n builds each language with the same data; mkdocs serve
    sees an editor's save). A load that fails leaves nothing cached."""
    try:
        stat = path.stat()
        signature = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        signature = (-1, -1)
    cached = cache.get(path)
    if cached is not None and cached[0] == signature:
        return cached[1]
    cache.pop(path, None)
    value = load()
    cache[path] = (signature, value)
    return value


def markdown_text(text: str) -> Markup:
    """Text from a data file for a line of Markdown (a heading): shown as written, with
    Markdown's own characters escaped, then HTML's (in that order, so that an entity's
    `#` stays as it is), so nothing turns into emphasis, a tag or a second attribute list."""
    return escape(re.sub(r"([\\`*_{}\[\]#+!|])", r"\\\1", text))


@dataclass(frozen=True)
class MarkerLine:
    """The comment a page writes alone on a line where a hook shows its content
    (`<!-- glossary -->`): `like` finds comments meant as it, `error` names the data."""

    marker: str
    like: re.Pattern[str]
    error: type[DataFileError] = DataFileError

    def insert(self, markdown: str, html: str, page: str, *, first_line: int = 1) -> str:
        """Replace the marker's line in a page's Markdown with an HTML block: at column 0
        between blank lines, so Markdown passes it through and MkDocs counts its ids as
        link targets. A comment like the marker but not it, a marker sharing its line, or
        a second marker stops with the page and line. `first_line`: where `markdown`
        starts in the file (after the front matter)."""
        marker, error = self.marker, self.error
        found = 0
        for match in self.like.finditer(markdown):
            line = first_line + markdown.count("\n", 0, match.start())
            start = markdown.rfind("\n", 0, match.start()) + 1
            end = markdown.find("\n", match.end())
            whole_line = markdown[start : len(markdown) if end == -1 else end]
            if match.group(0) != marker:
                raise error(page, f"unknown marker {match.group(0)!r}; write exactly {marker}", line=line)
            if whole_line.strip() != marker:
                raise error(page, f"put {marker} alone on its own line", line=line)
            found += 1
            if found > 1:
                raise error(page, f"{marker} appears more than once; keep one", line=line)
        if not found:
            return markdown
        pattern = rf"^[ \t]*{re.escape(marker)}[ \t]*$"
        return re.sub(pattern, lambda _: f"\n{html}\n", markdown, count=1, flags=re.MULTILINE)
