"""Every error of the spec, through the Python API: IgoError with the core's code and a message
that names the prestatie, discipline or provider."""

from __future__ import annotations

import math

import pytest

import libigo


def refused(region: libigo.Region, code: str, *fragments: str) -> libigo.IgoError:
    with pytest.raises(libigo.IgoError) as info:
        region.distribute()
    assert info.value.code == code, str(info.value)
    for fragment in fragments:
        assert fragment in str(info.value)
    return info.value


def test_negative_and_non_finite_numbers(example):
    example.production["IG3"] = (-5, 100.0)
    refused(example, "IGO_ERROR_VALUE", "prestatie IG3", "count -5 is negative")
    example.production["IG3"] = (5, math.inf)
    refused(example, "IGO_ERROR_VALUE", "production.IG3.tariff: inf is infinite")
    example.production["IG3"] = (5, 100.0)
    example.volumes["IG2"]["vp-haven"] = -1
    refused(example, "IGO_ERROR_VALUE", "prestatie IG2, provider 'vp-haven'", "negative")


def test_percentages_outside_0_100(example):
    example.costs["innovatie_kwaliteit"] = libigo.Cost(percent=120)
    refused(example, "IGO_ERROR_VALUE", "innovatie_kwaliteit", "120 % is outside 0-100 %")


def test_key_that_does_not_sum_to_100(hand_region):
    hand_region.verdeelsleutel["B"] = {"x": 50, "y": 45}
    refused(hand_region, "IGO_ERROR_KEY_SUM", "prestatie B", "sums to 95 %")
    hand_region.normalise_keys = True
    assert hand_region.distribute().keys.loc["B", "y"] == pytest.approx(45 / 95 * 100)


def test_costs_beyond_a_prestaties_income(hand_region):
    hand_region.costs["overig"] = libigo.Cost(amount=1900)
    refused(hand_region, "IGO_ERROR_NEGATIVE_DISTRIBUTABLE", "prestatie A",
            "exceed its income EUR 1000.00")


def test_money_that_would_be_lost(hand_region):
    del hand_region.volumes["B"]["y1"]
    refused(hand_region, "IGO_ERROR_NO_VOLUME", "prestatie B", "discipline 'y'",
            "no y provider has volume in B")


def test_unknown_references_and_duplicates(hand_region):
    hand_region.volumes["A"]["z9"] = 1
    refused(hand_region, "IGO_ERROR_UNKNOWN", "unknown provider 'z9'")
    del hand_region.volumes["A"]["z9"]
    hand_region.providers.append(libigo.Provider("x1", "Dubbel", "x"))
    refused(hand_region, "IGO_ERROR_DUPLICATE", "duplicate provider 'x1'")
    hand_region.providers[-1] = libigo.Provider("f1", "Fysio", "fysiotherapie")
    refused(hand_region, "IGO_ERROR_UNKNOWN", "provider 'f1'", "unknown discipline 'fysiotherapie'")


def test_missing_and_conflicting_keys(hand_region):
    del hand_region.verdeelsleutel["B"]
    refused(hand_region, "IGO_ERROR_KEY_MISSING", "prestatie B", "no verdeelsleutel")
    hand_region.history.append(libigo.HistoryLine("1101", "x", "A", 3, 10.0))
    refused(hand_region, "IGO_ERROR_KEY_CONFLICT", "prestatie A", "1 history lines")


def test_outside_activity_without_income(hand_region):
    hand_region.production["A"] = (0, 100.0)
    refused(hand_region, "IGO_ERROR_NO_INCOME", "outside activity 'Echo'", "EUR 50.00")


def test_wrong_types_reach_the_backend_as_type_errors():
    m = libigo.Region().model()
    with pytest.raises(TypeError):
        m.set_production("IG1", "12", 3.0)
    with pytest.raises(TypeError):
        m.add_outside("Echo", 1, 2, "IG1")
    with pytest.raises(ValueError):
        m.add_prestatie("bad\0id")
    with pytest.raises(libigo.IgoError, match="no target prestaties"):
        m.add_outside("Echo", 1, 2, [])


def test_errors_pickle_with_their_code():
    import pickle
    err = pickle.loads(pickle.dumps(libigo.IgoError("boom", "IGO_ERROR_KEY_SUM", 3)))
    assert (str(err), err.code, err.variant) == ("boom", "IGO_ERROR_KEY_SUM", 3)
