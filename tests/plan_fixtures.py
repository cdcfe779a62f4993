"""A team of twelve with LMX-7 item answers, for the plan's tests (issue 25)."""

from __future__ import annotations

from lmxsim.team.members import Member

NAMES = (
    "An", "Bram", "Sam", "Lotte", "Daan", "Eva", "Noah", "Fleur", "Jens", "Mila",
    "Maximiliaan", "Anne-Sophie",
)  # fmt: skip
CLOSENESS = (0.35, 0.85, 0.3, 0.25, 0.7, 0.75, 0.5, 0.6, 0.45, 0.8, 0.4, 0.65)


def twelve() -> list[Member]:
    return [Member(name=n, first_impression=c) for n, c in zip(NAMES, CLOSENESS, strict=True)]


def items() -> dict[str, list[int]]:
    """Seven answers each, lowest on a different item for different people."""
    found = {}
    for i, (name, close) in enumerate(zip(NAMES, CLOSENESS, strict=True)):
        base = 1 + round(4 * close)
        answers = [min(5, base + 1)] * 7
        answers[i % 7] = max(1, base - 1)  # person i's lowest item is item (i % 7) + 1
        found[name] = answers
    return found


def survey_csv() -> str:
    """The same answers as a two-wave survey file (docs/fitting.md)."""
    lines = ["name,wave,week," + ",".join(f"member_{j}" for j in range(1, 8))]
    for wave, week in ((1, 0), (2, 12)):
        for name, answers in items().items():
            lines.append(f"{name},{wave},{week}," + ",".join(map(str, answers)))
    return "\n".join(lines) + "\n"
