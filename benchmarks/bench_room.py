"""The room under load, server only: 30 participants play and intervene while the facilitator watches.

No browsers: each participant is a websocket client speaking Solara's protocol (room_client.py),
so every session on the server is a real one (its own Page, Workshop and model, its reports to
the room), and the machine's cores go to the server, as in a room where every laptop draws its
own page. The server runs in its own process (`--serve`), so its CPU and memory are its own.

Phases:
  1. warm-up    one participant joins, steps, leaves (first imports and caches); then the baseline
  2. play       the facilitator's page is open; PARTICIPANTS join (staggered), name their table,
                click "Step one week" WEEKS times with a think time between clicks, and apply an
                intervention (a different kind per table) at a week of their own
  3. leave      every participant closes (unload beacon + socket); the server must free every model

Prints each participant's Step answered (send -> the server's idle for that click: the handler ran
and every change it made was sent) as median and p95, the worst participant's of each against the
targets (median <= 250 ms, p95 <= 1 s), the facilitator page's refresh intervals (target: at least
every 2 s), and the server's memory at baseline, at peak and after everyone left.

Run:  uv run python benchmarks/bench_room.py [--participants 30] [--weeks 26] [--think 1.0 3.0]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from room_client import SolaraClient

STEP = "Step one week"
APPLY = "Apply from next week"
TARGETS = {"median": 0.250, "p95": 1.0, "refresh": 2.0}


# --------------------------------------------------------------------------- the server process


def serve(port: int, cap: int) -> None:
    """The app with a room, plus a line of stats whenever asked on stdin ("stats\\n")."""
    import uvicorn

    from lmxsim.app.room import current_room
    from lmxsim.app.server import asgi_app
    from lmxsim.app.session import LIVE

    app = asgi_app("127.0.0.1", port, room_cap=cap)
    room = current_room()
    # Full (generation 2) garbage collections stop the whole server; recorded to explain stalls.
    # The ones this process asks for itself (the "stats" answer) are left out.
    full_collections: list[float] = []
    collecting = {"started": 0.0, "asked": False}

    def timing(phase: str, info: dict) -> None:
        if info["generation"] != 2 or collecting["asked"]:
            return
        if phase == "start":
            collecting["started"] = time.perf_counter()
        else:
            full_collections.append((time.perf_counter() - collecting["started"]) * 1000)

    gc.callbacks.append(timing)
    print(f"KEY {room.key}", flush=True)

    def answer() -> None:
        counts: dict[str, int] = {}
        for line in sys.stdin:
            if line.strip() == "types":  # what the heap holds, by type, against the last call
                gc.collect()
                now: dict[str, int] = {}
                for obj in gc.get_objects():
                    name = f"{type(obj).__module__!s}.{type(obj).__qualname__!s}"
                    now[name] = now.get(name, 0) + 1
                grown = sorted(((n - counts.get(k, 0), k) for k, n in now.items()), reverse=True)[:25]
                counts = now
                print("TYPES " + json.dumps(grown), flush=True)
                continue
            if line.strip() not in ("stats", "peek"):
                continue
            full = line.strip() == "stats"
            # "peek" while the room plays: a full collection of a heap this size holds the GIL for
            # ~0.3 s, which the participants and the overview would feel as a stall of the server.
            if full:
                collecting["asked"] = True
                gc.collect()
                collecting["asked"] = False
            rss_kept = rss_mb(os.getpid())
            if full:
                trim()  # hand freed heap pages back to the system, so RSS shows what is still in use
            seats = room.seats()
            runs = [s.latest for s in seats if s.latest is not None]
            stats = {
                "live": len(LIVE),
                "rss_mb": rss_mb(os.getpid()),
                "rss_before_trim_mb": rss_kept,
                "blocks": sys.getallocatedblocks(),
                "seats": len(seats),
                "connected": sum(s.connected for s in seats),
                "tried": sum(1 for r in runs if r.tried),
                "weeks": sorted(r.week for r in runs),
                "cpu_s": time.process_time(),
                "full_collections_ms": list(full_collections),
            }
            print("STATS " + json.dumps(stats), flush=True)

    threading.Thread(target=answer, daemon=True).start()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def trim() -> None:
    """glibc's malloc_trim(0): CPython frees objects but glibc keeps the pages unless asked."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """`bench_room.py --serve` in a child process, asked for stats over its stdin."""

    def __init__(self, cap: int) -> None:
        # BENCH_ROOM_PORT: a fixed port (on a shared machine, one of the range given to you); else a free one
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the last run's port may be in TIME_WAIT
            s.bind(("127.0.0.1", int(os.environ.get("BENCH_ROOM_PORT", "0"))))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.port), "--cap", str(cap)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.lines: asyncio.Queue[str] | None = None
        first = self.proc.stdout.readline()
        if not first.startswith("KEY "):
            self.stop()
            raise SystemExit(f"the server did not start: {first!r}")
        self.key = first.split()[1]
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise SystemExit("the server did not answer within 60 s") from None
                time.sleep(0.2)

    def stats(self, full: bool = True) -> dict:
        """Memory and CPU; `full` collects garbage and trims first (a stall: not while the room plays)."""
        self.proc.stdin.write("stats\n" if full else "peek\n")
        self.proc.stdin.flush()
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped")
            if line.startswith("STATS "):
                return json.loads(line[6:])

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


