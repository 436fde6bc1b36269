"""Comparing two distributions (or two regions): per provider, discipline and prestatie the
amount before and after, the change in EUR and percent, and which changes are material, that is
large enough to settle, as the guide advises (section 4.2). Exact in cents.

    >>> after = region.what_if(move={("IG2", "IG3"): 40})
    >>> c = libigo.compare(region, after, threshold=1000)
    >>> c.providers[c.providers.material]
    >>> c.plot()   # the change per provider as a waterfall
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _parse
from ._backend import impl as _impl
from ._snapshot import Snapshot
from .money import euros

if TYPE_CHECKING:
    from .distribution import Distribution
    from .region import Region

__all__ = ["Comparison", "compare"]

MAX_EUR = 1e12  # the core's largest amount (IGO_MAX_EUR)
TOTALS = ("income", "costs_total", "outside_total", "distributed", "bonuses_paid")


def _distribution(value: Any, name: str) -> "Distribution":
    from .distribution import Distribution
    from .region import Region
    if isinstance(value, Distribution):
        return value
    if isinstance(value, Region):
        return value.distribute()
    raise _parse.fail(name, f"expected a Region or a Distribution, not {type(value).__name__}")


def _threshold(value: Any, name: str, most: float = math.inf) -> float | None:
    if value is None:
        return None
    number = _parse.number(value, name)
    if number < 0 or not math.isfinite(number) or number > most:
        raise _parse.fail(name, f"{value!r} is not a threshold of 0 or more"
                          + (f" and {most:g} at most" if math.isfinite(most) else ""))
    return number


def thresholds(threshold: Any, threshold_pct: Any) -> tuple[float, float]:
    """The thresholds as the workbook's Wat als sheet takes them: EUR and a fraction, 0 for
    none (which marks as a missing threshold does)."""
    eur = _threshold(threshold, "threshold", MAX_EUR)
    pct = _threshold(threshold_pct, "threshold_pct")
    return eur or 0.0, (pct or 0.0) / 100


def compare(before: Any, after: Any, threshold: Any = None,
            threshold_pct: Any = None) -> "Comparison":
    """Compares two distributions (or regions, distributed first). ``threshold`` (EUR) and
    ``threshold_pct`` (percent of the amount before) make a change material when it reaches
    each one given; without either, every change is material. A provider, discipline or
    prestatie in only one of the two counts as 0 in the other."""
    a, b = _distribution(before, "before"), _distribution(after, "after")
    return Comparison(a, b, _threshold(threshold, "threshold", MAX_EUR),
                      _threshold(threshold_pct, "threshold_pct"))


def _cents(ids: list[str], values: Any) -> dict[str, int]:
    return dict(zip(ids, values))


def _received(d: "Distribution") -> list[int]:
    """What each provider receives: its model income and its quality bonus."""
    return [t + b for t, b in zip(d.cents["provider_totals"], d.cents["bonuses"])]


class Comparison(Snapshot):
    """Before, after, change (EUR, Decimal), change_pct (percent of before; NaN from 0) and
    material, per provider (``providers``: its model income plus its quality bonus), discipline
    (``disciplines``) and prestatie (``prestaties``: the money distributable to the providers),
    and the totals (``totals``: income, costs, outside activities, distributed, bonuses paid).
    ``cents`` keeps the changes in whole cents. A snapshot."""

    def __init__(self, a: "Distribution", b: "Distribution", threshold: float | None,
                 threshold_pct: float | None) -> None:
        self.threshold, self.threshold_pct = threshold, threshold_pct
        ra, rb = a.region, b.region
        self._regions = (ra, rb)
        levels = {
            "providers": ([o.id for o in ra.providers], [o.id for o in rb.providers],
                          _received),
            "disciplines": ([d.id for d in ra.disciplines], [d.id for d in rb.disciplines],
                            lambda d: d.cents["discipline_totals"]),
            "prestaties": ([p.code for p in ra.prestaties], [p.code for p in rb.prestaties],
                           lambda d: d.cents["prestatie_distributable"]),
        }
        changes: dict[str, dict[str, int]] = {}
        for level, (ids_a, ids_b, get) in levels.items():
            ca, cb = _cents(ids_a, get(a)), _cents(ids_b, get(b))
            ids = ids_a + [i for i in ids_b if i not in ca]
            object.__setattr__(self, f"_{level}", (ids, ca, cb))
            changes[level] = {i: cb.get(i, 0) - ca.get(i, 0) for i in ids}
        totals = {k: (a.cents[k], b.cents[k]) for k in TOTALS}
        self._totals = totals
        changes["totals"] = {k: after - before for k, (before, after) in totals.items()}
        self.cents = {k: dict(v) for k, v in changes.items()}
        self._seal()

    def _pct(self, before: int, change: int) -> float | None:
        return change / before * 100 if before else None

    def _material(self, before: int, change: int) -> bool:
        """As the workbook's Wat als sheet decides: the EUR threshold rounded to cents as
        ROUND does, the share of the amount before compared to 10 decimals (so that a change
        exactly on the threshold counts, whatever the division's last bits)."""
        if change == 0:
            return False
        eur_ok = self.threshold is None or abs(change) >= _impl.round_cents(self.threshold)
        pct_ok = (self.threshold_pct is None or before == 0 or
                  _impl.round(abs(change) / abs(before), 10)
                  >= _impl.round(self.threshold_pct / 100, 10))
        return eur_ok and pct_ok

    def _table(self, level: str, name: str) -> pd.DataFrame:
        ids, ca, cb = getattr(self, f"_{level}")
        rows = []
        for i in ids:
            before, after = ca.get(i, 0), cb.get(i, 0)
            change = after - before
            rows.append({"before": euros(before), "after": euros(after), "change": euros(change),
                         "change_pct": self._pct(before, change),
                         "material": self._material(before, change)})
        return pd.DataFrame(rows, index=pd.Index(ids, name=name),
                            columns=["before", "after", "change", "change_pct", "material"])

    @property
    def providers(self) -> pd.DataFrame:
        return self._table("providers", "provider")

    @property
    def disciplines(self) -> pd.DataFrame:
        return self._table("disciplines", "discipline")

    @property
    def prestaties(self) -> pd.DataFrame:
        return self._table("prestaties", "prestatie")

    @property
    def totals(self) -> pd.DataFrame:
        return pd.DataFrame([{"before": euros(b), "after": euros(a), "change": euros(a - b),
                              "change_pct": self._pct(b, a - b)}
                             for b, a in self._totals.values()],
                            index=pd.Index(list(self._totals), name="total"))

    @property
    def material(self) -> pd.DataFrame:
        """The providers whose change is material."""
        table = self.providers
        return table[table.material]

    def plot(self, ax: Any = None) -> Any:
        """The change per provider as a waterfall, from what the providers received before (the
        distributed amount and the bonuses paid) to what they receive after: rises green, falls
        red, changes below the thresholds grey. Returns the matplotlib Axes."""
        import matplotlib.pyplot as plt
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 5))
        table = self.providers
        start = float(euros(self._totals["distributed"][0] + self._totals["bonuses_paid"][0]))
        level, labels = start, []
        for i, (provider, row) in enumerate(table.iterrows()):
            change = float(row.change)
            colour = ("#9e9e9e" if not row.material else "#2e7d32" if change >= 0
                      else "#c62828")
            ax.bar(i, change, bottom=level, color=colour)
            level += change
            labels.append(provider)
        ax.bar(len(labels), level, color="#1f4e79")
        ax.set_xticks(range(len(labels) + 1), [*labels, "na"], rotation=60, ha="right",
                      fontsize="small")
        low = min(start, level) - max(abs(float(c)) for c in table.change.tolist() + [1])
        ax.set_ylim(bottom=max(0.0, low))
        ax.set_ylabel("EUR")
        ax.set_title("Verandering per zorgaanbieder")
        return ax

    def to_excel(self, path: Any, lang: str = "nl") -> Any:
        """Writes the model workbook of the region after, whose Wat als sheet starts from the
        region before with this comparison's thresholds: the same figures, live, so that the
        change can be edited further in the spreadsheet. Returns its path."""
        before, after = self._regions
        return after.to_excel(path, lang, baseline=before, threshold=self.threshold,
                              threshold_pct=self.threshold_pct)

    def __repr__(self) -> str:
        d = self.cents["totals"]["distributed"] + self.cents["totals"]["bonuses_paid"]
        return (f"<Comparison: to the providers {'+' if d >= 0 else ''}{euros(d)}, "
                f"{int(self.providers.material.sum())} material provider change(s)>")


