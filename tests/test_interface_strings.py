"""The interface strings in one file (docs/data/strings.yml): the rules every component
shares, each problem named by file and line, the hook turning them into a clean build
error, and every hook and template reading its words from the file."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

import checklist as cl
from conformance import LABEL_KEYS as CONFORMANCE_LABEL_KEYS
from conftest import LANGUAGES, ROOT, build_site, failed_build, site_strings
from data_files import DataFileError, parse_data
from document_templates import LABEL_KEYS as TEMPLATE_LABEL_KEYS
from glossary import LABEL_KEYS as GLOSSARY_LABEL_KEYS
from interface_strings import InterfaceStrings, load_interface_strings, parse_interface_strings
from interface_strings_hook import TEMPLATE_GLOBAL, TEMPLATE_STRINGS
from permalink_titles import STRING_KEYS as PERMALINK_KEYS
from redirects_i18n import STUB_STRINGS

LABEL = "docs/data/strings.yml"
STRINGS_FILE = ROOT / "docs" / "data" / "strings.yml"
# Each component the Python hooks read, with the keys it reads.
HOOK_STRINGS = {
    "glossary": GLOSSARY_LABEL_KEYS,
    "templates": TEMPLATE_LABEL_KEYS,
    "redirect": STUB_STRINGS,
    "permalink": PERMALINK_KEYS,
    "conformance": CONFORMANCE_LABEL_KEYS,
}
FOOTER = """\
footer:
  fr:
    report: Signaler un problème
    subject: "Problème sur la page «\u00a0%s\u00a0»"
  en:
    report: Report a problem
    subject: Problem on the page “%s”
"""


def _parse(text: str) -> InterfaceStrings:
    return parse_interface_strings(parse_data(text, LABEL))


def _line(text: str, line_text: str, after: str | None = None) -> int:
    """The 1-based line of `line_text` in `text` (the first one after the line `after`)."""
    lines = text.splitlines()
    start = lines.index(after) if after is not None else 0
    return lines.index(line_text, start) + 1


# --- The rules every component shares --------------------------------------------------------


def test_the_site_strings_load_with_both_languages_everywhere() -> None:
    """docs/data/strings.yml loads: every component in French and English, with the same keys."""
    strings = site_strings()
    assert set(strings.tables) == {"checklist", *HOOK_STRINGS, *TEMPLATE_STRINGS}
    for name, table in strings.tables.items():
        assert set(table) == set(LANGUAGES), name
        assert set(table["fr"]) == set(table["en"]), name


def test_each_hook_and_template_finds_exactly_its_keys() -> None:
    """Each component has the keys its hook or template reads, and no other."""
    strings = site_strings()
    for name, keys in {**HOOK_STRINGS, **TEMPLATE_STRINGS}.items():
        assert set(strings.component(name, keys)["en"]) == set(keys), name
    assert set(cl.parse_strings(strings.section("checklist"))["fr"]) == set(cl.STRING_KEYS)


def test_a_small_file_loads_as_written() -> None:
    """A component's texts come out per language, as written (no-break spaces kept)."""
    strings = _parse(FOOTER)
    assert strings.tables["footer"]["fr"]["subject"] == "Problème sur la page «\u00a0%s\u00a0»"
    assert strings.tables["footer"]["en"]["report"] == "Report a problem"


def test_a_missing_translation_names_the_file_line_and_key() -> None:
    """A key in French only stops the build at the English block's line."""
    text = FOOTER.replace("    report: Report a problem\n", "")
    line = _line(text, "  en:")
    with pytest.raises(DataFileError) as caught:
        _parse(text)
    assert str(caught.value) == (
        f"docs/data/strings.yml, line {line}: the English strings of 'footer' have no 'report' "
        "(the French ones do)"
    )


def test_a_key_in_english_only_is_refused() -> None:
    """An extra key in one language is a missing translation in the other."""
    text = FOOTER + "    contact: Contact us\n"
    with pytest.raises(
        DataFileError,
        match=rf"^docs/data/strings\.yml, line {_line(text, '  fr:')}: the French strings of 'footer' "
        r"have no 'contact' \(the English ones do\)$",
    ):
        _parse(text)


