"""The filled-in model workbook, checked by the real spreadsheet engine: LibreOffice recalculates
every formula (forced: see libreoffice.RECALC_ALWAYS) and each result must equal the cents the
core computed. Also: it opens cleanly, it is a working model (changed inputs give the core's
figures for those inputs), and a failed write leaves nothing behind."""

from __future__ import annotations

import os
import pathlib
import resource
import signal
import subprocess
import sys
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from strategies import engine_sample, random_region

import libigo
import libreoffice

RESULTS = "Uitkomsten verdeling"
CALC = "Berekening"
SPLIT = "Invoertabblad - verdeling"
CARE = "Invoertabblad - geleverde zorg"


def cell_block(book, name: str) -> tuple[str, int, int]:
    """The sheet, first row and first column (1-based) of a defined name's range."""
    (sheet, ref), = list(book.defined_names[name].destinations)
    col, row = openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0].replace("$", ""))
    return sheet, row, openpyxl.utils.cell.column_index_from_string(col)


def income_row(ws) -> int:
    """The row of the total income on the results sheet (below the checks)."""
    return next(r for r in range(1, 60) if ws.cell(r, 1).value == "Totale inkomsten IGO")


def provider_amounts(path: pathlib.Path) -> dict[str, Decimal]:
    """Provider id -> total on the results sheet (values as the file holds them)."""
    ws = openpyxl.load_workbook(path, data_only=True)[RESULTS]
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "Id") + 1
    amounts = {}
    for r in rows[start:]:
        if r[0] in (None, "") or r[0] == "Totaal":
            break
        amounts[r[0]] = Decimal(str(round(r[3], 2))).quantize(Decimal("0.01"))
    return amounts



def test_example_recalculates_to_the_core(example, recalculate, tmp_path):
    nl = example.to_excel(tmp_path / "voorbeeld.xlsx")
    en = example.to_excel(tmp_path / "example-en.xlsx", lang="en")
    out = recalculate([nl, en], tmp_path / "lo")
    for ours, theirs in zip([nl, en], out):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert count > 1500 and bad == []
    result = example.distribute()
    assert provider_amounts(out[0]) == dict(result.per_provider["amount"])
    ws = openpyxl.load_workbook(out[0], data_only=True)[RESULTS]
    assert round(ws.cell(income_row(ws), 2).value, 2) == float(result.income)


def test_recalculation_is_forced_not_cached(example, soffice, tmp_path):
    """A workbook whose cached values are all wrong must come back with the right ones; without
    the forced recalculation LibreOffice shows the wrong ones (so the other tests test)."""
    good = example.to_excel(tmp_path / "goed.xlsx")
    wrong = tmp_path / "fout.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(wrong, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                import re
                data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1<v>999</v>", data)
            zout.writestr(item, data)
    count, bad = libreoffice.formula_mismatches(good, wrong)
    assert len(bad) > 1000  # the cached values really are wrong
    (forced,) = libreoffice.recalculate([wrong], tmp_path / "forced")
    assert libreoffice.formula_mismatches(good, forced)[1] == []
    (trusted,) = libreoffice.recalculate([wrong], tmp_path / "trusted", force=False)
    assert len(libreoffice.formula_mismatches(good, trusted)[1]) > 1000


def test_fifty_random_regions_recalculate_to_the_core(recalculate, tmp_path):
    """Fifty random regions (every fourth with the cffi backend: see engine_sample)."""
    paths, regions = [], []
    for seed in engine_sample(50):
        region = random_region(seed)
        paths.append(region.to_excel(tmp_path / f"regio{seed}.xlsx"))
        regions.append(region)
    computed = recalculate(paths, tmp_path / "lo")
    total = 0
    for region, ours, theirs in zip(regions, paths, computed):
        count, bad = libreoffice.formula_mismatches(ours, theirs)
        assert bad == [], f"{region.name}: {bad[:5]}"
        assert provider_amounts(theirs) == dict(region.distribute().per_provider["amount"])
        total += count
    assert total > len(regions) * 1000


