"""The guide's figures and dated claims: load and check docs/data/facts.yml, and put
each fact where a page writes <!-- fact: its-id -->, with its source and year.

Pure functions over hooks/data_files.py, tested without MkDocs (tests/test_facts.py);
hooks/facts_hook.py is the thin adapter that calls them during a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from data_files import (
    LANGUAGES,
    DataFile,
    DataFileError,
    Location,
    check_keys,
    date_value,
    identifier,
    localized_text,
    read_data_file,
    text_value,
)

# Relative to docs_dir; docs/data/ is not published (mkdocs.yml, exclude_docs).
FACTS_FILE = Path("data") / "facts.yml"
FACT_KEYS = frozenset({"id", *LANGUAGES, "source", "url", "year", "checked", "review_by"})
REQUIRED_FACT_KEYS = ("id", *LANGUAGES, "source", "year", "checked", "review_by")
MARKER = re.compile(r"<!--[ \t]*fact:[ \t]*([a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*-->")
# A comment that starts like a marker but is not one is a mistake worth stopping for.
MARKER_LIKE = re.compile(r"<!--\s*facts?\b.*?-->", re.DOTALL | re.IGNORECASE)
MARKER_EXAMPLE = "<!-- fact: linkedin-members -->"
EARLIEST_YEAR = 1900


@dataclass(frozen=True)
class Fact:
    """One figure or dated claim: its words in each language, where it comes from,
    and when an editor must read the source again."""

    id: str
    text: dict[str, str]
    source: dict[str, str]
    url: dict[str, str] | None  # by language: a source may have a page in each
    year: int
    checked: date
    review_by: date
    line: int | None


@dataclass(frozen=True)
class FactMarker:
    id: str
    line: int
    start: int
    end: int


# --- Loading and checking ------------------------------------------------------


def load_facts(path: Path | str, label: str = "docs/data/facts.yml") -> dict[str, Fact]:
    """The checked facts of the file at `path`, by id, in the file's order."""
    return parse_facts(read_data_file(path, label))


def parse_facts(file: DataFile) -> dict[str, Fact]:
    data, root = file.data, file.root
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise root.error("the file must start with 'facts:', followed by the list of facts")
    check_keys(data, {"facts"}, {"facts"}, root)
    raw_facts = data["facts"]
    if raw_facts is None:
        return {}
    if not isinstance(raw_facts, list):
        raise root.at("facts").error(
            "'facts:' must be followed by a list of facts, each starting with '- id:'"
        )
    facts: dict[str, Fact] = {}
    for index, raw in enumerate(raw_facts):
        fact = _parse_fact(raw, root.at("facts", index))
        if fact.id in facts:
            raise (
                root.at("facts", index, "id")
                .named(fact.id)
                .error(
                    f"the id '{fact.id}' is used twice (first at line {facts[fact.id].line}); give each fact its own id"
                )
            )
        facts[fact.id] = fact
    return facts


def _parse_fact(raw: object, where: Location) -> Fact:
    if not isinstance(raw, dict):
        raise where.error("each fact must be a set of 'key: value' lines starting with '- id:'")
    if "id" not in raw:
        raise where.error(
            "missing 'id': start the fact with '- id:' and a short name such as 'linkedin-members'"
        )
    fact_id = identifier(raw["id"], where.at("id"), "linkedin-members")
    where = where.named(fact_id)
    check_keys(raw, FACT_KEYS, REQUIRED_FACT_KEYS, where)
    text = {lang: text_value(raw[lang], where.at(lang), f"text in {lang}") for lang in LANGUAGES}
    for lang, words in text.items():
        if "<" in words:
            raise where.at(lang).error("the text must not hold markup or markers ('<'); write the words only")
    checked = date_value(raw["checked"], where.at("checked"), "'checked' date")
    review_by = date_value(raw["review_by"], where.at("review_by"), "'review_by' date")
    if review_by <= checked:
        raise where.at("review_by").error(
            f"'review_by' ({review_by}) must come after 'checked' ({checked}): it is when the source is read again"
        )
    return Fact(
        id=fact_id,
        text=text,
        source=localized_text(raw["source"], where.at("source"), "source"),
        url=_urls(raw.get("url"), where.at("url")),
        year=_year(raw["year"], checked, where.at("year")),
        checked=checked,
        review_by=review_by,
        line=where.at("id").line,
    )


