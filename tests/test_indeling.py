"""The default classification table (indeling) of monodisciplinary codes into IG-prestaties.

Reads python/libigo/data/indeling.csv straight from the repository (no import of libigo needed),
against the code list it must cover, python/libigo/data/monodisciplinaire_prestaties.csv (the
NZa's monodisciplinary codes, shipped with the package).
"""

from __future__ import annotations

import csv
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
INDELING = ROOT / "python" / "libigo" / "data" / "indeling.csv"
HEADER = ["prestatiecode", "discipline", "fase", "niveau", "ig_prestatie", "eenheid", "toelichting"]
FASEN = {"prenataal", "nataal", "postnataal"}
PHASE_OF = {"IG1": "prenataal", "IG2": "prenataal", "IG3": "prenataal",
            "IG4": "nataal", "IG5": "nataal", "IG6": "nataal",
            "IG7": "postnataal", "IG8": "postnataal", "IG9": "postnataal"}
DISCIPLINES = {"verloskunde", "kraamzorg", "ziekenhuis"}


CODE_LIST = ROOT / "python" / "libigo" / "data" / "monodisciplinaire_prestaties.csv"


def _read(path: pathlib.Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        body = list(reader)
    for i, row in enumerate(body, start=2):
        assert len(row) == len(header), \
            f"{path.name} line {i}: {len(row)} fields, expected {len(header)}"
    return header, [dict(zip(header, row)) for row in body]


@pytest.fixture(scope="module")
def indeling() -> list[dict[str, str]]:
    raw = INDELING.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    raw.decode("utf-8")  # valid UTF-8
    header, rows = _read(INDELING)
    assert header == HEADER
    assert rows
    return rows


def test_covers_the_code_list_in_order(indeling):
    _, codes = _read(CODE_LIST)
    assert len(codes) > 100
    assert [r["prestatiecode"] for r in indeling] == [r["prestatiecode"] for r in codes]
    for mine, theirs in zip(indeling, codes):
        assert mine["discipline"] == theirs["discipline"], mine["prestatiecode"]


def test_codes_unique_and_numeric(indeling):
    codes = [r["prestatiecode"] for r in indeling]
    assert len(codes) == len(set(codes))
    for c in codes:
        assert re.fullmatch(r"[1-9][0-9]*", c), f"code {c!r}: digits without leading zeros"
    assert {r["discipline"] for r in indeling} <= DISCIPLINES


def test_row_consistency(indeling):
    for r in indeling:
        code, fase, niveau, ig, eenheid = (r["prestatiecode"], r["fase"], r["niveau"],
                                           r["ig_prestatie"], r["eenheid"])
        assert fase in FASEN | {""}, code
        assert eenheid in {"traject", "uur"}, code
        assert r["toelichting"].strip(), code
        if fase:
            assert re.fullmatch(r"[1-9][0-9]*", niveau), f"{code}: niveau {niveau!r}"
            assert ig in PHASE_OF, f"{code}: ig_prestatie {ig!r}"
            assert PHASE_OF[ig] == fase, f"{code}: {ig} is not {fase}"
        else:
            assert niveau == "" and ig == "", f"{code}: no fase, so no niveau and no ig_prestatie"
        assert (eenheid == "uur") == (ig == "IG9"), f"{code}: uur exactly with IG9"


def test_hour_codes_are_kraamzorg_hours(indeling):
    uur = [r for r in indeling if r["eenheid"] == "uur"]
    assert uur, "the default table has hourly kraamzorg codes"
    for r in uur:
        assert r["discipline"] == "kraamzorg", r["prestatiecode"]
        assert r["fase"] == "postnataal", r["prestatiecode"]


def test_monotone_within_a_phase(indeling):
    """Within a phase a higher niveau never points at a less complex IG-prestatie (hour codes are
    not ranked: they count hours, not traject-phases)."""
    order = {p: i for i, p in enumerate(PHASE_OF)}
    for fase in FASEN:
        ranked = sorted((int(r["niveau"]), order[r["ig_prestatie"]], r["prestatiecode"])
                        for r in indeling if r["fase"] == fase and r["eenheid"] == "traject")
        assert ranked, fase
        for (n1, ig1, c1), (n2, ig2, c2) in zip(ranked, ranked[1:]):
            assert ig2 >= ig1, f"{fase}: {c2} (niveau {n2}) less complex than {c1} (niveau {n1})"
        # one niveau, one IG-prestatie, so a tie on niveau never has to be broken
        per_niveau: dict[int, set[int]] = {}
        for n, ig, _ in ranked:
            per_niveau.setdefault(n, set()).add(ig)
        assert all(len(s) == 1 for s in per_niveau.values()), f"{fase}: {per_niveau}"


def test_every_traject_prestatie_reachable(indeling):
    """Each of IG1..IG9 is the ig_prestatie of at least one code."""
    assert {r["ig_prestatie"] for r in indeling} - {""} == set(PHASE_OF)


def test_consistent_with_the_example_region(indeling):
    """Anchors the project's example region already uses (python/libigo/data/voorbeeld.toml)."""
    by_code = {r["prestatiecode"]: r for r in indeling}
    expect = {"1101": "IG1", "1111": "IG1", "1602": "IG1", "39485": "IG1",
              "1102": "IG4", "1112": "IG4", "190043": "IG4", "196204": "IG4",
              "159899019": "IG5",
              "159899007": "IG6", "159899017": "IG6",
              "1103": "IG7", "1113": "IG7", "196227": "IG7",
              "159899008": "IG8", "190033": "IG8",
              "196201": "IG9", "196210": "IG9"}
    for code, ig in expect.items():
        assert by_code[code]["ig_prestatie"] == ig, code
    for code in ("196202", "196203", "159999019", "159999030", "1606", "1201"):
        assert by_code[code]["fase"] == "prenataal", code
