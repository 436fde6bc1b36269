"""Quality bonuses: the ``[bonuses]`` table of a region. A pool from the innovation and quality
budget (``pool`` in EUR, or ``pool_percent`` of the innovatie_kwaliteit cost) is split over the
providers by the points they earn: each indicator (Perined, ICHOM) whose target a provider's value
meets earns it the indicator's weight. What nobody earns stays in the budget.

    [bonuses]
    pool_percent = 50
    [[bonuses.indicators]]
    id = "sectio"
    label = "Sectio caesarea bij laag risico (%)"
    target = 12
    better = "lower"          # or "higher" (the default)
    weight = 2                # points (default 1)
    [bonuses.values.sectio]   # per indicator: provider = value (a provider left out: not met)
    vp-ooievaar = 9.8

``values`` may also be a DataFrame with a row per indicator and a column per provider (empty
cells: no value), or a long table with columns indicator, provider, value.
"""

from __future__ import annotations

import math
from typing import Any

from . import _parse as P
from ._backend import impl

KEYS = ("pool", "pool_percent", "indicators", "values")
INDICATOR_KEYS = ("id", "label", "target", "better", "weight")
BETTER = ("higher", "lower")


def parse(value: Any, providers: list[str]) -> dict[str, Any] | None:
    """The [bonuses] table checked against the region's providers, as a plain table (None for
    none). Every refusal names the place: bonuses.indicators[1].target, bonuses.values.k.vp9."""
    if value is None:
        return None
    table = dict(P.mapping(value, "bonuses"))
    P.only_keys(table, KEYS, "bonuses")
    out: dict[str, Any] = _pool(table)
    out["indicators"] = _indicators(table.get("indicators"))
    out["values"] = _values(table.get("values"), [i["id"] for i in out["indicators"]],
                            providers)
    return out


def _pool(table: dict[str, Any]) -> dict[str, float]:
    given = [key for key in ("pool", "pool_percent") if key in table]
    if len(given) != 1:
        raise P.fail("bonuses", "give either 'pool' (EUR) or 'pool_percent' (of the "
                     "innovatie_kwaliteit cost)" + (", not both" if given else ""))
    key = given[0]
    amount = P.number(table[key], f"bonuses.{key}")
    if amount < 0 or (key == "pool_percent" and amount > 100):
        raise P.fail(f"bonuses.{key}", f"{amount!r} is outside "
                     f"{'0-100 %' if key == 'pool_percent' else '0 or more'}")
    return {key: amount}


def _indicators(value: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for where, row in P.records(value if value is not None else [], "bonuses.indicators"):
        P.only_keys(row, INDICATOR_KEYS, where)
        ident = P.text(P.field(row, "id", where), f"{where}.id")
        if ident in seen:
            raise P.fail(f"{where}.id", f"indicator '{ident}' is listed twice")
        seen.add(ident)
        better = _given(row, "better", "higher")
        if better not in BETTER:
            raise P.fail(f"{where}.better", f"expected 'higher' or 'lower', got {better!r}")
        weight = P.number(_given(row, "weight", 1), f"{where}.weight")
        if weight < 0:
            raise P.fail(f"{where}.weight", f"{weight!r} is negative")
        out.append({"id": ident,
                    "label": P.optional_text(row.get("label"), f"{where}.label") or ident,
                    "target": P.number(P.field(row, "target", where), f"{where}.target"),
                    "better": better, "weight": weight})
    return out


def _given(row: Any, key: str, default: Any) -> Any:
    """A field, or its default when absent or an empty cell of a DataFrame (None or NaN)."""
    value = row.get(key)
    return default if value is None or (isinstance(value, float) and math.isnan(value)) \
        else value


def _values(value: Any, indicators: list[str], providers: list[str]) -> dict[str, dict[str, float]]:
    values = P.matrix(value, "bonuses.values", "indicator", "provider", "value")
    for ident, row in values.items():
        if ident not in indicators:
            raise P.fail(f"bonuses.values.{ident}", f"unknown indicator '{ident}'")
        for provider in row:
            if provider not in providers:
                raise P.fail(f"bonuses.values.{ident}.{provider}",
                             f"unknown provider '{provider}'")
    return values


def send(model: Any, bonuses: dict[str, Any]) -> None:
    """Sets a parsed table on a core model."""
    if "pool_percent" in bonuses:
        model.set_bonus_pool(impl.COST_SHARE, bonuses["pool_percent"] / 100)
    else:
        model.set_bonus_pool(impl.COST_AMOUNT, bonuses["pool"])
    for x in bonuses["indicators"]:
        model.add_indicator(x["id"], x["label"], x["target"], x["better"] == "lower",
                            x["weight"])
    for ident, row in bonuses["values"].items():
        for provider, number in row.items():
            model.set_indicator_value(ident, provider, number)


def from_core(data: dict[str, Any], percent: Any) -> dict[str, Any] | None:
    """The table of a core model's inputs() (None without a pool and indicators); percent turns
    the core's fraction back into the percentage it was given as."""
    pool, indicators = data["bonus_pool"], data["indicators"]
    if pool is None and not indicators:
        return None
    providers = [o[0] for o in data["providers"]]
    out: dict[str, Any] = ({"pool": 0.0} if pool is None else
                           {"pool_percent": percent(pool[1])} if pool[0] == impl.COST_SHARE
                           else {"pool": pool[1]})
    out["indicators"] = [{"id": i, "label": label, "target": target,
                          "better": "lower" if lower else "higher", "weight": weight}
                         for i, label, target, lower, weight, _ in indicators]
    given = ((row[0], {o: v for o, v in zip(providers, row[5]) if v is not None})
             for row in indicators)
    out["values"] = {ident: row for ident, row in given if row}
    return out
