"""The edges of the library, tried as a hostile and as a careless user would: every bad value is
refused where it enters (never coerced, dropped or turned into a traceback), results are
snapshots, only regular files are read, outputs are written all or none, and messages say where.
Each test covers one class of the hardening issue with several members."""

from __future__ import annotations

import json
import math
import os
import pathlib
import resource
import stat
import subprocess
import sys
import threading
import time
from decimal import Decimal
from fractions import Fraction

import numpy as np
import openpyxl
import pandas as pd
import pytest
from test_cli import IGO, run

import libigo
import libreoffice
from libigo import scenarios

VOORBEELD = pathlib.Path(libigo.__file__).parent / "data" / "voorbeeld.toml"


def refused(call, *fragments: str, code: str | None = None) -> libigo.IgoError:
    """call() raises IgoError (nothing else) whose message holds every fragment."""
    with pytest.raises(libigo.IgoError) as info:
        call()
    for fragment in fragments:
        assert fragment in str(info.value), str(info.value)
    if code:
        assert info.value.code == code, str(info.value)
    return info.value


def one_line_error(out: subprocess.CompletedProcess, *fragments: str) -> None:
    """The igo command refused its input: exit 1 and exactly one line on stderr."""
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert out.stderr.startswith("igo: fout: ") and out.stderr.count("\n") == 1, out.stderr
    for fragment in fragments:
        assert fragment in out.stderr, out.stderr


# ---- 1. no silently wrong numbers ----

@pytest.mark.parametrize("flag", ["false", "true", 0, 1, 0.0, None])
def test_a_flag_is_true_or_false_never_coerced(example, flag):
    data = example.to_dict()
    data["normalise_keys"] = flag
    refused(lambda: libigo.Region.from_dict(data), "normalise_keys: expected true or false")


@pytest.mark.parametrize("where, text", [
    ("verdeelsleutel", '[verdeelsleutel.IG1]\nverloskunde = nan\nziekenhuis = 60\n'),
    ("volumes", '[volumes.IG1]\nvp-haven = nan\n'),
    ("production", '[production]\nIG1 = { count = nan, tariff = 915.4 }\n'),
    ("history", 'history = [{ prestatie = "IG1", discipline = "verloskunde", code = "1", '
                'count = 1, tariff = -inf }]\n'),
])
def test_nan_and_infinity_in_a_region_file_are_refused_not_dropped(tmp_path, where, text):
    path = tmp_path / "regio.toml"
    path.write_text(text)
    error = refused(lambda: libigo.Region.from_file(path), f"{path}: {where}")
    assert "NaN" in str(error) or "infinite" in str(error)


@pytest.mark.parametrize("document, key", [
    ('{"name": "A", "name": "B"}', "'name'"),
    ('{"production": {"IG1": {"count": 1, "count": 2, "tariff": 3}}}', "'count'"),
    ('{"providers": [{"id": "a", "discipline": "kraamzorg", "id": "b"}]}', "'id'"),
])
def test_a_json_key_given_twice_is_refused(tmp_path, document, key):
    path = tmp_path / "regio.json"
    path.write_text(document)
    refused(lambda: libigo.Region.from_file(path), str(path), f"the key {key} is given twice")


def test_a_distribution_is_a_snapshot_of_its_region(example, tmp_path):
    result = example.distribute()
    providers, per_prestatie = result.per_provider.copy(), result.per_prestatie.copy()
    # Changing the region afterwards changes neither the tables nor the workbook of the result.
    example.production["IG1"] = (1, 1.0)
    example.providers.append(libigo.Provider("nieuw", "Nieuw", "kraamzorg"))
    example.name = "Veranderd"
    assert result.per_provider.equals(providers) and result.per_prestatie.equals(per_prestatie)
    book = openpyxl.load_workbook(result.to_excel(tmp_path / "r.xlsx"), data_only=True)
    sheet = book["Uitkomsten verdeling"]
    row = next(r for r in range(1, 60) if sheet.cell(r, 1).value == "Totale inkomsten IGO")
    assert sheet.cell(row, 2).value == float(result.income)
    # Nothing of the result can be changed through it either.
    with pytest.raises(AttributeError):
        result.income = Decimal(0)
    with pytest.raises(TypeError):
        result.cents["income"] = 0  # type: ignore[index]
    with pytest.raises(TypeError):
        result.costs["Beheerskosten"] = Decimal(0)  # type: ignore[index]
    result.region.production["IG1"] = (2, 2.0)
    assert result.region.production["IG1"] != (2, 2.0)
    study = scenarios.ScenarioSet.default()
    figures = study.compute()
    study.drivers[0]["volume"] = 0
    with pytest.raises(AttributeError):
        figures.cents = {}
    assert figures.set.drivers[0]["volume"] > 0