def change_inputs(path: pathlib.Path, region: libigo.Region) -> libigo.Region:
    """Changes input cells of a generated workbook with openpyxl, and the same in a copy of the
    region: counts, a tariff, a cost mode, a key, volumes, a new provider, a new outside line."""
    import copy
    changed = copy.deepcopy(region)
    book = openpyxl.load_workbook(path)
    care, split = book[CARE], book[SPLIT]
    care["E6"] = 1800  # IG1 count
    care["F10"] = 2999.995  # IG5 tariff
    changed.production["IG1"] = (1800, changed.production["IG1"][1])
    changed.production["IG5"] = (changed.production["IG5"][0], 2999.995)
    cost_row = next(r for r in range(1, 40) if care.cell(r, 1).value == "Overige kosten")
    care.cell(cost_row, 2).value = "percentage"
    care.cell(cost_row, 3).value = None  # the amount goes: both would be a mistake the checks show
    care.cell(cost_row, 4).value = 0.00125
    changed.costs["overig"] = libigo.Cost(percent=0.125)
    out_row = next(r for r in range(cost_row, 60) if care.cell(r, 1).value is None
                   and care.cell(r - 1, 1).value not in (None, "Omschrijving")
                   and r > cost_row + 5)
    care.cell(out_row, 1).value = "Nieuw echocentrum"
    care.cell(out_row, 2).value = 100
    care.cell(out_row, 3).value = 99.99
    for col in (4, 5):  # charged to IG1 and IG2
        care.cell(out_row, col).value = 1
    changed.outside.append(libigo.OutsideActivity("Nieuw echocentrum", 100, 99.99, ("IG1", "IG2")))
    key_row = next(r for r in range(1, 30) if split.cell(r, 1).value == "IG4")
    split.cell(key_row, 3).value = "direct"
    for col, pct in zip((4, 5, 6), (60.5, 12.5, 27)):
        split.cell(key_row, col).value = pct / 100
    changed.verdeelsleutel["IG4"] = {"verloskunde": 60.5, "ziekenhuis": 12.5, "kraamzorg": 27}
    changed.history = [h for h in changed.history if h.prestatie != "IG4"]
    top = next(r for r in range(1, 400) if split.cell(r, 1).value == "Prestatiecode") + 1
    for i, line in enumerate(region.history):  # direct keys and history lines conflict
        if line.prestatie == "IG4":
            for c in range(1, 6):
                split.cell(top + i, c).value = None
    prov_rows = [r for r in range(1, 200) if split.cell(r, 1).value in
                 {o.id for o in region.providers}]
    first_free = max(prov_rows) + 1
    split.cell(first_free, 1).value = "vp-nieuw"
    split.cell(first_free, 2).value = "Nieuwe praktijk"
    split.cell(first_free, 3).value = "verloskunde"
    split.cell(first_free, 4).value = 150  # IG1 volume
    split.cell(first_free, 7).value = 75  # IG4 volume
    changed.providers.append(libigo.Provider("vp-nieuw", "Nieuwe praktijk", "verloskunde"))
    changed.volumes["IG1"]["vp-nieuw"] = 150
    changed.volumes["IG4"]["vp-nieuw"] = 75
    # The example has a transition: the new provider starts without history.
    (sheet, ref), = list(book.defined_names["Overgang_aanbieders"].destinations)
    top_row = int(ref.split(":")[0].split("$")[2])
    book[sheet].cell(top_row + first_free - prov_rows[0], 3).value = 0
    changed.overgang["history"]["vp-nieuw"] = 0
    split.cell(prov_rows[0], 4).value = 333  # the first provider's IG1 volume
    changed.volumes["IG1"][region.providers[0].id] = 333
    book.save(path)
    return changed


def test_changed_inputs_recalculate_to_the_core(example, recalculate, tmp_path):
    path = example.to_excel(tmp_path / "gewijzigd.xlsx")
    changed = change_inputs(path, example)
    (computed,) = recalculate([path], tmp_path / "lo")
    expected = changed.distribute()
    assert provider_amounts(computed) == dict(expected.per_provider["amount"])
    ws = openpyxl.load_workbook(computed, data_only=True)[RESULTS]
    first = income_row(ws)
    figures = [Decimal(str(round(ws.cell(r, 2).value, 2))) for r in range(first, first + 6)]
    assert figures == [expected.income, *expected.costs.values(), expected.outside_total,
                       expected.distributed]
    assert expected.income != example.distribute().income  # the change did change things


