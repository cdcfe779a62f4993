"""Texts about team files (docs/team-files.md), English and Dutch. Keys are used as `teamfile.<key>`."""

from __future__ import annotations

TEAMFILE: dict[str, dict[str, str]] = {
    "read_past": {
        "en": "{file}: read past {what} (not used by the model).",
        "nl": "{file}: {what} niet gelezen (het model gebruikt ze niet).",
    },
    "columns": {"en": "the column(s) {names}", "nl": "de kolom(men) {names}"},
    "nameless": {
        "en": "{n} column(s) without a name in the header row",
        "nl": "{n} kolom(men) zonder naam in de kopregel",
    },
    "and": {"en": " and ", "nl": " en "},
}
