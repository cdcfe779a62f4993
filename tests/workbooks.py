"""Workbooks as a user's Excel saves them, for the survey and team-file tests."""

from __future__ import annotations

import io
from pathlib import Path


def write_xlsx(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    """A workbook with one sheet per entry; digits become numbers, empty cells stay empty."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([int(c) if c.isdigit() else c or None for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path
