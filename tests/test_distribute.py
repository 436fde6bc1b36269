"""Distributions through the Python API: exact figures, every table consistent, and agreement to
the cent with an independent pure-Python implementation of the spec."""

from __future__ import annotations

from decimal import Decimal

import pure_python_model as reference
from hypothesis import HealthCheck, given, settings
from strategies import regions

import libigo


def test_hand_computed_region(hand_region):
    r = hand_region.distribute()
    # The same cents as worked out by hand in libigo/tests/test_distribute.c.
    assert r.income == Decimal("2000.01")
    assert r.costs == {"beheerskosten": Decimal("100.00"),
                       "innovatie_kwaliteit": Decimal("20.00"), "overig": Decimal("0.00")}
    assert list(r.per_prestatie["costs"]) == [Decimal("60.00"), Decimal("60.00")]
    assert list(r.per_prestatie["distributable"]) == [Decimal("890.00"), Decimal("940.01")]
    assert r.per_provider["amount"].to_dict() == {
        "x1": Decimal("635.50"), "x2": Decimal("368.50"), "y1": Decimal("826.01")}
    assert r.provider_prestatie.loc["x2", "A"] == Decimal("133.50")
    assert r.discipline_prestatie.loc["y", "B"] == Decimal("470.01")
    assert r.keys.loc["A"].to_dict() == {"x": 60.0, "y": 40.0}


def test_example_reconciles_exactly(example):
    r = example.distribute()
    assert r.balanced
    assert r.income == r.costs_total + r.outside_total + r.per_provider["amount"].sum()
    assert r.reconciliation.loc["= Verschil", "amount"] == Decimal("0.00")
    assert r.distributed == r.per_provider["amount"].sum() == r.per_discipline["amount"].sum()
    # Every table agrees with the others, to the cent.
    per_p = r.per_prestatie
    assert (per_p["income"] == per_p["costs"] + per_p["outside"] + per_p["distributable"]).all()
    disciplines = [d.id for d in example.disciplines]
    assert (per_p[disciplines].sum(axis=1) == per_p["distributable"]).all()
    assert (r.provider_prestatie.sum(axis=1) == r.per_provider["amount"]).all()
    assert (r.outside.drop(columns="cost").sum(axis=1) == r.outside["cost"]).all()
    by_discipline = r.per_provider.groupby("discipline")["amount"].sum()
    assert all(by_discipline[d] == r.per_discipline.loc[d, "amount"] for d in disciplines)


def test_example_is_a_realistic_region(example):
    r = example.distribute()
    women = sum(example.production[c][0] for c in ("IG4", "IG5", "IG6"))
    assert 2500 <= women <= 3500  # about 3,000 births a year
    assert [sum(o.discipline == d for o in example.providers)
            for d in ("ziekenhuis", "verloskunde", "kraamzorg")] == [2, 10, 3]
    assert all(amount > 0 for amount in r.per_provider["amount"])
    assert all(isinstance(a, Decimal) and a == a.quantize(Decimal("0.01"))
               for a in r.per_provider["amount"])


def test_example_matches_pure_python_reference(example):
    r = example.distribute()
    expected = reference.distribute(example)
    assert list(r.cents["provider_totals"]) == expected["provider_totals"]
    assert list(r.cents["discipline_totals"]) == expected["discipline_totals"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regions())
def test_random_regions_match_reference_and_conserve(region):
    try:
        r = region.distribute()
    except libigo.IgoError as exc:
        # The only refusals these regions can earn: costs beyond what a prestatie can carry.
        assert exc.code in ("IGO_ERROR_NEGATIVE_DISTRIBUTABLE", "IGO_ERROR_NO_INCOME"), str(exc)
        return
    expected = reference.distribute(region)
    assert list(r.cents["provider_totals"]) == expected["provider_totals"]
    assert list(r.cents["discipline_totals"]) == expected["discipline_totals"]
    raw = r.cents
    assert raw["income"] == raw["costs_total"] + raw["outside_total"] + sum(raw["provider_totals"])
    assert sum(raw["prestatie_costs"]) == raw["costs_total"]
    assert sum(raw["outside_costs"]) == raw["outside_total"] == sum(raw["prestatie_outside"])


def test_distribute_leaves_the_region_reusable(example):
    first = example.distribute()
    example.production["IG1"] = (example.production["IG1"][0] + 10,
                                 example.production["IG1"][1])
    second = example.distribute()
    assert second.income - first.income == Decimal("9154.00")  # 10 women x EUR 915.40
