"""Labels of the output measures (lmxsim/model/measures.py), keys `measure.<level>.<name>`."""

from __future__ import annotations

MEASURES: dict[str, dict[str, str]] = {
    # --- member measures ---
    "member.ability": {"en": "ability", "nl": "kunnen"},
    "member.first_impression": {"en": "first impression", "nl": "eerste indruk"},
    "member.member_expectation": {"en": "expectation of the leader", "nl": "verwachting van de leider"},
    "member.safety_propensity": {"en": "readiness to speak up", "nl": "bereidheid om iets te melden"},
    "member.trust": {"en": "trust", "nl": "vertrouwen"},
    "member.autonomy": {"en": "autonomy", "nl": "autonomie"},
    "member.motivation": {"en": "motivation", "nl": "motivatie"},
    "member.skill": {"en": "skill", "nl": "vaardigheid"},
    "member.safety": {"en": "psychological safety", "nl": "psychologische veiligheid"},
    "member.performance": {"en": "performance", "nl": "prestatie"},
    "member.leader_impression": {"en": "the leader's impression", "nl": "indruk van de leider"},
    "member.leader_trust": {"en": "the leader's trust", "nl": "vertrouwen van de leider"},
    "member.lmx": {"en": "relationship quality (LMX)", "nl": "relatiekwaliteit (LMX)"},
    "member.lmx7": {"en": "LMX-7", "nl": "LMX-7"},
    "member.phase": {"en": "phase", "nl": "fase"},
    "member.group": {"en": "group", "nl": "groep"},
    "member.problems_reported": {"en": "problems reported", "nl": "gemelde problemen"},
    "member.problems_hidden": {"en": "hidden problems", "nl": "verzwegen problemen"},
    # --- team measures ---
    "team.performance": {"en": "team performance", "nl": "teamprestatie"},
    "team.lmx_mean": {"en": "mean relationship quality (LMX)", "nl": "gemiddelde relatiekwaliteit (LMX)"},
    "team.lmx_differentiation": {"en": "LMX spread", "nl": "spreiding van LMX"},
    "team.out_group_share": {"en": "out-group share", "nl": "aandeel in de out-groep"},
    "team.safety_mean": {"en": "mean psychological safety", "nl": "gemiddelde psychologische veiligheid"},
    "team.problems_reported": {"en": "problems reported", "nl": "gemelde problemen"},
    "team.problems_hidden": {"en": "hidden problems", "nl": "verzwegen problemen"},
    "team.fires": {"en": "fires", "nl": "branden"},
}
