"""Every model parameter, declared once: default, allowed range, meaning, source.

The CLI, config files, the app's sliders, the sweep validator and the ODD
parameter table all read `PARAMETERS`; nothing else hard-codes a default.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from typing import Any

from lmxsim.io.rules import ParameterError

__all__ = ["MERGED", "PARAMETERS", "ParameterError", "Params", "parameter_table", "unknown_hint"]


def _p(default: float | bool, low: float, high: float, meaning: str, source: str) -> Any:
    return field(
        default=default,
        metadata={"low": low, "high": high, "meaning": meaning, "source": source},
    )


@dataclass(frozen=True)
class Params:
    """Model parameters. Construct with keywords; out-of-range values raise ParameterError."""

    # fmt: off

    # --- the team as drawn when no team is given -------------------------------------
    ability_mean: float = _p(0.6, 0.05, 0.95,
        'mean true ability of drawn members (normal, cut to .01..99)',
        'calibration: sets the average; Martin et al. 2016 rho=.30 constrains the spread')
    ability_sd: float = _p(0.06, 0.0, 0.25,
        'spread of true ability of drawn members',
        'Hunter, Schmidt & Judiesch 1990 via P26: with the treatment it gives an output spread of 23% '
        'of the mean (their 15-48%); a wider one pushes P4 above Martin et al. 2016')
    first_impression_noise: float = _p(0.08, 0.0, 0.6,
        'how far the first impression may miss true ability (sd)',
        'Liden et al. 1993: early LMX rests on affect more than on performance')
    trust_propensity_sd: float = _p(0.15, 0.05, 2.0,
        "spread of members' trust propensity (normal around .5, cut to 0..1; .35 gives SD .25)",
        'keeps a member-specific part of trust so r(trust, LMX) stays near .69 (Dirks & Ferrin)')

    member_expectation_sd: float = _p(0.2, 0.0, 1.0,
        "spread of members' expectations of this leader (normal around .5, cut to 0..1)",
        'Liden, Wayne & Stilwell 1993: member expectations in the first days vary and matter')
    safety_propensity_sd: float = _p(0.2, 0.0, 1.0,
        "spread of members' own readiness to speak up (normal around .5, cut to 0..1)",
        'assumed: safety is felt per person, not only per team (Edmondson 1999)')
    team_climate: float = _p(0.0, -0.5, 0.5,
        'the team climate: safety every member of this team starts from, above or below average',
        'Edmondson 1999: psychological safety is a shared team property')
    climate_sd: float = _p(0.08, 0.0, 0.5,
        'how much the climate differs between drawn teams (sd, around team_climate)',
        'calibration: keeps r(LMX spread, team safety) from being a function of trust alone')

    # --- the leader's attention -------------------------------------------------------
    attention_budget: float = _p(0.5, 0.05, 1.0,
        'share of the team the leader has real contact with in a week',
        'assumed: about one contact in three weeks on average')
    attention_equality: float = _p(0.15, 0.0, 1.0,
        "share of the leader's attention spread evenly over the team; the rest follows the leader's trust",
        "Dansereau et al. 1975: the in-group gets more of the leader's attention")

    firefighting_weight: float = _p(5.7, 0.0, 10.0,
        "share of the leader's relationship time one fire per member eats",
        'Repenning & Sterman 2001: firefighting crowds out improvement and relationship work')
    problem_contact: float = _p(0.5, 0.0, 1.0,
        'chance that a problem a member raised becomes a real conversation with the leader next week',
        'Edmondson 1996: speaking up is an exchange; assumed')

    # --- autonomy (negotiating latitude) ----------------------------------------------
    autonomy_rate: float = _p(0.3, 0.0, 1.0,
        "how fast granted autonomy follows the leader's trust, per week",
        'Dansereau et al. 1975: latitude follows the exchange; calibration')
    initial_autonomy: float = _p(0.5, 0.0, 1.0,
        'autonomy every newcomer starts with, and everyone keeps when autonomy does not follow trust',
        'assumed')
    autonomy_follows_trust: bool = _p(True, 0, 1,
        'autonomy follows leader trust (False cuts the out-group loop)',
        'Manzoni & Barsoux 1998: control of the out-group closes the loop')

    # --- work and performance ---------------------------------------------------------
    performance_noise: float = _p(0.14, 0.0, 0.5,
        'week-to-week luck in output (sd)',
        'calibration: sets Pygmalion d near .95 (McNatt 2000 d=1.13; Kierein & Gold d=.81)')
    effort_floor: float = _p(0.8, 0.0, 1.0,
        'effort of a member with no motivation, relative to full effort',
        'calibration')
    opportunity_floor: float = _p(0.05, 0.0, 1.0,
        'share of ability routine work (no autonomy) still lets show',
        'Manzoni & Barsoux 1998: the out-group gets routine work')
    effort_curve: float = _p(0.58, 0.1, 3.0,
        'shape of effort against motivation (below 1: a little motivation goes a long way)',
        'calibration')
    opportunity_curve: float = _p(0.53, 0.1, 3.0,
        'shape of opportunity against autonomy (below 1: some latitude opens most chances)',
        'calibration')
    routine_hides: float = _p(0.825, 0.0, 1.0,
        'how much of what routine work withholds from output it also hides from the leader',
        'Manzoni & Barsoux 1998: routine work gives few chances to show what one can')
    fire_cost: float = _p(0.5, 0.0, 3.0,
        "member-weeks of output one fire burns, shared by the whole team",
        'Repenning & Sterman 2001: firefighting crowds out productive work')

    # --- the leader's observation and belief (first-impression bias) -------------------
    observation_noise: float = _p(0.02, 0.0, 0.5,
        "noise of the leader's view of work done with full autonomy (sd)",
        'calibration')
    routine_noise: float = _p(0.285, 0.0, 1.0,
        'extra noise when the work is routine (no autonomy): it says little',
        'Manzoni & Barsoux 1998: the out-group gets few chances to show what they can')
    initial_confidence: float = _p(0.1375, 0.0, 0.95,
        'how firmly the first impression anchors (confidence at start): every later observation '
        'counts (1 - confidence) as much as it would for an open-minded leader',
        'Manzoni & Barsoux 1998: labels form within days and are hard to change; calibration')
    confidence_gain: float = _p(0.15, 0.0, 1.0,
        'how fast the leader grows sure of an impression per clear observation',
        'calibration')
    confirmation_bias: float = _p(0.3, 0.0, 1.0,
        'share of disconfirming evidence the leader discounts',
        'Manzoni & Barsoux 1998: the boss notices mainly confirming evidence')
    clear_evidence_sd: float = _p(0.24, 0.01, 1.0,
        'observation noise at which evidence counts half (clarity = s^2 / (s^2 + noise^2))',
        'calibration')
    initial_leader_trust: float = _p(0.3, 0.0, 1.0,
        "the leader's trust in a newcomer before any exchange (a stranger)",
        'Graen & Uhl-Bien 1995: the stranger phase is low, contractual exchange')
    leader_trust_rate: float = _p(0.3, 0.0, 1.0,
        "how fast the leader's trust follows the impression, per week",
        'calibration')
    values_challenge: float = _p(0.0, -1.0, 1.0,
        'what the leader values: +1 rebels who challenge, -1 rule-followers, 0 neither',
        "seed text: the leader's own preferences colour the impression (self-knowledge)")

    # --- the member's side ------------------------------------------------------------
    initial_support: float = _p(0.5, 0.0, 1.0,
        'support a newcomer feels before any contact',
        'assumed: neutral')
    support_rate: float = _p(0.1, 0.0, 1.0,
        "how fast felt support follows the leader's trust shown in a contact",
        'calibration')
    propensity_weight: float = _p(0.4, 0.0, 1.0,
        "weight of the member's own trust propensity in their trust",
        'keeps a member-specific part of trust (Dirks & Ferrin 2002: r(trust, LMX) = .69)')
    member_expectation_weight: float = _p(0.215, 0.0, 0.7,
        "weight of the member's expectation of this leader in their trust (0 switches it off)",
        'Liden, Wayne & Stilwell 1993: member expectations predict LMX at six months')
    trust_rate: float = _p(0.22, 0.0, 1.0,
        'how fast member trust moves toward its target, per week',
        'slow updating keeps r(trust, LMX) near .69 (Dirks & Ferrin 2002)')
    unfairness_weight: float = _p(0.4, 0.0, 2.0,
        'trust lost per unit of autonomy below the team average',
        'Yu et al. 2018; Dong et al. 2020: differentiation lowers trust')
    differentiation_weight: float = _p(0.34, 0.0, 2.0,
        'trust lost per unit of LMX spread in the team',
        'Dong et al. 2020: differentiation lowers trust in the leader')
    motivation_rate: float = _p(0.3, 0.0, 1.0,
        'how fast motivation follows trust and autonomy, per week',
        'assumed')
    motivation_trust_share: float = _p(0.3, 0.0, 1.0,
        'share of trust (against autonomy) in what drives motivation',
        'Deci & Ryan: relatedness and autonomy; calibration')
    initial_skill: float = _p(0.95, 0.5, 1.0,
        'skill a newcomer shows at the start, as a share of their ability',
        'assumed')
    skill_rate: float = _p(0.08, 0.0, 0.5,
        'how fast skill grows toward ability with the chances autonomy gives',
        'assumed: months to close most of the gap')
    safety_base: float = _p(0.67, 0.0, 1.0,
        'safety of a member with average trust and disposition in an average, unsplit team',
        'calibration')
    safety_trust_weight: float = _p(0.8, 0.0, 2.0,
        'safety gained per unit of trust in the leader',
        'Edmondson 1999; Dong et al. 2020: trust in the leader carries voice')
    safety_propensity_weight: float = _p(0.4, 0.0, 2.0,
        "safety gained per unit of the member's own readiness to speak up",
        'assumed')
    safety_rate: float = _p(0.3, 0.0, 1.0,
        'how fast felt safety follows its target, per week',
        'assumed')
    safety_differentiation_weight: float = _p(3, 0.0, 5.0,
        'safety lost per unit of LMX spread in the team',
        'Yu et al. 2018; Edmondson 1999: team climate')

    # --- problems and fires (Lean) ----------------------------------------------------
    problem_rate: float = _p(0.6, 0.0, 1.0,
        'chance a member meets a problem in a week',
        'assumed')
    reporting_floor: float = _p(0.1, 0.0, 1.0,
        'chance a member reports a problem when they feel no safety at all',
        'Milliken et al. 2003: silence is the default')
    reporting_safety_weight: float = _p(0.8, 0.0, 1.0,
        'extra chance of reporting per unit of felt safety (0 with floor .5 switches it off)',
        'Edmondson 1996: detected problems = actual problems x reporting rate')
    fire_chance: float = _p(0.06, 0.0, 1.0,
        'weekly chance that one hidden problem flares up into a fire',
        'assumed: a default team of ten sees a fire every week or two, a low-safety team several')
    resolve_chance: float = _p(0.25, 0.0, 1.0,
        'weekly chance that one hidden problem is quietly solved',
        'assumed')

    # --- phases and stabilisation (leadership making) ----------------------------------
    contacts_to_acquaintance: float = _p(2, 1, 20,
        'contacts that end the stranger phase',
        'Graen & Uhl-Bien 1995; assumed')
    acquaintance_learning: float = _p(0.5, 0.0, 1.0,
        'learning rate once roles are being made (acquaintance and mature phases; strangers learn in full)',
        'Graen & Uhl-Bien 1995: roles are tested, then negotiated; calibration')
    mature_lmx: float = _p(0.55, 0.0, 1.0,
        'LMX an acquaintance needs to count as a mature partnership',
        'Graen & Uhl-Bien 1995')
    settle_threshold: float = _p(0.0149, 0.0, 0.1,
        'weekly LMX change below which a relationship is settling',
        'Nahrgang et al. 2009: LMX rises then stabilises')
    settle_speed: float = _p(0.1, 0.0, 1.0,
        'how fast plasticity fades in a settling relationship, per week',
        "'the bandwidth is fixed': calibration")
    plasticity_floor: float = _p(0.05, 0.0, 1.0,
        'plasticity left in a fully settled relationship',
        'calibration')

    # --- causal paths: each rival model (lmxsim/rivals.py) switches one of them off ------
    belief_reads_treated_work: bool = _p(True, 0, 1,
        "the leader's impression learns from the work the leader's own treatment shaped "
        "(false: from work as if every member had the same latitude and drive)",
        'Manzoni & Barsoux 1998: the boss reads the routine work the boss assigned; rival no-confirmation')
    treatment_shapes_work: bool = _p(True, 0, 1,
        "the leader's trust and latitude change the member's work and skill "
        '(false: everyone works and grows as if treated alike)',
        'Eden 1990; McNatt 2000: expectations act through treatment; rival no-pygmalion')
    impression_learns: bool = _p(True, 0, 1,
        "the leader's impression learns from what the leader sees "
        '(false: labels stay where the first impression put them)',
        'Dansereau et al. 1975 (a vertical dyad without dynamics); rival static-labels')
    first_impression_counts: bool = _p(True, 0, 1,
        'the leader starts from a first impression of each member '
        "(false: from the same view of everyone, the team's mean first impression)",
        'Liden, Wayne & Stilwell 1993; Nahrgang et al. 2009; rival no-first-impression')

    # --- group labels -----------------------------------------------------------------
    in_group_rlmx: float = _p(0.05, -0.5, 0.5,
        "LMX above the team's mean from which a member counts as in-group (relative LMX; .05 = 1.4 LMX-7)",
        'Henderson et al. 2008; Hu & Liden 2013: standing relative to the team (RLMX); '
        'calibration: the top quarter of default teams at week 26')
    out_group_rlmx: float = _p(-0.05, -0.5, 0.5,
        "LMX relative to the team's mean below which a member counts as out-group (relative LMX)",
        'Henderson et al. 2008; Hu & Liden 2013: standing relative to the team (RLMX); '
        'calibration: the bottom quarter of default teams at week 26')
    # fmt: on

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.type in ("bool", bool):
                if not isinstance(value, bool):
                    raise ParameterError(f"parameter {f.name} = {value!r} is not allowed: use true or false")
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ParameterError(
                    f"parameter {f.name} = {value!r} is not a number "
                    f"(allowed: {f.metadata['low']} to {f.metadata['high']})"
                )
            if not f.metadata["low"] <= value <= f.metadata["high"]:
                raise ParameterError(
                    f"parameter {f.name} = {value!r} is out of range "
                    f"(allowed: {f.metadata['low']} to {f.metadata['high']}; "
                    f"{f.metadata['meaning']})"
                )
        if self.out_group_rlmx > self.in_group_rlmx:
            raise ParameterError(
                f"parameter out_group_rlmx = {self.out_group_rlmx} must not exceed "
                f"in_group_rlmx = {self.in_group_rlmx}"
            )

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Params:
        """Build from a config mapping; unknown names are an error, not silently ignored."""
        known = {f.name for f in dataclasses.fields(cls)}
        for name in values:
            if name not in known:
                raise ParameterError(f"unknown parameter {name!r}{unknown_hint(name)}")
        return cls(**values)

    def replace(self, **changes: Any) -> Params:
        """A copy with some values changed (validated)."""
        return Params.from_dict({**self.to_dict(), **changes})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


PARAMETERS: dict[str, dataclasses.Field] = {f.name: f for f in dataclasses.fields(Params)}

# Model v3 removed parameters that barely moved any result (docs/ODD.md 7.12, Morris screening).
REMOVED = "removed in Model v3: it barely moved any result; delete the line"

# Parameters of earlier versions that live on inside another: a file that still sets one is told
# how to carry its value over, not only that the name is unknown.
MERGED = {
    "belief_rate": "merged into initial_confidence in Model v3: use "
    "initial_confidence = 1 - belief_rate x (1 - initial_confidence)",
    "fixed_autonomy": "merged into initial_autonomy in Model v3: use initial_autonomy",
    "mature_learning": "merged into acquaintance_learning in Model v3: use acquaintance_learning",
    "stranger_learning": REMOVED,
    "mature_plasticity": REMOVED,
    "coaching_weight": REMOVED,
    "firefighting_floor": REMOVED,
}


def unknown_hint(name: str) -> str:
    """What to say after "unknown parameter NAME": where a merged one went, or close names."""
    if name in MERGED:
        return f" ({MERGED[name]})"
    close = difflib.get_close_matches(name, sorted(PARAMETERS), n=3)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def parameter_table() -> list[dict[str, Any]]:
    """Rows for docs and `lmxsim params`: name, default, range, meaning, source."""
    return [
        {
            "name": f.name,
            "default": f.default,
            "low": f.metadata["low"],
            "high": f.metadata["high"],
            "meaning": f.metadata["meaning"],
            "source": f.metadata["source"],
        }
        for f in PARAMETERS.values()
    ]


ODD_TABLE_START = "<!-- parameter table: generated from lmxsim/model/params.py by params.markdown_table() -->"
ODD_TABLE_END = "<!-- end of the generated parameter table -->"


def markdown_table() -> str:
    """The full parameter table of docs/ODD.md §7 (name | default | range | meaning | source),
    generated from Params so the document cannot disagree with the code (tests/test_docs_params.py)."""

    def cell(text: object) -> str:
        return str(text).replace("|", "\\|")

    def number(value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return f"{value:g}" if isinstance(value, int | float) else str(value)

    lines = [
        ODD_TABLE_START,
        "",
        "| name | default | range | meaning | source |",
        "|---|---|---|---|---|",
    ]
    for row in parameter_table():
        allowed = (
            "true / false"
            if isinstance(row["default"], bool)
            else f"{number(row['low'])} to {number(row['high'])}"
        )
        lines.append(
            f"| `{row['name']}` | {number(row['default'])} | {allowed} | {cell(row['meaning'])} | "
            f"{cell(row['source'])} |"
        )
    return "\n".join([*lines, "", ODD_TABLE_END])
