"""The spreadsheet ROUND rule: known values, and LibreOffice itself on thousands of awkward ones."""

from __future__ import annotations

import math
import random

import libreoffice
import pure_python_model as reference
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libigo


@pytest.mark.parametrize("x, cents", [
    (2.675, 268), (1.005, 101), (-2.675, -268), (0.125, 13), (-0.125, -13), (1000.005, 100001),
    (0.004999, 0), (9999999999.995, 1_000_000_000_000), (123456789.124999, 12345678912),
])
def test_known_values(x, cents):
    assert libigo.round_cents(x) == cents


def test_spreadsheet_round_other_decimals():
    assert libigo.spreadsheet_round(2.675) == 2.68
    assert libigo.spreadsheet_round(2.5, 0) == 3.0
    assert libigo.spreadsheet_round(-1250, -2) == -1300.0
    assert round(2.675, 2) == 2.67  # what Python (and naive C) give instead


def test_round_cents_refuses_what_it_cannot_count():
    for bad in (math.inf, math.nan, 5e13):
        with pytest.raises(ValueError):
            libigo.round_cents(bad)
    with pytest.raises(libigo.IgoError, match="x: expected a number, got '2.675'"):
        libigo.round_cents("2.675")


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_core_and_reference_agree(x):
    assert libigo.round_cents(x) == reference.round_cents(x)


def _awkward(n: int) -> list[float]:
    rnd = random.Random(7)
    values = []
    for i in range(n):
        tie = rnd.randrange(10**9) / 1000
        values.append([tie, math.nextafter(tie, 0), math.nextafter(tie, math.inf),
                       rnd.randrange(5000) * rnd.randrange(10**5) / 1000,
                       -tie][i % 5])
    return values


def test_libreoffice_computes_the_same_cents(soffice):
    """LibreOffice evaluates =ROUND(x;2) on values where the binary double and the spreadsheet
    disagree; every result must equal libigo's."""
    values = _awkward(3000)
    computed = libreoffice.round_cents(values)
    assert [libigo.round_cents(x) for x in values] == computed
    naive = [math.copysign(math.floor(abs(x) * 100 + 0.5), x) for x in values]
    assert sum(a != b for a, b in zip(naive, computed)) > 40  # the values do test the rule