# --------------------------------------------------------------------------- the room


@dataclass
class Participant:
    index: int
    connect_s: float = 0.0
    steps: list[float] = field(default_factory=list)  # seconds, each Step answered
    applies: list[float] = field(default_factory=list)
    error: str = ""

    def quantile(self, q: float) -> float:
        ordered = sorted(self.steps)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Report:
    participants: list[Participant]
    refresh_intervals: list[float]
    full_collections_ms: list[float]
    baseline: dict
    peak: dict
    after_play: dict
    after_leave: dict
    play_seconds: float
    server_cpu_s: float
    client_cpu_s: float = 0.0
    stagger: float = 0.0
    load_after: float = 0.0


async def participant(
    url: str,
    index: int,
    weeks: int,
    think: tuple[float, float],
    stagger: float,
    kinds: list[str],
    stay: asyncio.Event | None = None,
    ready: asyncio.Barrier | None = None,
) -> Participant:
    result = Participant(index)
    rng = random.Random(index)  # the same think times and choices on every run
    await asyncio.sleep(index * stagger)
    client = SolaraClient(url, "/")
    try:
        started = time.perf_counter()
        await client.connect()
        result.connect_s = time.perf_counter() - started
        await client.type_text("Table name or nickname", f"Table {index + 1}")
        if ready is not None:  # the room plays once everyone has joined (joining is timed apart)
            await ready.wait()
        intervene_at = 1 + index % max(weeks - 1, 1)
        for week in range(1, weeks + 1):
            if week == intervene_at:
                await client.choose("What", kinds[index % len(kinds)])
                result.applies.append(await client.click(APPLY))
            result.steps.append(await client.click(STEP))
            if think[1] > 0:
                await asyncio.sleep(rng.uniform(*think))
    except Exception as error:  # reported per participant; the others go on
        result.error = f"{type(error).__name__}: {error}"
    finally:
        if stay is not None:  # keep the tab open until told (screenshots of a live room)
            await stay.wait()
        with contextlib.suppress(Exception):
            await client.leave()
    return result


async def watch_facilitator(
    url: str, key: str, seen: list[float], stop: asyncio.Event, shown: list[str] | None = None
) -> None:
    """The facilitator's page: note when each beat of the overview reached the page (`seen`: this
    client's clock) and the time it showed (`shown`: the server's 'updated hh:mm:ss.t').

    The clock shows tenths of a second, so every beat (0.5 s) changes it, also when no result did;
    a gap between two beats as the page got them is what the trainer saw standing still. (Before,
    it showed whole seconds: a beat in the same second as the one before showed nothing new, and
    the measure could not tell a 0.5 s beat from a 1 s stall.)"""
    client = SolaraClient(url, f"/room?key={key}")

    def listener(msg: dict, at: float) -> None:
        data = msg.get("content", {}).get("data", {})
        if data.get("method") != "update":
            return
        children = data.get("state", {}).get("children")
        if not isinstance(children, list):
            return
        clock = next((c for c in children if isinstance(c, str) and c.startswith("updated ")), None)
        if clock is not None:  # only a change is sent: each clock update is a new beat
            seen.append(at)
            if shown is not None:
                shown.append(clock.removeprefix("updated "))

    client.listeners.append(listener)
    await client.connect()
    if not client.has_text("The room (facilitator)"):
        raise RuntimeError("the facilitator page did not open with the key")
    await stop.wait()
    await client.leave()


