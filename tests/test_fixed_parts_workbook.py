"""Fixed parts in the model workbook: their inputs on Invoertabblad - verdeling and Berekening's
blocks that charge them as the core does (each provider in turn, pro rata to what is left of its
discipline's money, in cents). After LibreOffice's and Gnumeric's forced recalculation every
formula equals the core's figure (the example with a part for every provider, the edge case of
a prestatie with next to nothing, random regions with conditions); an edit recalculates to the
core's figures for the region read back; the workbook reads back into the same parts; the
reader names a wrong cell; an older workbook without the table reads as without parts."""

from __future__ import annotations

import functools
import random

import openpyxl
import pytest
from strategies import distributable
from test_fixed_parts import with_fixed

import libigo
import libreoffice


def sheet_totals(path, providers: int) -> list[int]:
    """Each provider's total on Uitkomsten verdeling's provider table (cents)."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book["Uitkomsten verdeling"]
    head = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Id")
    return [round(sheet.cell(head + 1 + o, 4).value * 100) for o in range(providers)]


def edge_region() -> libigo.Region:
    """A discipline with EUR 1,000,000.00 in one prestatie and 0.02 in the other, three
    providers with a fixed part of 78 % of its money between them (the C test's edge case)."""
    return libigo.Region(
        prestaties=[{"code": "A", "label": "A"}, {"code": "B", "label": "B"}],
        disciplines=["x"],
        providers=[{"id": f"x{i}", "name": f"X{i}", "discipline": "x"} for i in range(3)],
        production={"A": {"count": 1, "tariff": 1_000_000}, "B": {"count": 1, "tariff": 0.02}},
        verdeelsleutel={"A": {"x": 100}, "B": {"x": 100}},
        volumes={"A": {"x0": 0.1, "x1": 1, "x2": 1}, "B": {"x0": 0.7, "x1": 1, "x2": 1}},
        fixed_parts={f"x{i}": {"amount": 260_000, "min_volume": 0.8 if i == 0 else 0,
                               "reduction": 50} for i in range(3)})


@functools.lru_cache(maxsize=1)
def regions() -> tuple[libigo.Region, ...]:
    """The example with a part for every provider (some reduced), the edge case, and 8 random
    regions with parts of 5-40 % of the plain income, some conditioned and reduced."""
    out = [with_fixed(libigo.example_region(), 0.3, min_volume=400, reduction=25), edge_region()]
    seed = 0
    while len(out) < 10:
        region = distributable(seed)
        rng = random.Random(seed)
        seed += 1
        amounts = region.distribute().per_provider["amount"]
        region.fixed_parts = {o: {"amount": round(float(a) * rng.uniform(0.05, 0.4), 2),
                                  "min_volume": rng.choice([0, 50, 500]),
                                  "reduction": rng.choice([0, 25, 100])}
                              for o, a in amounts.items() if a > 0 and rng.random() < 0.7}
        try:
            region.distribute()
        except libigo.IgoError:
            continue
        out.append(region.checked())
    return tuple(out)


def test_recalculates_to_the_core(recalculate, tmp_path):
    cases = regions()
    paths = [r.to_excel(tmp_path / f"regio{i}.xlsx") for i, r in enumerate(cases)]
    for region, ours, theirs in zip(cases, paths, recalculate(paths, tmp_path / "out")):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert count > 1000 and bad == [], region.name
        totals = region.distribute().cents["provider_totals"]
        assert sheet_totals(theirs, len(region.providers)) == list(totals)


@pytest.mark.parametrize("index", range(10))
def test_round_trip(index, tmp_path):
    region = regions()[index]
    back = libigo.Region.from_excel(region.to_excel(tmp_path / "regio.xlsx"))
    assert back.fixed_parts == region.fixed_parts
    assert back.distribute().cents == region.distribute().cents


def test_an_edit_recalculates_to_the_core(example, recalculate, tmp_path):
    """A user gives vp-noord a fixed part of EUR 50,000 (below a minimum of 10,000 women, 40 %
    off) and kz-delta one of EUR 400,000, beside the example's own two: the sheet recalculates
    to the core's figures for the region read back."""
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    for row, values in [(3, [50_000, 10_000, 0.4]), (12, [400_000, None, None])]:
        for c, v in enumerate(values):
            libreoffice.block_cell(book, "Vaste_delen", row, 2 + c).value = v
    book.save(path)
    edited = libigo.Region.from_excel(path)
    assert edited.fixed_parts == {**example.fixed_parts,
                                  "vp-noord": {"amount": 50_000, "min_volume": 10_000,
                                               "reduction": 40},
                                  "kz-delta": {"amount": 400_000, "min_volume": 0,
                                               "reduction": 0}}
    (out,) = recalculate([path], tmp_path / "out")
    totals = edited.distribute().cents["provider_totals"]
    assert sheet_totals(out, 15) == list(totals)
    assert list(totals) != list(example.distribute().cents["provider_totals"])


@pytest.mark.parametrize("edit, message", [
    ({(20, 2): 1000}, r"!C\d+: a fixed part on a row without a provider"),
    ({(3, 4): 0.25}, r"!C\d+: provider 'vp-noord': the fixed part's amount is missing"),
    ({(3, 2): 1000, (3, 4): 1.5}, r"!E\d+: provider 'vp-noord': reduction 150 % is outside"),
    ({(3, 2): "veel"}, r"!C\d+: 'veel' is not a number"),
])
def test_the_reader_names_the_cell(example, tmp_path, edit, message):
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    for (row, col), value in edit.items():
        libreoffice.block_cell(book, "Vaste_delen", row, col).value = value
    book.save(path)
    with pytest.raises(libigo.IgoError, match="'Invoertabblad - verdeling'" + message):
        libigo.Region.from_excel(path)


def test_an_older_workbook_has_no_fixed_parts(tmp_path):
    region = with_fixed(libigo.example_region(), 0.1)
    path = region.to_excel(tmp_path / "oud.xlsx")
    book = openpyxl.load_workbook(path)
    del book.defined_names["Vaste_delen"]
    book.save(path)
    assert libigo.Region.from_excel(path).fixed_parts == {}
