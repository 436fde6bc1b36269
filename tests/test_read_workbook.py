"""Reading the model workbook back (Region.from_excel): write -> read gives the same region and
the same distribution to the cent, also after LibreOffice, Gnumeric or openpyxl re-saved the
workbook and after the edits a user makes; every refusal names the sheet and cell."""
from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import sys
import tomllib

import openpyxl
import pytest

import libigo
import libreoffice
from strategies import canonical as core_numbers, distributable

CARE = "Invoertabblad - geleverde zorg"
SPLIT = "Invoertabblad - verdeling"


def canonical(region: libigo.Region) -> dict:
    """The region file structure, every number to 15 significant digits as the core and a
    spreadsheet keep it, with the targets of each outside line in catalogue order (the workbook
    keeps them as one flag per prestatie)."""
    data = core_numbers(region.to_dict())
    order = [p["code"] for p in data["prestaties"]]
    for line in data["outside"]:
        line["targets"] = sorted(line["targets"], key=order.index)
    return data


def assert_same(read: libigo.Region, region: libigo.Region) -> None:
    """The same region (every number to 15 significant digits, as a spreadsheet keeps a typed
    number), and the same distribution to the cent."""
    assert canonical(read) == canonical(region)
    assert read.distribute().cents == region.distribute().cents


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_example_reads_back(tmp_path: pathlib.Path, lang: str) -> None:
    region = libigo.example_region()
    path = region.to_excel(tmp_path / "voorbeeld.xlsx", lang=lang)
    assert_same(libigo.Region.from_excel(path), region)
    assert_same(libigo.Region.from_file(path), region)


def test_random_regions_read_back(tmp_path: pathlib.Path) -> None:
    """Fifty random regions: history keys, percentage costs, custom catalogues, a fourth
    discipline, normalised keys, ties at the third decimal."""
    for seed in range(50):
        region = distributable(seed)
        path = region.to_excel(tmp_path / f"r{seed}.xlsx", lang="en" if seed % 2 else "nl")
        assert_same(libigo.Region.from_excel(path), region)


def test_read_write_read_is_stable(tmp_path: pathlib.Path) -> None:
    """A region read from a workbook, written again and read again, is the same region: nothing
    drifts however often a workbook goes back and forth."""
    for seed in (3, 4, 5):
        first = libigo.Region.from_excel(distributable(seed).to_excel(tmp_path / f"a{seed}.xlsx"))
        again = libigo.Region.from_excel(first.to_excel(tmp_path / f"b{seed}.xlsx"))
        assert again.to_dict() == first.to_dict()
        assert again.distribute().cents == first.distribute().cents


def written(tmp_path: pathlib.Path, count: int = 6) -> tuple[list[libigo.Region], list]:
    regions = [libigo.example_region()] + [distributable(100 + i) for i in range(count - 1)]
    paths = [r.to_excel(tmp_path / f"in{i}.xlsx") for i, r in enumerate(regions)]
    return regions, paths


def test_resaved_by_libreoffice(soffice: str, tmp_path: pathlib.Path) -> None:
    regions, paths = written(tmp_path)
    for region, path in zip(regions, libreoffice.recalculate(paths, tmp_path / "lo", False)):
        assert_same(libigo.Region.from_excel(path), region)


def test_resaved_by_gnumeric(tmp_path: pathlib.Path) -> None:
    ssconvert = shutil.which("ssconvert")
    assert ssconvert, "Gnumeric (ssconvert) is not installed; `make test` installs it"
    regions, paths = written(tmp_path)
    for region, path in zip(regions, paths):
        out = tmp_path / f"gnumeric-{path.name}"
        subprocess.run([ssconvert, "--export-type=Gnumeric_Excel:xlsx2", str(path), str(out)],
                       check=True, capture_output=True, timeout=300)
        assert_same(libigo.Region.from_excel(out), region)


def test_resaved_by_openpyxl(tmp_path: pathlib.Path) -> None:
    """openpyxl drops every formula's cached value: the reader never needs one outside the
    input blocks."""
    regions, paths = written(tmp_path)
    for region, path in zip(regions, paths):
        openpyxl.load_workbook(path).save(path)
        assert_same(libigo.Region.from_excel(path), region)


def edited(tmp_path: pathlib.Path, edit) -> pathlib.Path:
    path = libigo.example_region().to_excel(tmp_path / "model.xlsx")
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


