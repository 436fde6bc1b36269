"""The C library as its users see it: built by `make lib`, installed by `make install`, linked
through pkg-config. These tests run once (not per Python backend) from `make libtest`."""
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
HEADERS = ROOT / "libigo" / "include" / "igo"


def header_version() -> str:
    text = (HEADERS / "igo.h").read_text()
    return ".".join(re.search(rf"#define IGO_VERSION_{p} (\d+)\n", text).group(1)
                    for p in ("MAJOR", "MINOR", "PATCH"))


def run(*args: str, env: dict | None = None, cwd: pathlib.Path = ROOT) -> str:
    """Runs a command, failing the test with its output when it fails."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}" \
                                 f"\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def prefix(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The library installed into a fresh prefix with `make install PREFIX=...`."""
    where = tmp_path_factory.mktemp("prefix")
    run("make", "--no-print-directory", "install", f"PREFIX={where}")
    return where


@pytest.fixture(scope="session")
def pkg_env(prefix: pathlib.Path) -> dict:
    """An environment in which pkg-config finds the installed libigo and programs find its
    shared library (the prefix is not a system library directory)."""
    env = dict(os.environ)
    env["PKG_CONFIG_PATH"] = str(prefix / "lib" / "pkgconfig")
    env["LD_LIBRARY_PATH"] = str(prefix / "lib")
    return env
