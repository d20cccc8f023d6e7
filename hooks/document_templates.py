"""Templates readers copy or download (docs/data/templates/): load and check them, show
them in a page, and write their download files: a text template as plain text, a table
as an Excel workbook and as CSV.

One Markdown file per template and language, `<id>.fr.md` beside `<id>.en.md`, with a
short front matter (`file`, `label`) and a body in a small subset of Markdown: a `#`
title, `##`/`###` headings, paragraphs, `-` and `1.` lists, `**bold**`, https links
and tables. A `.csv` template's body is its title and one table.

Pure functions and frozen dataclasses, tested without MkDocs (tests/test_document_templates.py).
hooks/document_templates_hook.py is the thin adapter that calls them during a build.
Every error names the file, the line and the template, in words an editor can act on.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import escape

from data_files import FRONT_MATTER, ID_PATTERN, LANGUAGE_NAMES, LANGUAGES, DataFileError
from workbook import xlsx_bytes
from yaml_data import DuplicateKeyError, key_lines, load_with_nodes

# Where each language's download files are published, below its language root: beside
# the Templates page (/modeles/ and /en/templates/).
DOWNLOAD_FOLDERS = {"fr": "modeles", "en": "templates"}
FRONT_MATTER_KEYS = ("file", "label")
FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.(txt|csv)$")
# Excel reads a CSV as UTF-8 only when it starts with this mark; Windows tools expect CRLF.
UTF8_BOM = b"\xef\xbb\xbf"
NEWLINE = "\r\n"

# Markers a page uses: the whole template (a line of its own), or its download link (inline).
BLOCK_MARKER = re.compile(r"^<!-- template: ([a-z0-9-]+) -->$")
LINK_MARKER = re.compile(r"<!-- template-download: ([a-z0-9-]+) -->")
MARKER_LIKE = re.compile(r"<!--\s*template.*?-->", re.DOTALL | re.IGNORECASE)

_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")
# A heading's words end at its last visible character: spaces an editor cannot see would
# lengthen its underline in the text file.
_HEADING = re.compile(r"^(#{1,3}) (\S.*?)\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LONE_STAR = re.compile(r"\*|(?<![\w/])_\w[^_]*_(?!\w)")
_RAW_HTML = re.compile(r"<[A-Za-z/!]")

# Its interface strings: the `templates` section of docs/data/strings.yml, with these keys.
LABEL_KEYS = ("txt", "csv", "xlsx", "unit", "or", "version", "sheet", "column", "example")


@dataclass(frozen=True)
class Labels:
    """One language's words around the templates, hashable so that the cached
    renderings can take them."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, table: Mapping[str, str]) -> Labels:
        return cls(tuple(table.items()))

    def __getitem__(self, key: str) -> str:
        return dict(self.texts)[key]


class TemplateError(DataFileError):
    """A problem in a template or a marker, located for the editor who has to fix it: the
    data files' error (hooks/data_files.py), its entry named as a template."""

    def __init__(self, file: str, problem: str, *, line: int | None = None, entry: str | None = None):
        super().__init__(file, problem, line=line, entry=None if entry is None else f"template '{entry}'")


_Fail = Callable[[int, str], "TemplateError"]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class TemplateText:
    """One language's version of a template."""

    source: str  # the file, as an editor finds it
    file: str  # the download's file name: politique-de-commentaires.txt
    label: str  # the link's words: "Télécharger la politique de commentaires"
    title: str
    body: str  # the Markdown after the title
    body_line: int  # line of the file where `body` starts

    @property
    def format(self) -> str:
        return self.file.rsplit(".", 1)[1]


@dataclass(frozen=True)
class DocumentTemplate:
    id: str
    texts: Mapping[str, TemplateText]

    def text(self, lang: str) -> TemplateText:
        return self.texts[lang]


# --- Loading and checking ------------------------------------------------------


