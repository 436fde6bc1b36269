"""libigo.read_excel and libigo.excel_sheets: a sheet into a DataFrame, cell by cell as the module
documents, equal to pandas.read_excel where the two agree, the same from both backends, and every
bad input an IgoError naming the file."""

from __future__ import annotations

import datetime
import math
import pathlib

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

import libigo
from libigo import IgoError, _cext, _cffi_backend, excel

from libreoffice import recalculate


def write(path: pathlib.Path, sheets: dict[str, list[list]], epoch=None) -> pathlib.Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    if epoch:
        book.epoch = epoch
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(r, c, value)
    book.save(path)
    return path


@pytest.fixture
def mixed(tmp_path) -> pathlib.Path:
    rows = [["name", "amount", None, "flag", "mixed", "name", 2020, "error"],
            ["a", 1.5, None, True, 1, "x", 3, "#N/A"],
            [None, None, None, False, "two", "y", 4, 7],
            ["NA", 2, None, True, None, "x", 5, "#DIV/0!"],
            ["123", -0.25, None, False, 4.5, "z", 6, None]]
    return write(tmp_path / "mixed.xlsx", {"Data": rows, "Second": [["only"], [1]]})


def cell_values(series: pd.Series) -> list:
    return [None if isinstance(v, float) and math.isnan(v) else v for v in series.tolist()]


def test_every_kind_of_cell(mixed):
    frame = libigo.read_excel(mixed)
    assert list(frame.columns) == ["name", "amount", "Unnamed: 2", "flag", "mixed", "name.1",
                                   2020, "error"]
    assert cell_values(frame["name"]) == ["a", None, "NA", "123"]  # texts stay texts
    assert frame["name"].dtype == object
    assert frame["amount"].dtype == np.float64 and cell_values(frame["amount"]) == [
        1.5, None, 2.0, -0.25]
    assert frame["Unnamed: 2"].isna().all() and frame["Unnamed: 2"].dtype == np.float64
    assert frame["flag"].dtype == bool and frame["flag"].tolist() == [True, False, True, False]
    assert cell_values(frame["mixed"]) == [1.0, "two", None, 4.5]
    assert type(frame["mixed"][0]) is float
    assert frame[2020].dtype == np.float64
    assert cell_values(frame["error"]) == [None, 7.0, None, None]  # errors are NaN
    assert frame.attrs == {"date1904": False}
    assert isinstance(frame.index, pd.RangeIndex) and len(frame) == 4


def test_header_options(mixed):
    raw = libigo.read_excel(mixed, header=None)
    assert list(raw.columns) == list(range(8)) and len(raw) == 5
    assert raw[0].tolist()[:2] == ["name", "a"]
    assert cell_values(raw[6]) == [2020.0, 3.0, 4.0, 5.0, 6.0]
    two = libigo.read_excel(mixed, header=1)
    # True and 1 are one name to Python (and to pandas' renaming of repeats): "1.1"
    assert list(two.columns) == ["a", 1.5, "Unnamed: 2", True, "1.1", "x", 3, "Unnamed: 7"]
    assert len(two) == 3
    with pytest.raises(IgoError, match="header row 9 is beyond"):
        libigo.read_excel(mixed, header=9)
    for bad in (-1, True, "0", 1.0):
        with pytest.raises(IgoError, match="header: expected a whole number from 0"):
            libigo.read_excel(mixed, header=bad)


def test_sheets_by_name_and_index(mixed):
    assert libigo.excel_sheets(mixed) == ["Data", "Second"]
    for sheet in ("Second", "SECOND", 1):
        frame = libigo.read_excel(mixed, sheet=sheet)
        assert list(frame.columns) == ["only"] and frame["only"].tolist() == [1.0]
    assert libigo.read_excel(mixed, sheet=0).equals(libigo.read_excel(mixed))
    with pytest.raises(IgoError, match=r"no sheet is named 'Third' \(the sheets: 'Data', "
                                       r"'Second'\)") as info:
        libigo.read_excel(mixed, sheet="Third")
    assert str(mixed) in str(info.value)
    with pytest.raises(IgoError, match="sheet 2: the workbook has 2 sheet"):
        libigo.read_excel(mixed, sheet=2)
    for bad in (-1, True, 1.5, b"Data"):
        with pytest.raises(IgoError):
            libigo.read_excel(mixed, sheet=bad)
    with pytest.raises(IgoError):
        libigo.read_excel(mixed, sheet="Da\0ta")