def test_provider_added_in_a_spare_row(tmp_path: pathlib.Path) -> None:
    region = libigo.example_region()
    first_spare = len(region.providers)

    def add(book):
        sheet = book[SPLIT]
        top = book.defined_names["Zorgaanbieders"].destinations
        (_, ref), = list(top)
        row = int(ref.split(":")[0].split("$")[2]) + first_spare
        sheet.cell(row, 1, "vp-nieuw"), sheet.cell(row, 2, "Nieuwe praktijk")
        sheet.cell(row, 3, "verloskunde"), sheet.cell(row, 4, 12)
        # The example has a transition: a new provider needs its historical income (0 here).
        cell_of(book, "Overgang_aanbieders", first_spare, 2).value = 0
    read = libigo.Region.from_excel(edited(tmp_path, add))
    assert read.providers[-1] == libigo.Provider("vp-nieuw", "Nieuwe praktijk", "verloskunde")
    assert read.volumes["IG1"]["vp-nieuw"] == 12
    assert read.distribute().balanced
    assert read.overgang["history"]["vp-nieuw"] == 0


def test_provider_added_without_history_is_refused(tmp_path: pathlib.Path) -> None:
    """With a transition, a provider added in a spare row without its history is named, as the
    transition refuses a provider without one (so that nobody is silently paid nothing)."""
    region = libigo.example_region()

    def add(book):
        cell_of(book, "Zorgaanbieders", len(region.providers), 0).value = "vp-nieuw"
        cell_of(book, "Zorgaanbieders", len(region.providers), 2).value = "verloskunde"
    with pytest.raises(libigo.IgoError, match=r"'Overgang'!C\d+: no historical income for "
                                              r"provider 'vp-nieuw'"):
        libigo.Region.from_excel(edited(tmp_path, add))


def cell_of(book, name: str, row: int = 0, col: int = 0):
    (sheet, ref), = list(book.defined_names[name].destinations)
    top = openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0].replace("$", ""))
    column = openpyxl.utils.cell.column_index_from_string(top[0])
    return book[sheet].cell(top[1] + row, column + col)


def test_key_changed(hand_region: libigo.Region, tmp_path: pathlib.Path) -> None:
    """A direct key row changed in the workbook reads as that key, and distributes as the region
    with that key does."""
    path = hand_region.to_excel(tmp_path / "hand.xlsx")
    book = openpyxl.load_workbook(path)
    cell_of(book, "Verdeelsleutel", 0, 0).value = 0.7
    cell_of(book, "Verdeelsleutel", 0, 1).value = 0.3
    book.save(path)
    read = libigo.Region.from_excel(path)
    assert read.verdeelsleutel["A"] == {"x": 70, "y": 30}
    changed = hand_region.checked()
    changed.verdeelsleutel["A"] = {"x": 70, "y": 30}
    assert_same(read, changed)


def test_value_typed_as_text(tmp_path: pathlib.Path) -> None:
    path = edited(tmp_path, lambda b: setattr(cell_of(b, "Aantallen"), "value", "1720"))
    assert libigo.Region.from_excel(path).production["IG1"][0] == 1720
    path = edited(tmp_path, lambda b: setattr(cell_of(b, "Aantallen"), "value", "1.720"))
    with pytest.raises(libigo.IgoError, match=rf"'{CARE}'!E6: '1.720' is not a number"):
        libigo.Region.from_excel(path)
    path = edited(tmp_path, lambda b: setattr(cell_of(b, "Tarieven", 2), "value", "veel"))
    with pytest.raises(libigo.IgoError, match=rf"'{CARE}'!F8: 'veel' is not a number"):
        libigo.Region.from_excel(path)


def test_rows_inserted_above_a_block(tmp_path: pathlib.Path) -> None:
    """Rows inserted above the providers, as Excel does it: the cells and the defined names below
    move down together. The reader follows the names."""
    region = libigo.example_region()

    def insert(book):
        sheet = book[SPLIT]
        top = cell_of(book, "Zorgaanbieders").row
        sheet.insert_rows(top - 3, 4)
        for name, dn in list(book.defined_names.items()):
            (title, ref), = list(dn.destinations)
            if title != SPLIT:
                continue
            cells = [openpyxl.utils.cell.coordinate_from_string(c.replace("$", ""))
                     for c in ref.split(":")]
            if cells[0][1] < top - 3:
                continue
            moved = ":".join(f"${c}${r + 4}" for c, r in cells)
            dn.attr_text = f"'{SPLIT}'!{moved}"
    assert_same(libigo.Region.from_excel(edited(tmp_path, insert)), region)


def test_formula_typed_in_an_input_cell(soffice: str, tmp_path: pathlib.Path) -> None:
    path = edited(tmp_path, lambda b: setattr(cell_of(b, "Aantallen"), "value", "=1700+20"))
    with pytest.raises(libigo.IgoError, match="a formula without a computed value"):
        libigo.Region.from_excel(path)
    (recalculated,) = libreoffice.recalculate([path], tmp_path / "lo")
    assert libigo.Region.from_excel(recalculated).production["IG1"][0] == 1720