def test_a_missing_language_is_refused() -> None:
    """A component with no English block stops the build at the component's line."""
    text = "glossary:\n  fr:\n    platforms: Les plateformes\n" + FOOTER.split("  en:")[0]
    with pytest.raises(
        DataFileError,
        match=r"^docs/data/strings\.yml, line 1: the strings of 'glossary' have no English ones: add an 'en:' block$",
    ):
        _parse(text)


def test_an_unknown_language_is_refused() -> None:
    """A third language (or a typo: 'english:') is named at its own line."""
    text = FOOTER + "  de:\n    report: Ein Problem melden\n"
    with pytest.raises(
        DataFileError,
        match=rf"^docs/data/strings\.yml, line {_line(text, '  de:')}: the strings of 'footer' have an "
        r"unknown language 'de'",
    ):
        _parse(text)


@pytest.mark.parametrize("empty", ['""', '"  "', "", "[]"], ids=["empty", "spaces", "null", "list"])
def test_an_empty_text_is_refused(empty: str) -> None:
    """A key with no text would show nothing: the build stops at its line."""
    text = FOOTER.replace("    report: Report a problem", f"    report: {empty}")
    with pytest.raises(
        DataFileError,
        match=rf"^docs/data/strings\.yml, line {_line(text, f'    report: {empty}')}: the English string "
        r"'report' of 'footer' must be some text",
    ):
        _parse(text)


@pytest.mark.parametrize(
    ("english", "found"),
    [("Problem on the page", "none"), ("Problem on the page {title}", r"\['\{title\}'\]")],
    ids=["dropped", "renamed"],
)
def test_the_placeholders_must_match(english: str, found: str) -> None:
    """Both languages have the same placeholders ({name} or %s), or a value is lost."""
    text = FOOTER.replace("Problem on the page “%s”", english)
    line = _line(text, f"    subject: {english}")
    with pytest.raises(
        DataFileError,
        match=rf"^docs/data/strings\.yml, line {line}: the English string 'subject' of 'footer' has the "
        rf"placeholders {found}; the French one has \['%s'\]: use the same$",
    ):
        _parse(text)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- footer\n", 1, "the file must be a set of 'component:' sections"),
        ("footer: Report a problem\n", 1, "the strings of 'footer' must be a set of lines"),
        ("footer:\n  fr: Signaler\n  en: Report\n", 2, "the French strings of 'footer' must be a set of"),
        ("footer:\n  fr:\n    report: Signaler\n  en:\n    - Report\n", 4, "the English strings of 'footer'"),
    ],
    ids=["file", "component", "language", "list"],
)
def test_what_is_not_a_mapping_is_refused(text: str, line: int, problem: str) -> None:
    """Each level (file, component, language) must be 'key: value' lines."""
    with pytest.raises(DataFileError, match=rf"^docs/data/strings\.yml, line {line}: {re.escape(problem)}"):
        _parse(text)


def test_a_duplicate_key_is_refused() -> None:
    """A key given twice (YAML would keep the last silently) is named at its line."""
    text = FOOTER + "    report: Report it\n"
    with pytest.raises(
        DataFileError,
        match=rf"^docs/data/strings\.yml, line {len(text.splitlines())}: the key 'report' is given twice",
    ):
        _parse(text)


# --- What each component reads -----------------------------------------------------------------


def test_a_key_no_one_reads_is_refused() -> None:
    """A key the component does not use (a typo in both languages) is named at its line."""
    with pytest.raises(
        DataFileError,
        match=r"^docs/data/strings\.yml, line 4: 'footer' has no use for the string 'subject'; its strings are: report$",
    ):
        _parse(FOOTER).component("footer", ("report",))


def test_a_key_the_component_reads_must_be_there() -> None:
    """A key missing from both languages stops the build, not an empty string on the page."""
    with pytest.raises(
        DataFileError,
        match=r"^docs/data/strings\.yml, line 1: the strings of 'footer' have no 'contact': add it in each language$",
    ):
        _parse(FOOTER).component("footer", ("report", "subject", "contact"))


def test_a_missing_component_is_refused() -> None:
    """A hook whose section is missing names the section to add."""
    with pytest.raises(
        DataFileError,
        match=r"^docs/data/strings\.yml, line 1: there are no strings for 'permalink': add a 'permalink:' section$",
    ):
        _parse(FOOTER).component("permalink", ("title",))


