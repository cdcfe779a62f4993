"""The command line's error messages in Dutch: the library raises them in English, the CLI shows
them in the language of `--lang` (issue 25: "every message in the chosen language").

The library's messages are built in English where they are raised (with the file, line,
field and value they name), in many modules. Rather than give every raise site a key,
the Dutch wording is declared here as rewrites of the English message's parts, applied in
order: whole phrases first, then the words that recur ("line", "field", "is not allowed",
"a whole number from A to B"). Names, values, file names and option names pass through
unchanged. tests/test_dutch_errors.py runs every error path of `run`, `strategies`, `fit`
and `plan` with `--lang nl` and checks no English sentence is left: a new message whose
words are not covered here fails that test and gets its line below.
"""

from __future__ import annotations

import re

from lmxsim.texts.tabular import TABULAR


def _from_catalogue(texts: dict[str, dict[str, str]]) -> tuple[tuple[str, str], ...]:
    """Rewrites for messages that are in the catalogue already (a reader that has no `lang`
    raised the English one): each English template becomes a pattern, its Dutch the
    replacement, the placeholders carried over (a last placeholder takes the rest)."""
    rewrites = []
    for entry in texts.values():
        english, dutch = entry["en"], entry["nl"]
        parts = re.split(r"\{(\w+)\}", english)
        pattern, seen = "", set()
        for i, part in enumerate(parts):
            if i % 2 == 0:
                pattern += re.escape(part)
            elif part in seen:
                pattern += f"(?P={part})"
            else:
                seen.add(part)
                pattern += f"(?P<{part}>.+)" if i == len(parts) - 2 and not parts[-1] else f"(?P<{part}>.+?)"
        replacement = re.sub(r"\{(\w+)\}", lambda m: f"\\g<{m.group(1)}>", dutch.replace("\\", "\\\\"))
        rewrites.append((pattern, replacement))
    return tuple(rewrites)


