"""The activity table as files: CSV (UTF-8 with a byte-order mark) and xlsx (optional extra)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A cell starting with one of these is a formula to spreadsheet programs; text from data/ must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

XLSX_EXTRA = "report"  # pyproject.toml: [project.optional-dependencies] report


class MissingExtra(Exception):
    """The xlsx format needs a library that is not installed."""


def csv_bytes(columns: Sequence[str], rows: Sequence[Sequence[str | int]]) -> bytes:
    """CSV with a byte-order mark, so spreadsheet programs open Cyrillic and diacritics intact."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # RFC 4180: quotes where needed, CRLF line ends
    writer.writerow(columns)
    writer.writerows([_inert(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _inert(value: str | int) -> str | int:
    """Text that a spreadsheet would run as a formula, marked as text with a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def xlsx_bytes(columns: Sequence[str], rows: Sequence[Sequence[str | int]], sheet: str) -> bytes:
    """A workbook of one sheet: a bold, frozen heading row, then the rows; numbers stay numbers."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise MissingExtra(
            "the xlsx format needs openpyxl, which is not installed. Install the report extra with "
            f"`pip install -e '.[{XLSX_EXTRA}]'` (in this project: `.venv/bin/pip install -e '.[{XLSX_EXTRA}]'`), "
            "or write CSV with `--format csv`."
        ) from None
    book = Workbook()
    table = book.active
    table.title = _sheet_title(sheet)
    table.append(list(columns))
    for cell in table[1]:
        cell.font = Font(bold=True)
    table.freeze_panes = "A2"
    for row in rows:
        table.append([_cell(value) for value in row])
    for row in table.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # openpyxl stores text starting with = as a formula; keep it text
    for index, name in enumerate(columns, start=1):
        longest = max([len(name), *(len(str(row[index - 1])) for row in rows)])
        table.column_dimensions[get_column_letter(index)].width = min(60, longest + 2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: str | int) -> str | int | date:
    """A whole day becomes a date cell, which sorts and filters as one; a month (2011-12) stays text."""
    return date.fromisoformat(value) if isinstance(value, str) and _ISO_DAY.match(value) else value


def _sheet_title(name: str) -> str:
    # Excel refuses these characters in sheet names, and names over 31 characters.
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name)
    return cleaned[:31] or "Activities"
