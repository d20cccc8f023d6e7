"""The templates readers copy or download (docs/data/templates/, hooks/document_templates.py):
checked on loading, written as plain text or CSV that Excel and Notepad read with their
accents, shown and linked in both languages, in the normal build and the offline copy."""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from conftest import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MAX_WORDS_PER_SENTENCE,
    MIN_READING_EASE,
    ROOT,
    BuiltSite,
    copied_from_sources,
    docs_copy,
    failed_build,
    french_typography_problems,
    page_path,
    readability,
    site_strings,
    us_spellings,
    wait_for_material,
)
from document_templates import (
    DOWNLOAD_FOLDERS,
    LABEL_KEYS,
    UTF8_BOM,
    DocumentTemplate,
    Download,
    Labels,
    Table,
    TemplateError,
    TemplateText,
    download_link,
    download_path,
    downloads,
    insert_templates,
    load_templates,
    parse_template,
    plain_text,
    render_html,
    size_label,
    tables,
)
from offline_copy import build_offline
from workbook import column_name

TEMPLATES_DIR = ROOT / "docs" / "data" / "templates"
LABEL = "docs/data/templates"
TEMPLATES = load_templates(TEMPLATES_DIR, label=LABEL)
# The site's words around the templates, per language (docs/data/strings.yml).
LABELS = {lang: Labels.of(table) for lang, table in site_strings().component("templates", LABEL_KEYS).items()}
# What issue 17 asks for: each of these, in both languages.
EXPECTED = {
    "moderation-policy",
    "holding-statement",
    "staff-guidelines",
    "editorial-calendar",
    "monthly-report",
}
# The page that shows every template in full, and the pages that explain each one.
TEMPLATES_PAGE = "modeles"
LINKED_FROM = {
    "moderation-policy": ("responsable", "communaute"),
    "holding-statement": ("plan",),
    "staff-guidelines": ("responsable",),
    "editorial-calendar": ("plan",),
    "monthly-report": ("plan", "mesure"),
}

GOOD_TEXT = """---
file: {file}
label: {label}
---

# {title}

Un paragraphe.

## Une section

- un point;
- un autre point.
"""
GOOD_TABLE = """---
file: {file}
label: {label}
---

# {title}

| Date | Sujet |
| --- | --- |
| 2027-01-05 | {cell} |
"""


