"""Results as snapshots: made once, from the inputs as they were, never changed after."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping


def frozen(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """A result's figures as a read-only mapping of tuples (lists nested in lists too)."""
    def freeze(value: Any) -> Any:
        return tuple(freeze(v) for v in value) if isinstance(value, list) else value
    return MappingProxyType({k: freeze(v) for k, v in raw.items()})


class Snapshot:
    """A result: its attributes are set once, when it is made, and cannot be changed after."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__ or not name.startswith("_") and hasattr(self, "_sealed"):
            raise AttributeError(f"{type(self).__name__} is a snapshot; '{name}' cannot be "
                                 "changed")
        object.__setattr__(self, name, value)

    def _seal(self) -> None:
        object.__setattr__(self, "_sealed", True)
