"""One version, written once in the umbrella header, everywhere it is shown."""
import ctypes
import pathlib
import subprocess
import sys

import libigo
from conftest import ROOT, header_version, run


def test_the_header_spells_its_parts() -> None:
    text = (ROOT / "libigo" / "include" / "igo" / "igo.h").read_text()
    assert f'#define IGO_VERSION "{header_version()}"' in text


def test_library_package_command_and_pkg_config_agree(pkg_env: dict) -> None:
    version = header_version()
    shared = ctypes.CDLL(str(ROOT / "build" / f"libigo.so.{version}"))
    shared.igo_version.restype = ctypes.c_char_p
    assert shared.igo_version().decode() == version
    assert libigo.__version__ == version
    assert libigo.core_version() == version
    igo = pathlib.Path(sys.executable).parent / "igo"  # the command pip installed
    command = subprocess.run([str(igo), "--version"], capture_output=True, text=True)
    assert command.stdout.strip() == f"libigo {version}"
    assert run("pkg-config", "--modversion", "libigo", env=pkg_env).strip() == version
