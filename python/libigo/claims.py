"""Historical claims into production, keys, history lines, volumes and historical income: the
claims pipeline of the C core (igo_claims_*), streaming over files of millions of lines, exact
in cents, losing nothing.

    >>> result = libigo.claims.aggregate("declaraties.csv", van="2024-01-01", tot="2025-01-01")
    >>> result.production          # traject-phases (hours for IG9) per IG-prestatie
    >>> result.keys                # each discipline's share of each prestatie's money, percent
    >>> result.reconciliation      # rows and EUR: read = classified + set aside, exactly
    >>> region = result.to_region(tariffs={"IG1": 1200.0, ...})

A claim line is classified or set aside with its reason (``result.set_aside``): a traject-phase
is one prestatie, that of its most complex line; hour codes count hours; a code without a phase
counts as classified without a prestatie. The classification table is the shipped default
(``default_indeling()``, each row's reasoning in ``toelichting``) unless one is given.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import pathlib
import sys
from decimal import Decimal
from typing import Any, Iterator, Mapping

import numpy as np
import pandas as pd

from . import _files, _progress
from ._backend import impl
from ._errors import IgoError

__all__ = ["Claims", "aggregate", "default_indeling", "generate"]

COLUMNS = ("traject", "zorgaanbieder", "prestatiecode", "bedrag", "datum", "aantal")
TABLE_COLUMNS = ("prestatiecode", "discipline", "fase", "niveau", "ig_prestatie", "eenheid")


def default_indeling() -> pd.DataFrame:
    """The shipped classification table: one row per monodisciplinary code (prestatiecode,
    discipline, fase, niveau, ig_prestatie, eenheid, toelichting), codes as text."""
    text = impl.Claims().default_indeling()
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def generate(path: str | os.PathLike[str], births: int, seed: int = 1, *,
             error_percent: float = 0.0, english: bool = False, year: int = 2024) -> dict[str, Any]:
    """Writes synthetic claims (CSV) for `births` pregnancies, with `error_percent` percent of bad
    lines spread over the reasons lines are set aside for; Dutch conventions unless `english`.
    Returns what was written: rows, EUR, and per reason the bad rows and their EUR."""
    target = _files.as_path(path, "claims file")
    rows, cents, bad_rows, bad_cents = impl.Claims().generate(
        target, _whole(seed, "seed"), _whole(births, "births"), error_percent, bool(english),
        _whole(year, "year"))
    ids = [reason[0] for reason in _reasons()]
    return {"rows": rows, "eur": _eur(cents),
            "set_aside": {i: {"rows": r, "eur": _eur(c)}
                          for i, r, c in zip(ids, bad_rows, bad_cents)}}


def aggregate(source: Any, indeling: Any = None, columns: Mapping[str, str] | None = None,
              van: Any = None, tot: Any = None, encoding: str | None = None,
              sheet: str | None = None, catalogue: Any = None, decimal: str | None = None,
              progress: bool | None = None) -> "Claims":
    """Aggregates claim lines: a path to a CSV file or an .xlsx workbook (its first sheet, or
    `sheet`), a pandas DataFrame, or a list of those (read as one set of claims).

    indeling: the classification table (a CSV path or a DataFrame with its columns); None is the
    default one. columns: the file's own names for the columns, e.g. ``{"traject":
    "zwangerschap_id"}``. van/tot: keep only the lines dated in [van, tot) (ISO dates, date or
    datetime; tot is not included). encoding: "utf-8" (default) or "windows-1252" for CSV.
    catalogue: the order of the IG-prestaties (default IG1..IG9), which also breaks ties.
    decimal: "," or "." for files that do not show their decimal sign (every amount with a
    separator being like "1.234"); by default each file's is detected.
    progress: a tqdm progress bar per file (None: only for files of more than 64 MiB, which
    take a few seconds; it needs the main thread, where Ctrl-C also stops the reading).

    Raises IgoError naming the file and line for a file that cannot be read as claims.
    """
    core = impl.Claims()
    _table(core, indeling)
    for name, column in (columns or {}).items():
        if name not in COLUMNS:
            raise IgoError(f"columns: unknown column '{name}' (one of {', '.join(COLUMNS)})",
                           "IGO_ERROR_ARGUMENT")
        core.set_column(COLUMNS.index(name), column)
    if encoding is not None:
        core.set_encoding(encoding)
    if decimal is not None:
        if decimal not in (",", "."):
            raise IgoError(f"decimal must be ',' or '.', not {decimal!r}", "IGO_ERROR_ARGUMENT")
        core.set_decimal(decimal)
    core.set_period(_date(van, "van"), _date(tot, "tot"))
    if catalogue is not None:
        core.set_catalogue([str(p) for p in catalogue])
    names = {role: (columns or {}).get(role, role) for role in COLUMNS}
    sources = source if isinstance(source, list) else [source]
    for item in sources:
        with _progress_bar(item, progress):
            _read(core, item, sheet, names)
    core.finish()
    return Claims(core.results())


class Claims:
    """The aggregated claims: a snapshot of the core's results (see aggregate())."""

    def __init__(self, results: tuple[Any, ...]) -> None:
        totals, reasons, prestaties, disciplines, money, history, providers, volumes = results
        ids = [p[0] for p in prestaties]
        provider_ids = [o[0] for o in providers]
        self.prestaties = tuple(ids)
        self.disciplines = tuple(disciplines)
        self.hourly = frozenset(p[0] for p in prestaties if p[1])
        self.production = pd.Series([p[2] for p in prestaties],
                                    index=pd.Index(ids, name="prestatie"), name="production")
        self.money = pd.DataFrame([[_eur(c) for c in row] for row in money],
                                  index=pd.Index(ids, name="prestatie"),
                                  columns=pd.Index(disciplines, name="discipline"))
        self.keys = _percent(money, ids, disciplines)
        self.history = pd.DataFrame(
            [(code, disciplines[d], ids[p], count, _eur(cents),
              float(cents) / count / 100 if count else float("nan"))
             for code, p, d, count, cents in history],
            columns=["code", "discipline", "prestatie", "count", "amount", "tariff"])
        self.providers = pd.DataFrame(
            [(o[0], disciplines[o[1]] if disciplines else "", o[2]) for o in providers],
            columns=["id", "discipline", "disciplines"])
        self.income = pd.Series([_eur(o[3]) for o in providers],
                                index=pd.Index(provider_ids, name="provider"), name="income",
                                dtype=object)
        self.volumes = pd.DataFrame(volumes, index=pd.Index(ids, name="prestatie"),
                                    columns=pd.Index(provider_ids, name="provider"), dtype=float)
        rows_read, rows_cls, rows_aside, rows_none, eur_read, eur_cls, eur_aside, eur_none = totals
        self.reconciliation = pd.DataFrame(
            {"read": [rows_read, _eur(eur_read)], "classified": [rows_cls, _eur(eur_cls)],
             "set aside": [rows_aside, _eur(eur_aside)],
             "without prestatie": [rows_none, _eur(eur_none)]},
            index=pd.Index(["rows", "EUR"]), dtype=object)
        self.set_aside = pd.DataFrame(
            [(rid, text, rows, _eur(cents), [f"{file} line {line}" for file, line in examples])
             for rid, text, rows, cents, examples in reasons],
            columns=["reason", "description", "rows", "EUR", "examples"]).set_index("reason")

    def __repr__(self) -> str:
        read = self.reconciliation.loc["rows", "read"]
        return (f"<libigo.claims.Claims: {read} lines, "
                f"{self.reconciliation.loc['rows', 'set aside']} set aside, "
                f"{len(self.providers)} providers>")

    def _history_for_region(self) -> list[dict[str, Any]]:
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for h in self.history.itertuples():
            if h.count:
                groups.setdefault((h.prestatie, h.discipline), []).append(
                    {"code": h.code, "discipline": h.discipline, "prestatie": h.prestatie,
                     "count": float(h.count), "amount": h.amount})
        return [{"code": h["code"], "discipline": h["discipline"], "prestatie": h["prestatie"],
                 "count": h["count"], "tariff": float(h["amount"]) / h["count"]}
                for lines in groups.values() for h in _fold_negative(lines)]

    def to_region(self, tariffs: Mapping[str, float], costs: Any = None,
                  names: Mapping[str, str] | None = None, name: str = "") -> Any:
        """A Region from these claims: production (traject-phases, hours) at the given tariffs
        (EUR per unit, one for every prestatie with production), the providers with their
        discipline (names: id -> name; default the id), their volumes, and the key as history
        lines, so that the region derives exactly this key."""
        from .region import Region
        missing = [p for p in self.prestaties if self.production[p] and p not in tariffs]
        if missing:
            raise IgoError(f"to_region: no tariff for {', '.join(missing)}", "IGO_ERROR_ARGUMENT")
        names = names or {}
        return Region(
            name=name,
            disciplines=list(self.disciplines),
            providers=[{"id": o, "name": names.get(o, o), "discipline": d}
                       for o, d in zip(self.providers["id"], self.providers["discipline"])],
            production={p: {"count": float(self.production[p]), "tariff": tariffs[p]}
                        for p in self.prestaties if self.production[p]},
            costs=costs,
            history=self._history_for_region(),
            volumes={p: {o: v for o, v in row.items() if v}
                     for p, row in self.volumes.iterrows() if row.any()},
        )


