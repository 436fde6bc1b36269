"""Cost scenarios: what better cooperation in birth care saves or costs, per driver and sector, in
an optimistic, a middle and a conservative scenario, phased in over the years, for the country or
a region, with Monte Carlo uncertainty (see shared/spec/scenarios.md).

    >>> from libigo import scenarios
    >>> study = scenarios.ScenarioSet.default()       # the Gupta 2026 study's national inputs
    >>> result = study.compute(births=3030)           # a region by its share of births
    >>> result.table / 1e6                            # EUR mln per sector and scenario
    >>> study.uncertainty(draws=1_000_000).percentiles

Effects, weights and phase-in are given in percent. Figures come from the C core in whole cents;
the tables hold float EUR made from them (``result.cents`` keeps the exact cents).
"""

from __future__ import annotations

import math
import numbers
import os
import pathlib
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from . import _files
from . import _parse as P
from ._backend import impl, workbook_lang
from ._errors import IgoError
from ._snapshot import Snapshot, frozen

SCENARIOS = ("optimistic", "middle", "conservative")
DISTRIBUTIONS = ("uniform", "triangular")


class ScenarioSet(_files.FromFile):
    """Sectors, drivers (yearly volume, cost change per unit per sector, studies, overrides) and a
    phase-in schedule.

    - ``sectors``: rows ``id, label``.
    - ``drivers``: rows ``id, label, volume, per_volume`` (units per volume, default 1),
      ``unit_delta`` ``{sector: EUR}`` (negative: a saving), ``studies``
      ``[{label, effect, weight}]`` (percent) and ``overrides`` ``{scenario: effect %}``.
    - ``phase_in``: ``{year: percent of the full effect}``.
    - ``national_births``: the base for scaling to a region by its births.
    """

    def __init__(self, *, name: str = "", sectors: Any = None, drivers: Any = None,
                 phase_in: Any = None, national_births: float = 167500) -> None:
        self.name = P.name(name)
        self.sectors = [(P.text(P.field(r, "id", w), f"{w}.id"),
                         P.optional_text(r.get("label"), f"{w}.label"))
                        for w, r in P.records(sectors, "sectors")]
        self.drivers = [_driver(w, r) for w, r in P.records(drivers, "drivers")]
        self.phase_in = {_year(y): P.number(f, f"phase_in.{y}")
                         for y, f in P.mapping(phase_in or {}, "phase_in").items()}
        self.national_births = P.number(national_births, "national_births")

    @classmethod
    def default(cls) -> "ScenarioSet":
        """The published national inputs of the Gupta Strategists business case (2026)."""
        return _files.load_packaged("gupta_2026.toml", cls.from_file)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ScenarioSet":
        return cls(**P.keywords(data, ("name", "sectors", "drivers", "phase_in",
                                       "national_births"), "scenario set"))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "ScenarioSet":
        """A scenario set from a .toml or .json file; errors name the file (and the driver)."""
        return _files.load(path, "scenario file", cls.from_dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "national_births": self.national_births,
                "sectors": [{"id": s[0], "label": s[1] or s[0]} if isinstance(s, tuple) else s
                            for s in self.sectors],
                "drivers": [dict(d) if isinstance(d, Mapping) else d for d in self.drivers],
                "phase_in": {str(y): f for y, f in self.phase_in.items()}}

    def checked(self) -> "ScenarioSet":
        """A checked copy of the set as its attributes are now (see Region.checked)."""
        copy = ScenarioSet.from_dict(self.to_dict())
        copy._source = self._source
        return copy

    def __repr__(self) -> str:
        return (f"ScenarioSet({self.name!r}: {len(self.drivers)} drivers, "
                f"{len(self.sectors)} sectors)")

    # ---- the core ----

    def core(self) -> Any:
        """This set as a core scenario set of the chosen backend (a fresh one on every call)."""
        s = impl.Scenarios()
        if self.name:
            s.set_name(self.name)
        s.set_national_births(self.national_births)
        for ident, label in self.sectors:
            s.add_sector(ident, label)
        for d in self.drivers:
            s.add_driver(d["id"], d["label"], d["volume"], d["per_volume"])
            for sector, eur in d["unit_delta"].items():
                s.set_unit_delta(d["id"], sector, eur)
            for study in d["studies"]:
                s.add_study(d["id"], study["label"], study["effect"] / 100, study["weight"] / 100)
            for scenario, effect in d["overrides"].items():
                s.set_override(SCENARIOS.index(scenario), d["id"], effect / 100)
        for year, percent in self.phase_in.items():
            s.set_phase_in(year, percent / 100)
        return s

    def _volumes(self, volumes: Mapping[str, float] | None) -> np.ndarray | None:
        """The region's own volume per driver; a driver left out keeps its national volume."""
        if volumes is None:
            return None
        volumes = P.mapping(volumes, "volumes")
        ids = [d["id"] for d in self.drivers]
        unknown = sorted(set(map(str, volumes)) - set(ids))
        if unknown:
            raise IgoError(f"volumes: unknown driver(s) {', '.join(unknown)}", "IGO_ERROR_UNKNOWN")
        return np.array([P.number(volumes[i], f"volumes.{i}") if i in volumes else math.nan
                         for i in ids], dtype=np.float64)

    def compute(self, births: float | None = None,
                volumes: Mapping[str, float] | None = None) -> "ScenarioResult":
        """The three scenarios, nationally, for a region by its births a year, or with the
        region's own volume per driver (the others scaled by births)."""
        study = self.checked()
        raw = study.core().compute(_births(births), study._volumes(volumes))
        return ScenarioResult(study, raw, births)

    def uncertainty(self, draws: int = 100_000, seed: int = 2026,
                    distribution: str = "triangular",
                    percentiles: Sequence[float] = (5, 25, 50, 75, 95),
                    births: float | None = None, volumes: Mapping[str, float] | None = None,
                    keep_samples: bool = False) -> "Uncertainty":
        """Monte Carlo in the C core (without the GIL): every driver's effect drawn between its
        conservative and optimistic values, uniform or triangular around the middle; the same
        seed gives the same figures."""
        if not isinstance(distribution, str) or distribution not in DISTRIBUTIONS:
            raise IgoError(f"distribution: {distribution!r}; choose one of "
                           f"{', '.join(DISTRIBUTIONS)}", "IGO_ERROR_ARGUMENT")
        draws = P.whole(draws, "draws", 1, impl.MAX_DRAWS)
        seed = P.whole(seed, "seed", 0, 2**64 - 1)
        if isinstance(percentiles, (str, bytes)) or not isinstance(percentiles, Sequence | np.ndarray):
            raise IgoError("percentiles: expected a list of numbers from 0 to 100",
                           "IGO_ERROR_ARGUMENT")
        p = np.array([P.number(v, f"percentiles[{i}]") for i, v in enumerate(percentiles)],
                     dtype=np.float64)
        study = self.checked()
        columns = [s for s, _ in study.sectors] + ["total"]
        out = np.zeros((len(p), len(columns)))
        mean = np.zeros(len(columns))
        try:
            samples = np.zeros((draws, len(columns))) if P.flag(keep_samples, "keep_samples") \
                else None
        except MemoryError:
            raise IgoError(f"keep_samples: {draws} draws x {len(columns)} columns do not fit in "
                           "memory; keep fewer or none", "IGO_ERROR_MEMORY") from None
        study.core().uncertainty(_births(births), study._volumes(volumes), draws, seed,
                                 getattr(impl, f"DRAW_{distribution.upper()}"), p, out, mean,
                                 samples)
        return Uncertainty(study, pd.DataFrame(out, index=pd.Index(p, name="percentile"),
                                               columns=columns),
                           pd.Series(mean, index=columns),
                           None if samples is None else pd.DataFrame(samples, columns=columns),
                           draws, seed, distribution)

    def to_excel(self, path: str | os.PathLike[str], births: float | None = None,
                 volumes: Mapping[str, float] | None = None, lang: str = "nl") -> pathlib.Path:
        """The scenario workbook: inputs, studies, live calculation, tables, phase-in, charts;
        written all or none, never over the file the set was read from."""
        from .region import xlsx_path
        target = xlsx_path(path)
        _files.write_outputs({target: self.excel_writer(births, volumes, lang)},
                             self.sources())
        return target

    def excel_writer(self, births: float | None = None,
                     volumes: Mapping[str, float] | None = None,
                     lang: str = "nl") -> _files.Writer:
        """A function that writes the scenario workbook to a given file (for write_outputs)."""
        study = self.checked()
        args = (_births(births), study._volumes(volumes), workbook_lang(lang))
        core = study.core()
        return lambda tmp: core.write_workbook(os.fspath(tmp), *args)


