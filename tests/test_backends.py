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


def test_both_backends_read_the_inputs_back_alike():
    """inputs() of each backend: the same plain data, None where an input was not set, the
    last value of a cell set twice, targets in the order they were listed."""
    def build(backend):
        m = backend.Model()
        m.add_default_catalogue()
        m.add_default_disciplines()
        m.add_discipline("echo")
        m.add_provider("vp1", None, "verloskunde")
        m.set_production("IG2", 0, 0)
        m.set_cost(1, backend.COST_SHARE, 0.015)
        m.add_outside("Echo's", 3, 1.5, ["IG3", "IG1"])
        m.set_key("IG1", "echo", 0.5)
        m.set_key("IG1", "echo", 0.25)
        m.add_history("A1", "ziekenhuis", "IG4", 2, 3)
        m.set_volume("IG1", "vp1", 0)
        m.set_normalise_keys(True)
        m.set_regio("partus_sectio", 0)
        m.set_transfer_reason("inleiding", 4)
        return m.inputs()
    cext, cffi = build(_cext), build(_cffi_backend)
    assert cext == cffi
    assert cext["production"][:3] == [None, (0.0, 0.0), None]
    assert cext["costs"] == [None, (_cext.COST_SHARE, 0.015), None]
    assert cext["outside"] == [("Echo's", 3.0, 1.5, ["IG3", "IG1"])]
    assert cext["keys"][0] == [None, None, None, 0.25] and cext["keys"][1] == [None] * 4
    assert cext["history"] == [("A1", "ziekenhuis", "IG4", 2.0, 3.0)]
    assert cext["providers"] == [("vp1", "vp1", "verloskunde")]
    assert cext["volumes"][0] == [0.0] and cext["volumes"][1] == [None]
    assert cext["normalise_keys"] is True and cext["reasons"] == [("inleiding", 4.0)]
    fields = libigo.region.regio_fields()
    assert cext["regio"] == [0.0 if f == "partus_sectio" else None for f in fields]
    assert set(cext) == set(_cffi_backend.Model().inputs())
