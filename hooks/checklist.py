"""Checklists: load a data file, validate it, render it as HTML in one language.

Pure functions over files and strings, tested without MkDocs (tests/test_checklist.py).
The MkDocs adapter is checklist_hook.py. The data format is documented in
docs/data/checklists/checklist.schema.json.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from data_files import (
    LANGUAGE_NAMES,
    LANGUAGES,
    DataFile,
    DataFileError,
    Location,
    boolean_value,
    identifier,
    integer_value,
    localized_text,
    mapping_value,
    markdown_text,
    parse_data,
    text_value,
)

SCHEMA_VERSION = 1
# Version of the object the browser keeps in localStorage and writes to its export file
# (checklist.js reads it, and migrates version 1, answers only, and version 2, answers and
# actions; README.md, "The checklist's file format").
STORAGE_VERSION = 3
TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "checklist.html"

MARKER = re.compile(r"^<!--\s*checklist\s*:\s*(?P<id>\S*)\s*-->[ \t]*$", re.MULTILINE)
# Anything an editor may have meant as a marker: checked, so that a typo is an error, not silence.
MARKER_LIKE = re.compile(r"<!--\s*checklist\b", re.IGNORECASE)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Python-Markdown reads only a checklist's headings and the `markdown` blocks that hold them:
# the template's plain HTML, between <!--html--> and <!--/html-->, goes into the page's
# Markdown as a placeholder and into its HTML afterwards (parsing those 70 KB made the build
# 5 % slower; README, "Performance").
HTML_BLOCK = re.compile(r"^<!--html-->\n(.*?)\n<!--/html-->$", re.MULTILINE | re.DOTALL)
HTML_BLOCK_PLACEHOLDER = "<!-- mdx-checklist-html {id} {index} -->"
HTML_BLOCK_PLACEHOLDERS = re.compile(r"<!-- mdx-checklist-html (?P<id>[a-z0-9-]+) (?P<index>\d+) -->")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A count that can be 0 or 1 put before a noun ("{count} items"): wrong in one of the languages.
COUNT_BEFORE_NOUN = re.compile(r"\{(count|saved)\}[ \u00a0]+[^\W\d_]")
FILE_NAME = re.compile(r"^[a-z0-9]+(?:-(?:[a-z0-9]+|\{id\}))*\.json$")
PLAN_FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids that a page of the guide declares: `## Heading {#id}`, `{: #id }`, or raw `id="…"`.
ATTR_LIST = re.compile(r"\{:?[^}\n]*?#([A-Za-z][\w-]*)[^}\n]*\}")
# `id="…"`, not `data-checklist-id="…"` (\b alone would take that too).
HTML_ID = re.compile(r"""(?<![\w-])id\s*=\s*["']([^"']+)["']""")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
SAFE_SCHEMES = ("http://", "https://", "mailto:")
URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
GUIDE_LINK = re.compile(r"^[\w-]+(?:/[\w-]+)*\.md(?:#[\w-]+)?$")
WEIGHT_RANGE = (1, 3)
# The template names each element "<checklist>-<name>": a section or item by its id, an
# item's help "<checklist>-<item>-hint", and its own elements by these names (the share
# link's fragment is "#<checklist>-answers="). Two names alike would give two elements one
# id: links and labels would reach the wrong one.
TEMPLATE_NAMES = (
    "progress",
    "result-heading",
    "result-title",
    "share-url",
    "dialog-text",
    "answers",
    "plan-heading",
    "plan-name",
    "organization",
    "snapshots-heading",
    "snapshots-title",
    "snapshot-name",
    "compare-from",
    "compare-to",
)
HINT_SUFFIX = "-hint"
# An item's own elements beside its checkbox: its help, and its action's fields.
ITEM_SUFFIXES = {
    HINT_SUFFIX: "the help",
    "-who": "the 'who' field",
    "-due": "the date field",
    "-note": "the note field",
}
# A section's heading has the section's id; its text, which names the section's fieldset, this.
SECTION_TITLE_SUFFIX = "-title"
ROOT_ID_PREFIX = "checklist-"
MIN_LEVELS = 3

CHECKLIST_KEYS = {"id": True, "schema_version": True, "sections": True, "levels": True}
SECTION_KEYS = {"id": True, "title": True, "items": True}
ITEM_KEYS = {
    "id": True,
    "label": True,
    "action": True,
    "help": False,
    "link": True,
    "weight": True,
    "essential": True,
    "formerly": False,
}
LEVEL_KEYS = {
    "id": True,
    "title": True,
    "recommendation": True,
    "min_score": True,
    "requires_essentials": True,
}

# Interface strings: the `checklist` section of docs/data/strings.yml, these keys in each language.
TEMPLATE_STRINGS = (
    "nojs_note",
    "storage_warning",
    "see",
    "progress_label",
    "levels_heading",
    "score_help",
    "start_note",
    "levels_nojs",
    "gaps_heading",
    "actions_label",
    "share",
    "share_label",
    "export",
    "import",
    "print",
    "reset",
    "plan_summary",
    "plan_heading",
    "plan_nojs",
    "plan_empty",
    "print_plan",
    "plan_csv",
    "plan_ics",
    "organization_label",
    "snapshots_heading",
    "snapshots_nojs",
    "snapshots_intro",
    "snapshot_name",
    "snapshot_take",
    "compare_from",
    "compare_to",
    "compare_heading",
    "compare_score",
    "compare_level",
    "compare_done",
)
# The subset checklist.js needs, handed to it in a JSON block.
SCRIPT_STRINGS = (
    "section_status",
    "status_section",
    "status_overall",
    "status_level",
    "confirm_reset",
    "reset_ok",
    "confirm_share",
    "replace_ok",
    "keep_mine",
    "cancel",
    "done_reset",
    "done_import",
    "error_import",
    "done_share_loaded",
    "done_share_kept",
    "share_copied",
    "share_ready",
    "error_share",
    "export_filename",
    "essential",
    "storage_damaged",
    "plan_who",
    "plan_due",
    "plan_note",
    "plan_date",
    "plan_who_line",
    "plan_due_line",
    "plan_overdue",
    "plan_no_dates",
    "plan_filename",
    "csv_action",
    "csv_link",
    "csv_separator",
    "csv_yes",
    "error_import_version",
    "error_import_damaged",
    "answers_date",
    "snapshot_full",
    "done_snapshot",
    "snapshot_option",
    "snapshot_delete",
    "confirm_snapshot_delete",
    "delete_ok",
    "done_snapshot_deleted",
    "compare_now",
    "compare_score_value",
    "compare_no_level",
    "compare_section",
    "compare_gained",
    "compare_lost",
)
STRING_KEYS = TEMPLATE_STRINGS + SCRIPT_STRINGS


class ChecklistError(DataFileError):
    """A problem with a page's checklist marker or an item's link, with where to fix it;
    problems in the data files themselves are data_files.DataFileError."""


@dataclass(frozen=True)
class Text:
    """One piece of text in every language."""

    by_language: Mapping[str, str]

    def __getitem__(self, lang: str) -> str:
        return self.by_language[lang]


@dataclass(frozen=True)
class Item:
    id: str
    label: Text
    action: Text
    help: Text | None
    link: str
    weight: int
    essential: bool
    formerly: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Level:
    id: str
    title: Text
    recommendation: Text
    min_score: int
    requires_essentials: bool


@dataclass(frozen=True)
class Checklist:
    id: str
    file: str
    sections: tuple[Section, ...]
    levels: tuple[Level, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)


@dataclass(frozen=True)
class Link:
    """Where an item's guidance lives, as the page being built should link to it."""

    href: str
    title: str


