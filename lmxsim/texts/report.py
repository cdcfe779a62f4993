"""Texts of the strategy comparison: conclusions, tables, the CLI table and the HR report.

Keys are used as `report.<key>`. Measures have `m_<measure>` inside a sentence; a table
heading is the measure's declared label, except `label_<measure>` where the lab shows a measure
otherwise than declared (fires so far, LMX-7 points). `col_<column>` names the CSV columns in Dutch
exports. Numbers are filled in already formatted (lmxsim.texts.number / percent).
"""

from __future__ import annotations

# Measures inside a sentence ("the number of hidden problems rises by ...").
_MEASURES = {
    "performance": ("team performance", "de teamprestatie"),
    "lmx_mean": ("average relationship quality (LMX)", "de gemiddelde relatiekwaliteit (LMX)"),
    "lmx_differentiation": (
        "the split in the team (spread of LMX)",
        "de tweedeling in het team (spreiding van LMX)",
    ),
    "problems_hidden": ("the number of hidden problems", "het aantal verzwegen problemen"),
    "fires": ("fires so far", "branden tot nu toe"),
    "out_group_share": ("share in the out-group", "aandeel in de out-groep"),
}
# Table headings of the measures the lab shows otherwise than declared (lab/style.py, OWN_HEADINGS);
# every other heading is the measure's declared label (lmxsim/texts/measures.py).
_HEADINGS = {
    "lmx_mean": ("Relationship quality (LMX-7)", "Relatiekwaliteit (LMX-7)"),
    "fires": ("Fires so far", "Branden tot nu toe"),
}

_COLUMNS = {
    "strategy": "strategie",
    "title": "titel",
    "week": "week",
    "measure": "maat",
    "higher_is_better": "hoger_is_beter",
    "mean": "gemiddelde",
    "ci_low": "bi_laag",
    "ci_high": "bi_hoog",
    "p2_5": "p2_5",
    "p97_5": "p97_5",
    "diff_vs_nothing": "verschil_met_niets_doen",
    "diff_ci_low": "verschil_bi_laag",
    "diff_ci_high": "verschil_bi_hoog",
    "better_runs": "jaren_beter",
    "replications": "herhalingen",
    "hours_per_week": "uren_per_week",
    "peak_hours": "uren_drukste_week",
    "member": "persoon",
    "nothing_mean": "gemiddelde_niets_doen",
    "gain": "winst",
    "gain_ci_low": "winst_bi_laag",
    "gain_ci_high": "winst_bi_hoog",
    "verdict": "oordeel",
    "better_years": "jaren_beter",
    "years": "jaren",
    "out_group_years": "jaren_in_out_groep",
    "nothing_out_group_years": "jaren_in_out_groep_niets_doen",
    "gain_lmx7": "winst_lmx7_punten",
    "replication": "herhaling",
    "performance": "prestatie",
    "lmx_mean": "lmx_gemiddeld",
    "lmx_differentiation": "lmx_spreiding",
    "problems_hidden": "verzwegen_problemen",
    "fires": "branden",
    "out_group_share": "aandeel_out_groep",
    "strength": "sterkte",
    "rank": "rang",
    "clear_winner": "duidelijke_winnaar",
    "name": "naam",
    "closeness": "nabijheid",
    "ability": "bekwaamheid",
}