def intervention_titles() -> list[str]:
    from lmxsim.app.i18n import intervention_title
    from lmxsim.interventions.catalogue import CATALOGUE

    return [intervention_title(cls, "en") for cls in CATALOGUE.values()]


async def play_room(
    server: Server, participants: int, weeks: int, think: tuple[float, float], stagger: float
) -> Report:
    kinds = intervention_titles()
    # Warm-up: one participant plays the whole exercise while the facilitator's page is open (first
    # imports, caches, the summary figure), then both leave; the baseline is taken after that.
    warm_stop = asyncio.Event()
    warm_watch = asyncio.create_task(watch_facilitator(server.url, server.key, [], warm_stop))
    warm = await participant(server.url, 0, weeks, (0.0, 0.0), 0.0, kinds[:1])
    if warm.error:
        raise RuntimeError(f"warm-up participant failed: {warm.error}")
    await asyncio.sleep(2.0)
    warm_stop.set()
    await warm_watch
    await asyncio.sleep(1.0)
    baseline = await asyncio.to_thread(server.stats)

    seen: list[float] = []
    stop = asyncio.Event()
    facilitator = asyncio.create_task(watch_facilitator(server.url, server.key, seen, stop))
    await asyncio.sleep(2.0)
    peak: dict = {}

    async def sample_peak() -> None:
        while not stop.is_set():
            stats = await asyncio.to_thread(server.stats, False)
            if stats["rss_mb"] > peak.get("rss_mb", 0):
                peak.update(stats)
            await asyncio.sleep(3.0)

    sampler = asyncio.create_task(sample_peak())
    marks: dict[str, float] = {}

    async def all_joined() -> None:
        marks["started"] = time.perf_counter()
        marks["client_cpu"] = time.process_time()
        at_start = await asyncio.to_thread(server.stats, False)
        marks["server_cpu"] = at_start["cpu_s"]
        marks["collections"] = len(at_start["full_collections_ms"])

    ready = asyncio.Barrier(participants + 1)
    tables = [
        asyncio.create_task(participant(server.url, i + 1, weeks, think, stagger, kinds, ready=ready))
        for i in range(participants)
    ]
    try:
        await asyncio.wait_for(ready.wait(), 300)
    except TimeoutError:
        await ready.abort()
    await all_joined()
    results = await asyncio.gather(*tables)
    ended = time.perf_counter()
    started, cpu_before = marks["started"], marks["server_cpu"]
    client_cpu = time.process_time() - marks["client_cpu"]
    load = os.getloadavg()[0]
    await asyncio.sleep(2.5)  # the overview's last redraws
    stop.set()
    await asyncio.gather(facilitator, sampler)
    after_play = await asyncio.to_thread(server.stats)
    in_play = [t for t in seen if started <= t <= ended]
    intervals = [b - a for a, b in itertools.pairwise(in_play)]
    deadline = time.monotonic() + 60
    after_leave = await asyncio.to_thread(server.stats)
    while after_leave["live"] and time.monotonic() < deadline:
        await asyncio.sleep(1.0)
        after_leave = await asyncio.to_thread(server.stats)
    return Report(
        participants=list(results),
        refresh_intervals=intervals,
        full_collections_ms=after_play["full_collections_ms"][marks["collections"] :],
        baseline=baseline,
        peak=peak or after_play,
        after_play=after_play,
        after_leave=after_leave,
        play_seconds=ended - started,
        server_cpu_s=after_play["cpu_s"] - cpu_before,
        client_cpu_s=client_cpu,
        stagger=stagger,
        load_after=load,
    )


def run(
    participants: int = 30,
    weeks: int = 26,
    think: tuple[float, float] = (1.0, 3.0),
    stagger: float = 0.5,
    cap: int = 40,
) -> Report:
    server = Server(cap)
    outcome: dict = {}

    def play() -> None:  # its own thread: a caller may already run an event loop (Playwright's, in tests)
        try:
            outcome["report"] = asyncio.run(play_room(server, participants, weeks, think, stagger))
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


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f} ms"