def load_templates(folder: Path, *, label: str) -> dict[str, DocumentTemplate]:
    """Every template in `folder` (shown to editors as `label`), checked, by id."""
    by_id: dict[str, dict[str, TemplateText]] = {}
    for path in sorted(folder.glob("*.md")):
        shown = f"{label}/{path.name}"
        template_id, _, lang = path.name.removesuffix(".md").rpartition(".")
        if lang not in LANGUAGES or not ID_PATTERN.match(template_id):
            raise TemplateError(
                shown,
                "name the file <id>.fr.md or <id>.en.md, the id in lowercase letters, digits and "
                "hyphens (for example: moderation-policy.fr.md)",
            )
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise TemplateError(
                shown, f"cannot read the file as UTF-8 ({error})", entry=template_id
            ) from None
        by_id.setdefault(template_id, {})[lang] = parse_template(text, shown, template_id)
    if not by_id:
        raise TemplateError(label, "no template found: add <id>.fr.md and <id>.en.md")
    templates: dict[str, DocumentTemplate] = {}
    for template_id, texts in by_id.items():
        for lang in LANGUAGES:
            if lang not in texts:
                other = next(iter(texts.values()))
                raise TemplateError(
                    other.source,
                    f"the {LANGUAGE_NAMES[lang]} version is missing: create {label}/{template_id}.{lang}.md",
                    entry=template_id,
                )
        fr, en = texts["fr"], texts["en"]
        if fr.format != en.format:
            raise TemplateError(
                en.source,
                f"the download is .{fr.format} in French but .{en.format} in English; use one format",
                line=2,
                entry=template_id,
            )
        _check_same_shape(fr, en, template_id)
        templates[template_id] = DocumentTemplate(template_id, {lang: texts[lang] for lang in LANGUAGES})
    _check_unique_files(templates)
    return templates


def parse_template(text: str, source: str, template_id: str) -> TemplateText:
    """One template file's text, checked: front matter, title, body."""
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise TemplateError(
            source,
            "start the file with a front matter: '---', 'file:', 'label:', '---'",
            line=1,
            entry=template_id,
        )
    meta = _front_matter(match.group(1), source, template_id)
    lines = text[match.end() :].split("\n")
    first = match.group(0).count("\n") + 1  # line number of lines[0]
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None or not lines[index].startswith("# "):
        raise TemplateError(
            source,
            "after the front matter, give the template its title: '# Title'",
            line=first,
            entry=template_id,
        )
    title = lines[index][2:].strip()
    body_lines = lines[index + 1 :]
    body_line = first + index + 1
    template = TemplateText(
        source=source,
        file=meta["file"],
        label=meta["label"],
        title=title,
        body="\n".join(body_lines).strip("\n") + "\n",
        body_line=body_line + _leading_blank_lines(body_lines),
    )
    _check_body(template, template_id)
    return template


def _front_matter(block: str, source: str, template_id: str) -> dict[str, str]:
    try:
        data, node = load_with_nodes(block)
        lines = {path: line + 1 for path, line in key_lines(node).items()}  # +1: the '---' line
    except DuplicateKeyError as error:
        raise TemplateError(
            source, f"the key '{error.key}' is given twice", line=error.line + 1, entry=template_id
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise TemplateError(
            source, "the front matter is not valid YAML", line=line, entry=template_id
        ) from None
    if not isinstance(data, dict):
        raise TemplateError(source, "the front matter must be 'key: value' lines", line=2, entry=template_id)
    for key in data:
        if key not in FRONT_MATTER_KEYS:
            raise TemplateError(
                source,
                f"unknown key '{key}'; a template's front matter has only: {', '.join(FRONT_MATTER_KEYS)}",
                line=lines.get((key,)),
                entry=template_id,
            )
    for key in FRONT_MATTER_KEYS:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise TemplateError(
                source,
                f"missing '{key}:' (the download's file name, e.g. 'file: moderation-policy.txt'; "
                "the link's words, e.g. 'label: Download the moderation policy')",
                line=lines.get((key,), 2),
                entry=template_id,
            )
    if not FILE_NAME.match(data["file"]):
        raise TemplateError(
            source,
            f"the file name '{data['file']}' is not valid; use lowercase letters, digits and hyphens, "
            "ending in .txt or .csv",
            line=lines.get(("file",)),
            entry=template_id,
        )
    return {key: " ".join(data[key].split()) for key in FRONT_MATTER_KEYS}


def _leading_blank_lines(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), len(lines))


def _body_lines(template: TemplateText) -> list[tuple[int, str]]:
    """(line number in the file, text) of each line of the body."""
    return [(template.body_line + i, line) for i, line in enumerate(template.body.rstrip("\n").split("\n"))]


