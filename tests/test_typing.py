"""The package type-checks with its stubs (mypy), so the annotations users see are true."""

from __future__ import annotations

import pathlib
import subprocess
import sys

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "python" / "libigo"


def test_mypy_accepts_the_package():
    out = subprocess.run([sys.executable, "-m", "mypy", "--python-version", "3.11",
                          "--ignore-missing-imports", "--check-untyped-defs", "--no-error-summary",
                          str(PACKAGE)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
