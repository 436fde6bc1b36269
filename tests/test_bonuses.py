"""Quality bonuses from the innovation budget, from Python on both backends: the hand region's
cents, conservation on random regions (with fixed parts too), the split by points, sweeps, region
files, the command line, and what is refused. (The C test distribute_bonuses works the same cents
out.)"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from strategies import distributable

import libigo

HAND_BONUSES = {
    "pool_percent": 50.05,
    "indicators": [{"id": "sterfte", "label": "Perinatale sterfte", "target": 5,
                    "better": "lower", "weight": 2},
                   {"id": "tevreden", "target": 80}],
    "values": {"sterfte": {"x1": 4, "x2": 6, "y1": 5}, "tevreden": {"x1": 79, "x2": 85}},
}


def with_bonuses(region: libigo.Region, bonuses: dict) -> libigo.Region:
    out = region.checked()
    out.bonuses = bonuses
    return out.checked()


def random_bonuses(region: libigo.Region, rnd: random.Random) -> dict:
    indicators = [{"id": f"k{i}", "target": rnd.randrange(100),
                   "better": rnd.choice(["higher", "lower"]), "weight": rnd.randrange(7) / 2}
                  for i in range(rnd.randrange(4))]
    return {"pool_percent": rnd.randrange(10001) / 100, "indicators": indicators,
            "values": {x["id"]: {o.id: rnd.randrange(100) for o in region.providers
                                 if rnd.random() < 0.75} for x in indicators}}


def test_the_hand_region(hand_region):
    """The budget is 1 % of 2000.01 = 20.00; 50.05 % of it is 10.01. Points x1 2 (sterfte 4 <=
    5), x2 1 (tevreden 85 >= 80), y1 2 (sterfte 5 on the target; no tevreden value). x2 gets
    ROUND(10.01 / 5) = 2.00, y1 ROUND(4.004) = 4.00, x1 (first of the largest) the rest."""
    plain = hand_region.distribute()
    d = with_bonuses(hand_region, HAND_BONUSES).distribute()
    assert d.costs["innovatie_kwaliteit"] == Decimal("20.00")
    assert (d.bonus_pool, d.bonuses_paid, d.bonuses_unpaid) == \
        (Decimal("10.01"), Decimal("10.01"), Decimal("0.00"))
    assert list(d.cents["bonuses"]) == [401, 200, 400]
    assert list(d.bonuses["points"]) == [2, 1, 2]
    assert d.cents["provider_totals"] == plain.cents["provider_totals"]
    table = d.per_provider
    assert list(table["total"]) == [a + b for a, b in zip(table["amount"], table["bonus"])]
    assert d.balanced and d.reconciliation.loc["= Verschil", "amount"] == 0
    assert d.bonuses.loc["y1", "sterfte"] == 5 and pd_isnan(d.bonuses.loc["y1", "tevreden"])


def pd_isnan(value) -> bool:
    return value != value


def test_nobody_earns_a_point(hand_region):
    bonuses = dict(HAND_BONUSES, pool=20, values={"sterfte": {"x1": 5.01}})
    del bonuses["pool_percent"]
    d = with_bonuses(hand_region, bonuses).distribute()
    assert d.bonus_pool == Decimal("20.00") and d.bonuses_paid == 0
    assert d.bonuses_unpaid == Decimal("20.00") and list(d.cents["bonuses"]) == [0, 0, 0]
    assert d.balanced


@pytest.mark.parametrize("seed", range(30))
def test_random_regions_conserve_money(seed):
    """With bonuses and fixed parts together: income = costs - paid + outside + providers +
    bonuses; the bonuses are the pool or nothing; each but the largest is ROUND(pool x points /
    sum; 2)."""
    rnd = random.Random(seed)
    region = distributable(seed)
    region.bonuses = random_bonuses(region, rnd)
    plain = region.distribute()
    amounts = plain.per_provider["amount"]
    region.fixed_parts = {o: {"amount": float(a) * 0.2} for o, a in amounts.items()
                          if a > 0 and rnd.random() < 0.5}
    d = region.distribute()
    raw = d.cents
    assert d.balanced
    assert raw["income"] == raw["costs_total"] - raw["bonuses_paid"] + raw["outside_total"] + \
        sum(raw["provider_totals"]) + sum(raw["bonuses"])
    assert raw["bonuses_paid"] in (0, raw["bonus_pool"]) and sum(raw["bonuses"]) == \
        raw["bonuses_paid"]
    assert raw["bonus_pool"] <= raw["costs"][1]
    points, total = raw["bonus_points"], sum(raw["bonus_points"])
    if raw["bonuses_paid"]:
        largest = points.index(max(points))
        for o, p in enumerate(points):
            if o != largest:
                assert raw["bonuses"][o] == libigo.round_cents(float(d.bonus_pool) * p / total)


def test_a_sweep_follows_the_budget(example):
    """A pool given as a percentage follows each variant's innovatie_kwaliteit cost."""
    region = with_bonuses(example, {
        "pool_percent": 40, "indicators": [{"id": "k", "target": 1, "weight": 1}],
        "values": {"k": {"vp-noord": 2, "kz-delta": 3, "zh-rivierstad": 0}}})
    tariffs = [900.0, 1015.4, 1250.0]
    sweep = region.sweep(tariffs={"IG1": tariffs})
    assert sweep.bonuses is not None
    for i, tariff in enumerate(tariffs):
        single = region.what_if(tariffs={"IG1": tariff}).distribute()
        assert list(sweep.bonuses.iloc[i]) == list(single.cents["bonuses"])
        assert list(sweep.provider_totals.iloc[i]) == list(single.cents["provider_totals"])
    assert len(set(sweep.bonuses["vp-noord"])) == 3  # it moved with the budget
    plain = example.checked()
    plain.bonuses = None
    assert plain.sweep(tariffs={"IG1": tariffs}).bonuses is None


