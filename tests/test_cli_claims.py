"""igo declaraties: synthetic claims written, then read into the tables, a region file and CSV
tables (all or none); a refused file gives exit status 1 and one line naming file and line."""

from __future__ import annotations

import pandas as pd

import libigo
from libigo.cli import main


def test_generate_then_aggregate(tmp_path, capsys):
    claims_file = tmp_path / "declaraties.csv"
    assert main(["declaraties", "--genereer", str(claims_file), "--geboorten", "400",
                 "--seed", "3", "--fout", "5"]) == 0
    assert "regels" in capsys.readouterr().out
    region_file, tables = tmp_path / "regio.toml", tmp_path / "tabellen"
    assert main(["declaraties", str(claims_file), "--van", "2024-01-01", "--tot", "2025-01-01",
                 "--toml", str(region_file), "--csv", str(tables)]) == 0
    out = capsys.readouterr().out
    assert "Productie per IG-prestatie" in out and "Aansluiting" in out
    assert "datum buiten de periode" in out
    region = libigo.Region.from_file(region_file)
    result = libigo.claims.aggregate(claims_file, van="2024-01-01", tot="2025-01-01")
    assert {p.id for p in region.providers} == set(result.providers["id"])
    assert {code: count for code, (count, _) in region.production.items()} == \
        {p: float(v) for p, v in result.production.items() if v}
    key = pd.read_csv(tables / "sleutel.csv", index_col=0)
    pd.testing.assert_frame_equal(key, result.keys, check_names=False, check_exact=False,
                                  rtol=1e-12)
    assert sorted(p.name for p in tables.iterdir()) == sorted(
        f"{n}.csv" for n in ("productie", "sleutel", "geld", "historie", "volumes",
                            "zorgaanbieders", "inkomsten", "aansluiting", "apart"))


def test_refusals(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;\"12,50\n")
    tables = tmp_path / "uit"
    assert main(["declaraties", str(bad), "--csv", str(tables)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv line 2: a quoted field is never closed" in err
    assert not tables.exists()  # nothing written
    assert main(["declaraties"]) == 1
    assert "geef een of meer declaratiebestanden" in capsys.readouterr().err
    assert main(["declaraties", "--genereer", str(tmp_path / "x.csv")]) == 1
    assert "--geboorten" in capsys.readouterr().err
    hidden = tmp_path / "heel.csv"
    hidden.write_text("traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;1.234\n")
    assert main(["declaraties", str(hidden)]) == 1
    assert "give the decimal sign" in capsys.readouterr().err
    assert main(["declaraties", str(hidden), "--decimaal", ","]) == 0
    assert "1.234,00" in capsys.readouterr().out
    # an input is never overwritten by an output
    good = tmp_path / "good.csv"
    good.write_text("traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;12,50\n")
    assert main(["declaraties", str(good), "--toml", str(good)]) == 1
    assert "good.csv" in capsys.readouterr().err
    assert good.read_text().startswith("traject;")