@pytest.fixture(autouse=True)
def _renderings_made_afresh() -> None:
    """Each test makes its downloads and HTML anew: the caches would hand back what an
    earlier test made (equal templates hash alike), and `make mutation`, which forks each
    mutant's run from a process that ran every test once, would see the unmutated code."""
    downloads.cache_clear()
    render_html.cache_clear()


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        if isinstance(text, bytes):
            (tmp_path / name).write_bytes(text)
        else:
            (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _pair(template: str = GOOD_TEXT, **fields: str) -> dict[str, str]:
    """A template in both languages, from `template` with `fields` filled in."""
    values = {"file": "essai.txt", "label": "Télécharger", "title": "Essai", "cell": "Été"} | fields
    english = values | {"file": values["file"].replace("essai", "test"), "label": "Download"}
    return {"essai.fr.md": template.format(**values), "essai.en.md": template.format(**english)}


# --- The real templates -----------------------------------------------------------


def test_every_template_exists_in_both_languages() -> None:
    """The five templates of issue 17, each with a French and an English version, loaded
    here (not only as this file is imported) so that a change to loading shows."""
    templates = load_templates(TEMPLATES_DIR, label=LABEL)
    assert set(templates) == EXPECTED
    for template in templates.values():
        assert set(template.texts) == set(LANGUAGES)
        assert [template.text(lang).source for lang in LANGUAGES] == [
            f"{LABEL}/{template.id}.{lang}.md" for lang in LANGUAGES
        ]


def _download(template_id: str, lang: str, file_format: str) -> Download:
    return next(
        d for d in downloads(TEMPLATES[template_id].text(lang), LABELS[lang]) if d.format == file_format
    )


def test_the_calendar_csv_opens_with_its_accents() -> None:
    """UTF-8 with a byte order mark (Excel's cue), CRLF line ends, and the csv module reads
    back the same header and rows, accents intact."""
    for lang in LANGUAGES:
        data = _download("editorial-calendar", lang, "csv").content
        assert data.startswith(UTF8_BOM)
        assert data.count(b"\r\n") == data.count(b"\n") > 1
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        table = tables(TEMPLATES["editorial-calendar"].text(lang))[0]
        assert rows == [list(table.header), *map(list, table.rows)]
    french = _download("editorial-calendar", "fr", "csv").content.decode("utf-8-sig")
    assert "État" in french.splitlines()[0] and "Léa" in french


def test_the_calendar_workbook_holds_the_same_cells() -> None:
    """The Excel workbook: a zip of well-formed SpreadsheetML parts, one sheet whose cells
    read back as the table (accents intact), the header in bold and kept in view."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    for lang in LANGUAGES:
        with zipfile.ZipFile(io.BytesIO(_download("editorial-calendar", lang, "xlsx").content)) as workbook:
            assert workbook.testzip() is None
            parts = {name: ElementTree.fromstring(workbook.read(name)) for name in workbook.namelist()}
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} <= set(
            parts
        )
        sheet = parts["xl/worksheets/sheet1.xml"]
        rows = [[cell.findtext(f"{main}is/{main}t") for cell in row] for row in sheet.iter(f"{main}row")]
        table = tables(TEMPLATES["editorial-calendar"].text(lang))[0]
        assert rows == [list(table.header), *map(list, table.rows)]
        header = sheet.find(f"{main}sheetData/{main}row")
        assert header is not None and {cell.get("s") for cell in header} == {"1"}
        assert sheet.find(f".//{main}pane").get("state") == "frozen"  # type: ignore[union-attr]
        assert lang != "fr" or "État" in rows[0]


def test_the_workbook_is_the_same_at_each_build() -> None:
    """No date or random order in the zip: reproducible builds give the same bytes."""
    assert _download("editorial-calendar", "fr", "xlsx") == _download("editorial-calendar", "fr", "xlsx")
    with zipfile.ZipFile(io.BytesIO(_download("editorial-calendar", "fr", "xlsx").content)) as workbook:
        assert {info.date_time for info in workbook.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_columns_are_named_as_a_spreadsheet_names_them() -> None:
    """Cell references: A…Z, then AA, AB…"""
    assert [column_name(n) for n in (1, 9, 26, 27, 52, 53)] == ["A", "I", "Z", "AA", "AZ", "BA"]


def test_the_calendar_keeps_a_comma_and_a_quote_in_one_cell(tmp_path: Path) -> None:
    """A cell with a comma or quotes stays one cell once Excel or the csv module reads it."""
    cell = 'Rappel, « Fêtes » et "guillemets"'
    folder = _folder(tmp_path, _pair(GOOD_TABLE, file="essai.csv", cell=cell))
    (workbook, table) = downloads(load_templates(folder, label="t")["essai"].text("fr"), LABELS["fr"])
    assert workbook.format == "xlsx" and _last_cell(workbook) == cell
    rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig"), newline="")))
    assert rows[1] == ["2027-01-05", cell]


def _last_cell(workbook: Download) -> str:
    with zipfile.ZipFile(io.BytesIO(workbook.content)) as archive:
        return (
            ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml")).findall(".//{*}t")[-1].text or ""
        )


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_downloads_are_text_windows_reads(template_id: str, lang: str) -> None:
    """Each text or CSV download starts with the byte order mark and ends its lines with CRLF
    (Notepad and Excel, and a browser opening it from disk, then show the accents)."""
    texts = [
        d for d in downloads(TEMPLATES[template_id].text(lang), LABELS[lang]) if d.format in ("txt", "csv")
    ]
    assert len(texts) == 1
    assert texts[0].content.startswith(UTF8_BOM)
    assert b"\n" not in texts[0].content.replace(b"\r\n", b"")


def test_plain_text_underlines_headings_and_spells_out_links(tmp_path: Path) -> None:
    """Markdown becomes text a reader can fill in: headings underlined, bold dropped, a link's
    address written after its words, a table's columns aligned."""
    body = (
        "---\nfile: essai.txt\nlabel: Essai\n---\n\n# Titre\n\n## Section\n\n"
        "Lire **ceci** sur [le site](https://example.org/a).\n\n| A | Bé |\n| --- | --- |\n| long texte | x |\n"
    )
    folder = _folder(tmp_path, {"essai.fr.md": body, "essai.en.md": body.replace("essai.txt", "test.txt")})
    text = plain_text(load_templates(folder, label="t")["essai"].text("fr"))
    assert text.split("\r\n") == [
        "Titre",
        "=====",
        "",
        "Section",
        "-------",
        "",
        "Lire ceci sur le site (https://example.org/a).",
        "",
        "A          | Bé",
        "-----------+---",
        "long texte | x",
        "",
    ]


def test_the_page_shows_lists_bold_links_and_escaped_text(tmp_path: Path) -> None:
    """The frame's HTML: a paragraph's lines joined, & escaped, **bold** and links as HTML,
    each list as a list, headings one level below the page's section."""
    body = (
        "---\nfile: essai.txt\nlabel: Essai\n---\n\n# Titre & co\n\n## Section\n\n"
        "Lire **ceci** & [le site](https://example.org/a?x=1&y=2)\nsur deux lignes.\n\n- un\n- deux\n\n1. premier\n"
    )
    folder = _folder(tmp_path, {"essai.fr.md": body, "essai.en.md": body.replace("essai.txt", "test.txt")})
    assert render_html(load_templates(folder, label="t")["essai"].text("fr"), LABELS["fr"]).split("\n") == [
        '<div class="admonition note mdx-template">',
        '<p class="admonition-title">Titre &amp; co</p>',
        "<h3>Section</h3>",
        '<p>Lire <strong>ceci</strong> &amp; <a href="https://example.org/a?x=1&amp;y=2">le site</a> '
        "sur deux lignes.</p>",
        "<ul><li>un</li><li>deux</li></ul>",
        "<ol><li>premier</li></ol>",
        "</div>",
    ]


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_template_text_is_plain_and_original(template_id: str, lang: str) -> None:
    """The same writing bar as the pages: plain language (not for the calendar, a table of
    fragments), the language's conventions, no run of words from the source articles."""
    text = TEMPLATES[template_id].text(lang)
    prose = _prose(text.title + "\n" + text.body)
    where = f"{text.source}"
    if text.format != "csv":
        ease, words = readability(prose, lang)
        assert ease >= MIN_READING_EASE, f"{where}: reading ease {ease:.0f}; use shorter sentences and words"
        assert words <= MAX_WORDS_PER_SENTENCE, f"{where}: {words:.1f} words a sentence on average"
    if lang == "fr":
        assert french_typography_problems(text.title + "\n" + text.body) == [], where
    else:
        assert us_spellings(prose) == [], where
    assert copied_from_sources(prose) == [], where


def _prose(markdown: str) -> str:
    """Each line, list item and table cell as a sentence; no markup."""
    cells = re.sub(r"\s*\|\s*", ". ", markdown)
    lines = [re.sub(r"^(#+|-|\d+\.)\s+", "", line).strip(" .;:") for line in cells.split("\n")]
    return " ".join(f"{line}." for line in lines if line and not set(line) <= set("-. "))


# --- Checking: every error names the file, the line and the template --------------


def test_a_missing_translation_names_the_file_to_create(tmp_path: Path) -> None:
    files = _pair()
    del files["essai.en.md"]
    with pytest.raises(
        TemplateError,
        match=r"^t/essai\.fr\.md, template 'essai': the English version is missing: create t/essai\.en\.md$",
    ):
        load_templates(_folder(tmp_path, files), label="t")


def test_a_row_with_a_missing_cell_names_its_line(tmp_path: Path) -> None:
    files = _pair(GOOD_TABLE, file="essai.csv")
    files["essai.en.md"] = files["essai.en.md"].replace("| 2027-01-05 | Été |", "| 2027-01-05 |")
    with pytest.raises(
        TemplateError,
        match=r"^t/essai\.en\.md, line 10, template 'essai': this row has 1 cells, the header 2$",
    ):
        load_templates(_folder(tmp_path, files), label="t")


def test_an_unknown_front_matter_key_names_its_line(tmp_path: Path) -> None:
    files = _pair()
    files["essai.fr.md"] = files["essai.fr.md"].replace("label:", "titre: x\nlabel:")
    with pytest.raises(
        TemplateError, match=r"^t/essai\.fr\.md, line 3, template 'essai': unknown key 'titre'"
    ):
        load_templates(_folder(tmp_path, files), label="t")


def test_a_missing_label_is_named(tmp_path: Path) -> None:
    files = _pair()
    files["essai.fr.md"] = files["essai.fr.md"].replace("label: Télécharger\n", "")
    with pytest.raises(TemplateError, match=r"^t/essai\.fr\.md, line 2, template 'essai': missing 'label:'"):
        load_templates(_folder(tmp_path, files), label="t")


def test_a_link_that_only_works_on_the_site_is_refused(tmp_path: Path) -> None:
    files = _pair()
    files["essai.fr.md"] = files["essai.fr.md"].replace("Un paragraphe.", "Voir [le plan](plan.md).")
    with pytest.raises(
        TemplateError, match=r"^t/essai\.fr\.md, line 8, template 'essai': the link 'plan\.md'"
    ):
        load_templates(_folder(tmp_path, files), label="t")


@pytest.mark.parametrize(
    "line", ["Un *mot* en italique.", "* un point", "#### Trop bas", "Un _mot_ souligné."]
)
def test_markdown_the_download_cannot_show_is_refused(tmp_path: Path, line: str) -> None:
    """What neither the page nor the text file would render stops the build at its line."""
    files = _pair()
    files["essai.fr.md"] = files["essai.fr.md"].replace("Un paragraphe.", line)
    with pytest.raises(TemplateError, match=r"^t/essai\.fr\.md, line 8, template 'essai': "):
        load_templates(_folder(tmp_path, files), label="t")


def test_a_csv_template_holds_one_table_only(tmp_path: Path) -> None:
    files = _pair(GOOD_TABLE, file="essai.csv")
    files["essai.fr.md"] += "\nUne phrase de trop.\n"
    with pytest.raises(TemplateError, match=r"^t/essai\.fr\.md, line 12, template 'essai': a \.csv template"):
        load_templates(_folder(tmp_path, files), label="t")


def test_twins_with_different_sections_are_refused(tmp_path: Path) -> None:
    files = _pair()
    files["essai.en.md"] = files["essai.en.md"].replace("## Une section", "Une section")
    with pytest.raises(
        TemplateError, match=r"^t/essai\.en\.md, template 'essai': the French and English versions differ"
    ):
        load_templates(_folder(tmp_path, files), label="t")


def test_two_templates_cannot_share_a_download(tmp_path: Path) -> None:
    files = _pair() | {name.replace("essai", "autre"): text for name, text in _pair().items()}
    with pytest.raises(
        TemplateError, match=r"the file name 'essai\.txt' is already a download of '(autre|essai)'"
    ):
        load_templates(_folder(tmp_path, files), label="t")


def test_an_unknown_or_malformed_marker_names_the_page_and_line() -> None:
    page = "# Plan\n\nTexte.\n\n<!-- template: nothing-here -->\n"
    with pytest.raises(TemplateError, match=r"^docs/plan\.fr\.md, line 9: no template 'nothing-here'"):
        insert_templates(
            page, TEMPLATES, "fr", "plan.md", source="docs/plan.fr.md", labels=LABELS["fr"], first_line=5
        )
    with pytest.raises(
        TemplateError, match=r"^docs/plan\.fr\.md, line 3: the marker '<!-- templates: x -->'"
    ):
        insert_templates(
            "# Plan\n\n<!-- templates: x -->\n",
            TEMPLATES,
            "fr",
            "plan.md",
            source="docs/plan.fr.md",
            labels=LABELS["fr"],
        )


# --- Every refusal, whole: the file, the line, the template and the words an editor reads


def _with(old: str, new: str, lang: str = "fr", template: str = GOOD_TEXT) -> dict[str, str | bytes]:
    """`_pair(template)` with `old` replaced by `new` in one language's file."""
    files: dict[str, str | bytes] = dict(_pair(template))
    name = f"essai.{lang}.md"
    text = files[name]
    assert isinstance(text, str) and old in text
    files[name] = text.replace(old, new)
    return files


FRONT = "file: essai.txt\nlabel: Télécharger\n"
ROW_WITHOUT_END = "| A | B\n| --- | --- |\n| 1 | 2 |"
STYLE = "write lists with '- ' and emphasis as **bold**; other marks show as they are"
CODE = "indented or code blocks are not allowed; write paragraphs and lists"
NO_RULE = "a table needs a header row, then a '| --- | --- |' line, then its rows"
MISSING = (
    "(the download's file name, e.g. 'file: moderation-policy.txt'; "
    "the link's words, e.g. 'label: Download the moderation policy')"
)
# In GOOD_TEXT's French file: the front matter on lines 1-4, the title on line 6,
# "Un paragraphe." on line 8, "- un autre point." on line 13.
REFUSALS = [
    # The file's name, its bytes, the folder
    pytest.param(
        {"Essai.fr.md": GOOD_TEXT},
        "t/Essai.fr.md: name the file <id>.fr.md or <id>.en.md, the id in lowercase letters, digits "
        "and hyphens (for example: moderation-policy.fr.md)",
        id="id-in-capitals",
    ),
    pytest.param(
        {**_pair(), "essai.de.md": GOOD_TEXT},
        "t/essai.de.md: name the file <id>.fr.md or <id>.en.md, the id in lowercase letters, digits "
        "and hyphens (for example: moderation-policy.fr.md)",
        id="a-third-language",
    ),
    pytest.param(
        {**_pair(), "essai.fr.md": b"\xff---\n"},
        "t/essai.fr.md, template 'essai': cannot read the file as UTF-8 "
        "('utf-8' codec can't decode byte 0xff in position 0: invalid start byte)",
        id="not-utf-8",
    ),
    # The front matter
    pytest.param(
        _with("---\n" + FRONT + "---\n", ""),
        "t/essai.fr.md, line 1, template 'essai': start the file with a front matter: "
        "'---', 'file:', 'label:', '---'",
        id="no-front-matter",
    ),
    pytest.param(
        _with(FRONT, "file: essai.txt\nfile: autre.txt\nlabel: Télécharger\n"),
        "t/essai.fr.md, line 3, template 'essai': the key 'file' is given twice",
        id="key-twice",
    ),
    pytest.param(
        _with("label: Télécharger", "label: Télécharger: le modèle"),
        "t/essai.fr.md, line 3, template 'essai': the front matter is not valid YAML",
        id="yaml-error-at-its-line",
    ),
    pytest.param(
        _with("label: Télécharger", "label: Télé\x07charger"),
        "t/essai.fr.md, line 1, template 'essai': the front matter is not valid YAML",
        id="yaml-error-without-a-line",
    ),
    pytest.param(
        _with(FRONT, "- essai.txt\n- Télécharger\n"),
        "t/essai.fr.md, line 2, template 'essai': the front matter must be 'key: value' lines",
        id="a-list-not-keys",
    ),
    pytest.param(
        _with("label:", "titre: x\nlabel:"),
        "t/essai.fr.md, line 3, template 'essai': unknown key 'titre'; a template's front matter "
        "has only: file, label",
        id="unknown-key",
    ),
    pytest.param(
        _with("label: Télécharger", "label:"),
        f"t/essai.fr.md, line 3, template 'essai': missing 'label:' {MISSING}",
        id="label-empty",
    ),
    pytest.param(
        _with("label: Télécharger\n", ""),
        f"t/essai.fr.md, line 2, template 'essai': missing 'label:' {MISSING}",
        id="label-absent",
    ),
    pytest.param(
        _with("file: essai.txt", "file: Essai.txt"),
        "t/essai.fr.md, line 2, template 'essai': the file name 'Essai.txt' is not valid; use "
        "lowercase letters, digits and hyphens, ending in .txt or .csv",
        id="file-name",
    ),
    # The title
    pytest.param(
        _with("# Essai", "Essai"),
        "t/essai.fr.md, line 5, template 'essai': after the front matter, give the template its "
        "title: '# Title'",
        id="no-title",
    ),
    pytest.param(
        {**_pair(), "essai.fr.md": "---\n" + FRONT + "---\n"},
        "t/essai.fr.md, line 5, template 'essai': after the front matter, give the template its "
        "title: '# Title'",
        id="nothing-after-the-front-matter",
    ),
    # The body's Markdown
    pytest.param(
        _with("Un paragraphe.", "# Un second titre"),
        "t/essai.fr.md, line 8, template 'essai': only the first heading may be a '# ' title; "
        "use '## ' for a section",
        id="second-title",
    ),
    pytest.param(
        _with("Un paragraphe.", "#### Trop bas"),
        "t/essai.fr.md, line 8, template 'essai': a template's headings go down to '###'; use '##' or '###'",
        id="heading-too-deep",
    ),
    pytest.param(
        _with("Un paragraphe.", "Un *mot*."),
        f"t/essai.fr.md, line 8, template 'essai': {STYLE}",
        id="italics",
    ),
    pytest.param(
        _with("Un paragraphe.", "+ un point"),
        f"t/essai.fr.md, line 8, template 'essai': {STYLE}",
        id="plus-list",
    ),
    pytest.param(
        _with("Un paragraphe.", "Prix : 10 € * "),
        f"t/essai.fr.md, line 8, template 'essai': {STYLE}",
        id="stray-star",
    ),
    pytest.param(
        _with("Un paragraphe.", "**Attention**_ici_"),
        f"t/essai.fr.md, line 8, template 'essai': {STYLE}",
        id="underscores-after-bold",
    ),
    pytest.param(
        _with("Un paragraphe.", "Un <b>mot</b>."),
        "t/essai.fr.md, line 8, template 'essai': HTML is not allowed in a template; write plain Markdown",
        id="html",
    ),
    pytest.param(
        _with("Un paragraphe.", "    du code"),
        f"t/essai.fr.md, line 8, template 'essai': {CODE}",
        id="indented",
    ),
    pytest.param(
        _with("Un paragraphe.", "\tdu code"), f"t/essai.fr.md, line 8, template 'essai': {CODE}", id="tab"
    ),
    pytest.param(
        _with("Un paragraphe.", "```"), f"t/essai.fr.md, line 8, template 'essai': {CODE}", id="fence"
    ),
    pytest.param(
        _with("Un paragraphe.", "Voir [le plan](plan.md)."),
        "t/essai.fr.md, line 8, template 'essai': the link 'plan.md' only works on the site; a download "
        "needs a full https:// address",
        id="site-link",
    ),
    # Tables
    pytest.param(
        _with("Un paragraphe.", ROW_WITHOUT_END),
        "t/essai.fr.md, line 8, template 'essai': a table row starts and ends with '|'",
        id="row-without-end",
    ),
    pytest.param(
        _with("- un autre point.\n", "- un autre point.\n\n| Jour | Fait |\n| --- | --- |\n| Lundi | X\n"),
        "t/essai.fr.md, line 17, template 'essai': a table row starts and ends with '|'",
        id="last-row-without-end",
    ),
    pytest.param(
        _with("Un paragraphe.", "| A | B |\n| --- | --- |\n| 1 \\| 2 | 3 |"),
        "t/essai.fr.md, line 10, template 'essai': a table cell cannot hold '|'",
        id="escaped-bar",
    ),
    pytest.param(
        _with("Un paragraphe.", "| A | B |\n| 1 | 2 |\n| 3 | 4 |"),
        f"t/essai.fr.md, line 8, template 'essai': {NO_RULE}",
        id="no-rule",
    ),
    pytest.param(
        _with("Un paragraphe.", "| A | B |\n| --- | --- |"),
        f"t/essai.fr.md, line 8, template 'essai': {NO_RULE}",
        id="no-rows",
    ),
    pytest.param(
        _with("- un autre point.", "| A |  |\n| --- | --- |\n| 1 | 2 |"),
        "t/essai.fr.md, line 13, template 'essai': every column needs a name in the header row",
        id="unnamed-column-after-a-list",
    ),
    pytest.param(
        {
            **_pair(GOOD_TABLE, file="essai.csv"),
            "essai.fr.md": GOOD_TABLE.format(file="essai.csv", label="T", title="E", cell="x")
            + "\n| Date | Sujet |\n| --- | --- |\n| 2027-01-06 | y |\n",
        },
        "t/essai.fr.md, line 8, template 'essai': a .csv template holds its title and one table, nothing else",
        id="csv-of-two-tables",
    ),
    # The two languages, and the templates together
    pytest.param({}, "t: no template found: add <id>.fr.md and <id>.en.md", id="empty-folder"),
    pytest.param(
        _with("file: test.txt", "file: test.csv", lang="en", template=GOOD_TABLE),
        "t/essai.en.md, line 2, template 'essai': the download is .txt in French but .csv in English; "
        "use one format",
        id="two-formats",
    ),
    pytest.param(
        _with("## Une section", "### Une section", lang="en"),
        "t/essai.en.md, template 'essai': the French and English versions differ in shape "
        "(['##'] against ['###']); give both the same headings and tables, in the same order",
        id="heading-levels-differ",
    ),
    pytest.param(
        _with(
            "| Date | Sujet |\n| --- | --- |\n| 2027-01-05 | Été |",
            "| Date | Sujet | Qui |\n| --- | --- | --- |\n| 2027-01-05 | Summer | Léa |",
            lang="en",
            template=GOOD_TABLE,
        ),
        "t/essai.en.md, template 'essai': the French and English versions differ in shape "
        "(['table of 2 columns'] against ['table of 3 columns']); give both the same headings and "
        "tables, in the same order",
        id="table-columns-differ",
    ),
    pytest.param(
        _pair() | {name.replace("essai", "autre"): text for name, text in _pair().items()},
        "t/essai.fr.md, line 2, template 'essai': the file name 'essai.txt' is already a download of 'autre'",
        id="one-download-for-two",
    ),
]


@pytest.mark.parametrize(("files", "message"), REFUSALS)
def test_each_refusal_names_file_line_and_template(
    tmp_path: Path, files: dict[str, str | bytes], message: str
) -> None:
    """What stops the build reads, whole, as the editor will: which file, which line, which
    template, what to change."""
    with pytest.raises(TemplateError) as refused:
        load_templates(_folder(tmp_path, files), label="t")
    assert str(refused.value) == message


# --- What an editor may write, and what readers get from it -------------------------------


def _both(
    tmp_path: Path, body: str, *, file: str = "essai.txt", label: str = "Télécharger"
) -> DocumentTemplate:
    """One template whose French and English files share `body` (a title, then Markdown)."""
    front = f"---\nfile: {file}\nlabel: {label}\n---\n\n"
    english = front.replace("essai", "test")
    folder = _folder(tmp_path, {"essai.fr.md": front + body, "essai.en.md": english + body})
    return load_templates(folder, label="t")["essai"]


def test_windows_line_ends_read_as_any_others(tmp_path: Path) -> None:
    """A file saved with CRLF (Windows' Notepad) loads as the same template."""
    unix, windows = tmp_path / "unix", tmp_path / "windows"
    unix.mkdir()
    windows.mkdir()
    crlf = {name: text.replace("\n", "\r\n") for name, text in _pair().items()}
    assert load_templates(_folder(windows, crlf), label="t") == load_templates(
        _folder(unix, _pair()), label="t"
    )


def test_a_windows_text_parses_as_any_other() -> None:
    """parse_template given CRLF text (load_templates reads with universal newlines)."""
    text = _pair()["essai.fr.md"]
    assert parse_template(text.replace("\n", "\r\n"), "t/x", "x") == parse_template(text, "t/x", "x")


def test_spaces_an_editor_cannot_see_change_nothing(tmp_path: Path) -> None:
    """A blank line holding spaces is a blank line, not an indented block; spaces after a
    heading do not lengthen its underline."""
    body = "# Essai\n\nUn.\n    \n## Une section  \n\nDeux.\n"
    text = _both(tmp_path, body).text("fr")
    assert plain_text(text).split("\r\n")[3:] == ["Un.", "", "Une section", "-----------", "", "Deux.", ""]
    assert "<h3>Une section</h3>" in render_html(text, LABELS["fr"])


def test_the_words_of_the_front_matter_are_kept_spaces_tidied(tmp_path: Path) -> None:
    text = _both(tmp_path, "# Essai\n\nUn paragraphe.\n", label="Télécharger   le  modèle").text("fr")
    assert (text.file, text.label, text.title) == ("essai.txt", "Télécharger le modèle", "Essai")


def test_a_network_named_x_keeps_its_x(tmp_path: Path) -> None:
    """The body's first and last characters are text like any other, even an X."""
    body = "# Essai\n\nX (ex-Twitter) change ses règles.\n\n## Une section\n\nPubliez aussi sur X\n"
    text = _both(tmp_path, body).text("fr")
    assert text.body == "X (ex-Twitter) change ses règles.\n\n## Une section\n\nPubliez aussi sur X\n"
    assert plain_text(text).split("\r\n")[3:] == [
        "X (ex-Twitter) change ses règles.",
        "",
        "Une section",
        "-----------",
        "",
        "Publiez aussi sur X",
        "",
    ]
    assert "<p>Publiez aussi sur X</p>" in render_html(text, LABELS["fr"])


def test_a_template_of_a_title_only_loads(tmp_path: Path) -> None:
    text = _both(tmp_path, "# Essai\n").text("fr")
    assert plain_text(text) == "Essai\r\n=====\r\n"


def test_a_table_may_end_rows_with_spaces_space_its_dashes_and_hug_its_bars(tmp_path: Path) -> None:
    """Spaces after a row's last bar, a rule of spaced dashes, no space around a cell: each
    reads as the table the editor means, in both languages' shape too."""
    front = "---\nfile: {}\nlabel: L\n---\n\n# Essai\n\n"
    folder = _folder(
        tmp_path,
        {
            "essai.fr.md": front.format("essai.txt") + "| Jour | Fait |   \n| - - - | - - - |\n|Lundi|X|\n",
            "essai.en.md": front.format("test.txt") + "| Day | Done |\n| --- | --- |\n| Monday | X |\n",
        },
    )
    template = load_templates(folder, label="t")["essai"]
    assert tables(template.text("fr")) == [Table(("Jour", "Fait"), (("Lundi", "X"),))]
    assert plain_text(template.text("fr")).split("\r\n")[3:] == [
        "Jour  | Fait",
        "------+-----",
        "Lundi | X",
        "",
    ]


def test_labels_are_the_words_given() -> None:
    labels = Labels.of({"unit": "Ko", "or": "ou"})
    assert (labels["unit"], labels["or"]) == ("Ko", "ou")


def test_each_template_gives_its_files_under_its_own_names(tmp_path: Path) -> None:
    """A text template: its .txt. A table: a workbook, then the CSV, named from `file`. Two
    templates with their own names load side by side."""
    values = {"label": "L", "title": "Autre", "cell": "x"}
    table = {
        "autre.fr.md": GOOD_TABLE.format(file="bilan-2.csv", **values),
        "autre.en.md": GOOD_TABLE.format(file="report-2.csv", **values),
    }
    templates = load_templates(_folder(tmp_path, _pair() | table), label="t")
    names = {
        (template_id, lang): [(d.file, d.format) for d in downloads(t.text(lang), LABELS[lang])]
        for template_id, t in templates.items()
        for lang in LANGUAGES
    }
    assert names == {
        ("essai", "fr"): [("essai.txt", "txt")],
        ("essai", "en"): [("test.txt", "txt")],
        ("autre", "fr"): [("bilan-2.xlsx", "xlsx"), ("bilan-2.csv", "csv")],
        ("autre", "en"): [("report-2.xlsx", "xlsx"), ("report-2.csv", "csv")],
    }
    (text,) = downloads(templates["essai"].text("fr"), LABELS["fr"])
    assert text.content == UTF8_BOM + plain_text(templates["essai"].text("fr")).encode("utf-8")
    assert downloads(templates["autre"].text("fr"), LABELS["fr"])[1].content == (
        UTF8_BOM + b"Date,Sujet\r\n2027-01-05,x\r\n"
    )


def test_the_tables_of_a_template_not_checked_yet_name_file_and_line() -> None:
    """A template made without load_templates (another hook, a test) still gets a located error."""
    text = TemplateText("t/x.fr.md", "x.txt", "L", "T", "Un.\n\n| A | B |\n| 1 | 2 |\n", body_line=7)
    with pytest.raises(TemplateError) as refused:
        tables(text)
    assert str(refused.value) == f"t/x.fr.md, line 9: {NO_RULE}"


BLOCKS = """# Titre

Intro sans ligne vide :
- un
- deux
Suite du texte
sur deux lignes.
### Détail
1. premier
2. second
Fin.
| A | B | C |
| --- | --- | --- |
| **gras** | [lien](https://example.org) | c |
"""


def test_blocks_need_no_blank_line_between_them_in_the_text_file(tmp_path: Path) -> None:
    """A list, a heading or a table ends the paragraph above it; a `###` heading is
    underlined with dots, a `##` with dashes; a numbered list is numbered."""
    assert plain_text(_both(tmp_path, BLOCKS).text("fr")).split("\r\n") == [
        "Titre",
        "=====",
        "",
        "Intro sans ligne vide :",
        "",
        "- un",
        "- deux",
        "",
        "Suite du texte sur deux lignes.",
        "",
        "Détail",
        "······",
        "",
        "1. premier",
        "2. second",
        "",
        "Fin.",
        "",
        "A    | B                          | C",
        "-----+----------------------------+--",
        "gras | lien (https://example.org) | c",
        "",
    ]


def test_blocks_need_no_blank_line_between_them_on_the_page(tmp_path: Path) -> None:
    """The same blocks in the page's frame; a text template's table has data cells only."""
    assert render_html(_both(tmp_path, BLOCKS).text("fr"), LABELS["fr"]).split("\n") == [
        '<div class="admonition note mdx-template">',
        '<p class="admonition-title">Titre</p>',
        "<p>Intro sans ligne vide :</p>",
        "<ul><li>un</li><li>deux</li></ul>",
        "<p>Suite du texte sur deux lignes.</p>",
        "<h4>Détail</h4>",
        "<ol><li>premier</li><li>second</li></ol>",
        "<p>Fin.</p>",
        "<table>",
        '<thead><tr><th scope="col">A</th><th scope="col">B</th><th scope="col">C</th></tr></thead>',
        '<tbody><tr><td><strong>gras</strong></td><td><a href="https://example.org">lien</a></td>'
        "<td>c</td></tr></tbody>",
        "</table>",
        "</div>",
    ]


def test_a_spreadsheet_is_shown_a_row_per_column_on_the_page(tmp_path: Path) -> None:
    """Each column heads its row; each example row becomes a column, numbered; cells keep
    their bold and links, escaped."""
    body = (
        "# Calendrier\n\n| Date | Sujet |\n| --- | --- |\n| 2027-01-05 | Été |\n"
        "| 2027-01-12 | **Bilan** [Q&R](https://example.org/?a=1&b=2) |\n"
    )
    html = render_html(_both(tmp_path, body, file="essai.csv").text("fr"), LABELS["fr"])
    assert html.split("\n")[2:-1] == [
        "<table>",
        '<thead><tr><th scope="col">Colonne</th><th scope="col">Exemple 1</th>'
        '<th scope="col">Exemple 2</th></tr></thead>',
        '<tbody><tr><th scope="row">Date</th><td>2027-01-05</td><td>2027-01-12</td></tr>'
        '<tr><th scope="row">Sujet</th><td>Été</td><td><strong>Bilan</strong> '
        '<a href="https://example.org/?a=1&amp;b=2">Q&amp;R</a></td></tr></tbody>',
        "</table>",
    ]


def test_a_block_marker_becomes_the_link_then_the_template_between_the_page_lines() -> None:
    """In the page's language, its words included (the calendar's "Column", "Example 1")."""
    template = TEMPLATES["editorial-calendar"]
    page = insert_templates(
        "Avant.\n<!-- template: editorial-calendar -->\nAprès.",
        TEMPLATES,
        "en",
        "modeles.md",
        source="x",
        labels=LABELS["en"],
    )
    assert page.split("\n") == [
        "Avant.",
        "",
        download_link(template, "en", "modeles.md", LABELS["en"]),
        "",
        *render_html(template.text("en"), LABELS["en"]).split("\n"),
        "",
        "Après.",
    ]


def test_a_download_marker_becomes_the_link_inside_its_sentence() -> None:
    page = insert_templates(
        "Lire\net <!-- template-download: monthly-report --> ici.",
        TEMPLATES,
        "fr",
        "guide/plan.md",
        source="x",
        labels=LABELS["fr"],
    )
    link = download_link(TEMPLATES["monthly-report"], "fr", "guide/plan.md", LABELS["fr"])
    assert link.startswith("[Télécharger le bilan mensuel (fichier texte, ") and "](../modeles/" in link
    assert page == f"Lire\net {link} ici."


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "<!-- template: nothing-here -->",
            "docs/plan.fr.md, line 12: no template 'nothing-here'; the templates are: editorial-calendar, "
            "holding-statement, moderation-policy, monthly-report, staff-guidelines",
        ),
        (
            "Voir <!-- templates: x --> ici.",
            "docs/plan.fr.md, line 12: the marker '<!-- templates: x -->' is not understood; write "
            "'<!-- template: <id> -->' alone on its line, or '<!-- template-download: <id> -->' inside "
            "a sentence",
        ),
    ],
)
def test_a_wrong_marker_is_refused_whole(line: str, message: str) -> None:
    with pytest.raises(TemplateError) as refused:
        insert_templates(
            f"# Plan\n\n{line}\n",
            TEMPLATES,
            "fr",
            "plan.md",
            source="docs/plan.fr.md",
            labels=LABELS["fr"],
            first_line=10,
        )
    assert str(refused.value) == message


