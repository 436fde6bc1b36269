"""Ctrl-C: a long sweep, Monte Carlo run or workbook write stops within a second of SIGINT (the
core's loops ask the binding's progress callback, which runs Python's signal handlers), raises
KeyboardInterrupt, and leaves no file; the igo command then exits 130 with one line. Each case runs
in a child process, which gets the signal; the child would otherwise run on for many seconds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from test_cli import IGO

import libigo

SETUP = """
import os, sys, time
import numpy as np
import libigo
from libigo import scenarios
out = sys.argv[1]
"""

JOBS = {
    # 50 million variants, no outputs kept: about a minute of work.
    "sweep": """
m = libigo.example_region().model()
print("ready", flush=True)
m.distribute_batch(50_000_000, None, None, None, None, None, None)
""",
    "monte carlo": """
study = scenarios.ScenarioSet.default()
print("ready", flush=True)
study.uncertainty(draws=40_000_000, keep_samples=True)
""",
    "workbook": """
result = libigo.Region.from_file(os.path.join(out, "groot.json")).distribute()
print("ready", flush=True)
result.save(csv=os.path.join(out, "tabellen"), xlsx=os.path.join(out, "groot.xlsx"))
""",
}


def large_region_file(directory) -> str:
    """A region of 20,000 providers: its workbook takes several seconds to write."""
    data = libigo.example_region().to_dict()
    del data["overgang"], data["bonuses"], data["fixed_parts"]  # (of its own providers)
    kinds = ("verloskunde", "ziekenhuis", "kraamzorg")
    data["providers"] = [{"id": f"p{i}", "name": f"Aanbieder {i}", "discipline": kinds[i % 3]}
                         for i in range(20_000)]
    data["volumes"] = {p: {f"p{i}": 1 + (i * 7) % 13 for i in range(20_000)}
                       for p in data["production"]}
    path = directory / "groot.json"
    path.write_text(json.dumps(data))
    return str(path)


def interrupted(args: list[str], wait_for: str, delay: float) -> tuple[float, str, str, int]:
    """Starts args, waits for a line containing wait_for on its stdout and delay seconds more,
    sends SIGINT, and returns the seconds until it ended, its stdout and stderr, and its exit
    status."""
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in child.stdout:
        lines.append(line)
        if wait_for in line:
            break
    time.sleep(delay)
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    try:
        rest, err = child.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("SIGINT was not honoured within 30 s")
    return time.monotonic() - sent, "".join(lines) + rest, err, child.returncode


@pytest.mark.parametrize("job, delay", [("sweep", 0.5), ("monte carlo", 0.5),
                                        ("workbook", 0.3), ("workbook", 2.5)])
def test_ctrl_c_stops_a_long_call(tmp_path, job, delay):
    large_region_file(tmp_path)
    code = SETUP + textwrap.dedent(JOBS[job]) + 'print("finished")\n'
    took, out, err, status = interrupted([sys.executable, "-c", code, str(tmp_path)], "ready",
                                         delay)
    assert "KeyboardInterrupt" in err and "finished" not in out
    assert status != 0 and took < 2.0, (took, err[-500:])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["groot.json"]  # nothing written


def test_ctrl_c_in_the_command_exits_130_with_one_line(tmp_path):
    region = large_region_file(tmp_path)
    took, out, err, status = interrupted(
        [IGO, "verdeel", region, "--csv", str(tmp_path / "tabellen"), "--xlsx",
         str(tmp_path / "groot.xlsx")], "Sluitend tot op de cent", 0.5)
    assert status == 130 and err == "igo: onderbroken\n", err
    assert took < 2.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["groot.json"]
