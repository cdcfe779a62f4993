"""What the strategy lab lets a leader download, in the reader's language.

The team CSV in Dutch is what Excel with Belgian or Dutch settings opens as columns:
`;` between fields, a decimal comma, UTF-8 with a byte-order mark (so "Zoë" survives).
The column names are the Dutch ones of docs/team-files.md (naam, nabijheid, ..., opmerkingen),
which the team file reader takes as well, so the file loads back unchanged; each person's
notes from the loaded file are kept.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from lmxsim.io.output import rows_csv
from lmxsim.team.members import Member
from lmxsim.team.teamfile import team_rows, team_to_csv
from lmxsim.texts import LOCALES


def _localised(cell: str, lang: str) -> str:
    try:
        value = float(cell)
    except ValueError:
        return cell
    return format_decimal(value, format="0.##########", locale=LOCALES.get(lang, "en_GB"))


def team_csv(team: list[Member], lang: str, notes: dict[str, str] | None = None) -> bytes:
    """The team as a CSV for a spreadsheet in `lang` (English: `,` and `.`, as before), with notes."""
    if lang == "en":
        return team_to_csv(team, notes).encode("utf-8")
    header, rows = team_rows(team, notes, lang)
    localised = [
        [cell if isinstance(cell, str) or cell is None else _localised(str(cell), lang) for cell in row]
        for row in rows
    ]
    return rows_csv(header, localised, delimiter=";").encode("utf-8-sig")
