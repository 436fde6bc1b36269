"""Quality bonuses in the model workbook: the Kwaliteitsbonussen sheet, every step a live formula.
After LibreOffice's and Gnumeric's forced recalculation every formula equals the value the core
cached and each provider's bonus is the core's cents (the hand region in Dutch and English, the
example, random regions); an edit in the sheet recalculates to the core's figures for the region
read back from it; the workbook reads back into the same [bonuses] table; the reader names a
wrong cell; a workbook without the sheet reads as one without bonuses."""

from __future__ import annotations

import random

import openpyxl
import pytest
from strategies import distributable
from test_bonuses import HAND_BONUSES, random_bonuses, with_bonuses

import libigo
import libreoffice


def block(book, name: str):
    """The sheet, first row and first column (1-based) of a defined name's range."""
    (sheet, ref), = list(book.defined_names[name].destinations)
    col, row = openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0].replace("$", ""))
    return book[sheet], row, openpyxl.utils.cell.column_index_from_string(col)


def sheet_bonuses(path, providers: int) -> tuple[list[int], list[float]]:
    """Each provider's bonus (cents) and points, as the recalculated sheet shows them."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheet, top, _ = block(book, "Bonus_waarden")
    head = [sheet.cell(top - 1, c).value for c in range(1, sheet.max_column + 1)]
    bonus = 1 + next(i for i, h in enumerate(head) if h in ("Bonus (EUR)",))
    points = bonus - 2
    return ([round(sheet.cell(top + o, bonus).value * 100) for o in range(providers)],
            [sheet.cell(top + o, points).value for o in range(providers)])


def controle(path) -> object:
    book = openpyxl.load_workbook(path, data_only=True)
    sheet, row, col = block(book, "Controle")
    return sheet.cell(row, col).value


def test_the_hand_region_recalculates_to_the_core(hand_region, recalculate, tmp_path):
    region = with_bonuses(hand_region, HAND_BONUSES)
    d = region.distribute()
    nl = region.to_excel(tmp_path / "hand.xlsx")
    en = region.to_excel(tmp_path / "hand_en.xlsx", lang="en")
    for ours, theirs in zip([nl, en], recalculate([nl, en], tmp_path / "out")):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert count > 2000 and bad == []
        assert controle(theirs) == 0
        bonus, points = sheet_bonuses(theirs, 3)
        assert bonus == [401, 200, 400] == list(d.cents["bonuses"]) and points == [2, 1, 2]


def test_the_example_and_random_regions_recalculate(example, recalculate, tmp_path):
    """The example (three indicators, 14 of 15 providers with values) and 12 random regions
    with random pools, indicators and values: every formula equals the core's figure."""
    regions = [example]
    seed = 0
    while len(regions) < 13:
        region = distributable(seed)
        region.bonuses = random_bonuses(region, random.Random(seed))
        seed += 1
        try:
            region.distribute()
        except libigo.IgoError:  # (a pool above a zero budget)
            continue
        regions.append(region.checked())
    paths = [r.to_excel(tmp_path / f"regio{i}.xlsx") for i, r in enumerate(regions)]
    paid = 0
    for region, ours, theirs in zip(regions, paths, recalculate(paths, tmp_path / "out")):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert bad == [], region.bonuses
        d = region.distribute()
        assert sheet_bonuses(theirs, len(region.providers))[0] == list(d.cents["bonuses"])
        paid += d.cents["bonuses_paid"] > 0
    assert paid >= 6  # most pay out, some pay nothing


@pytest.mark.parametrize("seed", range(12))
def test_round_trip(seed, tmp_path):
    region = distributable(seed)
    region.bonuses = random_bonuses(region, random.Random(seed))
    region = region.checked()
    back = libigo.Region.from_excel(region.to_excel(tmp_path / "regio.xlsx"))
    assert back.bonuses == region.bonuses
    # (the rest as the workbook keeps it: an outside activity's targets in catalogue order)
    assert back.distribute().cents == region.distribute().cents


