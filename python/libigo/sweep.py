"""Scenario sweeps: many variants of one region (other counts, tariffs, costs) distributed in a
single call into the C core, without a Python loop and without the GIL.

Results are whole cents in int64 numpy arrays (exact and compact: a million variants of a
100-provider region is 800 MB of provider totals); ``Sweep.euros()`` gives float euros for plots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np
import pandas as pd

from . import _parse as P
from ._backend import impl
from ._errors import IgoError

if TYPE_CHECKING:
    from .region import Region

SUMMARY_COLUMNS = ("income", "beheerskosten", "innovatie_kwaliteit", "overig", "outside",
                   "distributed")


def _table(value: Any, what: str) -> Any:
    """A sweep input: None, a DataFrame, a mapping of columns, or a 2-D array of numbers."""
    if value is None or P.is_frame(value) or isinstance(value, Mapping):
        return value
    if isinstance(value, (str, bytes)) or np.ndim(value) != 2:
        raise IgoError(f"{what}: expected a DataFrame, a mapping of columns or a 2-D array of "
                       f"numbers, got {type(value).__name__}", "IGO_ERROR_ARGUMENT")
    return value


def _rows(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        lengths = {len(np.atleast_1d(np.asarray(v, dtype=object))) for v in value.values()}
        if len(lengths) > 1:
            raise IgoError(f"{what}: the columns have different lengths", "IGO_ERROR_ARGUMENT")
        return lengths.pop() if lengths else None
    return len(value)


def _index(*values: Any) -> Any:
    for v in values:
        if P.is_frame(v):
            return v.index
    return None


def _numbers(values: Any, what: str, column: str, index: Any) -> np.ndarray:
    """One column of a sweep input as finite float64, or an IgoError naming the column and the
    row (by the DataFrame's index label when there is one)."""
    array = np.atleast_1d(np.asarray(values))
    if array.ndim != 1:
        raise IgoError(f"{what}: column {column!r} is not one column of numbers",
                       "IGO_ERROR_ARGUMENT")

    def where(i: int) -> str:
        label = index[i] if index is not None else i
        return f"{what}: column {column!r}, row {label!r}"
    if array.dtype.kind not in "iuf":
        return np.array([P.number(v, where(i)) for i, v in enumerate(array.tolist())],
                        dtype=np.float64)
    floats = array.astype(np.float64)
    bad = np.flatnonzero(~np.isfinite(floats))
    if len(bad):
        P.number(float(floats[bad[0]]), where(int(bad[0])))
    return floats


def _matrix(value: Any, names: Sequence[str], base: Sequence[float], variants: int,
            what: str, index: Any) -> np.ndarray | None:
    """variants x len(names) float64, C-contiguous: from a 2-D array (all columns), or a
    DataFrame / mapping with some columns (the others keep the region's own values)."""
    if value is None:
        return None
    if not P.is_frame(value) and not isinstance(value, Mapping):
        shape = np.shape(value)
        if shape != (variants, len(names)):
            raise IgoError(f"{what}: expected shape ({variants}, {len(names)}), got "
                           f"{shape}", "IGO_ERROR_ARGUMENT")
        array = np.asarray(value)
        return np.ascontiguousarray(np.column_stack(
            [_numbers(array[:, j], what, name, None) for j, name in enumerate(names)]))
    columns = dict(value.items())
    unknown = sorted(set(map(str, columns)) - set(names))
    if unknown:
        raise IgoError(f"{what}: unknown column(s) {', '.join(unknown)}; expected some of "
                       f"{', '.join(names)}", "IGO_ERROR_UNKNOWN")
    array = np.empty((variants, len(names)), dtype=np.float64)
    for j, name in enumerate(names):
        array[:, j] = _numbers(columns[name], what, name, index) if name in columns else base[j]
    return array


def run_sweep(region: "Region", counts: Any, tariffs: Any, costs: Any) -> "Sweep":
    """See Region.sweep: counts and tariffs per prestatie, costs per component (in the unit the
    region gives that component: EUR for an amount, percent for a percentage). region is a
    checked copy, the sweep's own."""
    from .region import COST_NAMES
    inputs = {"counts": _table(counts, "counts"), "tariffs": _table(tariffs, "tariffs"),
              "costs": _table(costs, "costs")}
    sizes = {r for what, v in inputs.items() if (r := _rows(v, what)) is not None}
    if len(sizes) > 1:
        raise IgoError("sweep: counts, tariffs and costs must have the same number of variants",
                       "IGO_ERROR_ARGUMENT")
    variants = sizes.pop() if sizes else 1
    index = _index(*inputs.values())
    codes = [p.code for p in region.prestaties]
    base_n = [region.production.get(c, (0.0, 0.0))[0] for c in codes]
    base_t = [region.production.get(c, (0.0, 0.0))[1] for c in codes]
    base_c, scale = [], []
    for name in COST_NAMES:
        cost = region.costs.get(name)
        percent = cost is not None and cost.percent is not None
        value = (cost.percent if percent else cost.amount) if cost else None
        base_c.append(value or 0.0)
        scale.append(0.01 if percent else 1.0)  # the core takes a fraction, users give percent
    cost_matrix = _matrix(inputs["costs"], COST_NAMES, base_c, variants, "costs", index)
    if cost_matrix is not None:
        cost_matrix = np.ascontiguousarray(cost_matrix * np.asarray(scale))
    model = region._model()
    _, D, O, _ = model.sizes()
    try:
        provider = np.zeros((variants, O), dtype=np.int64)
        discipline = np.zeros((variants, D), dtype=np.int64)
        summary = np.zeros((variants, len(SUMMARY_COLUMNS)), dtype=np.int64)
        bonuses = np.zeros((variants, O), dtype=np.int64) if region.bonuses is not None \
            else None
    except (MemoryError, ValueError):
        raise IgoError(f"sweep: {variants} variants x {O} providers do not fit in memory",
                       "IGO_ERROR_MEMORY") from None
    try:
        model.distribute_batch(
            variants, _matrix(inputs["counts"], codes, base_n, variants, "counts", index),
            _matrix(inputs["tariffs"], codes, base_t, variants, "tariffs", index), cost_matrix,
            provider, discipline, summary, bonuses)
    except IgoError as exc:
        if index is None or exc.variant is None:
            raise
        raise IgoError(f"sweep row {index[exc.variant]!r}: {exc}", exc.code,
                       exc.variant) from None
    return Sweep(region, provider, discipline, summary, index, bonuses)


class Sweep:
    """The figures of every variant, in whole cents (int64): ``provider_totals`` (variants x
    providers), ``discipline_totals`` (variants x disciplines), ``summary`` (income, the three
    cost components, outside activities, distributed) and, for a region with quality bonuses,
    ``bonuses`` (variants x providers; None without)."""

    def __init__(self, region: "Region", provider: np.ndarray, discipline: np.ndarray,
                 summary: np.ndarray, index: Any = None,
                 bonuses: np.ndarray | None = None) -> None:
        self.region = region  # the sweep's own checked copy
        self.index = index if index is not None else pd.RangeIndex(len(summary), name="variant")
        self.provider_totals = pd.DataFrame(provider, index=self.index, copy=False,
                                            columns=[o.id for o in region.providers])
        self.discipline_totals = pd.DataFrame(discipline, index=self.index, copy=False,
                                              columns=[d.id for d in region.disciplines])
        self.summary = pd.DataFrame(summary, index=self.index, columns=list(SUMMARY_COLUMNS),
                                    copy=False)
        self.bonuses = None if bonuses is None else pd.DataFrame(
            bonuses, index=self.index, copy=False, columns=self.provider_totals.columns)

    def __len__(self) -> int:
        return len(self.summary)

    def euros(self, table: str = "provider_totals") -> pd.DataFrame:
        """A table in float euros (for plotting; the int64 cents are the exact figures)."""
        return getattr(self, table) / 100.0

    def __repr__(self) -> str:
        return (f"<Sweep {self.region.name!r}: {len(self)} variants x "
                f"{self.provider_totals.shape[1]} providers, amounts in cents>")