# --- In a page ---------------------------------------------------------------------


def test_the_link_says_format_and_size_and_is_relative_to_the_page() -> None:
    """The workbook first, then the CSV, each named with its format and size."""
    template = TEMPLATES["editorial-calendar"]
    workbook, table = (
        size_label(len(_download("editorial-calendar", "en", kind).content), LABELS["en"])
        for kind in ("xlsx", "csv")
    )
    assert download_link(template, "en", "plan.md", LABELS["en"]) == (
        f"[Download the editorial calendar (Excel workbook, {workbook})](templates/editorial-calendar.xlsx)"
        '{ download="editorial-calendar.xlsx" } or '
        f"[the CSV version ({table})](templates/editorial-calendar.csv)"
        '{ download="editorial-calendar.csv" }'
    )
    assert "](../modeles/calendrier-de-publication.csv)" in download_link(
        template, "fr", "guide/plan.md", LABELS["fr"]
    )
    assert download_link(TEMPLATES["monthly-report"], "fr", "modeles.md", LABELS["fr"]).startswith(
        "[Télécharger le bilan mensuel (fichier texte, "
    )


def test_sizes_are_rounded_up_to_a_whole_kilobyte() -> None:
    assert [size_label(n, LABELS["fr"]) for n in (0, 1024, 1025)] == ["1\u00a0Ko", "1\u00a0Ko", "2\u00a0Ko"]
    assert size_label(3000, LABELS["en"]) == "3\u00a0KB"


