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


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory):
    """lmxsim as a user gets it: `uv build` the wheel, install it with the locked versions
    into a fresh virtual environment outside the source tree. Returns its bin/ directory.

    The dependencies are pinned from uv.lock (`uv export`), so the installed set is the one
    the suite runs with, served from uv's cache when it holds them.
    """
    import os
    import shutil
    import subprocess
    from pathlib import Path

    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        if os.environ.get("CI"):
            pytest.fail("uv not found; the wheel test needs it", pytrace=False)
        pytest.skip("uv not found")
    root = Path(__file__).resolve().parents[1]
    base = tmp_path_factory.mktemp("wheel")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "UV_PROJECT_ENVIRONMENT")
    }

    def uv_run(*args: str, cwd: Path = base) -> str:
        done = subprocess.run([uv, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"uv {' '.join(args)} failed:\n{done.stderr}"
        return done.stdout

    uv_run("build", "--wheel", "--out-dir", str(base / "dist"), str(root), cwd=root)
    (wheel,) = (base / "dist").glob("lmxsim-*.whl")
    requirements = base / "requirements.txt"
    uv_run(
        "export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-project", "--quiet",
        "--output-file", str(requirements), cwd=root,
    )  # fmt: skip
    venv = base / "venv"
    uv_run("venv", "--quiet", "--python", sys.executable, str(venv))
    python = venv / "bin" / "python"
    uv_run("pip", "install", "--quiet", "--python", str(python), "-r", str(requirements), str(wheel))
    return venv / "bin"
