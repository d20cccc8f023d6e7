"""An Excel workbook (.xlsx) of one sheet of text, written with Python's own zipfile:
no dependency to pin for the one table the guide offers (docs/data/templates/).

Pure functions, tested without MkDocs (tests/test_document_templates.py). The bytes are
the same at each build (fixed times and order in the zip), as reproducible builds need.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape as xml_escape

# The least an Excel workbook needs (ECMA-376, SpreadsheetML): one sheet of inline
# strings, a bold header row kept in view, wrapped text, widths to fit.
_XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XLSX_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XLSX_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_XLSX_PARTS = {
    "[Content_Types].xml": (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_XLSX_CONTENT_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_XLSX_CONTENT_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_XLSX_CONTENT_TYPE}.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'{_XML}<Relationships xmlns="{_XLSX_PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{_XLSX_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/_rels/workbook.xml.rels": (
        f'{_XML}<Relationships xmlns="{_XLSX_PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{_XLSX_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_XLSX_REL}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    # Style 0: normal, wrapped; style 1: bold, wrapped (the header).
    "xl/styles.xml": (
        f'{_XML}<styleSheet xmlns="{_XLSX_MAIN}">'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
# Fixed time and order in the zip: the same template gives the same bytes (reproducible builds).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_COLUMN_WIDTH = 50


def xlsx_bytes(rows: Sequence[Sequence[str]], sheet: str) -> bytes:
    """`rows` (the first one a header, in bold) as an Excel workbook of one sheet named `sheet`."""
    widths = [min(_MAX_COLUMN_WIDTH, 2 + max(len(row[i]) for row in rows)) for i in range(len(rows[0]))]
    columns = "".join(
        f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>' for i, width in enumerate(widths, 1)
    )
    sheet_rows = "".join(_xlsx_row(number, row) for number, row in enumerate(rows, 1))
    parts = dict(_XLSX_PARTS)
    name = xml_escape(sheet, {'"': "&quot;"})
    parts["xl/workbook.xml"] = (
        f'{_XML}<workbook xmlns="{_XLSX_MAIN}" xmlns:r="{_XLSX_REL}">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    parts["xl/worksheets/sheet1.xml"] = (
        f'{_XML}<worksheet xmlns="{_XLSX_MAIN}">'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews>"
        f"<cols>{columns}</cols><sheetData>{sheet_rows}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name].encode("utf-8"))
    return out.getvalue()


def _xlsx_row(number: int, cells: Sequence[str]) -> str:
    style = ' s="1"' if number == 1 else ""  # the header row in bold
    return (
        f'<row r="{number}">'
        + "".join(
            f'<c r="{column_name(column)}{number}" t="inlineStr"{style}>'
            f'<is><t xml:space="preserve">{xml_escape(cell)}</t></is></c>'
            for column, cell in enumerate(cells, 1)
        )
        + "</row>"
    )


def column_name(number: int) -> str:
    """1 → A, 26 → Z, 27 → AA: a column as a spreadsheet names it."""
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