def test_a_value_changed_by_hand_is_checked_again(example):
    example.production["IG2"] = ("840", 1200.0)  # type: ignore[assignment]
    refused(example.distribute, "production.IG2.count: expected a number, got '840'")
    example.production["IG2"] = (840, 1200.0)
    example.normalise_keys = "false"  # type: ignore[assignment]
    refused(lambda: example.sweep(counts={"IG1": [1, 2]}), "normalise_keys")


ODD_IDS = {"disciplines": ["écho", "ÉCHO", "vk*", "<5", "=x", "~y"],
           "providers": ["p-é", "P-É", "p?", "p*"]}


def odd_id_region() -> libigo.Region:
    """Ids that a spreadsheet's SUMIF or = would mix up: case beyond ASCII, wildcards,
    comparison operators."""
    d, o = ODD_IDS["disciplines"], ODD_IDS["providers"]
    return libigo.Region(
        name="Vreemde ids", prestaties=[{"code": "a"}, {"code": "A"}, {"code": "a*"}],
        disciplines=d, providers=[{"id": o[i], "discipline": d[i]} for i in range(4)],
        production={"a": (100, 333.335), "A": (7, 1000.0), "a*": (3, 10.0)},
        verdeelsleutel={c: {d[0]: 40, d[1]: 30, d[2]: 20, d[3]: 10} for c in ("a", "A", "a*")},
        volumes={c: {o[0]: 3, o[1]: 1, o[2]: 2, o[3]: 5} for c in ("a", "A", "a*")})


def test_ids_a_spreadsheet_would_mix_up_are_kept_apart(soffice, tmp_path):
    region = odd_id_region()
    path = region.to_excel(tmp_path / "ids.xlsx")
    (theirs,) = libreoffice.recalculate([path], tmp_path / "lo")
    count, bad = libreoffice.formula_mismatches(path, theirs)
    assert count > 100 and bad == []
    amounts = dict(region.distribute().per_provider["amount"])
    assert len(set(amounts.values())) == 4  # four different amounts, none merged


@pytest.mark.parametrize("value", [123, 4.5, ["x"], b"naam"])
def test_a_name_is_a_text(value):
    refused(lambda: libigo.Region(name=value), "name: expected a text")
    refused(lambda: scenarios.ScenarioSet(name=value), "name: expected a text")


@pytest.mark.parametrize("year", ["2027.5", 2027.9, True, "twintig", 10**30, "٢٠٢٧"])
def test_a_phase_in_year_is_a_whole_year(year):
    refused(lambda: scenarios.ScenarioSet(phase_in={year: 50}), "phase_in", "is not a year")


# ---- 2. IgoError, never a traceback ----

@pytest.mark.parametrize("count", [10**400, Decimal("1e400"), Fraction(10**400, 3), 1e308 * 10,
                                   Decimal("sNaN"), float("nan")])
def test_numbers_beyond_a_double_or_not_numbers(example, count):
    example.production["IG1"] = (count, 1.0)
    refused(example.distribute, "production.IG1.count")


@pytest.mark.parametrize("text", ["vp\x00een", "vp\ud800", "vp\x1b[2J", "regel\nbreuk", "\uffff"])
def test_texts_no_workbook_can_hold(example, text):
    example.providers[0] = libigo.Provider(text, "Naam", "ziekenhuis")
    refused(example.distribute, "providers[0].id", "holds the character U+")
    example.providers[0] = libigo.Provider("zh-rivierstad", text, "ziekenhuis")
    refused(example.distribute, "providers[0].name", code="IGO_ERROR_VALUE")


def test_a_lone_surrogate_in_a_json_file(tmp_path):
    path = tmp_path / "regio.json"
    path.write_text('{"name": "Regio \\ud800"}')
    refused(lambda: libigo.Region.from_file(path), f"{path}: name: holds the character U+D800")


