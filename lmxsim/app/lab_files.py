"""What the strategy lab lets a leader download, in the reader's language.

The team CSV in Dutch is what Excel with Belgian or Dutch settings opens as columns:
`;` between fields, a decimal comma, UTF-8 with a byte-order mark (so "Zoë" survives).
The column names stay those of docs/team-files.md, so the file loads back unchanged.
"""

from __future__ import annotations

import csv
import io

from babel.numbers import format_decimal

from lmxsim.team.members import Member
from lmxsim.team.teamfile import team_to_csv
from lmxsim.texts import LOCALES

TEXT_COLUMNS = ("name",)


def _localised(cell: str, lang: str) -> str:
    try:
        value = float(cell)
    except ValueError:
        return cell
    return format_decimal(value, format="0.##########", locale=LOCALES.get(lang, "en_GB"))


def team_csv(team: list[Member], lang: str) -> bytes:
    """The team as a CSV for a spreadsheet in `lang` (English: `,` and `.`, as before)."""
    text = team_to_csv(team)
    if lang == "en":
        return text.encode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    header = rows[0]
    writer.writerow(header)
    for row in rows[1:]:
        writer.writerow(
            [
                cell if column in TEXT_COLUMNS else _localised(cell, lang)
                for column, cell in zip(header, row, strict=False)
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")
