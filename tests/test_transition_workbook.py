"""The transition in the model workbook: the Overgang sheet and its Berekening overgang, every step
a live formula. After LibreOffice's and Gnumeric's forced recalculation every formula equals the
value the core cached (the paid incomes are the core's cents), on the example and on 32 random
transitions in which floors and caps bind; the workbook reads back into the same [overgang]
table; edits in the sheet give the core's figures for the edited inputs; the reader names a
wrong cell; and a transition the workbook cannot hold is refused."""

from __future__ import annotations

import random

import openpyxl
import pytest
from strategies import distributable, engine_sample

import libigo
import libreoffice

YEARS = {2027: 100, 2028: 60, 2029: 20, 2030: 0}


def paid_in_sheet(path, years: int, providers: int) -> dict[int, dict[str, int]]:
    """Column (year position) -> provider -> cents, from Overgang's income per provider and year
    (the recalculated values)."""
    sheet = openpyxl.load_workbook(path, data_only=True)["Overgang"]
    head = next(r for r in range(1, sheet.max_row + 1)
                if sheet.cell(r, 1).value == "Inkomen per zorgaanbieder en jaar") + 1
    return {y: {sheet.cell(head + 1 + o, 1).value: round(sheet.cell(head + 1 + o, 3 + y).value * 100)
                for o in range(providers)} for y in range(years)}


def binding_transitions(count: int) -> list[tuple[libigo.Region, libigo.transition.Transition]]:
    """Random regions with a transition whose floors (or a guarantee) and caps both hold in some
    year: tight limits on a history 50 % off the model either way."""
    found = []
    for seed in range(400):
        region = distributable(seed)
        rng = random.Random(seed)
        amounts = region.distribute().per_provider["amount"]
        if len(amounts) < 3:
            continue
        history = {p: round(float(a) * rng.uniform(0.5, 1.5), 2) for p, a in amounts.items()}
        overgang = {"history": history, "years": {str(y): s for y, s in YEARS.items()},
                    "max_decrease": rng.choice([3, 5, 8]), "max_increase": rng.choice([3, 5, 8])}
        if rng.random() < 0.5:
            p = rng.choice(list(history))
            overgang["guarantee"] = {p: round(history[p] * 0.97, 2)}
        region.overgang = overgang
        try:
            t = region.transition()
        except libigo.IgoError:
            continue
        if {"cap"} <= set(t.table.bound) and {"floor", "guarantee"} & set(t.table.bound):
            found.append((region, t))
        if len(found) == count:
            return found
    raise AssertionError(f"only {len(found)} random transitions with both bounds binding")


def test_example_recalculates_to_the_core(example, recalculate, tmp_path):
    t = example.transition()
    assert {"floor", "cap", "guarantee"} <= set(t.table.bound)  # the example shows each bound
    nl = example.to_excel(tmp_path / "voorbeeld.xlsx")
    en = example.to_excel(tmp_path / "example.xlsx", lang="en")
    out = recalculate([nl, en], tmp_path / "out")
    for ours, theirs in zip([nl, en], out):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert count > 9000 and bad == []
    sheet = paid_in_sheet(out[0], len(t.years), len(example.providers))
    assert sheet == {y: dict(t.cents[year]) for y, year in enumerate(t.years)}
    book = openpyxl.load_workbook(out[0], data_only=True)
    assert book["Overgang"]["B3"].value == 0  # Controle
    calc = book["Berekening overgang"]
    rounds = [calc.cell(r, 10).value for r in range(1, calc.max_row + 1)
              if calc.cell(r, 1).value == "Jaar" and calc.cell(r, 2).value]
    assert rounds == [t.rounds[y] for y in t.years]


def test_random_transitions_recalculate_to_the_core(recalculate, tmp_path):
    cases = [binding_transitions(32)[i] for i in engine_sample(32)]
    paths = [region.to_excel(tmp_path / f"overgang{i}.xlsx") for i, (region, _) in
             enumerate(cases)]
    out = recalculate(paths, tmp_path / "out")
    for (region, t), ours, theirs in zip(cases, paths, out):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert bad == [], (ours.name, bad[:5])
        sheet = paid_in_sheet(theirs, len(t.years), len(region.providers))
        assert sheet == {y: dict(t.cents[year]) for y, year in enumerate(t.years)}


def test_reads_back_into_the_same_table(example, tmp_path):
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    back = libigo.Region.from_excel(path)
    assert back.overgang == example.overgang and back == example
    assert back.transition().cents == example.transition().cents
    # A guarantee given as a percent of history comes back as each provider's amount.
    region = libigo.example_region()
    region.overgang = dict(region.overgang, guarantee=95)
    back = libigo.Region.from_excel(region.to_excel(tmp_path / "pct.xlsx"))
    assert back.transition().cents == region.transition().cents
    assert back.overgang["guarantee"]["vp-noord"] == round(466600 * 0.95, 2)