def _check_body(template: TemplateText, template_id: str) -> None:
    def fail(line: int, problem: str) -> TemplateError:
        return TemplateError(template.source, problem, line=line, entry=template_id)

    lines = _body_lines(template)
    for number, line in lines:
        if line.startswith("# "):
            raise fail(number, "only the first heading may be a '# ' title; use '## ' for a section")
        if line.startswith("####"):
            raise fail(number, "a template's headings go down to '###'; use '##' or '###'")
        if _LONE_STAR.search(_BOLD.sub("", line).removeprefix("* ")) or line.startswith(("* ", "+ ")):
            raise fail(number, "write lists with '- ' and emphasis as **bold**; other marks show as they are")
        if _RAW_HTML.search(line):
            raise fail(number, "HTML is not allowed in a template; write plain Markdown")
        if line.startswith(("    ", "\t", "```")) and line.strip():  # spaces alone: a blank line
            raise fail(number, "indented or code blocks are not allowed; write paragraphs and lists")
        for _, target in _LINK.findall(line):
            if not target.startswith("https://"):
                raise fail(
                    number,
                    f"the link '{target}' only works on the site; a download needs a full https:// address",
                )
    tables = _tables(lines, fail)
    if template.format == "csv":
        rest = [(n, line) for n, line in lines if line.strip() and not line.startswith("|")]
        if len(tables) != 1 or rest:
            raise fail(
                rest[0][0] if rest else template.body_line,
                "a .csv template holds its title and one table, nothing else",
            )


def _tables(lines: list[tuple[int, str]], fail: _Fail) -> list[Table]:
    """Every table of the body, checked: a header, a '| --- |' rule, rows of as many cells."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        _number, line = lines[index]
        if not line.startswith("|"):
            index += 1
            continue
        block = []
        while index < len(lines) and lines[index][1].startswith("|"):
            block.append(lines[index])
            index += 1
        tables.append(_table(block, fail))
    return tables


def _table(block: list[tuple[int, str]], fail: _Fail) -> Table:
    for number, line in block:
        if not _TABLE_ROW.match(line.rstrip()):
            raise fail(number, "a table row starts and ends with '|'")
        if "\\|" in line:
            raise fail(number, "a table cell cannot hold '|'")
    if len(block) < 3 or not _TABLE_RULE.match(block[1][1].replace(" ", "")):
        raise fail(block[0][0], "a table needs a header row, then a '| --- | --- |' line, then its rows")
    header = _cells(block[0][1])
    rows = []
    for number, line in block[2:]:
        cells = _cells(line)
        if len(cells) != len(header):
            raise fail(number, f"this row has {len(cells)} cells, the header {len(header)}")
        rows.append(cells)
    if any(not cell for cell in header):
        raise fail(block[0][0], "every column needs a name in the header row")
    return Table(header, tuple(rows))


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))


def tables(template: TemplateText) -> list[Table]:
    """The tables of a checked template, in order."""

    def fail(line: int, problem: str) -> TemplateError:
        return TemplateError(template.source, problem, line=line)

    return _tables(_body_lines(template), fail)


def _shape(template: TemplateText) -> list[str]:
    """What both languages must share: headings by level, list items and table columns, in order."""
    shape = []
    for _, line in _body_lines(template):
        heading = _HEADING.match(line)
        if heading:
            shape.append(heading.group(1))
        elif _TABLE_RULE.match(line.replace(" ", "")):
            shape.append(f"table of {line.count('|') - 1} columns")
    return shape


def _check_same_shape(fr: TemplateText, en: TemplateText, template_id: str) -> None:
    if _shape(fr) != _shape(en):
        raise TemplateError(
            en.source,
            f"the French and English versions differ in shape ({_shape(fr)} against {_shape(en)}); "
            "give both the same headings and tables, in the same order",
            entry=template_id,
        )


def _check_unique_files(templates: Mapping[str, DocumentTemplate]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for template in templates.values():
        for lang, text in template.texts.items():
            for name in download_names(text):
                other = seen.setdefault((lang, name), template.id)
                if other != template.id:
                    raise TemplateError(
                        text.source,
                        f"the file name '{name}' is already a download of '{other}'",
                        line=2,
                        entry=template.id,
                    )


# --- Download files ----------------------------------------------------------


@dataclass(frozen=True)
class Download:
    """One file a reader downloads."""

    file: str  # politique-de-commentaires.txt
    format: str  # txt, csv or xlsx
    content: bytes


def download_names(text: TemplateText) -> tuple[str, ...]:
    """The files a template gives: its text, or its table as a workbook and as CSV."""
    if text.format == "csv":
        stem = text.file.removesuffix(".csv")
        return (f"{stem}.xlsx", text.file)
    return (text.file,)


@functools.lru_cache(maxsize=64)  # a page's links and the build's files ask for the same bytes
def downloads(text: TemplateText, labels: Labels) -> tuple[Download, ...]:
    """The download files, in the order the page offers them. A table comes as an Excel
    workbook first: a CSV opens in one column where Windows' list separator is a semicolon
    (languages that write 1,5), a workbook opens the same everywhere."""
    if text.format == "csv":
        table = tables(text)[0]
        xlsx_name, csv_name = download_names(text)
        return (
            Download(xlsx_name, "xlsx", xlsx_bytes((table.header, *table.rows), labels["sheet"])),
            Download(csv_name, "csv", UTF8_BOM + _csv(table).encode("utf-8")),
        )
    return (Download(text.file, "txt", UTF8_BOM + plain_text(text).encode("utf-8")),)


def download_path(download: Download, lang: str) -> str:
    """The download's path below its language root: modeles/politique-de-commentaires.txt."""
    return f"{DOWNLOAD_FOLDERS[lang]}/{download.file}"


