"""Shared fixtures."""

import sys

import pytest


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `lmxsim ARGS` in-process through main() (the user-error handler included).

    Returns (exit code, stdout, stderr). Faster than a subprocess; tests/test_cli_run.py
    also runs one real process to prove no traceback reaches the user.
    """
    from lmxsim.cli import main

    def call(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["lmxsim", *args])
        monkeypatch.setenv("COLUMNS", "200")  # rich wraps tables at the terminal width
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        out = capsys.readouterr()
        return code, out.out, out.err

    return call
