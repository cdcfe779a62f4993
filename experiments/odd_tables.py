"""The ODD's result tables (docs/ODD.md sections 1 and 7.13), written from the JSON that
`lmxsim validate` wrote, so a number in the docs is the number the command measured.

    uv run lmxsim validate --seeds 20 --ablations --rivals --json docs/validation.json
    uv run python experiments/odd_tables.py docs/validation.json

Prints three markdown tables: the facts (mean, 95% interval, share of seeds in band), the
ablations, and the rivals beside the full model (bold: the mean is outside the band).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _num(x: float | None, digits: int = 3) -> str:
    if x is None:
        return "n/a"
    return f"{x:.{digits}f}".replace("-", "−")


def _band(band: list[float]) -> str:
    return f"{band[0]:g} to {band[1]:g}".replace("-", "−")


def facts_table(data: dict) -> str:
    rows = [
        "| # | pattern | band | mean over 20 seeds (95% interval) | seeds in band | source |",
        "|---|---|---|---|---|---|",
    ]
    for f in data["facts"]:
        interval = f"{_num(f['mean'])} ({_num(f['ci'][0])} to {_num(f['ci'][1])})"
        share = f"{f['pass_share']:.0%}"
        rows.append(
            f"| {f['id']} | {f['name']} | {_band(f['band'])} | {interval} | {share} | {f['source']} |"
        )
    return "\n".join(rows)


def ablations_table(data: dict) -> str:
    rows = ["| mechanism switched off | switch | facts that leave their band |", "|---|---|---|"]
    for a in data.get("ablations") or []:
        switch = ", ".join(
            f"`{k} = {str(v).lower() if isinstance(v, bool) else v}`" for k, v in a["switch"].items()
        )
        rows.append(f"| {a['mechanism']} | {switch} | {', '.join(a['out_of_band']) or '(none)'} |")
    return "\n".join(rows)


def rivals_table(data: dict) -> str:
    rivals = data.get("rivals") or []
    head = "| fact | band | full model | " + " | ".join(f"`{r['name']}`" for r in rivals) + " |"
    rows = [head, "|---|---|---|" + "---|" * len(rivals)]

    def cell(mean: float | None, band: list[float]) -> str:
        text = _num(mean)
        inside = mean is not None and band[0] <= mean <= band[1]
        return text if inside else f"**{text}**"

    full_out = {f["id"] for f in data["facts"] if not f["band"][0] <= f["mean"] <= f["band"][1]}
    for i, f in enumerate(data["facts"]):
        cells = [cell(f["mean"], f["band"])] + [cell(r["facts"][i]["mean"], f["band"]) for r in rivals]
        rows.append(f"| {f['id']} | {_band(f['band'])} | " + " | ".join(cells) + " |")
    rows.append(
        "| facts out of band | | "
        + " | ".join([str(len(full_out))] + [str(len(r["failed"])) for r in rivals])
        + " |"
    )
    rows.append(
        "| of them passed by the full model | | | "
        + " | ".join(", ".join(k for k in r["failed"] if k not in full_out) for r in rivals)
        + " |"
    )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", type=Path)
    data = json.loads(parser.parse_args().json.read_text(encoding="utf-8"))
    print(facts_table(data), ablations_table(data), sep="\n\n")
    if data.get("rivals"):
        print()
        print(rivals_table(data))


if __name__ == "__main__":
    main()
