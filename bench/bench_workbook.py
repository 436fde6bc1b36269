"""Benchmark: writing the filled-in model workbook with libigo (C, libxlsxwriter) against writing
the same sheets from Python with XlsxWriter and with openpyxl, in one run.

"The same sheets": every cell of libigo's workbook (texts, numbers, formulas with their cached
values, number formats and input fills), the column widths and the sheet protection are read
from libigo's file and written again by each alternative; charts and data validation are left to
libigo alone, so the alternatives do a little less work than libigo. Times are the best of
--repeat runs; libigo's include computing the distribution.
Run: make bench   (or: python bench/bench_workbook.py)
"""

from __future__ import annotations

import argparse
import os
import pathlib
import platform
import sys
import tempfile
import time

import openpyxl
import xlsxwriter
from openpyxl.worksheet.formula import ArrayFormula

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import regions  # noqa: E402

import libigo  # noqa: E402


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def read_cells(path: pathlib.Path) -> list[dict]:
    """Each sheet of libigo's workbook as plain data: cells (value or formula, cached value,
    number format, fill, locked), column widths."""
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in formulas.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                fill = c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None
                cells.append((c.row - 1, c.column - 1, c.value,
                              values[ws.title][c.coordinate].value, c.number_format,
                              fill if isinstance(fill, str) else None, c.protection.locked))
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
        sheets.append({"name": ws.title, "cells": cells, "widths": widths})
    return sheets


def with_xlsxwriter(sheets: list[dict], path: str) -> None:
    book = xlsxwriter.Workbook(path)
    formats: dict = {}
    for sheet in sheets:
        ws = book.add_worksheet(sheet["name"])
        for letter, width in sheet["widths"].items():
            ws.set_column(f"{letter}:{letter}", width)
        for row, col, value, cached, number_format, fill, locked in sheet["cells"]:
            key = (number_format, fill, locked)
            if key not in formats:
                props = {"num_format": number_format, "locked": locked}
                if fill:
                    props["bg_color"] = "#" + fill[-6:]
                formats[key] = book.add_format(props)
            fmt = formats[key]
            if isinstance(value, ArrayFormula):  # a one-cell array formula
                ws.write_array_formula(row, col, row, col, value.text, fmt, cached)
            elif isinstance(value, str) and value.startswith("="):
                ws.write_formula(row, col, value, fmt, cached)
            else:
                ws.write(row, col, value, fmt)
        ws.protect()
    book.close()


def with_openpyxl(sheets: list[dict], path: str) -> None:
    from openpyxl.styles import PatternFill, Protection
    book = openpyxl.Workbook()
    book.remove(book.active)
    fills: dict = {}
    for sheet in sheets:
        ws = book.create_sheet(sheet["name"])
        for letter, width in sheet["widths"].items():
            ws.column_dimensions[letter].width = width
        for row, col, value, _cached, number_format, fill, locked in sheet["cells"]:
            cell = ws.cell(row + 1, col + 1, value)  # openpyxl keeps no cached values
            cell.number_format = number_format
            if fill:
                cell.fill = fills.setdefault(fill, PatternFill("solid", fgColor=fill))
            if not locked:
                cell.protection = Protection(locked=False)
        ws.protection.sheet = True
    book.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    cases = [("example region (15 providers)", libigo.example_region()),
             ("100-provider region", regions.region(100))]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, XlsxWriter {xlsxwriter.__version__}, openpyxl "
          f"{openpyxl.__version__}; libigo core {libigo.core_version()}; best of {args.repeat}\n")
    print("| workbook | cells | libigo (s) | XlsxWriter (s) | openpyxl (s) | XlsxWriter / libigo "
          "| openpyxl / libigo |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, region in cases:
            ours = pathlib.Path(tmp) / "libigo.xlsx"
            t_igo = best_of(args.repeat, lambda: region.to_excel(ours))
            sheets = read_cells(ours)
            cells = sum(len(s["cells"]) for s in sheets)
            t_xw = best_of(args.repeat, lambda: with_xlsxwriter(sheets, f"{tmp}/xw.xlsx"))
            t_op = best_of(args.repeat, lambda: with_openpyxl(sheets, f"{tmp}/op.xlsx"))
            print(f"| {label} | {cells:,} | {t_igo:.3f} | {t_xw:.3f} | {t_op:.3f} | "
                  f"{t_xw / t_igo:.1f}x | {t_op / t_igo:.1f}x |")


if __name__ == "__main__":
    main()