def test_the_checklist_rules_keep_the_files_lines() -> None:
    """The checklist checks its own section, and its messages name lines of strings.yml."""
    text = STRINGS_FILE.read_text(encoding="utf-8")
    broken = text.replace("Answers imported. Items ticked: {count}.", "Answers imported: {count} items.")
    assert broken != text
    line = _line(broken, "    done_import: " + '"Answers imported: {count} items."')
    with pytest.raises(
        DataFileError, match=rf"^docs/data/strings\.yml, line {line}, English strings \(en\): "
    ):
        cl.parse_strings(_parse(broken).section("checklist"))


def test_template_keys_are_not_names_of_dict_methods() -> None:
    """A template reads `t.items`: Jinja would find the dict's method, not the text."""
    strings = site_strings()
    for name in TEMPLATE_STRINGS:
        clashes = [key for key in strings.tables[name]["fr"] if hasattr(dict, key)]
        assert clashes == [], f"{name}: rename {clashes}"


def test_templates_read_only_the_components_the_hook_checks() -> None:
    """Every `ui.<component>` a template reads is one the hook checks on each build."""
    used: set[str] = set()
    for template in (ROOT / "overrides").rglob("*.html"):
        used |= set(re.findall(rf"\b{TEMPLATE_GLOBAL}\.(\w+)", template.read_text(encoding="utf-8")))
    assert used == set(TEMPLATE_STRINGS)


# --- Loading once per change -------------------------------------------------------------------