def move_counts(production: dict[str, Any], move: Any) -> dict[str, Any]:
    """production (code -> {count, tariff}) with women or hours moved: move is a mapping
    (from, to) -> count or "from->to" -> count. Exact in decimal: moving and moving back gives
    the counts back."""
    out = {code: dict(row) for code, row in production.items()}
    for key, amount in _parse.mapping(move, "move").items():
        if isinstance(key, str) and "->" in key:
            source, target = (part.strip() for part in key.split("->", 1))
        elif isinstance(key, tuple) and len(key) == 2:
            source, target = key
        else:
            raise _parse.fail("move", f"{key!r}: give (from, to) or 'from->to'")
        where = f"move[{source}->{target}]"
        k = _parse.number(amount, where)
        if k <= 0:
            raise _parse.fail(where, f"{amount!r}: move a number above 0")
        for code in (source, target):
            if code not in out:
                raise _parse.fail(where, f"prestatie {code!r} has no production (count and "
                                         "tariff) to move from or to")
        have = Decimal(repr(float(out[source]["count"])))
        if Decimal(repr(k)) > have:
            raise _parse.fail(where, f"{source} has {have} to move, not {k}")
        out[source]["count"] = float(have - Decimal(repr(k)))
        out[target]["count"] = float(Decimal(repr(float(out[target]["count"]))) +
                                     Decimal(repr(k)))
    return out
