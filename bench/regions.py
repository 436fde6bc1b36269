"""Seeded synthetic regions for the benchmarks: any number of providers over the default
catalogue, with plausible tariffs, keys and volumes."""

from __future__ import annotations

import random

import libigo

TARIFFS = [915.40, 1642.75, 3218.60, 1164.35, 2607.90, 5281.15, 452.80, 1388.45, 61.87]
COUNTS = [1720, 840, 510, 980, 1290, 760, 2150, 880, 118540]
KEYS = [(82, 7, 11), (43, 49, 8), (5, 93, 2), (62, 9, 29), (15, 81, 4), (2, 96, 2), (93, 0, 7),
        (29, 68, 3), (0, 0, 100)]


def region(providers: int = 100, seed: int = 1) -> libigo.Region:
    """A region with `providers` providers: 10 % hospitals, 15 % kraamzorg, the rest midwives."""
    rnd = random.Random(seed)
    hospitals = max(1, providers // 10)
    kraam = max(1, providers * 15 // 100)
    kinds = ["ziekenhuis"] * hospitals + ["kraamzorg"] * kraam + \
        ["verloskunde"] * (providers - hospitals - kraam)
    rows = [{"id": f"{k[:2]}{i}", "discipline": k} for i, k in enumerate(kinds)]
    codes = [f"IG{i}" for i in range(1, 10)]
    discs = ["verloskunde", "ziekenhuis", "kraamzorg"]
    volumes = {c: {r["id"]: rnd.randint(1, 400) for r in rows
                   if KEYS[p][discs.index(r["discipline"])] > 0}
               for p, c in enumerate(codes)}
    return libigo.Region(
        name=f"Benchmark region, {providers} providers", providers=rows,
        production={c: {"count": n, "tariff": t} for c, n, t in zip(codes, COUNTS, TARIFFS)},
        costs={"beheerskosten": {"amount": 318500}, "innovatie_kwaliteit": {"percent": 1.25},
               "overig": {"amount": 42000}},
        outside=[{"label": "Echo", "count": 2350, "tariff": 131.6, "targets": codes[:3]},
                 {"label": "Geboortecentrum", "count": 165, "tariff": 342.5,
                  "targets": codes[3:5]}],
        verdeelsleutel={c: dict(zip(discs, k)) for c, k in zip(codes, KEYS)},
        volumes=volumes)


def count_variants(region: libigo.Region, variants: int, seed: int = 2):
    """Counts varied by up to +-20 % per prestatie: a variants x prestaties float64 array."""
    import numpy as np
    rng = np.random.default_rng(seed)
    base = np.array([region.production[p.code][0] for p in region.prestaties])
    return np.round(base * rng.uniform(0.8, 1.2, size=(variants, len(base))))
