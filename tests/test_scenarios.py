"""Cost scenarios: the published study reproduced, its properties, refusals, Monte Carlo, plots,
the scenario workbook recalculated by LibreOffice, and the igo scenario command."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

import numpy as np
import pytest

import libigo
import libreoffice
from libigo import scenarios

STUDY = scenarios.ScenarioSet.default()


def test_published_national_middle_figures():
    table = STUDY.compute().table / 1e6  # EUR mln
    published = {"msz": -12.6, "verloskunde": 1.4, "kraamzorg": 3.1, "total": -8.1}
    for sector, mln in published.items():
        assert abs(table.loc[sector, "middle"] - mln) < 0.1, (sector, table.loc[sector, "middle"])


def test_scenario_properties():
    r = STUDY.compute()
    assert (r.table["conservative"] == 0).all()
    assert (r.by_driver["optimistic"].abs() >= r.by_driver["middle"].abs()).all()
    assert (r.table["optimistic"].abs() >= r.table["middle"].abs()).all()
    # The tables agree with each other and with the cents.
    assert r.cents["totals"][1] == sum(r.cents["sector_totals"][1]) == sum(r.cents["driver_totals"][1])
    assert np.isclose(r.impacts("middle").to_numpy().sum(), r.table.loc["total", "middle"])
    # Middle effect of caesareans: the mean of the corrected effects.
    assert r.effects.loc["sectio", "middle"] == pytest.approx((-6*.42 - 24*.23 - 25*.23 - 5*.9) / 5)


def test_impact_is_linear_in_volumes():
    one, two = STUDY.compute(births=3000), STUDY.compute(births=6000)
    # Each impact is rounded once to cents, so doubling the volumes doubles it to within 1.5 cent.
    for scenario in scenarios.SCENARIOS:
        diff = (2 * one.impacts(scenario) - two.impacts(scenario)).abs().to_numpy()
        assert diff.max() <= 0.015 + 1e-9
    assert two.table.loc["total", "middle"] == pytest.approx(2 * one.table.loc["total", "middle"],
                                                             abs=0.5)
    own = STUDY.compute(births=3000, volumes={"sectio": 1000})
    assert own.volumes["sectio"] == 1000
    assert own.volumes["verwijzing"] == pytest.approx(62711 * 3000 / 167500)


def test_phase_in_and_tornado():
    r = STUDY.compute()
    middle = r.phase_in.loc["middle", "total"]
    assert list(middle.index) == [2027, 2028, 2029, 2030]
    assert middle[2027] == 0 and middle[2030] == r.table.loc["total", "middle"]
    t = r.tornado
    assert list(t["swing"]) == sorted(t["swing"], reverse=True)
    assert t.index[0] == "sectio"  # the widest range: caesareans
    assert (t["low"] >= r.table.loc["total", "middle"]).all()


@pytest.mark.parametrize("change, message", [
    (lambda s: s.drivers[2]["studies"].append({"label": "x", "effect": -5, "weight": 150}),
     "driver 'sectio', study 'x': weight 150 % is outside 0-100 %"),
    (lambda s: s.drivers.append({"id": "nieuw", "label": "Nieuw", "volume": 10, "per_volume": 1,
                                 "unit_delta": {}, "studies": [], "overrides": {}}),
     "driver 'nieuw': no studies and no optimistic effect given"),
    (lambda s: s.drivers[0].update(volume=-62711), "driver 'verwijzing': volume -62711 is negative"),
    (lambda s: s.phase_in.update({2031: 120}), "phase-in 2031: fraction of the full effect 120 %"),
])
def test_bad_input_is_refused_clearly(change, message):
    s = copy.deepcopy(STUDY)
    change(s)
    with pytest.raises(libigo.IgoError) as info:
        s.compute()
    assert message in str(info.value)


def test_bad_files_and_volumes():
    with pytest.raises(libigo.IgoError, match="unknown scenario"):
        scenarios.ScenarioSet.from_dict({"drivers": [{"id": "a", "volume": 1,
                                                      "overrides": {"pessimistic": -1}}]})
    with pytest.raises(libigo.IgoError, match="unknown driver"):
        STUDY.compute(volumes={"huisarts": 3})
    with pytest.raises(libigo.IgoError, match="region volume -5 is negative"):
        STUDY.compute(volumes={"sectio": -5})


def test_monte_carlo_is_seeded_and_sound():
    a = STUDY.uncertainty(draws=50_000, seed=7, keep_samples=True)
    b = STUDY.uncertainty(draws=50_000, seed=7)
    c = STUDY.uncertainty(draws=50_000, seed=8)
    assert a.percentiles.equals(b.percentiles) and not a.percentiles.equals(c.percentiles)
    # The percentiles are numpy's percentiles of the very draws.
    for column in a.samples.columns:
        assert np.allclose(a.percentiles[column],
                           np.percentile(a.samples[column], a.percentiles.index), rtol=0, atol=1e-6)
    assert np.allclose(a.mean, a.samples.mean(), rtol=1e-12)
    r = STUDY.compute()
    total = a.samples["total"]
    assert (total <= 1e-6).all() and (total >= r.table.loc["total", "optimistic"] - 1e-6).all()
    # A triangle's mean is (low + high + mode) / 3, and the total is linear in the effects.
    expected = (r.table.loc["total", "optimistic"] + r.table.loc["total", "middle"]) / 3
    assert a.mean["total"] == pytest.approx(expected, rel=0.01)
    uniform = STUDY.uncertainty(draws=50_000, distribution="uniform")
    assert uniform.mean["total"] == pytest.approx(r.table.loc["total", "optimistic"] / 2, rel=0.01)


def test_plots_render(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    r = STUDY.compute()
    u = STUDY.uncertainty(draws=20_000)
    fig, axes = plt.subplots(2, 2, figsize=(12, 8))
    assert len(r.plot_sectors(axes[0][0]).patches) == 3 * 3  # sectors x scenarios
    assert len(r.plot_drivers(ax=axes[0][1]).patches) == 5 * 3  # drivers x sectors
    assert len(r.plot_phase_in(axes[1][0]).get_lines()) == 3
    band = u.plot_band(r, axes[1][1])
    assert len(band.collections) == 2 and len(band.get_lines()) == 1
    fig.savefig(tmp_path / "plots.png")
    assert (tmp_path / "plots.png").stat().st_size > 20_000
    plt.close(fig)


def test_workbook_recalculates_to_the_core(soffice, tmp_path):
    national = STUDY.to_excel(tmp_path / "scenario.xlsx")
    region = STUDY.to_excel(tmp_path / "regio-en.xlsx", births=3030,
                            volumes={"sectio": 500}, lang="en")
    for ours, theirs in zip([national, region],
                            libreoffice.recalculate([national, region], tmp_path / "lo")):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert count > 200 and bad == []
    import openpyxl
    book = openpyxl.load_workbook(tmp_path / "lo" / "scenario.xlsx", data_only=True)
    ws = book["Scenariotabel"]
    middle = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(6, 10)}
    assert round(middle["Totaal"], 2) == STUDY.compute().table.loc["total", "middle"]


def test_scenario_command(tmp_path):
    igo = os.path.join(os.path.dirname(sys.executable), "igo")
    out = subprocess.run([igo, "scenario", "--geboorten", "3030", "--xlsx",
                          str(tmp_path / "s.xlsx")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    table = STUDY.compute(births=3030).table
    assert "regio met 3.030 geboorten per jaar" in out.stdout and "EUR duizend" in out.stdout
    assert libigo.format_nl(round(table.loc["total", "middle"] / 1e3, 1), 1) in out.stdout
    national = subprocess.run([igo, "scenario"], capture_output=True, text=True, timeout=120)
    assert "landelijk" in national.stdout and "-8,1" in national.stdout  # the study's total
    assert (tmp_path / "s.xlsx").exists() and "s.xlsx" in out.stdout
    bad = subprocess.run([igo, "scenario", "--geboorten", "-5"], capture_output=True, text=True)
    assert bad.returncode == 1 and "region births" in bad.stderr
