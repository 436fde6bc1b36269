"""LibreOffice (and Gnumeric) as the reference spreadsheet engines: evaluates formulas headless, in a throw-away
user profile so that no setting of the machine's own profile plays a part."""

from __future__ import annotations

import csv
import pathlib
import shutil
import subprocess
import tempfile

# CSV filter options: tab separated, UTF-8, from line 1; on export also the full precision of
# every value (not "as shown") and one file per sheet.
CSV_IN = "CSV:9,34,76,1"
CSV_OUT = "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false,-1"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def round_cents(values: list[float]) -> list[int]:
    """LibreOffice's =ROUND(x;2), in cents, for each value: a sheet of formulas it evaluates."""
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        src = work / "round.csv"
        src.write_text("".join(f"{x!r}\t=ROUND(A{i + 1},2)*100\n" for i, x in enumerate(values)))
        subprocess.run([soffice() or "soffice", f"-env:UserInstallation=file://{work}/profile",
                        "--headless", f"--infilter={CSV_IN}", "--convert-to", CSV_OUT,
                        "--outdir", str(work / "out"), str(src)],
                       check=True, capture_output=True, timeout=300)
        (result,) = (work / "out").iterdir()
        rows = list(csv.reader(open(result), delimiter="\t"))
    if len(rows) != len(values):
        raise RuntimeError(f"LibreOffice returned {len(rows)} rows for {len(values)} values")
    return [round(float(r[1])) for r in rows]


# Recalculate every formula when an OOXML (or ODF) file is loaded. LibreOffice's default is to
# trust the cached values of a file that says Excel wrote it (libxlsxwriter's do), which would let
# any workbook pass; a throw-away profile with this setting makes it compute everything itself.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(paths: list[pathlib.Path], outdir: pathlib.Path,
                force: bool = True) -> list[pathlib.Path]:
    """Opens each workbook in LibreOffice (headless, in one run) and saves it as .xlsx into outdir,
    with every formula recalculated when force is set (the default)."""
    profile = outdir / ("profile-recalc" if force else "profile-default")
    (profile / "user").mkdir(parents=True, exist_ok=True)
    if force:
        (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS)
    out = subprocess.run([soffice() or "soffice", f"-env:UserInstallation=file://{profile}",
                          "--headless", "--convert-to", "xlsx", "--outdir", str(outdir),
                          *map(str, paths)], capture_output=True, text=True, timeout=900)
    results = [outdir / p.name for p in paths]
    missing = [p for p in results if not p.exists()]
    if out.returncode != 0 or missing:
        raise RuntimeError(f"LibreOffice could not convert {missing}: {out.stderr[-2000:]}")
    return results


def formula_mismatches(ours: pathlib.Path, theirs: pathlib.Path) -> tuple[int, list]:
    """Compares every formula cell's cached value in ours with the value in theirs (the same
    workbook after LibreOffice computed it): numbers to 1e-9 relative (stricter than a cent),
    texts exactly. Returns the number of formula cells and the mismatches. (The workbooks are
    read in openpyxl's streaming mode, twice as fast on a workbook of 12,000 formulas.)"""
    import openpyxl
    formulas = openpyxl.load_workbook(ours, read_only=True, data_only=False)
    cached = openpyxl.load_workbook(ours, read_only=True, data_only=True)
    computed = openpyxl.load_workbook(theirs, read_only=True, data_only=True)
    count, bad = 0, []
    for ws in formulas.worksheets:
        a_values, b_values = _values(cached[ws.title]), _values(computed[ws.title])
        for row in ws.iter_rows():
            for cell in row:
                formula = formula_text(cell.value)
                if formula is None:
                    continue
                count += 1
                a = a_values.get(cell.coordinate)
                b = b_values.get(cell.coordinate)
                if not same_value(a, b):
                    bad.append((ws.title, cell.coordinate, a, b, formula))
    for book in (formulas, cached, computed):
        book.close()
    return count, bad


def _values(sheet) -> dict:
    """A read-only sheet's values by coordinate (empty cells left out)."""
    return {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row
            if cell.value is not None}


def formula_text(value) -> str | None:
    """A cell's formula (plain or array), or None for a value."""
    from openpyxl.worksheet.formula import ArrayFormula
    if isinstance(value, ArrayFormula):
        return value.text
    return value if isinstance(value, str) and value.startswith("=") else None


def gnumeric_recalculate(paths: list[pathlib.Path], outdir: pathlib.Path) -> list[pathlib.Path]:
    """Gnumeric's ssconvert --recalc: loads each workbook, recalculates every formula and saves it
    as .xlsx into outdir."""
    ssconvert = shutil.which("ssconvert")
    if not ssconvert:
        raise RuntimeError("Gnumeric (ssconvert) is not installed; `make test` installs it")
    outdir.mkdir(parents=True, exist_ok=True)
    results = []
    for path in paths:
        out = outdir / path.name
        subprocess.run([ssconvert, "--recalc", "--export-type=Gnumeric_Excel:xlsx2", str(path),
                        str(out)], check=True, capture_output=True, timeout=300)
        results.append(out)
    return results


def same_value(a, b) -> bool:
    if a in ("", None) and b in ("", None):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b


def to_pdf(path: pathlib.Path, outdir: pathlib.Path) -> pathlib.Path:
    """Prints every sheet of a workbook to PDF with LibreOffice, as its page set-up says."""
    profile = outdir / "profile-pdf"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    out = subprocess.run([soffice() or "soffice", f"-env:UserInstallation=file://{profile}",
                          "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
                         capture_output=True, text=True, timeout=300)
    pdf = outdir / (path.stem + ".pdf")
    if out.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"LibreOffice could not print {path}: {out.stderr[-2000:]}")
    return pdf


def block_cell(book, name: str, row: int, col: int):
    """A cell of a defined name's block in an openpyxl book, 0-based within the block."""
    (sheet, ref), = list(book.defined_names[name].destinations)
    import openpyxl
    col0, row0 = openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0].replace("$", ""))
    return book[sheet].cell(row0 + row, openpyxl.utils.cell.column_index_from_string(col0) + col)


# The engines the workbooks are recalculated in: name -> recalculate(paths, outdir).
ENGINES = {"libreoffice": recalculate, "gnumeric": gnumeric_recalculate}