def test_the_file_is_parsed_once_and_again_when_it_changes(tmp_path: Path) -> None:
    """Both languages' builds get the same parsed strings; an editor's save is seen."""
    path = tmp_path / "strings.yml"
    path.write_text(FOOTER, encoding="utf-8")
    first = load_interface_strings(path, LABEL)
    assert load_interface_strings(path, LABEL) is first
    path.write_text(FOOTER.replace("Report a problem", "Report it"), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert load_interface_strings(path, LABEL).tables["footer"]["en"]["report"] == "Report it"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(
        DataFileError, match=r"^docs/data/strings\.yml: the interface strings file is missing$"
    ):
        load_interface_strings(tmp_path / "strings.yml", LABEL)


# --- In a real build ------------------------------------------------------------------------------


def _docs_with(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """A copy of docs/ with each (old, new) text replaced in its strings.yml."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    path = docs / "data" / "strings.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return docs


def test_a_missing_translation_stops_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The build aborts with the file, line and key, and no traceback."""
    docs = _docs_with(tmp_path, ("    report: Report a problem with this page\n", ""))
    text = (docs / "data" / "strings.yml").read_text(encoding="utf-8")
    line = _line(text, "  en:", after="footer:")
    message = failed_build(tmp_path, docs, caplog)
    assert message.endswith(
        f"strings.yml, line {line}: the English strings of 'footer' have no 'report' (the French ones do)"
    )
    assert "Traceback" not in message


def test_a_broken_checklist_string_stops_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The checklist's own rules stop the build at the line of strings.yml."""
    docs = _docs_with(tmp_path, ("export_filename: readiness-answers.json", "export_filename: answers.txt"))
    text = (docs / "data" / "strings.yml").read_text(encoding="utf-8")
    line = _line(text, "    export_filename: answers.txt")
    message = failed_build(tmp_path, docs, caplog)
    assert f"strings.yml, line {line}, English strings (en): export_filename must be" in message


def test_every_hook_and_template_shows_the_files_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word changed in the file shows on the built pages: footer, page dates, 404, glossary,
    template downloads, permalinks, redirect stubs and checklist, in the language changed."""
    monkeypatch.setenv("BRAND_CONTACT_EMAIL", "guide@example.org")  # the footer's report link
    changes = {
        "footer": ("report: Report a problem with this page", "report: Tell us what is wrong"),
        "page_info": ('reviewed: "Last reviewed:"', 'reviewed: "Checked on:"'),
        "not_found": ("heading: Page introuvable", "heading: Adresse inconnue"),
        "glossary": ("listening: Listening tools", "listening: Tools for listening"),
        "templates": ("xlsx: classeur Excel", "xlsx: fichier Excel"),
        "permalink": ("title: Link to this section", "title: Link here"),
        "redirect": ("title: This page has moved", "title: This page lives elsewhere"),
        "checklist": ("print: Imprimer", "print: Imprimer la liste"),
    }
    docs = _docs_with(tmp_path, *changes.values())
    site = tmp_path / "site"
    build_site(site, docs_dir=str(docs))
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    english = {path: text for path, text in pages.items() if path.relative_to(site).parts[0] == "en"}
    french = {path: text for path, text in pages.items() if path not in english}
    shown = {
        "footer": ("Tell us what is wrong", english),
        "page_info": ("Checked on:", english),
        "not_found": ("Adresse inconnue", {site / "404.html": pages[site / "404.html"]}),
        "glossary": ("Tools for listening", english),
        "templates": ("fichier Excel", french),
        "permalink": ('title="Link here"', english),
        "redirect": ("This page lives elsewhere", english),
        "checklist": ("Imprimer la liste", french),
    }
    for component, (words, where) in shown.items():
        assert any(words in text for text in where.values()), f"{component}: {words!r} is on no page"
    for old, _ in changes.values():
        words = old.split(": ", 1)[1].strip('"')
        assert not any(f">{words}<" in text for text in pages.values()), f"{words!r} is still shown"


# --- Whole messages and boundaries (found by mutation testing) ----------------------------------


def test_an_unknown_language_names_the_ones_to_use() -> None:
    text = FOOTER + "  de:\n    report: Ein Problem melden\n"
    with pytest.raises(DataFileError) as caught:
        _parse(text)
    assert str(caught.value) == (
        f"docs/data/strings.yml, line {_line(text, '  de:')}: the strings of 'footer' have an "
        "unknown language 'de'; use fr and en"
    )


def test_a_placeholder_only_in_english_says_the_french_has_none() -> None:
    text = FOOTER.replace("Problème sur la page «\u00a0%s\u00a0»", "Problème sur la page")
    with pytest.raises(DataFileError) as caught:
        _parse(text)
    assert str(caught.value) == (
        f"docs/data/strings.yml, line {_line(text, '    subject: Problem on the page “%s”')}: the English "
        "string 'subject' of 'footer' has the placeholders ['%s']; the French one has none: use the same"
    )


def test_a_key_no_one_reads_lists_every_key_the_component_reads() -> None:
    with pytest.raises(DataFileError) as caught:
        _parse(FOOTER).component("footer", ("report", "contact"))
    assert str(caught.value) == (
        "docs/data/strings.yml, line 4: 'footer' has no use for the string 'subject'; "
        "its strings are: report, contact"
    )


def test_a_component_that_checks_its_own_strings_needs_its_section() -> None:
    with pytest.raises(DataFileError) as caught:
        _parse(FOOTER).section("checklist")
    assert str(caught.value) == (
        "docs/data/strings.yml, line 1: there are no strings for 'checklist': add a 'checklist:' section"
    )


def test_a_problem_in_a_loaded_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "strings.yml"
    path.write_text(FOOTER + "    report: Report it\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_interface_strings(path, LABEL)
    assert str(caught.value).startswith(f"docs/data/strings.yml, line {len(path.read_text().splitlines())}: ")


def test_two_files_of_the_same_size_and_time_each_load_their_own(tmp_path: Path) -> None:
    """The parsed file is kept by path: two strings files (two sites built in one process)
    saved at the same moment with as many bytes are not mistaken for each other."""
    first, second = tmp_path / "a.yml", tmp_path / "b.yml"
    first.write_text(FOOTER, encoding="utf-8")
    second.write_text(FOOTER.replace("Report a problem", "Report a mistake"), encoding="utf-8")
    assert first.stat().st_size == second.stat().st_size
    os.utime(first, ns=(10**18, 10**18))
    os.utime(second, ns=(10**18, 10**18))
    assert load_interface_strings(first, LABEL).tables["footer"]["en"]["report"] == "Report a problem"
    assert load_interface_strings(second, LABEL).tables["footer"]["en"]["report"] == "Report a mistake"
