"""Reading a sheet of an .xlsx workbook into a pandas DataFrame, with the C core's streaming
reader (igo_xlsx_read_table): the XML is parsed in C without the GIL into columns, each distinct
text becomes one Python str, and a column of numbers becomes a float64 array with one copy.

    >>> frame = libigo.read_excel("declaraties.xlsx", sheet="Declaraties")
    >>> libigo.excel_sheets("declaraties.xlsx")
    ['Declaraties', 'Toelichting']

What a cell becomes (and where pandas.read_excel, with openpyxl, differs):

- a number: float64 (pandas makes int64 of a column of whole numbers, and int of a whole number
  in a mixed column); dates and times stay Excel serial numbers, counted from 1900 or, when
  ``frame.attrs["date1904"]`` is True, from 1904 (pandas converts cells formatted as dates);
- a text: str, exactly as written: "NA", "null" or "" are texts, not missing values (pandas
  turns its na_values into NaN), and a text that looks like a number stays a text;
- TRUE/FALSE: bool; a column of booleans with empty cells is object, True/False/NaN (pandas 3
  makes float64 1.0/0.0/NaN of it);
- an error (#N/A, #DIV/0!, ...): NaN (pandas keeps all but #N/A as their text);
- an empty cell, or a formula without a cached value: NaN.

A column of numbers and empty cells is float64; one holding only booleans is bool; any other is
object (also a column of texts only, where pandas 3 gives its "str" dtype: ``astype("str")``
converts). Header cells name the columns as pandas does: an empty one "Unnamed: <i>", repeated
names "a", "a.1", a whole number as int. Trailing empty rows and columns are dropped; empty rows
and columns between values are kept.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd

from . import _files
from . import _parse
from ._backend import impl as _impl
from ._errors import IgoError

__all__ = ["excel_sheets", "read_excel"]

IGO_ROWS = 1_048_576  # a sheet's rows (IGO_XLSX_MAX_ROWS)

# igo_cell_type
_EMPTY, _NUMBER, _STRING, _BOOLEAN, _ERROR = range(5)


def excel_sheets(path: str | os.PathLike[str]) -> list[str]:
    """The names of the worksheets of an .xlsx workbook, in the workbook's order."""
    return _open(path).sheet_names()


def read_excel(path: str | os.PathLike[str], sheet: str | int | None = None,
               header: int | None = 0) -> pd.DataFrame:
    """A sheet of an .xlsx workbook as a DataFrame: numbers as float64, texts as objects.

    sheet: the sheet's name (compared as Excel does, ignoring ASCII case) or 0-based index;
    None is the first sheet. header: the 0-based row that names the columns (rows above it are
    skipped), or None for no header (columns 0, 1, ...). ``frame.attrs["date1904"]`` tells the
    date system of the serial numbers. See the module's documentation for each kind of cell.

    Raises IgoError for anything wrong with the arguments or the file, naming the file (and the
    sheet and cell where the file is at fault).
    """
    if header is not None:
        header = _parse.whole(header, "header", 0, IGO_ROWS - 1)
    book = _open(path)
    index = _sheet_index(book, sheet)
    rows, columns = book.read_table(index)
    try:
        frame = _frame(book, rows, columns, header, path)
    finally:
        book.close_table()
    frame.attrs["date1904"] = book.date1904()
    return frame


def _open(path: Any) -> Any:
    book = _impl.Xlsx()
    book.open(_files.as_path(path, "path"))
    return book


def _sheet_index(book: Any, sheet: Any) -> int:
    names = book.sheet_names()
    if isinstance(sheet, str):
        if "\0" in sheet:
            raise IgoError(f"sheet: {sheet!r} is not a sheet name", "IGO_ERROR_ARGUMENT")
        return int(book.sheet_index(sheet))
    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, int)):
        raise IgoError(f"sheet must be a name (str), an index (int) or None, not {sheet!r}",
                       "IGO_ERROR_ARGUMENT")
    index = 0 if sheet is None else sheet
    if not 0 <= index < len(names):
        listed = ", ".join(repr(n) for n in names) or "none"
        raise IgoError(f"sheet {index}: the workbook has {len(names)} sheet(s): {listed}",
                       "IGO_ERROR_UNKNOWN")
    return index


