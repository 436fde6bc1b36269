"""Fuzzing the inputs: region structures and region files of every wrong shape (values of the
wrong type, non-finite or absurd numbers, texts no workbook can hold, missing and unknown keys,
damaged bytes). The only outcomes allowed are a distribution that reconciles to the cent (and
writes its files) or an IgoError; through the igo command, exit status 0 or 1 with one message
line, never a traceback, within a time bound."""

from __future__ import annotations

import copy
import json
import math
import pathlib
import random
import tempfile
import time
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

import libigo
from libigo import scenarios

EXAMPLE = libigo.example_region().to_dict()
STUDY = scenarios.ScenarioSet.default().to_dict()
VOORBEELD = (pathlib.Path(libigo.__file__).parent / "data" / "voorbeeld.toml").read_bytes()

WEIRD = [None, True, False, 0, -1, -0.0, 0.5, 1e12, 1e13, 1e308, math.inf, -math.inf, math.nan,
         10**400, 2**63, Decimal("NaN"), Decimal("1e400"), "", " ", "x", "false", "12", "IG1",
         "vp-haven", "a\x00b", "\ud800", "a\x1b[2Jb", "regel\nbreuk", "é" * 300, "x" * 40_000,
         [], [1], [[]], ["IG1", "IG1"], {}, {"a": 1}, {"count": "x", "tariff": 1},
         {"amount": 1, "percent": 2}, {"percent": 150}]


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a nested structure of dicts and lists."""
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += paths(value, prefix + (i,))
    return out


def weird(draw: Any) -> Any:
    return copy.deepcopy(draw(st.sampled_from(WEIRD)))  # a later change must not touch WEIRD


def mutate(data: dict, draw: Any) -> dict:
    """One to three changes at random places: a value replaced by a weird one, a key removed,
    an unknown key added, or a list item repeated."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        last, how = where[-1], draw(st.sampled_from(["replace", "remove", "add", "repeat"]))
        if how == "replace":
            parent[last] = weird(draw)
        elif how == "remove":
            del parent[last]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "IG10", "vp-nieuw", ""]))] = weird(draw)
        elif how == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        if not paths(data)[1:]:
            break
    return data


def reconciles(result: libigo.Distribution) -> bool:
    raw = result.cents
    return (result.balanced and sum(raw["prestatie_costs"]) == raw["costs_total"]
            and sum(raw["prestatie_outside"]) == raw["outside_total"]
            and sum(raw["discipline_totals"]) == sum(raw["provider_totals"])
            == raw["distributed"])


def distributed_or_refused(make: Any) -> None:
    """make() builds a region; it must distribute, reconcile and write its files, or refuse
    with IgoError somewhere on the way."""
    try:
        result = make().distribute()
    except libigo.IgoError:
        return
    assert reconciles(result)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            written = result.save(csv=pathlib.Path(tmp) / "csv",
                                  xlsx=pathlib.Path(tmp) / "regio.xlsx")
        except libigo.IgoError:
            assert list(pathlib.Path(tmp).iterdir()) == []  # all or none
            return
        assert all(p.stat().st_size > 0 for p in written)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_region_structures_of_every_wrong_shape(data):
    wrong = mutate(EXAMPLE, data.draw)
    distributed_or_refused(lambda: libigo.Region.from_dict(wrong))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_region_files_of_every_wrong_shape(data):
    suffix = data.draw(st.sampled_from([".json", ".toml"]))
    raw = bytearray(json.dumps(EXAMPLE).encode() if suffix == ".json" else VOORBEELD)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        how = data.draw(st.sampled_from(["flip", "drop", "insert"]))
        if how == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif how == "drop":
            del raw[at:at + data.draw(st.integers(1, 40))]
        else:
            raw[at:at] = data.draw(st.sampled_from(
                [b"nan", b"1e400", b"[[[[", b'"', b"\x00", b"\xff\xfe", b"\\ud800", b"-",
                 b"99999999999999999999999", b",", b"{", b"]"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / f"regio{suffix}"
        path.write_bytes(bytes(raw))
        distributed_or_refused(lambda: libigo.Region.from_file(path))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_scenario_sets_of_every_wrong_shape(data):
    wrong = mutate(STUDY, data.draw)
    try:
        result = scenarios.ScenarioSet.from_dict(wrong).compute(births=3030)
        spread = scenarios.ScenarioSet.from_dict(wrong).uncertainty(draws=200)
    except libigo.IgoError:
        return
    assert result.cents["totals"][1] == sum(result.cents["sector_totals"][1])
    assert all(math.isfinite(v) for v in spread.percentiles.to_numpy().ravel())


def test_the_command_on_a_sample_of_broken_files(tmp_path):
    rng = random.Random(7)
    text = json.dumps(EXAMPLE)
    for i in range(12):
        broken = list(text)
        for _ in range(rng.randint(1, 5)):
            at = rng.randrange(len(broken))
            broken[at:at + rng.randint(0, 3)] = rng.choice(['"', "", "nan", "[", "-1", "\u0000",
                                                           "1e999", "}", "x"])
        path = tmp_path / f"regio{i}.json"
        path.write_text("".join(broken), encoding="utf-8", errors="surrogatepass")
        start = time.monotonic()
        out = run("verdeel", str(path), "--csv", str(tmp_path / f"uit{i}"))
        assert time.monotonic() - start < 60
        assert "Traceback" not in out.stderr
        if out.returncode == 0:
            assert "Sluitend tot op de cent." in out.stdout
        else:
            assert out.returncode == 1 and out.stderr.count("\n") == 1, out.stderr
            assert out.stderr.startswith("igo: fout: ") and not (tmp_path / f"uit{i}").exists()
    for args, status in [(["scenario", "--geboorten", "nan"], 1),
                         (["scenario", "--geboorten", "-3"], 1),
                         (["scenario", "--geboorten", "veel"], 2),
                         (["verdeel", str(tmp_path)], 1),
                         (["voorbeeld", "--lang", "de"], 2),
                         (["voorbeeld", "--xlsx", str(tmp_path / "x.txt")], 1)]:
        out = run(*args)
        assert out.returncode == status and "Traceback" not in out.stderr, (args, out.stderr)
        assert out.stderr.count("\n") == 1 or status == 2, out.stderr