# the kinds of input file the messages name
KINDS = {
    "team": "teambestand",
    "survey": "vragenlijstbestand",
    "observations": "observatiebestand",
    "priors": "priorbestand",
}
# (English pattern, Dutch replacement), applied in this order with re.sub
DUTCH: tuple[tuple[str, str], ...] = (
    # messages the catalogue has in Dutch (reading hand-made tables)
    *_from_catalogue(TABULAR),
    # whole messages and long phrases
    *(
        (rf"^{kind} file (.+?) {en}$", rf"{nl_kind} \1 {nl}")
        for kind, nl_kind in KINDS.items()
        for en, nl in (
            ("does not exist", "bestaat niet"),
            ("is a folder, not a file", "is een map, geen bestand"),
            (r"cannot be read \((.+)\)", r"kan niet gelezen worden (\2)"),
        )
    ),
    # many teams in one fit (lmxsim/fit/panel.py) and the design study (lmxsim/fit/design.py)
    (
        r"column 'team' means a survey of many teams: give --teams with the folder of the teams' files, "
        r"not --team",
        "kolom 'team' betekent een vragenlijst van meerdere teams: geef --teams met de map van de "
        "teambestanden, niet --team",
    ),
    (
        r"give --team \(one team's file\) or --teams \(a folder of team files\), not both or neither",
        "geef --team (het bestand van één team) of --teams (een map met teambestanden), niet allebei en "
        "niet geen van beide",
    ),
    (
        r"--observations works with one team \(--team\), not with --teams",
        "--observations werkt met één team (--team), niet met --teams",
    ),
    (
        r"a fit of (\d+) teams together \(--teams\); the strategy lab takes a fit of one team "
        r"\(lmxsim fit --team \.\.\.\)",
        r"een fit van \1 teams samen (--teams); het strategielab neemt een fit van één team "
        r"(lmxsim fit --team ...)",
    ),
    (r"\(weeks from 1 to 520, rising, e\.g\. 4,13,26\)", "(weken van 1 tot 520, oplopend, bv. 4,13,26)"),
    (
        r"\(whole numbers separated by commas, e\.g\. 4,13,26\)",
        "(gehele getallen gescheiden door komma's, bv. 4,13,26)",
    ),
    (r"('[^']*') is not fitted \(fitted: (.+)\)", r"\1 wordt niet gefit (gefit: \2)"),
    (r"give name=number, e\.g\. confirmation_bias=0\.8", "geef naam=getal, bv. confirmation_bias=0.8"),
    (r"is outside its prior \((\S+) to (\S+)\)", r"ligt buiten zijn prior (\1 tot \2)"),
    (
        r"(\S+(?:, \S+)*) missing \(all (\d+) (\w+) items, each a whole number 1 to 5, or none\)",
        r"\1 ontbreken (alle \2 items van \3, elk een geheel getal van 1 tot 5, of geen)",
    ),
    (
        r"name ('[^']*') appears twice \(also (.+?)\); names must be unique, whatever their capitals",
        r"naam \1 staat er twee keer in (ook \2); namen moeten uniek zijn, ook los van hoofdletters",
    ),
    (r": (\d+) problems in the team file:", r": \1 problemen in het teambestand:"),
    (r"\n  \.\.\. and (\d+) more$", r"\n  ... en nog \1"),
    (r"the header row lacks (?:the )?column ", "de kopregel mist kolom "),
    (r"; Dutch names too, see ", "; Nederlandse namen ook, zie "),
    (r"not an? (\w+) file: extension ", r"geen \1-bestand: extensie "),
    (
        r"waves must be numbered 1, 2, 3, \.\.\.; wave (\d+) is missing",
        r"metingen moeten genummerd zijn 1, 2, 3, ...; meting \1 ontbreekt",
    ),
    (
        r"(\S+) (?:is|are) in the team file but not in any wave \(remove them from the team file, or add "
        r"their rows with empty ratings\)",
        r"\1: in het teambestand maar in geen enkele meting (haal ze uit het teambestand, of voeg hun "
        r"rijen toe met lege antwoorden)",
    ),
    (r"Input should be a valid integer, unable to parse string as an integer", "moet een geheel getal zijn"),
    (r"Input should be a valid number, unable to parse string as a number", "moet een getal zijn"),
    (
        r"not a finished fit \(fit\.json and draws\.csv missing; a fit folder has both\)",
        "geen afgeronde fit (fit.json en draws.csv ontbreken; een fitmap heeft ze allebei)",
    ),
    (r"; or a custom one like ", "; of een eigen strategie, zoals "),
    (
        r"\(team: (.+?); or in-group, middle, out-group, team\)",
        r"(team: \1; of in-groep, midden, out-groep, team)",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: Input should be greater than or equal to (\S+)",
        r"ongeldige waarde voor \1: minstens \2",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: Input should be less than or equal to (\S+)",
        r"ongeldige waarde voor \1: hoogstens \2",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: '([^']*)' is not a valid integer\.?",
        r"ongeldige waarde voor \1: '\2' is geen geheel getal",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: '([^']*)' is not a valid float\.?",
        r"ongeldige waarde voor \1: '\2' is geen getal",
    ),
    (r"Invalid value for '([^']+)'(?: / '[^']+')*: (.+)", r"ongeldige waarde voor \1: \2"),
    (r"No such option: (\S+)", r"onbekende optie: \1"),
    (r"\(Possible options?: ", "(mogelijke opties: "),
    (r"' wave (\d+) ", r"' meting \1 "),
    (r"Option '([^']+)' requires an argument\.?", r"optie \1 heeft een waarde nodig"),
    (r"Missing option '([^']+)'\.?", r"optie \1 ontbreekt"),
    (r"Got unexpected extra arguments? \((.+)\)", r"onverwachte extra argumenten (\1)"),
    (r"^unknown scenario ", "onbekend scenario "),
    (r", or a percentage such as (\S+)", r", of een percentage zoals \1"),
    (r"a whole number from (\S+) to (\S+)", r"een geheel getal van \1 tot \2"),
    (r"a whole number (\S+) to (\S+)", r"een geheel getal van \1 tot \2"),
    (r"a number from (\S+) to (\S+)", r"een getal van \1 tot \2"),
    (r"has extension '([^']*)'", r"heeft de extensie '\1'"),
    (r"is a folder; give a file name such as (\S+)", r"is een map; geef een bestandsnaam zoals \1"),
    (
        r"is not empty; choose a new folder, or add --overwrite to replace its files",
        "is niet leeg; kies een nieuwe map, of voeg --overwrite toe om de bestanden te vervangen",
    ),
    (r"is a file, not a folder; choose a folder name", "is een bestand, geen map; kies een mapnaam"),
    (
        r"member_1\.\.member_7 or member_total, leader_1\.\.leader_7 or leader_total",
        "member_1..member_7 of member_total, leader_1..leader_7 of leader_total",
    ),
    (r"\(needed: name, wave, week\)", "(nodig: name, wave, week)"),
    (
        r"no member ratings \(give member_1\.\.member_7 or member_total\)",
        "geen antwoorden van teamleden (geef member_1..member_7 of member_total)",
    ),
    (r"is not in the team file \(the team: (.+)\)", r"staat niet in het teambestand (het team: \1)"),
    (r"the survey contradicts the team file", "de vragenlijst spreekt het teambestand tegen"),
    (r"is listed twice", "staat er twee keer in"),
    (r"appears twice \(also line (\d+)\)", r"staat er twee keer in (ook regel \1)"),
    (
        r"a custom strategy needs at least one intervention, e\.g\. ",
        "een eigen strategie heeft minstens één interventie nodig, bijvoorbeeld ",
    ),
    (r"expected KIND=HOURS, e\.g\. ", "verwacht SOORT=UREN, bijvoorbeeld "),
    (r"is not UTF-8 text", "is geen UTF-8-tekst"),
    (r"not UTF-8 text; save the (\w+) as CSV \(UTF-8\)", r"geen UTF-8-tekst; bewaar het als CSV (UTF-8)"),
    (r"empty; the first line must name the columns", "leeg; de eerste regel moet de kolommen noemen"),
    (r"no survey rows below the header", "geen rijen onder de kopregel"),
    (
        r"every member rating is empty; the fit needs at least some",
        "alle antwoorden van teamleden zijn leeg; de fit heeft er minstens enkele nodig",
    ),
    (r"the team is empty \(add at least one person\)", "het team is leeg (voeg minstens één persoon toe)"),
    (r"name is missing \(every person needs a name\)", "de naam ontbreekt (iedereen heeft een naam nodig)"),
    (r"closeness is missing", "closeness ontbreekt"),
    (r"the columns? ", "kolom "),
    (r"\bis missing\b", "ontbreekt"),
    # recurring words and short phrases
    (r"^unknown strategy ", "onbekende strategie "),
    (r"^strategy '", "strategie '"),
    (r"unknown intervention ", "onbekende interventie "),
    (r"unknown member ", "onbekend teamlid "),
    (r"unknown column ", "onbekende kolom "),
    (r"unknown parameter ", "onbekende parameter "),
    (r"merged into (\w+) in Model v3: use ", r"in Model v3 samengevoegd met \1: gebruik "),
    (
        r"removed in Model v3: it barely moved any result; delete the line",
        "in Model v3 verwijderd: het veranderde vrijwel geen uitkomst; schrap de regel",
    ),
    (r"\(ready: ", "(kant-en-klaar: "),
    (r"\(available: ", "(beschikbaar: "),
    (r"\(allowed: ", "(toegestaan: "),
    (r"\(have: ", "(beschikbaar: "),
    (r"\bis not allowed\b", "is niet toegestaan"),
    (r"\bis not a number\b", "is geen getal"),
    (r"\bis out of range\b", "valt buiten het bereik"),
    (r"\bline (\d+)", r"regel \1"),
    (r"\bfield (\w+)", r"veld \1"),
    (r"\bcolumn (\d+)", r"kolom \1"),
    (r"\bdid you mean\b", "bedoel je"),
    (r"^replications = ", "herhalingen = "),
    (r"^weeks = ", "weken = "),
    (r"\bhours = ", "uren = "),
    (r"^seed = ", "seed = "),
    (
        r"^team size (\d+) is niet toegestaan \((\d+) to (\d+) members\)",
        r"teamgrootte \1 is niet toegestaan (\2 tot \3 personen)",
    ),
    (
        r"^checkpoints (.+) must be weeks from (\d+) to (\d+)",
        r"meetmomenten \1 moeten weken van \2 tot \3 zijn",
    ),
    (r"\bstrength = ", "sterkte = "),
    (r"\bcolumn '", "kolom '"),
    # a name quoted where no message above took the sentence (the reading rules of tabular.py)
    (r"\bname (?=')", "naam "),
)
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in DUTCH)

