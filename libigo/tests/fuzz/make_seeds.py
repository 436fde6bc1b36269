"""Writes the fuzzers' seed corpora (libigo/tests/fuzz/seeds_sheet, seeds_workbook).

Run from the repository root with the package installed (`make python`):
    .venv/bin/python libigo/tests/fuzz/make_seeds.py

Seeds are model workbooks the library writes (the example region in Dutch and English, a few
random variations of it, the blank template) plus small hand-built xlsx files for the corners of
the sheet reader. The workbook harness gets the same workbooks re-zipped with stored members (the
parts it reads only), so that a mutation in the XML keeps the zip readable (fuzz_workbook.c fixes
the CRCs); the sheet harness gets two of those. Reproducible:
fixed random seeds, and zip entries with a fixed date.
"""
from __future__ import annotations

import io
import pathlib
import random
import re
import sys
import tempfile
import zipfile

import libigo

HERE = pathlib.Path(__file__).resolve().parent
DATE = (2024, 1, 1, 0, 0, 0)


def rezip(data: bytes, method: int, keep=lambda info: True) -> bytes:
    """The zip again with the members kept under one method and a fixed date."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if keep(info):
                data = src.read(info)
                if info.filename == "docProps/core.xml":  # the time of writing: fixed
                    data = re.sub(rb"\d{4}-\d\d-\d\dT[\d:]+Z", b"2024-01-01T00:00:00Z", data)
                dst.writestr(zipfile.ZipInfo(info.filename, DATE), data, method)
    return out.getvalue()


def read_by_model(info: zipfile.ZipInfo) -> bool:
    """Whether igo_workbook_read opens the member: the workbook, its relationships, the shared
    strings and the sheets with inputs (the calculation sheet, by far the largest, has none)."""
    return (info.filename in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                              "xl/sharedStrings.xml")
            or (info.filename.startswith("xl/worksheets/sheet") and info.file_size < 60000))


def perturbed(data: object, rng: random.Random) -> object:
    """The example's numbers each scaled by a random factor (whole numbers stay whole)."""
    if isinstance(data, dict):
        return {k: perturbed(v, rng) for k, v in data.items()}
    if isinstance(data, list):
        return [perturbed(v, rng) for v in data]
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        return data
    scaled = data * rng.uniform(0.3, 1.7)
    return round(scaled) if isinstance(data, int) else round(scaled, 2)


def workbook(region: libigo.Region, lang: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "seed.xlsx"
        region.to_excel(path, lang)
        return rezip(path.read_bytes(), zipfile.ZIP_DEFLATED)


def model_workbooks() -> dict[str, bytes]:
    example = libigo.example_region()
    books = {f"example-{lang}": workbook(example, lang) for lang in ("nl", "en")}
    books.update({f"blank-{lang}": workbook(libigo.Region(name="Nieuwe regio"), lang)
                  for lang in ("nl", "en")})
    base = example.to_dict()
    rng, made = random.Random(2024), 0
    while made < 3:
        try:
            region = libigo.Region.from_dict(perturbed(base, rng))
            books[f"random-{made}"] = workbook(region, ("nl", "en")[made % 2])
            made += 1
        except libigo.IgoError:
            continue  # costs beyond the income: try another
    return books


RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        'formats.org/package/2006/relationships">{}</Relationships>')
REL = ('<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
       'relationships/{}" Target="{}"/>')


def small_book(sheet: str, strings: str | None = None, names: str = "") -> bytes:
    """A hand-built xlsx: one sheet, optional shared strings and defined names."""
    rels = REL.format(1, "worksheet", "worksheets/sheet1.xml")
    if strings is not None:
        rels += REL.format(2, "sharedStrings", "sharedStrings.xml")
    parts = {
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns:r="r"><workbookPr/><sheets>'
                           '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets>'
                           f'<definedNames>{names}</definedNames></workbook>',
        "xl/_rels/workbook.xml.rels": RELS.format(rels),
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet><sheetData>{sheet}'
                                    '</sheetData></worksheet>',
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0"?><sst>{strings}</sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, DATE), text, zipfile.ZIP_STORED)
    return out.getvalue()


def small_books() -> dict[str, bytes]:
    return {
        "types": small_book(
            '<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="s"><v>0</v></c>'
            '<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c>'
            '<c r="E1" t="str"><f>A1</f><v>x</v></c><c r="F1" t="inlineStr"><is><t>i</t>'
            '</is></c><c r="G1" t="d"><v>2024-02-29T12:00:00</v></c></row>'
            '<row><c><v>2</v></c><c><f>1+1</f></c></row><row r="9"><c r="XFD9"><v>3</v></c>'
            '</row>',
            '<si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>x</t></rPh></si>',
            '<definedName name="Regio">Blad1!$A$1</definedName>'
            '<definedName name="L" localSheetId="0">Blad1!$B$1</definedName>'),
        "prefixed": small_book('<x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row>'),
        "empty": small_book(""),
    }


def write(folder: pathlib.Path, seeds: dict[str, bytes]) -> None:
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.xlsx"):
        old.unlink()
    for name, data in seeds.items():
        (folder / f"{name}.xlsx").write_bytes(data)


def main() -> int:
    books = model_workbooks()
    stored = {f"{k}-stored": rezip(v, zipfile.ZIP_STORED, read_by_model)
              for k, v in books.items()}
    # two stored workbooks for the sheet reader too: mutated XML in them still inflates
    sheet_stored = {k: stored[k] for k in ("example-en-stored", "blank-nl-stored")}
    write(HERE / "seeds_sheet", {**books, **small_books(), **sheet_stored})
    write(HERE / "seeds_workbook", {**books, **stored})
    return 0


if __name__ == "__main__":
    sys.exit(main())
