"""`make install` and `make uninstall`, with PREFIX and DESTDIR as GNU makefiles take them."""
import pathlib

from conftest import HEADERS, ROOT, header_version, run

MAJOR, MINOR, _ = header_version().split(".")
ABI = f"0.{MINOR}" if MAJOR == "0" else MAJOR  # the soname's version (test_abi.abi_version)


def installed_files(prefix: pathlib.Path) -> set[str]:
    return {str(p.relative_to(prefix)) for p in prefix.rglob("*") if not p.is_dir()}


def expected_files() -> set[str]:
    version = header_version()
    return ({f"include/igo/{h.name}" for h in HEADERS.glob("*.h")}
            | {"lib/libigo.a", f"lib/libigo.so.{version}", f"lib/libigo.so.{ABI}",
               "lib/libigo.so", "lib/pkgconfig/libigo.pc"})


def test_install_puts_every_file_in_place(prefix: pathlib.Path) -> None:
    assert installed_files(prefix) == expected_files()
    assert (prefix / "lib" / "libigo.so").resolve().name == f"libigo.so.{header_version()}"


def test_pkg_config_describes_the_library(pkg_env: dict, prefix: pathlib.Path) -> None:
    assert run("pkg-config", "--modversion", "libigo", env=pkg_env).strip() == header_version()
    flags = run("pkg-config", "--cflags", "--libs", "libigo", env=pkg_env).split()
    assert f"-I{prefix}/include" in flags and f"-L{prefix}/lib" in flags and "-ligo" in flags
    # libxlsxwriter and minizip are needed to link statically only: Requires.private.
    assert "-lxlsxwriter" not in flags
    static = run("pkg-config", "--static", "--libs", "libigo", env=pkg_env).split()
    assert {"-lxlsxwriter", "-lminizip", "-lz", "-lm"} <= set(static)


def test_destdir_stages_an_install_for_the_prefix(tmp_path: pathlib.Path) -> None:
    """DESTDIR only moves the files (as a package build wants); the pkg-config file still names
    the real prefix. Uninstall removes every file and the include directory again."""
    stage = tmp_path / "stage"
    run("make", "--no-print-directory", "install", "PREFIX=/opt/igo", f"DESTDIR={stage}")
    assert installed_files(stage / "opt" / "igo") == expected_files()
    pc = (stage / "opt" / "igo" / "lib" / "pkgconfig" / "libigo.pc").read_text()
    assert "prefix=/opt/igo\n" in pc and "Requires.private: xlsxwriter minizip" in pc
    run("make", "--no-print-directory", "uninstall", "PREFIX=/opt/igo", f"DESTDIR={stage}")
    assert installed_files(stage) == set()
    assert not (stage / "opt" / "igo" / "include" / "igo").exists()


def test_uninstall_leaves_other_files(tmp_path: pathlib.Path) -> None:
    prefix = tmp_path / "usr"
    run("make", "--no-print-directory", "install", f"PREFIX={prefix}")
    other = prefix / "lib" / "libother.so"
    other.write_text("not ours")
    run("make", "--no-print-directory", "uninstall", f"PREFIX={prefix}")
    assert installed_files(prefix) == {"lib/libother.so"}
