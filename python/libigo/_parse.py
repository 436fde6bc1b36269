"""Turning what users hand in (dicts, lists, pandas DataFrames, parsed JSON/TOML) into plain
values, with an IgoError that names the offending key path (``production.IG3.count``)."""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping

from ._errors import IgoError


def fail(path: str, problem: str) -> IgoError:
    return IgoError(f"{path}: {problem}" if path else problem, "IGO_ERROR_VALUE")


def is_frame(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_dict")


def number(value: Any, path: str) -> float:
    """A real number (int, float, numpy scalar, Decimal); not a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)):
        raise fail(path, f"expected a number, got {value!r}")
    result = float(value)
    if math.isnan(result):
        raise fail(path, "is empty or not a number (NaN)")
    return result


def text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(path, f"expected a non-empty text, got {value!r}")
    return value.strip()


def optional_text(value: Any, path: str) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return text(value, path)


def mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise fail(path, f"expected a table (key = value), got {type(value).__name__}")
    return value


def records(value: Any, path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Rows of a DataFrame, or the tables of a list, each with its path (``providers[3]``)."""
    if value is None:
        return iter(())
    if is_frame(value):
        rows = value.reset_index().to_dict("records") if _has_named_index(value) \
            else value.to_dict("records")
        return ((f"{path}[{i}]", row) for i, row in enumerate(rows))
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable) \
            or isinstance(value, Mapping):
        raise fail(path, f"expected a list of tables, got {type(value).__name__}")
    return ((f"{path}[{i}]", mapping(row, f"{path}[{i}]")) for i, row in enumerate(value))


def _has_named_index(frame: Any) -> bool:
    return any(name is not None for name in frame.index.names)


def field(row: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in row:
        raise fail(path, f"'{key}' is missing")
    return row[key]


def only_keys(row: Mapping[str, Any], allowed: Iterable[str], path: str) -> None:
    """Refuses unknown keys, which are nearly always typing errors that would be silently lost."""
    extra = sorted(set(row) - set(allowed) - {"index"})
    if extra:
        raise fail(path, f"unknown key(s) {', '.join(map(repr, extra))}; "
                         f"expected {', '.join(sorted(allowed))}")


def matrix(value: Any, path: str, row_name: str, col_name: str,
           value_name: str) -> dict[str, dict[str, float]]:
    """{row: {col: number}} from a nested mapping, a wide DataFrame (index rows, columns cols) or a
    long DataFrame/list with columns row_name, col_name, value_name. Empty cells are left out."""
    out: dict[str, dict[str, float]] = {}
    if value is None:
        return out
    long = is_frame(value) and {row_name, col_name, value_name} <= set(value.columns)
    if long or (not is_frame(value) and not isinstance(value, Mapping)):
        for where, rec in records(value, path):
            r = text(field(rec, row_name, where), f"{where}.{row_name}")
            c = text(field(rec, col_name, where), f"{where}.{col_name}")
            out.setdefault(r, {})[c] = number(field(rec, value_name, where),
                                              f"{where}.{value_name}")
        return out
    nested = value.to_dict("index") if is_frame(value) else mapping(value, path)
    for r, row in nested.items():
        r = text(r, path)
        for c, v in mapping(row, f"{path}.{r}").items():
            if v is None or (isinstance(v, float) and math.isnan(v)):
                continue  # an empty cell in a wide table
            out.setdefault(r, {})[text(c, f"{path}.{r}")] = number(v, f"{path}.{r}.{c}")
    return out
