"""How the app server is set up for a room under load (the timing itself: benchmarks/bench_room.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import gc, json
from lmxsim.app.server import asgi_app
asgi_app("127.0.0.1", 8765, room_cap={cap})
print(json.dumps({{"frozen": gc.get_freeze_count()}}))
"""


@pytest.mark.slow  # starts a server and loads the app: 10-30 s each, the quick loop's longest
@pytest.mark.parametrize("cap", [None, 30], ids=["workshop", "room"])
def test_the_server_freezes_what_it_loaded(cap):
    """A full garbage collection then does not walk the ~200,000 objects of the loaded libraries
    (with a room playing it stopped the whole server for 0.1-0.6 s every few seconds)."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(cap=cap)], capture_output=True, text=True, timeout=120, check=True
    )
    settings = json.loads(out.stdout.strip().splitlines()[-1])
    assert settings["frozen"] > 100_000
