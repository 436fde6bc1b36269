"""Writes the hostile corpus: workbooks a careless or malicious sender could hand over, each
derived from a real model workbook that libigo writes, with the refusal expected of each.

Run from the repository root with the package installed (`make python`):
    .venv/bin/python libigo/tests/hostile/make_corpus.py

It writes libigo/tests/hostile/*.xlsx (and a few other extensions) and manifest.tsv, one line per
file: the file, the reader that must refuse it ("sheet": igo_xlsx_open and reading every sheet;
"model": igo_workbook_read, while the sheet reader accepts it; "both"), the igo_error's name and a
substring of the message. libigo/tests/test_hostile.c checks every line. Files found by the
fuzzers are kept in crashes/ and listed in crashes.tsv (by hand: they are not generated).
Reproducible: fixed zip dates and no randomness.
"""
from __future__ import annotations

import io
import pathlib
import re
import struct
import sys
import tempfile
import zipfile
import zlib

import libigo

HERE = pathlib.Path(__file__).resolve().parent
DATE = (2024, 1, 1, 0, 0, 0)
INPUT_SHEET = "Invoertabblad - geleverde zorg"  # Prestaties, Aantallen, Tarieven: row 6 on
# No inputs, and the largest parts: left out of the base.
CALC_SHEETS = ("Berekening", "Berekening overgang")


def written_workbook() -> dict[str, bytes]:
    """The example region's model workbook, as libigo writes it, as {member: bytes}."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "voorbeeld.xlsx"
        libigo.example_region().to_excel(path, "nl")
        with zipfile.ZipFile(path) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
    parts["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT[\d:]+Z", b"2024-01-01T00:00:00Z",
                                        parts["docProps/core.xml"])
    return parts


def sheet_part(parts: dict[str, bytes], name: str) -> str:
    """The member holding the sheet of that name."""
    book = parts["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet name="{re.escape(name)}" sheetId="\d+" r:id="(\w+)"/>', book)[1]
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    return "xl/" + re.search(rf'Id="{rid}" [^>]*Target="([^"]+)"', rels)[1]


def without_sheet(parts: dict[str, bytes], name: str) -> None:
    member = sheet_part(parts, name)
    del parts[member]
    book = parts["xl/workbook.xml"].decode()
    book = re.sub(rf'<sheet name="{name}"[^>]*/>', "", book)
    book = re.sub(rf'<definedName name="_xlnm.Print_Titles" localSheetId="\d+">\'?{name}\'?!'
                  r'[^<]*</definedName>', "", book)
    parts["xl/workbook.xml"] = book.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = member.removeprefix("xl/")
    parts["xl/_rels/workbook.xml.rels"] = re.sub(
        rf'<Relationship [^>]*Target="{target}"/>', "", rels).encode()


def base_workbook() -> dict[str, bytes]:
    """The written workbook without its calculation sheets, which only make the corpus larger."""
    parts = written_workbook()
    for name in CALC_SHEETS:
        without_sheet(parts, name)
    # The cells the corpus edits, written as below whatever the writer's style numbers and row
    # spans are now (the reader reads neither), so that the edits stay the same.
    zorg = sheet_part(parts, INPUT_SHEET)
    text = parts[zorg].decode()
    text = re.sub(r'<c r="E6" s="\d+">', '<c r="E6" s="12">', text, count=1)
    text = re.sub(r'<row r="7" spans="[\d:]+">', '<row r="7" spans="1:6">', text, count=1)
    parts[zorg] = text.encode()
    return parts


def zipped(parts: dict[str, bytes], stored: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(name, DATE), data, method)
    return out.getvalue()


def edited(parts: dict[str, bytes], member: str, old: str, new: str, count: int = 1) -> bytes:
    """The workbook with one replacement in one member (which must happen)."""
    text = parts[member].decode()
    assert old in text, (member, old)
    return zipped({**parts, member: text.replace(old, new, count).encode()})


# ---- containers ----

def ole_file(stream: str) -> bytes:
    """An OLE compound file's header and a directory sector naming one stream (UTF-16LE)."""
    header = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    name = stream.encode("utf-16-le") + b"\0\0"
    entry = name.ljust(64, b"\0") + struct.pack("<H", len(name)) + bytes(62)
    return header + entry.ljust(512, b"\0")


def damaged_crc(parts: dict[str, bytes], member: str) -> bytes:
    """A stored member whose data changed after its CRC was written (still well-formed XML)."""
    data = zipped(parts, stored=(member,))
    old = b'<c r="E6" s="12"><v>1720</v>'
    at = data.index(old)
    return data[:at] + old.replace(b"1720", b"1721") + data[at + len(old):]


