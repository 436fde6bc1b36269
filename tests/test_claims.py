"""libigo.claims: the same claims as CSV (both conventions), as a workbook and as a DataFrame
give the same results; the reconciliation is exact against what the generator wrote; the region
made from the claims derives exactly their key; errors are IgoError naming the file and line."""

from __future__ import annotations

import pathlib
from decimal import Decimal

import pandas as pd
import pytest

import libigo
from libigo import claims

PERIOD = {"van": "2024-01-01", "tot": "2025-01-01"}
TARIFFS = {"IG1": 600.0, "IG2": 900.0, "IG3": 2500.0, "IG4": 800.0, "IG5": 1500.0,
           "IG6": 4000.0, "IG7": 500.0, "IG8": 900.0, "IG9": 60.0}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[pathlib.Path, dict]:
    path = tmp_path_factory.mktemp("claims") / "declaraties.csv"
    written = claims.generate(path, 1500, seed=5, error_percent=8)
    return path, written


def same(a: claims.Claims, b: claims.Claims) -> None:
    pd.testing.assert_series_equal(a.production, b.production)
    pd.testing.assert_frame_equal(a.money, b.money)
    pd.testing.assert_frame_equal(a.volumes, b.volumes)
    pd.testing.assert_frame_equal(a.history, b.history)
    pd.testing.assert_frame_equal(a.providers, b.providers)
    pd.testing.assert_series_equal(a.income, b.income)
    pd.testing.assert_frame_equal(a.reconciliation, b.reconciliation)


def test_reconciliation_matches_the_generator(generated):
    path, written = generated
    result = claims.aggregate(path, **PERIOD)
    rec = result.reconciliation
    assert rec.loc["rows", "read"] == written["rows"]
    assert rec.loc["EUR", "read"] == written["eur"]
    assert rec.loc["rows", "read"] == rec.loc["rows", "classified"] + rec.loc["rows", "set aside"]
    assert rec.loc["EUR", "read"] == rec.loc["EUR", "classified"] + rec.loc["EUR", "set aside"]
    for reason, expected in written["set_aside"].items():
        assert result.set_aside.loc[reason, "rows"] == expected["rows"]
        assert result.set_aside.loc[reason, "EUR"] == expected["eur"]
    bad = result.set_aside.loc["unknown_code"]
    assert bad["examples"] and bad["examples"][0].startswith(f"{path} line ")
    # every cent classified is some prestatie's money or a line's without a prestatie
    total = sum(result.money.to_numpy().ravel(), Decimal(0))
    assert total + rec.loc["EUR", "without prestatie"] == rec.loc["EUR", "classified"]
    assert sum(result.income, Decimal(0)) == rec.loc["EUR", "classified"]
    assert result.keys.sum(axis=1).round(9).eq(100).all()


def test_csv_xlsx_and_dataframe_agree(generated, tmp_path):
    path, _ = generated
    reference = claims.aggregate(path, **PERIOD)
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    same(claims.aggregate(frame, **PERIOD), reference)
    # a workbook as a spreadsheet holds claims: numbers as numbers, texts as texts
    book = tmp_path / "declaraties.xlsx"
    numbers = frame.copy()
    for column in ("bedrag", "aantal"):
        converted = pd.to_numeric(numbers[column].str.replace(".", "", regex=False)
                                  .str.replace(",", ".", regex=False), errors="coerce")
        numbers[column] = converted.where(converted.notna(), numbers[column])
    numbers.to_excel(book, index=False, sheet_name="Declaraties", engine="openpyxl")
    same(claims.aggregate(book, **PERIOD), reference)


def test_english_file_gives_the_same_claims(tmp_path):
    dutch, english = tmp_path / "nl.csv", tmp_path / "en.csv"
    claims.generate(dutch, 800, seed=9, error_percent=4)
    claims.generate(english, 800, seed=9, error_percent=4, english=True)
    a, b = claims.aggregate(dutch, **PERIOD), claims.aggregate(english, **PERIOD)
    pd.testing.assert_series_equal(a.production, b.production)
    pd.testing.assert_frame_equal(a.money, b.money)
    pd.testing.assert_frame_equal(a.reconciliation, b.reconciliation)


