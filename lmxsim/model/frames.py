"""The public contract of the output tables: column names shared by both engines.

Derived from the measure declarations (lmxsim/model/measures.py), so a new measure reaches
every table without being listed again. Kept apart from model.py so code that only
needs the names (the batch engine in sweep workers) does not import Mesa.
"""

from lmxsim.model.measures import MEMBER_MEASURES, TEAM_MEASURES, TRAITS

MEMBER_COLUMNS = ["week", "member_id", "name", *MEMBER_MEASURES]
# Traits: given or drawn at the start, constant over a run.
MEMBER_TRAITS = list(TRAITS)
TEAM_COLUMNS = ["week", *TEAM_MEASURES]
