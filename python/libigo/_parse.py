"""Turning what users hand in (dicts, lists, dataclasses, pandas DataFrames, parsed JSON/TOML)
into plain values, checked for type and finiteness where they enter, with an IgoError that names
the offending key path (``production.IG3.count``, ``providers[3].name``)."""

from __future__ import annotations

import dataclasses
import math
import numbers
import re
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping

from ._errors import IgoError

# What a text may not hold: C strings end at NUL, XML (a workbook) holds no other control
# character, and a lone surrogate is not UTF-8. The core refuses the same, by entity.
_BAD_CHARACTER = re.compile("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def fail(path: str, problem: str) -> IgoError:
    return IgoError(f"{path}: {problem}" if path else problem, "IGO_ERROR_VALUE")


def is_frame(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_dict")


def _show(value: Any) -> str:
    """A value for a message: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def number(value: Any, path: str) -> float:
    """A finite real number (int, float, numpy scalar, Decimal); not a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)) \
            or type(value).__name__ == "bool_":
        raise fail(path, f"expected a number, got {_show(value)}")
    try:
        result = float(value)
    except (OverflowError, ValueError):
        raise fail(path, f"{_show(value)} is too large or not a number") from None
    if math.isnan(result):
        raise fail(path, "is empty or not a number (NaN)")
    if math.isinf(result):
        raise fail(path, f"{_show(value)} is infinite or too large")
    return result


def whole(value: Any, path: str, low: int, high: int) -> int:
    """A whole number from low to high (not a bool, not a float); the backends take it as it is."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) \
            or not low <= int(value) <= high:
        raise IgoError(f"{path}: expected a whole number from {low:,} to {high:,}, got "
                       f"{value!r}", "IGO_ERROR_ARGUMENT")
    return int(value)


def flag(value: Any, path: str) -> bool:
    """true or false: a bool (or numpy bool), never a text like "false" or a number."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    raise fail(path, f"expected true or false, got {_show(value)}")


def text(value: Any, path: str) -> str:
    """A non-empty text without control characters, surrounding blanks removed."""
    if not isinstance(value, str) or not value.strip():
        raise fail(path, f"expected a non-empty text, got {_show(value)}")
    bad = _BAD_CHARACTER.search(value)
    if bad:
        raise fail(path, f"holds the character U+{ord(bad.group()):04X} at position "
                         f"{bad.start() + 1}; a text may hold no control characters")
    return value.strip()


def name(value: Any) -> str:
    """The name of a region or a scenario set: a text, or "" for none."""
    if not isinstance(value, str):
        raise fail("name", f"expected a text, got {type(value).__name__}")
    return text(value, "name") if value.strip() else ""


def optional_text(value: Any, path: str) -> str | None:
    """A text, or None for a missing one (None, an empty cell, "")."""
    if value is None or (isinstance(value, float) and math.isnan(value)) \
            or (isinstance(value, str) and not value.strip()):
        return None
    return text(value, path)


def mapping(value: Any, path: str) -> Mapping[str, Any]:
    """A table (key = value): a mapping, or a dataclass such as libigo.Provider (its unset
    fields left out)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)
                if getattr(value, f.name) is not None}
    if not isinstance(value, Mapping):
        raise fail(path, f"expected a table (key = value), got {type(value).__name__}")
    return value


def records(value: Any, path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Rows of a DataFrame (named by their index label), or the tables of a list (named by their
    position), each with its path (``providers[3]``)."""
    if value is None:
        return iter(())
    if is_frame(value):
        labels = list(value.index)
        rows = value.reset_index().to_dict("records") if _has_named_index(value) \
            else value.to_dict("records")
        return ((f"{path}[{_label(label)}]", row) for label, row in zip(labels, rows))
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable) \
            or isinstance(value, Mapping) or dataclasses.is_dataclass(value):
        raise fail(path, f"expected a list of tables, got {type(value).__name__}")
    return ((f"{path}[{i}]", mapping(row, f"{path}[{i}]")) for i, row in enumerate(value))


def _label(label: Any) -> str:
    return repr(label) if isinstance(label, str) else str(label)


def _has_named_index(frame: Any) -> bool:
    return any(name is not None for name in frame.index.names)


def field(row: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in row:
        raise fail(path, f"'{key}' is missing")
    return row[key]


def keywords(data: Any, allowed: tuple[str, ...], what: str) -> dict[str, Any]:
    """The keyword arguments in a file's structure (a table of allowed keys), unknown keys
    refused naming what it is."""
    data = mapping(data, "")
    only_keys(data, allowed, what)
    return {k: data[k] for k in allowed if k in data}


def only_keys(row: Mapping[str, Any], allowed: Iterable[str], path: str) -> None:
    """Refuses unknown keys, which are nearly always typing errors that would be silently lost."""
    extra = sorted(map(str, set(row) - set(allowed) - {"index"}))
    if extra:
        raise fail(path, f"unknown key(s) {', '.join(map(repr, extra))}; "
                         f"expected {', '.join(sorted(allowed))}")


def _empty_cell(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def matrix(value: Any, path: str, row_name: str, col_name: str,
           value_name: str) -> dict[str, dict[str, float]]:
    """{row: {col: number}} from a nested mapping, a wide DataFrame (index rows, columns cols) or a
    long DataFrame/list with columns row_name, col_name, value_name. Only a wide DataFrame has
    empty cells (None or NaN), which are left out; anywhere else NaN is refused."""
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
    wide = is_frame(value)
    nested = value.to_dict("index") if wide else mapping(value, path)
    for r, row in nested.items():
        r = text(r, path)
        for c, v in mapping(row, f"{path}.{r}").items():
            if wide and _empty_cell(v):
                continue
            out.setdefault(r, {})[text(c, f"{path}.{r}")] = number(v, f"{path}.{r}.{c}")
    return out