Strings = Mapping[str, Mapping[str, str]]


# --- Reading values ---------------------------------------------------------------------------


def _entry_name(value: object, kind: str, fallback: str) -> str:
    """How errors name an entry: by its id when it has a usable one, else by position."""
    entry_id = value.get("id") if isinstance(value, dict) else None
    return f"{kind} '{entry_id}'" if isinstance(entry_id, str) and SLUG.match(entry_id) else fallback


def _keys(spec: Mapping[str, bool]) -> tuple[list[str], list[str]]:
    """(allowed, required) keys of an entry, from {key: required}."""
    return list(spec), [key for key, required in spec.items() if required]


def _mapping(value: object, where: Location, spec: Mapping[str, bool], what: str) -> Mapping[str, Any]:
    return mapping_value(value, where, *_keys(spec), what)


def _slug(value: object, where: Location, what: str) -> str:
    return identifier(value, where, "owner-named", what.removeprefix("the ").removeprefix("an "))


def _text(value: object, where: Location, what: str) -> Text:
    """Text in French and in English; one text for both is refused (it would be a missing translation)."""
    return Text(localized_text(value, where, what, shared=False))


def _link(value: object, where: Location) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error("link must be the guide page it points to, like 'plan.md#crisis-plan'")
    link = value.strip()
    if link.startswith(SAFE_SCHEMES):
        if re.search(r"[\s<>\"'`]", link) or link in SAFE_SCHEMES:
            raise where.error(f"link {link!r} is not a valid address")
        return link
    if URL_SCHEME.match(link):
        raise where.error(f"link {link!r} is not allowed: use a page of the guide, https:, http: or mailto:")
    if ".." in link or not GUIDE_LINK.match(link):
        raise where.error(f"link {link!r} must name a page of the guide, like 'plan.md#crisis-plan'")
    return link


