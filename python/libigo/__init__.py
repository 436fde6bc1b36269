"""libigo: the instapverdeelmodel for integral birth care (IGO), with a C core.

    >>> import libigo
    >>> region = libigo.example_region()          # or libigo.Region.from_file("regio.toml")
    >>> result = region.distribute()
    >>> result.per_provider                        # a pandas DataFrame, amounts in Decimal euros

The backend is chosen at import with LIBIGO_BACKEND=cext (default) or cffi; both give the same
results. Amounts are exact: whole cents in the core, ``decimal.Decimal`` euros in tables, int64
cents in sweeps.
"""

from __future__ import annotations

import importlib.metadata

from . import _files, _parse, claims
from ._backend import NAME as backend
from ._backend import impl as _impl
from ._errors import IgoError
from .distribution import Distribution
from .excel import excel_sheets, read_excel
from .money import euros, format_nl
from .region import (COST_NAMES, Cost, Discipline, HistoryLine, OutsideActivity, Prestatie,
                     Provider, Region, default_catalogue)
from .compare import Comparison, compare
from .sweep import Sweep
from .transition import Transition

# The package's version comes from the C core's header (setup.py reads IGO_VERSION_* there), so the
# library, the package, `igo --version` and libigo.pc cannot disagree.
__version__ = importlib.metadata.version(__package__)

__all__ = ["COST_NAMES", "Comparison", "Cost", "Discipline", "Distribution", "HistoryLine",
           "IgoError", "Transition", "compare",
           "claims",
           "OutsideActivity", "Prestatie", "Provider", "Region", "Sweep", "backend",
           "core_version", "default_catalogue", "euros", "example_region", "excel_sheets",
           "format_nl", "read_excel", "round_cents", "spreadsheet_round"]


def spreadsheet_round(x: float, decimals: int = 2) -> float:
    """ROUND(x; decimals) as Excel and LibreOffice compute it (2.675 -> 2.68, not 2.67);
    decimals from -15 to 15."""
    return _impl.round(_parse.number(x, "x"), _parse.whole(decimals, "decimals", -15, 15))


def round_cents(x: float) -> int:
    """ROUND(x; 2) in whole cents, the rounding every split in libigo uses (|x| < EUR 4e13)."""
    value = _parse.number(x, "x")  # a number, and finite: what is left is the core's bound
    try:
        return _impl.round_cents(value)
    except IgoError as exc:
        raise IgoError(f"x: {x!r} is beyond EUR 4e13, more than cents count exactly",
                       exc.code) from None


def core_version() -> str:
    """The version of the C core inside the active backend."""
    return _impl.version()


def example_region() -> Region:
    """The embedded example: a fictional IGO of about 3,000 births a year (voorbeeld.toml)."""
    return _files.load_packaged("voorbeeld.toml", Region.from_file)
