"""What the project says about itself: version, licence, citation, links that work off GitHub."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "https://github.com/lmxsim/lmxsim"


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_licence_is_the_mit_text_the_metadata_names():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert pyproject()["license"] == "MIT"
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 the lmxsim developers" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text


def test_citation_names_this_version_and_the_odd_description():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "software"
    assert citation["version"] == pyproject()["version"]  # bump both, or the citation lies
    assert citation["repository-code"] == REPOSITORY
    assert any(ref["url"].endswith("docs/ODD.md") for ref in citation["references"])


def test_citation_names_its_author_as_licence_and_metadata_do_and_where_to_find_it():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    (author,) = citation["authors"]  # the project's team, a CFF entity: no invented person
    assert [author["name"]] == [a["name"] for a in pyproject()["authors"]]
    assert f"Copyright (c) 2026 {author['name']}" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert author["website"] == REPOSITORY
    assert citation["contact"][0]["website"] == f"{REPOSITORY}/issues"


def test_the_wheel_asks_for_ranges_without_unused_extras_and_keeps_solara_with_its_assets():
    """uv.lock pins for development; a user's install takes compatible versions."""
    requirements = {re.split(r"[\[<>=!~ ]", r, maxsplit=1)[0]: r for r in pyproject()["dependencies"]}
    assert [r for r in requirements.values() if "==" in r or "[" in r] == []
    assert requirements["mesa"] == "mesa>=3.5.1,<3.6"
    # solara-assets serves the front end of one Solara minor release: the two move together
    assert requirements["solara"].removeprefix("solara") == requirements["solara-assets"].removeprefix(
        "solara-assets"
    )
    assert "<" in requirements["solara"]


def test_changelog_has_the_current_version():
    version = pyproject()["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{version}]" in changelog or "## [Unreleased]" in changelog


def test_readme_links_work_on_a_package_index_page():
    """PyPI shows README.md without the repository around it: relative links would break there.

    Links into the repository must also name files that exist (on the main branch, once merged).
    """
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"!?\[[^\]]*\]\(([^)\s]+)\)", readme)
    assert targets
    relative = [t for t in targets if not t.startswith(("http://", "https://", "#"))]
    assert relative == []
    for target in targets:
        for prefix in (f"{REPOSITORY}/blob/main/", f"{REPOSITORY}/raw/main/"):
            if target.startswith(prefix):
                assert (ROOT / target.removeprefix(prefix)).is_file(), target