def test_workbook_is_a_proper_model(example, tmp_path):
    path = example.to_excel(tmp_path / "voorbeeld.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Modeltoelichting", "Regiokenmerken", RESULTS,
                               "Invoertabblad - regiokenmerken", CARE, SPLIT,
                               "Indeling declaratiecodes", CALC, "Kwaliteitsbonussen",
                               "Wat als", "Overgang", "Berekening overgang"]
    for name in book.sheetnames:  # every sheet protected, without a password
        assert book[name].protection.sheet and not book[name].protection.password
        assert book[name].freeze_panes is not None
        assert book[name].page_setup.orientation == "landscape"
        assert book[name].sheet_properties.pageSetUpPr.fitToPage
    care = book[CARE]
    assert not care["E6"].protection.locked and care["E6"].fill.fgColor.rgb.endswith("FFF2CC")
    assert care["F6"].number_format.startswith('"€ "#,##0.00')
    assert book[CALC]["B6"].protection.locked
    assert len(care.data_validations.dataValidation) >= 4
    assert {"Aantallen", "Tarieven", "IGO_kosten", "Buiten_IGO", "Verdeelsleutel",
            "Zorgaanbieders", "Volumes", "Historie", "Regio", "Prestaties", "Disciplines",
            "Disciplinenamen", "Sleutelbron", "Normaliseren", "Regiokenmerken", "Opnames",
            "Redenen_overdracht", "Indeling", "Controle"} <= set(book.defined_names)
    links = [c.hyperlink.location for c in book["Modeltoelichting"]["A"] if c.hyperlink]
    assert len(links) == 12
    for name in book.sheetnames[1:]:  # every other sheet links back to the explanation
        back = [c.hyperlink.location for row in book[name].iter_rows(max_row=1) for c in row
                if c.hyperlink]
        assert back == ["'Modeltoelichting'!$A$1"], name
    validations = [v for name in (CARE, SPLIT) for v in book[name].data_validations.dataValidation]
    assert all(v.promptTitle and v.prompt and v.showInputMessage is not False and
               v.errorTitle == v.promptTitle for v in validations)
    titles = {v.type: v.promptTitle for v in validations}  # each kind its own title
    assert len(set(titles.values())) == len(titles) >= 3, titles
    # The provider table is an Excel table: Excel shows its header while one scrolls through it.
    (table,) = book[SPLIT].tables.values()
    _, top, _ = cell_block(book, "Zorgaanbieders")
    assert table.ref.startswith(f"A{top - 1}:") and table.headerRowCount in (None, 1)
    choice = next(v for v in validations if v.type == "list" and "bedrag" in v.formula1)
    assert "bedrag" in choice.prompt and "percentage" in choice.prompt
    names = zipfile.ZipFile(path).namelist()
    assert sum(n.startswith("xl/charts/chart") for n in names) == 6  # one on Overgang
    assert oct(os.stat(path).st_mode & 0o777) != "0o600"  # a normal new file, not a temp one


def test_blank_template_distributes_to_zero(tmp_path, recalculate):
    blank = libigo.Region(name="Sjabloon").to_excel(tmp_path / "sjabloon.xlsx")
    (computed,) = recalculate([blank], tmp_path / "lo")
    assert libreoffice.formula_mismatches(blank, computed)[1] == []
    ws = openpyxl.load_workbook(computed, data_only=True)[SPLIT]
    assert [ws.cell(r, 3).value for r in range(8, 17)] == ["direct"] * 9


def write_in_child(region_json: pathlib.Path, target: pathlib.Path,
                   limit: int) -> subprocess.CompletedProcess:
    """Writes the workbook from a child process whose files may not grow beyond limit bytes: the
    writes fail as on a full disk (the signal that would kill it is ignored)."""
    def restrict():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    code = ("import libigo,sys; r = libigo.Region.from_file(sys.argv[1])\n"
            "try: r.to_excel(sys.argv[2])\n"
            "except libigo.IgoError as e: print(e); sys.exit(1)")
    return subprocess.run([sys.executable, "-c", code, str(region_json), str(target)],
                          capture_output=True, text=True, preexec_fn=restrict, timeout=120,
                          env=dict(os.environ))


def test_a_full_disk_leaves_no_partial_file(example, tmp_path):
    region = tmp_path / "regio.json"
    example.to_json(region)
    out = tmp_path / "uit"
    out.mkdir()
    target = out / "voorbeeld.xlsx"
    target.write_bytes(b"the previous version")
    done = write_in_child(region, target, limit=20_000)
    assert done.returncode == 1, done.stderr
    assert str(target) in done.stdout and "cannot write the workbook" in done.stdout
    assert [p.name for p in out.iterdir()] == ["voorbeeld.xlsx"]  # no temporary file left
    assert target.read_bytes() == b"the previous version"  # and the old file untouched


def test_an_unwritable_directory_is_refused(example, tmp_path):
    locked = tmp_path / "alleen-lezen"
    locked.mkdir()
    # Root writes anywhere a mode allows nothing; an immutable directory stops root too.
    lock = ["chattr", "+i", str(locked)] if os.geteuid() == 0 else ["chmod", "555", str(locked)]
    if subprocess.run(lock, capture_output=True).returncode != 0:
        pytest.skip(f"cannot make a directory unwritable here ({' '.join(lock[:2])})")
    try:
        with pytest.raises(libigo.IgoError) as info:
            example.to_excel(locked / "voorbeeld.xlsx")
        assert info.value.code == "IGO_ERROR_IO"
        assert f"{locked}/voorbeeld.xlsx: cannot write in this directory" in str(info.value), \
            str(info.value)
        assert list(locked.iterdir()) == []
    finally:
        unlock = ["chattr", "-i"] if os.geteuid() == 0 else ["chmod", "755"]
        subprocess.run([*unlock, str(locked)], check=True)