@pytest.mark.parametrize("suffix, text", [(".json", "[" * 200_000),
                                          (".json", '{"a":' * 200_000),
                                          (".toml", "a = " + "[" * 200_000)])
def test_deep_nesting(tmp_path, suffix, text):
    path = tmp_path / f"diep{suffix}"
    path.write_text(text)
    refused(lambda: libigo.Region.from_file(path), str(path))
    refused(lambda: scenarios.ScenarioSet.from_file(path), str(path))


def test_an_unknown_backend(tmp_path):
    env = dict(os.environ, LIBIGO_BACKEND="fortran")
    code = ("import libigo\ntry:\n    libigo.example_region()\nexcept libigo.IgoError as e:\n"
            "    print('IgoError', e)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.startswith("IgoError ") and "LIBIGO_BACKEND='fortran'" in out.stdout, \
        out.stderr
    cli = subprocess.run([IGO, "voorbeeld"], env=env, capture_output=True, text=True)
    one_line_error(cli, "LIBIGO_BACKEND='fortran': choose 'cext' or 'cffi'")


@pytest.mark.parametrize("counts, says", [
    ("veel", "counts: expected a DataFrame, a mapping of columns or a 2-D array"),
    ({"IG1": ["1720", "1800"]}, "counts: column 'IG1', row 0: expected a number, got '1720'"),
    ({"IG1": [1720, None]}, "counts: column 'IG1', row 1: expected a number, got None"),
    ({"IG1": [1720, math.nan]}, "counts: column 'IG1', row 1: is empty or not a number"),
    ({"IG1": [1720, math.inf]}, "counts: column 'IG1', row 1: inf is infinite"),
    ({"IG1": [True, False]}, "counts: column 'IG1', row 0: expected a number, got True"),
    ({"IG1": [1, 2], "IG2": [3]}, "counts: the columns have different lengths"),
    (np.full((2, 9), "x"), "counts: column 'IG1', row 0: expected a number, got 'x'"),
    (pd.DataFrame({"IG5": [1200, "x"]}, index=["2025", "2026"]),
     "counts: column 'IG5', row '2026': expected a number, got 'x'"),
])
def test_sweeps_given_what_is_not_a_number(example, counts, says):
    refused(lambda: example.sweep(counts=counts), says)


@pytest.mark.parametrize("kwargs, says", [
    ({"draws": 0}, "draws: expected a whole number from 1 to 100,000,000, got 0"),
    ({"draws": -5}, "draws: expected a whole number"),
    ({"draws": 10**12}, "draws: expected a whole number from 1 to 100,000,000"),
    ({"draws": 2.5}, "draws: expected a whole number"),
    ({"draws": True}, "draws: expected a whole number"),
    ({"seed": -1}, "seed: expected a whole number"),
    ({"seed": "2026"}, "seed: expected a whole number"),
    ({"percentiles": "50"}, "percentiles: expected a list"),
    ({"percentiles": [50, "x"]}, "percentiles[1]: expected a number"),
    ({"percentiles": [150]}, "percentile 150 is outside 0..100"),
    ({"distribution": "normal"}, "distribution: 'normal'; choose one of uniform, triangular"),
    ({"distribution": 1}, "distribution: 1"),
    ({"births": "3030"}, "births: expected a number"),
    ({"volumes": {"nicu": 1}}, "volumes: unknown driver(s) nicu"),
    ({"keep_samples": "ja"}, "keep_samples: expected true or false"),
])
def test_monte_carlo_arguments(kwargs, says):
    study = scenarios.ScenarioSet.default()
    refused(lambda: study.uncertainty(**{"draws": 1000, **kwargs}), says)


@pytest.mark.parametrize("call, says", [
    (lambda: libigo.round_cents("2.675"), "x: expected a number"),
    (lambda: libigo.round_cents(math.inf), "x: inf is infinite"),
    (lambda: libigo.round_cents(5e13), "beyond EUR 4e13"),
    (lambda: libigo.spreadsheet_round(2.675, "2"), "decimals: expected a whole number"),
    (lambda: libigo.spreadsheet_round(2.675, 99), "decimals: expected a whole number"),
    (lambda: libigo.Region().to_excel(42), "workbook: expected a file name, got int"),
    (lambda: libigo.Region().to_excel("x.xlsx", lang="de"), "lang must be 'nl' or 'en'"),
    (lambda: libigo.Region.from_file(["regio.toml"]), "expected a file name, got list"),
    (lambda: libigo.Region(providers="vp1"), "providers: expected a list of tables, got str"),
    (lambda: libigo.Region(costs={"overig": True}), "costs.overig: expected a number, got True"),
])
def test_the_public_functions_refuse_with_igo_error(call, says):
    refused(call, says)


# ---- 3. only regular files, with a size limit ----

def special_files(tmp_path: pathlib.Path) -> list[tuple[pathlib.Path, str]]:
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    folder = tmp_path / "map.toml"
    folder.mkdir()
    sparse = tmp_path / "groot.json"
    with open(sparse, "wb") as f:
        f.truncate(2**40)  # a terabyte of nothing
    zero = tmp_path / "nul.json"
    zero.symlink_to("/dev/zero")
    return [(fifo, "is a pipe"), (folder, "is a directory"), (sparse, "larger than 16 MiB"),
            (zero, "is a device")]


READ_BOTH = """
import sys, libigo
from libigo import scenarios
for read in (libigo.Region.from_file, scenarios.ScenarioSet.from_file):
    try:
        read(sys.argv[1])
    except libigo.IgoError as exc:
        print(exc.code, exc)
"""


def test_only_regular_files_are_read(tmp_path):
    for path, says in special_files(tmp_path):
        # In a child process with a time limit: a regression must fail, not hang the suite.
        out = subprocess.run([sys.executable, "-c", READ_BOTH, str(path)], capture_output=True,
                             text=True, timeout=60)
        assert out.stdout.count(f"IGO_ERROR_FILE {path}: {says}") == 2, (out.stdout,
                                                                         out.stderr[-300:])
        one_line_error(run("verdeel", str(path)), str(path), says)
        one_line_error(run("scenario", "--set", str(path)), str(path), says)


# ---- 5. writes ----

def test_csv_tables_with_one_target_blocked(example, tmp_path):
    old = example.distribute().to_csv(tmp_path)
    before = {p: p.read_bytes() for p in old}
    blocked = tmp_path / "reconciliation.csv"
    blocked.unlink()
    blocked.mkdir()
    example.costs["overig"] = libigo.Cost(amount=12_345)
    refused(lambda: example.distribute().to_csv(tmp_path), f"{blocked}: is a directory",
            code="IGO_ERROR_IO")
    assert all(p.read_bytes() == content for p, content in before.items() if p != blocked)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in old)


