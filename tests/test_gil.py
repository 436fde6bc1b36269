"""Long calls run without the GIL: other Python threads keep running meanwhile, and a Model that
is busy on one thread refuses to be changed from another instead of crashing."""

from __future__ import annotations

import threading
import time

import numpy as np

import libigo


def test_batch_releases_the_gil_and_guards_its_model(example):
    model = example.model()
    P, D, O, _ = model.sizes()
    variants = 200_000
    counts = np.tile([example.production[p.code][0] for p in example.prestaties], (variants, 1))
    out = np.zeros((variants, O), dtype=np.int64)
    done = threading.Event()

    def work():
        model.distribute_batch(variants, counts, None, None, out, None, None)
        done.set()

    worker = threading.Thread(target=work)
    ticks, refusals = [], 0
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        try:
            model.set_name("changed while busy")
        except RuntimeError:
            refusals += 1
    worker.join()
    # This thread ran (and was refused) while the core was computing.
    assert refusals > 0
    gaps = np.diff(ticks)
    assert len(ticks) > 100 and gaps.max() < (ticks[-1] - ticks[0]) / 2
    assert (out == out[0]).all() and out[0].sum() == example.distribute().cents["distributed"]