# --- Loading ----------------------------------------------------------------------------


def load_checklist(path: Path, file: str | None = None) -> Checklist:
    """Read and check one checklist data file; `file` is the name errors give for it."""
    name = file or str(path)
    return parse_checklist(parse_data(path.read_text(encoding="utf-8"), name), expected_id=path.stem)


def parse_checklist(file: DataFile, expected_id: str | None = None) -> Checklist:
    """Turn a parsed data file into a Checklist, or raise DataFileError at the first problem."""
    where = file.root
    top = _mapping(file.data, where, CHECKLIST_KEYS, "the file")
    checklist_id = _slug(top["id"], where.at("id"), "id")
    if expected_id is not None and checklist_id != expected_id:
        raise where.at("id").error(f"id '{checklist_id}' must match the file name ({expected_id}.yml)")
    if top["schema_version"] != SCHEMA_VERSION:
        raise where.at("schema_version").error(
            f"schema_version must be {SCHEMA_VERSION}, not {top['schema_version']!r}"
        )
    sections = _sections(top["sections"], where.at("sections"), _Claims.for_checklist(checklist_id))
    levels = _levels(top["levels"], where.at("levels"))
    return Checklist(checklist_id, where.file, sections, levels)


@dataclass(frozen=True)
class _Claims:
    """Who holds each name of a checklist: in its HTML ids ("<checklist>-<name>") and as a
    key of its saved answers (an item's id and old ids). A name held twice is an error."""

    checklist_id: str
    html: dict[str, str]
    storage: dict[str, str]

    @classmethod
    def for_checklist(cls, checklist_id: str) -> _Claims:
        html = {name: f"the checklist's own element '{checklist_id}-{name}'" for name in TEMPLATE_NAMES}
        root = ROOT_ID_PREFIX + checklist_id
        if root.startswith(f"{checklist_id}-"):
            html[root[len(checklist_id) + 1 :]] = f"the checklist itself (id '{root}')"
        return cls(checklist_id, html, {})

    def take_html(self, name: str, owner: str, where: Location, what: str) -> None:
        if name in self.html:
            raise where.error(
                f"{what} '{name}' is already used by {self.html[name]}: both would have the "
                f"id '{self.checklist_id}-{name}' in the page; choose another id"
            )
        self.html[name] = owner

    def take_storage(self, name: str, owner: str, where: Location, what: str) -> None:
        if name in self.storage:
            raise where.error(
                f"{what} '{name}' is already used by {self.storage[name]}: readers' saved "
                "answers are kept under it; choose another id"
            )
        self.storage[name] = owner


def _owner(kind: str, name: str, where: Location) -> str:
    """How a clash names the entry that holds a name first: kind, id and line."""
    line = where.line
    return f"{kind} '{name}'" + (f" (line {line})" if line else "")


def _sections(value: object, where: Location, claims: _Claims) -> tuple[Section, ...]:
    if not isinstance(value, list) or not value:
        raise where.error("sections must be a list with at least one section")
    sections: list[Section] = []
    for index, raw in enumerate(value):
        here = where.at(index, entry=_entry_name(raw, "section", f"section {index + 1}"))
        fields = _mapping(raw, here, SECTION_KEYS, "a section")
        section_id = _slug(fields["id"], here.at("id"), "the section id")
        here = where.at(index, entry=f"section '{section_id}'")
        claims.take_html(
            section_id, _owner("section", section_id, here.at("id")), here.at("id"), "the section id"
        )
        claims.take_html(
            section_id + SECTION_TITLE_SUFFIX,
            _owner("the title of section", section_id, here.at("id")),
            here.at("id"),
            "the id of a section's title",
        )
        title = _text(fields["title"], here.at("title"), "title")
        items = fields["items"]
        if not isinstance(items, list) or not items:
            raise here.at("items").error("items must be a list with at least one item")
        parsed = tuple(_item(raw_item, here.at("items", i), i, claims) for i, raw_item in enumerate(items))
        sections.append(Section(section_id, title, parsed))
    return tuple(sections)


