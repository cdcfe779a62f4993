"""Load test: thirty browser sessions on one `lmxsim app` server stay responsive, and closed tabs free memory.

Runs the app's server in this process (so it can count live Workshops through
weak references), opens SESSIONS pages in headless Chromium, each its own
session with its own model, then:

  1. idle     all sessions open; a probe session clicks Step and times click -> painted new week
  2. playing  all other sessions press Play (3 weeks/s each); the probe keeps timing its Steps
  3. closed   every tab is closed; waits until no Workshop is left alive (gc) and reports memory

It stops by itself (every wait has a timeout). Exit status 1 if the probe's median latency while
everyone plays exceeds --limit-ms or if closed tabs keep their models.

Run:  uv run python tests/load/load_sessions.py [--sessions 30] [--seconds 20] [--limit-ms 1000]
Note: the browsers of all "participants" run on this machine too, so this is harsher than a room
where each laptop renders its own page.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import socket
import statistics
import sys
import threading
import time

PROBE_STEP = """
async (week) => {
  const button = [...document.querySelectorAll("button")].find(b => b.innerText.trim() === "Step one week");
  const done = () => document.querySelector(".lmx-week").textContent.includes(`Week ${week}`)
    && document.querySelector("#lmx-team").textContent.includes(`Week ${week}`);
  const start = performance.now();
  button.click();
  await new Promise((resolve, reject) => {
    const give_up = setTimeout(() => reject(new Error("no new week within 20 s")), 20000);
    const check = () => (done() ? (clearTimeout(give_up), resolve()) : requestAnimationFrame(check));
    check();
  });
  await new Promise(resolve => requestAnimationFrame(() => resolve()));
  return performance.now() - start;
}
"""


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def start_server(port: int):
    import uvicorn

    from lmxsim.app.server import asgi_app

    config = uvicorn.Config(asgi_app("127.0.0.1", port), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("server did not start within 60 s")
        time.sleep(0.1)
    return server, thread


def probe(page, first_week: int, seconds: float) -> list[float]:
    times, week = [], first_week
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        week += 1
        try:
            times.append(page.evaluate(PROBE_STEP, week))
        except Exception as error:
            print(f"probe: week {week} did not show ({error})")
            times.append(float("inf"))
            break
        time.sleep(0.2)
    return times


def describe(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return (
        f"{name:8s} probe steps {len(times):3d}: median {statistics.median(times):7.1f} ms, p90 {p90:7.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument(
        "--seconds", type=float, default=20.0, help="length of the idle and the playing phase"
    )
    parser.add_argument(
        "--limit-ms", type=float, default=1000.0, help="max median probe latency while playing"
    )
    args = parser.parse_args()

    exe = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(exe):
        print("Chromium not found: apt-get install -y chromium")
        return 2
    from playwright.sync_api import sync_playwright

    from lmxsim.app.session import LIVE

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server, thread = start_server(port)
    url = f"http://127.0.0.1:{port}/"
    rss_start = rss_mb()
    failed = False
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=exe,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        contexts, pages = [], []
        started = time.monotonic()
        for _ in range(args.sessions):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.get_by_role("button", name="Step one week").wait_for(timeout=60_000)
            contexts.append(context)
            pages.append(page)
        print(f"opened {len(pages)} sessions in {time.monotonic() - started:.1f} s; live models: {len(LIVE)}")
        if len(LIVE) != args.sessions:
            print(f"FAIL: expected {args.sessions} live models (one per tab), found {len(LIVE)}")
            failed = True
        rss_open = rss_mb()

        idle = probe(pages[0], 0, args.seconds)
        print(describe("idle", idle))
        for page in pages[1:]:
            page.get_by_role("button", name="Play").click()
        time.sleep(1.0)
        weeks_before = sum(w.week for w in list(LIVE))
        cpu_before, wall_before = time.process_time(), time.monotonic()
        playing = probe(pages[0], len(idle), args.seconds)
        cpu = (time.process_time() - cpu_before) / (time.monotonic() - wall_before)
        played = sum(w.week for w in list(LIVE)) - weeks_before
        print(describe("playing", playing))
        rate = played / (time.monotonic() - wall_before)
        print(
            f"while playing: {rate:.1f} weeks/s in all sessions together; server process used "
            f"{cpu:.0%} of one core (the rest of the machine runs the {args.sessions} browsers)"
        )
        weeks = sorted(w.week for w in list(LIVE))
        print(
            f"weeks reached by the sessions: min {weeks[0]}, median {weeks[len(weeks) // 2]}, max {weeks[-1]}"
        )
        if statistics.median(playing) > args.limit_ms:
            print(f"FAIL: median latency while playing above {args.limit_ms:.0f} ms")
            failed = True

        for page in pages:  # like closing a browser tab: the page says goodbye (beforeunload beacon)
            page.close(run_before_unload=True)
        time.sleep(2.0)
        for context in contexts:
            context.close()
        browser.close()
    del pages, contexts
    deadline = time.monotonic() + 60
    while len(LIVE) and time.monotonic() < deadline:
        gc.collect()
        time.sleep(0.5)
    gc.collect()
    print(
        f"after closing every tab: live models {len(LIVE)}; server RSS {rss_start:.0f} MB at start, "
        f"{rss_open:.0f} MB with {args.sessions} sessions, {rss_mb():.0f} MB after closing"
    )
    if len(LIVE):
        print("FAIL: closed tabs kept their models")
        failed = True
    server.should_exit = True
    thread.join(15)
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