def test_region_derives_the_claims_key(generated):
    path, _ = generated
    result = claims.aggregate(path, **PERIOD)
    region = result.to_region(tariffs=TARIFFS, costs={"beheerskosten": {"percent": 2}},
                              names={result.providers["id"][0]: "Eerste praktijk"})
    assert region.providers[0].name == "Eerste praktijk"
    distribution = region.distribute()
    keys = distribution.keys.loc[list(result.prestaties)]
    pd.testing.assert_frame_equal(keys, result.keys.loc[keys.index, keys.columns],
                                  check_exact=False, rtol=1e-12, atol=1e-12)
    assert distribution.balanced
    with pytest.raises(libigo.IgoError, match="no tariff for IG9"):
        result.to_region(tariffs={k: v for k, v in TARIFFS.items() if k != "IG9"})


def test_hand_worked_lines():
    frame = pd.DataFrame({
        "traject": ["T1", "T1", "T1", "T2"],
        "zorgaanbieder": ["vp1", "zh1", "kz1", "vp1"],
        "prestatiecode": ["1101", "159999019", "196201", "1101"],
        "bedrag": [598.35, 865.0, 1436.4, 598.35],
        "aantal": [1, 1, 24, 1],
    })
    result = claims.aggregate(frame)
    # T1's prenatal phase is IG3 (the hospital's code ranks highest); T2's is IG1
    assert result.production["IG3"] == 1 and result.production["IG1"] == 1
    assert result.production["IG9"] == 24
    assert result.money.loc["IG3", "ziekenhuis"] == Decimal("865.00")
    assert result.money.loc["IG3", "verloskunde"] == Decimal("598.35")
    assert result.volumes.loc["IG9", "kz1"] == 24
    assert result.income["vp1"] == Decimal("1196.70")
    assert result.keys.loc["IG1", "verloskunde"] == 100


def test_own_table_and_columns(tmp_path):
    table = pd.DataFrame({"prestatiecode": ["7"], "discipline": ["echo"], "fase": ["prenataal"],
                          "niveau": [1], "ig_prestatie": ["IG1"], "eenheid": ["traject"]})
    csv = tmp_path / "c.csv"
    csv.write_text("zwangerschap;aanbieder;code;bedrag\nA;e1;007;10,00\nB;e1;8;1,00\n")
    result = claims.aggregate(csv, indeling=table, columns={"traject": "zwangerschap",
                                                            "zorgaanbieder": "aanbieder",
                                                            "prestatiecode": "code"})
    assert result.disciplines == ("echo",)
    assert result.money.loc["IG1", "echo"] == Decimal("10.00")
    assert result.set_aside.loc["unknown_code", "rows"] == 1
    assert list(claims.default_indeling().columns)[:6] == list(claims.TABLE_COLUMNS)
    assert len(claims.default_indeling()) == 121


def test_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("traject;zorgaanbieder;prestatiecode;bedrag\nT1;vp1;1101;12,50\n"
                   "T2;vp1;1101;12.50\n")
    with pytest.raises(libigo.IgoError, match=r"bad.csv line 3: '12.50' has a decimal point"):
        claims.aggregate(bad)
    missing = tmp_path / "missing.csv"
    missing.write_text("traject;bedrag\n")
    with pytest.raises(libigo.IgoError, match="missing.csv line 1: no column 'zorgaanbieder'"):
        claims.aggregate(missing)
    with pytest.raises(libigo.IgoError, match="unknown column 'naam'"):
        claims.aggregate(bad, columns={"naam": "x"})
    with pytest.raises(libigo.IgoError, match="expected a file name"):
        claims.aggregate(3)
    with pytest.raises(libigo.IgoError, match="van must be a date"):
        claims.aggregate(bad, van=2024)
    with pytest.raises(libigo.IgoError, match="is not a date"):
        claims.aggregate(bad, van="2024-02-30")
    with pytest.raises(libigo.IgoError, match="births must be a whole number"):
        claims.generate(tmp_path / "x.csv", -1)


