"""Shared fixtures. The suite runs once per backend (LIBIGO_BACKEND=cext, then cffi)."""

from __future__ import annotations

import pathlib
import shutil
import sys

import pytest

import libigo
import libreoffice

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # the pure-Python reference model, used as an oracle


def pytest_report_header(config):
    return f"libigo backend: {libigo.backend} (core {libigo.core_version()})"


@pytest.fixture
def example() -> libigo.Region:
    return libigo.example_region()


@pytest.fixture
def hand_region() -> libigo.Region:
    """The region of the C test distribute_hand_computed, whose cents are worked out by hand."""
    return libigo.Region(
        name="Hand",
        prestaties=[{"code": "A", "label": "Prestatie A"}, {"code": "B", "label": "Prestatie B"}],
        disciplines=["x", "y"],
        providers=[{"id": "x1", "name": "X een", "discipline": "x"},
                   {"id": "x2", "name": "X twee", "discipline": "x"},
                   {"id": "y1", "name": "Y een", "discipline": "y"}],
        production={"A": {"count": 10, "tariff": 100}, "B": {"count": 3, "tariff": 333.335}},
        costs={"beheerskosten": {"amount": 100}, "innovatie_kwaliteit": {"percent": 1}},
        outside=[{"label": "Echo", "count": 2, "tariff": 25, "targets": ["A"]}],
        verdeelsleutel={"A": {"x": 60, "y": 40}, "B": {"x": 50, "y": 50}},
        volumes={"A": {"x1": 3, "x2": 1, "y1": 5}, "B": {"x1": 1, "x2": 1, "y1": 5}},
    )


@pytest.fixture(scope="session")
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        pytest.fail("LibreOffice (soffice) is not installed; `make test` installs it")
    return path


@pytest.fixture(params=sorted(libreoffice.ENGINES))
def recalculate(request, soffice):
    """Each spreadsheet engine's recalculate(paths, outdir), in turn."""
    return libreoffice.ENGINES[request.param]