def _item(value: object, where: Location, index: int, claims: _Claims) -> Item:
    here = where.at(entry=_entry_name(value, "item", f"{where.entry}, item {index + 1}"))
    fields = _mapping(value, here, ITEM_KEYS, "an item")
    item_id = _slug(fields["id"], here.at("id"), "the item id")
    here = where.at(entry=f"item '{item_id}'")
    formerly_raw = fields.get("formerly", [])
    if not isinstance(formerly_raw, list):
        raise here.at("formerly").error("formerly must be a list of the item's old ids")
    formerly = tuple(_slug(old, here.at("formerly", i), "an old id") for i, old in enumerate(formerly_raw))
    owner = _owner("item", item_id, here.at("id"))
    claims.take_html(item_id, owner, here.at("id"), "the id")
    for suffix, what in ITEM_SUFFIXES.items():
        claims.take_html(
            item_id + suffix, f"{what} of {owner}", here.at("id"), f"the id of {what.removeprefix('the ')}"
        )
    claims.take_storage(item_id, owner, here.at("id"), "the id")
    for i, old in enumerate(formerly):
        claims.take_storage(old, owner, here.at("formerly", i), "the old id")
    return Item(
        id=item_id,
        label=_text(fields["label"], here.at("label"), "label"),
        action=_text(fields["action"], here.at("action"), "action"),
        help=_text(fields["help"], here.at("help"), "help") if "help" in fields else None,
        link=_link(fields["link"], here.at("link")),
        weight=integer_value(fields["weight"], here.at("weight"), "weight", *WEIGHT_RANGE),
        essential=boolean_value(fields["essential"], here.at("essential"), "essential"),
        formerly=formerly,
        line=where.line or 0,
    )


def _levels(value: object, where: Location) -> tuple[Level, ...]:
    if not isinstance(value, list) or len(value) < MIN_LEVELS:
        raise where.error(f"levels must be a list of at least {MIN_LEVELS} readiness levels")
    levels: list[Level] = []
    for index, raw in enumerate(value):
        here = where.at(index, entry=_entry_name(raw, "level", f"level {index + 1}"))
        fields = _mapping(raw, here, LEVEL_KEYS, "a level")
        level_id = _slug(fields["id"], here.at("id"), "the level id")
        here = where.at(index, entry=f"level '{level_id}'")
        if any(level.id == level_id for level in levels):
            raise here.at("id").error(f"the level id '{level_id}' is used twice")
        levels.append(
            Level(
                id=level_id,
                title=_text(fields["title"], here.at("title"), "title"),
                recommendation=_text(fields["recommendation"], here.at("recommendation"), "recommendation"),
                min_score=integer_value(fields["min_score"], here.at("min_score"), "min_score", 0, 100),
                requires_essentials=boolean_value(
                    fields["requires_essentials"], here.at("requires_essentials"), "requires_essentials"
                ),
            )
        )
    last = levels[-1]
    if last.min_score != 0 or last.requires_essentials:
        raise where.at(len(levels) - 1, entry=f"level '{last.id}'").error(
            "the last level must catch every other case: min_score 0 and requires_essentials false"
        )
    return tuple(levels)


def load_strings(path: Path, file: str | None = None) -> Strings:
    """Read a file of checklist strings alone (fr: and en: at the top, as the test fixtures are)."""
    return parse_strings(parse_data(path.read_text(encoding="utf-8"), file or str(path)))


