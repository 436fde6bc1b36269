"""The instapverdeelmodel written the straightforward way, in pure Python: what an analyst would
write instead of using libigo. The benchmark measures it against the core; the test suite uses it
as an independent oracle (same spec, no shared code), so every cent must agree.
"""

from __future__ import annotations

import math

COSTS = ("beheerskosten", "innovatie_kwaliteit", "overig")


def _approx15(z: float) -> float:
    """z rounded to 15 significant digits, as the spreadsheet does before taking the floor."""
    if not math.isfinite(z) or z > 2.0 ** 41 or z.is_integer():
        return z
    mantissa, exponent = math.frexp(z)          # z = mantissa * 2**exponent
    bits = 53
    while bits > 0 and (mantissa * 2.0 ** bits) % 2 == 0:
        bits -= 1                                # significant bits of the mantissa
    if bits - exponent <= 11:                   # at most 11 binary digits after the point
        return z
    shift = 14 - math.floor(math.log10(z))
    if shift < 0:
        return round_half_away(z / 10.0 ** -shift) * 10.0 ** -shift
    return round_half_away(z * 10.0 ** shift) / 10.0 ** shift


def round_half_away(x: float) -> float:
    """C's round() for x >= 0: halves go up."""
    whole = math.floor(x)
    return whole + 1.0 if x - whole >= 0.5 else whole


def round_cents(x: float) -> int:
    """Spreadsheet ROUND(x; 2) in cents (LibreOffice's algorithm)."""
    a = abs(x)
    if a == 0:
        return 0
    if a.is_integer():
        cents = int(a) * 100
    else:
        cents = int(math.floor(_approx15(a * 100.0 + 0.5)))
    return -cents if x < 0 else cents


def canonical(x: float) -> float:
    """x kept to 15 significant digits, as libigo (and a spreadsheet) keeps every input."""
    return float(format(x, ".15g"))


def argmax(weights: list[float]) -> int:
    best = 0
    for i, w in enumerate(weights):
        if w > weights[best]:
            best = i
    return best


def split(total: int, weights: list[float], wsum: float) -> list[int]:
    """Parts ROUND(total * w / wsum; 2); the largest weight takes the rounding difference."""
    if total == 0:
        return [0] * len(weights)
    big = argmax(weights)
    parts = [0 if i == big else round_cents(total / 100 * w / wsum) for i, w in enumerate(weights)]
    parts[big] = total - sum(parts)
    return parts


def fsum(values: list[float]) -> float:
    """Neumaier's compensated sum, like a spreadsheet's SUM."""
    total = carry = 0.0
    for x in values:
        t = total + x
        carry += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
        total = t
    return total + carry


def keys_for(region) -> list[list[float]]:
    """The verdeelsleutel as fractions per prestatie x discipline (direct, normalised or from
    history)."""
    codes = [p.code for p in region.prestaties]
    discs = [d.id for d in region.disciplines]
    keys = []
    for code in codes:
        if code in region.verdeelsleutel:
            row = [canonical(region.verdeelsleutel[code].get(d, 0.0) / 100) for d in discs]
            if region.normalise_keys:
                s = fsum(row)
                row = [k / s for k in row]
        else:
            lines = [(h.discipline, canonical(h.count) * canonical(h.tariff))
                     for h in region.history if h.prestatie == code]
            total = fsum([money for _, money in lines])
            row = [fsum([money for disc, money in lines if disc == d]) / total
                   if total else 0.0 for d in discs]
        keys.append(row)
    return keys


def charge_fixed(region, codes, discs, money, provider_totals) -> None:
    """The fixed parts (run.c): each provider's in turn, reduced when its volume stays below
    the minimum, charged to its discipline's money per prestatie pro rata to what is left of it
    (in cents), out of money[p][d]."""
    for o in region.providers:
        part = region.fixed_parts.get(o.id)
        if not part:
            continue
        volume = 0.0
        for code in codes:
            volume += canonical(region.volumes.get(code, {}).get(o.id, 0))
        eur = canonical(part["amount"])
        if canonical(volume) < canonical(part["min_volume"]):
            eur *= 1 - canonical(part["reduction"] / 100)
        d = discs.index(o.discipline)
        weights = [float(row[d]) for row in money]
        for row, cents in zip(money, split(round_cents(eur), weights, sum(weights))):
            row[d] -= cents
            provider_totals[o.id] += cents


def distribute(region, counts=None, tariffs=None, costs=None) -> dict:
    """Provider totals, discipline totals and the summary of one variant, in cents."""
    codes = [p.code for p in region.prestaties]
    discs = [d.id for d in region.disciplines]
    providers = region.providers
    counts = [canonical(n) for n in counts or [region.production.get(c, (0, 0))[0] for c in codes]]
    tariffs = [canonical(t) for t in
               tariffs or [region.production.get(c, (0, 0))[1] for c in codes]]
    keys = keys_for(region)
    income = [round_cents(n * t) for n, t in zip(counts, tariffs)]
    total_income = sum(income)
    cost_parts = []
    for i, name in enumerate(COSTS):
        c = region.costs.get(name)
        value = costs[i] if costs else (c.percent if c and c.percent is not None else
                                        c.amount if c else 0.0)
        if c is not None and c.percent is not None:
            cost_parts.append(round_cents(canonical(value / 100) * (total_income / 100)))
        else:
            cost_parts.append(round_cents(canonical(value)))
    weights = [i / 100 for i in income]
    charged = split(sum(cost_parts), weights, total_income / 100)
    outside = [0] * len(codes)
    outside_total = 0
    for line in region.outside:
        targets = [codes.index(t) for t in line.targets]
        cost = round_cents(canonical(line.count) * canonical(line.tariff))
        parts = split(cost, [weights[t] for t in targets], sum(income[t] for t in targets) / 100)
        for t, part in zip(targets, parts):
            outside[t] += part
        outside_total += cost
    provider_totals = {o.id: 0 for o in providers}
    discipline_totals = [0] * len(discs)
    money = [split(income[p] - charged[p] - outside[p], keys[p], 1.0) for p in range(len(codes))]
    for row in money:
        discipline_totals = [t + a for t, a in zip(discipline_totals, row)]
    charge_fixed(region, codes, discs, money, provider_totals)
    for p, code in enumerate(codes):
        for d, amount in enumerate(money[p]):
            members = [o for o in providers if o.discipline == discs[d]
                       and region.volumes.get(code, {}).get(o.id, 0) > 0]
            volumes = [canonical(region.volumes[code][o.id]) for o in members]
            for o, part in zip(members, split(amount, volumes, fsum(volumes))):
                provider_totals[o.id] += part
    return {"provider_totals": [provider_totals[o.id] for o in providers],
            "discipline_totals": discipline_totals,
            "summary": [total_income, *cost_parts, outside_total, sum(provider_totals.values())]}
