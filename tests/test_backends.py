"""The two backends: same constants as the core, same results, same refusals."""

from __future__ import annotations

import os
import pathlib
import re

import pytest

import libigo
from libigo import _cext, _cffi_backend
from libigo._constants import NAMES
from libigo._cffi import lib


def test_backend_follows_the_environment():
    assert libigo.backend == (os.environ.get("LIBIGO_BACKEND") or "cext")


def test_constants_equal_the_core_enums():
    """Both backends expose the constants of the one list, no others, each the core's value; the
    extension's stub declares the same."""
    def constants(module):
        return {name for name, value in vars(module).items()
                if name.isupper() and not name.startswith("_") and isinstance(value, int)}
    assert constants(_cext) == constants(_cffi_backend) == set(NAMES)
    for name in NAMES:
        assert getattr(_cext, name) == getattr(_cffi_backend, name) == getattr(lib, f"IGO_{name}")
    stub = (pathlib.Path(libigo.__file__).parent / "_cext.pyi").read_text()
    assert set(re.findall(r"^([A-Z_]+): int$", stub, re.M)) == set(NAMES)


def test_both_backends_give_identical_results(example, monkeypatch):
    results = []
    for backend in (_cext, _cffi_backend):
        monkeypatch.setattr(libigo.region, "impl", backend)
        results.append(example.model().distribute())
    assert results[0] == results[1]
    assert _cext.version() == _cffi_backend.version() == libigo.__version__


@pytest.mark.parametrize("backend", [_cext, _cffi_backend])
def test_both_backends_refuse_alike(backend):
    m = backend.Model()
    m.add_default_catalogue()
    with pytest.raises(libigo.IgoError) as info:
        m.set_production("IG4", 1, -3)
    assert info.value.code == "IGO_ERROR_VALUE"
    assert str(info.value) == "prestatie IG4: tariff -3 is negative"
    with pytest.raises(TypeError):
        backend.Model(1)


def test_both_backends_compute_the_same_scenarios(monkeypatch):
    from libigo import scenarios
    results = []
    for backend in (_cext, _cffi_backend):
        monkeypatch.setattr(scenarios, "impl", backend)
        study = scenarios.ScenarioSet.default()
        results.append((study.compute(births=3030).cents,
                        study.uncertainty(draws=10_000, seed=3).percentiles))
    assert results[0][0] == results[1][0]
    assert results[0][1].equals(results[1][1])
