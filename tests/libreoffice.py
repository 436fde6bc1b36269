"""LibreOffice as the reference spreadsheet engine: evaluates formulas headless, in a throw-away
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
