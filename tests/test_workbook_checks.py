"""The model workbook's checks: each plausible mistake a user makes in the spreadsheet (applied
with openpyxl to a generated workbook) must, after LibreOffice's and after Gnumeric's
recalculation, be counted by the defined name Controle, be named by its check (the prestatie,
cost, provider or line, beside the input and in the summary on Uitkomsten verdeling), and leave
no result showing a plausible amount. The clean workbook has Controle = 0."""

from __future__ import annotations

import pathlib
from typing import Callable

import openpyxl
import pytest

import libigo
import libreoffice

RESULTS = "Uitkomsten verdeling"
CALC = "Berekening"
SPLIT = "Invoertabblad - verdeling"
CARE = "Invoertabblad - geleverde zorg"
REGIO_IN = "Invoertabblad - regiokenmerken"
ENGINES = {"libreoffice": libreoffice.recalculate, "gnumeric": libreoffice.gnumeric_recalculate}


def block(book, name: str) -> tuple[openpyxl.worksheet.worksheet.Worksheet, int, int]:
    """The sheet, first row and first column (1-based) of a defined name's range."""
    (sheet, ref), = list(book.defined_names[name].destinations)
    col, row = openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0].replace("$", ""))
    return book[sheet], row, openpyxl.utils.cell.column_index_from_string(col)


def row_of(sheet, text: str, col: int = 1, start: int = 1) -> int:
    return next(r for r in range(start, sheet.max_row + 1) if sheet.cell(r, col).value == text)


def provider_row(book, provider: str) -> int:
    sheet, top, _ = block(book, "Zorgaanbieders")
    return row_of(sheet, provider, start=top)


def history_rows(book, prestatie: str) -> list[int]:
    """The rows of the example's history lines of a prestatie (the sheet looks the prestatie up
    from the code, so the rows are found from the region, in the same order)."""
    _, top, _ = block(book, "Historie")
    return [top + i for i, h in enumerate(libigo.example_region().history)
            if h.prestatie == prestatie]


def key_row(book, prestatie: str) -> int:
    sheet, top, _ = block(book, "Verdeelsleutel")
    return row_of(sheet, prestatie, start=top)


# ---- the mistakes, each: (edit of the workbook, the check's row label, what its message names)

def key_not_100(book):
    split = book[SPLIT]
    for r in history_rows(book, "IG1"):
        for c in range(1, 6):
            split.cell(r, c).value = None
    r = key_row(book, "IG1")
    split.cell(r, 3).value = "direct"
    for c, share in zip((4, 5, 6), (0.5, 0.3, 0.1)):
        split.cell(r, c).value = share


def history_key_without_history(book):
    split = book[SPLIT]
    for r in history_rows(book, "IG2"):
        for c in range(1, 6):
            split.cell(r, c).value = None


def share_without_volume(book):
    """No kraamzorg provider has volume in IG6 any more, while IG6's key gives kraamzorg money."""
    split, top, _ = block(book, "Zorgaanbieders")
    col = 4 + 5  # IG6's volume column
    for r in range(top, top + 40):
        if str(split.cell(r, 1).value or "").startswith("kz-"):
            split.cell(r, col).value = None


def negative_volume(book):
    book[SPLIT].cell(provider_row(book, "vp-noord"), 4).value = -12


def cost_mode_disagrees(book):
    care = book[CARE]
    r = row_of(care, "Overige kosten")
    care.cell(r, 2).value = "percentage"  # the amount stays in column C


def outside_without_target(book):
    care, top, _ = block(book, "Buiten_IGO")
    for c in range(4, 4 + 9):
        care.cell(top, c).value = None


def outside_targets_without_income(book):
    care, top, _ = block(book, "Buiten_IGO")
    ig9 = row_of(care, "IG9")
    care.cell(ig9, 5).value = None  # IG9 no longer produced: no income
    care.cell(ig9, 6).value = None
    for c in range(4, 4 + 9):
        care.cell(top + 1, c).value = 1 if c == 4 + 8 else None


def distributable_below_zero(book):
    care, top, _ = block(book, "Buiten_IGO")
    care.cell(top, 3).value = 9_999_999  # the first outside activity's tariff


def duplicate_provider(book):
    book[SPLIT].cell(provider_row(book, "vp-oost"), 1).value = "vp-noord"


