"""Transition clauses: a region taken from its providers' historical incomes to the model's over
the years, with a maximum decrease and increase per year and minimum income guarantees, exact in
cents. The C core computes every year (``igo/transition.h``); this module checks the inputs,
names each mistake, and gives the results as pandas tables of ``decimal.Decimal`` euros."""

from __future__ import annotations

import numbers
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from . import _parse
from ._backend import impl
from ._errors import IgoError
from ._snapshot import Snapshot, frozen
from .money import euros

if TYPE_CHECKING:
    from .region import Region

COLUMNS = ("historical", "model", "target", "base", "floor", "cap", "paid")
BOUNDS = ("none", "floor", "cap", "guarantee")
NO_CAP = 2**63 - 1


def _cents(value: Any, path: str) -> int:
    """EUR (a number or Decimal, 0 or more) as whole cents, by the spreadsheet's ROUND."""
    eur = _parse.number(value, path)
    if eur < 0:
        raise _parse.fail(path, f"{value!r} is negative")
    try:
        return int(impl.round_cents(eur))
    except IgoError as e:
        raise _parse.fail(path, str(e)) from None


def _percent(value: Any, path: str) -> float:
    """A percentage 0..100 as a fraction."""
    pct = _parse.number(value, path)
    if not 0 <= pct <= 100:
        raise _parse.fail(path, f"{value!r} % is outside 0-100 %")
    return pct / 100


def parse_history(history: Any, providers: list[str]) -> list[int]:
    """Each provider's historical income in cents. A provider of the region missing from the
    history is refused (give 0 for a new one, so that a typo never pays someone nothing); one
    in the history that the region lacks is refused unless its history is 0."""
    if isinstance(history, pd.Series):
        history = history.to_dict()
    given = _parse.mapping(history, "history")
    cents = {str(k): _cents(v, f"history[{k!r}]") for k, v in given.items()}
    for provider, amount in cents.items():
        if provider not in providers and amount:
            raise _parse.fail("history", f"provider '{provider}' is not in the region")
    missing = [p for p in providers if p not in cents]
    if missing:
        raise _parse.fail("history", f"no historical income for provider '{missing[0]}' "
                                     "(give 0 for a provider without history)")
    return [cents[p] for p in providers]


def parse_guarantees(guarantee: Any, providers: list[str], history: list[int]) -> list[int]:
    """Per provider a guaranteed income in cents (-1 for none): a mapping provider -> EUR, or
    one percentage of each provider's historical income."""
    if guarantee is None:
        return [-1] * len(providers)
    if isinstance(guarantee, (numbers.Real, Decimal)) and not isinstance(guarantee, bool):
        share = _percent(guarantee, "guarantee")
        return [int(impl.round_cents(h / 100 * share)) for h in history]
    if isinstance(guarantee, pd.Series):
        guarantee = guarantee.to_dict()
    given = _parse.mapping(guarantee, "guarantee")
    for provider in given:
        if str(provider) not in providers:
            raise _parse.fail("guarantee", f"provider '{provider}' is not in the region")
    return [_cents(given[p], f"guarantee[{p!r}]") if p in given else -1 for p in providers]


def parse_years(years: Any) -> list[tuple[int, float]]:
    """Year -> percent still matched to history, in order."""
    if isinstance(years, pd.Series):
        years = years.to_dict()
    given = _parse.mapping(years, "years")
    if not given:
        raise _parse.fail("years", "give at least one year")
    out = []
    for year, pct in given.items():
        # (a key from a TOML or JSON file is a text)
        key = int(year) if isinstance(year, str) and year.strip().isdigit() else year
        y = _parse.whole(key, "years", 1, 9999)
        out.append((y, _percent(pct, f"years[{year}]")))
    if [y for y, _ in out] != sorted({y for y, _ in out}):
        raise _parse.fail("years", "give each year once, in order")
    return out


def parse_limit(value: Any, name: str) -> float:
    return -1.0 if value is None else _percent(value, name)


def core_args(region: "Region", history: Any, years: Any, max_decrease: Any = None,
              max_increase: Any = None, guarantee: Any = None,
              regions: Mapping[int, "Region"] | None = None) -> tuple[Any, ...]:
    """The arguments of the core's transition (ids, history, guarantee, limits, years with
    their model incomes), every value checked and named as Region.transition documents."""
    base = region.checked()
    providers = [o.id for o in base.providers]
    schedule = parse_years(years)
    per_year = dict(regions or {})
    for year in per_year:
        if year not in dict(schedule):
            raise _parse.fail("regions", f"{year} is not one of the years")
    h = parse_history(history, providers)
    g = parse_guarantees(guarantee, providers, h)
    rows = []
    incomes: dict[int, dict[str, int]] = {}  # per region: one distribution for all its years
    for year, share in schedule:
        year_region = per_year.get(year, base)
        if id(year_region) not in incomes:
            incomes[id(year_region)] = dict(zip(
                [o.id for o in year_region.providers],
                year_region.distribute().cents["provider_totals"]))
        cents = incomes[id(year_region)]
        if set(cents) != set(providers):
            other = sorted(set(cents) ^ set(providers))[0]
            raise _parse.fail(f"regions[{year}]", f"provider '{other}' is in one region of the "
                                                  "transition but not in another")
        rows.append((year, share, [cents[p] for p in providers]))
    return (providers, h, g, parse_limit(max_decrease, "max_decrease"),
            parse_limit(max_increase, "max_increase"), rows)


