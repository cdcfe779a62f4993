"""The source distribution holds what a user builds and tests from, not the repository's weight:
no screenshots or figure images (3.4 MB of a 3.5 MB sdist before) and no uv.lock."""

import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_sdist_has_the_source_and_tests_but_no_images_or_lock(tmp_path):
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv builds the sdist (CI installs it)")
    subprocess.run([uv, "build", "--sdist", "-o", str(tmp_path)], cwd=ROOT, check=True, capture_output=True)
    (sdist,) = tmp_path.glob("lmxsim-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
    assert {"pyproject.toml", "README.md", "LICENSE", "CITATION.cff", "lmxsim/py.typed"} <= set(names)
    assert any(name.startswith("tests/test_") for name in names)
    heavy = ("uv.lock", ".ci/run", "docs/figures/screening-design.csv")
    assert [n for n in names if n.endswith((".png", ".jpg", ".svg")) or n in heavy] == []
    # the tools' caches beside the source (lint-imports writes one in CI before this test runs)
    assert [n for n in names if n.split("/")[0].endswith("_cache")] == []
    assert sdist.stat().st_size < 1_000_000
