"""A number field that reads and writes decimals the way the reader does.

Solara's InputFloat shows and expects "0.5" whatever the language; in Dutch a leader
writes "0,5". DecimalInput shows the value with the language's decimal sign, accepts
the language's form and also "0.5", and names the field when the text is no number.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import solara
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from lmxsim.app.i18n_lab import tl
from lmxsim.texts import LOCALES


def decimal_text(value: float, lang: str) -> str:
    """0.5 -> '0.5' in English, '0,5' in Dutch; whole numbers without decimals."""
    return format_decimal(float(value), format="0.###", locale=LOCALES.get(lang, "en_GB"))


def read_decimal(text: str, lang: str, field: str) -> float:
    """The number a person typed: the language's own form first ('0,5', '1.000,5' in Dutch),
    then a plain '0.5'. ValueError with a one-line message naming the field otherwise."""
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    value = None
    try:
        value = float(parse_decimal(cleaned, locale=LOCALES.get(lang, "en_GB"), strict=True))
    except (NumberFormatError, ValueError):
        try:
            value = float(cleaned)
        except ValueError:
            value = None
    if value is None or not math.isfinite(value):
        raise ValueError(tl("not_a_number", lang, field=field, value=text, example=decimal_text(0.5, lang)))
    if value < 0:
        raise ValueError(tl("not_negative", lang, field=field, value=text))
    return value


@solara.component
def DecimalInput(
    label: str,
    value: float,
    on_value: Callable[[float], None],
    lang: str,
    style: dict | None = None,
    classes: list[str] | None = None,
):
    """A text field for a decimal of 0 or more in `lang`; text that is not one stays, with a message."""
    problem = solara.use_reactive(("", ""))  # (the text typed, what is wrong with it)

    def typed(text: str | None) -> None:
        try:
            number = read_decimal(text or "", lang, label)
        except ValueError as error:
            problem.set((text or "", str(error)))
            return
        problem.set(("", ""))
        on_value(number)

    typed_text, message = problem.value
    solara.InputText(
        label,
        value=typed_text if message else decimal_text(value, lang),
        on_value=typed,
        continuous_update=False,
        error=message or False,
        style=style,
        classes=["lab-decimal", *(classes or [])],
    )