# ---- helpers ----

def _fold_negative(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History lines of one discipline and prestatie with the money of those netting negative
    (credit notes beyond their claims) folded into the line with most money, so that every
    tariff is positive and the discipline's total, and so the key, stays exactly the same."""
    negative = [h for h in lines if h["amount"] < 0]
    if not negative:
        return lines
    kept = [h for h in lines if h["amount"] >= 0]
    total = sum((h["amount"] for h in lines), Decimal(0))
    if not kept or total < 0:
        first = lines[0]
        raise IgoError(f"to_region: the claimed money of {first['discipline']} in "
                       f"{first['prestatie']} is negative (EUR {total}): no key can be derived",
                       "IGO_ERROR_VALUE")
    largest = max(kept, key=lambda h: h["amount"])
    largest["amount"] += sum((h["amount"] for h in negative), Decimal(0))
    return kept


BAR_BYTES = 64 << 20  # files from this size get a progress bar by default


@contextlib.contextmanager
def _progress_bar(item: Any, wanted: bool | None) -> Iterator[None]:
    """A tqdm bar fed by the core's progress reports while item is read (a path)."""
    size = 0
    if isinstance(item, (str, os.PathLike)):
        with contextlib.suppress(OSError):
            size = os.stat(item).st_size
    if wanted is False or (wanted is None and size < BAR_BYTES) or not size:
        yield
        return
    from tqdm.auto import tqdm
    with tqdm(total=size, unit="B", unit_scale=True, desc=os.fspath(item), leave=False) as bar:
        def update(done: float) -> None:
            bar.update(int(done * size) - bar.n)
        with _progress.listening(update):
            yield


def _eur(cents: int) -> Decimal:
    return Decimal(int(cents)).scaleb(-2)


def _percent(money: list[list[int]], ids: list[str], disciplines: list[str]) -> pd.DataFrame:
    rows = []
    for row in money:
        total = sum(row)
        rows.append([100 * c / total if total else float("nan") for c in row])
    return pd.DataFrame(rows, index=pd.Index(ids, name="prestatie"),
                        columns=pd.Index(disciplines, name="discipline"))


def _reasons() -> list[tuple[str, ...]]:
    """The reasons lines are set aside for, in the core's order (an empty aggregation's results
    name them all)."""
    return impl.Claims().results()[1]


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise IgoError(f"{name} must be a whole number from 0, not {value!r}",
                       "IGO_ERROR_ARGUMENT")
    return value


def _date(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        return value
    raise IgoError(f"{name} must be a date or an ISO date text, not {type(value).__name__}",
                   "IGO_ERROR_ARGUMENT")


def _table(core: Any, indeling: Any) -> None:
    if indeling is None:
        core.use_default_indeling()
    elif isinstance(indeling, pd.DataFrame):
        missing = [c for c in TABLE_COLUMNS[:5] if c not in indeling.columns]
        if missing:
            raise IgoError(f"indeling: no column {', '.join(missing)}", "IGO_ERROR_ARGUMENT")
        for row in indeling.itertuples(index=False):
            get = row._asdict()
            rank = get["niveau"]
            core.add_class(str(get["prestatiecode"]), str(get["discipline"]),
                           _blank(get["fase"]) or None,
                           int(rank) if _blank(rank) else 0, _blank(get["ig_prestatie"]),
                           _blank(get.get("eenheid", "")) == "uur")
    else:
        core.read_indeling(_files.as_path(indeling, "indeling"))


def _as_text(frame: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame's float columns as the text a spreadsheet shows: ids and codes as whole
    numbers (a column of codes with one NaN is float: 1101.0 is code 1101), amounts and units to
    the cent when they are (0.30000000000000004 is 0.30; a real third decimal stays, to be set
    aside). Missing values are empty."""
    out = frame.copy(deep=False)
    for role, column in names.items():
        if column not in out.columns or not pd.api.types.is_float_dtype(out[column].dtype):
            continue
        values = out[column].to_numpy(dtype=float)
        if role in ("traject", "zorgaanbieder", "prestatiecode"):
            whole = np.isfinite(values) & (np.abs(values) < 1e15) & (values == np.round(values))
            text = [str(int(v)) if w else ("" if v != v else repr(v))
                    for v, w in zip(values, whole)]
        else:
            text = [_cents_text(v) for v in values]
        out[column] = text
    return out


def _cents_text(value: float) -> str:
    """A float amount in two decimals when it is one to the cent (as the core reads spreadsheet
    numbers), else as written."""
    if value != value:
        return ""
    hundredths = value * 100
    rounded = round(hundredths) if abs(hundredths) < 1e16 else None
    if rounded is None or abs(hundredths - rounded) > abs(rounded) * 4 * sys.float_info.epsilon \
            + 1e-9:
        return repr(value)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{abs(rounded) // 100}.{abs(rounded) % 100:02d}"


def _blank(value: Any) -> str:
    """A table cell as text, empty for a missing value."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _read(core: Any, item: Any, sheet: str | None, names: Mapping[str, str]) -> None:
    if isinstance(item, pd.DataFrame):
        text = _as_text(item, names).to_csv(index=False)
        core.read_csv_buffer("DataFrame", text.encode("utf-8"))
        return
    path = _files.as_path(item, "claims file")
    if pathlib.Path(path).suffix.lower() == ".xlsx":
        core.read_xlsx(path, sheet)
    else:
        core.read_csv(path)
