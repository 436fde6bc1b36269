"""The comparison in the model workbook: the Wat als sheet, a starting point beside the figures
the workbook computes now. After LibreOffice's and Gnumeric's forced recalculation every formula
equals the value the core cached, and the sheet shows what libigo.compare shows (before, now,
change in cents, percent, material) for: the example against itself (all 0), care-path changes
written with Comparison.to_excel (women moved, a key row, tariffs; providers only in one of the
two), in Dutch and English, with thresholds in EUR, percent, both or none; an edit in the
spreadsheet against the written figures; and mistakes (a starting point or threshold that is not
a number) named beside them, their figures #N/A."""

from __future__ import annotations

import functools
import math
import random

import openpyxl
import pytest
from strategies import distributable

import libigo
import libreoffice

ENGINES = libreoffice.ENGINES
SHEET = {"nl": "Wat als", "en": "What if"}
BEFORE = ("Uitgangspunt (EUR)", "Starting point (EUR)")
TOTAL = ("Totaal", "Total")
TOTALS = ("income", "costs_total", "outside_total", "distributed", "bonuses_paid")
LEVELS = ("providers", "disciplines", "prestaties")


def renamed(region: libigo.Region, old: str, new: str) -> libigo.Region:
    """The region with provider old called new: old is then only in the one, new only in the
    other."""
    data = region.to_dict()
    for p in data["providers"]:
        if p["id"] == old:
            p["id"] = new
    data["volumes"] = {code: {new if o == old else o: v for o, v in row.items()}
                       for code, row in data["volumes"].items()}
    return libigo.Region.from_dict(data)


def random_change(seed: int) -> tuple[libigo.Region, libigo.Region, float | None, float | None]:
    """A random region, a care-path change of it (tariffs, counts or a provider renamed) and
    random thresholds (EUR, percent, or none)."""
    rng = random.Random(seed)
    before = distributable(seed)
    codes = [p.code for p in before.prestaties]
    after = before.what_if(tariffs={rng.choice(codes): round(rng.uniform(10, 4000), 3)},
                           counts={rng.choice(codes): rng.randint(0, 3000)})
    if rng.random() < 0.5:
        after = renamed(after, before.providers[-1].id, "nieuw")
    threshold = rng.choice([None, 0, round(rng.uniform(0, 5000), 2)])
    threshold_pct = rng.choice([None, 0, round(rng.uniform(0, 20), 1)])
    return before, after, threshold, threshold_pct


@functools.lru_cache(maxsize=None)
def cases() -> dict[str, tuple[libigo.Region, libigo.Region, float | None, float | None, str]]:
    """name -> (before, after, threshold EUR, threshold percent, language)."""
    example = libigo.example_region()
    moved = example.what_if(move={("IG2", "IG3"): 40})
    keys = example.what_if(keys={"IG5": {"verloskunde": 40, "ziekenhuis": 35,
                                         "kraamzorg": 25}})
    # (moved: vp-noord's transition target in 2029 is a half cent exactly, 0.33 x 464,867.95 +
    # 0.67 x 499,660.45 = 488,178.925, which Gnumeric rounded down before the targets were
    # rounded through whole micro-euros)
    out = {"example": (example, example, None, None, "nl"),
           "moved": (example, moved, 1000, 1, "nl"),
           "keys_en": (example, keys, None, 0.5, "en")}
    for seed in range(4):
        before, after, eur, pct = random_change(seed)
        out[f"random{seed}"] = (before, after, eur, pct, "nl")
    # two unrelated regions: the one before has prestaties, disciplines and providers the
    # one after lacks (ids P0.., D0.., O0.. partly shared)
    out["other"] = (distributable(14), distributable(31), 100, 5, "nl")
    # on the thresholds exactly: 0.13 of 10.00 is 1.3 %, 0.27 of 15.00 1.8 % (material); a
    # threshold of EUR 0.125 is 0.13 as ROUND rounds it (0.12 is not material)
    out["on_pct"] = (tiny(10.00), tiny(10.13), None, 1.3, "nl")
    out["on_pct2"] = (tiny(15.00), tiny(15.27), None, 1.8, "en")
    out["on_eur"] = (tiny(10.00), tiny(10.12), 0.125, None, "nl")
    return out


