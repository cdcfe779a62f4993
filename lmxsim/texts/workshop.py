"""Texts of the workshop page (the projector app), English and Dutch."""

from __future__ import annotations

WORKSHOP: dict[str, dict[str, str]] = {
    # --- page and navigation ---
    "app_title": {
        "en": "Leader and team: how relationships grow",
        "nl": "Leider en team: hoe relaties groeien",
    },
    "tab_workshop": {"en": "Workshop", "nl": "Workshop"},
    "tab_lab": {"en": "Strategy lab", "nl": "Strategielab"},
    "language": {"en": "Language", "nl": "Taal"},
    "page_title": {
        "en": "lmxsim workshop: leader and team relationships",
        "nl": "lmxsim workshop: relaties tussen leider en team",
    },
    "present": {"en": "Large text", "nl": "Grote letters"},
    "view_team": {"en": "Team", "nl": "Team"},
    "view_charts": {"en": "All charts", "nl": "Alle grafieken"},
    "view_info": {"en": "Info", "nl": "Info"},
    "tab_scenario": {"en": "Scenario", "nl": "Scenario"},
    "tab_intervene": {"en": "Intervene", "nl": "Ingrijpen"},
    "tab_settings": {"en": "Settings", "nl": "Instellingen"},
    "oops": {
        "en": "Something went wrong while drawing the page. Your settings are kept: "
        "start the team again to go on.",
        "nl": "Er ging iets mis bij het tekenen van de pagina. Je instellingen blijven: "
        "begin het team opnieuw om verder te gaan.",
    },
    # --- controls ---
    "week": {"en": "Week {week}", "nl": "Week {week}"},
    "step": {"en": "Step one week", "nl": "Eén week verder"},
    "play": {"en": "Play", "nl": "Afspelen"},
    "pause": {"en": "Pause", "nl": "Pauzeren"},
    "reset": {"en": "Start again", "nl": "Opnieuw beginnen"},
    "of_weeks": {"en": "of {weeks}", "nl": "van {weeks}"},
    "speed": {"en": "Speed (weeks per second)", "nl": "Snelheid (weken per seconde)"},
    "speed_low": {"en": "slow", "nl": "langzaam"},
    "speed_high": {"en": "fast", "nl": "snel"},
    "speed_help": {
        "en": "How many weeks Play shows per second.",
        "nl": "Hoeveel weken Afspelen per seconde laat zien.",
    },
    "end_reached": {
        "en": "Week {week} is the last week of this scenario: Play stops here. "
        "Press 'Start again' to replay.",
        "nl": "Week {week} is de laatste week van dit scenario: Afspelen stopt hier. "
        "Druk op 'Opnieuw beginnen'.",
    },
    "scenario": {"en": "Scenario", "nl": "Scenario"},
    "story": {"en": "Read aloud", "nl": "Voorlezen"},
    "settings_note": {
        "en": "Changing a setting starts the team again at week 0.",
        "nl": "Een instelling wijzigen laat het team opnieuw beginnen bij week 0.",
    },
    "initial_confidence": {"en": "First impression sticks", "nl": "Eerste indruk blijft hangen"},
    "initial_confidence_low": {"en": "forgets quickly", "nl": "vergeet snel"},
    "initial_confidence_high": {"en": "keeps the first impression", "nl": "houdt de eerste indruk vast"},
    "initial_confidence_help": {
        "en": "How firmly the leader holds on to the first impression.",
        "nl": "Hoe stevig de leider vasthoudt aan de eerste indruk.",
    },
    "first_impression_noise": {"en": "First impressions miss by", "nl": "Eerste indruk zit ernaast met"},
    "first_impression_noise_low": {"en": "spot on", "nl": "precies raak"},
    "first_impression_noise_high": {"en": "far off", "nl": "ver ernaast"},
    "first_impression_noise_help": {
        "en": "How far a first impression may miss real ability (for drawn team members).",
        "nl": "Hoe ver een eerste indruk naast het echte kunnen mag zitten (bij gelote teamleden).",
    },
    "confirmation_bias": {"en": "Sees what they expect", "nl": "Ziet wat ze verwacht"},
    "confirmation_bias_low": {"en": "weighs all evidence", "nl": "weegt al het bewijs"},
    "confirmation_bias_high": {"en": "overlooks what does not fit", "nl": "mist wat niet past"},
    "confirmation_bias_help": {
        "en": "Share of the evidence against the impression that the leader overlooks.",
        "nl": "Deel van het bewijs tegen het beeld dat de leider over het hoofd ziet.",
    },
    "attention_budget": {"en": "Time for the team", "nl": "Tijd voor het team"},
    "attention_budget_low": {"en": "talks to a few", "nl": "spreekt enkelen"},
    "attention_budget_high": {"en": "talks to everyone", "nl": "spreekt iedereen"},
    "attention_budget_help": {
        "en": "Share of the team the leader really talks to in a week.",
        "nl": "Deel van het team dat de leider in een week echt spreekt.",
    },
    "team_size": {"en": "Team size", "nl": "Teamgrootte"},
    "team_size_low": {"en": "{n} people", "nl": "{n} mensen"},
    "team_size_high": {"en": "{n} people", "nl": "{n} mensen"},
    "team_size_help": {
        "en": "Fewer: the last members leave. More: new members are drawn.",
        "nl": "Minder: de laatste leden vertrekken. Meer: er worden nieuwe leden geloot.",
    },
    "team_file": {
        "en": "Your own team (CSV, Excel or TOML file)",
        "nl": "Je eigen team (CSV-, Excel- of TOML-bestand)",
    },
    "team_file_drop": {
        "en": "Drop a team file (.csv, .xlsx or .toml) here",
        "nl": "Sleep een teambestand (.csv, .xlsx of .toml) hierheen",
    },
    "team_file_loaded": {"en": "Loaded {file}.", "nl": "{file} geladen."},
    "bad_file": {"en": "Could not use {file}: {error}", "nl": "Kon {file} niet gebruiken: {error}"},
    "bad_setting": {
        "en": "The model cannot run with these settings: {error}. The previous team keeps running.",
        "nl": "Met deze instellingen kan het model niet draaien: {error}. Het vorige team loopt door.",
    },
    # --- interventions ---
    "who": {"en": "For whom", "nl": "Voor wie"},
    "what": {"en": "What", "nl": "Wat"},
    "apply": {"en": "Apply from next week", "nl": "Toepassen vanaf volgende week"},
    "applied": {
        "en": "{title} for {target}: starts in week {start}.",
        "nl": "{title} voor {target}: vanaf week {start}.",
    },
    "bad_intervention": {"en": "Could not apply this: {error}", "nl": "Dit lukt niet: {error}"},
    "click_hint": {
        "en": "Click a person in the drawing to choose them.",
        "nl": "Klik op een persoon in de tekening om die te kiezen.",
    },
    "planned": {"en": "Interventions", "nl": "Interventies"},
    "none_yet": {"en": "None yet.", "nl": "Nog geen."},
    "twin": {
        "en": "Show the same team without interventions (same luck)",
        "nl": "Toon hetzelfde team zonder interventies (zelfde toeval)",
    },
    "with_interventions": {"en": "With the interventions", "nl": "Met de interventies"},
    "without_interventions": {"en": "Without interventions", "nl": "Zonder interventies"},
    "twin_dashed": {
        "en": "dashed: the same team without interventions",
        "nl": "gestippeld: hetzelfde team zonder interventies",
    },
    # --- targets ---
    "target_in-group": {"en": "the in-group", "nl": "de in-groep"},
    "target_middle": {"en": "the middle group", "nl": "de middengroep"},
    "target_out-group": {"en": "the out-group", "nl": "de out-groep"},
    "target_team": {"en": "the whole team", "nl": "het hele team"},
    # --- drawing ---
    "drawing": {"en": "Draw your team", "nl": "Teken je team"},
    "leader": {"en": "Leader", "nl": "Leider"},
    "group_in": {"en": "in-group", "nl": "in-groep"},
    "group_middle": {"en": "middle", "nl": "midden"},
    "group_out": {"en": "out-group", "nl": "out-groep"},
    "phase_stranger": {"en": "strangers", "nl": "vreemden"},
    "phase_acquaintance": {"en": "acquaintances", "nl": "kennissen"},
    "phase_mature": {"en": "partners", "nl": "partners"},
    "legend_distance": {
        "en": "closer = better relationship with the leader",
        "nl": "dichterbij = betere relatie met de leider",
    },
    "relationship_distant": {"en": "distant", "nl": "afstandelijk"},
    "relationship_working": {"en": "working", "nl": "werkbaar"},
    "relationship_close": {"en": "close", "nl": "hecht"},
    "member_tip": {
        "en": "{name}: relationship {word} ({score} of 1), {group}, {phase}, performance {performance}",
        "nl": "{name}: relatie {word} ({score} van 1), {group}, {phase}, prestatie {performance}",
    },
    "legend_size": {
        "en": "size = performance, mean of 4 weeks",
        "nl": "grootte = prestatie, gemiddelde van 4 weken",
    },
    "legend_phase": {
        "en": "ring: dashed = strangers, thin = acquaintances, thick = partners",
        "nl": "rand: gestippeld = vreemden, dun = kennissen, dik = partners",
    },
    "legend_chosen": {
        "en": "yellow ring = the person you follow",
        "nl": "gele ring = de persoon die je volgt",
    },
    # --- charts ---
    "charts_members": {"en": "Each team member", "nl": "Elk teamlid"},
    "charts_team": {"en": "The team", "nl": "Het team"},
    "chart_trust": {"en": "Trust in the leader", "nl": "Vertrouwen in de leider"},
    "chart_autonomy": {"en": "Autonomy", "nl": "Autonomie"},
    "chart_performance": {"en": "Performance", "nl": "Prestatie"},
    "chart_team_performance": {"en": "Mean performance", "nl": "Gemiddelde prestatie"},
    "chart_differentiation": {
        "en": "How unequal the relationships are",
        "nl": "Hoe ongelijk de relaties zijn",
    },
    "chart_person": {"en": "{name} over the weeks", "nl": "{name} door de weken"},
    "axis_share": {"en": "0 = none, 1 = full", "nl": "0 = geen, 1 = volledig"},
    "axis_spread": {"en": "spread (0 = all equal)", "nl": "spreiding (0 = allen gelijk)"},
    "axis_count": {"en": "problems per week", "nl": "problemen per week"},
    "smoothed": {"en": "4-week average", "nl": "gemiddelde over 4 weken"},
    "chart_problems": {"en": "Problems", "nl": "Problemen"},
    "reported": {"en": "reported", "nl": "gemeld"},
    "hidden": {"en": "hidden", "nl": "verzwegen"},
    "axis_week": {"en": "week", "nl": "week"},
    "show_fires": {"en": "Show fires", "nl": "Toon branden"},
    # --- narration ---
    "narration": {"en": "What happened", "nl": "Wat er gebeurde"},
    "nothing_yet": {
        "en": "Press 'Step one week' or 'Play' to start.",
        "nl": "Druk op 'Eén week verder' of 'Afspelen' om te beginnen.",
    },
    "log_line": {"en": "week {week}: {text}", "nl": "week {week}: {text}"},
    "ev_in": {"en": "{name} joins the in-group", "nl": "{name} komt in de in-groep"},
    "ev_out": {"en": "{name} enters the out-group", "nl": "{name} belandt in de out-groep"},
    "ev_up_from_out": {"en": "{name} climbs out of the out-group", "nl": "{name} klimt uit de out-groep"},
    "ev_down_from_in": {"en": "{name} drops out of the in-group", "nl": "{name} valt uit de in-groep"},
    "ev_acquaintance": {"en": "{name} gets to know the leader", "nl": "{name} leert de leider kennen"},
    "ev_mature": {
        "en": "{name} and the leader become partners",
        "nl": "{name} en de leider worden partners",
    },
    "ev_start_over": {
        "en": "{name} and the leader start over",
        "nl": "{name} en de leider beginnen opnieuw",
    },
    "ev_silent": {"en": "{name} stops reporting problems", "nl": "{name} meldt geen problemen meer"},
    "ev_speaks": {"en": "{name} reports problems again", "nl": "{name} meldt weer problemen"},
    "ev_fire": {
        "en": "fire: a hidden problem flares up ({name})",
        "nl": "brand: een verzwegen probleem laait op ({name})",
    },
    "ev_fires": {"en": "{count} fires this week: {name}", "nl": "{count} branden deze week: {name}"},
    "ev_intervention": {"en": "{title} starts for {target}", "nl": "{title} voor {target} gaat van start"},
    "ev_in_many": {"en": "{names} join the in-group", "nl": "{names} komen in de in-groep"},
    "ev_out_many": {"en": "{names} enter the out-group", "nl": "{names} belanden in de out-groep"},
    "ev_up_from_out_many": {
        "en": "{names} climb out of the out-group",
        "nl": "{names} klimmen uit de out-groep",
    },
    "ev_down_from_in_many": {
        "en": "{names} drop out of the in-group",
        "nl": "{names} vallen uit de in-groep",
    },
    "ev_acquaintance_many": {
        "en": "{names} get to know the leader",
        "nl": "{names} leren de leider kennen",
    },
    "ev_mature_many": {
        "en": "{count} become partners of the leader: {names}",
        "nl": "{count} worden partners van de leider: {names}",
    },
    "ev_start_over_many": {
        "en": "{count} start over with the leader: {names}",
        "nl": "{count} beginnen opnieuw met de leider: {names}",
    },
    "ev_silent_many": {
        "en": "{count} stop reporting problems: {names}",
        "nl": "{count} melden geen problemen meer: {names}",
    },
    "ev_speaks_many": {
        "en": "{count} report problems again: {names}",
        "nl": "{count} melden weer problemen: {names}",
    },
    "ev_claim_held": {"en": "as the story said: {claim}", "nl": "zoals het verhaal zei: {claim}"},
    "ev_claim_missed": {
        "en": "the story said {claim}, but not in this run",
        "nl": "het verhaal zei: {claim}, maar niet in deze run",
    },
    "claim_in": {"en": "{name} is in the in-group", "nl": "{name} zit in de in-groep"},
    "claim_out": {"en": "{name} is in the out-group", "nl": "{name} zit in de out-groep"},
    "claim_spread": {
        "en": "the relationships grow more unequal",
        "nl": "de relaties worden ongelijker",
    },
    "claim_ahead": {
        "en": "{names} end closer to the leader than {other}",
        "nl": "{names} eindigen dichter bij de leider dan {other}",
    },
    "claim_gap": {
        "en": "{names} end clearly closer to the leader than {other} (more than {value} apart)",
        "nl": "{names} eindigen duidelijk dichter bij de leider dan {other} (meer dan {value} verschil)",
    },
    "claim_safety": {
        "en": "the team's safety stays below {other}",
        "nl": "de veiligheid in het team blijft onder {other}",
    },
    "claim_fires": {
        "en": "at least {n} fires ({seen} so far)",
        "nl": "minstens {n} branden (tot nu toe {seen})",
    },
    "log_week": {"en": "week {week}:", "nl": "week {week}:"},
    "log_history": {"en": "Everything, week by week", "nl": "Alles, week na week"},
}