def test_an_edit_recalculates_to_the_core(example, recalculate, tmp_path):
    """A user raises the pool to 55 %, enters vp-ooievaar's better sectio rate, and adds a
    fourth indicator in a spare row with a value for vp-lindehof (the one provider without
    values): the sheet recalculates to what the core computes for the region read back."""
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    pot, prow, pcol = block(book, "Bonus_pot")
    pot.cell(prow, pcol + 2).value = 0.55
    ind, irow, icol = block(book, "Bonus_indicatoren")
    for c, v in enumerate(["nazorg", "Huisbezoek binnen 24 uur (%)", 90, "hoger", 1.5]):
        ind.cell(irow + 3, icol + c).value = v
    values, vrow, vcol = block(book, "Bonus_waarden")
    values.cell(vrow + 4, vcol + 3).value = 12.5   # vp-ooievaar, sectio
    values.cell(vrow + 11, vcol + 5).value = 93    # vp-lindehof, nazorg
    book.save(path)
    edited = libigo.Region.from_excel(path)
    assert edited.bonuses["pool_percent"] == 55 and len(edited.bonuses["indicators"]) == 4
    assert edited.bonuses["values"]["nazorg"] == {"vp-lindehof": 93}
    d = edited.distribute()
    (out,) = recalculate([path], tmp_path / "out")
    assert controle(out) == 0
    bonus, points = sheet_bonuses(out, 15)
    assert bonus == list(d.cents["bonuses"]) and points == list(d.cents["bonus_points"])
    assert bonus != list(example.distribute().cents["bonuses"])
    assert points[4] == 2 and points[11] == 1.5  # vp-ooievaar's sectio, vp-lindehof's nazorg


def edited(example, tmp_path, edit) -> object:
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


@pytest.mark.parametrize("change, message", [
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_waarden", 2, 6), "value", 9),
     r"'Kwaliteitsbonussen'!G\d+: a value in a column without an indicator"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_waarden", 20, 2), "value", 9),
     r"'Kwaliteitsbonussen'!C\d+: a value on a row without a provider"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_waarden", 3, 3), "value", "13 %"),
     r"'Kwaliteitsbonussen'!D\d+: '13 %' is not a number"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_indicatoren", 1, 0), "value", None),
     r"'Kwaliteitsbonussen'!A\d+: an indicator without an id"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_indicatoren", 1, 4), "value", None),
     r"'Kwaliteitsbonussen'!E\d+: indicator 'sectio': the points are missing"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_indicatoren", 1, 3), "value", "beter"),
     r"'Kwaliteitsbonussen'!D\d+: 'beter' is not one of hoger, lager"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_pot", 0, 1), "value", 5000),
     r"'Kwaliteitsbonussen'!C\d+: the pool is given as percentage, but this cell holds a value"),
    (lambda b: setattr(libreoffice.block_cell(b, "Bonus_indicatoren", 0, 2), "value", 1e13),
     r"'Kwaliteitsbonussen'!C\d+: indicator 'clientervaring': target"),
])
def test_the_reader_names_the_cell(example, tmp_path, change, message):
    path = edited(example, tmp_path, change)
    with pytest.raises(libigo.IgoError, match=message):
        libigo.Region.from_excel(path)


def test_a_workbook_without_the_sheet_has_no_bonuses(example, tmp_path):
    """An older workbook (no Kwaliteitsbonussen, no names for it) reads as without bonuses."""
    def drop(book):
        for name in ("Bonus_pot", "Bonus_indicatoren", "Bonus_waarden"):
            del book.defined_names[name]
    back = libigo.Region.from_excel(edited(example, tmp_path, drop))
    assert back.bonuses is None
    expected = example.checked()
    expected.bonuses = None
    assert back == expected


def test_a_workbook_with_only_some_of_the_names_is_refused(example, tmp_path):
    def drop(book):
        del book.defined_names["Bonus_waarden"]
    with pytest.raises(libigo.IgoError, match="the quality bonuses' defined name Bonus_waarden "
                                              "is missing"):
        libigo.Region.from_excel(edited(example, tmp_path, drop))


def test_an_id_of_blanks_is_shown_and_refused(example, soffice, tmp_path):
    """An indicator row whose id is only blanks: the sheet names it (no id), and the reader
    refuses it, as it would any row without an id."""
    def blank_id(book):
        libreoffice.block_cell(book, "Bonus_indicatoren", 1, 0).value = "  "
    path = edited(example, tmp_path, blank_id)
    (out,) = libreoffice.recalculate([path], tmp_path / "out")
    book = openpyxl.load_workbook(out, data_only=True)
    assert controle(out) >= 1
    sheet, top, left = block(book, "Bonus_indicatoren")
    checks = [sheet.cell(top + 1, c).value for c in range(left, left + 8)]
    assert any(isinstance(v, str) and "de id ontbreekt" in v for v in checks), checks
    with pytest.raises(libigo.IgoError, match="an indicator without an id"):
        libigo.Region.from_excel(path)