# Words that give an English sentence away (and are not Dutch words): the test's detector.
ENGLISH_WORDS: frozenset[str] = frozenset(
    [
        "the",
        "must",
        "allowed",
        "does",
        "not",
        "exist",
        "unknown",
        "missing",
        "expected",
        "cannot",
        "number",
        "whole",
        "folder",
        "should",
        "and",
        "with",
        "from",
        "than",
        "choose",
        "file",
        "needs",
        "give",
        "listed",
        "twice",
        "empty",
        "line",
        "field",
        "column",
        "have",
        "ready",
        "such",
        "invalid",
        "value",
        "input",
        "greater",
        "less",
        "equal",
        "option",
        "requires",
        "extra",
        "unexpected",
        "got",
        "appears",
        "also",
        "contradicts",
        "says",
        "survey",
        "custom",
        "like",
        "least",
        "one",
        "every",
        "rating",
        "members",
        "which",
        "what",
        "where",
        "there",
        "this",
        "that",
        "these",
        "those",
        "possible",
        "options",
    ]
)


def translate(message: str, lang: str) -> str:
    """`message` (as the library raised it, in English) in `lang`; English passes through."""
    if lang != "nl":
        return message
    for pattern, replacement in _COMPILED:
        message = pattern.sub(replacement, message)
    return message


def english_words(text: str) -> list[str]:
    """The English giveaway words in `text`, outside quotes and identifiers (option names,
    one-on-ones, lmx7_1, key=value, file names, numbers)."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", " ", text)
    words = []
    for token in text.split():
        token = token.strip(",;:()[]{}.!?")
        if re.search(r"[-_=@/\\.\d]", token):
            continue
        if token.lower() in ENGLISH_WORDS:
            words.append(token)
    return words