def bad_central_directory(parts: dict[str, bytes]) -> bytes:
    """The end record points the central directory past the end of the file."""
    data = bytearray(zipped(parts))
    end = data.rindex(b"PK\x05\x06")
    data[end + 16:end + 20] = struct.pack("<I", len(data) + 4096)
    return bytes(data)


def bomb(parts: dict[str, bytes], member: str, megabytes: int, declared: int | None) -> bytes:
    """A sheet that inflates to megabytes MiB of valid XML (spaces), far beyond
    IGO_XLSX_MAX_RATIO; declared: the uncompressed size its headers claim (None: the truth)."""
    head = b'<?xml version="1.0"?><worksheet><sheetData>'
    tail = b"</sheetData></worksheet>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk, body = b" " * (1 << 20), []
    body.append(comp.compress(head))
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        body.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    body.append(comp.compress(tail) + comp.flush())
    crc = zlib.crc32(tail, crc)
    size = len(head) + (megabytes << 20) + len(tail)
    data = bytearray(zipped({**parts, member: b"<placeholder/>"}))
    return patch_member(data, member, b"".join(body), crc, size if declared is None else declared)


def patch_member(data: bytearray, member: str, raw: bytes, crc: int, size: int) -> bytes:
    """Rebuilds the zip with member's deflated bytes replaced (sizes and CRC as given)."""
    src = zipfile.ZipFile(io.BytesIO(bytes(data)))
    out = io.BytesIO()
    central = []
    for info in src.infolist():
        offset = out.tell()
        name = info.filename.encode()
        if info.filename == member:
            body, c, usize, method = raw, crc, size, 8
        else:
            with src.open(info) as f:
                plain = f.read()
            comp = zlib.compressobj(9, zlib.DEFLATED, -15)
            body, c, usize, method = comp.compress(plain) + comp.flush(), zlib.crc32(plain), \
                len(plain), 8
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x5821, c,
                              len(body), usize, len(name), 0) + name + body)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0,
                                   0x5821, c, len(body), usize, len(name), 0, 0, 0, 0, 0,
                                   offset) + name)
    start = out.tell()
    cd = b"".join(central)
    out.write(cd + struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central),
                               len(cd), start, 0))
    return out.getvalue()


def encrypted_member(parts: dict[str, bytes], member: str) -> bytes:
    """The member's general-purpose flag says it is encrypted (traditional PKWARE)."""
    data = bytearray(zipped(parts))
    name = member.encode()
    for sig, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                data[at + flag_at] |= 1
            at += 4
    return bytes(data)


# ---- XML ----

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
    for i in range(1, 10)) + "]>")
PASSWD = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def with_doctype(parts: dict[str, bytes], member: str, doctype: str, use: str,
                 where: str) -> bytes:
    """A DOCTYPE after the declaration and its entity used at where (text in member)."""
    text = parts[member].decode().replace(DECL, DECL + "\n" + doctype, 1)
    assert where in text, (member, where)
    return zipped({**parts, member: text.replace(where, where + use, 1).encode()})


def recoded(parts: dict[str, bytes], member: str, encoding: str, codec: str) -> bytes:
    text = parts[member].decode().replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)
    return zipped({**parts, member: text.encode(codec)})


def deep(parts: dict[str, bytes], member: str, depth: int) -> bytes:
    nest = "<x>" * depth + "</x>" * depth
    return edited(parts, member, "<sheetData>", "<sheetData><row r=\"1\"><c r=\"A1\"><is>"
                  + nest + "</is></c></row>")


