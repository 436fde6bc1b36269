"""Chooses the backend: LIBIGO_BACKEND=cext (the default, the CPython extension) or cffi.

Both expose the same module-level API (Model, round, round_cents, version and the constants), and
the whole test suite runs against each. The backend is loaded on first use, so that an unknown
name is an IgoError where libigo is used (and `igo` says so in one line), not an import failure.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Any

from ._errors import IgoError

NAME = os.environ.get("LIBIGO_BACKEND", "cext").strip().lower() or "cext"


def _load(name: str) -> ModuleType:
    if name == "cext":
        from . import _cext
        return _cext
    if name == "cffi":
        from . import _cffi_backend
        return _cffi_backend
    raise IgoError(f"LIBIGO_BACKEND={name!r}: choose 'cext' or 'cffi'", "IGO_ERROR_ARGUMENT")


class _Backend:
    """The chosen backend module, loaded when an attribute is first asked for."""

    def __getattr__(self, attribute: str) -> Any:
        module = _load(NAME)
        self.__dict__.update(vars(module))  # later look-ups skip __getattr__
        return getattr(module, attribute)


impl: Any = _Backend()


def workbook_lang(lang: str) -> int:
    """The core's code for a workbook language, "nl" or "en"."""
    if not isinstance(lang, str) or lang not in ("nl", "en"):
        raise IgoError(f"lang must be 'nl' or 'en', not {lang!r}", "IGO_ERROR_ARGUMENT")
    return impl.LANG_EN if lang == "en" else impl.LANG_NL