def test_a_block_marker_shows_the_link_and_the_template_out_of_the_table_of_contents() -> None:
    """The template's title is the frame's caption; its sections are h3, with no id."""
    html = insert_templates(
        "<!-- template: holding-statement -->", TEMPLATES, "en", "modeles.md", source="x", labels=LABELS["en"]
    )
    assert html.startswith("\n[Download the crisis holding statements (text file, ")
    soup = BeautifulSoup(html.split("\n", 3)[3], "html.parser")
    assert (
        soup.select_one(".admonition-title").get_text() == "Crisis holding statements for [Organization name]"
    )
    assert [h.get_text() for h in soup.select("h3")][:2] == ["Before you post", "The first message"]
    assert soup.select("[id]") == []


def test_the_calendar_is_shown_column_by_column() -> None:
    """On the page, the spreadsheet's nine columns become nine rows, its examples columns:
    it fits the page, with no scrolling region a keyboard could not reach."""
    text = TEMPLATES["editorial-calendar"].text("en")
    soup = BeautifulSoup(render_html(text, LABELS["en"]), "html.parser")
    assert [th.get_text() for th in soup.select("thead th")] == [
        "Column",
        "Example 1",
        "Example 2",
        "Example 3",
    ]
    assert [th.get_text() for th in soup.select("tbody th[scope=row]")] == list(tables(text)[0].header)