def test_an_edited_sheet_gives_the_core_figures_for_its_inputs(example, recalculate, tmp_path):
    """Tighter limits, a year added in a spare row, another history: the recalculated sheet
    equals the core's transition of the region read back from it."""
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    libreoffice.block_cell(book, "Overgang_grenzen", 0, 0).value = 0.03
    libreoffice.block_cell(book, "Overgang_grenzen", 1, 0).value = None  # no cap any more
    libreoffice.block_cell(book, "Overgang_jaren", 4, 0).value = 2031
    libreoffice.block_cell(book, "Overgang_jaren", 4, 1).value = 0
    libreoffice.block_cell(book, "Overgang_aanbieders", 2, 2).value = 700000  # vp-bloesem
    book.save(path)
    (done,) = recalculate([path], tmp_path / "out")
    region = libigo.Region.from_excel(done)
    assert region.overgang["max_decrease"] == 3 and "max_increase" not in region.overgang
    t = region.transition()
    assert t.years == (2027, 2028, 2029, 2030, 2031)
    sheet = paid_in_sheet(done, 5, len(region.providers))
    assert sheet == {y: dict(t.cents[year]) for y, year in enumerate(t.years)}
    assert openpyxl.load_workbook(done, data_only=True)["Overgang"]["B3"].value == 0


@pytest.mark.parametrize("edit, message", [
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_jaren", 2, 0), "value", None),
     r"'Overgang'!A\d+: a share matched to history without a year"),
    (lambda b: [setattr(libreoffice.block_cell(b, "Overgang_jaren", 2, c), "value", None) for c in (0, 1)],
     r"'Overgang'!A\d+: a year after an empty row"),
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_jaren", 2, 0), "value", 2029.5),
     r"'Overgang'!A\d+: a year is a whole number"),
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_jaren", 1, 0), "value", 2026),
     r"'Overgang'!A\d+: .*years must follow each other"),
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_jaren", 1, 1), "value", "veel"),
     r"'Overgang'!B\d+: 'veel' is not a number"),
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_grenzen", 1, 0), "value", 1.5),
     r"'Overgang'!B\d+: 1.5 is not a percentage"),
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_aanbieders", 3, 2), "value", -5),
     r"'Overgang'!C\d+: .*negative"),
    (lambda b: setattr(libreoffice.block_cell(b, "Overgang_aanbieders", 20, 3), "value", 10),
     r"'Overgang'!C\d+: amounts on a row without a provider"),
])
def test_the_reader_names_the_cell(example, tmp_path, edit, message):
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    with pytest.raises(libigo.IgoError, match=message):
        libigo.Region.from_excel(path)


def test_without_a_transition_the_workbook_has_ten_sheets(example, tmp_path):
    region = libigo.example_region()
    region.overgang = None
    path = region.to_excel(tmp_path / "zonder.xlsx")
    assert len(libigo.excel_sheets(path)) == 10
    assert libigo.Region.from_excel(path).overgang is None
    assert len(libigo.excel_sheets(example.to_excel(tmp_path / "met.xlsx"))) == 12


def test_a_transition_the_workbook_cannot_hold_is_refused(example, tmp_path):
    """An infeasible transition is refused as the core refuses it, and no file is left."""
    region = libigo.example_region()
    region.overgang = dict(region.overgang, guarantee={"vp-noord": 30_000_000})
    with pytest.raises(libigo.IgoError, match="above its cap") as e:
        region.to_excel(tmp_path / "fout.xlsx")
    assert e.value.code == "IGO_ERROR_INFEASIBLE" and not list(tmp_path.iterdir())


def test_a_workbook_that_does_not_distribute_still_reads(tmp_path):
    """Reading the transition never stands in the way of reading a model: a workbook without
    one whose key no longer adds up reads (and refuses only when distributed)."""
    region = libigo.example_region()
    region.overgang = None
    path = region.to_excel(tmp_path / "zonder.xlsx")
    book = openpyxl.load_workbook(path)
    row = next(r for r in range(1, 40) if book["Invoertabblad - verdeling"].cell(r, 1).value
               == "IG1")
    sheet = book["Invoertabblad - verdeling"]
    sheet.cell(row, 3).value = "direct"
    for c, share in zip((4, 5, 6), (0.5, 0.3, 0.1)):
        sheet.cell(row, c).value = share
    book.save(path)
    read = libigo.Region.from_excel(path)
    assert read.overgang is None
    with pytest.raises(libigo.IgoError):
        read.distribute()


def test_limits_count_to_a_hundredth_of_a_percent(example):
    o = example.overgang
    finer = example.transition(o["history"], o["years"], max_decrease=3.3333, max_increase=7.996)
    coarse = example.transition(o["history"], o["years"], max_decrease=3.33, max_increase=8)
    assert finer.cents == coarse.cents
