"""The one exception type of libigo."""

from __future__ import annotations


class IgoError(ValueError):
    """A region, a workbook or an input that libigo refuses, with a message that says where.

    ``code`` is the core's error name (``"IGO_ERROR_KEY_SUM"``, ...), or ``"IGO_ERROR_FILE"`` for a
    file that cannot be read as a region. ``variant`` is set by sweeps: the index of the variant
    that failed.
    """

    def __init__(self, message: str, code: str = "IGO_ERROR_ARGUMENT",
                 variant: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.variant = variant

    def __reduce__(self):  # keeps code and variant when pickled (multiprocessing)
        return (type(self), (str(self), self.code, self.variant))
