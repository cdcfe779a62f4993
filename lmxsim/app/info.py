"""The Info panel: what the model is, how it works, things to notice and to try, credits.

One source for the app and the trainer's guide: the panel renders the markdown
files in lmxsim/app/info/ (shipped in the package), and docs/workshop.md
carries the same text between `<!-- info:LANG -->` markers. `python -m
lmxsim.app.info` copies the files into the guide; a test checks they match.
"""

from __future__ import annotations

import re
import sys
from functools import partial
from importlib import resources
from pathlib import Path

import solara

from lmxsim.app.i18n import LANGUAGES

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "workshop.md"


def info_text(lang: str) -> str:
    """The panel's markdown in `lang` (English if that language has none)."""
    folder = resources.files("lmxsim.app") / "info"
    name = f"{lang}.md" if (folder / f"{lang}.md").is_file() else "en.md"
    return (folder / name).read_text(encoding="utf-8").strip()


def _block(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- info:{lang} -->)(.*?)(<!-- /info:{lang} -->)", re.DOTALL)


def guide_block(guide: str, lang: str) -> str | None:
    """The text between the guide's markers for `lang`, or None if the markers are missing."""
    found = _block(lang).search(guide)
    return found.group(2).strip() if found else None


def synced_guide(guide: str) -> str:
    """The guide with each language's marked block replaced by the panel's text."""
    for lang in LANGUAGES:
        guide = _block(lang).sub(partial(_filled, info_text(lang)), guide)
    return guide


def _filled(text: str, block: re.Match[str]) -> str:
    return f"{block.group(1)}\n{text}\n{block.group(3)}"


def info_html(lang: str) -> str:
    """The panel's text as HTML, made on the server: solara.Markdown's front end fetches KaTeX
    from a CDN that offline workshop rooms cannot reach (solara-assets does not ship it)."""
    import markdown

    return markdown.markdown(info_text(lang), extensions=["tables", "sane_lists"])


@solara.component
def InfoPanel(lang: str):
    solara.HTML(tag="div", unsafe_innerHTML=info_html(lang), classes=["lmx-info"])


if __name__ == "__main__":  # copy the panel's text into docs/workshop.md
    GUIDE.write_text(synced_guide(GUIDE.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