def test_a_command_writes_all_its_outputs_or_none(example, tmp_path):
    region = tmp_path / "regio.json"
    example.to_json(region)
    blocked = tmp_path / "uit.xlsx"
    blocked.mkdir()
    out = run("verdeel", str(region), "--csv", str(tmp_path / "tabellen"), "--xlsx", str(blocked))
    one_line_error(out, f"{blocked}: is a directory")
    assert not (tmp_path / "tabellen").exists()


def test_the_api_never_writes_over_its_input(example, tmp_path):
    region = tmp_path / "regio.json"
    example.to_json(region)
    before = region.read_bytes()
    result = libigo.Region.from_file(region).distribute()
    refused(lambda: result.to_excel(region), "a workbook file name ends in .xlsx")
    link = tmp_path / "link.xlsx"
    link.symlink_to(region)
    refused(lambda: result.to_excel(link), "would overwrite the input")
    hard = tmp_path / "hard.xlsx"
    os.link(region, hard)
    refused(lambda: result.to_excel(hard), "would overwrite the input")
    refused(lambda: libigo.Region.from_file(region).to_excel(hard), "would overwrite the input")
    assert region.read_bytes() == before


def run_limited(limit: int, *args: str) -> subprocess.CompletedProcess:
    """The igo command with a file-size limit (ulimit -f) of limit bytes."""
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([IGO, *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=preexec)


def test_a_file_size_limit_names_the_file_in_one_line(tmp_path):
    tables = tmp_path / "tabellen"
    out = run_limited(1000, "voorbeeld", "--csv", str(tables))
    one_line_error(out, f"{tables}/", "File too large")
    assert not tables.exists() or not any(tables.iterdir())
    book = tmp_path / "voorbeeld.xlsx"
    out = run_limited(20_000, "voorbeeld", "--xlsx", str(book))
    # The system's reason, and no [ERROR] lines of libxlsxwriter's own.
    one_line_error(out, f"{book}: cannot write the workbook: File too large")
    assert list(tmp_path.iterdir()) == ([tables] if tables.exists() else [])


def test_long_file_names_and_the_umask(example, tmp_path):
    result = example.distribute()
    name = tmp_path / ("w" * 245 + ".xlsx")
    assert result.to_excel(name) == name and name.stat().st_size > 10_000
    old = os.umask(0o027)
    try:
        written = result.to_csv(tmp_path / "tabellen")
        book = result.to_excel(tmp_path / "umask.xlsx")
    finally:
        os.umask(old)
    for path in [*written, book]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, path
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [name.name, "tabellen", "umask.xlsx"])


