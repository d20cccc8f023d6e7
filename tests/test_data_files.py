"""The shared loader of the data files (hooks/data_files.py), on its own: each message
whole, with its file, line and entry, at the boundaries where a line is counted or a
hint given. The data hooks' own tests (facts, glossary, checklist...) use it too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import data_files
from data_files import (
    DataFileError,
    MarkerLine,
    body_first_line,
    localized_text,
    parse_data,
    read_when_changed,
    text_value,
)

MARKER = "<!-- glossary -->"
MARKER_LIKE = re.compile(r"<!--\s*glossary.*?-->")
HINT = "; a text holding a marker must be a block: 'key: >-', then the text on the lines below"


def _error(text: str) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        parse_data(text, "f.yml")
    return caught.value


def test_an_error_keeps_each_part_and_writes_them_in_order() -> None:
    error = DataFileError("f.yml", "the problem", line=3, entry="entry 'x'")
    assert (error.file, error.line, error.entry, error.problem) == ("f.yml", 3, "entry 'x'", "the problem")
    assert str(error) == "f.yml, line 3, entry 'x': the problem"
    assert str(DataFileError("f.yml", "the problem")) == "f.yml: the problem"


def test_yaml_that_is_not_text_names_the_file_and_the_reason() -> None:
    """A control character is refused before parsing: no line, the reader's reason."""
    error = _error("a: \x07\n")
    assert str(error).startswith("f.yml: this is not valid YAML (unacceptable character #x0007")
    assert error.line is None


def test_invalid_yaml_without_a_marker_gets_no_hint() -> None:
    assert str(_error("a: b: c\n")) == (
        "f.yml, line 1: this is not valid YAML (mapping values are not allowed in this context)"
    )


def test_a_marker_on_the_first_line_gets_the_hint() -> None:
    assert str(_error("key: text <!-- fact: x -->\n")) == (
        f"f.yml, line 1: this is not valid YAML (mapping values are not allowed in this context){HINT}"
    )


def test_a_marker_two_lines_above_the_error_gets_no_hint() -> None:
    """The hint looks at the failing line and the one before it only."""
    error = _error("a: <!-- a comment as text -->\nb: 1\nc: d: e\n")
    assert (
        str(error) == "f.yml, line 3: this is not valid YAML (mapping values are not allowed in this context)"
    )


def test_a_yaml_error_without_a_place_has_no_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(text: str) -> object:
        raise yaml.MarkedYAMLError(problem="broken")

    monkeypatch.setattr(data_files, "load_with_nodes", fails)
    error = _error("a: 1\n")
    assert (str(error), error.line) == ("f.yml: this is not valid YAML (broken)", None)


def test_text_keeps_its_no_break_spaces_at_both_ends() -> None:
    """Only spaces, tabs and line breaks are trimmed and folded; a no-break space is meant."""
    where = parse_data("a: 1\n", "f.yml").root
    assert (
        text_value(" \t\u00a0à 5\u00a0%\n  de plus\u00a0\n", where, "text")
        == "\u00a0à 5\u00a0% de plus\u00a0"
    )


def _name(text: str) -> tuple[object, data_files.Location]:
    file = parse_data(text, "f.yml")
    return file.data["name"], file.root.at("name")


@pytest.mark.parametrize(
    ("text", "shared", "message"),
    [
        ("name: '  '\n", True, "f.yml, line 1: the name must be some text, and it is empty or not text"),
        ("name: [a]\n", True, "f.yml, line 1: the name must be some text, or one line per language (fr, en)"),
        ("name: a\n", False, "f.yml, line 1: the name must be one line per language (fr, en)"),
        (
            "name:\n  fr: a\n  de: b\n",
            True,
            "f.yml, line 3: the name has an unknown language 'de'; use fr and en",
        ),
        (
            "name:\n  fr: a\n  en: '  '\n",
            True,
            "f.yml, line 3: the English name must be some text, and it is empty or not text",
        ),
        ("name:\n  fr: a\n", True, "f.yml, line 1: missing English name: add a line 'en:' under it"),
    ],
)
def test_localized_text_names_the_line_and_says_what_it_takes(text: str, shared: bool, message: str) -> None:
    value, where = _name(text)
    with pytest.raises(DataFileError) as caught:
        localized_text(value, where, "name", shared=shared)
    assert str(caught.value) == message


