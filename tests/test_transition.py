"""Transition clauses from Python (both backends): the figures' properties on random regions,
the special cases that pin them to the region's own figures, the refusals, and the plot."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from strategies import distributable

import libigo


def history_of(region: libigo.Region, rng: random.Random) -> dict[str, float]:
    """A plausible history: the model's income per provider, each off by up to 40 %."""
    amounts = region.distribute().per_provider["amount"]
    return {p: round(float(a) * rng.uniform(0.6, 1.4), 2) for p, a in amounts.items()}


def test_every_year_pays_the_pot_within_its_bounds():
    rng = random.Random(7)
    checked = 0
    for seed in range(40):
        region = distributable(seed)
        pot = region.distribute().cents["distributed"]
        limits = dict(max_decrease=rng.choice([None, 2, 5, 10]),
                      max_increase=rng.choice([None, 3, 8, 15]),
                      guarantee=rng.choice([None, 80, 95]))
        try:
            t = region.transition(history_of(region, rng), {2027: 100, 2028: 60, 2029: 20,
                                                            2030: 0}, **limits)
        except libigo.IgoError as e:
            assert e.code == "IGO_ERROR_INFEASIBLE"
            assert any(w in str(e) for w in ("short", "left over", "above its cap"))
            continue
        checked += 1
        table = t.table
        for year in t.years:
            assert sum(t.cents[year].values()) == pot
            rows = table[table.year == year]
            assert (rows.paid >= rows.floor).all()
            assert all(c is None or p <= c for p, c in zip(rows.paid, rows.cap))
            assert t.rounds[year] <= len(region.providers)
    assert checked >= 20


def test_without_bounds_the_target_and_its_ends():
    """No limits: paid = target; 0 % history: the model's own figures; 100 % with a history that
    sums to the pot: that history itself."""
    region = distributable(3)
    model = region.distribute().per_provider["amount"]
    history = {p: float(a) for p, a in model.items()}
    first = next(iter(history))
    history[first], other = history[first] + 1000, list(history)[1]
    history[other] -= 1000  # another history, with the same total
    t = region.transition(history, {"2027": 100, 2028: 50, 2029: 0})  # a file's keys are texts
    table = t.table
    assert (table.paid == table.target).all() and set(table.bound) == {"none"}
    assert t.paid[2029].to_dict() == dict(model)
    assert t.paid[2027].to_dict() == {p: Decimal(str(v)).quantize(Decimal("0.01"))
                                      for p, v in history.items()}


def test_a_region_per_year_and_the_change():
    region = libigo.example_region()
    later = region.checked()
    later.production["IG1"] = (later.production["IG1"][0] * 1.1, later.production["IG1"][1])
    history = history_of(region, random.Random(1))
    t = region.transition(history, {2027: 100, 2028: 0}, regions={2028: later})
    assert t.pots[2028] == later.distribute().distributed != t.pots[2027]
    rows = t.table[t.table.year == 2028].set_index("provider")
    before = t.paid[2027]
    assert all(rows.change[p] == rows.paid[p] - before[p] for p in rows.index)
    first = t.table[t.table.year == 2027].set_index("provider")
    assert all(first.change[p] == first.paid[p] - Decimal(str(history[p])).quantize(
        Decimal("0.01")) for p in first.index)


def test_refusals_name_what_is_wrong():
    region = libigo.example_region()
    history = history_of(region, random.Random(2))
    years = {2027: 100, 2028: 0}
    cases = [
        (dict(history={**history, "vp-nieuw": 10}), "history: provider 'vp-nieuw' is not in"),
        (dict(history={k: v for k, v in history.items() if k != "vp-noord"}),
         "no historical income for provider 'vp-noord'"),
        (dict(history={**history, "vp-noord": -5}), "history['vp-noord']: -5 is negative"),
        (dict(years={2028: 100, 2027: 0}), "years: give each year once, in order"),
        (dict(years={2027: 120}), "years[2027]: 120 % is outside 0-100 %"),
        (dict(max_increase=-1), "max_increase: -1 % is outside 0-100 %"),
        (dict(guarantee={"vp-x": 5}), "guarantee: provider 'vp-x' is not in the region"),
        (dict(history={k: 0 for k in history}), "the historical incomes sum to 0"),
    ]
    for change, message in cases:
        args = dict(history=history, years=years) | change
        with pytest.raises(libigo.IgoError, match=message.replace("[", r"\[").replace("]", r"\]")):
            region.transition(**args)
    with pytest.raises(libigo.IgoError) as e:
        region.transition(history, years, max_decrease=0, guarantee=100)
    assert e.value.code == "IGO_ERROR_INFEASIBLE" and "2027:" in str(e.value)