# --- The built site ------------------------------------------------------------------


def _downloads_linked(site: Path, html_file: Path) -> set[Path]:
    """The download files an HTML page links to, resolved from the page's own folder."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    found = set()
    for link in soup.select("a[download]"):
        href = link["href"]
        assert not href.startswith("/") and "://" not in href, f"{html_file}: {href} is not relative"
        found.add(Path(posixpath.normpath((html_file.parent / href).as_posix())))
    return found


def _language_root(site: Path, lang: str) -> Path:
    return site if lang == DEFAULT_LANGUAGE else site / lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_download_is_built_and_linked_from_its_pages(built_site: BuiltSite, lang: str) -> None:
    """Each template's file is in the built site, with the bytes the module makes, and both
    the Templates page and the page that explains it link to it."""
    root = _language_root(built_site.path, lang)
    for template_id, template in TEMPLATES.items():
        for download in downloads(template.text(lang), LABELS[lang]):
            built = root / download_path(download, lang)
            assert built.read_bytes() == download.content, built
            for slug in (TEMPLATES_PAGE, *LINKED_FROM[template_id]):
                page = built_site.page(lang, slug)
                assert built in _downloads_linked(built_site.path, page), f"{page} does not link to {built}"


def test_the_offline_copy_links_each_download(tmp_path: Path) -> None:
    """Opened from disk (no directory URLs), each page's download links lead to the files."""
    site = tmp_path / "offline"
    build_offline(site)
    for lang in LANGUAGES:
        root = _language_root(site, lang)
        wanted = {
            root / download_path(download, lang)
            for template in TEMPLATES.values()
            for download in downloads(template.text(lang), LABELS[lang])
        }
        page = root / f"{page_path(TEMPLATES_PAGE, lang).rstrip('/')}.html"
        linked = _downloads_linked(site, page)
        assert linked == wanted
        assert all(path.is_file() for path in linked)