class _Columns:
    """The table's columns as numpy arrays, and its texts as Python str made once each."""

    def __init__(self, book: Any, rows: int, columns: int) -> None:
        self.numbers: list[np.ndarray] = []
        self.types: list[np.ndarray] = []
        self.ids: list[Any] = []  # None for a column without texts
        for j in range(columns):
            counts = book.column_counts(j)
            numbers, types = np.empty(rows, np.float64), np.empty(rows, np.uint8)
            ids = np.empty(rows, np.uint32) if counts[_STRING] or counts[_ERROR] else None
            book.column(j, numbers, types, ids)
            self.numbers.append(numbers)
            self.types.append(types)
            self.ids.append(ids)
        self.texts = np.empty(0, dtype=object)
        if any(ids is not None for ids in self.ids):
            strings = book.strings()
            self.texts = np.empty(len(strings), dtype=object)
            self.texts[:] = strings

    def label(self, j: int, row: int) -> Any:
        """What a header cell names its column, or None (an "Unnamed" one)."""
        kind = self.types[j][row]
        if kind == _STRING:
            text = self.texts[self.ids[j][row]]
            return text if text else None
        if kind == _BOOLEAN:
            return bool(self.numbers[j][row])
        if kind == _NUMBER:
            value = float(self.numbers[j][row])
            return int(value) if value.is_integer() else value
        return None

    def values(self, j: int, first: int) -> np.ndarray:
        """Column j from row first on, typed as the module's documentation says."""
        numbers, types = self.numbers[j][first:], self.types[j][first:]
        counts = np.bincount(types, minlength=5)
        if not counts[_STRING] and not counts[_BOOLEAN]:
            return numbers  # errors are NaN there already
        if counts[_BOOLEAN] == len(types):
            return numbers != 0
        out = np.full(len(types), np.nan, dtype=object)
        for kind in (_NUMBER, _BOOLEAN):
            if counts[kind]:
                mask = types == kind
                out[mask] = numbers[mask] if kind == _NUMBER else numbers[mask] != 0
        if counts[_STRING]:
            mask = types == _STRING
            out[mask] = self.texts[self.ids[j][first:][mask]]
        return out


def _names(labels: list[Any]) -> list[Any]:
    """Column names as pandas makes them: "Unnamed: <i>" for an empty header cell, and a repeated
    name numbered "a", "a.1", "a.2" (a numbered name that is taken counts on)."""
    names = [f"Unnamed: {i}" if label is None else label for i, label in enumerate(labels)]
    counts: dict[Any, int] = {}
    for i, name in enumerate(names):
        count = counts.get(name, 0)
        while count > 0:
            counts[name] = count + 1
            name = f"{name}.{count}"
            count = counts.get(name, 0)
        names[i] = name
        counts[name] = count + 1
    return names


def _frame(book: Any, rows: int, columns: int, header: int | None, path: Any) -> pd.DataFrame:
    if rows == 0:
        return pd.DataFrame()
    if header is not None and header >= rows:
        raise IgoError(f"{path}: header row {header} is beyond the sheet's last row with a value "
                       f"({rows - 1}, counting from 0)", "IGO_ERROR_ARGUMENT")
    table = _Columns(book, rows, columns)
    first = 0 if header is None else header
    # Columns empty from the header down are dropped at the end, as pandas drops them.
    while columns and not table.types[columns - 1][first:].any():
        columns -= 1
    data = {}
    for j in range(columns):
        values = table.values(j, first + (header is not None))
        # the dtype given, so that pandas 3 does not make its "str" dtype of a column of texts
        data[j] = pd.Series(values, dtype=values.dtype, copy=False)
    frame = pd.DataFrame(data, copy=False)
    if header is not None:
        frame.columns = pd.Index(_names([table.label(j, header) for j in range(columns)]))
    return frame