def tiny(tariff: float) -> libigo.Region:
    """One provider, who receives the one prestatie's income: the tariff."""
    return libigo.Region(name="Klein", prestaties=[{"code": "A", "label": "A"}],
                         disciplines=["x"], providers=[{"id": "x1", "name": "X", "discipline": "x"}],
                         production={"A": {"count": 1, "tariff": tariff}},
                         verdeelsleutel={"A": {"x": 100}}, volumes={"A": {"x1": 1}})


def whatif(path, lang: str) -> dict[str, dict[str, tuple]]:
    """The sheet's blocks: totals by name, and per level id -> (before, now, change, pct,
    material, check) as the recalculated sheet shows them (a spare row under ""; merged)."""
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEET[lang]]
    heads = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 3).value in BEFORE]
    assert len(heads) == 1 + len(LEVELS)

    def row(r: int) -> tuple:
        return tuple(sheet.cell(r, c).value for c in range(3, 9))

    out = {"totals": {name: row(heads[0] + 1 + k) for k, name in enumerate(TOTALS)}}
    for level, head in zip(LEVELS, heads[1:]):
        rows, r = {}, head + 1
        while sheet.cell(r, 1).value not in TOTAL:
            rows.setdefault(sheet.cell(r, 1).value or "", []).append(row(r))
            r += 1
        out[level] = rows
        out[level + "_total"] = row(r)
    return out


def thresholds_of(path, lang: str) -> tuple:
    sheet = openpyxl.load_workbook(path)[SHEET[lang]]
    return sheet["C7"].value, sheet["C8"].value


def cents(value) -> int:
    return round((value or 0) * 100)


def assert_shows(sheet: dict, c: libigo.compare.Comparison) -> None:
    """The sheet shows the comparison: every row's cents, percent and mark."""
    for level in LEVELS:
        table = getattr(c, level)
        rows = sheet[level]
        for spare in rows.pop("", []):  # spare provider rows: nothing, and no change
            assert cents(spare[0]) == cents(spare[1]) == cents(spare[2]) == 0
        assert sorted(rows) == sorted(table.index)
        for key, r in table.iterrows():
            (before, now, change, pct, material, check), = rows[key]
            assert (cents(before), cents(now), cents(change)) == (
                round(r.before * 100), round(r.after * 100), round(r.change * 100)), key
            if math.isnan(r.change_pct):
                assert pct in ("", None)
            else:
                assert pct * 100 == pytest.approx(r.change_pct, rel=1e-9, abs=1e-12)
            assert (material in ("ja", "yes")) == bool(r.material), key
            assert check in ("", None)
        total = sheet[level + "_total"]
        assert cents(total[2]) == round(table.change.sum() * 100)
    for name, (before, now, change, *_rest) in sheet["totals"].items():
        t = c.totals.loc[name]
        assert (cents(before), cents(now), cents(change)) == (
            round(t.before * 100), round(t.after * 100), round(t.change * 100))


@pytest.fixture(scope="module", params=sorted(ENGINES))
def recalculated(request, soffice, tmp_path_factory):
    """Every case written (Comparison.to_excel) and recalculated in one run of the engine:
    name -> (written, recalculated)."""
    tmp = tmp_path_factory.mktemp(f"whatif_{request.param}")
    written = {}
    for name, (before, after, eur, pct, lang) in cases().items():
        c = libigo.compare(before, after, threshold=eur, threshold_pct=pct)
        written[name] = c.to_excel(tmp / f"{name}.xlsx", lang=lang)
    out = ENGINES[request.param](list(written.values()), tmp / "out")
    return {name: (path, o) for (name, path), o in zip(written.items(), out)}


@pytest.mark.parametrize("name", sorted(cases()))
def test_the_sheet_shows_the_comparison(recalculated, name):
    before, after, eur, pct, lang = cases()[name]
    ours, theirs = recalculated[name]
    count, bad = libreoffice.formula_mismatches(ours, theirs)
    assert count > 1000 and bad == []
    c = libigo.compare(before, after, threshold=eur, threshold_pct=pct)
    assert_shows(whatif(theirs, lang), c)
    # the thresholds are the sheet's inputs: empty for none (or 0), the percent a fraction
    written_eur, written_share = thresholds_of(ours, lang)
    assert written_eur == (eur or None)
    assert written_share == (pytest.approx(pct / 100, rel=1e-15) if pct else None)


