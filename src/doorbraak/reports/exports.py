"""Every dashboard table as CSV and XLSX: the same figures as the page, nothing more.

CSV is `;`-separated (what Dutch spreadsheet programs open by default) with a header row,
amounts as `350.00`; XLSX has numbers as numbers. Text cells never start a formula. An empty
period gives a valid file with its header."""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook

from doorbraak.ui.spreadsheet import plain_cell

CSV = "csv"
XLSX = "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def to_csv(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([plain_cell(h) for h in header])
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return out.getvalue().encode("utf-8")


def _csv_value(value) -> str:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, int):
        return str(value)
    return plain_cell(value)


def to_xlsx(title: str, header: list[str], rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([plain_cell(h) for h in header])
    for row in rows:
        sheet.append([v if isinstance(v, int | Decimal) else plain_cell(v) for v in row])
    for cells in sheet.iter_cols(min_row=2):
        for cell in cells:
            if isinstance(cell.value, Decimal | float):
                cell.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
