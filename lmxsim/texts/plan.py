"""Texts of the leader's one-page plan (`lmxsim plan`, docs/plan.md), English and Dutch.

Keys are used as `plan.<key>`. The LMX-7 items (Graen & Uhl-Bien 1995), each with what a
leader could ask and offer in a conversation, are `plan.item<j>`, `plan.ask<j>`,
`plan.offer<j>` for j = 1..7 (item order of the questionnaire).
"""

from __future__ import annotations

PLAN: dict[str, dict[str, str]] = {
    "title": {"en": "Monday plan: {team}", "nl": "Maandagplan: {team}"},
    "made": {
        "en": "Made {date} by lmxsim {version} from {files}; {r} simulated years per strategy, seed {seed}.",
        "nl": "Gemaakt {date} door lmxsim {version} uit {files}; {r} gesimuleerde jaren per strategie, "
        "seed {seed}.",
    },
    "fit_used": {
        "en": "The model was fitted to this team's survey ({fit}).",
        "nl": "Het model is gefit op de vragenlijst van dit team ({fit}).",
    },
    "h_advice": {"en": "What to do", "nl": "Wat te doen"},
    "advice": {"en": "Recommended: {title}: {what}.", "nl": "Aanbevolen: {title}: {what}."},
    "why_clear": {
        "en": "Why: of the {k} strategies compared it raises team performance most, clearly ahead of "
        "{second}; in {x} of 10 simulated years it does better than changing nothing.",
        "nl": "Waarom: van de {k} vergeleken strategieën verhoogt ze de teamprestatie het meest, duidelijk "
        "voor {second}; in {x} van de 10 gesimuleerde jaren doet ze het beter dan niets veranderen.",
    },
    "why_close": {
        "en": "Why: of the {k} strategies compared it scores best, but not clearly ahead of {second}; "
        "in {x} of 10 simulated years it does better than changing nothing.",
        "nl": "Waarom: van de {k} vergeleken strategieën scoort ze het best, maar niet duidelijk voor "
        "{second}; in {x} van de 10 gesimuleerde jaren doet ze het beter dan niets veranderen.",
    },
    "nothing_helps": {
        "en": "None of the {k} strategies compared clearly raises team performance over changing "
        "nothing. Keep doing what you do, hold the conversations below, and measure again.",
        "nl": "Geen van de {k} vergeleken strategieën verhoogt de teamprestatie duidelijk ten opzichte "
        "van niets veranderen. Doe verder wat je doet, voer de gesprekken hieronder en meet opnieuw.",
    },
    "helps": {
        "en": "in {x} of 10 simulated years this helps {name}",
        "nl": "in {x} van de 10 gesimuleerde jaren helpt dit {name}",
    },
    "costs": {
        "en": "in {x} of 10 simulated years it costs {name} something",
        "nl": "in {x} van de 10 gesimuleerde jaren kost dit {name} iets",
    },
    "no_difference": {
        "en": "for {names} it makes no difference",
        "nl": "voor {names} maakt het geen verschil",
    },
    "cannot_say": {
        "en": "for {names} the model cannot say",
        "nl": "voor {names} kan het model het niet zeggen",
    },
    "sure": {
        "en": "How sure: {robust} The numbers cover the simulation's luck, not what the model leaves "
        "out; the strengths and hours of the interventions are assumptions.",
        "nl": "Hoe zeker: {robust} De getallen dekken het toeval van de simulatie, niet wat het model "
        "weglaat; de sterktes en uren van de interventies zijn aannames.",
    },
    "not_checked": {
        "en": "The ranking was not checked with weaker and stronger interventions.",
        "nl": "De rangorde is niet nagegaan met zwakkere en sterkere interventies.",
    },
    "h_calendar": {"en": "Your hours, weeks 1-12", "nl": "Jouw uren, week 1-12"},
    "week_short": {"en": "wk", "nl": "wk"},
    "calendar_note": {
        "en": "Busiest week: week {pw}, {peak} h. On average {mean} h per week over {w} weeks. "
        "Expected hours (the out-group changes from year to year).",
        "nl": "Drukste week: week {pw}, {peak} uur. Gemiddeld {mean} uur per week over {w} weken. "
        "Verwachte uren (de out-groep verschilt van jaar tot jaar).",
    },
    "h_people": {"en": "Per person", "nl": "Per persoon"},
    "col_person": {"en": "Person", "nl": "Persoon"},
    "col_effect": {
        "en": "What the plan does for them, and why",
        "nl": "Wat het plan voor hen doet, en waarom",
    },
    "col_talk": {
        "en": "Conversation (their lowest LMX-7 items)",
        "nl": "Gesprek (hun laagste LMX-7-items)",
    },
    "person_why": {
        "en": "{verdict}: {group}, first impression {fi}, {share} of this plan's hours.",
        "nl": "{verdict}: {group}, eerste indruk {fi}, {share} van de uren van dit plan.",
    },
    "v_gains": {"en": "Helps (in {x} of 10 years)", "nl": "Helpt (in {x} van de 10 jaren)"},
    "v_loses": {"en": "Worse off (in {x} of 10 years)", "nl": "Gaat achteruit (in {x} van de 10 jaren)"},
    "also_low": {"en": "Also low: {item} ({score} of 5).", "nl": "Ook laag: {item} ({score} van 5)."},
    "v_same": {"en": "No difference", "nl": "Geen verschil"},
    "v_unclear": {"en": "Cannot say", "nl": "Niet te zeggen"},
    "g_out": {
        "en": "out-group in {x} of 10 years if nothing changes",
        "nl": "in {x} van de 10 jaren in de out-groep als er niets verandert",
    },
    "g_in": {
        "en": "in-group in {x} of 10 years if nothing changes",
        "nl": "in {x} van de 10 jaren in de in-groep als er niets verandert",
    },
    "g_middle": {
        "en": "mostly in the middle if nothing changes",
        "nl": "meestal in het midden als er niets verandert",
    },
    "fi_far": {"en": "{v} (far)", "nl": "{v} (ver weg)"},
    "fi_close": {"en": "{v} (close)", "nl": "{v} (dichtbij)"},
    "fi_mid": {"en": "{v}", "nl": "{v}"},
    "talk": {
        "en": "{item} ({score} of 5): ask \u201c{ask}\u201d Offer: {offer}",
        "nl": "{item} ({score} van 5): vraag \u201c{ask}\u201d Bied: {offer}",
    },
    "no_items": {
        "en": "No item scores (a survey with member_1 .. member_7 gives a conversation guide).",
        "nl": "Geen itemscores (een vragenlijst met member_1 .. member_7 geeft een gespreksleidraad).",
    },
    "h_next": {"en": "Measure again", "nl": "Opnieuw meten"},
    "next": {
        "en": "Survey the team again in week {w} with the same seven LMX-7 items (wave {wave}). "
        "Watch: {items}.",
        "nl": "Laat het team in week {w} opnieuw de zeven LMX-7-items invullen (meting {wave}). "
        "Let op: {items}.",
    },
    "watch_default": {
        "en": "items 2 (understanding problems) and 4 (help with problems), the first to move",
        "nl": "items 2 (begrip voor problemen) en 4 (hulp bij problemen), die het eerst bewegen",
    },
    "watch_item": {
        "en": "item {j} ({item}, team mean {mean})",
        "nl": "item {j} ({item}, teamgemiddelde {mean})",
    },
    "h_privacy": {"en": "Privacy", "nl": "Privacy"},
    "privacy": {
        "en": "Your files stay on this machine: lmxsim sends nothing anywhere. Use first names or "
        "pseudonyms (A, B, ...) and keep the key elsewhere. LMX-7 answers are personal data about how "
        "people see their leader: ask consent, report at team level only, delete them when done. A works "
        "council may want to see what is measured, why, who sees it and how long it is kept (in the "
        "Netherlands a staff survey can need its consent, WOR art. 27).",
        "nl": "Je bestanden blijven op deze computer: lmxsim stuurt niets weg. Gebruik voornamen of "
        "pseudoniemen (A, B, ...) en bewaar de sleutel ergens anders. LMX-7-antwoorden zijn "
        "persoonsgegevens over hoe mensen hun leider zien: vraag toestemming, rapporteer alleen op "
        "teamniveau, wis ze als je klaar bent. Een ondernemingsraad wil mogelijk zien wat je meet, "
        "waarom, wie het ziet en hoe lang je het bewaart (in Nederland kan een personeelsenquête zijn "
        "instemming vragen, WOR art. 27).",
    },
    "appendix": {
        "en": "Details for HR (about ten pages): {file}.",
        "nl": "Details voor HR (ongeveer tien pagina's): {file}.",
    },
    "legend": {
        "en": "Colours: green helps, red worse off, blue no difference, striped cannot say; "
        "no colour: no data.",
        "nl": "Kleuren: groen helpt, rood gaat achteruit, blauw geen verschil, gestreept niet te zeggen; "
        "geen kleur: geen gegevens.",
    },
    "appendix_suffix": {"en": "hr-appendix", "nl": "hr-bijlage"},
    "wrote": {
        "en": "Wrote the plan {path} and its appendix {appendix}.",
        "nl": "Plan {path} en bijlage {appendix} geschreven.",
    },
    # the seven LMX-7 items (short), what to ask, what to offer
    "item1": {"en": "Knowing where they stand", "nl": "Weten waar ze staan"},
    "ask1": {
        "en": "How do you think I see your work?",
        "nl": "Hoe denk je dat ik naar je werk kijk?",
    },
    "offer1": {
        "en": "say plainly what goes well and what you expect next.",
        "nl": "zeg duidelijk wat goed gaat en wat je hierna verwacht.",
    },
    "item2": {"en": "Understanding their problems and needs", "nl": "Begrip voor problemen en behoeften"},
    "ask2": {
        "en": "What gets in the way of your work right now?",
        "nl": "Wat zit je werk op dit moment in de weg?",
    },
    "offer2": {
        "en": "remove one obstacle this month.",
        "nl": "ruim deze maand één hindernis op.",
    },
    "item3": {"en": "Seeing their potential", "nl": "Hun mogelijkheden zien"},
    "ask3": {
        "en": "What would you like to do more of?",
        "nl": "Wat zou je meer willen doen?",
    },
    "offer3": {
        "en": "one task that uses that strength.",
        "nl": "één taak die dat sterke punt gebruikt.",
    },
    "item4": {"en": "Help with problems in the work", "nl": "Hulp bij problemen in het werk"},
    "ask4": {
        "en": "Where could I use my position to help you?",
        "nl": "Waar kan ik mijn positie gebruiken om je te helpen?",
    },
    "offer4": {
        "en": "act on one of those within two weeks.",
        "nl": "pak er binnen twee weken één op.",
    },
    "item5": {"en": "Being backed up", "nl": "Gesteund worden"},
    "ask5": {
        "en": "When did you last feel left alone with a problem?",
        "nl": "Wanneer stond je laatst alleen met een probleem?",
    },
    "offer5": {
        "en": "say you will stand behind them next time, and do so.",
        "nl": "zeg dat je er de volgende keer achter staat, en doe dat.",
    },
    "item6": {"en": "Trusting your decisions", "nl": "Vertrouwen in je beslissingen"},
    "ask6": {
        "en": "Which of my decisions was hard to understand?",
        "nl": "Welke beslissing van mij was moeilijk te begrijpen?",
    },
    "offer6": {
        "en": "explain your reasons before the next decision.",
        "nl": "leg je redenen uit vóór de volgende beslissing.",
    },
    "item7": {"en": "The working relationship", "nl": "De werkrelatie"},
    "ask7": {
        "en": "What would make working together better for you?",
        "nl": "Wat zou samenwerken voor jou beter maken?",
    },
    "offer7": {
        "en": "a fixed half hour every two weeks.",
        "nl": "een vast half uur om de twee weken.",
    },
}