def _csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=NEWLINE)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return out.getvalue()


@dataclass(frozen=True)
class _Block:
    """A part of a template's body: a heading (level 2 or 3), a paragraph, a list
    (`ul` or `ol`, one line an item) or a table."""

    kind: str
    lines: tuple[str, ...] = ()
    level: int = 0
    table: Table | None = None


_LIST_ITEM = {"ul": re.compile(r"^- (.*)$"), "ol": re.compile(r"^\d+\. (.*)$")}


def _blocks(body: str) -> list[_Block]:
    """The body's blocks, in order (one parser for the page and the download)."""
    blocks: list[_Block] = []
    lines = body.rstrip("\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _HEADING.match(line)
        kind = next((kind for kind, item in _LIST_ITEM.items() if item.match(line)), None)
        if not line.strip():
            index += 1
        elif line.startswith("|"):
            rows = []
            while index < len(lines) and lines[index].startswith("|"):
                rows.append((0, lines[index]))
                index += 1
            blocks.append(_Block("table", table=_table(rows, _never)))
        elif heading:
            blocks.append(_Block("heading", (heading.group(2),), level=len(heading.group(1))))
            index += 1
        elif kind:
            items = []
            while index < len(lines) and (item := _LIST_ITEM[kind].match(lines[index])):
                items.append(item.group(1))
                index += 1
            blocks.append(_Block(kind, tuple(items)))
        else:
            paragraph = []
            while index < len(lines) and lines[index].strip() and not _starts_block(lines[index]):
                paragraph.append(lines[index].strip())
                index += 1
            blocks.append(_Block("p", (" ".join(paragraph),)))
    return blocks


def _starts_block(line: str) -> bool:
    return (
        line.startswith("|") or bool(_HEADING.match(line)) or any(i.match(line) for i in _LIST_ITEM.values())
    )


def plain_text(text: TemplateText) -> str:
    """The template as plain text: headings underlined, links spelled out, tables aligned."""
    out = [text.title, "=" * len(text.title)]
    for block in _blocks(text.body):
        out.append("")
        if block.kind == "heading":
            words = _inline_text(block.lines[0])
            out += [words, ("-" if block.level == 2 else "·") * len(words)]
        elif block.kind == "table" and block.table is not None:
            out += _aligned(block.table)
        elif block.kind == "ol":
            out += [f"{number}. {_inline_text(item)}" for number, item in enumerate(block.lines, 1)]
        elif block.kind == "ul":
            out += [f"- {_inline_text(item)}" for item in block.lines]
        else:
            out.append(_inline_text(block.lines[0]))
    return NEWLINE.join(out) + NEWLINE


def _never(line: int, problem: str) -> TemplateError:  # tables were checked on loading
    raise AssertionError(problem)


def _inline_text(line: str) -> str:
    line = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", line)
    return _BOLD.sub(r"\1", line)


def _aligned(table: Table) -> list[str]:
    rows = [tuple(_inline_text(cell) for cell in row) for row in (table.header, *table.rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.header))]

    def line(cells: tuple[str, ...]) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    return [line(rows[0]), "-+-".join("-" * width for width in widths), *(line(row) for row in rows[1:])]


def size_label(size: int, labels: Labels) -> str:
    """A file size as a reader reads it: "2 Ko" / "2 KB" (rounded up, at least 1)."""
    return f"{max(1, math.ceil(size / 1024))}\u00a0{labels['unit']}"


# --- In a page -------------------------------------------------------------------


