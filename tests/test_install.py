"""Installing as a leader would (issue 25, requirement 1): README's one command, and older Pythons.

The README's command for leaders is `uv tool install --python 3.12 lmxsim`; the message an
older Python gets names the same command.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMAND = "uv tool install --python 3.12 lmxsim"


def _older_python() -> str | None:
    for name in ("python3.11", "python3.10", "python3.9", "/usr/bin/python3"):
        exe = shutil.which(name)
        if not exe:
            continue
        done = subprocess.run([exe, "-c", "import sys; print(sys.version_info < (3, 12))"],
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode == 0 and done.stdout.strip() == "True":
            return exe
    return None


def test_the_readme_gives_leaders_one_install_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For leaders", 1)[1].split("\n## ", 1)[0]
    assert f"\n{COMMAND}\n" in section  # on a line of its own, in a code block
    assert "lmxsim plan" in section


def test_an_older_python_gets_one_line_that_says_what_to_do(tmp_path):
    old = _older_python()
    if old is None:
        pytest.skip("no Python older than 3.12 on this machine")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([old, "-m", "lmxsim", "--version"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "needs Python 3.12" in lines[0] and COMMAND in lines[0]


@pytest.mark.slow
def test_the_wheel_installs_with_the_readme_command_in_a_fresh_tool_environment(tmp_path):
    """`uv tool install --python 3.12 <wheel>` into an empty tool folder, then the commands run."""
    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        pytest.skip("uv not found")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env |= {"UV_TOOL_DIR": str(tmp_path / "tools"), "UV_TOOL_BIN_DIR": str(tmp_path / "bin")}
    if "PYENV_VERSION" not in env and shutil.which("pyenv"):  # pyenv's shims need a version outside
        env["PYENV_VERSION"] = f"{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}"
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(tmp_path / "dist"), str(ROOT)],
                   cwd=ROOT, env=env, check=True, capture_output=True)  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("lmxsim-*.whl")
    done = subprocess.run([uv, "tool", "install", "--python", "3.12", str(wheel)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=900)  # fmt: skip
    if done.returncode != 0 and re.search(r"dns error|network was disabled|Connect", done.stderr):
        pytest.skip(f"the package index is unreachable from here: {done.stderr.strip().splitlines()[-1]}")
    assert done.returncode == 0, done.stderr
    lmxsim = tmp_path / "bin" / "lmxsim"
    version = subprocess.run(
        [str(lmxsim), "--version"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("lmxsim ")
    plan = subprocess.run(
        [str(lmxsim), "plan", "--help"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert plan.returncode == 0 and "--survey" in plan.stdout
