"""Chooses the backend at import: LIBIGO_BACKEND=cext (the default, the CPython extension) or cffi.

Both expose the same module-level API (Model, round, round_cents, version and the constants), and
the whole test suite runs against each.
"""

from __future__ import annotations

import os
from types import ModuleType

NAME = os.environ.get("LIBIGO_BACKEND", "cext").strip().lower() or "cext"


def _load(name: str) -> ModuleType:
    if name == "cext":
        from . import _cext
        return _cext
    if name == "cffi":
        from . import _cffi_backend
        return _cffi_backend
    raise ImportError(f"LIBIGO_BACKEND={name!r}: choose 'cext' or 'cffi'")


impl = _load(NAME)


def workbook_lang(lang: str) -> int:
    """The core's code for a workbook language, "nl" or "en"."""
    from ._errors import IgoError
    if lang not in ("nl", "en"):
        raise IgoError(f"lang must be 'nl' or 'en', not {lang!r}", "IGO_ERROR_ARGUMENT")
    return impl.LANG_EN if lang == "en" else impl.LANG_NL
