"""Thirty laptops join in the same minute (issue 24 req 6): the join burst, then the whole room plays.

Each participant is a websocket client doing what a browser does (room_client.py: GET the page for
its cookie, open the kernel websocket, ask Solara to render the page, wait for the render's
`finished`), so every session on the server is a real one. The server runs in its own process
(bench_room.Server), the facilitator's overview is open throughout.

Phases:
  1. warm-up  one participant joins and leaves (first imports, caches); the facilitator opens
  2. join     PARTICIPANTS open the page, evenly spread over WITHIN seconds; each join is timed from
              the GET to the render's `finished` (the page is interactive: every widget was sent)
  3. play     once all have joined, every participant clicks "Step one week" WEEKS times, think
              time between clicks

Targets (req 6): join p95 <= 3 s; the overview never goes more than 1 s without a beat reaching the
page (its clock shows tenths of a second and changes at every 0.5 s beat; during the joins and during
play); a Step answered within 250 ms at the p95 over all Steps while all play.

Run:  uv run python benchmarks/bench_room_join.py [--participants 30] [--within 10] [--weeks 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_room import STEP, Server, watch_facilitator
from room_client import SolaraClient

TARGETS = {"join_p95": 3.0, "overview_gap": 1.0, "step_p95": 0.250}


@dataclass
class Seat:
    index: int
    join_s: float = float("nan")
    widgets: int = 0
    steps: list[float] = field(default_factory=list)
    error: str = ""


@dataclass
class JoinReport:
    seats: list[Seat]
    join_gaps: list[float]  # intervals between the overview's beats as the page got them, while people joined
    play_gaps: list[float]  # ... and while they played
    join_clock_gaps: list[float]  # the same intervals between the times the beats showed (the server's clock)
    play_clock_gaps: list[float]
    join_window_s: float
    play_s: float
    server_cpu_join_s: float
    server_cpu_play_s: float
    load_after: float


def clock_seconds(text: str) -> float:
    """'14:03:07.5' (the overview's clock) -> seconds since midnight."""
    hours, minutes, seconds = text.replace(",", ".").split(":")
    return 3600 * int(hours) + 60 * int(minutes) + float(seconds)


def beat_gaps(arrived: list[float], times: list[float], start: float, end: float) -> list[float]:
    """Intervals between consecutive beats whose arrival lies in [start, end], measured on `times`
    (the arrivals themselves, or the clock each beat showed). The interval that spans `start` or
    `end` counts too: a stall that began before the window is still a stall."""
    inside = [i for i, at in enumerate(arrived) if start <= at <= end]
    before = [i for i, at in enumerate(arrived) if at < start][-1:]
    after = [i for i, at in enumerate(arrived) if at > end][:1]
    return [times[b] - times[a] for a, b in itertools.pairwise(before + inside + after)]


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


async def seat(
    url: str,
    index: int,
    start_at: float,
    weeks: int,
    think: tuple[float, float],
    ready: asyncio.Barrier,
) -> Seat:
    result = Seat(index)
    rng = random.Random(index)
    await asyncio.sleep(start_at)
    client = SolaraClient(url, "/")
    try:
        started = time.perf_counter()
        await client.connect()
        result.join_s = time.perf_counter() - started
        result.widgets = len(client.widgets)
        if not client.has_text(STEP):
            raise RuntimeError("the page rendered without its Step button")
    except Exception as error:
        result.error = f"join: {type(error).__name__}: {error}"
    try:
        await ready.wait()
        if result.error:
            return result
        for _ in range(weeks):
            await asyncio.sleep(rng.uniform(*think))
            result.steps.append(await client.click(STEP))
    except Exception as error:
        result.error = f"play: {type(error).__name__}: {error}"
    finally:
        with contextlib.suppress(Exception):  # leaving is not measured
            await client.leave()
    return result


async def join_room(server: Server, participants: int, within: float, weeks: int, think) -> JoinReport:
    warm = SolaraClient(server.url, "/")  # first imports and caches, as any server has had by the workshop
    await warm.connect()
    await warm.click(STEP)
    await warm.leave()
    seen: list[float] = []
    shown: list[str] = []
    stop = asyncio.Event()
    facilitator = asyncio.create_task(watch_facilitator(server.url, server.key, seen, stop, shown))
    await asyncio.sleep(3.0)
    cpu0 = (await asyncio.to_thread(server.stats, False))["cpu_s"]
    ready = asyncio.Barrier(participants + 1)
    spacing = within / max(participants - 1, 1)
    began = time.perf_counter()
    tasks = [
        asyncio.create_task(seat(server.url, i + 1, i * spacing, weeks, think, ready))
        for i in range(participants)
    ]
    try:
        await asyncio.wait_for(ready.wait(), 300)
    except TimeoutError:
        await ready.abort()
    joined = time.perf_counter()
    cpu1 = (await asyncio.to_thread(server.stats, False))["cpu_s"]
    seats = await asyncio.gather(*tasks)
    ended = time.perf_counter()
    cpu2 = (await asyncio.to_thread(server.stats, False))["cpu_s"]
    load = os.getloadavg()[0]
    await asyncio.sleep(1.5)
    stop.set()
    await facilitator

    clock = [clock_seconds(text) for text in shown]
    return JoinReport(
        seats=list(seats),
        join_gaps=beat_gaps(seen, seen, began, joined),
        play_gaps=beat_gaps(seen, seen, joined, ended),
        join_clock_gaps=beat_gaps(seen, clock, began, joined),
        play_clock_gaps=beat_gaps(seen, clock, joined, ended),
        join_window_s=joined - began,
        play_s=ended - joined,
        server_cpu_join_s=cpu1 - cpu0,
        server_cpu_play_s=cpu2 - cpu1,
        load_after=load,
    )


def run(
    participants: int = 30,
    within: float = 10.0,
    weeks: int = 10,
    think: tuple[float, float] = (1.0, 3.0),
    cap: int = 40,
) -> JoinReport:
    server = Server(cap)
    outcome: dict = {}

    def play() -> None:  # its own thread: a caller may already run an event loop (Playwright's, in tests)
        try:
            outcome["report"] = asyncio.run(join_room(server, participants, within, weeks, think))
        except BaseException as error:
            outcome["error"] = error

    try:
        thread = threading.Thread(target=play)
        thread.start()
        thread.join()
    finally:
        server.stop()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["report"]


def describe(report: JoinReport) -> tuple[list[str], bool]:
    lines, ok = [], True
    for s in report.seats:
        if s.error:
            lines.append(f"participant {s.index}: FAILED: {s.error}")
            ok = False
    joins = [s.join_s for s in report.seats if not s.error]
    steps = [x for s in report.seats for x in s.steps]
    n = len(report.seats)
    lines.append(
        f"{n} joined over {report.join_window_s:.1f} s (first GET to the last page interactive); "
        f"server CPU {report.server_cpu_join_s:.1f} s "
        f"({report.server_cpu_join_s / n * 1000:.0f} ms per join); "
        f"widgets per page {min(s.widgets for s in report.seats)}..{max(s.widgets for s in report.seats)}"
    )
    if joins:
        lines.append(
            f"join (GET -> page interactive): median {statistics.median(joins):.2f} s, "
            f"p95 {quantile(joins, 0.95):.2f} s, max {max(joins):.2f} s "
            f"(target p95 <= {TARGETS['join_p95']} s)"
        )
        if quantile(joins, 0.95) > TARGETS["join_p95"]:
            lines.append("FAIL: join p95 above target")
            ok = False
    for what, gaps, clock in (
        ("joins", report.join_gaps, report.join_clock_gaps),
        ("play", report.play_gaps, report.play_clock_gaps),
    ):
        if not gaps:
            lines.append(f"FAIL: the overview never redrew during {what}")
            ok = False
            continue
        lines.append(
            f"overview beat to beat as the page got them during {what}: "
            f"median {statistics.median(gaps):.2f} s, "
            f"max {max(gaps):.2f} s, {sum(g > TARGETS['overview_gap'] for g in gaps)} of {len(gaps)} "
            f"over {TARGETS['overview_gap']} s (as its clock showed them: max {max(clock):.2f} s)"
        )
        if max(gaps) > TARGETS["overview_gap"]:
            lines.append(f"FAIL: the overview stalled during {what}")
            ok = False
    if steps:
        lines.append(
            f"Step answered while all {n} play ({len(steps)} Steps in {report.play_s:.0f} s, server CPU "
            f"{report.server_cpu_play_s / report.play_s:.2f} cores): "
            f"median {statistics.median(steps) * 1000:.0f} ms, "
            f"p95 {quantile(steps, 0.95) * 1000:.0f} ms, max {max(steps) * 1000:.0f} ms "
            f"(target p95 <= {TARGETS['step_p95'] * 1000:.0f} ms)"
        )
        if quantile(steps, 0.95) > TARGETS["step_p95"]:
            lines.append("FAIL: Step p95 above target")
            ok = False
    lines.append(f"load average at the end {report.load_after:.1f} on {os.cpu_count()} cores")
    return lines, ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--within", type=float, default=10.0, help="seconds over which all open the page")
    parser.add_argument("--weeks", type=int, default=10, help="Steps per participant once all joined")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), help="seconds between clicks")
    args = parser.parse_args()
    print(
        f"{args.participants} participants join within {args.within} s, then {args.weeks} Steps each; "
        f"load average before {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    report = run(args.participants, args.within, args.weeks, tuple(args.think))
    lines, ok = describe(report)
    print("\n".join(lines))
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
