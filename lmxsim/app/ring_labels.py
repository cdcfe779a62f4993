"""Where the team drawing writes "in-group" and "out-group": on their ring, clear of every member.

The labels used to sit at one fixed spot (between the first two members). In present mode's large
type "in-group" is wider than the gap between two members' spokes, so a member near the ring sat
under it (issue 24: the label touched Bram's circle). Here each label tries spots along its ring,
the old spot first, and takes the first that keeps clear of every circle (the chosen person's
yellow ring included), every name, the leader and the other label; if none is clear, the spot
that overlaps least. All in drawing units, from estimated text boxes (the same estimate the
browser test checks against the rendered boxes).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A bold sans-serif letter is at most about 0.62 of the font size wide; a text's box reaches
# 0.78 of the size above its baseline and 0.22 below. Overestimates: a spot is clear or it is not.
CHAR_WIDTH, ASCENT, DESCENT = 0.62, 0.78, 0.22
CLEARANCE = 4.0  # drawing units between a label and anything it must not touch
ANGLE_STEP = math.radians(7.5)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)

    def overlap(self, other: Box) -> float:
        """The area two boxes share (0 when apart)."""
        w = min(self.right, other.right) - max(self.left, other.left)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        return w * h if w > 0 and h > 0 else 0.0


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float

    def overlap(self, box: Box) -> float:
        """How deep the circle reaches into the box (0 when apart): enough to rank spots."""
        nearest_x = min(max(self.x, box.left), box.right)
        nearest_y = min(max(self.y, box.top), box.bottom)
        return max(0.0, self.r - math.hypot(self.x - nearest_x, self.y - nearest_y)) ** 2


def text_box(x: float, y: float, text: str, size: float, anchor: str = "middle") -> Box:
    """The box of an SVG text at (x, baseline y), anchored in the middle or at its start."""
    width = CHAR_WIDTH * size * len(text)
    left = x - width / 2 if anchor == "middle" else x
    return Box(left, y - ASCENT * size, left + width, y + DESCENT * size)


def clash(box: Box, circles: Iterable[Circle], boxes: Iterable[Box]) -> float:
    grown = box.grown(CLEARANCE)
    return sum(c.overlap(grown) for c in circles) + sum(b.overlap(grown) for b in boxes)


def place_on_ring(
    text: str,
    size: float,
    centre: float,
    radius: float,
    start_angle: float,
    circles: Sequence[Circle],
    boxes: Sequence[Box],
    frame: float,
) -> tuple[float, float]:
    """The baseline point for `text` centred on the circle of `radius` about (centre, centre):
    the first spot from `start_angle` (then alternately further each way) whose box is clear of
    `circles` and `boxes` and inside the drawing (0..frame); else the one that clashes least."""
    best: tuple[float, tuple[float, float]] | None = None
    steps = int(math.pi / ANGLE_STEP)
    for k in range(2 * steps + 1):
        turn = ((k + 1) // 2) * ANGLE_STEP * (1 if k % 2 else -1)
        angle = start_angle + turn
        x = centre + radius * math.cos(angle)
        y = centre + radius * math.sin(angle) + size * (ASCENT - DESCENT) / 2  # box centred on the ring
        box = text_box(x, y, text, size)
        if box.left < 0 or box.top < 0 or box.right > frame or box.bottom > frame:
            continue
        score = clash(box, circles, boxes)
        if score == 0.0:
            return x, y
        if best is None or score < best[0]:
            best = (score, (x, y))
    if best is None:  # nowhere inside the frame: the old spot
        return centre + radius * math.cos(start_angle), centre + radius * math.sin(start_angle)
    return best[1]
