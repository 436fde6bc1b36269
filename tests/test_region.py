"""Building regions from dicts, DataFrames, JSON and TOML; refusing malformed input by its path."""

from __future__ import annotations

import builtins
import json
import os
import pathlib

import pandas as pd
import pytest

import libigo


def test_defaults_come_from_the_core():
    region = libigo.Region()
    assert [p.code for p in region.prestaties] == [f"IG{i}" for i in range(1, 10)]
    assert region.prestaties[8].unit == "uur"
    assert [d.id for d in region.disciplines] == ["verloskunde", "ziekenhuis", "kraamzorg"]


def test_dataframes_give_the_same_region_as_dicts(hand_region):
    volumes_long = pd.DataFrame([(p, o, v) for p, row in hand_region.volumes.items()
                                 for o, v in row.items()],
                                columns=["prestatie", "provider", "volume"])
    volumes_wide = pd.DataFrame(hand_region.volumes).T  # prestaties x providers
    keys = pd.DataFrame(hand_region.verdeelsleutel).T
    production = pd.DataFrame({"count": [10, 3], "tariff": [100, 333.335]}, index=["A", "B"])
    for volumes in (volumes_long, volumes_wide):
        region = libigo.Region(
            name="Hand", prestaties=pd.DataFrame({"code": ["A", "B"],
                                                  "label": ["Prestatie A", "Prestatie B"]}),
            disciplines=["x", "y"], providers=pd.DataFrame([vars(o) for o in hand_region.providers]),
            production=production, costs=hand_region.to_dict()["costs"],
            outside=pd.DataFrame([{"label": "Echo", "count": 2, "tariff": 25, "targets": "A"}]),
            verdeelsleutel=keys, volumes=volumes)
        assert region.distribute().cents == hand_region.distribute().cents


def test_wide_volumes_skip_empty_cells():
    frame = pd.DataFrame({"a": [1.0, None], "b": [None, 2.0]}, index=["IG1", "IG2"])
    region = libigo.Region(volumes=frame)
    assert region.volumes == {"IG1": {"a": 1.0}, "IG2": {"b": 2.0}}


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_files_round_trip(example, tmp_path: pathlib.Path, suffix):
    path = tmp_path / f"regio{suffix}"
    if suffix == ".json":
        example.to_json(path)
    else:
        path.write_bytes((pathlib.Path(libigo.__file__).parent / "data/voorbeeld.toml").read_bytes())
    again = libigo.Region.from_file(path)
    assert again == example
    assert again.distribute().cents == example.distribute().cents


def test_to_json_is_plain_json(example, tmp_path: pathlib.Path):
    example.to_json(tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["costs"]["innovatie_kwaliteit"] == {"percent": 1.25}
    assert libigo.Region.from_dict(data) == example
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left behind


@pytest.mark.parametrize("data, where", [
    ({"production": {"IG1": {"count": "1720", "tariff": 915.4}}},
     "production.IG1.count: expected a number, got '1720'"),
    ({"production": {"IG1": {"count": 1720}}}, "production.IG1: 'tariff' is missing"),
    ({"production": {"IG1": {"count": 1, "tarief": 2, "tariff": 3}}},
     "production.IG1: unknown key(s) 'tarief'"),
    ({"costs": {"beheer": {"amount": 1}}}, "costs.beheer: unknown cost component"),
    ({"costs": {"overig": {"amount": 1, "percent": 2}}}, "costs.overig: give either"),
    ({"providers": [{"id": "a", "discipline": "verloskunde"}, {"id": "", "discipline": "x"}]},
     "providers[1].id: expected a non-empty text"),
    ({"outside": [{"label": "Echo", "count": 1, "tariff": 2, "targets": []}]},
     "outside[0].targets: expected a non-empty list"),
    ({"volumes": {"IG1": {"a": True}}}, "volumes.IG1.a: expected a number, got True"),
    ({"verdeelsleutel": {"IG1": 80}}, "verdeelsleutel.IG1: expected a table"),
    ({"history": [{"code": "1101", "discipline": "verloskunde", "prestatie": "IG1",
                   "count": float("nan"), "tariff": 1}]}, "history[0].count: is empty"),
    ({"regio": "x"}, "region: unknown key(s) 'regio'"),
])
def test_malformed_input_is_refused_by_path(data, where):
    with pytest.raises(libigo.IgoError) as info:
        libigo.Region.from_dict(data)
    assert where in str(info.value)


def test_file_errors_name_the_file(tmp_path: pathlib.Path):
    bad_toml = tmp_path / "kapot.toml"
    bad_toml.write_text("name = \n")
    bad_value = tmp_path / "waarde.json"
    bad_value.write_text(json.dumps({"production": {"IG3": {"count": -5, "tariff": 1}}}))
    cases = [(tmp_path / "bestaat-niet.toml", "cannot read"), (bad_toml, "not valid TOML"),
             (tmp_path / "regio.csv", "expected a .json, .toml or .xlsx")]
    (tmp_path / "regio.csv").write_bytes(b"a;b")
    for path, problem in cases:
        with pytest.raises(libigo.IgoError) as info:
            libigo.Region.from_file(path)
        assert str(path) in str(info.value) and problem in str(info.value)
        assert info.value.code == "IGO_ERROR_FILE"
    # A workbook is read by the core's xlsx reader, which names the file and what is wrong.
    (tmp_path / "regio.xlsx").write_bytes(b"PK")
    with pytest.raises(libigo.IgoError, match=r"regio\.xlsx: not an xlsx \(zip\) file"):
        libigo.Region.from_file(tmp_path / "regio.xlsx")
    # A value the core refuses: the message names the prestatie.
    with pytest.raises(libigo.IgoError, match="prestatie IG3: count -5 is negative"):
        libigo.Region.from_file(bad_value).distribute()


@pytest.mark.parametrize("fails", ["open", "replace"])
def test_csv_tables_are_replaced_all_or_none(example, tmp_path, monkeypatch, fails):
    """A write that fails on the third table (writing it, or putting it in place after two were
    already renamed) leaves every table as it was and no temporary files; the message names the
    table, not a temporary file."""
    first = example.distribute().to_csv(tmp_path)
    before = {p: p.read_bytes() for p in first}
    calls, real = [], builtins.open if fails == "open" else os.replace

    def failing(path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(path))
        return real(path, *args, **kwargs)
    if fails == "open":
        monkeypatch.setattr(libigo._files, "open", failing, raising=False)
    else:
        monkeypatch.setattr(os, "replace", failing)
    example.costs["overig"] = libigo.Cost(amount=50_000)
    with pytest.raises(libigo.IgoError, match="No space left") as info:
        example.distribute().to_csv(tmp_path)
    assert str(info.value).startswith(str(tmp_path / "per_provider.csv")), str(info.value)
    assert info.value.code == "IGO_ERROR_IO"
    assert sorted(tmp_path.iterdir()) == sorted(before)
    assert all(p.read_bytes() == content for p, content in before.items())
