"""Texts of `lmxsim fit` (progress, tables, the predictive-check figure), English and Dutch.

Keys are used as `fit.<key>`. Numbers are filled in already formatted (lmxsim.texts.number /
percent). Error messages about input files stay in English: they quote file, line and field
names, which are English in every language (docs/fitting.md).
"""

from __future__ import annotations

FIT: dict[str, dict[str, str]] = {
    "fitting": {
        "en": "fitting {fitted} to {n} people x {w} waves (weeks {weeks}; {raters} ratings{team})",
        "nl": "fit van {fitted} op {n} personen x {w} metingen (weken {weeks}; beoordelingen door "
        "{raters}{team})",
    },
    "fitting_teams": {
        "en": "fitting {fitted} to {teams} teams ({n} people, {w} waves each; {raters} ratings; leader "
        "parameters pooled over the teams)",
        "nl": "fit van {fitted} op {teams} teams ({n} personen, {w} metingen per team; beoordelingen door "
        "{raters}; leiderparameters gedeeld over de teams)",
    },
    "each_person": {"en": "each person's first impression", "nl": "de eerste indruk van elke persoon"},
    "raters_member": {"en": "member", "nl": "medewerker"},
    "raters_member_leader": {"en": "member and leader", "nl": "medewerker en leider"},
    "raters_member_rating": {
        "en": "member LMX-7 and the leader's 1-5",
        "nl": "LMX-7 van de medewerker en 1-5 van de leider",
    },
    "raters_member_leader_rating": {
        "en": "member and leader LMX-7 and the leader's 1-5",
        "nl": "LMX-7 van medewerker en leider en 1-5 van de leider",
    },
    "raters_performance": {
        "en": " and objective performance",
        "nl": " en objectieve prestatie",
    },
    "team_part": {"en": "; {measure} in {k} periods", "nl": "; {measure} in {k} periodes"},
    "generation": {
        "en": "generation {g}: epsilon {eps}, accepted {a} of {s} ({share}), {sec} s",
        "nl": "generatie {g}: epsilon {eps}, {a} van {s} aanvaard ({share}), {sec} s",
    },
    "done": {
        "en": "{sims} simulations in {sec} s ({rate}/s, {g} generations; stopped: {why})",
        "nl": "{sims} simulaties in {sec} s ({rate}/s, {g} generaties; gestopt: {why})",
    },
    "stop_done": {"en": "done", "nl": "klaar"},
    "stop_acceptance": {
        "en": "acceptance fell below the minimum",
        "nl": "de aanvaarding zakte onder het minimum",
    },
    "stop_generations": {"en": "ran the most generations", "nl": "het maximum aantal generaties bereikt"},
    "stop_walltime": {"en": "reached --max-minutes", "nl": "--max-minutes bereikt"},
    "posterior_title": {
        "en": "Posterior of the fitted parameters (90% interval; width: posterior/prior)",
        "nl": "Posterior van de gefitte parameters (90%-interval; breedte: posterior/prior)",
    },
    "col_parameter": {"en": "parameter", "nl": "parameter"},
    "col_mean": {"en": "mean", "nl": "gemiddelde"},
    "col_interval": {"en": "90% interval", "nl": "90%-interval"},
    "col_width": {"en": "width", "nl": "breedte"},
    "col_learned": {"en": "learned", "nl": "geleerd"},
    "learned_a_lot": {"en": "a lot", "nl": "veel"},
    "learned_a_little": {"en": "a little", "nl": "een beetje"},
    "learned_nothing": {"en": "nothing", "nl": "niets"},
    "learned_none": {
        "en": "The survey taught the model nothing about {names}: their intervals are (almost) as wide as "
        "before. More waves, the leader's own LMX-7 ratings or a team observation would (docs/fitting.md, "
        '"What the fit can and cannot tell"); a strategy comparison over this fit spreads them over '
        "(almost) their whole prior range.",
        "nl": "De vragenlijst leerde het model niets over {names}: hun intervallen zijn (bijna) even breed "
        "als vooraf. Meer metingen, de LMX-7 van de leider zelf of een teamobservatie zouden dat wel doen "
        '(docs/fitting.md, "What the fit can and cannot tell"); een vergelijking van strategieën over '
        "deze fit spreidt ze over (bijna) hun hele prior-bereik.",
    },
    "verdict_much": {"en": "learned much", "nl": "veel geleerd"},
    "verdict_some": {"en": "learned some", "nl": "iets geleerd"},
    "verdict_little": {"en": "learned little", "nl": "weinig geleerd"},
    "warn_parameters": {
        "en": "warning: the data taught less than 20% about {names}: their 90% intervals are more than 80% "
        "as wide as the priors' (summary.json). More waves, the leader's own LMX-7 ratings or more teams "
        "would teach more (docs/fitting.md); a strategy comparison over this fit spreads them over "
        "(almost) their whole prior range.",
        "nl": "waarschuwing: de gegevens leerden minder dan 20% over {names}: hun 90%-intervallen zijn meer "
        "dan 80% zo breed als vooraf (summary.json). Meer metingen, de LMX-7 van de leider zelf of meer "
        "teams zouden meer leren (docs/fitting.md); een vergelijking van strategieën over deze fit "
        "spreidt ze over (bijna) hun hele prior-bereik.",
    },
    "warn_people": {
        "en": "warning: the data taught less than 20% about the first impression of {k} of {n} people "
        "({names}); summary.json has each person's share.",
        "nl": "waarschuwing: de gegevens leerden minder dan 20% over de eerste indruk van {k} van {n} "
        "personen ({names}); summary.json geeft het aandeel per persoon.",
    },
    "people_title": {
        "en": "The leader's first impression of each person, against the ability in the team file",
        "nl": "De eerste indruk van de leider van elke persoon, naast de bekwaamheid uit het teambestand",
    },
    "col_name": {"en": "name", "nl": "naam"},
    "col_ability": {"en": "ability", "nl": "bekwaamheid"},
    "col_first_impression": {"en": "first impression (90%)", "nl": "eerste indruk (90%)"},
    "col_gap": {"en": "gap", "nl": "verschil"},
    "col_underrated": {"en": "P(underrated)", "nl": "P(onderschat)"},
    # identified first (issue 26 req 7): what the fit holds at its default, and how to ask for it
    "bar": {
        "en": "generation {g} of at most {of} (stops at {limit} min at the latest); accepted",
        "nl": "generatie {g} van hoogstens {of} (stopt uiterlijk na {limit} min); aanvaard",
    },
    "held": {
        "en": "held at their defaults (the design study found no common design that identifies them; "
        "docs/fitting.md): {held}; to fit them too: --fit {names}",
        "nl": "op hun standaardwaarde gehouden (de ontwerpstudie vond geen gangbaar ontwerp dat ze "
        "identificeert; docs/fitting.md): {held}; om ze toch te fitten: --fit {names}",
    },
    "held_asked": {
        "en": "fitted on request although the design study found no common design that identifies them "
        "(expect them to stay near their prior): {names}",
        "nl": "op verzoek gefit, hoewel de ontwerpstudie geen gangbaar ontwerp vond dat ze identificeert "
        "(verwacht dat ze dicht bij hun prior blijven): {names}",
    },
    "fit_unknown": {
        "en": "--fit {name} is not a numeric model parameter (the candidates: {allowed}; any of "
        "`lmxsim params`)",
        "nl": "--fit {name} is geen numerieke modelparameter (de kandidaten: {allowed}; elke van "
        "`lmxsim params`)",
    },
    "ppc": {
        "en": "predictive check: {share} of the observed ratings lie inside the 90% band of the simulated "
        "ones (about 90% is a good fit; much lower: the model misses something in this team; ppc.png, "
        "ppc-kinds.png); per kind:",
        "nl": "voorspellende controle: {share} van de waargenomen beoordelingen ligt binnen de 90%-band "
        "van de gesimuleerde (ongeveer 90% past goed; veel minder: het model mist iets in dit team; "
        "ppc.png, ppc-kinds.png); per soort:",
    },
    "ppc_teams": {
        "en": "predictive check: {share} of the observed ratings lie inside the 90% band of the simulated "
        "ones (about 90% is a good fit; much lower: the model misses something in these teams; ppc.csv "
        "per team, ppc-kinds.png); per kind:",
        "nl": "voorspellende controle: {share} van de waargenomen beoordelingen ligt binnen de 90%-band "
        "van de gesimuleerde (ongeveer 90% past goed; veel minder: het model mist iets in deze teams; "
        "ppc.csv per team, ppc-kinds.png); per soort:",
    },
    "design_start": {
        "en": "design study: {design}; {r} simulated studies, each fitted with {pop} particles x {g} "
        "generations",
        "nl": "ontwerpstudie: {design}; {r} gesimuleerde studies, elk gefit met {pop} deeltjes x {g} "
        "generaties",
    },
    "design_progress": {
        "en": "study {i} of {r}: fitted in {sec} s ({sims} simulations)",
        "nl": "studie {i} van {r}: gefit in {sec} s ({sims} simulaties)",
    },
    "design_title": {
        "en": "What {r} studies of this design taught: {design}",
        "nl": "Wat {r} studies van dit ontwerp leerden: {design}",
    },
    "design_col_parameter": {"en": "parameter", "nl": "parameter"},
    "design_col_coverage": {"en": "90% interval holds the truth", "nl": "90%-interval bevat de waarheid"},
    "design_col_shrinkage": {"en": "width / prior (mean)", "nl": "breedte / prior (gemiddeld)"},
    "design_col_range": {"en": "width / prior (range)", "nl": "breedte / prior (bereik)"},
    "design_col_r": {"en": "r(truth, mean)", "nl": "r(waarheid, gemiddelde)"},
    "design_done": {
        "en": "took {sec} s. Coverage near 90% means the intervals are honest; width / prior near 100% means "
        "the design teaches (almost) nothing about that parameter, at or below 50% that it halves the "
        "uncertainty. With few studies both are rough (± is the coverage's standard error).",
        "nl": "duurde {sec} s. Een dekking rond 90% betekent eerlijke intervallen; breedte / prior rond 100% "
        "betekent dat het ontwerp (bijna) niets leert over die parameter, 50% of minder dat het de "
        "onzekerheid halveert. Met weinig studies zijn beide ruw (± is de standaardfout van de dekking).",
    },
    "wrote": {"en": "wrote {files} to {folder}", "nl": "{files} geschreven naar {folder}"},
    "error": {"en": "error: {error}", "nl": "fout: {error}"},
    "interrupted": {
        "en": "interrupted: the finished generations are kept in {db}; continue with the same command "
        "and --resume",
        "nl": "onderbroken: de afgewerkte generaties staan in {db}; ga verder met hetzelfde commando "
        "en --resume",
    },
    "fig_x": {
        "en": "week (bars: 90% of simulated LMX-7 totals under the posterior; dots: the survey)",
        "nl": "week (balken: 90% van de gesimuleerde LMX-7-totalen onder de posterior; stippen: de "
        "vragenlijst)",
    },
    "fig_y": {"en": "LMX-7 (7-35)", "nl": "LMX-7 (7-35)"},
    "fig_observed_member": {"en": "member: observed", "nl": "medewerker: waargenomen"},
    "fig_observed_leader": {"en": "leader: observed", "nl": "leider: waargenomen"},
    # the fit's CSV files in Dutch (docs/fitting.md, "The fit's folder"): column names and words in cells
    "csv_parameter": {"en": "parameter", "nl": "parameter"},
    "csv_mean": {"en": "mean", "nl": "gemiddelde"},
    "csv_p5": {"en": "p5", "nl": "p5"},
    "csv_p95": {"en": "p95", "nl": "p95"},
    "csv_prior_width90": {"en": "prior_width90", "nl": "breedte90_prior"},
    "csv_posterior_width90": {"en": "posterior_width90", "nl": "breedte90_posterior"},
    "csv_width_ratio": {"en": "width_ratio", "nl": "breedte_verhouding"},
    "csv_learned": {"en": "learned", "nl": "geleerd"},
    "csv_name": {"en": "name", "nl": "naam"},
    "csv_ability": {"en": "ability", "nl": "bekwaamheid"},
    "csv_first_impression": {"en": "first_impression", "nl": "eerste_indruk"},
    "csv_first_impression_p5": {"en": "first_impression_p5", "nl": "eerste_indruk_p5"},
    "csv_first_impression_p95": {"en": "first_impression_p95", "nl": "eerste_indruk_p95"},
    "csv_gap": {"en": "gap", "nl": "verschil"},
    "csv_gap_p5": {"en": "gap_p5", "nl": "verschil_p5"},
    "csv_gap_p95": {"en": "gap_p95", "nl": "verschil_p95"},
    "csv_p_underrated": {"en": "p_underrated", "nl": "kans_onderschat"},
    "csv_rater": {"en": "rater", "nl": "beoordelaar"},
    "csv_wave": {"en": "wave", "nl": "meting"},
    "csv_week": {"en": "week", "nl": "week"},
    "csv_observed": {"en": "observed", "nl": "waargenomen"},
    "csv_simulated_mean": {"en": "simulated_mean", "nl": "gesimuleerd_gemiddelde"},
    "csv_simulated_p5": {"en": "simulated_p5", "nl": "gesimuleerd_p5"},
    "csv_simulated_p95": {"en": "simulated_p95", "nl": "gesimuleerd_p95"},
    "csv_inside90": {"en": "inside90", "nl": "binnen90"},
    "csv_generation": {"en": "generation", "nl": "generatie"},
    "csv_epsilon": {"en": "epsilon", "nl": "epsilon"},
    "csv_accepted": {"en": "accepted", "nl": "aanvaard"},
    "csv_simulations": {"en": "simulations", "nl": "simulaties"},
    "csv_seconds": {"en": "seconds", "nl": "seconden"},
    "csv_member": {"en": "member", "nl": "medewerker"},
    "csv_leader": {"en": "leader", "nl": "leider"},
    "csv_rating": {"en": "rating", "nl": "oordeel"},
    "csv_problems_reported": {"en": "problems_reported", "nl": "gemelde_problemen"},
    "csv_performance": {"en": "performance", "nl": "prestatie"},
    "csv_kind": {"en": "kind", "nl": "soort"},
    "csv_observed_n": {"en": "observed_n", "nl": "aantal_waargenomen"},
    "csv_observed_mean": {"en": "observed_mean", "nl": "waargenomen_gemiddelde"},
    # the predictive check per kind of observation (lmxsim/fit/ppc.py)
    "kind_member": {"en": "members' LMX-7", "nl": "LMX-7 van de medewerkers"},
    "kind_leader": {"en": "leader's LMX-7", "nl": "LMX-7 van de leider"},
    "kind_rating": {"en": "leader's 1-5 rating", "nl": "1-5-oordeel van de leider"},
    "kind_problems_reported": {"en": "problems reported", "nl": "gemelde problemen"},
    "kind_performance": {
        "en": "performance (relative to the team's mean)",
        "nl": "prestatie (ten opzichte van het teamgemiddelde)",
    },
    "ppc_kind": {
        "en": "  {kind}: {share} of {n} inside their 90% band",
        "nl": "  {kind}: {share} van {n} binnen hun 90%-band",
    },
    "fig_kinds": {
        "en": "Predictive check per kind of observation (bars: 90% of simulated values; dots: observed, "
        "red outside)",
        "nl": "Voorspellende controle per soort waarneming (balken: 90% van de gesimuleerde waarden; "
        "stippen: waargenomen, rood erbuiten)",
    },
    "fig_kind_title": {"en": "{kind}: {share} inside", "nl": "{kind}: {share} binnen"},
    "fig_kind_x": {
        "en": "{n} observed, ordered by simulated mean",
        "nl": "{n} waargenomen, geordend op gesimuleerd gemiddelde",
    },
}
