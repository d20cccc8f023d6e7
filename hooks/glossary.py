"""The tool glossary: load and check docs/data/glossary.yml, then render it as HTML.

Pure functions and frozen dataclasses, tested without MkDocs (tests/test_glossary.py).
hooks/glossary_hook.py is the thin adapter that calls them during a build.
Every error names the file, the line and the entry, in words an editor can act on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from data_files import (
    LANGUAGE_NAMES,
    LANGUAGES,
    DataFile,
    DataFileError,
    Location,
    MarkerLine,
    check_keys,
    identifier,
    parse_data,
    read_data_file,
    text_value,
)
from facts import escape_keeping_markers

# Entry category -> id of the page section (an <h2>) the entry appears in.
CATEGORY_SECTIONS = {"platform": "platforms", "listening": "listening"}
ENTRY_KEYS = frozenset({"id", "category", "name", *LANGUAGES})
REQUIRED_ENTRY_KEYS = ("id", "category", *LANGUAGES)
TEXT_FIELDS = ("purpose", "audience", "effort")
TEXT_KEYS = frozenset({"name", *TEXT_FIELDS})
# The marker a page uses to show the glossary; a comment that starts like it but
# says something else is a mistake worth stopping the build for.
MARKER = "<!-- glossary -->"
MARKER_LIKE = re.compile(r"<!--\s*glossary\b.*?-->", re.DOTALL)

# Its interface strings: the `glossary` section of docs/data/strings.yml, with these keys.
LABEL_KEYS = (
    "platforms",
    "listening",
    "purpose",
    "audience.platform",
    "audience.listening",
    "effort",
    "colon",
)


class GlossaryError(DataFileError):
    """A problem in the glossary's page marker, located for the editor who has to fix it.
    Problems in the data file itself are data_files.DataFileError, as for every data file."""


@dataclass(frozen=True)
class EntryText:
    """What one language says about a tool."""

    name: str
    purpose: str
    audience: str
    effort: str


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    category: str
    fr: EntryText
    en: EntryText

    def text(self, lang: str) -> EntryText:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Glossary:
    source: str
    entries: tuple[GlossaryEntry, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.entries)

    def in_category(self, category: str) -> tuple[GlossaryEntry, ...]:
        return tuple(entry for entry in self.entries if entry.category == category)


# --- Loading and checking ------------------------------------------------------


def load_glossary(path: Path | str, *, label: str | None = None) -> Glossary:
    """Read and check the glossary file; `label` is how messages name the file."""
    return _glossary(read_data_file(path, label or str(path)))


def parse_glossary(text: str, source: str) -> Glossary:
    """Check the YAML text of a glossary and turn it into a Glossary."""
    return _glossary(parse_data(text, source))


def _glossary(file: DataFile) -> Glossary:
    data, root = file.data, file.root
    if not isinstance(data, list) or not data:
        raise root.error("the file must be a list of entries, each starting with '- id:'")
    entries: list[GlossaryEntry] = []
    id_lines: dict[str, int | None] = {}
    for index, raw in enumerate(data):
        entry = _parse_entry(raw, root.at(index))
        if entry.id in id_lines:
            raise (
                root.at(index, "id")
                .named(entry.id)
                .error(
                    f"the id '{entry.id}' is used twice (first at line {id_lines[entry.id]}); "
                    "give each entry its own id"
                )
            )
        id_lines[entry.id] = root.at(index, "id").line
        entries.append(entry)
    return Glossary(source=root.file, entries=tuple(entries))


def _parse_entry(raw: object, where: Location) -> GlossaryEntry:
    if not isinstance(raw, dict):
        raise where.error("each entry must be a set of 'key: value' lines starting with '- id:'")
    if "id" not in raw:
        raise where.error("missing 'id': start the entry with '- id:' and a short name such as 'linkedin'")
    entry_id = identifier(raw["id"], where.at("id"), "platform-search")
    if entry_id in CATEGORY_SECTIONS.values():
        raise where.at("id").error(f"the id '{entry_id}' is taken by a section of the page; choose another")
    where = where.named(entry_id)
    check_keys(raw, ENTRY_KEYS, REQUIRED_ENTRY_KEYS, where)
    category = raw["category"]
    if category not in CATEGORY_SECTIONS:
        raise where.at("category").error(
            f"the category {category!r} is not known; use one of: {', '.join(CATEGORY_SECTIONS)}"
        )
    shared_name = raw.get("name")
    if shared_name is not None:
        shared_name = text_value(shared_name, where.at("name"), "name")
    fr, en = (_parse_text(raw[lang], lang, shared_name, where.at(lang)) for lang in LANGUAGES)
    return GlossaryEntry(id=entry_id, category=category, fr=fr, en=en)


def _parse_text(raw: object, lang: str, shared_name: str | None, where: Location) -> EntryText:
    language = LANGUAGE_NAMES[lang]
    if not isinstance(raw, dict):
        raise where.error(f"'{lang}' must hold the {language} text as 'key: value' lines")
    check_keys(raw, TEXT_KEYS, TEXT_FIELDS, where, language=language)
    if "name" in raw:
        name = text_value(raw["name"], where.at("name"), f"{language} name")
    elif shared_name is not None:
        name = shared_name
    else:
        raise where.error(f"missing {language} name: add 'name' under '{lang}', or one 'name' for both")
    fields = {key: text_value(raw[key], where.at(key), f"{language} {key}") for key in TEXT_FIELDS}
    return EntryText(name=name, **fields)


# --- Rendering -------------------------------------------------------------------


def section_titles(labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """(id, title) of the page sections the glossary adds, in order; `labels`: the
    language's glossary strings."""
    return [(section, labels[section]) for section in CATEGORY_SECTIONS.values()]