def parse_strings(file: DataFile) -> Strings:
    """The checklist's strings: its keys, and its rules on counts and the export's file name."""
    where = file.root
    top = _mapping(file.data, where, dict.fromkeys(LANGUAGES, True), "the file")
    result: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        here = where.at(lang, entry=f"{LANGUAGE_NAMES[lang]} strings ({lang})")
        table = _mapping(top[lang], here, dict.fromkeys(STRING_KEYS, True), "the strings")
        result[lang] = {
            key: text_value(table[key], here.at(key), f"{LANGUAGE_NAMES[lang]} string '{key}'")
            for key in STRING_KEYS
        }
        for key, value in result[lang].items():
            if COUNT_BEFORE_NOUN.search(value):
                raise here.at(key).error(
                    f"the {LANGUAGE_NAMES[lang]} string '{key}' puts a noun after a count that can be 0 or 1; "
                    "name the thing first, like 'Items ticked: {count}' or « Éléments cochés\u00a0: {count} »"
                )
        if not PLAN_FILE_NAME.match(result[lang]["plan_filename"]):
            raise here.at("plan_filename").error(
                "plan_filename must be lowercase ASCII letters, digits and hyphens, without an extension "
                f"(.csv and .ics are added), like 'readiness-plan', not {result[lang]['plan_filename']!r}"
            )
        if result[lang]["csv_separator"] not in (",", ";"):
            raise here.at("csv_separator").error(
                "csv_separator must be ',' or ';' (what Excel expects in that language)"
            )
        if not FILE_NAME.match(result[lang]["export_filename"]):
            raise here.at("export_filename").error(
                f"export_filename must be lowercase ASCII letters, digits and hyphens ending in .json, "
                f"like 'readiness-answers.json', not {result[lang]['export_filename']!r}"
            )
    first, *others = LANGUAGES
    for key in STRING_KEYS:
        expected = sorted(PLACEHOLDER.findall(result[first][key]))
        for lang in others:
            found = sorted(PLACEHOLDER.findall(result[lang][key]))
            if found != expected:
                raise where.at(lang, key).error(
                    f"the {LANGUAGE_NAMES[lang]} string '{key}' has placeholders {found}; "
                    f"the {LANGUAGE_NAMES[first]} one has {expected}: use the same"
                )
    return result


# --- Links to the guide --------------------------------------------------------------------


def heading_ids(markdown: str) -> dict[str, str]:
    """The ids a page of the guide declares, each with its heading text (or the id itself)."""
    text = FENCE.sub("", FRONT_MATTER.sub("", markdown))
    ids: dict[str, str] = {}
    for line in text.splitlines():
        if "#" not in line and "id" not in line:
            continue  # most lines: no id to find, so no regular expression to run
        for anchor in ATTR_LIST.findall(line):
            heading = HEADING.match(line)
            ids.setdefault(anchor, _plain(heading.group("text")) if heading else anchor)
        for anchor in HTML_ID.findall(line):
            ids.setdefault(anchor, anchor)
    return ids


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text).strip()


def guide_anchors(docs_dir: Path, only: Iterable[str] | None = None) -> dict[str, dict[str, dict[str, str]]]:
    """page name ('plan.md') -> language -> id -> heading text, from docs/<page>.<lang>.md.

    `only` limits the reading to these pages (those the checklists link to).
    """
    wanted = None if only is None else set(only)
    pages: dict[str, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        for path in sorted(docs_dir.rglob(f"*.{lang}.md")):
            page = path.relative_to(docs_dir).as_posix().removesuffix(f".{lang}.md") + ".md"
            if wanted is None or page in wanted:
                pages.setdefault(page, {})[lang] = heading_ids(path.read_text(encoding="utf-8"))
    return pages


def linked_pages(checklists: Iterable[Checklist]) -> set[str]:
    """The guide pages ('plan.md') that the checklists' items link to."""
    return {
        item.link.partition("#")[0]
        for checklist in checklists
        for item in checklist.items
        if not item.link.startswith(SAFE_SCHEMES)
    }


def check_links(checklist: Checklist, anchors: Mapping[str, Mapping[str, Mapping[str, str]]]) -> None:
    """Every item's link names a page of the guide, in every language, and a section that exists there."""
    for item in checklist.items:
        if item.link.startswith(SAFE_SCHEMES):
            continue
        page, _, anchor = item.link.partition("#")
        where = f"item '{item.id}'"
        for lang in LANGUAGES:
            source = f"docs/{page.removesuffix('.md')}.{lang}.md"
            ids = anchors.get(page, {}).get(lang)
            if ids is None:
                raise ChecklistError(
                    checklist.file,
                    f"link {item.link!r}: the page {source} does not exist",
                    line=item.line,
                    entry=where,
                )
            if anchor and anchor not in ids:
                known = ", ".join(sorted(ids)) or "none"
                raise ChecklistError(
                    checklist.file,
                    f"link {item.link!r}: {source} has no section with the id '{anchor}' (ids there: {known})",
                    line=item.line,
                    entry=where,
                )


def link_title(link: str, lang: str, anchors: Mapping[str, Mapping[str, Mapping[str, str]]]) -> str:
    """The words a reader sees for an item's link: the heading it points to."""
    if link.startswith(SAFE_SCHEMES):
        return link.removeprefix("mailto:")
    page, _, anchor = link.partition("#")
    ids = anchors.get(page, {}).get(lang, {})
    return ids.get(anchor, page) if anchor else page


# --- Markers in pages ------------------------------------------------------------------------


def _outside_code(markdown: str) -> str:
    """The Markdown with its fenced code blocks blanked out, line breaks kept (so line
    numbers stay right): a marker shown in a code block is an example, not a request."""
    return FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)