def test_one_text_is_shared_by_both_languages_when_allowed() -> None:
    value, where = _name("name: LinkedIn\n")
    assert localized_text(value, where, "name") == {"fr": "LinkedIn", "en": "LinkedIn"}


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("Texte", 1),
        ("---\na: b\n---\nTexte", 4),
        ("---\na: b\n---\n\nX\nsuite", 5),  # one blank line skipped, not two characters
        ("---\na: b\n---\n\n\n\nTexte", 7),
    ],
)
def test_the_body_starts_after_the_front_matter_and_its_blank_lines(content: str, line: int) -> None:
    assert body_first_line(content) == line


def test_a_file_is_read_again_only_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "data.yml"
    path.write_text("one", encoding="utf-8")
    cache: dict[Path, tuple[tuple[int, int], str]] = {}
    reads: list[str] = []

    def load() -> str:
        reads.append(path.read_text(encoding="utf-8"))
        return reads[-1]

    assert read_when_changed(cache, path, load) == "one"
    assert read_when_changed(cache, path, load) == "one"
    assert reads == ["one"]
    path.write_text("two, longer", encoding="utf-8")
    assert read_when_changed(cache, path, load) == "two, longer"
    assert reads == ["one", "two, longer"]


def test_a_load_that_fails_leaves_nothing_cached(tmp_path: Path) -> None:
    path = tmp_path / "data.yml"
    path.write_text("one", encoding="utf-8")
    cache: dict[Path, tuple[tuple[int, int], str]] = {}
    read_when_changed(cache, path, lambda: "one")
    path.write_text("two, longer", encoding="utf-8")

    def broken() -> str:
        raise DataFileError("data.yml", "broken")

    with pytest.raises(DataFileError):
        read_when_changed(cache, path, broken)
    assert cache == {}


def test_a_missing_file_is_loaded_once_too(tmp_path: Path) -> None:
    calls: list[int] = []
    cache: dict[Path, tuple[tuple[int, int], int]] = {}
    for _ in range(2):
        assert read_when_changed(cache, tmp_path / "missing.yml", lambda: calls.append(1) or len(calls)) == 1
    assert calls == [1]


def _replace(markdown: str, **options: int) -> str:
    return MarkerLine(MARKER, MARKER_LIKE).insert(markdown, "<dl></dl>", "page.md", **options)


def test_the_marker_line_becomes_the_block_between_blank_lines() -> None:
    assert _replace(f"Intro\n{MARKER}\nFin\n") == "Intro\n\n<dl></dl>\n\nFin\n"
    assert _replace("Intro\n") == "Intro\n"


@pytest.mark.parametrize(
    ("markdown", "options", "message"),
    [
        (f"{MARKER}\n{MARKER}\n", {}, f"page.md, line 2: {MARKER} appears more than once; keep one"),
        (
            f"\n{MARKER}\n{MARKER}\n",
            {"first_line": 5},
            f"page.md, line 7: {MARKER} appears more than once; keep one",
        ),
        (f"Texte {MARKER}\n", {}, f"page.md, line 1: put {MARKER} alone on its own line"),
        (
            "<!-- glossary: all -->\n",
            {},
            f"page.md, line 1: unknown marker '<!-- glossary: all -->'; write exactly {MARKER}",
        ),
    ],
)
def test_a_misplaced_marker_names_the_page_and_line(
    markdown: str, options: dict[str, int], message: str
) -> None:
    with pytest.raises(DataFileError) as caught:
        _replace(markdown, **options)
    assert str(caught.value) == message