def test_results_are_snapshots_and_plot(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    region = libigo.example_region()
    t = region.transition(history_of(region, random.Random(3)), {2027: 100, 2028: 50, 2029: 0},
                          max_decrease=3)
    with pytest.raises(AttributeError):
        t.years = ()
    with pytest.raises(TypeError):
        t.cents[2027]["vp-noord"] = 0
    ax = t.plot()
    assert len(ax.get_lines()) == 3 * len(region.providers)
    ax.figure.savefig(tmp_path / "overgang.png")


def test_history_from_the_claims_pipeline(tmp_path):
    """The claims pipeline's income per provider is the history a transition takes."""
    from libigo import claims
    path = tmp_path / "declaraties.csv"
    claims.generate(path, 1200, seed=11)
    result = claims.aggregate(path)
    tariffs = {f"IG{i}": 500.0 + 100 * i for i in range(1, 10)}
    region = result.to_region(tariffs=tariffs)
    t = region.transition(result.income, {2027: 100, 2028: 50, 2029: 0}, max_decrease=10)
    assert list(t.paid.index) == [o.id for o in region.providers]
    pot = region.distribute().cents["distributed"]
    assert all(sum(t.cents[y].values()) == pot for y in t.years)


def with_overgang(region: libigo.Region, **overgang) -> dict:
    data = region.to_dict()
    data["overgang"] = {"history": history_of(region, random.Random(4)),
                        "years": {2027: 100, 2028: 50, 2029: 0}} | overgang
    return data


def test_region_files_carry_an_overgang_table(tmp_path):
    from libigo import _toml
    region = libigo.example_region()
    data = with_overgang(region, max_decrease=5, guarantee=90)
    (tmp_path / "regio.toml").write_text(_toml.dumps(data))
    (tmp_path / "regio.json").write_text(__import__("json").dumps(data))
    for suffix in ("toml", "json"):
        read = libigo.Region.from_file(tmp_path / f"regio.{suffix}")
        assert read == libigo.Region.from_dict(read.to_dict())
        t = read.transition()
        direct = region.transition(data["overgang"]["history"], data["overgang"]["years"],
                                   max_decrease=5, guarantee=90)
        assert t.cents == direct.cents
    for change, message in [
            (dict(years={2027: 101}), r"overgang\.years\[2027\]: 101 % is outside"),
            (dict(history={"vp-noord": 5}), "overgang.history: no historical income for"),
            (dict(max_increase="veel"), "overgang.max_increase: expected a number"),
            (dict(tempo=3), "overgang: unknown key")]:
        with pytest.raises(libigo.IgoError, match=message):
            libigo.Region.from_dict(with_overgang(region, **change))
    region.overgang = None  # (the example has one)
    with pytest.raises(libigo.IgoError, match="give history and years, or an"):
        region.transition()


def test_igo_overgang(tmp_path, capsys):
    from libigo import _toml, cli
    region = libigo.example_region()
    path = tmp_path / "regio.toml"
    path.write_text(_toml.dumps(with_overgang(region, max_increase=8)))
    assert cli.main(["overgang", str(path), "--csv", str(tmp_path / "uit")]) == 0
    out = capsys.readouterr().out
    assert out.count("= pot: sluitend") == 3 and "max. stijging" in out
    table = __import__("pandas").read_csv(tmp_path / "uit" / "overgang.csv")
    assert len(table) == 3 * len(region.providers)
    pot = region.distribute().cents["distributed"]
    assert all(round(g.paid.sum() * 100) == pot for _, g in table.groupby("year"))
    # The workbook too, all or none with the CSV; and read back it gives the same transition.
    assert cli.main(["overgang", str(path), "--xlsx", str(tmp_path / "overgang.xlsx"),
                     "--csv", str(tmp_path / "uit2")]) == 0
    capsys.readouterr()
    assert cli.main(["overgang", str(tmp_path / "overgang.xlsx")]) == 0
    assert capsys.readouterr().out == out.split("Geschreven")[0]
    assert cli.main(["overgang", str(path), "--xlsx", str(tmp_path / "fout.txt")]) == 1
    assert not (tmp_path / "fout.txt").exists()
    plain = tmp_path / "zonder.toml"
    plain.write_text(_toml.dumps({k: v for k, v in region.to_dict().items() if k != "overgang"}))
    assert cli.main(["overgang", str(plain)]) == 1
    assert "geen tabel [overgang]" in capsys.readouterr().err
