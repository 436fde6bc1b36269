"""IGO costs given per prestatie instead of pro rata to income (both backends): the figures, the
refusals, region files, and the model workbook (recalculated by LibreOffice and Gnumeric to the
core's cents, read back, and its checks)."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

import libigo
import libreoffice

ENGINES = libreoffice.ENGINES


def with_costs(region: libigo.Region) -> libigo.Region:
    """The region with its IGO costs charged twice as heavily to the natal prestaties as pro rata
    would, the rest to the others, adding up to the cent."""
    d = region.distribute()
    table = d.per_prestatie
    natal = {c for c in table.index if c in ("IG4", "IG5", "IG6")}
    weight = {c: float(table.loc[c, "income"]) * (2 if c in natal else 1) for c in table.index}
    total, cents = int(d.cents["costs_total"]), {}
    for c in table.index:
        cents[c] = round(total * weight[c] / sum(weight.values()))
    cents[table.index[-1]] += total - sum(cents.values())
    out = region.checked()
    out.costs_per_prestatie = {c: v / 100 for c, v in cents.items()}
    return out


def test_the_costs_land_where_given(example):
    region = with_costs(example)
    d = region.distribute()
    for code, eur in region.costs_per_prestatie.items():
        assert d.per_prestatie.loc[code, "costs"] == Decimal(str(eur)).quantize(Decimal("0.01"))
    assert d.balanced and d.costs_total == example.distribute().costs_total
    assert d.per_prestatie.loc["IG5", "costs"] > example.distribute().per_prestatie.loc[
        "IG5", "costs"]
    assert libigo.Region.from_dict(region.to_dict()) == region  # and back from a file's dict


def test_refusals(example):
    region = with_costs(example)
    region.costs_per_prestatie["IG1"] += 0.01
    with pytest.raises(libigo.IgoError, match="sum to EUR .*, the cost components to EUR"):
        region.distribute()
    region = example.checked()
    region.costs_per_prestatie = {"IG1": 10_000_000.0}
    with pytest.raises(libigo.IgoError, match="prestatie IG1: IGO costs of EUR 10000000.00 "
                                              "exceed its income"):
        region.distribute()
    with pytest.raises(libigo.IgoError, match="costs_per_prestatie.IG1: -1 is negative"):
        libigo.Region.from_dict(dict(example.to_dict(), costs_per_prestatie={"IG1": -1}))
    region.costs_per_prestatie = {"IG99": 1.0}
    with pytest.raises(libigo.IgoError, match="IG99"):
        region.distribute()


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_workbook_recalculates_and_reads_back(example, engine, soffice, tmp_path):
    region = with_costs(example)
    path = region.to_excel(tmp_path / "kosten.xlsx")
    (done,) = ENGINES[engine]([path], tmp_path / engine)
    count, bad = libreoffice.formula_mismatches(path, done)
    assert count > 1500 and bad == []
    assert libigo.Region.from_excel(path) == region
    # Changed in the sheet: two amounts swapped between prestaties, still adding up.
    book = openpyxl.load_workbook(path)
    sheet = book["Invoertabblad - geleverde zorg"]
    (_, ref), = list(book.defined_names["Kosten_per_prestatie"].destinations)
    top = int(ref.split(":")[0].split("$")[2])
    a, b = sheet.cell(top, 7).value, sheet.cell(top + 1, 7).value
    sheet.cell(top, 7).value, sheet.cell(top + 1, 7).value = b, a
    book.save(path)
    (done,) = ENGINES[engine]([path], tmp_path / f"{engine}-edited")
    read = libigo.Region.from_excel(done)
    assert read.costs_per_prestatie["IG1"] == b
    calc = openpyxl.load_workbook(done, data_only=True)["Berekening"]
    first = next(r for r in range(1, 40) if calc.cell(r, 1).value == "IG1")
    assert [round(calc.cell(first + i, 4).value * 100) for i in range(9)] == list(
        read.distribute().cents["prestatie_costs"])


def test_an_older_workbook_without_the_column_reads_pro_rata(example, tmp_path):
    path = example.to_excel(tmp_path / "oud.xlsx")
    book = openpyxl.load_workbook(path)
    del book.defined_names["Kosten_per_prestatie"]
    book.save(path)
    read = libigo.Region.from_excel(path)
    assert read.costs_per_prestatie == {} and read == example