def test_both_backends_alike(generated):
    from libigo import _cext, _cffi_backend
    path, _ = generated
    names = {n for n in dir(_cext.Claims) if not n.startswith("_")}
    assert names == {n for n in dir(_cffi_backend.Claims) if not n.startswith("_")}
    results = []
    for backend in (_cext, _cffi_backend):
        core = backend.Claims()
        core.use_default_indeling()
        core.set_period("2024-01-01", "2025-01-01")
        core.read_csv(path)
        core.finish()
        results.append(core.results())
    assert results[0] == results[1]


def test_progress_reaches_a_listener_and_can_stop(tmp_path):
    from libigo import _progress
    big = tmp_path / "groot.csv"
    claims.generate(big, 60000, seed=1)
    seen: list[float] = []
    with _progress.listening(seen.append):
        claims.aggregate(big)
    assert seen and all(0 <= a <= b <= 1 for a, b in zip(seen, seen[1:]))

    def stop(done: float) -> None:
        raise RuntimeError("genoeg")
    with _progress.listening(stop), pytest.raises(RuntimeError, match="genoeg"):
        claims.aggregate(big)
    result = claims.aggregate(big, progress=False)  # and the next call is unaffected
    assert result.reconciliation.loc["rows", "set aside"] == 0


def test_dataframes_as_a_spreadsheet_shows_them():
    frame = pd.DataFrame({"traject": [1.0, 2.0, 3.0], "zorgaanbieder": ["P1", "P1", "P2"],
                          "prestatiecode": [1101.0, float("nan"), 1101.0],
                          "bedrag": [0.1 + 0.2, 12.0, 12.125]})
    result = claims.aggregate(frame)
    # codes 1101.0 are code 1101; 0.30000000000000004 is 0.30; a third decimal is set aside
    assert result.money.loc["IG1", "verloskunde"] == Decimal("0.30")
    assert result.set_aside.loc["unknown_code", "rows"] == 1
    assert result.set_aside.loc["bad_amount", "rows"] == 1


def test_credit_notes_keep_the_key_in_a_region():
    frame = pd.DataFrame({"traject": ["T1", "T1", "T2"], "zorgaanbieder": ["V1"] * 3,
                          "prestatiecode": ["1201", "1101", "1201"],
                          "bedrag": [-40.0, 100.0, 20.0]})
    result = claims.aggregate(frame)
    region = result.to_region(tariffs={"IG1": 100.0})
    assert [(h.code, h.tariff) for h in region.history] == [("1101", 80.0)]
    assert region.distribute().keys.loc["IG1", "verloskunde"] == 100
    negative = frame.assign(bedrag=[-400.0, 100.0, 20.0])
    with pytest.raises(libigo.IgoError, match="money of verloskunde in IG1 is negative"):
        claims.aggregate(negative).to_region(tariffs={"IG1": 100.0})


def test_a_file_that_hides_its_decimal_sign(tmp_path):
    file = tmp_path / "heel.csv"
    file.write_text("traject;zorgaanbieder;prestatiecode;bedrag\nT1;P1;1101;1.234\n")
    with pytest.raises(libigo.IgoError, match="a thousand times more in Dutch"):
        claims.aggregate(file)
    assert claims.aggregate(file, decimal=",").money.loc["IG1", "verloskunde"] == 1234
    assert claims.aggregate(file, decimal=".").set_aside.loc["bad_amount", "rows"] == 1
    with pytest.raises(libigo.IgoError, match="decimal must be"):
        claims.aggregate(file, decimal=";")
