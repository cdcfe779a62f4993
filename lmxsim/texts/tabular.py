"""Texts about reading hand-made tables (lmxsim/team/tabular.py), English and Dutch. Keys: `input.<key>`."""

from __future__ import annotations

TABULAR: dict[str, dict[str, str]] = {
    "utf16": {
        "en": "{where}: UTF-16 text that cannot be read: save as CSV UTF-8",
        "nl": "{where}: UTF-16-tekst die niet te lezen is: bewaar als CSV UTF-8",
    },
    "binary": {
        "en": "{where}: not a {kind} file: it is binary, not text (save it as CSV UTF-8 or Excel .xlsx)",
        "nl": "{where}: geen {kind}bestand: het is binair, geen tekst (bewaar het als CSV UTF-8 of "
        "Excel .xlsx)",
    },
    "mixed_encoding": {
        "en": "{where}: line {line} is in another encoding than line {utf8} (Windows-1252 and UTF-8 "
        "mixed; letters such as ë would be read wrong): save the file again as CSV UTF-8",
        "nl": "{where}: regel {line} staat in een andere codering dan regel {utf8} (Windows-1252 en UTF-8 "
        "door elkaar; letters zoals ë zouden fout gelezen worden): bewaar het bestand opnieuw als CSV UTF-8",
    },
    "unreadable": {
        "en": "{where}: line {line} is not readable text: save as CSV UTF-8",
        "nl": "{where}: regel {line} is geen leesbare tekst: bewaar als CSV UTF-8",
    },
    "not_workbook": {
        "en": "{where}: not a {kind} file: it is not an Excel workbook (.xlsx) that can be read",
        "nl": "{where}: geen {kind}bestand: het is geen Excel-werkmap (.xlsx) die gelezen kan worden",
    },
    "workbook_too_large": {
        "en": "{where}: the workbook unpacks to {size} bytes (at most {limit}): keep only the table "
        "in it, or save it as CSV UTF-8",
        "nl": "{where}: de werkmap is uitgepakt {size} bytes (hoogstens {limit}): laat alleen de tabel "
        "erin staan, of bewaar als CSV UTF-8",
    },
    "workbook_slow": {
        "en": "{where}: reading the workbook took more than {seconds} s: save it as CSV UTF-8",
        "nl": "{where}: het lezen van de werkmap duurde langer dan {seconds} s: bewaar als CSV UTF-8",
    },
    "uncalculated": {
        "en": "{field} is a formula ({formula}) that Excel never calculated (the file holds no value "
        "for it): open the file in Excel and save it again, or type the value",
        "nl": "{field} is een formule ({formula}) die Excel nooit berekende (het bestand bewaart er geen "
        "waarde voor): open het bestand in Excel en bewaar het opnieuw, of typ de waarde",
    },
    "name_control": {
        "en": "holds a control character (a tab, a line break or another invisible code): type it without",
        "nl": "bevat een stuurteken (een tab, een regeleinde of een andere onzichtbare code): typ de "
        "naam zonder",
    },
    "name_bidi": {
        "en": "holds a text-direction control (such as a right-to-left override) that changes how "
        "it is shown: type it without",
        "nl": "bevat een teken dat de schrijfrichting omdraait (zoals een rechts-naar-links-teken) en "
        "verandert hoe de naam getoond wordt: typ de naam zonder",
    },
    "name_invisible": {
        "en": "is empty once invisible characters are removed: give a name people can read",
        "nl": "is leeg zonder de onzichtbare tekens: geef een naam die mensen kunnen lezen",
    },
    "extra_values": {
        "en": "{n} values but the header row names {columns} columns",
        "nl": "{n} waarden maar de kopregel noemt {columns} kolommen",
    },
    "extra_values_fix": {
        "en": "(remove the extra values, or give their column a name in the header row)",
        "nl": "(verwijder de extra waarden, of geef hun kolom een naam in de kopregel)",
    },
    "decimal_comma": {
        "en": "{written} looks like a decimal comma in a comma-separated file: use ';' or '{fixed}'",
        "nl": "{written} lijkt een decimale komma in een bestand met komma's tussen de velden: "
        "gebruik ';' of '{fixed}'",
    },
}
