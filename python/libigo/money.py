"""Money as libigo hands it out: whole cents in the core, exact Decimal euros in Python."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

CENT = Decimal("0.01")


def euros(cents: int) -> Decimal:
    """Whole cents as an exact Decimal amount in euros: 123456 -> Decimal('1234.56')."""
    return Decimal(int(cents)).scaleb(-2)


def euros_list(cents: Iterable[int]) -> list[Decimal]:
    return [euros(c) for c in cents]


def format_nl(amount: Decimal | int | float, decimals: int = 2) -> str:
    """Dutch notation: 1234567.8 -> '1.234.567,80'."""
    text = f"{Decimal(str(amount)):,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