def test_a_region_against_itself_changes_nothing(recalculated):
    ours, theirs = recalculated["example"]
    sheet = whatif(theirs, "nl")
    changes = [r[2] for level in LEVELS for rows in sheet[level].values() for r in rows]
    assert len(changes) > 30 and all(cents(x) == 0 for x in changes)
    assert not any(r[4] for level in LEVELS for rows in sheet[level].values() for r in rows)
    d = libigo.example_region().distribute()
    received = (d.per_provider["amount"] + d.per_provider["bonus"]).to_dict()
    assert {k: cents(v[0][0]) for k, v in sheet["providers"].items() if k} == {
        k: round(v * 100) for k, v in received.items()}


@pytest.mark.parametrize("name, material", [("on_pct", True), ("on_pct2", True),
                                            ("on_eur", False)])
def test_a_change_on_a_threshold(recalculated, name, material):
    before, after, eur, pct, lang = cases()[name]
    assert bool(libigo.compare(before, after, eur, pct).providers.material["x1"]) is material
    (row,), = [whatif(recalculated[name][1], lang)["providers"]["x1"]]
    assert (row[4] in ("ja", "yes")) is material


def test_the_baseline_own_rows_at_every_level(recalculated):
    before, after, *_rest = cases()["other"]
    sheet = whatif(recalculated["other"][1], "nl")
    for level, own in (("providers", {p.id for p in after.providers}),
                       ("disciplines", {d.id for d in after.disciplines}),
                       ("prestaties", {p.code for p in after.prestaties})):
        extra = set(sheet[level]) - own - {""}
        assert extra, level
        assert all(cents(sheet[level][k][0][1]) == 0 for k in extra)


def test_providers_only_in_one_are_rows_of_their_own(recalculated):
    changed = [n for n, (b, a, *_r) in cases().items()
               if {p.id for p in b.providers} != {p.id for p in a.providers}]
    assert changed, "no random case renames a provider"
    for name in changed:
        before, after, *_rest = cases()[name]
        only = set()  # every level's ids only in the one before
        for ids in (lambda r: {p.id for p in r.providers}, lambda r: {d.id for d in r.disciplines},
                    lambda r: {p.code for p in r.prestaties}):
            only |= ids(before) - ids(after)
        sheet = openpyxl.load_workbook(recalculated[name][1], data_only=True)["Wat als"]
        marked = {sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)
                  if str(sheet.cell(r, 2).value).endswith("(alleen in het uitgangspunt)")}
        assert marked == only


EDIT_EUR, EDIT_PCT = 500, 0.005


def edit_counts(book, moves: dict[str, float]) -> None:
    """Adds to prestaties' counts in the Aantallen block (the codes in the Prestaties block)."""
    for row in range(9):
        code = libreoffice.block_cell(book, "Prestaties", row, 0).value
        if code in moves:
            cell = libreoffice.block_cell(book, "Aantallen", row, 0)
            cell.value += moves[code]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_an_edit_shows_what_it_changes(engine, soffice, tmp_path):
    """Women moved in the input sheet and thresholds typed in: the sheet shows the comparison
    of the written region with the region read back."""
    example = libigo.example_region()
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    edit_counts(book, {"IG2": -40, "IG3": 40})
    book["Wat als"]["C7"] = EDIT_EUR
    book["Wat als"]["C8"] = EDIT_PCT
    book.save(tmp_path / "edited.xlsx")
    out, = ENGINES[engine]([tmp_path / "edited.xlsx"], tmp_path / "out")
    after = libigo.Region.from_excel(tmp_path / "edited.xlsx")
    c = libigo.compare(example, after, threshold=EDIT_EUR, threshold_pct=EDIT_PCT * 100)
    assert c.providers.material.any() and not c.providers.material.all()
    assert_shows(whatif(out, "nl"), c)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_mistakes_are_named_and_their_figures_not_shown(engine, soffice, hand_region, tmp_path):
    path = hand_region.to_excel(tmp_path / "hand.xlsx")
    cached = openpyxl.load_workbook(path, data_only=True)["Wat als"]
    first = next(r for r in range(1, cached.max_row + 1) if cached.cell(r, 1).value == "x1")
    book = openpyxl.load_workbook(path)
    ws = book["Wat als"]
    ws.cell(first, 3).value = "veel"          # a starting point that is not a number
    book.save(tmp_path / "start.xlsx")
    ws["C7"] = "duizend"                      # a threshold that is not a number
    ws["C8"] = -0.05                          # and one below 0
    book.save(tmp_path / "thresholds.xlsx")
    start, thresholds = ENGINES[engine]([tmp_path / "start.xlsx", tmp_path / "thresholds.xlsx"],
                                        tmp_path / "out")
    sheet = openpyxl.load_workbook(start, data_only=True)["Wat als"]
    row = [sheet.cell(first, c).value for c in range(3, 9)]
    assert row[2:5] == ["#N/A", "#N/A", "#N/A"] and row[5] == "geen getal"
    other = [sheet.cell(first + 1, c).value for c in range(3, 9)]
    assert cents(other[2]) == 0 and other[4] in ("", None) and other[5] in ("", None)
    sheet = openpyxl.load_workbook(thresholds, data_only=True)["Wat als"]
    assert (sheet["D7"].value, sheet["D8"].value) == ("geen getal", "de drempel is negatief")
    marks = [sheet.cell(first + o, 7).value for o in range(3)]
    assert marks == ["#N/A"] * 3