def describe(report: Report, participants: int) -> tuple[list[str], bool]:
    lines, ok = [], True
    failed = [p for p in report.participants if p.error]
    for p in failed:
        lines.append(f"participant {p.index}: FAILED after {len(p.steps)} steps: {p.error}")
        ok = False
    played = [p for p in report.participants if p.steps]
    every = [s for p in played for s in p.steps]
    medians = [statistics.median(p.steps) for p in played]
    p95s = [p.quantile(0.95) for p in played]
    lines.append(
        f"{len(played)} participants, {len(every)} Steps in {report.play_seconds:.0f} s "
        f"({len(every) / report.play_seconds:.1f} Steps/s for the whole room); "
        f"server CPU {report.server_cpu_s:.0f} s = {report.server_cpu_s / report.play_seconds:.2f} cores "
        f"({report.server_cpu_s / max(len(every), 1) * 1000:.0f} ms per Step, overview included); "
        f"the {participants} clients {report.client_cpu_s / report.play_seconds:.2f} cores; "
        f"load average at the end {report.load_after:.1f}"
    )
    lines.append(
        f"Step answered, all steps:        median {ms(statistics.median(every))}, "
        f"p95 {ms(sorted(every)[round(0.95 * (len(every) - 1))])}, max {ms(max(every))}"
    )
    lines.append(
        f"per participant: medians {ms(min(medians))} .. {ms(max(medians))} (target <= 250 ms); "
        f"p95s {ms(min(p95s))} .. {ms(max(p95s))} (target <= 1000 ms)"
    )
    applies = [a for p in played for a in p.applies]
    if applies:
        lines.append(f"Apply answered: median {ms(statistics.median(applies))}, max {ms(max(applies))}")
    connects = [p.connect_s for p in played]
    lines.append(
        f"joining before play (GET + websocket + first render; {participants} joined "
        f"{report.stagger:.1f} s apart): median {statistics.median(connects):.2f} s, "
        f"max {max(connects):.2f} s"
    )
    if max(medians) > TARGETS["median"] or max(p95s) > TARGETS["p95"]:
        lines.append("FAIL: a participant's Step latency is above target")
        ok = False
    gaps = report.refresh_intervals
    if gaps:
        lines.append(
            f"facilitator page redrew {len(gaps) + 1} times while the room played: interval median "
            f"{statistics.median(gaps):.2f} s, max {max(gaps):.2f} s (target <= 2 s)"
        )
        if max(gaps) > TARGETS["refresh"]:
            lines.append("FAIL: the facilitator page went more than 2 s without a redraw")
            ok = False
    else:
        lines.append("FAIL: the facilitator page never redrew")
        ok = False
    pauses = report.full_collections_ms
    lines.append(
        f"full garbage collections while the room played (the whole server stands still): {len(pauses)}"
        + (f", longest {max(pauses):.0f} ms, {sum(pauses) / 1000:.1f} s in all" if pauses else "")
    )
    base, peak, after = report.baseline, report.peak, report.after_leave
    lines.append(
        f"server memory (RSS; baseline and after: after gc + malloc_trim): baseline {base['rss_mb']:.0f} MB, "
        f"peak {peak['rss_mb']:.0f} MB with {peak['live']} live workshops (sampled every 3 s), "
        f"after all left {after['rss_mb']:.0f} MB "
        f"(before trim {after['rss_before_trim_mb']:.0f} MB); live workshops after: {after['live']}"
    )
    kept = (after["blocks"] - base["blocks"]) / max(peak["blocks"] - base["blocks"], 1)
    lines.append(
        f"Python heap blocks: baseline {base['blocks']:,}, peak {peak['blocks']:,}, after all left "
        f"{after['blocks']:,} ({kept:.0%} of the growth kept)"
    )
    if after["live"]:
        lines.append("FAIL: models of participants who left are still alive")
        ok = False
    registry = report.after_play
    lines.append(
        f"room registry: {registry['seats']} seats (1 warm-up), {registry['tried']} with an intervention, "
        f"weeks reached {registry['weeks'][0]}..{registry['weeks'][-1]}"
    )
    return lines, ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--weeks", type=int, default=26, help="Steps per participant")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), help="seconds between clicks")
    parser.add_argument("--stagger", type=float, default=0.5, help="seconds between participants joining")
    parser.add_argument("--cap", type=int, default=40)
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.cap)
        return 0
    print(
        f"{args.participants} participants x {args.weeks} Steps, think {args.think[0]}-{args.think[1]} s, "
        f"load average before {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    report = run(args.participants, args.weeks, tuple(args.think), args.stagger, args.cap)
    lines, ok = describe(report, args.participants)
    print("\n".join(lines))
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