def test_every_sheet_prints_with_region_sheet_and_page(tmp_path):
    import openpyxl
    region = libigo.example_region()
    region.name = "IGO Noord & Zuid"
    for lang, footer in (("nl", "Pagina &P van &N"), ("en", "Page &P of &N")):
        book = openpyxl.load_workbook(region.to_excel(tmp_path / f"{lang}.xlsx", lang))
        for sheet in book.worksheets:
            assert sheet.oddHeader.left.text == "IGO Noord && Zuid"  # '&' escaped
            assert sheet.oddHeader.right.text == "&A"  # the sheet's name
            assert sheet.oddFooter.center.text == footer
            assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9


def printed_pages(pdf: pathlib.Path, region_name: str) -> list[dict]:
    """Per printed page: the sheet (from its header), its size in points, its text and the
    median size of its type as printed (font size times the page's scaling)."""
    import statistics
    import pypdf
    pages = []
    for page in pypdf.PdfReader(pdf).pages:
        sizes: list[float] = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                sizes.append(abs(size * tm[3] * cm[3]))
        text = page.extract_text(visitor_text=visit)
        header = text.split("\n")[0]
        pages.append({"sheet": header.replace(region_name, "").strip(), "text": text,
                      "size": (float(page.mediabox.width), float(page.mediabox.height)),
                      "type": statistics.median(sizes)})
    return pages


def test_output_sheets_print_legibly_on_a4(example, soffice, tmp_path):
    """Printed by LibreOffice: every page A4 landscape with the region, the sheet and page n of
    m; the output sheets on few pages, in type no smaller than the input sheets' and at least
    8 points; no cell shows ### (a figure too wide for its column)."""
    pdf = libreoffice.to_pdf(example.to_excel(tmp_path / "voorbeeld.xlsx"), tmp_path)
    pages = printed_pages(pdf, example.name)
    count = len(pages)
    for number, page in enumerate(pages, 1):
        assert page["size"] == pytest.approx((841.89, 595.30), abs=0.5)
        assert f"Pagina {number} van {count}" in page["text"]
        assert "###" not in page["text"], page["sheet"]
    by_sheet: dict[str, list[dict]] = {}
    for page in pages:
        by_sheet.setdefault(page["sheet"], []).append(page)
    assert list(by_sheet) == ["Modeltoelichting", "Regiokenmerken", RESULTS,
                              "Invoertabblad - regiokenmerken", CARE, SPLIT,
                              "Indeling declaratiecodes", CALC, "Kwaliteitsbonussen", "Wat als",
                              "Overgang", "Berekening overgang"]
    assert len(by_sheet[RESULTS]) <= 8 and len(by_sheet["Regiokenmerken"]) <= 4
    assert len(by_sheet["Overgang"]) <= 8 and len(by_sheet["Kwaliteitsbonussen"]) <= 2
    assert len(by_sheet["Wat als"]) <= 3
    inputs = max(p["type"] for name in (CARE, SPLIT) for p in by_sheet[name])
    # (the bonuses' sheet, inputs and outputs side by side: no smaller than an input sheet)
    smallest_input = min(p["type"] for name in (CARE, SPLIT) for p in by_sheet[name])
    assert min(p["type"] for p in by_sheet["Kwaliteitsbonussen"]) >= smallest_input
    for name in ("Regiokenmerken", RESULTS, "Overgang", "Wat als"):
        smallest = min(p["type"] for p in by_sheet[name])
        assert smallest >= max(inputs, 8.0), (name, smallest, inputs)


def test_history_by_code_follows_the_classification(example, recalculate, tmp_path):
    """History lines take their discipline and prestatie from the classification sheet: a code
    the region reclassifies there, and a line added with only a code, a count and an amount,
    change the key in the recalculated workbook exactly as in the region read back from it."""
    path = example.to_excel(tmp_path / "indeling.xlsx")
    book = openpyxl.load_workbook(path)
    classes = book["Indeling declaratiecodes"]
    row = next(r for r in range(1, 200) if classes.cell(r, 1).value == "1602")
    classes.cell(row, 2).value = "ziekenhuis"  # the termijnecho reclassified
    split = book[SPLIT]
    top = next(r for r in range(1, 400) if split.cell(r, 1).value == "Prestatiecode") + 1
    spare = top + len(example.history)
    split.cell(spare, 1).value, split.cell(spare, 2).value = "1111", 10
    split.cell(spare, 3).value = 6721
    book.save(path)
    read = libigo.Region.from_excel(path)
    assert {h.discipline for h in read.history if h.code == "1602"} == {"ziekenhuis"}
    added = read.history[-1]
    assert (added.code, added.discipline, added.prestatie, added.count * added.tariff) == (
        "1111", "verloskunde", "IG1", 6721)
    expected = read.distribute()
    assert expected.cents != example.distribute().cents
    (computed,) = recalculate([path], tmp_path / "out")
    assert provider_amounts(computed) == dict(expected.per_provider["amount"])
