"""Fixed parts per provider (the guide's third method), from Python on both backends: money stays
within each discipline and is conserved exactly, the volume condition reduces a part, a sweep
equals its single distributions, region files carry them, and what is refused. (The cents are
worked out by hand in libigo/tests/test_distribute.c.)"""

from __future__ import annotations

import pytest
from strategies import distributable

import libigo


def with_fixed(region: libigo.Region, share: float, min_volume: float = 0,
               reduction: float = 0) -> libigo.Region:
    """Every provider a fixed part of `share` of what it gets without one."""
    out = region.checked()
    amounts = region.distribute().per_provider["amount"]
    out.fixed_parts = {p: {"amount": round(float(a) * share, 2), "min_volume": min_volume,
                           "reduction": reduction} for p, a in amounts.items() if a > 0}
    return out


@pytest.mark.parametrize("seed", range(25))
def test_money_stays_in_each_discipline(seed):
    region = distributable(seed)
    plain = region.distribute()
    fixed = with_fixed(region, 0.3).distribute()
    assert fixed.balanced and fixed.distributed == plain.distributed
    assert fixed.cents["discipline_totals"] == plain.cents["discipline_totals"]
    assert sum(fixed.cents["provider_totals"]) == sum(plain.cents["provider_totals"])
    # Per prestatie too: each discipline's providers share exactly its money there.
    grid, disc = fixed.provider_prestatie, fixed.discipline_prestatie
    for o in region.providers:
        assert grid.loc[o.id].sum() == fixed.per_provider.loc[o.id, "amount"]
    for d in disc.index:
        members = [o.id for o in region.providers if o.discipline == d]
        assert (grid.loc[members].sum() == disc.loc[d]).all()


def test_the_volume_condition_reduces_a_part(example):
    """A provider whose volume stays below the minimum gets its part reduced: with every part
    conditioned on an unreachable volume and reduced by 100 %, the figures are the plain ones;
    reduced by 0 %, they are those without a condition."""
    example.fixed_parts = {}  # (the example's own two, which every part below replaces)
    plain = example.distribute().cents
    gone = with_fixed(example, 0.3, min_volume=1e9, reduction=100).distribute().cents
    assert gone["provider_totals"] == plain["provider_totals"]
    kept = with_fixed(example, 0.3, min_volume=1e9, reduction=0).distribute().cents
    assert kept == with_fixed(example, 0.3).distribute().cents
    assert kept["provider_totals"] != plain["provider_totals"]


def test_a_sweep_equals_its_single_distributions(example):
    region = with_fixed(example, 0.2)
    tariffs = [900.0, 915.4, 950.0]
    sweep = region.sweep(tariffs={"IG1": tariffs})
    for i, tariff in enumerate(tariffs):
        single = region.what_if(tariffs={"IG1": tariff}).distribute()
        assert list(sweep.provider_totals.iloc[i]) == list(single.cents["provider_totals"])


def test_region_files_and_refusals(example, tmp_path):
    from libigo import _toml
    region = with_fixed(example, 0.1, min_volume=50, reduction=25)
    path = tmp_path / "regio.toml"
    path.write_text(_toml.dumps(region.to_dict()))
    assert libigo.Region.from_file(path) == region
    assert libigo.Region._from_core(region.model()).fixed_parts == region.fixed_parts
    too_much = example.checked()
    too_much.fixed_parts = {"vp-noord": {"amount": 10_000_000}}
    with pytest.raises(libigo.IgoError, match="discipline 'verloskunde': its providers' fixed "
                                              "parts of EUR 10000000.00 exceed its money"):
        too_much.distribute()
    for part, message in [({"amount": -1}, "fixed_parts.vp-noord.amount: -1.0 is outside"),
                          ({"amount": 1, "reduction": 150}, "reduction: 150.0 is outside 0-100"),
                          ({"amount": 1, "tempo": 1}, "unknown key"),
                          ({"min_volume": 3}, "amount")]:
        with pytest.raises(libigo.IgoError, match=message):
            libigo.Region.from_dict(dict(example.to_dict(), fixed_parts={"vp-noord": part}))
    # An amount of 0 is no fixed part: it is not kept, so every round trip gives it back alike.
    zero = libigo.Region.from_dict(dict(example.to_dict(),
                                        fixed_parts={"vp-noord": {"amount": 0, "reduction": 5}}))
    back = libigo.Region._from_core(zero.model())
    back.overgang = zero.overgang  # (a transition is no part of the core model)
    assert zero.fixed_parts == {} and back == zero
    unknown = example.checked()
    unknown.fixed_parts = {"vp-nergens": {"amount": 1.0, "min_volume": 0, "reduction": 0}}
    with pytest.raises(libigo.IgoError, match="vp-nergens"):
        unknown.distribute()