def provider_without_id(book):
    book[SPLIT].cell(provider_row(book, "vp-wieg"), 1).value = None


def unknown_discipline(book):
    book[SPLIT].cell(provider_row(book, "vp-dijk"), 3).value = "Verloskunde"  # case differs


def text_in_a_count(book):
    care = book[CARE]
    care.cell(row_of(care, "IG3"), 5).value = "1.234 vrouwen"


def negative_region_count(book):
    sheet, top, _ = block(book, "Regiokenmerken")
    sheet.cell(top + 2, 2).value = -5


def normalise_not_a_choice(book):
    sheet, top, col = block(book, "Normaliseren")
    sheet.cell(top, col).value = "misschien"


def history_unknown_prestatie(book):
    split = book[SPLIT]
    split.cell(history_rows(book, "IG5")[0], 5).value = "IG55"  # the prestatie given


def reconciliation_broken(book):
    """A user who unprotects Berekening and types over a provider's part."""
    calc = book[CALC]
    first = row_of(calc, "Per zorgaanbieder: bedrag per IG-prestatie") + 2
    calc.cell(first + 3, 4).value = 1  # the fourth provider's IG1 part


# ---- IGO costs per prestatie ----

def costs_not_adding_up(book):
    sheet, top, col = block(book, "Kosten_per_prestatie")
    sheet.cell(top, col).value = 1000  # IG1 only: the others count as 0


def costs_above_income(book):
    sheet, top, col = block(book, "Kosten_per_prestatie")
    sheet.cell(top, col).value = 10_000_000


# ---- mistakes on Overgang (the example has a transition) ----

def overgang(book, name: str, row: int, col: int):
    sheet, top, left = block(book, name)
    return sheet.cell(top + row, left + col)


def years_out_of_order(book):
    overgang(book, "Overgang_jaren", 1, 0).value = 2026


def share_above_100(book):
    overgang(book, "Overgang_jaren", 1, 1).value = 1.5


def guarantee_above_cap(book):
    overgang(book, "Overgang_aanbieders", 4, 3).value = 30_000_000  # vp-ooievaar


def history_missing(book):
    overgang(book, "Overgang_aanbieders", 3, 2).value = None  # vp-noord


def history_on_a_spare_row(book):
    overgang(book, "Overgang_aanbieders", 20, 2).value = 1000


def limit_above_100(book):
    overgang(book, "Overgang_grenzen", 0, 0).value = 1.2


# ---- mistakes on Kwaliteitsbonussen (the example has bonuses) ----

def bonus_cell(book, name: str, row: int, col: int):
    sheet, top, left = block(book, name)
    return sheet.cell(top + row, left + col)


def pool_above_budget(book):
    bonus_cell(book, "Bonus_pot", 0, 0).value = "bedrag"
    bonus_cell(book, "Bonus_pot", 0, 1).value = 300_000
    bonus_cell(book, "Bonus_pot", 0, 2).value = None


def indicator_without_target(book):
    bonus_cell(book, "Bonus_indicatoren", 1, 2).value = None  # sectio


def indicator_direction_unknown(book):
    bonus_cell(book, "Bonus_indicatoren", 0, 3).value = "beter"  # clientervaring


def text_in_a_value(book):
    bonus_cell(book, "Bonus_waarden", 3, 3).value = "13,0 %"  # vp-noord's sectio


def value_without_indicator(book):
    bonus_cell(book, "Bonus_waarden", 2, 2 + 4).value = 9  # vp-bloesem, a spare column


# ---- fixed parts (the example gives two) ----

def fixed_above_money(book):
    bonus_cell(book, "Vaste_delen", 11, 2).value = 30_000_000  # vp-lindehof


def fixed_on_a_spare_row(book):
    bonus_cell(book, "Vaste_delen", 20, 2).value = 1000


def fixed_without_amount(book):
    bonus_cell(book, "Vaste_delen", 3, 4).value = 0.25  # vp-noord: a reduction, no amount


