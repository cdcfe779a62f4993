"""Number fields in the reader's language (issue 15: the lab's hour and budget fields in Dutch)."""

from __future__ import annotations

import pytest

from lmxsim.app.decimal_input import decimal_text, read_decimal


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("0,5", "nl", 0.5),
        ("0.5", "nl", 0.5),  # a plain decimal point is accepted too
        (" 2 ", "nl", 2.0),
        ("1.000,5", "nl", 1000.5),
        ("0.25", "en", 0.25),
        ("1,000.5", "en", 1000.5),
    ],
)
def test_reads_the_languages_own_form_and_a_plain_point(text, lang, expected):
    assert read_decimal(text, lang, "Budget") == pytest.approx(expected)


def test_writes_the_languages_decimal_sign():
    assert decimal_text(0.5, "nl") == "0,5"
    assert decimal_text(0.5, "en") == "0.5"
    assert decimal_text(2.0, "nl") == "2"
    for value in (0.05, 0.25, 1.75):  # what is shown reads back as the same number
        assert read_decimal(decimal_text(value, "nl"), "nl", "x") == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "", "0,5,", "nan", "1/2"])
def test_text_that_is_no_number_gets_one_line_naming_field_and_value(text):
    with pytest.raises(ValueError) as error:
        read_decimal(text, "nl", "Je tijdsbudget")
    message = str(error.value)
    assert message.startswith("Je tijdsbudget: ") and repr(text) in message
    assert "geen getal" in message and "0,5" in message and "\n" not in message


def test_below_zero_is_refused():
    with pytest.raises(ValueError, match="below 0"):
        read_decimal("-1", "en", "Budget")