def test_region_files_round_trip(example, tmp_path):
    from libigo import _toml
    region = with_bonuses(example, {
        "pool": 12345.67, "indicators": [
            {"id": "sectio", "label": "Sectio bij laag risico (%)", "target": 12.5,
             "better": "lower", "weight": 2},
            {"id": "nps", "target": -10, "weight": 0.5}],
        "values": {"sectio": {"vp-noord": 9.75, "zh-rivierstad": 13}, "nps": {"vp-wieg": -3}}})
    for name, write in [("regio.toml", lambda p: p.write_text(_toml.dumps(region.to_dict()))),
                        ("regio.json", region.to_json)]:
        path = tmp_path / name
        write(path)
        assert libigo.Region.from_file(path) == region
    back = libigo.Region._from_core(region.model())
    assert back.bonuses == region.bonuses
    percent = with_bonuses(example, dict(HAND_BONUSES, values={}, pool_percent=33.3))
    assert libigo.Region._from_core(percent.model()).bonuses["pool_percent"] == 33.3


def test_values_from_a_dataframe(hand_region):
    import pandas as pd
    values = pd.DataFrame({"x1": [4.0, 79.0], "x2": [6.0, 85.0], "y1": [5.0, None]},
                          index=["sterfte", "tevreden"])
    d = with_bonuses(hand_region, dict(HAND_BONUSES, values=values)).distribute()
    assert list(d.cents["bonuses"]) == [401, 200, 400]


@pytest.mark.parametrize("change, message", [
    ({"pool": 5}, "give either 'pool'"),
    ({"pool_percent": None}, "bonuses.pool_percent: expected a number"),
    ({"pool_percent": 120}, "bonuses.pool_percent: 120.0 is outside 0-100"),
    ({"indicators": [{"id": "k", "target": 1, "better": "beter"}]},
     "bonuses.indicators\\[0\\].better: expected 'higher' or 'lower'"),
    ({"indicators": [{"id": "k", "target": 1, "weight": -2}]}, "weight: -2.0 is negative"),
    ({"indicators": [{"id": "k", "target": "hoog"}]}, "target: expected a number"),
    ({"indicators": [{"id": "k", "target": 1}, {"id": "k", "target": 2}]}, "listed twice"),
    ({"indicators": [{"id": "k"}]}, "'target' is missing"),
    ({"values": {"nergens": {"x1": 1}}}, "bonuses.values.nergens: unknown indicator"),
    ({"values": {"sterfte": {"x9": 1}}}, "bonuses.values.sterfte.x9: unknown provider 'x9'"),
    ({"values": {"sterfte": {"x1": float("nan")}}}, "bonuses.values.sterfte.x1"),
    ({"pot": 3}, "unknown key"),
])
def test_refusals(hand_region, change, message):
    bonuses = dict(HAND_BONUSES, **change)
    with pytest.raises(libigo.IgoError, match=message):
        with_bonuses(hand_region, bonuses)


def test_the_core_refuses(hand_region):
    too_much = dict(HAND_BONUSES, pool=20.01)
    del too_much["pool_percent"]
    with pytest.raises(libigo.IgoError, match="the bonus pool of EUR 20.01 exceeds the "
                                              "innovation and quality budget"):
        with_bonuses(hand_region, too_much).distribute()
    huge = dict(HAND_BONUSES, values={"sterfte": {"x1": 1e13}})
    with pytest.raises(libigo.IgoError, match="indicator 'sterfte', provider 'x1': value"):
        with_bonuses(hand_region, huge).distribute()


def test_the_command_line(hand_region, tmp_path, capsys):
    from libigo import cli
    path = tmp_path / "regio.json"
    with_bonuses(hand_region, HAND_BONUSES).to_json(path)
    assert cli.main(["verdeel", str(path), "--csv", str(tmp_path / "uit")]) == 0
    out = capsys.readouterr().out
    assert "Kwaliteitsbonussen: pot 10,01, uitgekeerd 10,01, blijft in het innovatiebudget " \
           "0,00" in out
    assert "Sluitend tot op de cent." in out
    csv = (tmp_path / "uit" / "bonuses.csv").read_text().splitlines()
    assert csv[0] == "provider,sterfte,tevreden,points,bonus"
    assert csv[1] == "x1,4.0,79.0,2.0,4.01"


def test_a_comparison_counts_the_bonuses(hand_region):
    """A provider that misses its target loses its bonus to the others: the providers' changes
    (model income plus bonus) add up to the change in what is distributed and paid as bonuses."""
    before = with_bonuses(hand_region, HAND_BONUSES)
    after = with_bonuses(hand_region, dict(HAND_BONUSES, values={
        "sterfte": {"x1": 4, "x2": 6, "y1": 5.5}, "tevreden": {"x1": 79, "x2": 85}}))
    c = libigo.compare(before, after)
    # y1 drops from 2 points to 0: x1 2 and x2 1 of 3 share 10.01: x2 ROUND(3.3367) = 3.34,
    # x1 the rest, 6.67.
    assert c.cents["providers"] == {"x1": 667 - 401, "x2": 334 - 200, "y1": -400}
    assert sum(c.cents["providers"].values()) == c.cents["totals"]["distributed"] + \
        c.cents["totals"]["bonuses_paid"] == 0