MISTAKES: dict[str, tuple[Callable, str, str]] = {
    "key 50/30/10": (key_not_100, "Verdeelsleutel", "IG1"),
    "historie without history": (history_key_without_history, "Verdeelsleutel", "IG2"),
    "share without provider volume": (share_without_volume, "Verdeelsleutel", "kraamzorg"),
    "negative volume": (negative_volume, "Zorgaanbieders en volumes", "vp-noord"),
    "percentage with an amount": (cost_mode_disagrees, "Kosten van de IGO", "Overige kosten"),
    "outside line without target": (outside_without_target, "Verrichtingen buiten de IGO",
                                     "Echoscopiecentrum"),
    "outside targets without income": (outside_targets_without_income,
                                       "Verrichtingen buiten de IGO", "Geboortecentrum"),
    "distributable below zero": (distributable_below_zero, "IG-prestaties: aantallen en tarieven",
                                 "IG1"),
    "duplicate provider id": (duplicate_provider, "Zorgaanbieders en volumes", "vp-noord"),
    "provider without id": (provider_without_id, "Zorgaanbieders en volumes", "rij "),
    "unknown discipline": (unknown_discipline, "Zorgaanbieders en volumes", "vp-dijk"),
    "text in a count": (text_in_a_count, "IG-prestaties: aantallen en tarieven", "IG3"),
    "negative region count": (negative_region_count, "Regiokenmerken: vrouwen", ""),
    "normalise not a choice": (normalise_not_a_choice, "Schalen naar 100%", "ja of nee"),
    "history unknown prestatie": (history_unknown_prestatie, "Historische declaraties",
                                  "onbekende IG-prestatie"),
    "reconciliation broken": (reconciliation_broken, "Aansluiting van de verdeling", "Aansluiting"),
    "costs per prestatie not adding up": (costs_not_adding_up,
                                          "IG-prestaties: aantallen en tarieven",
                                          "IG1: de kosten per IG-prestatie tellen niet op"),
    "costs above income": (costs_above_income, "IG-prestaties: aantallen en tarieven",
                           "IG1: de kosten van de IGO zijn hoger dan de inkomsten"),
    "years out of order": (years_out_of_order, "Overgang: jaren", "2026: de jaren volgen"),
    "share above 100 %": (share_above_100, "Overgang: jaren", "2028: Aandeel historie ligt niet"),
    "guarantee above a cap": (guarantee_above_cap, "Overgang: jaren",
                              "boven de bovengrens van vp-ooievaar"),
    "history missing": (history_missing, "Overgang: zorgaanbieders", "vp-noord: het historische"),
    "history on a spare row": (history_on_a_spare_row, "Overgang: zorgaanbieders",
                               "zonder zorgaanbieder"),
    "limit above 100 %": (limit_above_100, "Overgang: grenzen", "Maximale daling"),
    "bonus pool above the budget": (pool_above_budget, "Kwaliteitsbonussen: pot",
                                    "de pot is hoger dan het innovatie- en kwaliteitsbudget"),
    "indicator without a target": (indicator_without_target, "Kwaliteitsbonussen: indicatoren",
                                   "sectio: de norm ontbreekt"),
    "indicator direction unknown": (indicator_direction_unknown,
                                    "Kwaliteitsbonussen: indicatoren",
                                    "clientervaring: kies hoger of lager"),
    "text in an indicator value": (text_in_a_value, "Kwaliteitsbonussen: waarden",
                                   "vp-noord: een waarde is geen getal"),
    "value without an indicator": (value_without_indicator, "Kwaliteitsbonussen: waarden",
                                   "vp-bloesem: een waarde in een kolom zonder indicator"),
    "fixed parts above the money": (fixed_above_money, "Vaste delen",
                                    "vp-lindehof: de vaste delen van de discipline zijn hoger"),
    "fixed part on a spare row": (fixed_on_a_spare_row, "Vaste delen",
                                  "een vast deel op een rij zonder zorgaanbieder"),
    "fixed part without an amount": (fixed_without_amount, "Vaste delen",
                                     "vp-noord: een minimum of korting zonder bedrag"),
}


def controle(book) -> object:
    sheet, row, col = block(book, "Controle")
    return sheet.cell(row, col).value


def summary(book) -> dict[str, tuple[object, str]]:
    """Check label -> (failing count, first message) from the summary on Uitkomsten verdeling."""
    sheet = book[RESULTS]
    top = row_of(sheet, "Controles") + 1
    end = row_of(sheet, "Aantal fouten (Controle)", start=top)
    return {sheet.cell(r, 1).value: (sheet.cell(r, 2).value, sheet.cell(r, 4).value or "")
            for r in range(top, end)}


