"""Each example program, built in the tree (`make examples`) and from an installed prefix with
pkg-config alone, prints exactly what the Python API computes for the same inputs."""
import pathlib
import subprocess

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

import libigo

import expected
from conftest import ROOT, run

EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.c"))


def test_every_example_is_checked() -> None:
    assert set(EXAMPLES) == set(expected.EXPECTED) | {"workbook", "read_workbook"}


@pytest.fixture(scope="module")
def installed_examples(pkg_env: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every example compiled and linked with `pkg-config --cflags --libs libigo` alone, against
    the shared library of the installed prefix."""
    out = tmp_path_factory.mktemp("examples")
    flags = run("pkg-config", "--cflags", "--libs", "libigo", env=pkg_env).split()
    built = {}
    for name in EXAMPLES:
        built[name] = out / name
        run("cc", "-std=c11", "-Wall", "-Wextra", "-Werror", str(ROOT / "examples" / f"{name}.c"),
            *flags, "-o", str(built[name]), env=pkg_env)
    return built


def binaries(installed: dict, name: str) -> list[pathlib.Path]:
    return [ROOT / "build" / "examples" / name, installed[name]]


@pytest.mark.parametrize("name", sorted(expected.EXPECTED))
def test_example_prints_the_libraries_figures(installed_examples: dict, pkg_env: dict,
                                              name: str) -> None:
    want = expected.EXPECTED[name]()
    for binary in binaries(installed_examples, name):
        assert run(str(binary), env=pkg_env) == want, binary


def test_installed_examples_use_the_shared_library(installed_examples: dict,
                                                   pkg_env: dict, prefix: pathlib.Path) -> None:
    needed = run("ldd", str(installed_examples["distribute"]), env=pkg_env)
    assert str(prefix / "lib" / "libigo.so.") in needed


def cells(path: pathlib.Path) -> dict:
    """Every cell of every sheet: formulas as written (an array formula as its range and text:
    openpyxl's ArrayFormula has no ==), and the cached values."""
    found = {}
    for data_only in (False, True):
        book = openpyxl.load_workbook(path, data_only=data_only)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if isinstance(value, ArrayFormula):
                        value = ("array", value.ref, value.text)
                    if value is not None:
                        found[(data_only, sheet.title, cell.coordinate)] = value
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_workbook_example_writes_the_libraries_workbook(installed_examples: dict, pkg_env: dict,
                                                        tmp_path: pathlib.Path,
                                                        lang: str) -> None:
    """The C program's workbook holds the same cells, formulas and cached figures as the one the
    Python API writes for the same region."""
    reference = expected.workbook_region().to_excel(tmp_path / "python.xlsx", lang=lang)
    want = cells(reference)
    assert len(want) > 500
    for binary in binaries(installed_examples, "workbook"):
        target = tmp_path / f"{binary.parent.name}.xlsx"
        assert run(str(binary), str(target), lang, env=pkg_env) == f"written {target}\n"
        assert cells(target) == want


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_read_workbook_example_reads_what_python_reads(installed_examples: dict, pkg_env: dict,
                                                       tmp_path: pathlib.Path,
                                                       lang: str) -> None:
    path = libigo.example_region().to_excel(tmp_path / "voorbeeld.xlsx", lang=lang)
    want = expected.read_workbook(str(path), lang)
    assert "vp-bloesem" in want
    for binary in binaries(installed_examples, "read_workbook"):
        assert run(str(binary), str(path), env=pkg_env) == want


def test_example_reports_a_failure(installed_examples: dict, pkg_env: dict,
                                   tmp_path: pathlib.Path) -> None:
    """A refused call ends the example with the library's message and exit status 1."""
    done = subprocess.run([str(installed_examples["workbook"]), str(tmp_path / "no" / "x.xlsx")],
                          env=pkg_env, capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith("IGO_ERROR_IO: ") and "x.xlsx" in done.stderr


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_frees_all_it_allocates(tmp_path: pathlib.Path, name: str) -> None:
    """The examples show the ownership rules (each *_new with its *_free); valgrind checks that
    following them frees every allocation."""
    args = []
    if name == "workbook":
        args = [str(tmp_path / "out.xlsx")]
    elif name == "read_workbook":
        args = [str(libigo.example_region().to_excel(tmp_path / "in.xlsx"))]
    run("valgrind", "-q", "--leak-check=full", "--errors-for-leak-kinds=all",
        "--error-exitcode=3", str(ROOT / "build" / "examples" / name), *args)
