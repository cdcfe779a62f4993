"""The package's layout is its architecture (docs/architecture.md), and a test keeps it so.

`lint-imports` checks the contracts in pyproject.toml: parts import only from their own layer
or lower, and no import circles. It runs here so `uv run pytest` (and CI) checks it, and on a
copy of the package with an upward import and with a circle, to show it would catch them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lmxsim"


def lint_imports(package_parent: Path | None = None) -> subprocess.CompletedProcess:
    """`lint-imports` with the project's contracts, on this package or on a copy in package_parent."""
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if package_parent is not None:
        env["PYTHONPATH"] = str(package_parent)  # found before the installed (editable) lmxsim
    return subprocess.run(
        [command, "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=package_parent or ROOT,  # lint-imports looks in its working folder first
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_layers_hold_and_nothing_imports_in_a_circle() -> None:
    done = lint_imports()
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in done.stdout


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "lmxsim", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # the model reaching up into the app
        (
            "model/params.py",
            "from lmxsim.app import style  # noqa",
            "lmxsim.model is not allowed to import lmxsim.app",
        ),
        # a circle inside the engine
        (
            "engine/batch_tables.py",
            "from lmxsim.engine import batch  # noqa",
            "No cycles are allowed in lmxsim.engine",
        ),
        # two parts of one layer that must stay independent
        (
            "science/facts.py",
            "from lmxsim.lab import twin  # noqa",
            "lmxsim.science is not allowed to import lmxsim.lab",
        ),
    ],
)
def test_an_upward_import_or_a_circle_breaks_the_contracts(package_copy, module, line, broken) -> None:
    _append(package_copy / "lmxsim" / module, line)
    done = lint_imports(package_copy)
    assert done.returncode != 0
    assert broken in " ".join(done.stdout.split())


def test_a_new_top_level_module_must_be_given_a_layer(package_copy) -> None:
    (package_copy / "lmxsim" / "stray.py").write_text('"""Where does this belong?"""\n', encoding="utf-8")
    done = lint_imports(package_copy)
    assert done.returncode != 0
    assert "stray" in done.stdout


def test_docs_architecture_names_every_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(
        p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts
    )
    unnamed = [
        name
        for name in modules
        if f"`{name}`" not in text
        and not (name.endswith("/__init__.py") and f"**{name.split('/')[0]}**" in text)
    ]
    assert not unnamed, f"docs/architecture.md does not name: {', '.join(unnamed)}"


def test_configs_live_at_the_top_once() -> None:
    from lmxsim.io.packaged import CONFIGS, SCENARIO_DIR

    assert not (PACKAGE / "configs").exists(), (
        "one copy: configs/ at the top; the wheel puts it in the package"
    )
    assert CONFIGS == ROOT / "configs"
    assert sorted(SCENARIO_DIR.glob("*.toml"))


def test_the_public_api_keeps_its_names() -> None:
    import lmxsim.batch
    from lmxsim import LMXModel, Member, ParameterError, Params, twin_run
    from lmxsim.engine import batch, mesa_model
    from lmxsim.lab import twin
    from lmxsim.model import params
    from lmxsim.team import members

    assert lmxsim.batch.run_batch is batch.run_batch and lmxsim.batch.BatchRun is batch.BatchRun
    assert (LMXModel, Member, Params, twin_run) == (
        mesa_model.LMXModel,
        members.Member,
        params.Params,
        twin.twin_run,
    )
    assert ParameterError is params.ParameterError
