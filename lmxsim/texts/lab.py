"""Texts of the strategy lab (app tab), English and Dutch. Keys are used as `lab.<key>`."""

from __future__ import annotations

LAB: dict[str, dict[str, str]] = {
    "title": {"en": "Strategy lab", "nl": "Strategielab"},
    "intro": {
        "en": "Describe your own team, choose strategies, and compare them over many simulated years "
        "on the same luck. The model is a thinking aid, not a forecast.",
        "nl": "Beschrijf je eigen team, kies strategieën en vergelijk ze over veel gesimuleerde jaren "
        "met hetzelfde toeval. Het model is een denkhulp, geen voorspelling.",
    },
    "team": {"en": "1. Your team", "nl": "1. Jouw team"},
    "team_help": {
        "en": "Closeness: how close each person stands to you now (0 far, 1 very close); drag a circle "
        "nearer or farther, or use the slider. Ability: how able you believe them to be (0.6 is an "
        "average colleague).",
        "nl": "Nabijheid: hoe dicht iemand nu bij jou staat (0 ver weg, 1 heel dichtbij); sleep een cirkel "
        "dichterbij of verder weg, of gebruik de schuif. Bekwaamheid: hoe bekwaam je iemand vindt (0,6 is "
        "een gemiddelde collega).",
    },
    "name": {"en": "Name", "nl": "Naam"},
    "closeness": {"en": "Closeness", "nl": "Nabijheid"},
    "ability": {"en": "Ability", "nl": "Bekwaamheid"},
    "remove": {"en": "Remove", "nl": "Verwijder"},
    "add_person": {"en": "Add person", "nl": "Persoon toevoegen"},
    "example_team": {"en": "Load example team", "nl": "Voorbeeldteam laden"},
    "drop": {
        "en": "Drop a team file here, or click to choose one (.csv, .xlsx or .toml, see docs/team-files.md)",
        "nl": "Sleep hier een teambestand heen, of klik om er een te kiezen (.csv, .xlsx of .toml, zie "
        "docs/team-files.md)",
    },
    "paste": {"en": "... or paste a team as CSV", "nl": "... of plak een team als CSV"},
    "paste_load": {"en": "Use pasted team", "nl": "Geplakt team gebruiken"},
    "save_csv": {"en": "Save team (CSV)", "nl": "Team bewaren (CSV)"},
    "save_toml": {"en": "Save team (TOML)", "nl": "Team bewaren (TOML)"},
    "loaded": {"en": "Loaded {n} people from {file}.", "nl": "{n} personen geladen uit {file}."},
    "kept": {
        "en": "The team you were editing is unchanged.",
        "nl": "Het team waaraan je werkte is ongewijzigd.",
    },
    "too_many": {"en": "A team has at most {n} people.", "nl": "Een team heeft hoogstens {n} personen."},
    "at_least_one": {
        "en": "A team needs at least one person.",
        "nl": "Een team heeft minstens één persoon nodig.",
    },
    "strategies": {"en": "2. Strategies", "nl": "2. Strategieën"},
    "baseline_note": {
        "en": "Doing nothing is always included: every strategy is compared with it.",
        "nl": "Niets doen zit er altijd bij: elke strategie wordt ermee vergeleken.",
    },
    "custom": {"en": "Your own strategy", "nl": "Je eigen strategie"},
    "intervention": {"en": "Intervention", "nl": "Interventie"},
    "target": {"en": "With whom", "nl": "Met wie"},
    "start": {"en": "From week", "nl": "Vanaf week"},
    "every": {"en": "Every ... weeks (0: its own rhythm)", "nl": "Elke ... weken (0: eigen ritme)"},
    "add_step": {"en": "Add this step", "nl": "Deze stap toevoegen"},
    "strategy_name": {"en": "Name of your strategy", "nl": "Naam van je strategie"},
    "add_strategy": {"en": "Add strategy", "nl": "Strategie toevoegen"},
    "clear_steps": {"en": "Clear steps", "nl": "Stappen wissen"},
    "no_steps": {"en": "No steps yet.", "nl": "Nog geen stappen."},
    "run_title": {"en": "3. Run", "nl": "3. Doorrekenen"},
    "replications": {"en": "Replications (simulated years)", "nl": "Herhalingen (gesimuleerde jaren)"},
    "weeks": {"en": "Weeks", "nl": "Weken"},
    "seed": {"en": "Seed", "nl": "Startgetal (seed)"},
    "run": {"en": "Compare strategies", "nl": "Strategieën vergelijken"},
    "running": {"en": "Simulating ...", "nl": "Bezig met simuleren ..."},
    "work_cap": {
        "en": "One run may ask for at most {cap} person-weeks (people x weeks x replications x strategies); "
        "this one asks for {work}.",
        "nl": "Eén run mag hoogstens {cap} persoon-weken vragen (personen x weken x herhalingen x "
        "strategieën); deze vraagt {work}.",
    },
    "too_much": {
        "en": "Too much for one run here: use fewer replications or weeks, or the command line "
        "(lmxsim strategies).",
        "nl": "Te veel voor één run hier: neem minder herhalingen of weken, of gebruik de opdrachtregel "
        "(lmxsim strategies).",
    },
    "choose_one": {"en": "Choose at least one strategy.", "nl": "Kies minstens één strategie."},
    "results": {"en": "4. Results", "nl": "4. Resultaten"},
    "ran": {
        "en": "{s} strategies x {r} replications x {w} weeks, {n} people, seed {seed}: {sec} s.",
        "nl": "{s} strategieën x {r} herhalingen x {w} weken, {n} personen, seed {seed}: {sec} s.",
    },
    "stale": {
        "en": "The team or the strategies changed after this run; run again to update.",
        "nl": "Het team of de strategieën zijn na deze run gewijzigd; reken opnieuw door.",
    },
    "outcomes": {"en": "Team outcomes", "nl": "Teamuitkomsten"},
    "outcomes_help": {
        "en": "Mean [95% CI of the mean]; below, where 95% of the simulated years fall.",
        "nl": "Gemiddelde [95%-BI van het gemiddelde]; daaronder waar 95% van de gesimuleerde jaren vallen.",
    },
    "people": {"en": "Who gains, who loses", "nl": "Wie wint, wie verliest"},
    "people_help": {
        "en": "Change in expected performance at week {w} compared with doing nothing [95% CI].",
        "nl": "Verandering in verwachte prestatie in week {w} vergeleken met niets doen [95%-BI].",
    },
    "conclusions": {"en": "Conclusions", "nl": "Conclusies"},
    "export": {"en": "Export", "nl": "Exporteren"},
    "strategy": {"en": "Strategy", "nl": "Strategie"},
    "person": {"en": "Person", "nl": "Persoon"},
    "week": {"en": "week", "nl": "week"},
    "failed": {
        "en": "The comparison could not run: {error}",
        "nl": "De vergelijking kon niet draaien: {error}",
    },
    "drawing": {
        "en": "Your team: nearer the centre = closer to you",
        "nl": "Jouw team: dichter bij het midden = dichter bij jou",
    },
    "target_team": {"en": "the whole team", "nl": "het hele team"},
    "target_in-group": {"en": "the in-group", "nl": "de in-groep"},
    "target_middle": {"en": "the middle", "nl": "het midden"},
    "target_out-group": {"en": "the out-group", "nl": "de out-groep"},
    "no_intervention": {"en": "no intervention", "nl": "geen interventie"},
    "from_week": {"en": "from week {w}", "nl": "vanaf week {w}"},
    "every_weeks": {"en": "every {k} wk", "nl": "elke {k} wk"},
    "weekly": {"en": "weekly", "nl": "wekelijks"},
    "for_weeks": {"en": "{n} weeks", "nl": "{n} weken"},
    "hours_field": {"en": "{kind}: hours per person", "nl": "{kind}: uur per persoon"},
    "exists": {"en": "{name!r}: already exists", "nl": "{name!r}: bestaat al"},
    "too_few": {
        "en": "At least {min} replications (simulated years) are needed for a fair comparison; "
        "fewer give intervals too rough to tell strategies apart.",
        "nl": "Minstens {min} herhalingen (gesimuleerde jaren) zijn nodig voor een eerlijke vergelijking; "
        "met minder zijn de intervallen te ruw om strategieën te onderscheiden.",
    },
    "legend": {"en": "Colours:", "nl": "Kleuren:"},
    "not_a_number": {
        "en": "{field}: {value!r} is not a number (write e.g. {example})",
        "nl": "{field}: {value!r} is geen getal (schrijf bv. {example})",
    },
    "not_negative": {
        "en": "{field}: {value!r} is below 0 (0 or more)",
        "nl": "{field}: {value!r} is kleiner dan 0 (0 of meer)",
    },
    "budget": {
        "en": "Your time budget (hours per week, 0: none)",
        "nl": "Je tijdsbudget (uur per week, 0: geen)",
    },
    "hours_title": {
        "en": "Leader hours per person in each week it acts (an assumption: change it to yours)",
        "nl": "Uren van de leider per persoon per week dat het loopt (een aanname: vul je eigen in)",
    },
    "robustness_check": {
        "en": "Also check robustness (interventions at 50% and 150% strength; three times the work)",
        "nl": "Ook de robuustheid toetsen (interventies op 50% en 150% sterkte; drie keer het werk)",
    },
    "download_report": {"en": "Download report", "nl": "Rapport downloaden"},
    "download_plan": {"en": "Download Monday plan", "nl": "Maandagplan downloaden"},
    # the names of the lab's downloads, in the reader's language (the same files as `--out`)
    "file_team_csv": {"en": "team.csv", "nl": "teambestand.csv"},
    "file_team_toml": {"en": "team.toml", "nl": "teambestand.toml"},
    "file_plan": {"en": "monday-plan.html", "nl": "maandagplan.html"},
    "file_report": {"en": "report.html", "nl": "rapport.html"},
    "file_summary": {"en": "summary.csv", "nl": "samenvatting.csv"},
    "file_member_gains": {"en": "member_gains.csv", "nl": "winst_per_persoon.csv"},
    "file_replications": {"en": "replications.csv", "nl": "herhalingen.csv"},
    "file_outcomes_png": {"en": "outcomes.png", "nl": "uitkomsten.png"},
    "file_member_gains_png": {"en": "member_gains.png", "nl": "winst_per_persoon.png"},
    "file_conclusions": {"en": "conclusions_en.txt", "nl": "conclusies_nl.txt"},
    "effort": {"en": "Leader time and gain per hour", "nl": "Tijd van de leider en winst per uur"},
    "ready_nothing": {"en": "Doing nothing", "nl": "Niets doen"},
    "ready_one-on-ones-out-group": {
        "en": "Weekly one-on-ones with the out-group",
        "nl": "Wekelijkse één-op-ééns met de out-groep",
    },
    "ready_reopen-role-taking": {
        "en": "Re-open role-taking with everyone",
        "nl": "Rollen opnieuw verkennen met het hele team",
    },
    "ready_reflection-every-4": {
        "en": "Reflection rhythm every 4 weeks",
        "nl": "Reflectieritme elke 4 weken",
    },
    "ready_equal-latitude": {
        "en": "Equal latitude for everyone",
        "nl": "Gelijke beslisruimte voor het hele team",
    },
    "ready_team-map-one-on-ones": {
        "en": "Team map plus one-on-ones with the out-group",
        "nl": "Teamkaart plus één-op-ééns met de out-groep",
    },
    "person_n": {"en": "Person {n}", "nl": "Persoon {n}"},
    # a fit of this team (lmxsim fit; lmxsim/app/lab_fit.py)
    "fit_title": {"en": "Optional: a fit of this team", "nl": "Optioneel: een fit van dit team"},
    "fit_help": {
        "en": "If you fitted the model to your team's LMX-7 survey (lmxsim fit), load the fit here: open "
        "its folder, select fit.json and draws.csv together and drop both, or drop a .zip of the whole "
        "folder. Keep the team above as the fit's team file (same names).",
        "nl": "Heb je het model gefit op de LMX-7-vragenlijsten van je team (lmxsim fit), laad de fit dan "
        "hier: open de map, selecteer fit.json en draws.csv samen en sleep ze allebei hierheen, of sleep "
        "een .zip van de hele map. Houd het team hierboven gelijk aan het teambestand van de fit "
        "(dezelfde namen).",
    },
    "fit_drop": {
        "en": "Drop fit.json and draws.csv together, or a .zip of the fit folder; or click and choose them",
        "nl": "Sleep fit.json en draws.csv samen hierheen, of een .zip van de fitmap; of klik en kies ze",
    },
    "fit_loaded": {
        "en": "Fit loaded ({source}: {n} people; fitted {fitted}). The comparison now runs over {d} "
        "posterior draws of this fit, so its intervals include what the survey leaves uncertain about "
        "this team, not only the simulation's luck. Each draw sets the fitted settings and each "
        "person's first impression; relationships start where the survey ended (week {week}).",
        "nl": "Fit geladen ({source}: {n} personen; gefit: {fitted}). De vergelijking loopt nu over {d} "
        "trekkingen uit de posterior van deze fit, dus de intervallen bevatten ook wat de vragenlijst "
        "over dit team onzeker laat, niet alleen het toeval van de simulatie. Elke trekking zet de "
        "gefitte instellingen en de eerste indruk van elke persoon; de relaties beginnen waar de "
        "vragenlijst eindigde (week {week}).",
    },
    "fit_mismatch": {
        "en": "This fit was made for {fitted}, but the team here is {here}. Load the fit's team file "
        "({team}) above, or forget the fit.",
        "nl": "Deze fit is gemaakt voor {fitted}, maar het team hier is {here}. Laad hierboven het "
        "teambestand van de fit ({team}), of vergeet de fit.",
    },
    "fit_bad": {
        "en": "Could not load the fit: {error}. Nothing changed.",
        "nl": "De fit kon niet geladen worden: {error}. Er is niets veranderd.",
    },
    "fit_forget": {"en": "Forget the fit", "nl": "Fit vergeten"},
    # fitting the team here (lmxsim/app/lab_fit_run.py)
    "fitrun_title": {"en": "Or fit the team here", "nl": "Of fit het team hier"},
    "fitrun_help": {
        "en": "Drop your team's LMX-7 survey (the file that lmxsim fit --survey reads: .csv or .xlsx, "
        "one row per person and wave) and press Fit. The model learns which settings explain the "
        "answers, in about a minute for a team of nine and three waves; Stop ends it. Then every "
        "comparison runs over what the fit learned. The survey stays on this machine.",
        "nl": "Sleep de LMX-7-vragenlijst van je team hierheen (het bestand dat lmxsim fit --survey "
        "leest: .csv of .xlsx, een rij per persoon en meting) en druk op Fitten. Het model leert welke "
        "instellingen de antwoorden verklaren, in ongeveer een minuut voor een team van negen en drie "
        "metingen; Stoppen breekt af. Daarna loopt elke vergelijking over wat de fit leerde. De "
        "vragenlijst blijft op deze computer.",
    },
    "fitrun_drop": {
        "en": "Drop the survey file here, or click to choose it",
        "nl": "Sleep het vragenlijstbestand hierheen, of klik om het te kiezen",
    },
    "fitrun_ready": {"en": "{file} is ready: press Fit.", "nl": "{file} staat klaar: druk op Fitten."},
    "fitrun_start": {"en": "Fit", "nl": "Fitten"},
    "fitrun_stop": {"en": "Stop", "nl": "Stoppen"},
    "fitrun_running": {
        "en": "Fitting: each step of the bar is one generation of the fit.",
        "nl": "Bezig met fitten: elke stap van de balk is een generatie van de fit.",
    },
    "fitrun_stopped": {
        "en": "The fit was stopped; nothing of it is used.",
        "nl": "De fit is gestopt; er wordt niets van gebruikt.",
    },
    "fitrun_bad": {
        "en": "The fit could not run: {error}. Nothing changed.",
        "nl": "De fit kon niet draaien: {error}. Er is niets veranderd.",
    },
    "fitrun_done": {
        "en": "Fitted in {seconds} s: the comparison now runs over this fit (see above).",
        "nl": "Gefit in {seconds} s: de vergelijking loopt nu over deze fit (zie hierboven).",
    },
    "fitrun_no_team": {
        "en": "The team above has a problem: mend it first, then fit.",
        "nl": "Het team hierboven heeft een probleem: los dat eerst op, fit daarna.",
    },
    "fitrun_team_here": {"en": "the team above", "nl": "het team hierboven"},
    "fitrun_zip": {"en": "fit.zip", "nl": "fit.zip"},
    "fitrun_download": {"en": "Download this fit (.zip)", "nl": "Deze fit downloaden (.zip)"},
    "fit_ran": {
        "en": "Over {d} posterior draws of the fit ({source}).",
        "nl": "Over {d} trekkingen uit de posterior van de fit ({source}).",
    },
}
