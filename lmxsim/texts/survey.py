"""Texts of the survey file reader (lmxsim/fit/survey.py), English and Dutch. Keys: `survey.<key>`.

Every problem names the line (CSV) or row (Excel), the field as the file names it, the value
and what is allowed; all problems of one file come in one message (docs/fitting.md).
"""

from __future__ import annotations

SURVEY: dict[str, dict[str, str]] = {
    "kind": {"en": "survey", "nl": "vragenlijst"},
    "or": {"en": " or ", "nl": " of "},
    "line": {"en": "line", "nl": "regel"},
    "row": {"en": "row", "nl": "rij"},
    "problems": {
        "en": "{where}: {n} problem(s) in the survey file:",
        "nl": "{where}: {n} probleem/problemen in het vragenlijstbestand:",
    },
    "more": {"en": "... and {n} more", "nl": "... en nog {n}"},
    "at_field": {
        "en": "{row} {line}, field {field}: {problem}",
        "nl": "{row} {line}, veld {field}: {problem}",
    },
    "at_line": {"en": "{row} {line}: {problem}", "nl": "{row} {line}: {problem}"},
    "at_header": {"en": "{row} {line} (the header)", "nl": "{row} {line} (de kopregel)"},
    "not_allowed": {
        "en": "{value} is not allowed ({allowed})",
        "nl": "{value} is niet toegestaan ({allowed})",
    },
    "non_negative": {
        "en": "a number of 0 or more, in any unit (e.g. sales, tickets closed)",
        "nl": "een getal van 0 of meer, in elke eenheid (bv. omzet, afgehandelde tickets)",
    },
    "whole": {"en": "a whole number from {low} to {high}", "nl": "een geheel getal van {low} tot {high}"},
    "did_you_mean": {"en": "did you mean {close}?", "nl": "bedoel je {close}?"},
    "unknown_column": {
        "en": "unknown column {value}{hint} (allowed: name, wave, week, member_1..7 or member_total, "
        "leader_1..7 or leader_total, leader_rating, performance, notes; Dutch names too: docs/fitting.md)",
        "nl": "onbekende kolom {value}{hint} (toegestaan: naam, meting, week, medewerker_1..7 of "
        "medewerker_totaal, leider_1..7 of leider_totaal, leider_oordeel, prestatie, opmerkingen; Engelse "
        "namen ook: docs/fitting.md)",
    },
    "team_column": {
        "en": "the column 'team' means a survey of many teams: give --teams with the folder of the teams' "
        "files, not --team",
        "nl": "de kolom 'team' betekent een vragenlijst van meerdere teams: geef --teams met de map van de "
        "teambestanden, niet --team",
    },
    "missing_column": {
        "en": "the column {column} is missing (needed: name, wave, week; in Dutch: naam, meting, week)",
        "nl": "de kolom {column} ontbreekt (nodig: naam, meting, week; in het Engels: name, wave, week)",
    },
    "column_twice": {
        "en": "the columns {a} and {b} are the same column ({column}); keep one",
        "nl": "de kolommen {a} en {b} zijn dezelfde kolom ({column}); hou er één",
    },
    "no_member": {
        "en": "no member ratings: give member_1..member_7 or member_total (Dutch: medewerker_1..7, "
        "medewerker_totaal)",
        "nl": "geen antwoorden van teamleden: geef medewerker_1..medewerker_7 of medewerker_totaal "
        "(Engels: member_1..7, member_total)",
    },
    "empty": {
        "en": "{where}: empty; the first line must name the columns (name, wave, week, ...; or in Dutch "
        "naam, meting, week, ...)",
        "nl": "{where}: leeg; de eerste regel moet de kolommen noemen (naam, meting, week, ...; of in het "
        "Engels name, wave, week, ...)",
    },
    "not_in_team": {
        "en": "{value} is not in the team file{hint} (the team: {team})",
        "nl": "{value} staat niet in het teambestand{hint} (het team: {team})",
    },
    "week_per_wave": {
        "en": "wave {wave} is week {first} on {row} {other} but week {week} here (one week per wave)",
        "nl": "meting {wave} is week {first} op {row} {other} maar week {week} hier (één week per meting)",
    },
    "twice": {
        "en": "{name} wave {wave} appears twice (also {row} {other}); keep one row",
        "nl": "{name} staat twee keer in meting {wave} (ook {row} {other}); hou één rij",
    },
    "no_rows": {"en": "no survey rows below the header", "nl": "geen rijen onder de kopregel"},
    "waves_numbered": {
        "en": "waves must be numbered 1, 2, 3, ...; wave {wave} is missing",
        "nl": "metingen moeten genummerd zijn 1, 2, 3, ...; meting {wave} ontbreekt",
    },
    "out_of_order": {
        "en": "waves out of order: wave {b} is week {wb}, not after wave {a} (week {wa})",
        "nl": "metingen in de verkeerde volgorde: meting {b} is week {wb}, niet na meting {a} (week {wa})",
    },
    "absent": {
        "en": "the survey contradicts the team file: {names} in the team file but in no wave (remove "
        "them from the team file, or add their rows with empty ratings)",
        "nl": "de vragenlijst spreekt het teambestand tegen: {names} in het teambestand maar in geen enkele "
        "meting (haal ze uit het teambestand, of voeg hun rijen toe met lege antwoorden)",
    },
    "all_empty": {
        "en": "every member rating is empty; the fit needs at least some",
        "nl": "alle antwoorden van teamleden zijn leeg; de fit heeft er minstens enkele nodig",
    },
    "not_sum": {
        "en": "{total} is not the sum of {first}..{last} ({sum}); give one or make them agree",
        "nl": "{total} is niet de som van {first}..{last} ({sum}); geef er één of laat ze overeenkomen",
    },
    "missing_in_wave": {
        "en": "{where}: {names} not in wave {wave} (week {week}): the fit treats their answers in that wave "
        "as missing, not as zero (add their row if they answered)",
        "nl": "{where}: {names} niet in meting {wave} (week {week}): de fit behandelt hun antwoorden in die "
        "meting als ontbrekend, niet als nul (voeg hun rij toe als ze antwoordden)",
    },
    "warning": {"en": "warning: {text}", "nl": "waarschuwing: {text}"},
    "contradicts": {
        "en": "the survey contradicts the team file {team}: the {rater} LMX-7 of {name} at week 0 is "
        "{survey} here but {given} in the team file (column {team_field}); week 0 is the team file's "
        "moment, so they must agree (or start the waves after week 0)",
        "nl": "de vragenlijst spreekt het teambestand {team} tegen: de LMX-7 van {name} ({rater}) in week 0 "
        "is hier {survey} maar {given} in het teambestand (kolom {team_field}); week 0 is het moment van "
        "het teambestand, dus ze moeten overeenkomen (of laat de metingen na week 0 beginnen)",
    },
    "rater_member": {"en": "member", "nl": "medewerker"},
    "rater_leader": {"en": "leader", "nl": "leider"},
    "contradiction_head": {
        "en": "{where}: {n} contradiction(s) with the team file:",
        "nl": "{where}: {n} tegenstrijdigheid/tegenstrijdigheden met het teambestand:",
    },
    "no_sheet": {
        "en": "{where}: no sheet {sheet}{hint} (the sheets: {sheets})",
        "nl": "{where}: geen werkblad {sheet}{hint} (de werkbladen: {sheets})",
    },
    "which_sheet": {
        "en": "{where}: {n} sheets and none has the columns name and wave (the sheets: {sheets}); name the "
        "sheet after the file: {where}:SHEET",
        "nl": "{where}: {n} werkbladen en geen enkel heeft de kolommen naam en meting (de werkbladen: "
        "{sheets}); noem het werkblad na het bestand: {where}:WERKBLAD",
    },
    "too_large": {
        "en": "{where}: too large for a survey file (at most {limit} bytes)",
        "nl": "{where}: te groot voor een vragenlijstbestand (hoogstens {limit} bytes)",
    },
    "not_found": {
        "en": "survey file {where} does not exist",
        "nl": "vragenlijstbestand {where} bestaat niet",
    },
    "unreadable": {
        "en": "survey file {where} cannot be read ({why})",
        "nl": "vragenlijstbestand {where} kan niet gelezen worden ({why})",
    },
    # a survey of many teams (lmxsim/fit/panel.py, `lmxsim fit --teams`)
    "panel_problem": {
        "en": "{where} with --teams {folder}: 1 problem:",
        "nl": "{where} met --teams {folder}: 1 probleem:",
    },
    "panel_problems": {
        "en": "{where} with --teams {folder}: {n} problems:",
        "nl": "{where} met --teams {folder}: {n} problemen:",
    },
    "of_team": {"en": "team {team}: {problem}", "nl": "team {team}: {problem}"},
    "team_empty": {
        "en": "{value} is empty (every row names its team)",
        "nl": "{value} is leeg (elke rij noemt zijn team)",
    },
    "team_name": {
        "en": "{value} is not allowed (a team is a file name in the folder: no / \\ : or ..)",
        "nl": "{value} is niet toegestaan (een team is een bestandsnaam in de map: geen / \\ : of ..)",
    },
    "no_team_file": {
        "en": "no team file for team {team} in {folder} (looked for {files})",
        "nl": "geen teambestand voor team {team} in {folder} (gezocht: {files})",
    },
    "team_files": {
        "en": "team {team} has {n} files in {folder} ({files}); keep one",
        "nl": "team {team} heeft {n} bestanden in {folder} ({files}); hou er één",
    },
    "no_team_column": {
        "en": "{where}, {row} {line}: column 'team' is missing: with --teams every row names its team "
        "(a file <team>.csv, .xlsx or .toml in {folder})",
        "nl": "{where}, {row} {line}: kolom 'team' ontbreekt: met --teams noemt elke rij zijn team "
        "(een bestand <team>.csv, .xlsx of .toml in {folder})",
    },
    "not_folder": {
        "en": "--teams {folder}: not a folder (give the folder that holds each team's file)",
        "nl": "--teams {folder}: geen map (geef de map met het bestand van elk team)",
    },
    "too_many_teams": {
        "en": "{where}: {n} teams is too many (allowed: 1 to {limit})",
        "nl": "{where}: {n} teams is te veel (toegestaan: 1 tot {limit})",
    },
    "and": {"en": " and ", "nl": " en "},
}