def render_glossary(glossary: Glossary, lang: str, labels: Mapping[str, str]) -> str:
    """The glossary in one language (`labels`: that language's glossary strings): per
    category, a <section> holding a Markdown heading and a <dl>.

    The section is `markdown` (md_in_html), so its heading is Markdown's own: the table of
    contents and the permalink pick it up as they do every heading of the page. The <dl>
    is raw HTML inside it; its lines start at column 0 with no blank line, so Markdown
    keeps it as one block.
    """
    parts: list[str] = []
    for category, section in CATEGORY_SECTIONS.items():
        parts.append(
            Markup(
                '<section class="mdx-glossary" markdown>\n\n## {title} {{#{section}}}\n\n<dl class="mdx-glossary__list">'
            ).format(section=section, title=_markdown_text(labels[section]))
        )
        parts.extend(_render_entry(entry, lang, labels) for entry in glossary.in_category(category))
        parts.append(Markup("</dl>\n\n</section>"))
    return "\n".join(parts)


def _markdown_text(text: str) -> str:
    """`text` escaped for a Markdown heading: HTML first, then Markdown's own characters."""
    return Markup(re.sub(r"([\\`*_{}\[\]#+!|])", r"\\\1", str(escape(text))))


def _render_entry(entry: GlossaryEntry, lang: str, labels: Mapping[str, str]) -> str:
    text = entry.text(lang)
    rows = (
        ("purpose", text.purpose),
        (f"audience.{entry.category}", text.audience),
        ("effort", text.effort),
    )
    body = "\n".join(
        Markup('<p><strong class="mdx-glossary__label">{label}{colon}</strong> {value}</p>').format(
            label=labels[key], colon=labels["colon"], value=escape_keeping_markers(value)
        )
        for key, value in rows
    )
    return Markup('<dt class="mdx-glossary__term" id="{id}">{name}</dt>\n<dd>\n{body}\n</dd>').format(
        id=entry.id, name=text.name, body=Markup(body)
    )


# --- Pages ------------------------------------------------------------------------


# Where a page shows it: the marker alone on its line (data_files.MarkerLine checks it).
insert_glossary = MarkerLine(MARKER, MARKER_LIKE, GlossaryError).insert
