"""Texts of the room (`lmxsim app --room`): participants' page and the facilitator's page.

Keys are used as `room.<key>`. Dutch follows the vocabulary in texts/__init__.py.
"""

from __future__ import annotations

ROOM: dict[str, dict[str, str]] = {
    # participants
    "your_name": {"en": "Table name or nickname", "nl": "Tafelnaam of bijnaam"},
    "participant_note": {
        "en": "You play your own team; the trainer sees only a summary (your table name, the week you "
        "reached, what you tried and how it turned out). Please use no personal data in the name.",
        "nl": "Je speelt je eigen team; de trainer ziet alleen een samenvatting (je tafelnaam, de week "
        "die je bereikte, wat je probeerde en hoe dat uitpakte). Gebruik geen persoonsgegevens in de naam.",
    },
    "exercise_changed": {
        "en": "The trainer has set a new exercise. What you did so far stays in the room's results.",
        "nl": "De trainer heeft een nieuwe oefening klaargezet. Wat je tot nu toe deed, blijft in de "
        "resultaten van de zaal.",
    },
    "take_new": {"en": "Start the new exercise", "nl": "Begin aan de nieuwe oefening"},
    "full_title": {"en": "The room is full", "nl": "De zaal is vol"},
    "full": {
        "en": "This workshop takes {cap} participants at a time, and all places are taken. Ask the trainer, "
        "or join a colleague's screen.",
        "nl": "Deze workshop neemt {cap} deelnemers tegelijk, en alle plaatsen zijn bezet. Vraag het de "
        "trainer, of kijk mee op het scherm van een collega.",
    },
    # the facilitator's page
    "facilitator_title": {"en": "The room (facilitator)", "nl": "De zaal (trainer)"},
    "refused_title": {"en": "This page is for the trainer", "nl": "Deze pagina is voor de trainer"},
    "refused": {
        "en": "The room's overview needs the key the trainer got when starting the app "
        "(the address ends in /room?key=...). Participants: open the address without /room.",
        "nl": "Het overzicht van de zaal vraagt de sleutel die de trainer kreeg bij het starten van de app "
        "(het adres eindigt op /room?key=...). Deelnemers: open het adres zonder /room.",
    },
    "tab_overview": {"en": "Overview", "nl": "Overzicht"},
    "tab_exercise": {"en": "Exercise", "nl": "Oefening"},
    "tab_demo": {"en": "A preset on the projector", "nl": "Voorbeeld op het scherm"},
    "tab_debrief": {"en": "Debrief", "nl": "Nabespreking"},
    "debrief_note": {
        "en": "Each participant's latest run of this exercise at the week reached: how unequal the "
        "relationships are and how many fires burned, their own team (solid) against their twin (outlined).",
        "nl": "De laatste run van elke deelnemer in deze oefening, in de bereikte week: hoe ongelijk de "
        "relaties zijn en hoeveel branden er waren, het eigen team (vol) tegenover de tweeling (omlijnd).",
    },
    "debrief_empty": {
        "en": "No participant has played this exercise yet.",
        "nl": "Nog geen deelnemer heeft deze oefening gespeeld.",
    },
    "debrief_own": {"en": "own team", "nl": "eigen team"},
    "debrief_twin": {"en": "twin (no interventions)", "nl": "tweeling (geen interventies)"},
    "debrief_nothing": {"en": "tried nothing", "nl": "probeerde niets"},
    "will_send": {
        "en": "Give sends: {title}, {weeks} weeks, interventions: {interventions}, from week {from_week}, "
        "language {language}.",
        "nl": "Geven stuurt: {title}, {weeks} weken, interventies: {interventions}, vanaf week "
        "{from_week}, taal {language}.",
    },
    "all_interventions": {"en": "all", "nl": "alle"},
    "your_story": {"en": "Your exercise", "nl": "Je oefening"},
    "exercise_now": {
        "en": "Exercise {version}: what participants get",
        "nl": "Oefening {version}: wat deelnemers krijgen",
    },
    "team_file_optional": {
        "en": "Optionally a team file instead of the preset's team (CSV or TOML, see docs/team-files.md):",
        "nl": "Eventueel een teambestand in plaats van het team van de oefening (CSV of TOML, zie "
        "docs/team-files.md):",
    },
    "team_file_chosen": {"en": "Team file: {file}", "nl": "Teambestand: {file}"},
    "team_file_clear": {"en": "Use the preset's team", "nl": "Team van de oefening gebruiken"},
    "weeks": {"en": "Weeks", "nl": "Weken"},
    "allowed": {
        "en": "Interventions participants may try",
        "nl": "Interventies die deelnemers mogen proberen",
    },
    "from_week": {"en": "Interventions allowed from week", "nl": "Interventies toegestaan vanaf week"},
    "set_exercise": {"en": "Give this exercise to the room", "nl": "Geef deze oefening aan de zaal"},
    "exercise_set": {
        "en": "Exercise {version} is set: participants who open the app get it; those already playing "
        "are told.",
        "nl": "Oefening {version} staat klaar: wie de app opent, krijgt ze; wie al speelt, krijgt een "
        "melding.",
    },
    "bad_exercise": {"en": "This exercise cannot be used: {error}", "nl": "Deze oefening kan niet: {error}"},
    "connected": {"en": "{n} of {cap} connected", "nl": "{n} van {cap} verbonden"},
    "progress": {
        "en": "{done} of {n} reached the last week",
        "nl": "{done} van {n} bereikten de laatste week",
    },
    "updated": {"en": "updated {time}", "nl": "bijgewerkt {time}"},
    "table_note": {
        "en": "Each value: the participant's team at the week reached, and in brackets the difference with "
        "their twin (the same team without interventions). {name} is the member the twin leaves furthest "
        "out.",
        "nl": "Elke waarde: het team van de deelnemer in de bereikte week, en tussen haakjes het "
        "verschil met de tweeling (hetzelfde team zonder interventies). {name} is het teamlid dat de "
        "tweeling het verst buiten zet.",
    },
    "col_participant": {"en": "Participant", "nl": "Deelnemer"},
    "col_week": {"en": "Week", "nl": "Week"},
    "col_tried": {"en": "Tried (when: what → who)", "nl": "Geprobeerd (wanneer: wat → wie)"},
    "col_relationship": {"en": "Relationship of {name} (LMX-7)", "nl": "Relatie van {name} (LMX-7)"},
    "col_performance": {"en": "Performance", "nl": "Prestatie"},
    "col_spread": {"en": "Spread in the team", "nl": "Spreiding in het team"},
    "col_fires": {"en": "Fires", "nl": "Branden"},
    "show_hint": {"en": "On the projector:", "nl": "Op het scherm:"},
    "earlier_exercise": {"en": "earlier exercise", "nl": "vorige oefening"},
    "summary": {
        "en": "The room: what helped the out-group member most (finished runs of this exercise)",
        "nl": "De zaal: wat hielp het lid van de out-groep het meest (afgewerkte runs van deze oefening)",
    },
    "summary_empty": {
        "en": "No one has reached the last week of this exercise yet.",
        "nl": "Nog niemand bereikte de laatste week van deze oefening.",
    },
    "col_plan": {"en": "What was tried", "nl": "Wat werd geprobeerd"},
    "col_runs": {"en": "Runs", "nl": "Runs"},
    "col_started": {"en": "Started", "nl": "Gestart"},
    "started": {
        "en": "week {median} (weeks {low}–{high})",
        "nl": "week {median} (weken {low}–{high})",
    },
    "col_effect": {"en": "Relationship vs twin (median)", "nl": "Relatie t.o.v. tweeling (mediaan)"},
    "col_range": {"en": "Lowest … highest", "nl": "Laagste … hoogste"},
    "no_intervention": {"en": "no intervention", "nl": "geen interventie"},
    "figure_title": {
        "en": "Finished runs ({n}): each dot a run, the bar the median",
        "nl": "Afgewerkte runs ({n}): elke stip een run, het streepje de mediaan",
    },
    "figure_x": {
        "en": "Relationship of {name} at the last week, minus the twin (LMX-7 points)",
        "nl": "Relatie van {name} in de laatste week, min de tweeling (LMX-7-punten)",
    },
    "export_csv": {
        "en": "Download the room's results (CSV)",
        "nl": "Resultaten van de zaal downloaden (CSV)",
    },
    "export_figure": {
        "en": "Download the summary figure (PNG)",
        "nl": "Samenvattende figuur downloaden (PNG)",
    },
    "back": {"en": "Back to the room", "nl": "Terug naar de zaal"},
    "showing": {"en": "{name}'s team", "nl": "Het team van {name}"},
    "cannot_show": {
        "en": "This participant has not played the current exercise yet.",
        "nl": "Deze deelnemer speelde de huidige oefening nog niet.",
    },
    # the results download's columns (room-results-*.csv), in the trainer's language
    "csv_participant": {"en": "participant", "nl": "deelnemer"},
    "csv_seat": {"en": "seat", "nl": "plaats"},
    "csv_connected": {"en": "connected", "nl": "verbonden"},
    "csv_exercise": {"en": "exercise", "nl": "oefening"},
    "csv_run": {"en": "run", "nl": "ronde"},
    "csv_week": {"en": "week", "nl": "week"},
    "csv_last_week": {"en": "last_week", "nl": "laatste_week"},
    "csv_finished": {"en": "finished", "nl": "afgerond"},
    "csv_plan": {"en": "plan", "nl": "plan"},
    "csv_interventions": {"en": "interventions", "nl": "interventies"},
    "csv_first_start": {"en": "first_start", "nl": "eerste_start"},
    "csv_focus": {"en": "focus", "nl": "focus"},
    "csv_relationship": {"en": "relationship", "nl": "relatie"},
    "csv_performance": {"en": "performance", "nl": "prestatie"},
    "csv_spread": {"en": "spread", "nl": "spreiding"},
    "csv_fires": {"en": "fires", "nl": "branden"},
    "csv_own": {"en": "own", "nl": "eigen"},
    "csv_twin": {"en": "twin", "nl": "tweeling"},
    "csv_difference": {"en": "difference", "nl": "verschil"},
}