def test_dates_stay_serial_numbers_in_either_date_system(tmp_path):
    when = datetime.datetime(2024, 3, 15, 12, 0)
    rows = [["when"], [when]]
    frame = libigo.read_excel(write(tmp_path / "1900.xlsx", {"S": rows}))
    assert frame["when"].tolist() == [45366.5] and frame.attrs["date1904"] is False
    frame = libigo.read_excel(write(tmp_path / "1904.xlsx", {"S": rows}, CALENDAR_MAC_1904))
    assert frame["when"].tolist() == [45366.5 - 1462] and frame.attrs["date1904"] is True


def test_rich_text_and_trailing_empties(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"] = "rich", "n"
    sheet["A2"] = CellRichText([TextBlock(InlineFont(b=True), "vet"), " en gewoon"])
    sheet["B3"] = 1
    sheet["D10"].number_format = "0.00"  # a style only: no value, no column, no row
    book.save(tmp_path / "rich.xlsx")
    frame = libigo.read_excel(tmp_path / "rich.xlsx")
    assert list(frame.columns) == ["rich", "n"] and len(frame) == 2
    assert cell_values(frame["rich"]) == ["vet en gewoon", None]


def test_empty_sheet(tmp_path):
    frame = libigo.read_excel(write(tmp_path / "empty.xlsx", {"Leeg": []}))
    assert frame.empty and frame.attrs["date1904"] is False


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """pandas' int64 as float64 and its "str" dtype as object, where read_excel differs."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype.kind in "iu":
            out[name] = out[name].astype(np.float64)
        elif out[name].dtype != object and out[name].dtype.kind not in "fb":
            out[name] = out[name].astype(object).where(out[name].notna(), np.nan)
    out.columns = pd.Index(list(out.columns), dtype=object)
    return out


def test_equal_to_pandas_where_the_semantics_agree(tmp_path):
    rows = [["code", "amount", "count", "label", "ok", None, "mixed"]]
    for i in range(50):
        rows.append([f"P{i % 7}", i * 1.25, i, None if i % 5 else f"note {i}", i % 2 == 0,
                     None, i if i % 3 else f"t{i}"])
    path = write(tmp_path / "agree.xlsx", {"Blad1": rows})
    ours = libigo.read_excel(path)
    theirs = pd.read_excel(path, engine="openpyxl")
    ours.columns = pd.Index(list(ours.columns), dtype=object)
    # pandas keeps whole numbers as int in a mixed column: compared as floats
    theirs["mixed"] = [float(v) if isinstance(v, int) else v for v in theirs["mixed"]]
    pd.testing.assert_frame_equal(ours, comparable(theirs), check_column_type=False)


def test_both_backends_give_identical_frames(mixed, monkeypatch):
    frames = []
    for backend in (_cext, _cffi_backend):
        monkeypatch.setattr(excel, "_impl", backend)
        frames.append([libigo.read_excel(mixed, header=h) for h in (0, None, 2)])
    for a, b in zip(*frames):
        pd.testing.assert_frame_equal(a, b)
        assert list(a.columns) == list(b.columns) and a.attrs == b.attrs


def test_bad_input_is_an_igo_error_naming_the_file(tmp_path, mixed):
    text = tmp_path / "not.xlsx"
    text.write_text("just text")
    cases = [(text, "not an xlsx"), (tmp_path / "missing.xlsx", "cannot be opened"),
             (tmp_path, "directory")]
    for path, message in cases:
        for call in (libigo.read_excel, libigo.excel_sheets):
            with pytest.raises(IgoError, match=message) as info:
                call(path)
            assert str(path) in str(info.value)
    for bad in (None, 3, b"x\0y", ""):
        with pytest.raises(IgoError):
            libigo.read_excel(bad)
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(mixed.read_bytes()[:2000])
    with pytest.raises(IgoError, match="cut.xlsx"):
        libigo.read_excel(truncated)


def test_typed_api():
    assert "read_excel" in libigo.__all__ and "excel_sheets" in libigo.__all__
    assert libigo.read_excel.__doc__ and libigo.read_excel.__annotations__["return"]


def test_a_file_saved_by_libreoffice(mixed, tmp_path, soffice):
    """LibreOffice writes its own flavour (shared strings, no spans, its own styles): the same
    frame comes back."""
    out = tmp_path / "lo"
    out.mkdir()
    (saved,) = recalculate([mixed], out, force=False)
    ours, theirs = libigo.read_excel(mixed), libigo.read_excel(saved)
    pd.testing.assert_frame_equal(ours, theirs)
    assert libigo.excel_sheets(saved) == ["Data", "Second"]