class ScenarioResult(Snapshot):
    """The scenarios' figures: ``table`` (sectors and total x scenarios, EUR per year at full
    effect), ``by_driver``, ``effects`` (percent), ``potentials``, ``phase_in``, ``tornado``; the
    exact cents in ``cents``. A snapshot: the set it was computed from is its own copy."""

    def __init__(self, scenario_set: ScenarioSet, raw: dict[str, Any],
                 births: float | None) -> None:
        self.set = scenario_set
        self.cents = frozen(raw)
        self.births = births
        self._drivers = [d["id"] for d in scenario_set.drivers]
        self._sectors = [s for s, _ in scenario_set.sectors]
        self._seal()

    def _euros(self, values: Sequence[int]) -> np.ndarray:
        return np.asarray(values, dtype=np.float64) / 100

    @property
    def table(self) -> pd.DataFrame:
        data = {s: list(self._euros(self.cents["sector_totals"][k])) + [self.cents["totals"][k] / 100]
                for k, s in enumerate(SCENARIOS)}
        return pd.DataFrame(data, index=pd.Index(self._sectors + ["total"], name="sector"))

    @property
    def by_driver(self) -> pd.DataFrame:
        data = {s: list(self._euros(self.cents["driver_totals"][k])) + [self.cents["totals"][k] / 100]
                for k, s in enumerate(SCENARIOS)}
        return pd.DataFrame(data, index=pd.Index(self._drivers + ["total"], name="driver"))

    @property
    def effects(self) -> pd.DataFrame:
        return pd.DataFrame({s: np.asarray(self.cents["effects"][k]) * 100
                             for k, s in enumerate(SCENARIOS)},
                            index=pd.Index(self._drivers, name="driver"))

    @property
    def volumes(self) -> pd.Series:
        return pd.Series(self.cents["volumes"], index=pd.Index(self._drivers, name="driver"))

    def _grid(self, values: Sequence[int]) -> pd.DataFrame:
        return pd.DataFrame(self._euros(values).reshape(len(self._drivers), len(self._sectors)),
                            index=pd.Index(self._drivers, name="driver"),
                            columns=pd.Index(self._sectors, name="sector"))

    @property
    def potentials(self) -> pd.DataFrame:
        return self._grid(self.cents["potentials"])

    def impacts(self, scenario: str = "middle") -> pd.DataFrame:
        """Impact per driver and sector in one scenario."""
        return self._grid(self.cents["impacts"][SCENARIOS.index(scenario)])

    @property
    def phase_in(self) -> pd.DataFrame:
        """Per scenario and year: each sector's impact and the total (EUR)."""
        years = self.cents["years"]
        columns = self._sectors + ["total"]
        frames = []
        for k, s in enumerate(SCENARIOS):
            grid = self._euros(self.cents["phase_in"][k]).reshape(len(years), len(columns))
            frames.append(pd.DataFrame(grid, columns=columns,
                                       index=pd.MultiIndex.from_product([[s], years],
                                                                        names=["scenario", "year"])))
        return pd.concat(frames)

    @property
    def tornado(self) -> pd.DataFrame:
        """Each driver from conservative (low) to optimistic (high), the others at middle: the
        overall total, widest swing first."""
        low, high = self._euros(self.cents["tornado_low"]), self._euros(self.cents["tornado_high"])
        table = pd.DataFrame({"low": low, "high": high, "swing": np.abs(high - low)},
                             index=pd.Index(self._drivers, name="driver"))
        return table.sort_values("swing", ascending=False)

    # ---- plots ----

    def plot_sectors(self, ax: Any = None) -> Any:
        """Bars per sector, one per scenario (EUR mln)."""
        ax = _axes(ax)
        (self.table.drop(index="total") / 1e6).plot.bar(ax=ax, rot=0)
        ax.set_ylabel("EUR mln per jaar")
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_title("Impact per sector")
        return ax

    def plot_drivers(self, scenario: str = "middle", ax: Any = None) -> Any:
        """Stacked bars per driver and sector in one scenario (EUR mln)."""
        ax = _axes(ax)
        (self.impacts(scenario) / 1e6).plot.barh(stacked=True, ax=ax)
        ax.set_xlabel("EUR mln per jaar")
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_title(f"Impact per driver ({scenario})")
        return ax

    def plot_phase_in(self, ax: Any = None) -> Any:
        """The total per year in each scenario (EUR mln)."""
        ax = _axes(ax)
        totals = self.phase_in["total"].unstack("scenario")[list(SCENARIOS)] / 1e6
        totals.plot(ax=ax, marker="o")
        ax.set_ylabel("EUR mln")
        ax.set_title("Infasering")
        return ax


