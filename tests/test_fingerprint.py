"""The model fingerprint follows the code: found by walking the package, not from a list of files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lmxsim.io.provenance import model_fingerprint, package_root
from lmxsim.model import measures, params


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "lmxsim"
    shutil.copytree(package_root(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _inside(module) -> Path:
    return Path(module.__file__).resolve().relative_to(package_root())


def _append(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + code, encoding="utf-8")


def test_a_copy_of_the_package_has_the_same_fingerprint(package_copy):
    assert model_fingerprint(package_copy) == model_fingerprint()


def test_a_new_measure_changes_the_fingerprint(package_copy):
    before = model_fingerprint(package_copy)
    _append(
        package_copy / _inside(measures),
        '\n\nEXTRA = Measure("extra", TEAM, "share", "a measure added by a test", lambda s: s["lmx"])\n',
    )
    assert model_fingerprint(package_copy) != before


def test_a_new_parameter_and_a_new_module_change_the_fingerprint(package_copy):
    before = model_fingerprint(package_copy)
    _append(package_copy / _inside(params), "\n# a new parameter's equation would go here\n")
    edited = model_fingerprint(package_copy)
    assert edited != before
    (package_copy / _inside(params)).with_name("new_mechanism.py").write_text(
        "RATE = 0.1\n", encoding="utf-8"
    )
    assert model_fingerprint(package_copy) != edited


def test_texts_and_front_ends_leave_the_fingerprint_alone(package_copy):
    before = model_fingerprint(package_copy)
    _append(package_copy / "texts" / "cli.py", "\n# a reworded message\n")
    _append(package_copy / "app" / "style.py", "\n# a new colour\n")
    assert model_fingerprint(package_copy) == before
