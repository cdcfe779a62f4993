"""Does Play keep its pace? 26 weeks at 3 weeks per second, with 1 tab and with 5 tabs playing.

Issue 13 asks: at 3 weeks/s the scenario's 26 weeks take at most 10 s on an idle
2-core machine with one tab (8.7 s is the ideal), and with 5 tabs playing at once
each keeps at least half that pace (at most 20 s).

Each tab is its own browser context (its own session and model) against one
`lmxsim app` server; the time is taken inside each page from the Play click to
the moment the week label reads the last week. The load average is printed
next to the result: on a busy shared machine the numbers are not the idle ones.

Run:  uv run python benchmarks/bench_play_pace.py [--tabs 1 5] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

SPEED = 3  # weeks per second: the app's default

# Timed in the page: click Play, then poll the week label until it shows the last week.
PLAY_AND_WAIT = """
async (last) => {
  const play = [...document.querySelectorAll(".lmx-play button")].find(b => b.innerText.trim() === "Play");
  const done = () => document.querySelector(".lmx-week").textContent.trim() === `Week ${last}`;
  const start = performance.now();
  play.click();
  await new Promise(resolve => {
    const check = () => (done() ? resolve() : setTimeout(check, 20));
    check();
  });
  return (performance.now() - start) / 1000;
}
"""


def cpu_seconds(root: int) -> float:
    """User + system CPU time of process `root` and all its descendants (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        times[pid] = (int(fields[11]) + int(fields[12])) / ticks
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "lmxsim", "app", "--no-open", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=2)
            return server, url
        except OSError:
            time.sleep(0.25)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("the app did not start")


def open_tabs(browser, url: str, tabs: int) -> list:
    """`tabs` sessions (each its own browser context), loaded and settled."""
    pages = [browser.new_context(viewport={"width": 1280, "height": 720}).new_page() for _ in range(tabs)]
    for page in pages:
        page.goto(url)
        page.get_by_role("button", name="Play").wait_for(timeout=60_000)
    time.sleep(1.0)  # let every page settle before the clock starts
    return pages


def play_in_tabs(pages: list, last: int) -> list[float]:
    """Press Play in all tabs at once; each one's seconds to the last week."""
    for page in pages:  # start all, then collect: the tabs play at the same time
        page.evaluate(f"() => {{ window.lmxPace = ({PLAY_AND_WAIT})({last}); }}")
    return [page.evaluate("() => window.lmxPace") for page in pages]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tabs", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(exe):
        raise SystemExit("no Chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    from lmxsim.app.session import Workshop

    last = Workshop().last_week
    ideal = last / SPEED
    server, url = start_server()
    print(f"{last} weeks at {SPEED} weeks/s: ideal {ideal:.1f} s; target 1 tab <= 10 s, 5 tabs each <= 20 s")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            for tabs in args.tabs:
                for _ in range(args.rounds):
                    pages = open_tabs(browser, url, tabs)
                    load = os.getloadavg()[0]
                    server_cpu, all_cpu = cpu_seconds(server.pid), cpu_seconds(os.getpid())
                    seconds = play_in_tabs(pages, last)
                    server_cpu = cpu_seconds(server.pid) - server_cpu
                    browser_cpu = cpu_seconds(os.getpid()) - all_cpu - server_cpu
                    for page in pages:
                        page.context.close()
                    slowest = max(seconds)
                    print(
                        f"{tabs} tab(s): " + ", ".join(f"{s:.1f}" for s in seconds) + " s"
                        f"  | slowest {slowest:.1f} s = {slowest / ideal:.2f}x ideal"
                        f"  | pace {last / slowest:.2f} weeks/s  | load average before {load:.1f}"
                    )
                    print(
                        f"   CPU: server {server_cpu:.1f} s, browsers {browser_cpu:.1f} s "
                        f"in {slowest:.1f} s of wall time ({(server_cpu + browser_cpu) / slowest:.2f} cores)"
                    )
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)


if __name__ == "__main__":
    main()
