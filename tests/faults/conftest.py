"""Fixtures for fault injection: a tiny disk and a read-only folder (real mounts when allowed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _mount(where: Path, options: str) -> bool:
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, check=False
    )
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 kB tmpfs: writing more fails with ENOSPC (skipped where mounting is not allowed)."""
    where = tmp_path / "tiny"
    where.mkdir()
    if not _mount(where, "size=64k"):
        pytest.skip("cannot mount a tmpfs here (needs root); the injected-OSError tests cover this case")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture
def read_only_dir(tmp_path):
    """A read-only tmpfs: any write fails with EROFS, also for root (chmod does not stop root)."""
    where = tmp_path / "ro"
    where.mkdir()
    if not _mount(where, "ro,size=64k"):
        pytest.skip("cannot mount a tmpfs here (needs root); the injected-OSError tests cover this case")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)
