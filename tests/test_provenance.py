"""Every output says what made it, and that is enough to make it again."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq

from lmxsim.engine.mesa_model import LMXModel
from lmxsim.io.provenance import read
from lmxsim.model.params import Params
from lmxsim.sweep.store import model_fingerprint
from lmxsim.team.members import Member


def test_run_parquet_carries_its_provenance_and_it_redoes_the_run(cli, tmp_path):
    out = tmp_path / "r.parquet"
    code, _, err = cli("run", "--scenario", "favouritism", "--weeks", "6", "--seed", "42", "--out", str(out))
    assert code == 0, err
    info = read(out)
    assert info["command"] == "run" and info["scenario"] == "favouritism"
    assert info["seed"] == 42 and info["weeks"] == 6
    assert info["model_fingerprint"] == model_fingerprint()
    from lmxsim import __version__

    assert info["lmxsim"] == __version__
    # nothing but the record: parameters, team, interventions and seed rebuild the same table
    from lmxsim.team.config import parse_interventions

    team = [Member(**m) for m in info["team"]]
    interventions = parse_interventions(info["interventions"], "provenance") if info["interventions"] else []
    again = (
        LMXModel(
            params=Params.from_dict(info["params"]), team=team, rng=info["seed"], interventions=interventions
        )
        .run(info["weeks"])
        .member_frame()
    )
    pd.testing.assert_frame_equal(pd.read_parquet(out), again, check_dtype=False)


def test_run_csv_has_its_provenance_beside_it(cli, tmp_path):
    out = tmp_path / "r.csv"
    code, _, _ = cli("run", "--weeks", "2", "--out", str(out))
    assert code == 0
    beside = tmp_path / "r.provenance.json"
    assert json.loads(beside.read_text())["command"] == "run"
    assert set(read(out)["params"]) == set(Params().to_dict())  # every parameter is there


def test_compare_records_the_added_interventions(cli, tmp_path):
    out = tmp_path / "c.parquet"
    code, _, err = cli("compare", "-i", "role-clarification:An@2", "--weeks", "3", "--out", str(out))
    assert code == 0, err
    info = read(out)
    assert info["command"] == "compare" and info["added_interventions"] == ["role-clarification:An@2"]
    assert info["engine"] == "batch"


def test_info_prints_the_record_and_refuses_a_file_without_one(cli, tmp_path):
    out = tmp_path / "r.parquet"
    cli("run", "--weeks", "2", "--seed", "3", "--out", str(out))
    code, printed, _ = cli("info", str(out))
    assert code == 0 and json.loads(printed)["seed"] == 3
    foreign = tmp_path / "other.parquet"
    pd.DataFrame({"x": [1]}).to_parquet(foreign)
    code, _, err = cli("info", str(foreign))
    assert code == 2 and "other.parquet" in err and len(err.strip().splitlines()) == 1


def test_run_parquet_columns_describe_themselves(cli, tmp_path):
    from lmxsim.model.columns import lookup

    out = tmp_path / "r.parquet"
    cli("run", "--weeks", "2", "--out", str(out))
    schema = pq.read_schema(out)
    for name in ("lmx7", "trust", "group", "week"):
        meta = schema.field(name).metadata
        assert meta[b"description"].decode() == lookup(name, "member").meaning
        assert meta[b"scale"].decode() == lookup(name, "member").scale


def test_strategy_exports_carry_team_strategies_and_seed(tmp_path):
    from lmxsim.lab.report import export
    from lmxsim.lab.strategies import compare_strategies, parse_strategy

    team = [
        Member("An", ability=0.7, first_impression=0.3),
        Member("Bram", ability=0.7, first_impression=0.8),
    ]
    chosen = [parse_strategy("one-on-ones:An@1/1")]
    comparison = compare_strategies(team, chosen, replications=4, weeks=3, seed=9)
    export(comparison, tmp_path)
    info = read(tmp_path / "summary.csv")  # the folder's provenance.json
    assert info["command"] == "strategies" and info["seed"] == 9 and info["replications"] == 4
    assert [m["name"] for m in info["team"]] == ["An", "Bram"]
    assert info["strategies"]["nothing"] == [] and len(info["strategies"]) == 2
    (spec,) = info["strategies"][chosen[0].name]
    assert spec == chosen[0].interventions[0].spec  # the canonical spec, which parses back