def corpus() -> list[tuple[str, bytes, str, str, str]]:
    """(file, bytes, reader, error, message substring) for every hostile file."""
    p = base_workbook()
    zorg = sheet_part(p, INPUT_SHEET)
    overgang = sheet_part(p, "Overgang")
    bonus = sheet_part(p, "Kwaliteitsbonussen")
    split = sheet_part(p, "Invoertabblad - verdeling")
    strings, book = "xl/sharedStrings.xml", "xl/workbook.xml"
    row6 = '<c r="E6" s="12"><v>1720</v></c>'
    names = p[book].decode()
    return [
        ("base.xlsx", zipped(p), "none", "IGO_OK", ""),
        # containers
        ("not-a-zip.xlsx", b"Zorgaanbieder;Volume\nVerloskundigen De Delta;120\n", "both",
         "IGO_ERROR_IO", "not an xlsx (zip) file"),
        ("empty.xlsx", b"", "both", "IGO_ERROR_IO", "is empty"),
        ("truncated.xlsx", zipped(p)[:20000], "both", "IGO_ERROR_IO",
         "corrupt or truncated zip"),
        ("bad-central-directory.xlsx", bad_central_directory(p), "both", "IGO_ERROR_IO",
         "corrupt or truncated zip"),
        ("bad-crc.xlsx", damaged_crc(p, zorg), "both", "IGO_ERROR_IO", "CRC mismatch"),
        ("zip-bomb.xlsx", bomb(p, zorg, 200, None), "both", "IGO_ERROR_LIMIT", "a zip bomb"),
        ("zip-bomb-lying-size.xlsx", bomb(p, zorg, 40, 4096), "both", "IGO_ERROR_VALUE",
         "malformed XML"),
        ("zip-part-beyond-1gib.xlsx", bomb(p, zorg, 1, 1 << 31), "both", "IGO_ERROR_LIMIT",
         "inflates beyond 1073741824 bytes"),
        ("encrypted-member.xlsx", encrypted_member(p, zorg), "both", "IGO_ERROR_IO",
         "is encrypted"),
        ("encrypted-ole.xlsx", ole_file("EncryptionInfo"), "both", "IGO_ERROR_IO",
         "the workbook is encrypted (it has a password)"),
        ("old-excel.xls", ole_file("Workbook"), "both", "IGO_ERROR_IO", "an old .xls"),
        ("binary.xlsb", zipped({**{k: v for k, v in p.items() if k != book},
                                "xl/workbook.bin": b"\x83\x01\x00"}),
         "both", "IGO_ERROR_IO", "is an .xlsb (binary) workbook"),
        ("opendocument.ods", zipped({"mimetype": b"application/vnd.oasis.opendocument."
                                                 b"spreadsheet", "content.xml": b"<x/>"}),
         "both", "IGO_ERROR_IO", "is an OpenDocument (.ods) file"),
        ("no-workbook-part.xlsx", zipped({k: v for k, v in p.items() if k != book}), "both",
         "IGO_ERROR_IO", "has no part xl/workbook.xml"),
        ("missing-sheet-part.xlsx", zipped({k: v for k, v in p.items() if k != zorg}), "both",
         "IGO_ERROR_IO", f"the part {zorg} is missing"),
        ("rel-escapes-package.xlsx", edited(p, "xl/_rels/workbook.xml.rels",
                                            f'Target="{zorg.removeprefix("xl/")}"',
                                            'Target="../../../../etc/passwd"'),
         "both", "IGO_ERROR_IO", "the part etc/passwd is missing"),
        # XML
        ("billion-laughs-strings.xlsx", with_doctype(p, strings, LAUGHS, "&lol9;", "<si><t>"),
         "both", "IGO_ERROR_VALUE", "xl/sharedStrings.xml line 2: a document type declaration"),
        ("billion-laughs-workbook.xlsx", with_doctype(p, book, LAUGHS, "&lol9;",
                                                      '<definedName name="Regio">'),
         "both", "IGO_ERROR_VALUE", "xl/workbook.xml line 2: a document type declaration"),
        ("billion-laughs-sheet.xlsx", with_doctype(p, zorg, LAUGHS, "&lol9;",
                                                   '<c r="E6" s="12"><v>'),
         "both", "IGO_ERROR_VALUE", f"sheet '{INPUT_SHEET}' a document type declaration"),
        ("external-entity.xlsx", with_doctype(p, strings, PASSWD, "&xxe;", "<si><t>"), "both",
         "IGO_ERROR_VALUE", "(DOCTYPE) is not allowed"),
        ("deep-nesting.xlsx", deep(p, zorg, 5000), "both", "IGO_ERROR_LIMIT",
         "elements nest deeper than 64"),
        ("malformed-xml.xlsx", edited(p, zorg, row6, '<c r="E6" s="12"><v>1720</c>'), "both",
         "IGO_ERROR_VALUE", "malformed XML: mismatched tag"),
        ("encoding-iso-2022-jp.xlsx", recoded(p, book, "ISO-2022-JP", "utf-8"), "both",
         "IGO_ERROR_VALUE", "xl/workbook.xml line 1"),
        ("encoding-utf-32.xlsx", recoded(p, strings, "UTF-32", "utf-32"), "both",
         "IGO_ERROR_VALUE", "xl/sharedStrings.xml line 1: the encoding UTF-32 is not UTF-8"),
        ("encoding-utf-32-no-bom.xlsx", recoded(p, strings, "UTF-32", "utf-32-be"), "both",
         "IGO_ERROR_VALUE", "xl/sharedStrings.xml line 1: the encoding UTF-32 is not UTF-8"),
        ("encoding-declared-utf-32.xlsx", recoded(p, zorg, "UTF-32", "utf-8"), "both",
         "IGO_ERROR_VALUE", "the encoding 'UTF-32' is not UTF-8 or UTF-16"),
        ("encoding-utf-16-accepted.xlsx", recoded(p, strings, "UTF-16", "utf-16"), "none",
         "IGO_OK", ""),
        ("encoding-latin-1.xlsx", recoded(p, zorg, "ISO-8859-1", "latin-1"), "both",
         "IGO_ERROR_VALUE", "the encoding 'ISO-8859-1' is not UTF-8 or UTF-16"),
        # cells
        ("cell-beyond-xfd.xlsx", edited(p, zorg, 'r="E6"', 'r="XFE6"'), "both",
         "IGO_ERROR_VALUE", "cell 'XFE6': beyond XFD1048576"),
        ("row-beyond-1048576.xlsx", edited(p, zorg, '<c r="E6" s="12">', '<c r="E1048577">'),
         "both", "IGO_ERROR_VALUE", "cell 'E1048577': beyond XFD1048576"),
        ("row-number-beyond.xlsx", edited(p, zorg, '<row r="6"', '<row r="99999999999999999"'),
         "both", "IGO_ERROR_VALUE", "beyond row 1048576"),
        ("rows-out-of-order.xlsx", edited(p, zorg, '<row r="7" spans="1:6"><c r="A7"',
                                          '<row r="3" spans="1:6"><c r="A3"'),
         "both", "IGO_ERROR_VALUE", "rows out of order or given twice"),
        ("cell-in-wrong-row.xlsx", edited(p, zorg, '<c r="E6" s="12">', '<c r="E7" s="12">'),
         "both", "IGO_ERROR_VALUE", "cell E7: in row 6"),
        ("duplicate-cell.xlsx", edited(p, zorg, row6, row6 + row6), "both", "IGO_ERROR_VALUE",
         "cell E6: given twice"),
        ("shared-string-out-of-range.xlsx", edited(p, zorg, row6,
                                                   '<c r="E6" t="s"><v>4000000000</v></c>'),
         "both", "IGO_ERROR_VALUE", "cell E6: shared string 4000000000 does not exist"),
        ("shared-string-negative.xlsx", edited(p, zorg, row6, '<c r="E6" t="s"><v>-1</v></c>'),
         "both", "IGO_ERROR_VALUE", "cell E6: shared string index '-1' is not a whole number"),
        ("strings-declared-millions.xlsx", zipped({
            **p, strings: b'<?xml version="1.0"?><sst count="9000000" uniqueCount="9000000">'
                          b'</sst>'}), "both", "IGO_ERROR_VALUE",
         "does not exist (the table has 0)"),
        ("number-overflow.xlsx", edited(p, zorg, "<v>1720</v>", "<v>1e999</v>"), "both",
         "IGO_ERROR_VALUE", "cell E6: '1e999' is not a number"),
        ("unknown-cell-type.xlsx", edited(p, zorg, '<c r="E6" s="12">', '<c r="E6" t="zz">'),
         "both", "IGO_ERROR_VALUE", "cell E6: unknown type 'zz'"),
        ("duplicate-sheet-name.xlsx", edited(p, book, 'name="Regiokenmerken" sheetId',
                                             f'name="{INPUT_SHEET.upper()}" sheetId'),
         "both", "IGO_ERROR_VALUE", "two sheets are named"),
        # the model's blocks
        ("defined-name-missing-sheet.xlsx", edited(p, book, f"'{INPUT_SHEET}'!$E$6:$E$14",
                                                   "'Blad9'!$E$6:$E$14"),
         "model", "IGO_ERROR_VALUE", "'Aantallen' refers to a sheet 'Blad9'"),
        ("defined-name-whole-sheet.xlsx", edited(p, book, f"'{INPUT_SHEET}'!$E$6:$E$14",
                                                 f"'{INPUT_SHEET}'!$A$1:$XFD$1048576"),
         "model", "IGO_ERROR_LIMIT", "covers 1048576 x 16384 cells"),
        ("defined-names-many-large.xlsx", zipped({**p, book: re.sub(
            r"!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$\d+<", r"!$\1$\2:$\3$400000<", names).encode()}),
         "model", "IGO_ERROR_LIMIT", "beyond 4194304 cells"),
        ("defined-name-ref-error.xlsx", edited(p, book, f"'{INPUT_SHEET}'!$E$6:$E$14", "#REF!"),
         "model", "IGO_ERROR_VALUE", "'Aantallen' does not refer to one range of cells"),
        ("defined-name-missing.xlsx", zipped({**p, book: re.sub(
            r'<definedName name="Volumes">[^<]*</definedName>', "", names).encode()}),
         "model", "IGO_ERROR_VALUE", "no defined name 'Volumes'"),
        ("formula-without-value.xlsx", edited(p, zorg, row6, '<c r="E6"><f>E7*2</f></c>'),
         "model", "IGO_ERROR_VALUE", f"'{INPUT_SHEET}'!E6: a formula without a computed value"),
        ("ambiguous-number-text.xlsx", edited(p, zorg, row6,
                                              '<c r="E6" t="inlineStr"><is><t>1.720</t></is></c>'),
         "model", "IGO_ERROR_VALUE", f"'{INPUT_SHEET}'!E6: '1.720' is not a number"),
        ("error-value-input.xlsx", edited(p, zorg, row6, '<c r="E6" t="e"><v>#REF!</v></c>'),
         "model", "IGO_ERROR_VALUE", f"'{INPUT_SHEET}'!E6: the error value #REF!"),
        ("negative-count.xlsx", edited(p, zorg, "<v>1720</v>", "<v>-1720</v>"), "model",
         "IGO_ERROR_VALUE", f"'{INPUT_SHEET}'!E6"),
        # the transition's blocks (read after the model)
        ("transition-years-whole-sheet.xlsx", zipped({**p, book: re.sub(
            r'(<definedName name="Overgang_jaren">[^!]*!)[^<]*<',
            r"\1$A$1:$XFD$1048576<", names).encode()}),
         "model", "IGO_ERROR_LIMIT", "'Overgang_jaren' covers 1048576 x 16384 cells"),
        ("transition-limits-shape.xlsx", zipped({**p, book: re.sub(
            r'(<definedName name="Overgang_grenzen">[^!]*!\$B\$\d+:\$)B', r"\1C",
            names).encode()}),
         "model", "IGO_ERROR_VALUE", "'Overgang_grenzen' covers 2 x 2 cells"),
        ("transition-history-text.xlsx", zipped({**p, overgang: re.sub(
            r'<c r="(C\d+)" s="\d+"><v>619900</v></c>',
            r'<c r="\1" t="inlineStr"><is><t>veel</t></is></c>', p[overgang].decode(),
            count=1).encode()}),
         "model", "IGO_ERROR_VALUE", "'Overgang'!C"),
        # the fixed parts
        ("fixed-part-text.xlsx", zipped({**p, split: re.sub(
            r'<c r="(C\d+)" s="\d+"><v>60000</v></c>',
            r'<c r="\1" t="inlineStr"><is><t>veel</t></is></c>', p[split].decode(),
            count=1).encode()}),
         "model", "IGO_ERROR_VALUE", "'Invoertabblad - verdeling'!C"),
        # the quality bonuses' blocks
        ("bonus-values-whole-sheet.xlsx", zipped({**p, book: re.sub(
            r'(<definedName name="Bonus_waarden">[^!]*!)[^<]*<',
            r"\1$A$1:$XFD$1048576<", names).encode()}),
         "model", "IGO_ERROR_LIMIT", "'Bonus_waarden' covers 1048576 x 16384 cells"),
        ("bonus-pool-shape.xlsx", zipped({**p, book: re.sub(
            r'(<definedName name="Bonus_pot">[^!]*!\$B\$\d+:\$)D', r"\1E",
            names).encode()}),
         "model", "IGO_ERROR_VALUE", "'Bonus_pot' covers 1 x 4 cells"),
        ("bonus-value-text.xlsx", zipped({**p, bonus: re.sub(
            r'<c r="(D\d+)" s="\d+"><v>11.2</v></c>',
            r'<c r="\1" t="inlineStr"><is><t>laag</t></is></c>', p[bonus].decode(),
            count=1).encode()}),
         "model", "IGO_ERROR_VALUE", "'Kwaliteitsbonussen'!D"),
    ]


def main() -> int:
    for old in HERE.glob("*"):
        if old.is_file() and old.suffix in (".xlsx", ".xls", ".xlsb", ".ods"):
            old.unlink()
    lines = ["# file\treader\terror\tmessage substring (written by make_corpus.py)"]
    for name, data, reader, error, message in corpus():
        (HERE / name).write_bytes(data)
        lines.append(f"{name}\t{reader}\t{error}\t{message}")
    (HERE / "manifest.tsv").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