class Uncertainty(Snapshot):
    """Monte Carlo figures: ``percentiles`` (percentile x sectors and total, EUR), ``mean``, and
    ``samples`` when kept."""

    def __init__(self, scenario_set: ScenarioSet, percentiles: pd.DataFrame, mean: pd.Series,
                 samples: pd.DataFrame | None, draws: int, seed: int, distribution: str) -> None:
        self.set = scenario_set
        self.percentiles = percentiles
        self.mean = mean
        self.samples = samples
        self.draws, self.seed, self.distribution = draws, seed, distribution
        self._seal()

    def plot_band(self, result: ScenarioResult, ax: Any = None) -> Any:
        """The phase-in of the total with the uncertainty band: the percentiles of the full
        effect times each year's fraction, around the middle scenario's line (EUR mln)."""
        ax = _axes(ax)
        years = result.cents["years"]
        fractions = np.asarray(result.cents["fractions"])
        total = self.percentiles["total"] / 1e6
        lo, hi = total.iloc[0], total.iloc[-1]
        ax.fill_between(years, fractions * lo, fractions * hi, alpha=0.25,
                        label=f"P{total.index[0]:g}-P{total.index[-1]:g}")
        if len(total) >= 4:
            ax.fill_between(years, fractions * total.iloc[1], fractions * total.iloc[-2],
                            alpha=0.35, label=f"P{total.index[1]:g}-P{total.index[-2]:g}")
        middle = result.phase_in.loc["middle", "total"] / 1e6
        ax.plot(years, middle.to_numpy(), marker="o", color="black", label="midden")
        ax.set_ylabel("EUR mln")
        ax.set_title(f"Onzekerheid ({self.draws:,} trekkingen, {self.distribution})")
        ax.legend()
        return ax


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt
    return plt.subplots(figsize=(8, 4.5))[1]