def test_the_reader_ignores_the_sheet(example, tmp_path):
    """The comparison is not part of the region: a workbook written with a baseline reads back
    into the region after."""
    after = example.what_if(move={("IG2", "IG3"): 40})
    path = libigo.compare(example, after, threshold=1000).to_excel(tmp_path / "c.xlsx")
    back = libigo.Region.from_excel(path)
    assert back.distribute().per_provider.equals(after.distribute().per_provider)


@pytest.mark.parametrize("kwargs, problem", [
    ({"threshold": -1}, "threshold"),
    ({"threshold": 1e13}, "threshold"),
    ({"threshold_pct": float("nan")}, "threshold_pct"),
    ({"threshold": "veel"}, "threshold"),
    ({"baseline": 5}, "baseline"),
])
def test_bad_options_are_refused(example, tmp_path, kwargs, problem):
    with pytest.raises(libigo.IgoError, match=problem):
        example.to_excel(tmp_path / "x.xlsx", **kwargs)
    assert not (tmp_path / "x.xlsx").exists()


def test_a_baseline_that_does_not_distribute_is_named(example, hand_region, tmp_path):
    broken = hand_region.what_if(tariffs={"A": 0, "B": 0})
    broken.outside = []
    with pytest.raises(libigo.IgoError, match="baseline: "):
        example.to_excel(tmp_path / "x.xlsx", baseline=broken)
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(libigo.IgoError, match="baseline: "):  # (its model idle again)
        example.to_excel(tmp_path / "x.xlsx", baseline=broken)


def test_the_baseline_file_is_never_overwritten(example, tmp_path):
    path = example.to_excel(tmp_path / "voor.xlsx")
    before = libigo.Region.from_excel(path)
    c = libigo.compare(before, before.what_if(move={("IG2", "IG3"): 40}))
    with pytest.raises(libigo.IgoError, match="voor.xlsx"):
        c.to_excel(path)
    assert libigo.Region.from_excel(path).distribute().per_provider.equals(
        example.distribute().per_provider)


def test_the_cli_writes_the_comparison(example, tmp_path, capsys):
    from libigo.cli import main
    before, after = tmp_path / "voor.json", tmp_path / "na.json"
    example.to_json(before)
    example.what_if(move={("IG2", "IG3"): 40}).to_json(after)
    assert main(["vergelijk", str(before), str(after), "--drempel", "1000", "--xlsx",
                 str(tmp_path / "vergelijking.xlsx"), "--csv", str(tmp_path / "csv")]) == 0
    said = capsys.readouterr().out
    assert "vergelijking.xlsx" in said and "vergelijking_zorgaanbieders.csv" in said
    book = openpyxl.load_workbook(tmp_path / "vergelijking.xlsx", data_only=True)
    assert book["Wat als"]["C7"].value == 1000
