"""The instapverdeelmodel for many variants at once, written with pandas and numpy the way a
fluent analyst would vectorise it: one column per prestatie, arrays over the variants, the
spreadsheet's ROUND reproduced with array arithmetic. The benchmark's second alternative."""

from __future__ import annotations

import numpy as np
import pandas as pd

import pure_python_model as reference


def round_cents(x: np.ndarray) -> np.ndarray:
    """Spreadsheet ROUND(x; 2) in cents, element-wise (LibreOffice's algorithm)."""
    a = np.abs(x)
    z = a * 100.0 + 0.5
    bits = z.view(np.uint64)
    exponent = ((bits >> np.uint64(52)) & np.uint64(0x7FF)).astype(np.int64) - 1023
    mantissa = bits & np.uint64((1 << 52) - 1)
    lowest_bit = mantissa & (~mantissa + np.uint64(1))
    with np.errstate(divide="ignore"):
        lowest = np.where(mantissa == 0, 53, np.log2(lowest_bit.astype(np.float64)) + 1)
    fraction_bits = np.maximum(53 - lowest - exponent, 0)
    approximate = (z <= 2.0 ** 41) & (z != np.floor(z)) & (fraction_bits > 11)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = 10.0 ** (14 - np.floor(np.log10(z)))
        scaled = z * scale
        whole = np.floor(scaled)
        approx = np.where(scaled - whole >= 0.5, whole + 1, whole) / scale
    cents = np.floor(np.where(approximate, approx, z))
    cents = np.where(a == np.floor(a), a * 100.0, cents)
    return (np.sign(x) * cents).astype(np.int64)


def split(total: np.ndarray, weights: np.ndarray, wsum: np.ndarray | float) -> np.ndarray:
    """variants x parts: ROUND(total * w / wsum; 2) with the largest weight taking the rounding
    difference. weights is one row for all variants, or one row per variant."""
    V = len(total)
    weights = np.broadcast_to(np.asarray(weights, dtype=np.float64), (V, np.shape(weights)[-1]))
    rows, big = np.arange(V), np.argmax(weights, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        parts = round_cents((total / 100.0)[:, None] * weights / np.reshape(wsum, (-1, 1)))
    parts[total == 0] = 0
    parts[rows, big] = 0
    parts[rows, big] = total - parts.sum(axis=1)
    return parts


def distribute(region, counts: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Provider totals, discipline totals and summary (cents) for each row of counts."""
    codes = [p.code for p in region.prestaties]
    discs = [d.id for d in region.disciplines]
    V = len(counts)
    tariffs = np.array([region.production[c][1] for c in codes])
    n = counts[codes].to_numpy(dtype=np.float64)
    if not np.array_equal(n, np.round(n)):  # whole counts are already kept to 15 digits
        n = np.vectorize(reference.canonical)(n)
    income = round_cents(n * np.vectorize(reference.canonical)(tariffs))
    total = income.sum(axis=1)
    costs = []
    for name in reference.COSTS:
        c = region.costs.get(name)
        if c is not None and c.percent is not None:
            costs.append(round_cents(reference.canonical(c.percent / 100) * (total / 100.0)))
        else:
            costs.append(np.full(V, reference.round_cents(reference.canonical(c.amount if c else 0.0))))
    weights = income / 100.0
    charged = split(sum(costs), weights, total / 100.0)
    outside = np.zeros_like(income)
    outside_total = np.zeros(V, dtype=np.int64)
    for line in region.outside:
        t = [codes.index(x) for x in line.targets]
        cost = np.full(V, reference.round_cents(reference.canonical(line.count)
                                                   * reference.canonical(line.tariff)))
        outside[:, t] += split(cost, weights[:, t], income[:, t].sum(axis=1) / 100.0)
        outside_total += cost
    distributable = income - charged - outside
    keys = reference.keys_for(region)
    provider_ids = [o.id for o in region.providers]
    providers = pd.DataFrame(0, index=counts.index, columns=provider_ids, dtype=np.int64)
    disciplines = pd.DataFrame(0, index=counts.index, columns=discs, dtype=np.int64)
    for p, code in enumerate(codes):
        per_discipline = split(distributable[:, p], keys[p], 1.0)
        disciplines += per_discipline
        for d, disc in enumerate(discs):
            members = [o.id for o in region.providers if o.discipline == disc
                       and region.volumes.get(code, {}).get(o.id, 0) > 0]
            if not members:
                continue
            volumes = [reference.canonical(region.volumes[code][o]) for o in members]
            providers[members] += split(per_discipline[:, d], volumes, reference.fsum(volumes))
    summary = pd.DataFrame({"income": total, "beheerskosten": costs[0],
                            "innovatie_kwaliteit": costs[1], "overig": costs[2],
                            "outside": outside_total,
                            "distributed": providers.sum(axis=1).to_numpy()}, index=counts.index)
    return {"provider_totals": providers, "discipline_totals": disciplines, "summary": summary}
