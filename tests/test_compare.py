"""Comparing distributions and what-if regions (both backends): the changes worked out by hand on
the example, conservation of every change, a region compared with itself, a move and its way
back, the materiality thresholds, the refusals, the plot and `igo vergelijk`."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from strategies import distributable

import libigo


def test_a_tariff_change_by_hand(example):
    """IG5's tariff up by EUR 10 on its count of women: income rises by exactly that, and the
    costs given as a share of income rise with it (the bonus pool, a share of one of them, too);
    every level's changes add up (the providers' with their bonuses)."""
    count = example.production["IG5"][0]
    after = example.what_if(tariffs={"IG5": example.production["IG5"][1] + 10})
    c = libigo.compare(example, after)
    totals = c.totals
    assert totals.loc["income", "change"] == Decimal(str(round(count * 10, 2)))
    assert (totals.loc["distributed", "change"] == totals.loc["income", "change"]
            - totals.loc["costs_total", "change"] - totals.loc["outside_total", "change"])
    paid = totals.loc["bonuses_paid", "change"]
    assert paid > 0
    for level, extra in ((c.providers, paid), (c.disciplines, 0), (c.prestaties, 0)):
        assert level.change.sum() == totals.loc["distributed", "change"] + extra
        assert (level.after - level.before == level.change).all()
    # Another prestatie's income stays: its change is what the costs and outside activities
    # charged to it change (pro rata to income, so they shift towards IG5).
    a, b = example.distribute().per_prestatie, after.distribute().per_prestatie
    for code in c.prestaties.index.drop("IG5"):
        assert c.prestaties.loc[code, "change"] == (a.loc[code, "costs"] - b.loc[code, "costs"]
                                                    + a.loc[code, "outside"]
                                                    - b.loc[code, "outside"])
    assert c.prestaties.loc["IG5", "change"] > 0


def test_compared_with_itself_nothing_changes(example):
    c = libigo.compare(example, example.distribute())
    for level in (c.providers, c.disciplines, c.prestaties, c.totals):
        assert (level.change == 0).all()
    assert not c.providers.material.any() and c.material.empty


@pytest.mark.parametrize("seed", range(30))
def test_a_move_and_back_is_the_region_again(seed):
    """Moving women (fractional counts too) and moving them back gives the region exactly, and
    its distribution to the cent; the way there conserves money at every level."""
    region = distributable(seed)
    produced = [c for c, (n, t) in region.production.items() if n > 0 and t > 0]
    if len(produced) < 2:
        pytest.skip("a region with fewer than two produced prestaties")
    source, target = produced[0], produced[-1]
    k = round(region.production[source][0] / 3, 2) or region.production[source][0]
    there = region.what_if(move={(source, target): k})
    back = there.what_if(move={f"{target}->{source}": k})
    assert back == region.checked()
    assert back.distribute().cents == region.distribute().cents
    c = libigo.compare(region, there)
    for level in (c.providers, c.disciplines, c.prestaties):
        assert level.change.sum() == c.totals.loc["distributed", "change"]


def test_thresholds_mark_what_is_worth_settling(example):
    after = example.what_if(move={("IG2", "IG3"): 40})
    every = libigo.compare(example, after)
    assert every.providers.material.equals(every.providers.change != 0)
    eur = libigo.compare(example, after, threshold=5000)
    assert eur.providers.material.equals(eur.providers.change.abs() >= 5000)
    pct = libigo.compare(example, after, threshold_pct=0.5)
    assert pct.providers.material.equals(pct.providers.change_pct.abs() >= 0.5)
    both = libigo.compare(example, after, threshold=5000, threshold_pct=0.9)
    assert both.providers.material.equals(eur.providers.material & (
        both.providers.change_pct.abs() >= 0.9))
    assert 0 < both.providers.material.sum() < eur.providers.material.sum()


def test_keys_volumes_and_counts(example):
    """A key row replaces the prestatie's history lines; volumes and counts change in place;
    a provider only in one region counts as 0 in the other."""
    after = example.what_if(keys={"IG2": {"verloskunde": 50, "ziekenhuis": 40, "kraamzorg": 10}},
                            volumes={"IG1": {"vp-noord": 400}}, counts={"IG1": 1800})
    assert not [h for h in after.history if h.prestatie == "IG2"]
    assert after.verdeelsleutel["IG2"]["verloskunde"] == 50
    assert after.volumes["IG1"]["vp-noord"] == 400 and after.production["IG1"][0] == 1800
    assert libigo.compare(example, after).disciplines.loc["verloskunde", "change"] > 0
    data = example.to_dict()
    data["providers"].append({"id": "vp-nieuw", "name": None, "discipline": "verloskunde"})
    data["volumes"]["IG1"]["vp-nieuw"] = 100
    data["overgang"]["history"]["vp-nieuw"] = 0
    grown = libigo.compare(example, libigo.Region.from_dict(data))
    row = grown.providers.loc["vp-nieuw"]
    assert row.before == 0 and row.after > 0 and pd.isna(row.change_pct) and row.material


def test_refusals_name_what_is_wrong(example):
    for kwargs, message in [
            (dict(move={("IG2", "IG3"): 10_000}), r"move\[IG2->IG3\]: IG2 has 840"),
            (dict(move={("IG2", "IG99"): 1}), "prestatie 'IG99' has no production"),
            (dict(move={"IG2": 1}), "give \\(from, to\\) or 'from->to'"),
            (dict(move={("IG2", "IG3"): -1}), "move a number above 0"),
            (dict(counts={"IG1": "veel"}), r"counts\[IG1\]: expected a number")]:
        with pytest.raises(libigo.IgoError, match=message):
            example.what_if(**kwargs)
    # A key row that does not add up is a region the core refuses when it distributes it.
    with pytest.raises(libigo.IgoError, match="IG2"):
        libigo.compare(example, example.what_if(keys={"IG2": {"verloskunde": 50}}))
    with pytest.raises(libigo.IgoError, match="after: expected a Region or a Distribution"):
        libigo.compare(example, 3)
    with pytest.raises(libigo.IgoError, match="threshold"):
        libigo.compare(example, example, threshold=-1)


def test_waterfall_plot(example):
    import matplotlib
    matplotlib.use("Agg")
    c = libigo.compare(example, example.what_if(move={("IG2", "IG3"): 40}), threshold=5000)
    ax = c.plot()
    assert len(ax.patches) == len(example.providers) + 1
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "na"


def test_igo_vergelijk(example, tmp_path, capsys):
    from libigo import _toml, cli
    before, after = tmp_path / "voor.toml", tmp_path / "na.toml"
    before.write_text(_toml.dumps(example.to_dict()))
    after.write_text(_toml.dumps(example.what_if(move={"IG2->IG3": 40}).to_dict()))
    assert cli.main(["vergelijk", str(before), str(after), "--drempel", "5000",
                     "--csv", str(tmp_path / "uit")]) == 0
    out = capsys.readouterr().out
    c = libigo.compare(example, example.what_if(move={"IG2->IG3": 40}), threshold=5000)
    assert out.count("  *") == int(c.providers.material.sum() + c.disciplines.material.sum()
                                   + c.prestaties.material.sum())
    assert "drempel: EUR 5.000,00" in out and "zh-rivierstad" in out
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "vergelijking_disciplines.csv", "vergelijking_prestaties.csv", "vergelijking_totalen.csv",
        "vergelijking_zorgaanbieders.csv"]
    assert cli.main(["vergelijk", str(before), str(tmp_path / "geen.toml")]) == 1