def test_refusals_name_the_cell(tmp_path: pathlib.Path) -> None:
    def negative(book):
        cell_of(book, "Volumes", 0, 0).value = -5
    with pytest.raises(libigo.IgoError, match=rf"'{SPLIT}'!D20: .*negative"):
        libigo.Region.from_excel(edited(tmp_path, negative))

    def history_with_key(book):
        cell_of(book, "Sleutelbron", 0, 0).value = "historie"
        cell_of(book, "Verdeelsleutel", 0, 0).value = 0.5
    path = edited(tmp_path, history_with_key)
    with pytest.raises(libigo.IgoError, match="takes its key from history"):
        libigo.Region.from_excel(path)


def test_cli_reads_a_workbook(tmp_path: pathlib.Path) -> None:
    region = libigo.example_region()
    path = region.to_excel(tmp_path / "model.xlsx")
    igo = pathlib.Path(sys.executable).parent / "igo"  # installed with the package
    subprocess.run([str(igo), "lees", str(path), "--toml", str(tmp_path / "regio.toml"),
                    "--json", str(tmp_path / "regio.json")], check=True, timeout=120)
    assert_same(libigo.Region.from_file(tmp_path / "regio.toml"), region)
    assert_same(libigo.Region.from_dict(json.loads((tmp_path / "regio.json").read_text())),
                region)
    with open(tmp_path / "regio.toml", "rb") as f:
        assert tomllib.load(f)["name"] == region.name
    out = subprocess.run([str(igo), "verdeel", str(path)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and "vp-bloesem" in out.stdout
    stdout = subprocess.run([str(igo), "lees", str(path)], capture_output=True, text=True,
                            timeout=120).stdout
    assert tomllib.loads(stdout) == tomllib.loads((tmp_path / "regio.toml").read_text())


def test_cli_refuses_a_broken_workbook(tmp_path: pathlib.Path) -> None:
    """One line naming the file, sheet and cell; exit status 1; nothing written."""
    path = edited(tmp_path, lambda b: setattr(cell_of(b, "Tarieven", 2), "value", "veel"))
    igo = pathlib.Path(sys.executable).parent / "igo"
    out = subprocess.run([str(igo), "lees", str(path), "--toml", str(tmp_path / "r.toml")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and not (tmp_path / "r.toml").exists()
    same = subprocess.run([str(igo), "lees", str(path), "--toml", str(tmp_path / "r.x"),
                           "--json", str(tmp_path / "r.x")], capture_output=True, text=True,
                          timeout=120)
    assert same.returncode == 1 and not (tmp_path / "r.x").exists()
    assert "given for both --toml and --json" in same.stderr
    assert out.stderr.count("\n") == 1
    assert f"{path}: '{CARE}'!F8: 'veel' is not a number" in out.stderr


def test_blank_template_filled_in(tmp_path: pathlib.Path) -> None:
    """The blank workbook (`igo sjabloon`), filled in as a new region would: it reads as the
    region typed in, and distributes as that region does."""
    path = libigo.Region(name="Nieuwe regio").to_excel(tmp_path / "leeg.xlsx")
    book = openpyxl.load_workbook(path)
    cell_of(book, "Aantallen", 0).value, cell_of(book, "Tarieven", 0).value = 1200, 2876.5
    cell_of(book, "Aantallen", 4).value, cell_of(book, "Tarieven", 4).value = 310, "6120,80"
    cell_of(book, "IGO_kosten", 0, 1).value = 45000
    cell_of(book, "IGO_kosten", 1, 0).value = "percentage"
    cell_of(book, "IGO_kosten", 1, 2).value = 0.01
    for row, key in ((0, (0.45, 0.15, 0.4)), (4, (0.2, 0.55, 0.25))):
        for col, fraction in enumerate(key):
            cell_of(book, "Verdeelsleutel", row, col).value = fraction
    providers = [("vp-a", "Praktijk A", "verloskunde"), ("zh-b", "Ziekenhuis B", "ziekenhuis"),
                 ("kz-c", "Kraamzorg C", "kraamzorg")]
    for row, provider in enumerate(providers):
        for col, text in enumerate(provider):
            cell_of(book, "Zorgaanbieders", row, col).value = text
        cell_of(book, "Volumes", row, 0).value = 100 + row
        cell_of(book, "Volumes", row, 4).value = 10 + row
    book.save(path)
    typed = libigo.Region(
        name="Nieuwe regio",
        providers=[dict(zip(("id", "name", "discipline"), p)) for p in providers],
        production={"IG1": (1200, 2876.5), "IG5": (310, 6120.80)},
        costs={"beheerskosten": 45000, "innovatie_kwaliteit": {"percent": 1}},
        verdeelsleutel={"IG1": {"verloskunde": 45, "ziekenhuis": 15, "kraamzorg": 40},
                        "IG5": {"verloskunde": 20, "ziekenhuis": 55, "kraamzorg": 25}},
        volumes={"IG1": {"vp-a": 100, "zh-b": 101, "kz-c": 102},
                 "IG5": {"vp-a": 10, "zh-b": 11, "kz-c": 12}})
    read = libigo.Region.from_excel(path)
    assert_same(read, typed)
