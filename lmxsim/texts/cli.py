"""Texts of the command line (`lmxsim ...`), keys `cli.<key>`: help, table titles, summary lines.

The CLI prints English (`CLI_LANG`), except where a command takes `--lang`; the Dutch
texts are here for those, and so the catalogue test finds every key in every language.
Help texts are read when the commands are registered, so they are plain strings
(no placeholders) unless a command fills them in itself.
"""

from __future__ import annotations

CLI_LANG = "en"

CLI: dict[str, dict[str, str]] = {
    # --- the program ---
    "app_help": {
        "en": "lmxsim: how the relationship between a leader and each team member grows or sours.",
        "nl": "lmxsim: hoe de relatie tussen een leider en elk teamlid groeit of verzuurt.",
    },
    "version_help": {"en": "Print the version and stop.", "nl": "Toon de versie en stop."},
    "error": {"en": "error: {message}", "nl": "fout: {message}"},
    "not_allowed": {
        "en": "{option} {value!r} is not allowed (allowed: {allowed})",
        "nl": "{option} {value!r} is niet toegestaan (toegestaan: {allowed})",
    },
    "aborted": {"en": "Aborted.", "nl": "Afgebroken."},
    "interrupted": {
        "en": "stopped (Ctrl+C or SIGTERM); nothing was left half-written",
        "nl": "gestopt (Ctrl+C of SIGTERM); er bleef niets half geschreven achter",
    },
    "wrote_rows": {"en": "wrote {rows} rows to {path}", "nl": "{rows} rijen geschreven naar {path}"},
    # --- options several commands share ---
    "opt_scenario": {
        "en": "preset scenario (see `lmxsim scenarios`)",
        "nl": "voorbeeldscenario (zie `lmxsim scenarios`)",
    },
    "opt_config": {
        "en": "TOML config file instead of a preset",
        "nl": "TOML-configuratiebestand in plaats van een voorbeeld",
    },
    "opt_weeks": {"en": "weeks to simulate", "nl": "aantal weken om te simuleren"},
    # --- run ---
    "run_help": {
        "en": "Run one team and print where each relationship ended up.",
        "nl": "Simuleer één team en toon waar elke relatie uitkwam.",
    },
    "run_team": {
        "en": "team file (.csv, .xlsx or .toml, docs/team-files.md) replacing the scenario's team",
        "nl": "teambestand (.csv, .xlsx of .toml, docs/team-files.md) in plaats van het team "
        "van het scenario",
    },
    "run_seed": {
        "en": "random seed (same seed, same run)",
        "nl": "startgetal van het toeval (zelfde getal, zelfde verloop)",
    },
    "run_out": {
        "en": "write the per-member-per-week table (.parquet or .csv)",
        "nl": "schrijf de tabel per teamlid per week (.parquet of .csv)",
    },
    "run_title": {"en": "{title}: after {weeks} weeks", "nl": "{title}: na {weeks} weken"},
    "col_name": {"en": "name", "nl": "naam"},
    "run_team_line": {
        "en": "Team: mean performance {performance}, mean LMX-7 {lmx7}, differentiation (SD of LMX) "
        "{differentiation}, out-group {out_group}, mean safety {safety}, problems reported this week "
        "{reported}, hidden {hidden}, fires {fires}",
        "nl": "Team: gemiddelde prestatie {performance}, gemiddelde LMX-7 {lmx7}, spreiding (SD van LMX) "
        "{differentiation}, out-groep {out_group}, gemiddelde veiligheid {safety}, problemen gemeld deze "
        "week {reported}, verzwegen {hidden}, branden {fires}",
    },
    # --- compare ---
    "compare_help": {
        "en": "Run a twin: the scenario as it is and with the interventions, on the same random draws.",
        "nl": "Simuleer een tweeling: het scenario zoals het is en met de interventies, op hetzelfde toeval.",
    },
    "compare_intervention": {
        "en": "intervention as KIND:TARGET@START, e.g. role-clarification:An@8; with a rhythm "
        "one-on-ones:out-group@4/2, for 12 weeks: ...@4/2,for=12 (repeatable; syntax in "
        "docs/interventions.md). Kinds: {kinds}",
        "nl": "interventie als SOORT:DOEL@START, bv. role-clarification:An@8; met een ritme "
        "one-on-ones:out-group@4/2, 12 weken lang: ...@4/2,for=12 (herhaalbaar; schrijfwijze in "
        "docs/interventions.md). Soorten: {kinds}",
    },
    "compare_seed": {
        "en": "random seed (same seed, same twins)",
        "nl": "startgetal van het toeval (zelfde getal, zelfde tweeling)",
    },
    "compare_engine": {
        "en": "batch (fast) or mesa (the reference)",
        "nl": "batch (snel) of mesa (het referentiemodel)",
    },
    "compare_out": {
        "en": "write both runs, per member per week, with a variant column (.parquet/.csv)",
        "nl": "schrijf beide runs, per teamlid per week, met een kolom variant (.parquet/.csv)",
    },
    "compare_title": {
        "en": "{title}: change (variant minus baseline) after {weeks} weeks (seed {seed}, {engine} engine)",
        "nl": "{title}: verschil (variant min basis) na {weeks} weken (startgetal {seed}, motor {engine})",
    },
    "compare_with": {"en": "with: {specs}", "nl": "met: {specs}"},
    "compare_baseline": {"en": "{measure} baseline", "nl": "{measure} basis"},
    "compare_team_line": {
        "en": "Team: performance {performance}, mean LMX-7 {lmx7}, differentiation {differentiation}, "
        "out-group share {out_group}; the twins are identical before week {week}",
        "nl": "Team: prestatie {performance}, gemiddelde LMX-7 {lmx7}, spreiding {differentiation}, "
        "aandeel out-groep {out_group}; de tweeling is gelijk tot week {week}",
    },
    "compare_wrote": {
        "en": "wrote {rows} rows (both variants) to {path}",
        "nl": "{rows} rijen (beide varianten) geschreven naar {path}",
    },
    # --- scenarios ---
    "scenarios_help": {
        "en": "List the preset scenarios (run one with `lmxsim run --scenario NAME`).",
        "nl": "Toon de voorbeeldscenario's (simuleer er een met `lmxsim run --scenario NAAM`).",
    },
    "scenarios_lang": {"en": "language of titles and stories", "nl": "taal van titels en verhalen"},
    "scenarios_stories": {
        "en": "also print each scenario's story",
        "nl": "toon ook het verhaal van elk scenario",
    },
    "scenarios_title": {"en": "Scenarios", "nl": "Scenario's"},
    "scenarios_check": {
        "en": "print how often each [expect] claim of preset NAME (or a scenario file NAME.toml) holds",
        "nl": "toon hoe vaak elke [expect]-bewering van voorbeeld NAAM (of scenariobestand NAAM.toml) klopt",
    },
    "scenarios_seeds": {
        "en": "with --check: the number of seeds (0, 1, ...)",
        "nl": "met --check: het aantal seeds (0, 1, ...)",
    },
    "check_title": {
        "en": "{name}: how often each claim of the story holds, over {seeds} seeds",
        "nl": "{name}: hoe vaak elke bewering van het verhaal klopt, over {seeds} seeds",
    },
    "col_claim": {"en": "claim", "nl": "bewering"},
    "col_holds": {"en": "holds", "nl": "klopt"},
    "col_own_seed": {"en": "own seed {seed}", "nl": "eigen seed {seed}"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "check_story_holds": {
        "en": "The whole story holds on {share} of the seeds and on its own seed (the tests ask {bar}).",
        "nl": "Het hele verhaal klopt in {share} van de seeds en op de eigen seed (de tests vragen {bar}).",
    },
    "check_story_fails": {
        "en": "The whole story holds on {share} of the seeds; the tests ask {bar} and the preset's own seed.",
        "nl": "Het hele verhaal klopt in {share} van de seeds; de tests vragen {bar} en de eigen seed.",
    },
    # the claims a preset's [expect] table can make (team/expect.py)
    "claim_in": {
        "en": "{name} in the in-group by week {week} and at the end",
        "nl": "{name} in de in-groep in week {week} en aan het eind",
    },
    "claim_out": {
        "en": "{name} in the out-group by week {week} and at the end",
        "nl": "{name} in de out-groep in week {week} en aan het eind",
    },
    "claim_spread": {
        "en": "the split grows (spread at the end > week 4)",
        "nl": "de tweedeling groeit (spreiding aan het eind > week 4)",
    },
    "claim_ahead": {"en": "{ahead} end above {behind}", "nl": "{ahead} eindigen boven {behind}"},
    "claim_gap": {
        "en": "{ahead} end more than {value} above {behind} (LMX, 0 to 1)",
        "nl": "{ahead} eindigen meer dan {value} boven {behind} (LMX, 0 tot 1)",
    },
    "claim_safety": {
        "en": "team safety below {value} from week {week}",
        "nl": "veiligheid in het team onder {value} vanaf week {week}",
    },
    "claim_fires": {"en": "at least {n} fires", "nl": "minstens {n} branden"},
    "claim_loop_gain": {
        "en": "the LMX gap of {ahead} over {behind} spirals (week 26 / week 6 above {value})",
        "nl": "de LMX-kloof van {ahead} boven {behind} groeit (week 26 / week 6 boven {value})",
    },
    "col_title": {"en": "title", "nl": "titel"},
    "col_weeks": {"en": "weeks", "nl": "weken"},
    "col_team": {"en": "team", "nl": "team"},
    "col_story": {"en": "story", "nl": "verhaal"},
    # --- columns, params, info ---
    "columns_help": {
        "en": "List every column lmxsim writes: table, level, unit or scale, meaning.",
        "nl": "Toon elke kolom die lmxsim schrijft: tabel, niveau, eenheid of schaal, betekenis.",
    },
    "columns_markdown": {
        "en": "print the docs table (docs/columns.md)",
        "nl": "toon de tabel voor de documentatie",
    },
    "columns_title": {
        "en": "lmxsim output columns (docs/columns.md)",
        "nl": "kolommen van lmxsim (docs/columns.md)",
    },
    "columns_headings": {
        "en": "table|column|level|unit or scale|meaning",
        "nl": "tabel|kolom|niveau|eenheid of schaal|betekenis",
    },
    "params_help": {"en": "List the model parameters.", "nl": "Toon de parameters van het model."},
    "params_title": {"en": "lmxsim parameters", "nl": "parameters van lmxsim"},
    "params_headings": {
        "en": "name|default|range|meaning|source",
        "nl": "naam|standaard|bereik|betekenis|bron",
    },
    "info_help": {
        "en": "Print the provenance an output carries, as JSON: enough to make it again.",
        "nl": "Toon de herkomst van een uitvoerbestand als JSON: genoeg om het opnieuw te maken.",
    },
    "info_path": {
        "en": "an output of lmxsim: .parquet, .csv (with its .provenance.json), a folder or sweep directory",
        "nl": "uitvoer van lmxsim: .parquet, .csv (met zijn .provenance.json), een map of sweepmap",
    },
    # --- analyze ---
    "analyze_help": {
        "en": "Per design point means with 95% CIs, Sobol or Morris indices with CIs, and PNG figures.",
        "nl": "Per ontwerppunt gemiddelden met 95%-BI, Sobol- of Morris-indices met BI, en PNG-figuren.",
    },
    "analyze_directory": {"en": "a sweep's --out directory", "nl": "de --out-map van een sweep"},
    "analyze_week": {
        "en": "week to analyse (default: the last recorded)",
        "nl": "week om te analyseren (standaard: de laatst vastgelegde)",
    },
    "analyze_outcome": {
        "en": "team measure to analyse (repeatable; default: all recorded)",
        "nl": "teammaat om te analyseren (herhaalbaar; standaard: alle vastgelegde)",
    },
    "analyze_figures": {
        "en": "folder for CSV and PNG (default: DIR/_analysis)",
        "nl": "map voor CSV en PNG (standaard: MAP/_analysis)",
    },
    "analyze_title": {
        "en": "{directory}: mean [95% CI] over replications, week {week}",
        "nl": "{directory}: gemiddelde [95%-BI] over herhalingen, week {week}",
    },
    "analyze_more": {
        "en": "... {count} more design points in the summary CSV",
        "nl": "... nog {count} ontwerppunten in de samenvatting (CSV)",
    },
    "analyze_sobol": {
        "en": "Sobol indices (week {week}), 95% bootstrap CI",
        "nl": "Sobol-indices (week {week}), 95%-bootstrap-BI",
    },
    "analyze_morris": {
        "en": "Morris elementary effects (week {week}), 95% bootstrap CI",
        "nl": "Morris-elementaire effecten (week {week}), 95%-bootstrap-BI",
    },
    "wrote": {"en": "wrote {paths}", "nl": "geschreven: {paths}"},
    # --- sweep ---
    "sweep_help": {
        "en": "Run a parameter sweep: designs, replications, Parquet output; --resume after an interruption.",
        "nl": "Voer een parametersweep uit: ontwerpen, herhalingen, Parquet-uitvoer; "
        "--resume na een onderbreking.",
    },
    "sweep_file": {
        "en": "sweep file (TOML), or the name of one that ships with lmxsim: {names}",
        "nl": "sweepbestand (TOML), of de naam van een dat bij lmxsim hoort: {names}",
    },
    "sweep_out": {
        "en": "output directory (default: results/<sweep file name>)",
        "nl": "uitvoermap (standaard: results/<naam van het sweepbestand>)",
    },
    "sweep_resume": {
        "en": "finish a sweep in --out, skipping finished parts",
        "nl": "maak een sweep in --out af en sla klaarstaande delen over",
    },
    "sweep_workers": {
        "en": "worker processes (default: all cores; 1 = in this process)",
        "nl": "werkprocessen (standaard: alle kernen; 1 = in dit proces)",
    },
    "sweep_dask": {
        "en": "run on Dask: 'local' (a LocalCluster) or a scheduler address tcp://host:port",
        "nl": "draai op Dask: 'local' (een LocalCluster) of een scheduleradres tcp://host:poort",
    },
    "sweep_engine": {
        "en": "batch (fast, default) or mesa (the reference model, one run at a time)",
        "nl": "batch (snel, standaard) of mesa (het referentiemodel, één run tegelijk)",
    },
    "sweep_chunk": {
        "en": "runs per task and Parquet part (default: about a second of work)",
        "nl": "runs per taak en Parquet-deel (standaard: ongeveer een seconde werk)",
    },
    "sweep_take_over": {
        "en": "take over --out from a sweep that was killed and left its lock",
        "nl": "neem --out over van een afgebroken sweep die zijn slot achterliet",
    },
    "sweep_rate": {"en": "{rate} runs/s", "nl": "{rate} runs/s"},
    "sweep_runs": {"en": "runs", "nl": "runs"},
    "sweep_eta": {"en": "ETA", "nl": "nog"},
    "sweep_disk_full": {
        "en": "the disk is full after {done} of {total} runs; free space and run again with --resume "
        "(the finished parts are kept in {out})",
        "nl": "de schijf is vol na {done} van {total} runs; maak ruimte vrij en start opnieuw met "
        "--resume (de klare delen blijven in {out})",
    },
    "sweep_interrupted": {
        "en": "interrupted: finished parts are saved in {out}; run again with --resume to finish",
        "nl": "onderbroken: klare delen staan in {out}; start opnieuw met --resume om af te maken",
    },
    "sweep_failure": {
        "en": "first failure: {error} (details in {out}/_manifest.json)",
        "nl": "eerste fout: {error} (details in {out}/_manifest.json)",
    },
    "sweep_read": {
        "en": "read it with pandas.read_parquet({out!r}); summarise with: lmxsim analyze {out}",
        "nl": "lees het met pandas.read_parquet({out!r}); vat samen met: lmxsim analyze {out}",
    },
    # --- validate ---
    "validate_help": {
        "en": "Check every stylized fact over many seeds: band, mean, 95% interval, share of seeds in band.",
        "nl": "Toets elk gestileerd feit over veel startgetallen: band, gemiddelde, 95%-interval, "
        "aandeel startgetallen in de band.",
    },
    "validate_seeds": {
        "en": "root seeds 1..S; each runs every fact",
        "nl": "startgetallen 1..S; elk toetst elk feit",
    },
    "validate_replications": {
        "en": "teams per fact and seed (20 or more; default 300)",
        "nl": "teams per feit en startgetal (20 of meer; standaard 300)",
    },
    "validate_ablations": {
        "en": "also switch each mechanism off in turn",
        "nl": "zet ook elk mechanisme om beurten uit",
    },
    "validate_json": {
        "en": "write facts (and ablations) as JSON here",
        "nl": "schrijf de feiten (en uitschakelingen) hier als JSON",
    },
    "validate_workers": {
        "en": "processes (results do not depend on it)",
        "nl": "processen (de uitkomst hangt er niet van af)",
    },
    "validate_bad_json": {
        "en": "{path} is a folder or its folder does not exist",
        "nl": "{path} is een map of de map ervan bestaat niet",
    },
    "validate_title": {
        "en": "lmxsim: stylized facts, default parameters, {seeds} seeds x {replications} teams",
        "nl": "lmxsim: gestileerde feiten, standaardparameters, {seeds} startgetallen x {replications} teams",
    },
    "validate_headings": {
        "en": "id|fact|source|band|mean|95% interval|seeds in band",
        "nl": "id|feit|bron|band|gemiddelde|95%-interval|startgetallen in band",
    },
    "validate_band": {"en": "{low} to {high}", "nl": "{low} tot {high}"},
    "validate_summary": {
        "en": "{passing} of {total} facts in band in at least 95% of seeds",
        "nl": "{passing} van {total} feiten in de band bij minstens 95% van de startgetallen",
    },
    "validate_known_miss": {
        "en": "{fact} is a known miss: it cannot hold together with {others}, whose sources are firmer "
        "(measured, docs/ODD.md 7.13)",
        "nl": "{fact} is een bekende misser: het kan niet samen met {others}, waarvan de bronnen "
        "sterker zijn (gemeten, docs/ODD.md 7.13)",
    },
    "validate_ablations_title": {
        "en": "ablations: x = the fact's mean leaves its band without the mechanism",
        "nl": "uitschakelingen: x = het gemiddelde van het feit valt buiten de band zonder het mechanisme",
    },
    "validate_switched_off": {"en": "mechanism switched off", "nl": "uitgezet mechanisme"},
    "validate_switch": {"en": "switch", "nl": "schakelaar"},
    "validate_blind": {
        "en": "no fact tells these mechanisms apart:",
        "nl": "geen feit onderscheidt deze mechanismen:",
    },
    "validate_written": {"en": "written: {path}", "nl": "geschreven: {path}"},
    "validate_rivals": {
        "en": "also evaluate the rival models (each with one causal path removed, re-tuned)",
        "nl": "toets ook de rivaliserende modellen (elk zonder één oorzakelijk pad, opnieuw afgesteld)",
    },
    "validate_config": {
        "en": "validate the parameters of this TOML file ([params]) instead of the defaults",
        "nl": "toets de parameters uit dit TOML-bestand ([params]) in plaats van de standaardwaarden",
    },
    "validate_weeks": {
        "en": "run the facts at this horizon in weeks (default 26; late weeks and windows move with it)",
        "nl": "toets de feiten over dit aantal weken (standaard 26; late weken en vensters schuiven mee)",
    },
    "validate_rivals_title": {
        "en": "the full model against its rivals: mean over seeds (red: outside the band)",
        "nl": "het volledige model tegen zijn rivalen: gemiddelde over startgetallen (rood: buiten de band)",
    },
    "validate_loop_gain": {
        "en": "loop gain (LMX gap of two equally able members, week 26 / week 6; P22): {gain}, "
        "the gap {regime}",
        "nl": "lusversterking (LMX-kloof tussen twee even capabele leden, week 26 / week 6; P22): {gain}, "
        "de kloof {regime}",
    },
    "validate_loop_fades": {"en": "fades (< .8)", "nl": "vervaagt (< .8)"},
    "validate_loop_sticks": {"en": "sticks (.8 to 1.2)", "nl": "blijft (.8 tot 1.2)"},
    "validate_loop_spirals": {"en": "spirals (> 1.2)", "nl": "groeit (> 1.2)"},
    "validate_robustness": {
        "en": "also change every parameter by -25, -10, +10 and +25% in turn and list the facts that "
        "leave their band",
        "nl": "verander ook elke parameter om beurten met -25, -10, +10 en +25% en noem de feiten die "
        "buiten hun band vallen",
    },
    "validate_robustness_params": {
        "en": "only these parameters for --robustness (comma-separated)",
        "nl": "alleen deze parameters voor --robustness (gescheiden door komma's)",
    },
    "validate_unknown_params": {
        "en": "unknown parameter(s): {names} (lmxsim params lists them)",
        "nl": "onbekende parameter(s): {names} (lmxsim params noemt ze)",
    },
    "validate_robustness_summary": {
        "en": "robustness, changes of {size}: {hold} of {cases} keep every fact in band "
        "(facts already out at the start not counted)",
        "nl": "robuustheid, veranderingen van {size}: {hold} van {cases} houden elk feit in de band "
        "(feiten die al buiten de band vielen niet meegeteld)",
    },
    "validate_band_heading": {"en": "band", "nl": "band"},
    "validate_full_model": {"en": "full model", "nl": "volledig model"},
    "validate_failed": {"en": "facts failed", "nl": "feiten niet gehaald"},
    "validate_rivals_blind": {
        "en": "these rivals fail fewer than two facts (the facts cannot tell them from the model):",
        "nl": "deze rivalen halen minder dan twee feiten niet "
        "(de feiten onderscheiden ze niet van het model):",
    },
    # --- calibrate ---
    "calibrate_help": {
        "en": "Search parameters that put every stylized fact in its band (the defaults, or a rival's), "
        "with the budget, seed and loss recorded; resumes from its folder.",
        "nl": "Zoek parameters die elk gestileerd feit in zijn band brengen (de standaardwaarden, of die "
        "van een rivaal), met budget, startgetal en verlies vastgelegd; gaat verder waar het bleef.",
    },
    "calibrate_rival": {
        "en": "calibrate this rival model ({names})",
        "nl": "stel dit rivaliserende model af ({names})",
    },
    "calibrate_out": {
        "en": "folder for evaluations.jsonl, params.toml and calibration.json",
        "nl": "map voor evaluations.jsonl, params.toml en calibration.json",
    },
    "calibrate_evaluations": {
        "en": "candidates scored in all (the budget)",
        "nl": "aantal beoordeelde kandidaten in totaal (het budget)",
    },
    "calibrate_samples": {
        "en": "of which Sobol samples (a power of 2)",
        "nl": "waarvan Sobol-steekproeven (een macht van 2)",
    },
    "calibrate_seeds": {"en": "root seeds per candidate", "nl": "startgetallen per kandidaat"},
    "calibrate_replications": {
        "en": "teams per fact and seed per candidate (20 or more)",
        "nl": "teams per feit en startgetal per kandidaat (20 of meer)",
    },
    "calibrate_seed": {"en": "seed of the Sobol scramble", "nl": "startgetal van de Sobol-menging"},
    "calibrate_weeks": {
        "en": "a horizon (weeks) every fact is judged at; repeat for more (the loss adds them up)",
        "nl": "een horizon (weken) waarop elk feit beoordeeld wordt; herhaal voor meer "
        "(het verlies telt ze op)",
    },
    "calibrate_unknown_rival": {
        "en": "unknown rival {name!r} (allowed: {names})",
        "nl": "onbekende rivaal {name!r} (toegestaan: {names})",
    },
    "calibrate_done": {
        "en": "{model}: loss {loss:.2f} after {evaluations} candidates; facts out of band: {failed}; "
        "written: {path}",
        "nl": "{model}: verlies {loss:.2f} na {evaluations} kandidaten; feiten buiten de band: {failed}; "
        "geschreven: {path}",
    },
    # --- strategies ---
    "strategies_help": {
        "en": "Compare strategies on the same luck (common random numbers) and say what they change.",
        "nl": "Vergelijk strategieën met hetzelfde toeval (gemeenschappelijke toevalsgetallen) "
        "en zeg wat ze veranderen.",
    },
    "strategies_team": {
        "en": "team file (.csv, .xlsx or .toml, docs/team-files.md)",
        "nl": "teambestand (.csv, .xlsx of .toml, docs/team-files.md)",
    },
    "strategies_team_default": {"en": "the packaged example team", "nl": "het meegeleverde voorbeeldteam"},
    "strategies_strategy": {
        "en": "a ready strategy (nothing, one-on-ones-out-group, reopen-role-taking, reflection-every-4, "
        "equal-latitude, team-map-one-on-ones) or a custom one: [LABEL=]SPEC+SPEC..., e.g. "
        "'Sam and Lotte=one-on-ones:Sam@1/1+one-on-ones:Lotte@1/1' (repeatable; default: all ready ones)",
        "nl": "een kant-en-klare strategie (nothing, one-on-ones-out-group, reopen-role-taking, "
        "reflection-every-4, equal-latitude, team-map-one-on-ones) of een eigen: [LABEL=]SPEC+SPEC..., "
        "bv. 'Sam en Lotte=one-on-ones:Sam@1/1+one-on-ones:Lotte@1/1' (herhaalbaar; standaard: alle "
        "kant-en-klare)",
    },
    "strategies_replications": {
        "en": "simulated years per strategy (30 or more for a fair comparison)",
        "nl": "gesimuleerde jaren per strategie (30 of meer voor een eerlijke vergelijking)",
    },
    "strategies_seed": {
        "en": "random seed (same seed, same comparison)",
        "nl": "toevalszaad (zelfde seed, zelfde vergelijking)",
    },
    "plan_help": {
        "en": "The leader's one-page Monday plan: what to do, with whom, which weeks, what to say.",
        "nl": "Het maandagplan van de leider op één pagina: wat te doen, met wie, in welke weken, "
        "wat te zeggen.",
    },
    "plan_survey": {
        "en": "the team's LMX-7 survey (docs/fitting.md); its items give each person's conversation guide",
        "nl": "de LMX-7-vragenlijst van het team (docs/fitting.md); de items geven per persoon een "
        "gespreksleidraad",
    },
    "plan_out": {
        "en": "the plan (HTML, one A4 page); the HR report is written next to it as its appendix",
        "nl": "het plan (HTML, één A4-pagina); het HR-rapport komt ernaast als bijlage",
    },
    "strategies_out": {
        "en": "folder for the CSV tables, PNG figures, texts",
        "nl": "map voor de CSV-tabellen, PNG-figuren en teksten",
    },
    "strategies_report": {
        "en": "write a one-page HTML report (for HR; print it to PDF from a browser)",
        "nl": "schrijf een HTML-rapport van één pagina (voor HR; druk het af als PDF vanuit een browser)",
    },
    "strategies_lang": {
        "en": "language of the table, conclusions, figures, report and CSVs (nl: ';' and decimal comma)",
        "nl": "taal van de tabel, conclusies, figuren, het rapport en de CSV's (nl: ';' en decimale komma)",
    },
    "strategies_hours": {
        "en": "your own leader hours per person per week an intervention acts, e.g. one-on-ones=0.75 "
        "(repeatable; default: the catalogue's assumptions, see docs/interventions.md)",
        "nl": "je eigen uren als leider per persoon per week dat een interventie loopt, bv. one-on-ones=0.75 "
        "(herhaalbaar; standaard: de aannames van de catalogus, zie docs/interventions.md)",
    },
    "strategies_budget": {
        "en": "your time budget in hours per week; strategies above it are marked",
        "nl": "je tijdsbudget in uren per week; strategieën erboven worden gemarkeerd",
    },
    "strategies_robustness": {
        "en": "also rerun with every intervention at 50% and 150% strength (same seeds; 3x the time)",
        "nl": "ook opnieuw met elke interventie op 50% en 150% sterkte (zelfde seeds; 3x de tijd)",
    },
    "strategies_list": {
        "en": "list the ready strategies and stop",
        "nl": "toon de kant-en-klare strategieën en stop",
    },
    "opt_overwrite": {
        "en": "replace an existing output file or non-empty output folder",
        "nl": "vervang een bestaand uitvoerbestand of een niet-lege uitvoermap",
    },
    "strategies_overwrite": {
        "en": "replace the files in a non-empty --out, or an existing --report",
        "nl": "vervang de bestanden in een niet-lege --out, of een bestaand --report",
    },
    "strategies_posterior": {
        "en": "a folder from `lmxsim fit`: spread the replications over its posterior draws",
        "nl": "een map van `lmxsim fit`: spreid de herhalingen over de posterior-trekkingen",
    },
    # --- app ---
    "app_cmd_help": {
        "en": "Start the workshop app (Ctrl+C stops it).",
        "nl": "Start de workshop-app (Ctrl+C stopt hem).",
    },
    "app_port": {"en": "port to serve on", "nl": "poort waarop de app luistert"},
    "app_host": {
        "en": "127.0.0.1 = this computer only; 0.0.0.0 = the room's network joins",
        "nl": "127.0.0.1 = alleen deze computer; 0.0.0.0 = het netwerk van de zaal doet mee",
    },
    "app_open": {"en": "open the app in the browser", "nl": "open de app in de browser"},
    "app_lang": {"en": "language at start", "nl": "taal bij de start"},
    "app_scenario": {"en": "preset scenario at start", "nl": "voorbeeldscenario bij de start"},
    "app_room": {
        "en": "workshop room: participants play their own team, /room?key=... shows the room",
        "nl": "workshopzaal: deelnemers spelen hun eigen team, /room?key=... toont de zaal",
    },
    "app_room_cap": {
        "en": "with --room: at most this many participants connected at once",
        "nl": "met --room: hoogstens zoveel deelnemers tegelijk verbonden",
    },
    # --- fit ---
    "fit_cmd_help": {
        "en": "Which model settings explain this team's LMX-7 answers, and how sure are we?",
        "nl": "Welke modelinstellingen verklaren de LMX-7-antwoorden van dit team, en hoe zeker zijn we?",
    },
    "fit_survey": {
        "en": "survey waves (CSV: name, wave, week, member_1..7 or member_total, leader_...)",
        "nl": "meetmomenten van de vragenlijst (CSV: name, wave, week, member_1..7 of "
        "member_total, leader_...)",
    },
    "fit_team": {
        "en": "team file (.csv, .xlsx or .toml, docs/team-files.md); or --teams for many teams",
        "nl": "teambestand (.csv, .xlsx of .toml, docs/team-files.md); of --teams voor meerdere teams",
    },
    "design_cmd_help": {
        "en": "Before collecting data: what would a study of this design (teams, waves, raters) teach the "
        "fit? Simulates it from known parameters and fits it R times",
        "nl": "Voor u gegevens verzamelt: wat zou een studie met dit ontwerp (teams, metingen, "
        "beoordelaars) de fit leren? Simuleert ze met bekende parameters en fit ze R keer",
    },
    "design_teams": {"en": "teams in the study", "nl": "teams in de studie"},
    "design_team_size": {"en": "people per team", "nl": "personen per team"},
    "design_weeks": {
        "en": "the waves' weeks since the teams started, e.g. 4,13,26",
        "nl": "de weken van de metingen sinds de start van de teams, bv. 4,13,26",
    },
    "design_leader": {
        "en": "the leader rates each member too (LMX-7), or only the members rate",
        "nl": "de leider beoordeelt ook elke medewerker (LMX-7), of alleen de medewerkers beoordelen",
    },
    "design_performance": {
        "en": "each member's objective performance at every wave too (survey column performance)",
        "nl": "ook de objectieve prestatie van elke medewerker bij elke meting (kolom prestatie)",
    },
    "design_rating": {
        "en": "the leader also rates each member's work 1-5 at every wave (survey column leader_rating)",
        "nl": "de leider geeft ook elke medewerker bij elke meting een 1-5 voor het werk "
        "(kolom leader_rating)",
    },
    "design_r": {
        "en": "simulated studies, each fitted once",
        "nl": "gesimuleerde studies, elk één keer gefit",
    },
    "design_truth": {
        "en": "fix a true parameter, e.g. confirmation_bias=0.8 (repeatable; the others are drawn from "
        "their priors per study)",
        "nl": "leg een ware parameter vast, bv. confirmation_bias=0.8 (herhaalbaar; de andere worden per "
        "studie uit hun prior getrokken)",
    },
    "design_out": {
        "en": "folder for design.csv (per parameter) and design-runs.csv (per study)",
        "nl": "map voor design.csv (per parameter) en design-runs.csv (per studie)",
    },
    "fit_teams": {
        "en": "folder with each team's file <team>.csv|.xlsx|.toml; the survey's `team` column names "
        "the team (many teams in one fit, pooled leader parameters; docs/fitting.md)",
        "nl": "map met het bestand van elk team <team>.csv|.xlsx|.toml; de kolom `team` van de vragenlijst "
        "noemt het team (meerdere teams in één fit, gedeelde leiderparameters; docs/fitting.md)",
    },
    "fit_observations": {
        "en": "optional team-level observations (CSV: week_from, week_to, problems_reported)",
        "nl": "optionele waarnemingen over het hele team (CSV: week_from, week_to, problems_reported)",
    },
    "fit_out": {
        "en": "folder for the posterior, checks and the pyABC database",
        "nl": "map voor de posterior, de controles en de pyABC-database",
    },
    "fit_priors": {
        "en": "TOML saying what to fit (docs/fitting.md)",
        "nl": "TOML die zegt wat geschat wordt (docs/fitting.md)",
    },
    "fit_priors_default": {
        "en": "identified first: first_impression_noise, leader_trust_rate and each person's first "
        "impression; confirmation_bias held at its default",
        "nl": "eerst wat identificeerbaar is: first_impression_noise, leader_trust_rate en de eerste "
        "indruk van elke persoon; confirmation_bias op zijn standaardwaarde",
    },
    "fit_also": {
        "en": "fit this model parameter too, over the range `lmxsim params` allows (repeat or separate "
        "with commas), e.g. --fit confirmation_bias",
        "nl": "fit ook deze modelparameter, over het bereik dat `lmxsim params` toelaat (herhaal of scheid "
        "met komma's), bv. --fit confirmation_bias",
    },
    "fit_population": {
        "en": "particles in the first generation (adaptive after)",
        "nl": "deeltjes in de eerste generatie (daarna adaptief)",
    },
    "fit_generations": {
        "en": "most ABC-SMC generations",
        "nl": "hoogstens zoveel ABC-SMC-generaties",
    },
    "fit_max_minutes": {
        "en": "stop after this long (the last full generation counts)",
        "nl": "stop na zoveel minuten (de laatste volledige generatie telt)",
    },
    "fit_seed": {
        "en": "random seed (batch sampler: same seed, same fit)",
        "nl": "toevalszaad (batch-sampler: zelfde zaad, zelfde schatting)",
    },
    "fit_sampler": {
        "en": "batch: many particles per vectorised run (fastest here); multicore: pyABC's, "
        "one process per core",
        "nl": "batch: veel deeltjes per gevectoriseerde run (hier het snelst); multicore: die "
        "van pyABC, één proces per kern",
    },
    "fit_workers": {
        "en": "processes for --sampler multicore and --dask local",
        "nl": "processen voor --sampler multicore en --dask local",
    },
    "fit_dask": {
        "en": "run the simulations on Dask: 'local' or a scheduler address tcp://host:port",
        "nl": "draai de simulaties op Dask: 'local' of een scheduleradres tcp://host:port",
    },
    "fit_resume": {
        "en": "continue the fit stored in --out (same survey, team, priors, seed)",
        "nl": "ga verder met de schatting in --out (zelfde vragenlijst, team, priors, zaad)",
    },
    "fit_overwrite": {
        "en": "replace a fit already in --out",
        "nl": "vervang een schatting die al in --out staat",
    },
    "fit_take_over": {
        "en": "take over --out from a fit that was killed and left its lock",
        "nl": "neem --out over van een afgebroken schatting die haar slot achterliet",
    },
    "fit_lang": {
        "en": "language of the progress lines, tables and the figure (nl: decimal comma)",
        "nl": "taal van de voortgangsregels, tabellen en de figuur (nl: decimale komma)",
    },
}
