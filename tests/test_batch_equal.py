"""The batch engine equals the Mesa model: same parameters, team and seed give the same frames.

Hypothesis draws parameters within their declared ranges, teams, seeds and
schedules of every intervention in the catalogue. Numeric columns must agree
to 1e-9 (numpy's SIMD power differs from scalar pow by 1 ULP), text columns
exactly.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmxsim.engine import batch, batch_many
from lmxsim.engine.batch import run_batch
from lmxsim.engine.batch_many import iter_team_tables, run_many
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import CATALOGUE, GROUP_TARGETS, TEAM, InterventionError
from lmxsim.model.params import PARAMETERS, ParameterError, Params
from lmxsim.team.members import NAMES, Member

TOLERANCE = 1e-9
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_frames_equal(fast: pd.DataFrame, reference: pd.DataFrame, what: str) -> None:
    assert list(fast.columns) == list(reference.columns), what
    assert len(fast) == len(reference), what
    for column in reference.columns:
        ref, got = reference[column].to_numpy(), fast[column].to_numpy()
        if pd.api.types.is_numeric_dtype(reference[column]) and not pd.api.types.is_bool_dtype(
            reference[column]
        ):
            np.testing.assert_allclose(
                got.astype(float), ref.astype(float), rtol=0, atol=TOLERANCE, err_msg=f"{what}: {column}"
            )
        else:
            assert [str(v) for v in got] == [str(v) for v in ref], f"{what}: {column}"


def assert_equal_to_mesa(run: batch.BatchRun, r: int, model: LMXModel, what: str) -> None:
    assert_frames_equal(run.team_frame(r), model.team_frame(), f"{what} team frame")
    assert_frames_equal(run.member_frame(r), model.member_frame(), f"{what} member frame")


# --- strategies ----------------------------------------------------------------------


@st.composite
def params_st(draw) -> Params:
    values = {}
    for name, f in PARAMETERS.items():
        if f.type in ("bool", bool):
            values[name] = draw(st.booleans())
        elif f.type in ("int", int):
            values[name] = draw(st.integers(int(f.metadata["low"]), int(f.metadata["high"])))
        else:
            values[name] = draw(st.floats(f.metadata["low"], f.metadata["high"], allow_nan=False))
    low, high = sorted((values["out_group_rlmx"], values["in_group_rlmx"]))
    values["out_group_rlmx"], values["in_group_rlmx"] = low, high
    return Params(**values)


unit = st.floats(0.0, 1.0, allow_nan=False)


@st.composite
def team_st(draw) -> tuple[list[Member] | None, int]:
    """Either given members (some without trust propensity, some with time together with the
    leader and LMX-7 answers) or a team size to draw."""
    if draw(st.booleans()):
        return None, draw(st.integers(1, 15))
    size = draw(st.integers(1, 6))
    members = [
        Member(
            name=NAMES[i],
            ability=draw(unit),
            first_impression=draw(unit),
            challenge=draw(unit),
            trust_propensity=draw(st.none() | unit),
            weeks_together=draw(st.just(0) | st.integers(0, 80)),
            lmx7=draw(st.none() | st.floats(7.0, 35.0)),
            lmx7_leader=draw(st.none() | st.integers(7, 35)),
        )
        for i in range(size)
    ]
    return members, size


seed_st = st.integers(0, 2**63) | st.builds(
    np.random.SeedSequence,
    st.integers(0, 2**128),
    spawn_key=st.lists(st.integers(0, 2**32), max_size=2).map(tuple),
)


def make_intervention(kind: type, target: str, start, every, duration, options: dict | None = None):
    """An intervention of this kind; rhythm, duration and options only where the kind allows them."""
    options = {k: v for k, v in (options or {}).items() if k in getattr(kind, "options", ())}
    for extra in (
        {"every": every, "duration": duration, **options},
        {"every": every, "duration": duration},
        {"duration": duration},
        {"every": every},
        {},
    ):
        try:
            return kind(target=target, start=start, **{k: v for k, v in extra.items() if v is not None})
        except (InterventionError, TypeError):
            continue
    return kind(target=target, start=start)


@st.composite
def schedule_st(draw, names: list[str], weeks: int):
    if not CATALOGUE or not draw(st.booleans()):
        return []
    plans = []
    for _ in range(draw(st.integers(1, 3))):
        kind = CATALOGUE[draw(st.sampled_from(sorted(CATALOGUE)))]
        target = draw(st.sampled_from([TEAM, *GROUP_TARGETS, *names]))
        start = draw(st.none() | st.integers(1, max(1, weeks)))
        every = draw(st.none() | st.integers(1, 5))
        duration = draw(st.none() | st.integers(1, 10))
        # extra settings (e.g. equal-latitude's level) are fractions where a kind has them
        options = {name: draw(st.none() | unit) for name in getattr(kind, "options", ())}
        plans.append(make_intervention(kind, target, start, every, duration, options))
    return plans


def team_names(team: list[Member] | None, n: int) -> list[str]:
    return [m.name for m in team] if team is not None else list(NAMES[:n])


# --- equality with the Mesa model ----------------------------------------------------


@SETTINGS
@given(data=st.data())
def test_batch_frames_equal_mesa(data) -> None:
    p = data.draw(params_st(), label="params")
    team, n = data.draw(team_st(), label="team")
    weeks = data.draw(st.integers(0, 25), label="weeks")
    seeds = data.draw(st.lists(seed_st, min_size=1, max_size=3), label="seeds")
    plans = data.draw(schedule_st(team_names(team, n), weeks), label="interventions")
    run = run_batch(seeds, weeks, params=p, team=team, n_employees=n, interventions=plans)
    for r, seed in enumerate(seeds):
        model = LMXModel(params=p, team=team, n_employees=n, rng=seed, interventions=plans).run(weeks)
        assert_equal_to_mesa(run, r, model, f"replication {r}")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_parameter_rows_equal_separate_mesa_runs(data) -> None:
    """One parameter row per seed: each replication equals a Mesa run with its own row."""
    team, n = data.draw(team_st(), label="team")
    weeks = data.draw(st.integers(1, 20), label="weeks")
    seeds = data.draw(st.lists(seed_st, min_size=2, max_size=3), label="seeds")
    rows = [data.draw(params_st(), label=f"params {r}") for r in range(len(seeds))]
    plans = data.draw(schedule_st(team_names(team, n), weeks), label="interventions")
    run = run_batch(seeds, weeks, params=rows, team=team, n_employees=n, interventions=plans)
    for r, (seed, p) in enumerate(zip(seeds, rows, strict=True)):
        model = LMXModel(params=p, team=team, n_employees=n, rng=seed, interventions=plans).run(weeks)
        assert_equal_to_mesa(run, r, model, f"row {r}")


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_catalogue_intervention_on_every_target_kind(key: str) -> None:
    """Not left to chance: each intervention, on a member, a group and the team, with a rhythm."""
    kind, weeks, seeds = CATALOGUE[key], 16, [3, np.random.SeedSequence(11, spawn_key=(2,))]
    for target in ("Sam", "out-group", "in-group", TEAM):
        options = {name: 0.8 for name in getattr(kind, "options", ())}
        plans = [
            make_intervention(kind, target, 2, 3, 4, options),
            make_intervention(kind, "An", None, None, None),
        ]
        run = run_batch(seeds, weeks, n_employees=8, interventions=plans)
        for r, seed in enumerate(seeds):
            model = LMXModel(n_employees=8, rng=seed, interventions=plans).run(weeks)
            assert_equal_to_mesa(run, r, model, f"{key} on {target}")
            assert run.team_frame(r)["interventions"].str.len().sum() > 0


def test_history_and_lmx7_members_equal_mesa() -> None:
    """Not left to chance: a team with time together and LMX-7 answers of every form."""
    team = [
        Member("An", first_impression=0.3, weeks_together=40, lmx7=24),
        Member("Bram", first_impression=0.8, weeks_together=104, lmx7_leader=30),
        Member("Sam", weeks_together=6, lmx7=(2, 3, 3, 2, 3, 2, 3), lmx7_leader=(4, 4, 4, 4, 4, 4, 4)),
        Member("Lotte", first_impression=0.5),
        Member("Daan", lmx7=35, trust_propensity=None),
    ]
    plans = [make_intervention(CATALOGUE[k], "out-group", 2, 2, 6) for k in sorted(CATALOGUE)[:3]]
    seeds = [4, np.random.SeedSequence(5, spawn_key=(1,))]
    run = run_batch(seeds, 20, team=team, interventions=plans)
    for r, seed in enumerate(seeds):
        model = LMXModel(team=team, rng=seed, interventions=plans).run(20)
        assert_equal_to_mesa(run, r, model, f"history team, replication {r}")
    start = run.member_frame(0)
    assert (start[start["week"] == 0]["phase"] != "stranger").sum() >= 2


def test_frames_really_differ_when_they_should() -> None:
    """Guard against a comparison that cannot fail: another seed or parameter is caught."""
    run = run_batch([1], 10, n_employees=5)
    other_seed = LMXModel(n_employees=5, rng=2).run(10)
    with pytest.raises(AssertionError):
        assert_equal_to_mesa(run, 0, other_seed, "other seed")
    rate = Params().initial_confidence
    nudged = Params().replace(initial_confidence=rate - 1e-6 if rate > 1e-6 else rate + 1e-6)
    tiny_change = LMXModel(params=nudged, n_employees=5, rng=1).run(10)
    with pytest.raises(AssertionError):
        assert_equal_to_mesa(run, 0, tiny_change, "other parameter")


# --- fast paths and streaming give the same numbers ----------------------------------


def test_fast_path_without_member_records_gives_same_team() -> None:
    seeds = [5, 6, 7]
    plans = [make_intervention(kind, "out-group", 3, 2, 5) for kind in CATALOGUE.values()]
    full = run_batch(seeds, 20, n_employees=9, interventions=plans)
    fast = run_batch(seeds, 20, n_employees=9, interventions=plans, record_members=False)
    assert fast.members is None
    for r in range(len(seeds)):
        pd.testing.assert_frame_equal(fast.team_frame(r), full.team_frame(r))


def test_streamed_chunks_equal_one_batch() -> None:
    seeds = list(range(40, 51))
    rows = [Params(attention_budget=0.2 + 0.05 * i) for i in range(len(seeds))]
    whole = run_batch(seeds, 12, params=rows, n_employees=6).team_table(weeks=[0, 6, 12])
    chunks = list(
        iter_team_tables(seeds, 12, params=rows, n_employees=6, record_weeks=[0, 6, 12], chunk_size=4)
    )
    assert [len(c) for c in chunks] == [12, 12, 9]
    streamed = pd.concat(chunks).sort_values(["week", "replication"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(streamed, whole.sort_values(["week", "replication"]).reset_index(drop=True))


def test_streaming_reads_seeds_lazily_and_repeats_weeks_on_request() -> None:
    seeds = [np.random.SeedSequence(9, spawn_key=(i,)) for i in range(7)]
    expected = run_batch(seeds, 6, n_employees=4).team_table(weeks=[6, 2, 6])
    streamed = pd.concat(
        iter_team_tables(
            (s for s in seeds), 6, n_employees=4, record_weeks=[6, 2, 6], chunk_size=3, first_replication=0
        )
    )
    key = ["replication", "week"]
    pd.testing.assert_frame_equal(
        streamed.sort_values(key, kind="stable").reset_index(drop=True),
        expected.sort_values(key, kind="stable").reset_index(drop=True),
    )
    rows = (Params() for _ in range(6))
    with pytest.raises(ParameterError, match="fewer parameter rows"):
        list(iter_team_tables(iter(seeds), 3, params=rows, chunk_size=4))


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_run_many_seeds_by_spawn_key_whatever_the_workers() -> None:
    entropy, n, weeks = 1234, 9, [4, 8]
    one = run_many(n, entropy, weeks=8, n_employees=5, record_weeks=weeks, chunk_size=4, workers=1)
    two = run_many(n, entropy, weeks=8, n_employees=5, record_weeks=weeks, chunk_size=3, workers=2)
    pd.testing.assert_frame_equal(one, two, check_exact=False, rtol=0, atol=TOLERANCE)
    seeds = batch_many.replication_seeds(entropy, 0, n)
    assert seeds[7].spawn_key == (7,) and seeds[7].entropy == entropy
    whole = run_batch(seeds, 8, n_employees=5, record_members=False).team_table(weeks=weeks)
    pd.testing.assert_frame_equal(one, whole, check_exact=False, rtol=0, atol=TOLERANCE)
    model = LMXModel(n_employees=5, rng=np.random.SeedSequence(entropy, spawn_key=(7,))).run(8)
    last = model.team_frame().iloc[-1]
    row = one[(one["replication"] == 7) & (one["week"] == 8)].iloc[0]
    for measure in batch.TEAM_MEASURES:
        assert row[measure] == pytest.approx(last[measure], abs=TOLERANCE), measure


def test_bad_input_is_refused_clearly() -> None:
    with pytest.raises(ParameterError, match="one per seed"):
        run_batch([1, 2], 5, params=[Params()])
    with pytest.raises(ParameterError, match="record_weeks"):
        list(iter_team_tables([1], 5, record_weeks=[6]))
    with pytest.raises(ParameterError, match="chunk_size"):
        list(iter_team_tables([1], 5, chunk_size=0))


def test_batch_does_not_change_the_callers_interventions() -> None:
    plans = [make_intervention(kind, TEAM, None, None, None) for kind in CATALOGUE.values()]
    before = [dataclasses.asdict(p) for p in plans]
    run_batch([1], 4, n_employees=3, interventions=plans)
    assert [dataclasses.asdict(p) for p in plans] == before