def download_link(template: DocumentTemplate, lang: str, page_src_uri: str, labels: Labels) -> str:
    """The Markdown link(s) to the download(s), relative to the page (MkDocs resolves them,
    so they work under a sub-path and from disk). The words say the format and the size:
    "Télécharger le calendrier (classeur Excel, 3 Ko) ou la version CSV (1 Ko)"."""
    text = template.text(lang)
    links: list[str] = []
    for download in downloads(text, labels):
        target = posixpath.relpath(download_path(download, lang), posixpath.dirname(page_src_uri) or ".")
        size = size_label(len(download.content), labels)
        words = (
            f"{text.label} ({labels[download.format]}, {size})"
            if not links
            else f"{labels['version'].format(format=labels[download.format])} ({size})"
        )
        links.append(f'[{words}]({target}){{ download="{download.file}" }}')
    return f" {labels['or']} ".join(links)


@functools.lru_cache(maxsize=64)
def render_html(text: TemplateText, labels: Labels) -> str:
    """The template as an HTML block for a page: framed like a note, its title as the
    frame's caption, its headings below the page's (h3, h4), kept out of the page's
    table of contents (no id). A spreadsheet's table is shown column by column: one
    line per column, its examples beside it, so that it fits the page without a
    scrolling region. Starts at column 0 with no blank line, as a raw HTML block in
    Markdown must."""
    body = []
    for block in _blocks(text.body):
        if block.kind == "heading":
            body.append(f"<h{block.level + 1}>{_inline_html(block.lines[0])}</h{block.level + 1}>")
        elif block.kind == "table" and block.table is not None:
            table = _by_column(block.table, labels) if text.format == "csv" else block.table
            body.append(_table_html(table, row_headers=text.format == "csv"))
        elif block.kind in _LIST_ITEM:
            items = "".join(f"<li>{_inline_html(item)}</li>" for item in block.lines)
            body.append(f"<{block.kind}>{items}</{block.kind}>")
        else:
            body.append(f"<p>{_inline_html(block.lines[0])}</p>")
    return "\n".join(
        [
            '<div class="admonition note mdx-template">',
            f'<p class="admonition-title">{escape(text.title)}</p>',
            *body,
            "</div>",
        ]
    )


def _inline_html(text: str) -> str:
    """Escaped text with its **bold** and [links](https://…) as HTML."""
    html = str(escape(text))
    html = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
    return _BOLD.sub(r"<strong>\1</strong>", html)


def _by_column(table: Table, labels: Labels) -> Table:
    """The table turned a quarter: a row per column, a column per example row."""
    header = (
        labels["column"],
        *(labels["example"].format(number=n) for n in range(1, len(table.rows) + 1)),
    )
    rows = tuple((name, *(row[index] for row in table.rows)) for index, name in enumerate(table.header))
    return Table(header, rows)


def _table_html(table: Table, *, row_headers: bool = False) -> str:
    """A table; with `row_headers`, each row's first cell heads its row."""
    head = "".join(f'<th scope="col">{_inline_html(cell)}</th>' for cell in table.header)
    first = ('<th scope="row">', "</th>") if row_headers else ("<td>", "</td>")
    rows = "".join(
        f"<tr>{first[0]}{_inline_html(row[0])}{first[1]}"
        + "".join(f"<td>{_inline_html(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>"


def insert_templates(
    markdown_text: str,
    templates: Mapping[str, DocumentTemplate],
    lang: str,
    page_src_uri: str,
    *,
    source: str,
    labels: Labels,
    first_line: int = 1,
) -> str:
    """The page's Markdown with each marker replaced: `<!-- template: id -->` (a line of its
    own) by the download link and the template; `<!-- template-download: id -->` by the link.
    `labels`: the page's language's words; `first_line` is the file's line where
    `markdown_text` starts, for messages."""
    out = []
    for number, line in enumerate(markdown_text.split("\n"), start=first_line):
        for found in MARKER_LIKE.findall(line):
            block, link = BLOCK_MARKER.match(line), LINK_MARKER.fullmatch(found)
            if not block and not link:
                raise TemplateError(
                    source,
                    f"the marker '{found}' is not understood; write '<!-- template: <id> -->' alone on "
                    "its line, or '<!-- template-download: <id> -->' inside a sentence",
                    line=number,
                )
            wanted = (block or link).group(1)  # type: ignore[union-attr]
            if wanted not in templates:
                raise TemplateError(
                    source,
                    f"no template '{wanted}'; the templates are: {', '.join(sorted(templates))}",
                    line=number,
                )
        block = BLOCK_MARKER.match(line)
        if block:
            template = templates[block.group(1)]
            out += [
                "",
                download_link(template, lang, page_src_uri, labels),
                "",
                render_html(template.text(lang), labels),
                "",
            ]
            continue
        out.append(
            LINK_MARKER.sub(lambda m: download_link(templates[m.group(1)], lang, page_src_uri, labels), line)
        )
    return "\n".join(out)