def find_markers(markdown: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(checklist id, line number) of every `<!-- checklist: id -->` marker in a page.

    `first_line` is the file line the Markdown starts on (MkDocs strips the front matter).
    """
    text = _outside_code(markdown)
    return [(m.group("id"), text.count("\n", 0, m.start()) + first_line) for m in MARKER.finditer(text)]


def check_markers(markdown: str, page_file: str, known: Sequence[str], first_line: int = 1) -> dict[str, int]:
    """The checklists a page asks for, in order, each with its marker's line. An error names
    the page and line for: a marker not written exactly (indented, in capitals, misspelt,
    inside a list or quote), an unknown checklist, or a checklist placed twice."""
    lines = _outside_code(markdown).split("\n")
    for number, text in enumerate(lines, start=first_line):
        if MARKER_LIKE.search(text) and not MARKER.match(text):
            raise ChecklistError(
                page_file,
                "write the checklist marker exactly as <!-- checklist: readiness --> (with the "
                "checklist's id), in lowercase, at the start of a line of its own, with a blank line "
                f"before and after it; found: {text.strip()}",
                line=number,
            )
    wanted: dict[str, int] = {}
    for checklist_id, line in find_markers(markdown, first_line):
        if checklist_id not in known:
            raise ChecklistError(
                page_file,
                f"the marker asks for the checklist '{checklist_id}', which does not exist "
                f"(checklists: {', '.join(sorted(known)) or 'none'}; each is a file in docs/data/checklists/)",
                line=line,
            )
        if checklist_id in wanted:
            raise ChecklistError(
                page_file,
                f"the checklist '{checklist_id}' is already placed on line {wanted[checklist_id]}; "
                "a page shows each checklist once",
                line=line,
            )
        wanted[checklist_id] = line
    return wanted


def anchor_ids(html: str) -> set[str]:
    """The ids in a checklist's rendered text (its elements' and its headings' `{#id}`),
    which links from other pages may point at."""
    return set(HTML_ID.findall(html)) | {
        anchor for line in html.splitlines() if HEADING.match(line) for anchor in ATTR_LIST.findall(line)
    }


def clashing_ids(page_ids: Iterable[str], rendered: Mapping[str, str]) -> dict[str, list[str]]:
    """By checklist, the ids its HTML shares with the page (a heading's `{#id}`) or with a
    checklist placed before it on the same page."""
    taken = set(page_ids)
    clashes: dict[str, list[str]] = {}
    for checklist_id, html in rendered.items():
        ids = anchor_ids(html)
        if shared := sorted(ids & taken):
            clashes[checklist_id] = shared
        taken |= ids
    return clashes


def insert_checklists(markdown: str, rendered: Mapping[str, str], first_line: int = 1) -> str:
    """The page's Markdown with each marker's line (outside code blocks) replaced by its
    checklist, between blank lines. The checklist's sections are `markdown` blocks
    (md_in_html) holding Markdown headings: the table of contents lists them as it lists
    the page's own, and MkDocs counts every id as a link target."""
    lines = markdown.split("\n")
    for checklist_id, line in find_markers(markdown, first_line):
        if checklist_id in rendered:
            lines[line - first_line] = f"\n{rendered[checklist_id]}\n"
    return "\n".join(lines)


def html_blocks(html: str) -> list[str]:
    """A rendered checklist's blocks of plain HTML, in order."""
    return HTML_BLOCK.findall(html)


def markdown_form(html: str, checklist_id: str) -> str:
    """A rendered checklist as the page's Markdown gets it: each block of plain HTML a placeholder."""
    count = iter(range(len(html_blocks(html))))
    return HTML_BLOCK.sub(lambda _: HTML_BLOCK_PLACEHOLDER.format(id=checklist_id, index=next(count)), html)


def placeholder_owners(content: str) -> set[str]:
    """The checklists whose placeholders are in a page's HTML."""
    return {m["id"] for m in HTML_BLOCK_PLACEHOLDERS.finditer(content)}


def put_back_html_blocks(content: str, blocks: Mapping[str, Sequence[str]], page_file: str) -> str:
    """A page's HTML with each placeholder replaced by its checklist's block; an error if one
    is unknown, or if Markdown lost or doubled one."""
    placed = [(m["id"], int(m["index"])) for m in HTML_BLOCK_PLACEHOLDERS.finditer(content)]
    for checklist_id, found in blocks.items():
        indexes = [index for owner, index in placed if owner == checklist_id]
        if indexes != list(range(len(found))):
            raise ChecklistError(
                page_file,
                f"the checklist '{checklist_id}' has {len(found)} blocks of HTML, and the page's HTML "
                f"{len(indexes)} placeholders for them: a Markdown extension moved or dropped one",
            )
    for checklist_id, _ in placed:
        if checklist_id not in blocks:
            raise ChecklistError(page_file, f"a placeholder names the unknown checklist '{checklist_id}'")
    return HTML_BLOCK_PLACEHOLDERS.sub(lambda m: blocks[m["id"]][int(m["index"])], content)


# --- Rendering -------------------------------------------------------------------------------


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, in the system's temporary folder
    (`_jinja2-cache-<user id>`, one per user, safe to delete), as Python keeps .pyc files:
    compiling the template costs about 25 ms a build (README, "Performance"). Jinja checks
    each entry against the template's source; the file name adds Jinja's version and this
    module's source, which sets the compile options. A cache that cannot be written is
    skipped: it never stops a build."""

    def __init__(self, directory: str | None = None) -> None:
        digest = hashlib.sha256(jinja2.__version__.encode() + Path(__file__).read_bytes()).hexdigest()
        super().__init__(directory, pattern=f"__mdx_checklist_{digest[:16]}_%s.cache")

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> BytecodeCache | None:
    try:
        return _BytecodeCache()
    except (OSError, RuntimeError):  # no safe temporary folder
        return None


_environment = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    bytecode_cache=_bytecode_cache(),
)


def render_checklist(checklist: Checklist, strings: Strings, lang: str, links: Mapping[str, Link]) -> str:
    """The checklist in one language: HTML, with its section titles as Markdown headings inside
    `markdown` blocks (md_in_html), and its blocks of plain HTML marked (markdown_form).

    `links` maps each item's `link` to its href from the page being built. Every string is
    escaped by the template.
    """
    missing = [item.link for item in checklist.items if item.link not in links]
    if missing:
        raise ChecklistError(checklist.file, f"no address for the link {missing[0]!r}")
    text = strings[lang]
    script_strings = {key: text[key] for key in SCRIPT_STRINGS}
    html = _environment.get_template(TEMPLATE_NAME).render(
        checklist=checklist,
        lang=lang,
        s=text,
        links=links,
        storage_version=STORAGE_VERSION,
        script_strings=script_strings,
        section_title_suffix=SECTION_TITLE_SUFFIX,
    )
    # Lines at column 0 (raw HTML, not code); one blank line at most (around its headings).
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in html.splitlines())).strip()


def fill(template: str, values: Mapping[str, object]) -> str:
    """A "{count} of {total}" string with its values; a placeholder without a value stays as written,
    as the page's script does (tests/fixtures/placeholders.json holds both to one table)."""
    return PLACEHOLDER.sub(lambda match: str(values[match[1]]) if match[1] in values else match[0], template)


def items_essential_first(checklist: Checklist) -> Sequence[Item]:
    """Every item, the essential ones first, each group in the checklist's order: the
    order of the result's list of gaps."""
    return sorted(checklist.items, key=lambda item: not item.essential)


_environment.globals["items_essential_first"] = items_essential_first
_environment.filters["markdown_text"] = markdown_text
# Fills a {placeholder} string, then escapes the whole (values included).
_environment.filters["fill"] = lambda template, **values: Markup.escape(fill(template, values))