REPORT: dict[str, dict[str, str]] = {
    **{f"m_{m}": {"en": en, "nl": nl} for m, (en, nl) in _MEASURES.items()},
    **{f"label_{m}": {"en": en, "nl": nl} for m, (en, nl) in _HEADINGS.items()},
    **{f"col_{c}": {"en": c, "nl": nl} for c, nl in _COLUMNS.items()},
    # cell values of the CSVs (strategy_report.localise): Dutch Excel gets Dutch words
    "val_gains": {"en": "gains", "nl": "wint"},
    "val_loses": {"en": "loses", "nl": "verliest"},
    "val_same": {"en": "same", "nl": "gelijk"},
    "val_unclear": {"en": "unclear", "nl": "onduidelijk"},
    "val_True": {"en": "True", "nl": "ja"},
    "val_False": {"en": "False", "nl": "nee"},
    "up": {"en": "rises by", "nl": "stijgt met"},
    "down": {"en": "falls by", "nl": "daalt met"},
    "grows": {"en": "grows by", "nl": "groeit met"},
    "shrinks": {"en": "shrinks by", "nl": "krimpt met"},
    "to": {"en": "to", "nl": "tot"},
    "ci": {"en": "95% CI", "nl": "95%-BI"},
    "hardly": {
        "en": "hardly changes ({d}, 95% CI {lo} to {hi})",
        "nl": "verandert nauwelijks ({d}, 95%-BI {lo} tot {hi})",
    },
    "unclear": {
        "en": "does not change clearly (95% CI {lo} to {hi})",
        "nl": "verandert niet duidelijk (95%-BI {lo} tot {hi})",
    },
    "lead": {
        "en": "{title}. After {w} weeks, compared with doing nothing: ",
        "nl": "{title}. Na {w} weken, vergeleken met niets doen: ",
    },
    "lmx7_points": {
        "en": "{change} LMX-7 points on average ({a} → {b} on the 7-35 questionnaire scale)",
        "nl": "gemiddeld {change} LMX-7-punten ({a} → {b} op de vragenlijstschaal 7-35)",
    },
    "outgroup_names": {
        "en": "in the out-group in most simulated years: {names} (doing nothing: {before})",
        "nl": "in de out-groep in de meeste gesimuleerde jaren: {names} (niets doen: {before})",
    },
    "nobody": {"en": "nobody", "nl": "niemand"},
    "hidden_line": {
        "en": "hidden problems: {b} instead of {a}",
        "nl": "verzwegen problemen: {b} in plaats van {a}",
    },
    "fires_line": {
        "en": "fires so far: {b} instead of {a} (difference {d}, 95% CI {lo} to {hi})",
        "nl": "branden tot nu toe: {b} in plaats van {a} (verschil {d}, 95%-BI {lo} tot {hi})",
    },
    "fire_definition": {
        "en": "A fire is a hidden problem that flares up before anyone dealt with it: a crisis the "
        "leader hears about too late.",
        "nl": "Een brand is een verzwegen probleem dat oplaait voordat iemand het aanpakte: een crisis "
        "waar de leider te laat van hoort.",
    },
    "better_years": {
        "en": "Team performance is better than with doing nothing in {x} of {n} simulated years.",
        "nl": "De teamprestatie is beter dan bij niets doen in {x} van de {n} gesimuleerde jaren.",
    },
    "out_group_years": {
        "en": "in the out-group in {x} of {n} years",
        "nl": "in de out-groep in {x} van {n} jaren",
    },
    "better_years_short": {"en": "better in {x} of {n} years", "nl": "beter in {x} van {n} jaren"},
    "raises": {
        "en": "It raises the expected performance of {who}.",
        "nl": "Het verhoogt de verwachte prestatie van {who}.",
    },
    "lowers": {
        "en": "It lowers the expected performance of {who}.",
        "nl": "Het verlaagt de verwachte prestatie van {who}.",
    },
    "person_change": {
        "en": "{name} ({d}, better in {x} of {n} years)",
        "nl": "{name} ({d}, beter in {x} van {n} jaren)",
    },
    "no_one": {
        "en": "No one's expected performance changes by {thr} or more.",
        "nl": "Bij niemand verandert de verwachte prestatie met {thr} of meer.",
    },
    "and": {"en": "and", "nl": "en"},
    "hours_line": {
        "en": (
            "Leader time: {h} hours per week on average, {peak} hours in the busiest week (week {pw}) "
            "({per_hour} team performance per weekly hour)."
        ),
        "nl": (
            "Tijd van de leider: gemiddeld {h} uur per week, {peak} uur in de drukste week (week {pw}) "
            "({per_hour} teamprestatie per wekelijks uur)."
        ),
    },
    "over_budget": {
        "en": "Over your time budget of {b} hours per week.",
        "nl": "Boven je tijdsbudget van {b} uur per week.",
    },
    "winner": {
        "en": "Clear winner after {w} weeks: {best}. Its expected team performance is {d} higher than "
        "that of {second} (95% CI {lo} to {hi}), more than the threshold of {thr}.",
        "nl": "Duidelijke winnaar na {w} weken: {best}. De verwachte teamprestatie ligt {d} hoger dan bij "
        "{second} (95%-BI {lo} tot {hi}), meer dan de drempel van {thr}.",
    },
    "no_winner": {
        "en": "No clear winner after {w} weeks. The highest expected team performance, {best}, is {d} "
        "above {second} (95% CI {lo} to {hi}); a winner must be more than {thr} ahead of every other "
        "strategy, with an interval that excludes zero.",
        "nl": "Geen duidelijke winnaar na {w} weken. De hoogste verwachte teamprestatie, {best}, ligt {d} "
        "boven {second} (95%-BI {lo} tot {hi}); een winnaar moet meer dan {thr} voor liggen op elke "
        "andere strategie, met een interval zonder nul.",
    },
    "spread": {
        "en": "These are averages over {r} simulated years of your team, every strategy on the same luck "
        "(common random numbers). One real year varies far more: doing nothing, team performance at "
        "week {w} lies between {lo} and {hi} in 95% of the runs. The intervals cover the simulation's "
        "luck only; how strong the interventions really are is an assumption (see the robustness "
        "view). The model is a thinking aid, not a forecast.",
        "nl": "Dit zijn gemiddelden over {r} gesimuleerde jaren van je team, elke strategie met hetzelfde "
        "toeval (common random numbers). Eén echt jaar wijkt veel meer af: bij niets doen ligt de "
        "teamprestatie in week {w} in 95% van de runs tussen {lo} en {hi}. De intervallen dekken alleen "
        "het toeval van de simulatie; hoe sterk de interventies echt werken is een aanname (zie de "
        "robuustheidstoets). Het model is een denkhulp, geen voorspelling.",
    },
    "few_replications": {
        "en": "Only {r} simulated years: with fewer than {min} the intervals are too rough to compare "
        "strategies. Use --replications {min} or more.",
        "nl": "Slechts {r} gesimuleerde jaren: met minder dan {min} zijn de intervallen te ruw om "
        "strategieën te vergelijken. Gebruik --replications {min} of meer.",
    },
    "week": {"en": "week", "nl": "week"},
    "gain_axis": {
        "en": "gain in expected performance vs doing nothing (95% CI), week {w}",
        "nl": "winst in verwachte prestatie t.o.v. niets doen (95%-BI), week {w}",
    },
    "legend_ci": {
        "en": "thick: 95% CI of the mean; thin: 95% of runs",
        "nl": "dik: 95%-BI van het gemiddelde; dun: 95% van de runs",
    },
    "legend_gains": {
        "en": "green: gains (95% CI above zero and at least {thr})",
        "nl": "groen: wint (95%-BI boven nul en minstens {thr})",
    },
    "legend_loses": {
        "en": "red: loses (95% CI below zero and at least {thr})",
        "nl": "rood: verliest (95%-BI onder nul en minstens {thr})",
    },
    "legend_same": {
        "en": "blue: about the same (the whole 95% CI within ±{thr})",
        "nl": "blauw: ongeveer gelijk (het hele 95%-BI binnen ±{thr})",
    },
    "legend_unclear": {
        "en": "striped: unclear (the 95% CI is too wide to say)",
        "nl": "gestreept: onduidelijk (het 95%-BI is te breed om iets te zeggen)",
    },
    "legend_none": {
        "en": "no colour: no data",
        "nl": "geen kleur: geen gegevens",
    },
    "scale_hint": {
        "en": "on the model's 0-1 scale: {value}",
        "nl": "op de 0-1-schaal van het model: {value}",
    },
    # --- robustness
    "robust_title": {
        "en": "Robustness: if the interventions work less or more than assumed",
        "nl": "Robuustheid: als de interventies zwakker of sterker werken dan aangenomen",
    },
    "robust_help": {
        "en": "How strongly each intervention works is an assumption, not a measurement. The same "
        "comparison (same team, same simulated years) with every intervention at 50% and 150% of its "
        "assumed strength; rank by expected team performance after {w} weeks.",
        "nl": "Hoe sterk elke interventie werkt is een aanname, geen meting. Dezelfde vergelijking "
        "(hetzelfde team, dezelfde gesimuleerde jaren) met elke interventie op 50% en 150% van de "
        "aangenomen sterkte; rangorde volgens verwachte teamprestatie na {w} weken.",
    },
    "robust_strength": {"en": "{p} strength", "nl": "sterkte {p}"},
    "robust_holds": {
        "en": "The ranking holds: the order is the same at 50%, 100% and 150% strength.",
        "nl": "De rangorde houdt stand: de volgorde is dezelfde bij 50%, 100% en 150% sterkte.",
    },
    "robust_top_holds": {
        "en": "The top strategy stays the same at every strength, but the others change places.",
        "nl": "De beste strategie blijft bij elke sterkte dezelfde, maar de andere wisselen van plaats.",
    },
    "robust_changes": {
        "en": "The ranking does not hold: which strategy comes first depends on how strongly the "
        "interventions work. Treat the order as uncertain.",
        "nl": "De rangorde houdt geen stand: welke strategie eerst komt hangt af van hoe sterk de "
        "interventies werken. Beschouw de volgorde als onzeker.",
    },
    "robust_cli_note": {
        "en": "rank (expected team performance, difference to doing nothing)",
        "nl": "rang (verwachte teamprestatie, verschil met niets doen)",
    },
    # --- CLI table
    "table_title": {
        "en": "{n} people, {r} replications, seed {seed}: after {w} weeks (mean ± half-width of its 95% CI)",
        "nl": "{n} personen, {r} herhalingen, seed {seed}: na {w} weken (gemiddelde ± halve breedte van "
        "het 95%-BI)",
    },
    "table_caption": {
        "en": "{sec} s; the spread of single runs is in summary.csv (p2_5..p97_5)",
        "nl": "{sec} s; de spreiding van afzonderlijke runs staat in summary.csv (p2_5..p97_5)",
    },
    "col_hours": {"en": "hours/week (mean)", "nl": "uur/week (gemiddeld)"},
    "col_peak": {"en": "busiest week (hours)", "nl": "drukste week (uur)"},
    "col_per_hour": {"en": "gain per hour", "nl": "winst per uur"},
    "col_better": {"en": "better than nothing", "nl": "beter dan niets"},
    "strategy_heading": {"en": "strategy", "nl": "strategie"},
    "over_budget_mark": {"en": "over budget", "nl": "boven budget"},
    "simulating": {"en": "simulating... {p}", "nl": "bezig met simuleren... {p}"},
    "robust_progress": {
        "en": "robustness (50% and 150% strength)... {p}",
        "nl": "robuustheid (sterkte 50% en 150%)... {p}",
    },
    "wrote": {"en": "wrote {files} to {folder}", "nl": "{files} geschreven naar {folder}"},
    "wrote_report": {"en": "report written to {path}", "nl": "rapport geschreven naar {path}"},
    # --- the HR report (one HTML page)
    "report_title": {
        "en": "Leadership strategies for {team}: a simulation",
        "nl": "Leiderschapsstrategieën voor {team}: een simulatie",
    },
    "your_team": {"en": "your team", "nl": "jouw team"},
    "report_intro": {
        "en": "This report compares ways a leader could work with this team, simulated {r} times over "
        "{w} weeks with lmxsim, an agent-based model of leader-member exchange (LMX). It is a thinking "
        "aid for a conversation, not a forecast.",
        "nl": "Dit rapport vergelijkt manieren waarop een leider met dit team kan werken, {r} keer "
        "gesimuleerd over {w} weken met lmxsim, een agentgebaseerd model van leader-member exchange "
        "(LMX). Het is een denkhulp voor een gesprek, geen voorspelling.",
    },
    "h_team": {"en": "The team as entered", "nl": "Het team zoals ingevoerd"},
    "team_note": {
        "en": "Closeness: how close the person stands to the leader now (0-1). Ability: how able the "
        "leader believes them to be (0-1; 0.6 is an average colleague).",
        "nl": "Nabijheid: hoe dicht de persoon nu bij de leider staat (0-1). Bekwaamheid: hoe bekwaam de "
        "leider de persoon vindt (0-1; 0,6 is een gemiddelde collega).",
    },
    "team_weeks_together": {"en": "Weeks together", "nl": "Weken samen"},
    "team_lmx7": {"en": "LMX-7 by the member (7-35)", "nl": "LMX-7 volgens de medewerker (7-35)"},
    "team_last_wave": {
        "en": "LMX-7 by the member, last wave (week {w})",
        "nl": "LMX-7 volgens de medewerker, laatste meting (week {w})",
    },
    "fit_line": {
        "en": "Compared over the fit {fit} (survey {survey}, {waves} waves, the last in week {week}; "
        "made {date}): the intervals include what the survey leaves uncertain about this team, and each "
        "simulated year starts where the last wave left the relationships.",
        "nl": "Vergeleken over de fit {fit} (vragenlijst {survey}, {waves} metingen, de laatste in week "
        "{week}; gemaakt {date}): de intervallen bevatten wat de vragenlijst over dit team onzeker laat, "
        "en elk gesimuleerd jaar begint waar de laatste meting de relaties achterliet.",
    },
    "team_lmx7_leader": {"en": "LMX-7 by the leader (7-35)", "nl": "LMX-7 volgens de leider (7-35)"},
    "h_strategies": {"en": "The strategies compared", "nl": "De vergeleken strategieën"},
    "h_results": {"en": "Results", "nl": "Resultaten"},
    "h_people": {"en": "Per person", "nl": "Per persoon"},
    "people_note": {
        "en": "Change in expected performance at week {w} compared with doing nothing [95% CI], and in "
        "how many simulated years the person did better.",
        "nl": "Verandering in verwachte prestatie in week {w} vergeleken met niets doen [95%-BI], en in "
        "hoeveel gesimuleerde jaren de persoon het beter deed.",
    },
    "h_effort": {"en": "Leader time", "nl": "Tijd van de leider"},
    "effort_note": {
        "en": "Hours per targeted person in each week an intervention acts (assumptions unless a source "
        "is given); a strategy's hours per week are counted on the simulated weeks and people.",
        "nl": "Uren per betrokken persoon in elke week dat een interventie loopt (aannames tenzij een bron "
        "vermeld staat); de uren per week van een strategie zijn geteld op de gesimuleerde weken en "
        "personen.",
    },
    "intervention": {"en": "Intervention", "nl": "Interventie"},
    "hours_per_person": {"en": "hours per person per week it acts", "nl": "uur per persoon per week"},
    "source": {"en": "source", "nl": "bron"},
    "budget": {"en": "Time budget: {b} hours per week.", "nl": "Tijdsbudget: {b} uur per week."},
    "h_robust": {"en": "Robustness", "nl": "Robuustheid"},
    "h_limits": {"en": "Assumptions and limits", "nl": "Aannames en grenzen"},
    "limits": {
        "en": "The model is a simplification of leader-member exchange research: people, the leader and "
        "the work are reduced to a few numbers. | The numbers you entered are the leader's own view; "
        "the model does not check them. | How strongly each intervention works is an assumption based on "
        "the literature (docs/interventions.md), not an estimate from data; the robustness section shows "
        "what changes if they are weaker or stronger. | The intervals show the simulation's luck only: "
        "with more simulated years they shrink, but the real uncertainty does not. | The leader's time "
        "per intervention is an assumption you can change. | A real team has one year, not {r}: it can "
        "end anywhere within the spread shown.",
        "nl": "Het model vereenvoudigt het onderzoek naar leader-member exchange: mensen, de leider en het "
        "werk worden teruggebracht tot enkele getallen. | De ingevoerde getallen zijn de eigen kijk van "
        "de leider; het model controleert ze niet. | Hoe sterk elke interventie werkt is een aanname op "
        "basis van de literatuur (docs/interventions.md), geen schatting uit gegevens; het deel "
        "robuustheid toont wat er verandert als ze zwakker of sterker zijn. | De intervallen tonen "
        "alleen het toeval van de simulatie: met meer gesimuleerde jaren worden ze smaller, de echte "
        "onzekerheid niet. | De tijd van de leider per interventie is een aanname die je kunt "
        "aanpassen. | Een echt team heeft één jaar, geen {r}: het kan overal binnen de getoonde "
        "spreiding uitkomen.",
    },
    "h_provenance": {"en": "How this was made", "nl": "Hoe dit gemaakt is"},
    "provenance": {
        "en": "lmxsim {version}, model fingerprint {fingerprint}, seed {seed}, {r} replications, {w} weeks, "
        "created {created}. Same version, seed and settings give the same numbers.",
        "nl": "lmxsim {version}, modelvingerafdruk {fingerprint}, seed {seed}, {r} herhalingen, {w} weken, "
        "gemaakt op {created}. Dezelfde versie, seed en instellingen geven dezelfde getallen.",
    },
    "parameters": {"en": "Model parameters", "nl": "Modelparameters"},
    "command": {"en": "Command to make it again", "nl": "Opdracht om het opnieuw te maken"},
    "print_hint": {
        "en": "To make a PDF: print this page from the browser and choose 'Save as PDF'.",
        "nl": "Voor een pdf: druk deze pagina af vanuit de browser en kies 'Opslaan als pdf'.",
    },
    "strength_note": {
        "en": "at {p} of the assumed strength",
        "nl": "op {p} van de aangenomen sterkte",
    },
    # how the fit changed the advice (lmxsim/lab/advice.py): the same comparison over the priors
    "h_change": {"en": "What the fit changed in the advice", "nl": "Wat de fit aan het advies veranderde"},
    "change_note": {
        "en": "The same comparison twice, from the same last wave and with the same seeds: once with the "
        "fitted settings drawn from their prior ranges (what the model assumed before the survey), once "
        "from the fit's posterior (what the survey taught). Gain: expected team performance minus doing "
        "nothing in week {w}, with its 95% interval.",
        "nl": "Dezelfde vergelijking twee keer, vanaf dezelfde laatste meting en met dezelfde seeds: een "
        "keer met de gefitte instellingen getrokken uit hun prior-bereik (wat het model aannam vóór de "
        "vragenlijst), een keer uit de posterior van de fit (wat de vragenlijst leerde). Winst: verwachte "
        "teamprestatie min niets doen in week {w}, met het 95%-interval.",
    },
    "change_same": {
        "en": "The fit did not change the advice: {best} comes first with the prior and with the posterior, "
        "and the ranking of all {k} strategies is the same.",
        "nl": "De fit veranderde het advies niet: {best} komt eerst met de prior en met de posterior, en "
        "de rangorde van alle {k} strategieën is dezelfde.",
    },
    "change_top_same": {
        "en": "The fit did not change the advice: {best} comes first with the prior and with the "
        "posterior; only the order further down changed.",
        "nl": "De fit veranderde het advies niet: {best} komt eerst met de prior en met de posterior; "
        "alleen de volgorde verderop veranderde.",
    },
    "change_none": {
        "en": "The fit did not change the advice: with the prior and with the posterior no strategy "
        "clearly beats doing nothing.",
        "nl": "De fit veranderde het advies niet: met de prior en met de posterior doet geen enkele "
        "strategie duidelijk beter dan niets doen.",
    },
    "change_changed": {
        "en": "The fit changed the advice: with the prior {before}; with the posterior {after}.",
        "nl": "De fit veranderde het advies: met de prior {before}; met de posterior {after}.",
    },
    "change_first": {"en": "{name} came first", "nl": "kwam {name} eerst"},
    "change_first_now": {"en": "{name} comes first", "nl": "komt {name} eerst"},
    "change_nothing": {
        "en": "no strategy clearly beat doing nothing",
        "nl": "deed geen enkele strategie duidelijk beter dan niets doen",
    },
    "change_nothing_now": {
        "en": "no strategy clearly beats doing nothing",
        "nl": "doet geen enkele strategie duidelijk beter dan niets doen",
    },
    "col_change_strategy": {"en": "Strategy", "nl": "Strategie"},
    "col_rank_prior": {"en": "Rank (prior)", "nl": "Plaats (prior)"},
    "col_gain_prior": {"en": "Gain (prior)", "nl": "Winst (prior)"},
    "col_rank_posterior": {"en": "Rank (posterior)", "nl": "Plaats (posterior)"},
    "col_gain_posterior": {"en": "Gain (posterior)", "nl": "Winst (posterior)"},
    "prior_progress": {
        "en": "the same over the fit's prior, to see what the fit changed {p}",
        "nl": "hetzelfde over de prior van de fit, om te zien wat de fit veranderde {p}",
    },
}
