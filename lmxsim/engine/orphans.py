"""Worker processes that end with their driver.

A process-pool worker waits on a queue whose write end it holds itself, so it
never notices that the driver was killed (kill -9, an out-of-memory kill, a
closed terminal): it stays, and with it the resource tracker it keeps open.
Each worker therefore watches the driver's pid from a daemon thread and exits
as soon as the driver is gone. Anything in flight is lost, which `--resume`
redoes; finished parts are safe (they are renamed into place whole).
"""

from __future__ import annotations

import os
import select
import threading
import time

POLL_SECONDS = 0.5


def _wait_for_exit(pid: int) -> None:
    try:
        descriptor = os.pidfd_open(pid)  # Linux 5.3+: readable once the process has exited
    except (AttributeError, OSError):
        descriptor = None
    if descriptor is not None:
        poller = select.poll()
        poller.register(descriptor, select.POLLIN)
        while not poller.poll(1000):
            pass
        return
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        except PermissionError:
            pass
        time.sleep(POLL_SECONDS)


def exit_with(driver: int) -> threading.Thread:
    """Start a daemon thread that ends this process when process `driver` exits."""

    def watch() -> None:
        _wait_for_exit(driver)
        os._exit(70)  # no clean-up: the driver that would want the result is gone

    thread = threading.Thread(target=watch, name=f"exit-with-{driver}", daemon=True)
    thread.start()
    return thread
