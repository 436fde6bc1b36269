"""Benchmark: one sheet of 1,000,000 cells (100,000 rows x 10 columns: floats, whole numbers,
texts repeated through the shared-string table, columns mixing numbers and texts) read into a
DataFrame with libigo.read_excel, against python-calamine (directly, and through
pandas.read_excel(engine="calamine")) and openpyxl in read-only mode.

Each reader runs once, in a fresh process, so that its peak memory (ru_maxrss) is its own; the
figure after the imports is given too, and the DataFrame's own size. The results are checked
equal cell by cell (each as float, str or None) before any time is printed. The workbook is
written once with XlsxWriter and kept in the temporary directory.
Run: make bench   (or: python bench/bench_read_excel.py [--rows N])
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import pickle
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time

COLUMNS = ["amount", "tariff", "share", "count", "code", "provider", "claim", "mixed_a",
           "mixed_b", "weight"]


def write_sheet(path: pathlib.Path, rows: int) -> None:
    """100,000 x 10 with a header row: 4 float columns, a whole-number one, 3 text columns (50,
    1,000 and 20,000 distinct values) and 2 mixing numbers with texts."""
    import xlsxwriter
    rng = random.Random(2026)
    codes = [f"P{n:03d}" for n in range(50)]
    providers = [f"Verloskundige praktijk {n}" for n in range(1000)]
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Declaraties")
    sheet.write_row(0, 0, COLUMNS)
    for r in range(1, rows + 1):
        sheet.write_number(r, 0, round(rng.uniform(0, 5000), 2))
        sheet.write_number(r, 1, rng.uniform(0, 1000))
        sheet.write_number(r, 2, rng.random())
        sheet.write_number(r, 3, rng.randrange(100))
        sheet.write_string(r, 4, rng.choice(codes))
        sheet.write_string(r, 5, rng.choice(providers))
        sheet.write_string(r, 6, f"D{rng.randrange(20000):06d}")
        if r % 3:
            sheet.write_number(r, 7, rng.uniform(-10, 10))
        else:
            sheet.write_string(r, 7, rng.choice(("onbekend", "nvt", "later")))
        if r % 10:
            sheet.write_string(r, 8, rng.choice(codes))
        else:
            sheet.write_number(r, 8, r)
        sheet.write_number(r, 9, rng.gauss(3.3, 0.5))
    book.close()


# ---- the readers, each run in a child process ----

def read_libigo(path: str):
    import libigo
    return libigo.read_excel(path)


def read_calamine(path: str):
    from python_calamine import CalamineWorkbook
    return CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()


def read_pandas_calamine(path: str):
    import pandas as pd
    return pd.read_excel(path, engine="calamine")


def read_openpyxl(path: str):
    import openpyxl
    import pandas as pd
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows)
    frame = pd.DataFrame(list(rows), columns=header)
    book.close()
    return frame


READERS = {"libigo": read_libigo, "python-calamine": read_calamine,
           "pandas + calamine": read_pandas_calamine, "openpyxl read-only": read_openpyxl}
IMPORTS = {"libigo": "libigo", "python-calamine": "python_calamine",
           "pandas + calamine": "pandas python_calamine", "openpyxl read-only": "pandas openpyxl"}


def cell(value):
    """A cell in a form every reader's result can be compared in."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return value
    return float(value)


def canonical(result) -> list[list]:
    """Columns of cells, the header first."""
    if isinstance(result, list):  # calamine: rows of cells, the header first
        return [[cell(row[j]) for row in result] for j in range(len(result[0]))]
    return [[cell(name)] + [cell(v) for v in result[name].tolist()] for name in result.columns]


def high_water() -> int:
    """This process's peak resident memory in bytes (VmHWM: unlike ru_maxrss, it starts afresh
    at exec, so the parent's peak does not count)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(name: str, path: str, out: str) -> None:
    for module in IMPORTS[name].split():
        __import__(module)
    before = high_water()
    start = time.perf_counter()
    result = READERS[name](path)
    seconds = time.perf_counter() - start
    peak = high_water()
    size = (int(result.memory_usage(deep=True).sum()) if hasattr(result, "memory_usage")
            else None)
    with open(out, "wb") as f:
        pickle.dump({"seconds": seconds, "rss_imports": before, "rss_peak": peak,
                     "frame": size, "cells": canonical(result)}, f)


def run(name: str, path: pathlib.Path, scratch: pathlib.Path) -> dict:
    out = scratch / f"{name.replace(' ', '_')}.pickle"
    subprocess.run([sys.executable, __file__, "--child", name, str(path), str(out)], check=True)
    with open(out, "rb") as f:
        return pickle.load(f)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    scratch = pathlib.Path(tempfile.gettempdir()) / "libigo-bench-read-excel"
    scratch.mkdir(exist_ok=True)
    path = scratch / f"sheet-{args.rows}x10.xlsx"
    if not path.exists():
        print(f"writing {path} ...", flush=True)
        write_sheet(path, args.rows)
    cells = args.rows * len(COLUMNS)
    print(f"{cells:,} cells ({args.rows:,} rows x {len(COLUMNS)} columns, plus a header), "
          f"{path.stat().st_size / 2**20:.1f} MiB; Python {platform.python_version()}")
    results = {name: run(name, path, scratch) for name in READERS}
    reference = results["libigo"]["cells"]
    for name, result in results.items():
        if result["cells"] != reference:
            sys.exit(f"{name}: the cells differ from libigo's")
    print("all results equal, cell by cell\n")
    base = results["libigo"]["seconds"]
    print(f"| reader | seconds | / libigo | peak RSS (MiB) | after imports (MiB) | growth (MiB)"
          f" | DataFrame (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        mib = lambda b: f"{b / 2**20:.0f}" if b is not None else "-"  # noqa: E731
        print(f"| {name} | {r['seconds']:.3f} | {r['seconds'] / base:.1f}x | {mib(r['rss_peak'])}"
              f" | {mib(r['rss_imports'])} | {mib(r['rss_peak'] - r['rss_imports'])}"
              f" | {mib(r['frame'])} |")
    json.dump({n: {k: v for k, v in r.items() if k != "cells"} for n, r in results.items()},
              open(scratch / "results.json", "w"), indent=1)


if __name__ == "__main__":
    main()
