"""Hypothesis strategies for random but valid regions."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import libigo

# Tariffs in tenths of cents make ties at the third decimal common.
tariffs = st.integers(0, 5_000_000).map(lambda x: x / 1000)
counts = st.one_of(st.integers(0, 4000).map(float), st.integers(0, 400_000).map(lambda x: x / 100))


@st.composite
def key_rows(draw, n: int) -> list[int]:
    """Whole percentages for n disciplines summing to 100."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, 100]
    return [bounds[i + 1] - bounds[i] for i in range(n)]


@st.composite
def regions(draw) -> libigo.Region:
    P = draw(st.integers(1, 9))
    D = draw(st.integers(1, 4))
    O = D + draw(st.integers(0, 12))
    codes = [f"P{i}" for i in range(P)]
    discs = [f"D{i}" for i in range(D)]
    providers = [{"id": f"O{i}", "discipline": discs[i] if i < D else draw(st.sampled_from(discs))}
                 for i in range(O)]
    production = {c: {"count": draw(counts), "tariff": draw(tariffs)} for c in codes}
    keys, history, volumes = {}, [], {}
    for c in codes:
        row = draw(key_rows(D))
        if draw(st.booleans()):
            keys[c] = dict(zip(discs, row))
        else:
            history += [{"code": "h", "discipline": d, "prestatie": c, "count": pct,
                         "tariff": draw(tariffs) + 1} for d, pct in zip(discs, row) if pct]
        volumes[c] = {}
        for i, o in enumerate(providers):
            must = i < D and row[i] > 0  # the first provider of a discipline with a share
            if must or draw(st.booleans()):
                volumes[c][o["id"]] = float(must + draw(st.integers(0, 400)))
    outside = []
    for _ in range(draw(st.integers(0, 2))):
        first = draw(st.integers(0, P - 1))
        last = draw(st.integers(first, P - 1))
        outside.append({"label": f"act{len(outside)}", "count": draw(st.integers(0, 50)),
                        "tariff": draw(st.integers(0, 20000)) / 100,
                        "targets": codes[first:last + 1]})
    costs = {name: ({"percent": draw(st.integers(0, 300)) / 100} if draw(st.booleans())
                    else {"amount": draw(st.integers(0, 500_000)) / 100})
             for name in libigo.COST_NAMES}
    return libigo.Region(name="random", prestaties=[{"code": c} for c in codes],
                         disciplines=discs, providers=providers, production=production,
                         costs=costs, outside=outside, verdeelsleutel=keys, history=history,
                         volumes=volumes)


def random_region(seed: int) -> libigo.Region:
    """A seeded random region full of rounding edges: tariffs and amounts ending in half cents,
    half-percent keys and cost shares, volume ties, history keys, normalised keys, several
    outside activities, custom catalogues and disciplines. It may not distribute (then the caller
    draws again)."""
    import random
    rnd = random.Random(seed)
    custom = rnd.random() < 0.3
    P = rnd.randint(2, 9) if custom else 9
    codes = [f"P{i}" for i in range(P)] if custom else [f"IG{i}" for i in range(1, 10)]
    discs = ["verloskunde", "ziekenhuis", "kraamzorg"] + (["echo centrum"] if rnd.random() < 0.3
                                                         else [])
    providers = [{"id": f"o{i}", "name": f"Zorgaanbieder {i}",
                  "discipline": discs[i] if i < len(discs) else rnd.choice(discs)}
                 for i in range(rnd.randint(len(discs), 30))]
    tariff = lambda: rnd.choice([rnd.randrange(10**6) / 1000, rnd.randrange(10**5) / 100 + 0.005])
    production = {c: {"count": rnd.choice([rnd.randint(0, 3000), rnd.randint(0, 40000) / 4]),
                      "tariff": tariff()} for c in codes}
    keys, history, volumes = {}, [], {}
    normalise = rnd.random() < 0.2
    for c in codes:
        halves = [rnd.randint(0, 200) for _ in discs]
        halves[rnd.randrange(len(discs))] += 1
        total = sum(halves)
        if rnd.random() < 0.3:
            for d, h in zip(discs, halves):
                if h:
                    history.append({"code": "x", "discipline": d, "prestatie": c,
                                    "count": rnd.randint(1, 500), "tariff": tariff() + 1})
        else:  # percentages in halves that add up to 100 (or roughly, when normalised)
            pct = [h * 200 // total / 2 for h in halves]
            pct[halves.index(max(halves))] += 100 - sum(pct)
            if normalise:  # then the rows need not add up to 100
                pct = [p * rnd.randint(80, 120) // 50 / 2 for p in pct]
            keys[c] = dict(zip(discs, pct))
        volumes[c] = {o["id"]: rnd.choice([rnd.randint(1, 50), 12, 12.5]) for o in providers
                      if rnd.random() < 0.7}
        for d in discs:  # every discipline keeps a provider with volume
            first = next(o["id"] for o in providers if o["discipline"] == d)
            volumes[c].setdefault(first, rnd.randint(1, 50))
    outside = [{"label": f"Buiten {j}", "count": rnd.randint(0, 40), "tariff": tariff() / 10,
                "targets": rnd.sample(codes, rnd.randint(1, min(3, P)))}
               for j in range(rnd.randint(0, 3))]
    costs = {name: rnd.choice([{"amount": rnd.randrange(10**7) / 1000},
                               {"percent": rnd.randint(0, 40) / 8}])
             for name in libigo.COST_NAMES}
    regio = {f: rnd.randint(0, 3000) for f in libigo.region.regio_fields()}
    regio["redenen_overdracht"] = {f"reden {i}": rnd.randint(0, 300) for i in range(rnd.randint(0, 9))}
    return libigo.Region(
        name=f"Willekeurige regio {seed}",
        prestaties=[{"code": c, "label": f"Prestatie {c}"} for c in codes] if custom else None,
        disciplines=discs, providers=providers, production=production, costs=costs,
        outside=outside, verdeelsleutel=keys, history=history, volumes=volumes,
        normalise_keys=normalise, regiokenmerken=regio)


def canonical(value: Any) -> Any:
    """A region's structure with every number as the core keeps it: 15 significant digits
    (igo_canonical). The random regions hold numbers such as 33.881099999999996."""
    if isinstance(value, float):
        return float(f"{value:.15g}")
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def distributable(seed: int) -> libigo.Region:
    """The first random region from seed on that distributes (seeds step by 10,000)."""
    while True:
        region = random_region(seed)
        try:
            region.distribute()
            return region
        except libigo.IgoError:
            seed += 10_000


def engine_sample(count: int) -> range:
    """How many random workbooks a spreadsheet engine recalculates: all of them with the
    default backend, every fourth with cffi. The workbooks are the C core's, the same bytes
    from either backend; the cffi run still writes and recalculates some through its own
    plumbing, and keeps the CI run short."""
    return range(0, count, 4 if libigo.backend == "cffi" else 1)

