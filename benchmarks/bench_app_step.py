"""How long one week takes in the workshop app with 12 members: step + redraw (target: median <= 100 ms).

Three measurements:
  python   Workshop.step() + drawing + the person chart + all member and team charts + narration
           (the work per week; the app draws the six charts only while "All charts" is shown)
  render   the same through Solara: click 'Step one week' in a headless render of the Page
  browser  real Chromium against `lmxsim app`: click Step, wait until the week label and the drawing
           show the new week and the frame is painted (server, websocket, Vue, SVG; timed in the page);
           skipped if Chromium is missing

Run:  uv run python benchmarks/bench_app_step.py [--weeks 26] [--no-browser]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

TEAM = 12


def summary(name: str, times_ms: list[float]) -> str:
    times = sorted(times_ms)
    p90 = times[int(0.9 * (len(times) - 1))]
    median = statistics.median(times)
    return f"{name:8s} n={len(times):3d}  median {median:6.1f} ms  p90 {p90:6.1f} ms  max {times[-1]:6.1f} ms"


def bench_python(weeks: int) -> list[float]:
    from lmxsim.app.charts import member_charts_svg, person_chart_svg, team_charts_svg
    from lmxsim.app.narration import describe
    from lmxsim.app.session import Workshop
    from lmxsim.app.team_drawing import drawing_svg

    workshop = Workshop()
    assert workshop.set_knob("team_size", TEAM) is None
    workshop.apply("role-clarification", workshop.names[0])
    workshop.set_twin(True)
    times = []
    for _ in range(weeks):
        start = time.perf_counter()
        workshop.step()
        drawing_svg(workshop.model, workshop.names[0], "en")
        drawing_svg(workshop.twin, workshop.names[0], "en")
        person_chart_svg(workshop, workshop.names[0], "en")  # on screen every week
        member_charts_svg(workshop, workshop.names[0], "en")  # on the "All charts" view
        team_charts_svg(workshop, "en")
        [describe(e, "en") for e in workshop.narrator.events[-12:]]
        times.append((time.perf_counter() - start) * 1000)
    return times


def bench_render(weeks: int) -> list[float]:
    import ipyvuetify as v
    import solara

    from lmxsim.app.main import Page
    from lmxsim.app.session import LIVE

    _, rc = solara.render(Page(), handle_error=False)
    workshop = next(iter(LIVE))
    assert workshop.set_knob("team_size", TEAM) is None
    times = []
    for _ in range(weeks):
        button = rc.find(v.Btn, children=["Step one week"]).widget
        start = time.perf_counter()
        button.click()
        times.append((time.perf_counter() - start) * 1000)
    rc.close()
    return times


# Timed inside the page, so Playwright's own overhead is not counted: click Step, then wait
# until both the week label and the drawing show the new week (server round trip + paint).
CLICK_AND_WAIT = """
async (week) => {
  const button = [...document.querySelectorAll("button")].find(b => b.innerText.trim() === "Step one week");
  const done = () => document.querySelector(".lmx-week").textContent.includes(`Week ${week}`)
    && document.querySelector("#lmx-team").textContent.includes(`Week ${week}`);
  const start = performance.now();
  button.click();
  await new Promise(resolve => {
    const check = () => (done() ? resolve() : requestAnimationFrame(check));
    check();
  });
  await new Promise(resolve => requestAnimationFrame(() => resolve()));  // painted
  return performance.now() - start;
}
"""


def bench_browser(weeks: int) -> list[float] | None:
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(exe):
        print("browser  skipped: no Chromium (apt-get install -y chromium)")
        return None
    from playwright.sync_api import sync_playwright

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
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.25)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(url)
            step = page.get_by_role("button", name="Step one week")
            step.wait_for(timeout=60_000)
            page.get_by_role("tab", name="Settings").click()
            size = page.locator('[data-knob="team_size"]').get_by_role("slider")
            size.focus()
            for _ in range(20):  # bounded: each key press adds one member
                if page.locator("#lmx-team .lmx-member").count() >= TEAM:
                    break
                size.press("ArrowRight")
                time.sleep(0.5)
            members = page.locator("#lmx-team .lmx-member").count()
            assert members == TEAM, f"could not set the team size to {TEAM} (have {members})"
            times = []
            for week in range(1, weeks + 1):
                times.append(page.evaluate(CLICK_AND_WAIT, week))
                time.sleep(0.05)
            browser.close()
        return times
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--weeks", type=int, default=26, help="at most the scenario's length (26)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from lmxsim.app.session import Workshop

    args.weeks = min(args.weeks, Workshop().last_week)  # Step stops at the scenario's last week
    print(f"team of {TEAM}, {args.weeks} weeks, twin on for 'python'")
    print(summary("python", bench_python(args.weeks)))
    print(summary("render", bench_render(args.weeks)))
    if not args.no_browser:
        times = bench_browser(args.weeks)
        if times:
            print(summary("browser", times))


if __name__ == "__main__":
    main()
