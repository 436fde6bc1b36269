"""Sweeps: each variant equals a distribution of the region with that variant's inputs."""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pytest

import libigo


def variant_region(region: libigo.Region, counts: dict, costs: dict) -> libigo.Region:
    changed = copy.deepcopy(region)
    for code, n in counts.items():
        changed.production[code] = (n, changed.production[code][1])
    for name, value in costs.items():
        old = changed.costs[name]
        changed.costs[name] = libigo.Cost(percent=value) if old.percent is not None \
            else libigo.Cost(amount=value)
    return changed


def test_each_variant_equals_a_single_distribution(example):
    rng = np.random.default_rng(3)
    n = 25
    counts = pd.DataFrame({"IG5": rng.integers(1000, 1500, n), "IG6": rng.integers(600, 900, n)})
    costs = pd.DataFrame({"innovatie_kwaliteit": rng.uniform(0, 3, n).round(2),
                          "beheerskosten": rng.integers(200_000, 400_000, n)})
    sweep = example.sweep(counts=counts, costs=costs)
    assert len(sweep) == n
    assert list(sweep.provider_totals.columns) == [o.id for o in example.providers]
    for v in range(n):
        single = variant_region(example, counts.iloc[v].to_dict(), costs.iloc[v].to_dict())
        r = single.distribute()
        assert tuple(sweep.provider_totals.iloc[v]) == r.cents["provider_totals"]
        assert tuple(sweep.discipline_totals.iloc[v]) == r.cents["discipline_totals"]
        assert sweep.summary.loc[v, "income"] == r.cents["income"]
        assert sweep.summary.loc[v, "innovatie_kwaliteit"] == r.cents["costs"][1]
    # Every variant reconciles exactly.
    s = sweep.summary
    assert (s["income"] == s[["beheerskosten", "innovatie_kwaliteit", "overig", "outside"]]
            .sum(axis=1) + sweep.provider_totals.sum(axis=1)).all()
    assert (s["distributed"] == sweep.discipline_totals.sum(axis=1)).all()


def test_plain_arrays_and_the_dataframe_index(example):
    P = len(example.prestaties)
    base = np.array([[example.production[p.code][0] for p in example.prestaties]] * 3)
    base[1] *= 1.1
    tariffs = np.array([[example.production[p.code][1] for p in example.prestaties]] * 3)
    sweep = example.sweep(counts=base, tariffs=tariffs)
    assert sweep.summary["income"].iloc[0] == example.distribute().cents["income"]
    assert sweep.summary["income"].iloc[1] > sweep.summary["income"].iloc[0]
    indexed = example.sweep(counts=pd.DataFrame({"IG1": [1700, 1800]}, index=["laag", "hoog"]))
    assert list(indexed.summary.index) == ["laag", "hoog"]
    assert indexed.euros("summary").loc["hoog", "income"] == pytest.approx(
        indexed.summary.loc["hoog", "income"] / 100)
    with pytest.raises(libigo.IgoError, match=r"expected shape \(3, 9\)"):
        example.sweep(counts=base[:, :P - 1])


def test_a_failing_variant_is_named(example):
    counts = pd.DataFrame({"IG2": [840, 850, -1, 860]})
    with pytest.raises(libigo.IgoError) as info:
        example.sweep(counts=counts)
    assert info.value.variant == 2
    assert "variant 2: prestatie IG2: count -1 is negative" in str(info.value)
    with pytest.raises(libigo.IgoError, match="unknown column"):
        example.sweep(counts={"IG10": [1, 2]})
    with pytest.raises(libigo.IgoError, match="same number of variants"):
        example.sweep(counts={"IG1": [1, 2]}, tariffs={"IG1": [1, 2, 3]})


def test_backend_checks_buffers(example):
    m = example.model()
    P, D, O, _ = m.sizes()
    out = np.zeros((2, O), dtype=np.int64)
    with pytest.raises(ValueError, match="counts has 9 values, expected 18"):
        m.distribute_batch(2, np.zeros(P), None, None, out, None, None)
    with pytest.raises(TypeError, match="must hold float64"):
        m.distribute_batch(2, np.zeros((2, P), dtype=np.int64), None, None, out, None, None)
    with pytest.raises(TypeError):
        m.distribute_batch(2, None, None, None, np.zeros((2, O)), None, None)
    readonly = np.zeros((2, O), dtype=np.int64)
    readonly.flags.writeable = False
    with pytest.raises((TypeError, BufferError, ValueError)):
        m.distribute_batch(2, None, None, None, readonly, None, None)
    m.distribute_batch(2, None, None, None, out, None, None)
    assert (out[0] == out[1]).all() and out[0].sum() == example.distribute().cents["distributed"]


def test_inputs_are_kept_to_15_digits_alike(example):
    """1720 * 1.1 is 1892.0000000000002 in binary; the core keeps 15 digits (1892), in a sweep as
    in a single distribution, as a spreadsheet keeps a typed number."""
    noisy = 1720 * 1.1
    assert noisy != 1892
    sweep = example.sweep(counts={"IG1": [noisy, 1892.0]})
    assert (sweep.provider_totals.iloc[0] == sweep.provider_totals.iloc[1]).all()
    example.production["IG1"] = (noisy, example.production["IG1"][1])
    assert example.distribute().cents["provider_totals"] == tuple(sweep.provider_totals.iloc[0])