def _urls(value: object, where: Location) -> dict[str, str] | None:
    """One address for every language, or one per language (fr, en)."""
    if value is None:
        return None
    if isinstance(value, dict):
        urls = localized_text(value, where, "url", shared=False)
        return {lang: _url(url, where.at(lang)) for lang, url in urls.items()}
    return dict.fromkeys(LANGUAGES, _url(value, where))


def _url(value: object, where: Location) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"https://[^\s<>\"']+", value.strip()):
        raise where.error(f"the url must be one address starting with https://; it is {value!r}")
    return value.strip()


def _year(value: object, checked: date, where: Location) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not EARLIEST_YEAR <= value <= checked.year:
        raise where.error(
            f"the year must be the year the fact is about, written 2023, and not after the day it was "
            f"checked ({checked}); it is {value!r}"
        )
    return value


# --- Markers ------------------------------------------------------------------------


def find_markers(text: str, file: str, *, first_line: int = 1) -> list[FactMarker]:
    """Every fact marker in `text`; a malformed one stops with its line.

    `first_line` is the line of the file where `text` starts (after a page's front matter).
    """
    markers: list[FactMarker] = []
    for match in MARKER_LIKE.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        exact = MARKER.fullmatch(match.group(0))
        if exact is None:
            raise DataFileError(
                file, f"{match.group(0)!r} is not a fact marker; write it like {MARKER_EXAMPLE}", line=line
            )
        markers.append(FactMarker(exact.group(1), line, match.start(), match.end()))
    return markers


def check_markers(text: str, facts: dict[str, Fact], file: str, *, first_line: int = 1) -> list[FactMarker]:
    """The markers of `text`, each naming a fact of the facts file."""
    markers = find_markers(text, file, first_line=first_line)
    for marker in markers:
        if marker.id not in facts:
            raise DataFileError(
                file,
                f"the fact '{marker.id}' is not in docs/data/facts.yml; add it there or correct the id",
                line=marker.line,
            )
    return markers


def replace_markers(
    markdown: str, facts: dict[str, Fact], lang: str, file: str, *, first_line: int = 1
) -> str:
    """A page's Markdown with each marker replaced by its fact, as inline HTML."""
    markers = check_markers(markdown, facts, file, first_line=first_line)
    if not markers:
        return markdown
    parts: list[str] = []
    position = 0
    for marker in markers:
        parts += [markdown[position : marker.start], render_fact(facts[marker.id], lang)]
        position = marker.end
    parts.append(markdown[position:])
    return "".join(parts)


def escape_keeping_markers(text: str) -> Markup:
    """`text` escaped for HTML, its fact markers left as they are, for the page's
    facts to replace later (the glossary's texts)."""
    parts: list[str] = []
    position = 0
    for match in MARKER.finditer(text):
        parts += [escape(text[position : match.start()]), match.group(0)]
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("".join(parts))


def render_fact(fact: Fact, lang: str) -> Markup:
    """The fact's words, then its source and year in brackets, linked to the source:
    the year is left out of the brackets when the words already give it."""
    words = fact.text[lang]
    cited = fact.source[lang] if str(fact.year) in words else f"{fact.source[lang]}, {fact.year}"
    source = Markup('<a href="{}">{}</a>').format(fact.url[lang], cited) if fact.url else escape(cited)
    return Markup('<span class="mdx-fact" data-fact="{}">{} ({})</span>').format(fact.id, words, source)