def test_downloads_sit_beside_the_templates_page() -> None:
    """/modeles/… and /en/templates/…: each language's files under its Templates page."""
    assert {lang: page_path(TEMPLATES_PAGE, lang).rstrip("/") for lang in LANGUAGES} == DOWNLOAD_FOLDERS


# --- The build stops, naming what to fix ----------------------------------------------


def test_build_stops_on_a_malformed_template(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A calendar row missing a cell aborts the real build: file, line and template, no traceback."""
    docs = docs_copy(tmp_path)
    path = docs / "data" / "templates" / "editorial-calendar.en.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("| 2027-"))
    lines[row] = lines[row].rsplit("|", 2)[0] + "|"
    path.write_text("\n".join(lines), encoding="utf-8")
    message = failed_build(tmp_path, docs, caplog)
    assert (
        f"templates/editorial-calendar.en.md, line {row + 1}, template 'editorial-calendar': this row has"
        in message
    )
    assert "Traceback" not in message


def test_build_stops_on_a_missing_translation(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    docs = docs_copy(tmp_path)
    (docs / "data" / "templates" / "monthly-report.en.md").unlink()
    message = failed_build(tmp_path, docs, caplog)
    assert (
        "templates/monthly-report.fr.md, template 'monthly-report': the English version is missing" in message
    )


def test_build_stops_on_a_mistyped_marker(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    docs = docs_copy(tmp_path)
    page = docs / "plan.fr.md"
    text = page.read_text(encoding="utf-8").replace(
        "template-download: holding-statement", "template-download: crisis"
    )
    page.write_text(text, encoding="utf-8")
    line = next(n for n, line in enumerate(text.split("\n"), 1) if "template-download: crisis" in line)
    message = failed_build(tmp_path, docs, caplog)
    assert f"plan.fr.md, line {line}: no template 'crisis'" in message


# --- In the browser: a template's tables fit a phone -----------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_template_tables_fit_a_phone_without_a_scrolling_box(
    browser: Browser, site_url: str, lang: str
) -> None:
    """At 320 px, no table of a template scrolls sideways: Material's scrolling box cannot
    be reached with a keyboard (overrides/assets/stylesheets/accessibility.css)."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(
            site_url + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + page_path(TEMPLATES_PAGE, lang)
        )
        wait_for_material(page)
        tables_shown = sum(1 for t in TEMPLATES.values() if "|" in t.text(lang).body)
        # Material wraps each table once its bundle runs: wait for every wrapper.
        expect(page.locator(".mdx-template .md-typeset__scrollwrap")).to_have_count(tables_shown)
        scrolling = page.locator(".mdx-template .md-typeset__scrollwrap").evaluate_all(
            "boxes => boxes.filter(box => box.scrollWidth > box.clientWidth).length"
        )
        assert scrolling == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
