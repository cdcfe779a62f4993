"""Team-level observations (problems reported per period): read with clear errors, simulated as the
engine counts them, and part of the ABC distance, so they change the posterior."""

import numpy as np
import pytest

from lmxsim.fit import FitError
from lmxsim.fit.observations import parse_observations
from lmxsim.fit.priors import default_priors
from lmxsim.fit.simulate import Simulator
from lmxsim.team.members import Member

TEAM = [Member("An", ability=0.6), Member("Bram", ability=0.5), Member("Sam", ability=0.7)]


def test_reads_periods_and_counts_comma_or_semicolon():
    comma = "week_from,week_to,problems_reported\n1,4,3\n\n9,12,0\n"
    for text in (comma, comma.replace(",", ";")):
        obs = parse_observations(text, "obs.csv")
        assert obs.periods == [(1, 4), (9, 12)] and obs.counts.tolist() == [3.0, 0.0]
        assert obs.last_week == 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("week_from,week_to,fires\n1,4,3\n", "obs.csv, line 1: unknown column 'fires'"),
        ("week_from,problems_reported\n1,3\n", "obs.csv, line 1: the columns must be week_from, week_to"),
        ("week_from,week_to,problems_reported\n1,4,3\n3,8,1\n",
         "obs.csv, line 3, field week_from: weeks 3-8 overlap weeks 1-4 on line 2"),
        ("week_from,week_to,problems_reported\n1,4,2.5\n",
         "obs.csv, line 2, field problems_reported: '2.5' is not allowed (a whole number from 0"),
        ("week_from,week_to,problems_reported\n1,4,\n", "leave out a period whose count is unknown"),
        ("week_from,week_to,problems_reported\n5,4,1\n",
         "obs.csv, line 2, field week_to: '4' is not allowed (a whole number from 5 to 520)"),
        ("week_from,week_to,problems_reported\n0,4,1\n", "line 2, field week_from: '0' is not allowed"),
        ("week_from,week_to,problems_reported\n", "obs.csv: no periods below the header"),
    ],
)  # fmt: skip
def test_bad_observations_name_file_line_and_field(text, message):
    with pytest.raises(FitError) as error:
        parse_observations(text, "obs.csv")
    assert message in str(error.value) and "\n" not in str(error.value)


def _simulator(counts, periods=((1, 4), (5, 8), (9, 12))):
    obs = parse_observations(
        "week_from,week_to,problems_reported\n"
        + "".join(f"{a},{b},{c}\n" for (a, b), c in zip(periods, counts, strict=True)),
        "obs.csv",
    )
    observed = {"member": np.array([[20.0, 24], [18, 17], [25, 27]])}
    return Simulator(TEAM, [4, 8], observed, default_priors(), team_observed=obs)


def test_the_observation_is_in_the_summaries_and_simulated_as_the_engine_counts_it():
    sim = _simulator([3, 1, 0])
    plain = Simulator(TEAM, [4, 8], sim.observed, default_priors())
    labels = sim.summary_labels()
    assert labels[-3:] == [f"team|problems_reported|weeks {w}" for w in ("1-4", "5-8", "9-12")]
    assert labels[:-3] == plain.summary_labels()
    observed = sim.observed_summaries()["lmx7"]
    assert len(observed) == len(labels) and observed[-3:].tolist() == [3.0, 1.0, 0.0]
    assert np.array_equal(observed[:-3], plain.observed_summaries()["lmx7"])
    rows = [{"first_impression_noise": 0.2, "leader_trust_rate": 0.3, "confirmation_bias": 0.3}] * 40
    simulated = np.array([s["lmx7"][-3:] for s in sim.simulate(rows, np.random.SeedSequence(4))])
    # whole counts, not all alike, about what the engine's problem rate gives 3 people in 4 weeks
    assert (simulated == np.round(simulated)).all() and simulated.std() > 0
    assert 0 < simulated.mean() < 3 * 4
    # the same luck with and without the observation: the LMX-7 part is unchanged
    again = np.array([s["lmx7"][:-3] for s in sim.simulate(rows, np.random.SeedSequence(4))])
    without = np.array([s["lmx7"] for s in plain.simulate(rows, np.random.SeedSequence(4))])
    assert np.array_equal(again, without)


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_the_observation_changes_the_posterior(tmp_path):
    pytest.importorskip("pyabc")
    from lmxsim.fit.run import Settings, run_fit

    settings = Settings(population=30, generations=2, adaptive_population=False, seed=9)
    posteriors = []
    for name, counts in (("few", [0, 0, 0]), ("many", [12, 12, 12])):
        particles, _ = run_fit(_simulator(counts), default_priors(), tmp_path / name, settings).posterior()
        posteriors.append(particles.sort_index(axis=1).to_numpy())
    assert posteriors[0].shape == posteriors[1].shape
    assert not np.array_equal(posteriors[0], posteriors[1])