# ---- 6. messages a user can act on ----

def test_rows_are_named_by_their_own_index(hand_region):
    frame = pd.DataFrame({"id": ["x3", "y3"], "discipline": ["x", 7]}, index=["rij-a", "rij-b"])
    refused(lambda: libigo.Region(providers=frame), "providers['rij-b'].discipline")
    rows = [{"id": "x3", "discipline": "x"}, {"id": "y3", "discipline": ""}]
    refused(lambda: libigo.Region(providers=rows), "providers[1].discipline")
    lines = pd.DataFrame({"code": ["1101"], "discipline": ["x"], "prestatie": ["A"],
                          "count": ["drie"], "tariff": [10.0]}, index=[17])
    refused(lambda: libigo.Region(history=lines), "history[17].count: expected a number")


def test_history_without_money_says_so(hand_region):
    del hand_region.verdeelsleutel["B"]
    hand_region.history = [libigo.HistoryLine("1101", "x", "B", 0, 598.35),
                           libigo.HistoryLine("1102", "y", "B", 12, 0.0)]
    refused(hand_region.distribute, "prestatie B",
            "its 2 history lines have no money (count x tariff is 0 on each)",
            code="IGO_ERROR_KEY_MISSING")


def test_scenario_set_errors_name_the_file_and_the_driver(tmp_path):
    data = scenarios.ScenarioSet.default().to_dict()
    data["drivers"][1]["volume"] = "veel"
    path = tmp_path / "set.json"
    path.write_text(json.dumps(data))
    driver = data["drivers"][1]["id"]
    refused(lambda: scenarios.ScenarioSet.from_file(path),
            f"{path}: drivers[1] '{driver}'.volume: expected a number")
    data["drivers"][1]["volume"] = 100
    data["drivers"][1]["studies"] = []
    path.write_text(json.dumps(data))
    one_line_error(run("scenario", "--set", str(path)), f"{path}: driver '{driver}'",
                   "no studies")


def test_sweep_errors_name_the_column_and_the_row(example):
    counts = pd.DataFrame({"IG2": [840, -1]}, index=["basis", "krimp"])
    error = refused(lambda: example.sweep(counts=counts),
                    "sweep row 'krimp': variant 1: prestatie IG2: count -1 is negative")
    assert error.variant == 1


def test_too_large_for_a_workbook_is_said_as_such(tmp_path):
    wide = libigo.Region(prestaties=[{"code": f"P{i}"} for i in range(16_377)])
    refused(lambda: wide.to_excel(tmp_path / "breed.xlsx"),
            "too many prestaties for a workbook: 16377", code="IGO_ERROR_LIMIT")
    assert list(tmp_path.iterdir()) == []


# ---- 7. both backends alike: long calls release the GIL and guard their object ----

def large_scenario_set() -> scenarios.ScenarioSet:
    sectors = [{"id": f"s{i}"} for i in range(400)]
    drivers = [{"id": f"d{i}", "volume": 1000 + i,
                "unit_delta": {s["id"]: -1.5 - (i % 7) for s in sectors},
                "studies": [{"effect": -10 - i % 5, "weight": 50}]} for i in range(400)]
    return scenarios.ScenarioSet(sectors=sectors, drivers=drivers, phase_in={2027: 50})


def test_computing_scenarios_releases_the_gil_and_guards_the_set():
    core = large_scenario_set().core()
    done = threading.Event()
    worker = threading.Thread(target=lambda: ([core.compute(0, None) for _ in range(5)],
                                              done.set()))
    refusals, ticks = 0, 0
    worker.start()
    while not done.is_set():
        ticks += 1
        try:
            core.set_name("intussen")
        except RuntimeError:
            refusals += 1
    worker.join()
    assert refusals > 0  # this thread ran, and was refused, while the set was computing
