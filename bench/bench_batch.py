"""Benchmark: libigo's batch entry point against what an analyst would write instead.

One run, one machine: a 100-provider region, its counts varied per variant, distributed
  - by libigo through the Python API (Region.sweep; both backends; the same region with a
    fixed part per provider, the two-pass path of the core; and with quality bonuses, a pool
    that follows each variant's budget split by points),
  - by a straightforward pure-Python implementation of the same model (pure_python_model.py),
  - by a vectorised pandas/numpy implementation (pandas_model.py).
The slower alternatives run on a prefix of the same variants; their results are checked against
libigo's to the cent before any time is compared. Ratios are per variant.
Run: make bench   (or: python bench/bench_batch.py --variants 1000000)
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pandas_model  # noqa: E402
import pure_python_model  # noqa: E402
import regions  # noqa: E402

import libigo  # noqa: E402
from libigo import _cext, _cffi_backend, region as region_module  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def sweep_with(backend, region, counts, repeat):
    """Region.sweep on the given backend, timed end to end (model build, output arrays, the call):
    the best of `repeat` runs, as timeit reports, since this machine's other load only adds."""
    saved = region_module.impl
    region_module.impl = backend
    best, result = float("inf"), None
    try:
        for _ in range(repeat):
            result = None  # free the previous run's 800 MB before the next
            result, seconds = timed(lambda: region.sweep(counts=counts))
            best = min(best, seconds)
        return result, best
    finally:
        region_module.impl = saved


def with_fixed_parts(region):
    """The region with every provider a fixed part of a tenth of its plain income."""
    out = region.checked()
    amounts = region.distribute().per_provider["amount"]
    out.fixed_parts = {p: {"amount": round(float(a) / 10, 2)} for p, a in amounts.items() if a}
    return out


def with_bonuses(region):
    """The region with quality bonuses: 40 % of the innovation budget over three indicators,
    each provider a value on each (two thirds of them meeting each target)."""
    out = region.checked()
    ids = [o.id for o in region.providers]
    out.bonuses = {"pool_percent": 40,
                   "indicators": [{"id": f"k{i}", "target": 50, "weight": 1 + i}
                                  for i in range(3)],
                   "values": {f"k{i}": {o: (37 * n + 11 * i) % 75 for n, o in enumerate(ids)}
                              for i in range(3)}}
    return out.checked()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--providers", type=int, default=100)
    ap.add_argument("--variants", type=int, default=1_000_000)
    ap.add_argument("--python-variants", type=int, default=1_000)
    ap.add_argument("--pandas-variants", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of libigo; the best is reported")
    args = ap.parse_args()

    region = regions.region(args.providers)
    codes = [p.code for p in region.prestaties]
    counts = regions.count_variants(region, args.variants)
    n_py, n_pd = min(args.python_variants, args.variants), min(args.pandas_variants, args.variants)

    sweep, t_cext = sweep_with(_cext, region, counts, args.repeat)
    sweep_cffi, t_cffi = sweep_with(_cffi_backend, region, counts, args.repeat)
    fixed_region = with_fixed_parts(region)
    sweep_fixed, t_fixed = sweep_with(_cext, fixed_region, counts, args.repeat)
    bonus_region = with_bonuses(region)
    sweep_bonus, t_bonus = sweep_with(_cext, bonus_region, counts, args.repeat)
    python, t_py = timed(lambda: [pure_python_model.distribute(region, counts=list(row))
                                  for row in counts[:n_py]])
    frame = pd.DataFrame(counts[:n_pd], columns=codes)
    pandas, t_pd = timed(lambda: pandas_model.distribute(region, frame))

    # Same answers, to the cent, before any timing is compared.
    ours = sweep.provider_totals.to_numpy()
    assert (ours == sweep_cffi.provider_totals.to_numpy()).all()
    assert all(list(ours[i]) == python[i]["provider_totals"] for i in range(n_py))
    assert (pandas["provider_totals"].to_numpy() == ours[:n_pd]).all()
    assert (pandas["summary"].to_numpy() == sweep.summary.to_numpy()[:n_pd]).all()
    # With fixed parts: each discipline keeps its money in every variant, and the first variants
    # equal their single distributions.
    assert (sweep_fixed.discipline_totals.to_numpy() == sweep.discipline_totals.to_numpy()).all()
    for i in range(5):
        single = fixed_region.what_if(counts=dict(zip(codes, counts[i]))).distribute()
        assert list(sweep_fixed.provider_totals.to_numpy()[i]) == list(single.cents["provider_totals"])
    # With bonuses: the model income unchanged, every variant pays its whole pool (40 % of its
    # budget, which follows its income), and the first variants equal their single distributions.
    assert (sweep_bonus.provider_totals.to_numpy() == ours).all()
    budget = sweep.summary["innovatie_kwaliteit"].to_numpy()
    paid = sweep_bonus.bonuses.to_numpy().sum(axis=1)
    assert (paid == [libigo.round_cents(0.4 * (b / 100)) for b in budget.tolist()]).all()
    for i in range(5):
        single = bonus_region.what_if(counts=dict(zip(codes, counts[i]))).distribute()
        assert list(sweep_bonus.bonuses.to_numpy()[i]) == list(single.cents["bonuses"])

    per = {name: t / n for name, t, n in [("cext", t_cext, args.variants),
                                          ("cffi", t_cffi, args.variants),
                                          ("fixed", t_fixed, args.variants),
                                          ("bonus", t_bonus, args.variants),
                                          ("python", t_py, n_py), ("pandas", t_pd, n_pd)]}
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")
    print(f"region: {args.providers} providers, {len(codes)} prestaties; "
          f"{sum(len(v) for v in region.volumes.values())} provider-prestatie splits per variant")
    print(f"libigo core {libigo.core_version()}, one thread; libigo times are the best of "
          f"{args.repeat} runs, the alternatives ran once\n")
    print("| implementation | variants | seconds | µs per variant | libigo (cext) is faster by |")
    print("|---|---:|---:|---:|---:|")
    rows = [("libigo, Region.sweep, cext backend", args.variants, t_cext, "cext"),
            ("libigo, Region.sweep, cffi backend", args.variants, t_cffi, "cffi"),
            ("libigo, cext, with a fixed part per provider", args.variants, t_fixed, "fixed"),
            ("libigo, cext, with quality bonuses", args.variants, t_bonus, "bonus"),
            ("pandas/numpy, vectorised over variants", n_pd, t_pd, "pandas"),
            ("pure Python, loop over variants", n_py, t_py, "python")]
    for label, n, seconds, key in rows:
        print(f"| {label} | {n:,} | {seconds:.2f} | {per[key] * 1e6:.2f} | "
              f"{per[key] / per['cext']:.1f}x |")
    print(f"\n{args.variants:,} variants through the Python API in {t_cext:.2f} s "
          f"(target: 1,000,000 in under 5 s); pure Python is {per['python'] / per['cext']:.0f}x "
          f"slower per variant (target: at least 100x).")


if __name__ == "__main__":
    main()
