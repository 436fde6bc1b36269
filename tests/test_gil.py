"""Long calls run without the GIL: other Python threads keep running meanwhile, and an object that
is busy on one thread refuses to be changed from another instead of crashing."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

import libigo
from libigo import scenarios


def batch_job(example):
    """A sweep of 200,000 variants, and a change to its model attempted meanwhile."""
    model = example.model()
    _, _, O, _ = model.sizes()
    counts = np.tile([example.production[p.code][0] for p in example.prestaties], (200_000, 1))
    out = np.zeros((200_000, O), dtype=np.int64)

    def check():
        assert (out == out[0]).all() and out[0].sum() == example.distribute().cents["distributed"]
    return (lambda: model.distribute_batch(200_000, counts, None, None, out, None, None),
            lambda: model.set_name("changed while busy"), check)


def uncertainty_job(_example):
    """Five million Monte Carlo draws, and a change to the scenario set attempted meanwhile."""
    core = scenarios.ScenarioSet.default().core()
    out, p = np.zeros((1, 4)), np.array([50.0])
    return (lambda: core.uncertainty(0, None, 5_000_000, 1, 1, p, out, None, None),
            lambda: core.set_name("changed while busy"), lambda: None)


@pytest.mark.parametrize("job", [batch_job, uncertainty_job])
def test_long_calls_release_the_gil_and_guard_their_object(example, job):
    work, change, check = job(example)
    done = threading.Event()
    worker = threading.Thread(target=lambda: (work(), done.set()))
    ticks, refusals = [], 0
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        try:
            change()
        except RuntimeError:
            refusals += 1
    worker.join()
    # This thread ran (and was refused) while the core was computing.
    assert refusals > 0
    gaps = np.diff(ticks)
    assert len(ticks) > 100 and gaps.max() < (ticks[-1] - ticks[0]) / 2
    check()