def transition(region: "Region", history: Any, years: Any, max_decrease: Any = None,
               max_increase: Any = None, guarantee: Any = None,
               regions: Mapping[int, "Region"] | None = None) -> "Transition":
    """See ``Region.transition``."""
    args = core_args(region, history, years, max_decrease, max_increase, guarantee, regions)
    return Transition(args[0], args[1], impl.transition(*args))


def workbook_args(region: "Region") -> tuple[Any, ...] | None:
    """The core arguments of the region's own [overgang] table, for its workbook (None
    without one)."""
    o = region.overgang
    if o is None:
        return None
    return core_args(region, o["history"], o["years"], o.get("max_decrease"),
                     o.get("max_increase"), o.get("guarantee"))


def _eur(cents: int) -> int | float:
    return cents // 100 if cents % 100 == 0 else cents / 100


def _pct(fraction: float) -> int | float:
    """The shortest percentage that is this fraction again: 0.67 -> 67 (not
    67.00000000000001), and 2/3 typed in a sheet -> the percentage of exactly that fraction."""
    for digits in range(1, 18):
        value = float(f"{fraction * 100:.{digits}g}")
        if value / 100 == fraction:
            break
    else:
        value = fraction * 100
    return int(value) if value.is_integer() else value


def overgang_table(inputs: dict[str, Any] | None) -> dict[str, Any] | None:
    """A workbook's Overgang inputs (as the core reads them) as a region's [overgang] table."""
    if inputs is None:
        return None
    table: dict[str, Any] = {
        "history": {p: _eur(h) for p, h, _ in inputs["providers"]},
        "years": {str(year): _pct(share) for year, share in inputs["years"]}}
    for limit in ("max_decrease", "max_increase"):
        if inputs[limit] >= 0:
            table[limit] = _pct(inputs[limit])
    guarantees = {p: _eur(g) for p, _, g in inputs["providers"] if g >= 0}
    if guarantees:
        table["guarantee"] = guarantees
    return table


class Transition(Snapshot):
    """Each provider's income per year on the way from history to the model: a snapshot.

    ``paid`` (providers x years, Decimal EUR), ``table`` (one row per provider and year:
    historical income scaled to the pot, model, target, base, floor, cap, paid, the change
    against the year before in EUR and percent, the bound that held), ``pots`` (year -> EUR),
    ``rounds`` (year -> the rounds the clamping took) and ``cents`` (year -> provider -> paid
    cents, read-only). ``plot()`` draws each provider's path.
    """

    def __init__(self, providers: list[str], history: list[int], raw: list[dict]) -> None:
        self._providers = providers
        self._history = tuple(history)
        self._years = tuple(frozen(y) for y in raw)
        self.years = tuple(y["year"] for y in raw)
        self.pots = MappingProxyType({y["year"]: euros(y["pot"]) for y in raw})
        self.rounds = MappingProxyType({y["year"]: y["rounds"] for y in raw})
        self.cents = MappingProxyType({y["year"]: MappingProxyType(dict(zip(
            providers, y["columns"][COLUMNS.index("paid")]))) for y in raw})
        self._seal()

    @property
    def paid(self) -> pd.DataFrame:
        return pd.DataFrame({year: [euros(c) for c in self.cents[year].values()]
                             for year in self.years},
                            index=pd.Index(self._providers, name="provider"))

    def _rows(self) -> list[dict[str, Any]]:
        rows = []
        previous = list(self._history)
        for year in self._years:
            columns = dict(zip(COLUMNS, year["columns"]))
            for o, provider in enumerate(self._providers):
                paid, before = columns["paid"][o], previous[o]
                row = {"provider": provider, "year": year["year"]}
                row.update({c: euros(columns[c][o]) for c in COLUMNS if c != "cap"})
                row["cap"] = None if columns["cap"][o] == NO_CAP else euros(columns["cap"][o])
                row["change"] = euros(paid - before)
                row["change_pct"] = (paid - before) / before * 100 if before else None
                row["bound"] = BOUNDS[year["bounds"][o]]
                rows.append(row)
            previous = list(columns["paid"])
        return rows

    @property
    def table(self) -> pd.DataFrame:
        """One row per provider and year; the first year's change is against the history."""
        return pd.DataFrame(self._rows())

    def plot(self, ax: Any = None) -> Any:
        """Each provider's paid income per year (solid), with its scaled history (dashed) and
        model income (dotted) for reference; returns the matplotlib Axes."""
        import matplotlib.pyplot as plt
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 5))
        table = self.table
        for provider, rows in table.groupby("provider", sort=False):
            line, = ax.plot(rows["year"], rows["paid"].astype(float), marker="o", label=provider)
            ax.plot(rows["year"], rows["historical"].astype(float), ls="--",
                    color=line.get_color(), alpha=0.5)
            ax.plot(rows["year"], rows["model"].astype(float), ls=":", color=line.get_color(),
                    alpha=0.5)
        ax.set_xticks(list(self.years))
        ax.set_ylabel("EUR")
        ax.set_title("Inkomen per zorgaanbieder: betaald (—), historie (--), model (··)")
        ax.legend(fontsize="small", ncol=2)
        return ax

    def __repr__(self) -> str:
        return (f"<Transition {self.years[0]}-{self.years[-1]}: {len(self._providers)} "
                f"providers, pots {', '.join(str(p) for p in self.pots.values())}>")
