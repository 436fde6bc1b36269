"""Hypothesis strategies for random but valid regions."""

from __future__ import annotations

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
