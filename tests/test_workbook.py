"""The Excel workbook writer (hooks/workbook.py) on its own: each part of the file written
whole, the zip's fixed times and order, the widths at their limit (found by mutation
testing: the build tests read a workbook back, not every attribute of it)."""

from __future__ import annotations

import io
import zipfile

from workbook import column_name, xlsx_bytes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info).decode("utf-8") for info in archive.infolist()}


def test_the_sheet_and_the_workbook_are_written_whole() -> None:
    rows = [["Date", "Canal & note"], ["2026-12-05", "x" * 48], ["", "y" * 49]]
    parts = _parts(xlsx_bytes(rows, 'Calendrier "2027"'))
    assert parts["xl/workbook.xml"] == (
        f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="Calendrier &quot;2027&quot;" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )

    bold = ' s="1"'

    def cell(ref: str, text: str, style: str = "") -> str:
        return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{text}</t></is></c>'

    assert parts["xl/worksheets/sheet1.xml"] == (
        f'{XML}<worksheet xmlns="{MAIN}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        # 2 + the longest text, 50 at most: 48 characters give 50, and 49 too.
        '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="50" customWidth="1"/>'
        "</cols><sheetData>"
        f'<row r="1">{cell("A1", "Date", bold)}{cell("B1", "Canal &amp; note", bold)}</row>'
        f'<row r="2">{cell("A2", "2026-12-05")}{cell("B2", "x" * 48)}</row>'
        f'<row r="3">{cell("A3", "")}{cell("B3", "y" * 49)}</row>'
        "</sheetData></worksheet>"
    )


def test_the_zip_holds_every_part_in_order_at_a_fixed_time_compressed() -> None:
    data = xlsx_bytes([["A"], ["b"]], "S")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
    ]
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
    assert xlsx_bytes([["A"], ["b"]], "S") == data  # the same bytes at each build


def test_a_narrow_column_is_two_wider_than_its_text() -> None:
    sheet = _parts(xlsx_bytes([["Abc"], ["a"]], "S"))["xl/worksheets/sheet1.xml"]
    assert '<cols><col min="1" max="1" width="5" customWidth="1"/></cols>' in sheet


def test_columns_are_named_as_a_spreadsheet_names_them() -> None:
    assert [column_name(n) for n in (1, 2, 26, 27, 52, 53, 702, 703)] == [
        "A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip
