"""Benchmark: the Monte Carlo uncertainty of the cost scenarios in libigo's C core against the same
sampling written with numpy, in one run.

Both draw each of the study's five drivers' effect (triangular between conservative and
optimistic, mode at the middle effect; and uniform), compute every draw's impact per sector and in
total, and take the 5th to 95th percentiles; the numpy version is what an analyst would write
(vectorised draws, a matrix product, np.percentile). Their percentiles must agree within sampling
noise before any time is compared. Times are the best of --repeat runs.
Run: make bench   (or: python bench/bench_montecarlo.py --draws 10000000)
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np

from libigo import core_version, scenarios

PERCENTILES = (5, 25, 50, 75, 95)


def with_numpy(result: scenarios.ScenarioResult, draws: int, seed: int,
               distribution: str) -> np.ndarray:
    """The percentiles (rows) of each sector and the total (columns), in EUR."""
    rng = np.random.default_rng(seed)
    effects = result.effects / 100  # drivers x scenarios
    lo = effects[["optimistic", "conservative"]].min(axis=1).to_numpy()
    hi = effects[["optimistic", "conservative"]].max(axis=1).to_numpy()
    if distribution == "triangular":
        f = rng.triangular(lo, effects["middle"].to_numpy(), hi, size=(draws, len(lo)))
    else:
        f = rng.uniform(lo, hi, size=(draws, len(lo)))
    sectors = np.abs(f) @ result.potentials.to_numpy()  # draws x sectors
    figures = np.column_stack([sectors, sectors.sum(axis=1)])
    return np.percentile(figures, PERCENTILES, axis=0)


def best_of(repeat: int, fn):
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    study = scenarios.ScenarioSet.default()
    result = study.compute()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, numpy {np.__version__}; libigo core {core_version()} "
          f"(one thread); {args.draws:,} draws of {len(study.drivers)} drivers; best of "
          f"{args.repeat}\n")
    print("| distribution | libigo (s) | numpy (s) | numpy / libigo | median total, libigo | "
          "median total, numpy |")
    print("|---|---:|---:|---:|---:|---:|")
    for distribution in ("triangular", "uniform"):
        t_igo, ours = best_of(args.repeat, lambda: study.uncertainty(
            draws=args.draws, seed=1, distribution=distribution, percentiles=PERCENTILES))
        t_np, theirs = best_of(args.repeat, lambda: with_numpy(result, args.draws, 1,
                                                                distribution))
        ours_total, theirs_total = ours.percentiles["total"].to_numpy(), theirs[:, -1]
        spread = abs(ours_total[-1] - ours_total[0])
        assert np.allclose(ours_total, theirs_total, atol=spread * 0.01), (ours_total,
                                                                           theirs_total)
        print(f"| {distribution} | {t_igo:.2f} | {t_np:.2f} | {t_np / t_igo:.1f}x | "
              f"{ours_total[2] / 1e6:.3f} mln | {theirs_total[2] / 1e6:.3f} mln |")


if __name__ == "__main__":
    main()