def _year(value: Any) -> int:
    """A phase-in year: a whole number, or a text of digits (as a TOML or JSON key is)."""
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) \
            or not 1900 <= int(value) <= 2200:
        raise P.fail("phase_in", f"{value!r} is not a year from 1900 to 2200")
    return int(value)


def _births(value: Any) -> float:
    """The region's births a year; None or 0 for the country."""
    return 0.0 if value is None else P.number(value, "births")


def _driver(where: str, row: Mapping[str, Any]) -> dict[str, Any]:
    P.only_keys(row, ("id", "label", "volume", "per_volume", "unit_delta", "studies",
                      "overrides"), where)
    ident = P.text(P.field(row, "id", where), f"{where}.id")
    where = f"{where} '{ident}'"  # the driver by its place and its id
    overrides = P.mapping(row.get("overrides") or {}, f"{where}.overrides")
    for scenario in overrides:
        if scenario not in SCENARIOS:
            raise P.fail(f"{where}.overrides.{scenario}",
                         f"unknown scenario; expected {', '.join(SCENARIOS)}")
    return {
        "id": ident,
        "label": P.optional_text(row.get("label"), f"{where}.label") or ident,
        "volume": P.number(P.field(row, "volume", where), f"{where}.volume"),
        "per_volume": P.number(row.get("per_volume", 1), f"{where}.per_volume"),
        "unit_delta": {P.text(s, f"{where}.unit_delta"): P.number(v, f"{where}.unit_delta.{s}")
                       for s, v in P.mapping(row.get("unit_delta") or {},
                                             f"{where}.unit_delta").items()},
        "studies": [{"label": P.optional_text(st.get("label"), f"{w}.label") or "",
                     "effect": P.number(P.field(st, "effect", w), f"{w}.effect"),
                     "weight": P.number(P.field(st, "weight", w), f"{w}.weight")}
                    for w, st in P.records(row.get("studies") or [], f"{where}.studies")],
        "overrides": {s: P.number(v, f"{where}.overrides.{s}") for s, v in overrides.items()},
    }
