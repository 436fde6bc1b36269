"""TOML for region files: what the standard library's tomllib reads back to the same data.

Only the types a region file holds: tables, lists, texts, numbers and booleans. Top-level
tables become [sections] and lists of tables [[arrays of tables]], so the file reads like the
hand-written example (voorbeeld.toml); anything deeper is an inline table.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _key(key: Any) -> str:
    key = str(key)
    return key if _BARE.fullmatch(key) else _text(key)


def _text(value: str) -> str:
    # A JSON string is a TOML basic string, except that TOML has no \/ (json never writes it).
    return json.dumps(value, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"TOML region files hold finite numbers only, not {value}")
        return repr(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }" \
            if value else "{}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def dumps(data: dict[str, Any]) -> str:
    """The document: plain keys first, then [tables] and [[arrays of tables]]."""
    plain = [f"{_key(k)} = {_value(v)}" for k, v in data.items()
             if not isinstance(v, dict) and not _tables(v)]
    parts = ["\n".join(plain)] if plain else []
    for k, v in data.items():
        if isinstance(v, dict):
            body = "\n".join(f"{_key(kk)} = {_value(vv)}" for kk, vv in v.items())
            parts.append(f"[{_key(k)}]\n{body}".rstrip())
        elif _tables(v):
            parts += [f"[[{_key(k)}]]\n" + "\n".join(f"{_key(kk)} = {_value(vv)}"
                                                     for kk, vv in row.items()) for row in v]
    return "\n\n".join(parts) + "\n"


def _tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
