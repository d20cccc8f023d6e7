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
    Download,
    Labels,
    TemplateError,
    download_link,
    download_path,
    downloads,
    insert_templates,
    load_templates,
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


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _pair(template: str = GOOD_TEXT, **fields: str) -> dict[str, str]:
    """A template in both languages, from `template` with `fields` filled in."""
    values = {"file": "essai.txt", "label": "Télécharger", "title": "Essai", "cell": "Été"} | fields
    english = values | {"file": values["file"].replace("essai", "test"), "label": "Download"}
    return {"essai.fr.md": template.format(**values), "essai.en.md": template.format(**english)}


# --- The real templates -----------------------------------------------------------


def test_every_template_exists_in_both_languages() -> None:
    """The five templates of issue 17, each with a French and an English version."""
    assert set(TEMPLATES) == EXPECTED
    for template in TEMPLATES.values():
        assert set(template.texts) == set(LANGUAGES)


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
