"""The fit's CSV files in Dutch are Dutch-Excel CSVs with Dutch words (issue 25 req 8/9)."""

from __future__ import annotations

import pandas as pd

from lmxsim.fit.report import table


def test_a_fit_table_in_dutch_is_a_dutch_excel_csv(tmp_path):
    frame = pd.DataFrame(
        {
            "parameter": ["leader_trust_rate", "confirmation_bias"],
            "mean": [0.25, 0.5],
            "width_ratio": [0.4, 0.99],
            "learned": ["a_lot", "nothing"],
        }
    )
    table(frame, tmp_path / "posterior.csv", "nl")
    data = (tmp_path / "posterior.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads it as UTF-8
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "parameter;gemiddelde;breedte_verhouding;geleerd"
    assert text.splitlines()[1] == "leader_trust_rate;0,25;0,4;veel"
    assert "a_lot" not in text and "nothing" not in text
    table(frame, tmp_path / "en.csv", "en")  # English stays as it was
    assert (tmp_path / "en.csv").read_text().splitlines()[1] == "leader_trust_rate,0.25,0.4,a_lot"


def test_the_predictive_check_in_dutch_has_dutch_values(tmp_path):
    frame = pd.DataFrame(
        {
            "rater": ["member", "leader"],
            "name": ["=Zoë", "An"],
            "observed": [21.0, None],
            "inside90": [True, None],
        }
    )
    table(frame, tmp_path / "ppc.csv", "nl")
    lines = (tmp_path / "ppc.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "beoordelaar;naam;waargenomen;binnen90"
    assert lines[1] == "medewerker;'=Zoë;21,0;ja"  # a name is never a formula (the one safe writer)
    assert lines[2] == "leider;An;;"
