"""The public contract of the output tables: column names shared by both engines.

Kept apart from model.py so code that only needs the names (the batch engine in
sweep workers) does not import Mesa.
"""

MEMBER_COLUMNS = [
    "week",
    "member_id",
    "name",
    "ability",
    "first_impression",
    "member_expectation",
    "safety_propensity",
    "trust",
    "autonomy",
    "motivation",
    "skill",
    "safety",
    "performance",
    "leader_impression",
    "leader_trust",
    "lmx",
    "lmx7",
    "phase",
    "group",
    "problems_reported",
    "problems_hidden",
]
# Traits: given or drawn at the start, constant over a run.
MEMBER_TRAITS = ["ability", "first_impression", "member_expectation", "safety_propensity"]
TEAM_COLUMNS = [
    "week",
    "performance",
    "lmx_mean",
    "lmx_differentiation",
    "out_group_share",
    "safety_mean",
    "problems_reported",
    "problems_hidden",
    "fires",
]