def results_amounts(book) -> list:
    """Every amount of the results: income block, disciplines, providers with an id."""
    sheet = book[RESULTS]
    income = row_of(sheet, "Totale inkomsten IGO")
    values = [sheet.cell(r, 2).value for r in range(income, income + 6)]
    disc = row_of(sheet, "Discipline") + 1
    values += [sheet.cell(r, 2).value for r in range(disc, disc + 3)]
    heads = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Id"]
    assert len(heads) == 1 + 3  # the providers' totals, then their money per prestatie
    for i, head in enumerate(heads):
        columns = [4] if i == 0 else [c for c in range(2, 6) if sheet.cell(head, c).value]
        values += [sheet.cell(r, c).value for r in range(head + 1, head + 16) for c in columns]
    return values + transition_amounts(book) + bonus_amounts(book)


def bonus_amounts(book) -> list:
    """Each provider's bonus and total on Kwaliteitsbonussen, and their totals."""
    sheet, top, _ = block(book, "Bonus_waarden")
    head = top - 1
    cols = [c for c in range(1, sheet.max_column + 1)
            if sheet.cell(head, c).value in ("Bonus (EUR)", "Totaal (EUR)")]
    assert len(cols) == 2
    return [sheet.cell(r, c).value for r in range(top, top + 16) for c in cols]


def transition_amounts(book) -> list:
    """The income per provider and year on Overgang (15 providers, four years)."""
    sheet = book["Overgang"]
    head = row_of(sheet, "Inkomen per zorgaanbieder en jaar") + 1
    return [sheet.cell(r, c).value for r in range(head + 1, head + 16) for c in range(3, 7)]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, soffice) -> dict[str, dict[str, pathlib.Path]]:
    """engine -> mistake (and "clean") -> the recalculated workbook."""
    tmp = tmp_path_factory.mktemp("checks")
    region = libigo.example_region()
    paths = {"clean": region.to_excel(tmp / "clean.xlsx")}
    for i, (name, (edit, _, _)) in enumerate(MISTAKES.items()):
        path = region.to_excel(tmp / f"mistake{i}.xlsx")
        book = openpyxl.load_workbook(path)
        edit(book)
        book.save(path)
        paths[name] = path
    out = {}
    for engine, recalc in ENGINES.items():
        done = recalc(list(paths.values()), tmp / engine)
        out[engine] = dict(zip(paths, done))
    return out


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_clean_workbook_passes_every_check(recalculated, engine):
    book = openpyxl.load_workbook(recalculated[engine]["clean"], data_only=True)
    assert controle(book) == 0
    assert all(count == 0 and message == "" for count, message in summary(book).values())
    assert all(isinstance(v, (int, float)) for v in results_amounts(book))


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_mistake_is_shown(recalculated, engine, mistake):
    _, check, named = MISTAKES[mistake]
    book = openpyxl.load_workbook(recalculated[engine][mistake], data_only=True)
    checks = summary(book)
    count, message = checks[check]
    assert isinstance(controle(book), (int, float)) and controle(book) >= 1
    assert count >= 1 and named in message, (check, checks)
    # No result looks valid: each amount is the error marker, not a figure (a zero stays
    # zero: a provider's nothing in a prestatie is never a plausible amount).
    amounts = results_amounts(book)
    assert not any(isinstance(v, (int, float)) and v != 0 for v in amounts), amounts
    assert all(v == "#N/A" for v in amounts[:9])


def test_controle_in_english(soffice, tmp_path):
    """The English workbook has the same defined name Controle, and every other sheet's top
    line shows the count and the first message."""
    path = libigo.example_region().to_excel(tmp_path / "en.xlsx", lang="en")
    book = openpyxl.load_workbook(path)
    sheet = book["Input - distribution"]
    r = row_of(sheet, "IG1", start=block(book, "Verdeelsleutel")[1])
    sheet.cell(r, 3).value = "direct"
    sheet.cell(r, 4).value = 0.5
    book.save(path)
    for recalc in ENGINES.values():
        (out,) = recalc([path], tmp_path / recalc.__name__)
        done = openpyxl.load_workbook(out, data_only=True)
        assert controle(done) >= 1
        line = done["Region characteristics"]
        assert line["A3"].value == "Number of errors (Controle)"
        assert line["B3"].value == controle(done) and "IG1" in line["C3"].value
