"""Progress of a long core call, for a progress bar: the backends' progress callbacks (which
already run now and then on the main thread, to honour Ctrl-C) pass the fraction done to the
listener set on this thread. An exception the listener raises stops the call and propagates."""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator

_local = threading.local()


def report(done: float) -> None:
    """Called by the backends with the fraction of the running call's work done."""
    listener = getattr(_local, "listener", None)
    if listener is not None:
        listener(done)


@contextlib.contextmanager
def listening(listener: Callable[[float], None] | None) -> Iterator[None]:
    """Runs the block with listener receiving the progress of its long calls."""
    previous = getattr(_local, "listener", None)
    _local.listener = listener
    try:
        yield
    finally:
        _local.listener = previous
