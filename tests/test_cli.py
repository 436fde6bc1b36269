"""The igo command: readable tables, CSV output, and a clear message with exit status 1 on bad
input."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import sys
from decimal import Decimal

import pandas as pd
import pytest

import libigo

# The igo script installed next to this interpreter (the venv's bin), else the one on PATH.
_BESIDE = pathlib.Path(sys.executable).parent / "igo"
IGO = str(_BESIDE) if _BESIDE.exists() else shutil.which("igo")


def run(*args: str) -> subprocess.CompletedProcess:
    assert IGO, "the igo command is installed with the package"
    return subprocess.run([IGO, *args], capture_output=True, text=True, timeout=120)


def test_voorbeeld_prints_the_distribution():
    out = run("voorbeeld")
    assert out.returncode == 0, out.stderr
    r = libigo.example_region().distribute()
    for text in ("IGO De Delta (fictief)", "Verdeling per zorgaanbieder", "Kraamzorg De Delta",
                 libigo.format_nl(r.income), "= Verschil", "Sluitend tot op de cent."):
        assert text in out.stdout


def test_verdeel_a_file_and_write_csv(example, tmp_path: pathlib.Path):
    region = tmp_path / "regio.json"
    example.to_json(region)
    out = run("verdeel", str(region), "--csv", str(tmp_path / "tabellen"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\nCSV-tabellen")[0] == run("voorbeeld").stdout
    providers = pd.read_csv(tmp_path / "tabellen" / "per_provider.csv", index_col=0,
                            dtype={"amount": str})
    r = example.distribute()
    assert [Decimal(a) for a in providers["amount"]] == list(r.per_provider["amount"])
    written = sorted(p.name for p in (tmp_path / "tabellen").iterdir())
    assert written == sorted(["per_prestatie.csv", "per_discipline.csv", "per_provider.csv",
                              "provider_prestatie.csv", "outside.csv", "verdeelsleutel.csv",
                              "reconciliation.csv", "bonuses.csv"])


@pytest.mark.parametrize("change, message", [
    (lambda d: d["production"]["IG3"].update(count=-5), "prestatie IG3: count -5 is negative"),
    (lambda d: d["volumes"]["IG9"].clear(), "prestatie IG9: EUR"),
    (lambda d: d.update(costs={"overig": {"percent": 150}}), "150 % is outside 0-100 %"),
    (lambda d: d["providers"].append(dict(d["providers"][0])), "duplicate provider 'zh-rivierstad'"),
])
def test_bad_input_gives_a_message_and_exit_1(example, tmp_path: pathlib.Path, change, message):
    data = example.to_dict()
    change(data)
    region = tmp_path / "regio.json"
    region.write_text(json.dumps(data))
    before = region.read_bytes()
    out = run("verdeel", str(region), "--csv", str(tmp_path / "uit"))
    assert out.returncode == 1
    assert out.stderr.startswith(f"igo: fout: {region}: ") and message in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "uit").exists()  # nothing written for a refused region
    assert region.read_bytes() == before


def test_unreadable_inputs_and_usage(tmp_path: pathlib.Path):
    missing = run("verdeel", str(tmp_path / "nergens.toml"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
    assert run("verdeel").returncode == 2
    assert run("onzin").returncode == 2
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    out = run("voorbeeld", "--csv", str(blocked))
    assert out.returncode == 1 and str(blocked) in out.stderr and "Traceback" not in out.stderr


def test_xlsx_output_and_blank_template(example, tmp_path: pathlib.Path):
    out = run("voorbeeld", "--xlsx", str(tmp_path / "voorbeeld.xlsx"))
    assert out.returncode == 0, out.stderr
    assert f"Ingevuld model (Excel) geschreven: {tmp_path / 'voorbeeld.xlsx'}" in out.stdout
    import openpyxl
    book = openpyxl.load_workbook(tmp_path / "voorbeeld.xlsx")
    assert book.sheetnames[2] == "Uitkomsten verdeling"
    blank = run("sjabloon", str(tmp_path / "leeg.xlsx"), "--lang", "en")
    assert blank.returncode == 0, blank.stderr
    assert openpyxl.load_workbook(tmp_path / "leeg.xlsx").sheetnames[0] == "Model explanation"


def test_xlsx_output_never_overwrites_the_input(example, tmp_path: pathlib.Path):
    region = tmp_path / "regio.json"
    example.to_json(region)
    before = region.read_bytes()
    same = run("verdeel", str(region), "--xlsx", str(region))
    assert same.returncode == 1 and "ends in .xlsx" in same.stderr
    link = tmp_path / "uit.xlsx"  # an output name that is the input under another name
    link.symlink_to(region)
    linked = run("verdeel", str(region), "--xlsx", str(link))
    assert linked.returncode == 1 and "would overwrite the input" in linked.stderr
    out = run("verdeel", str(region), "--xlsx", str(tmp_path / "sub" / "x.xlsx"))
    assert out.returncode == 1 and "sub does not exist" in out.stderr
    assert region.read_bytes() == before
