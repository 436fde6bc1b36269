"""The umbrella header compiles, alone and as C++, and each header stands on its own."""
import pathlib

import pytest

from conftest import HEADERS, ROOT, run

PROGRAM = """#include <igo/igo.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    igo_model *model = igo_model_new();
    igo_error error = igo_model_add_default_catalogue(model);
    printf("%s %s %zu\\n", igo_version(), igo_error_name(error), igo_model_prestatie_count(model));
    igo_model_free(model);
    return strcmp(igo_version(), IGO_VERSION) != 0;
}
"""
LIBS = [str(ROOT / "build" / "libigo.a"), "-lxlsxwriter", "-lminizip", "-lz", "-lm"]


@pytest.mark.parametrize("compiler,std", [("cc", "c11"), ("cc", "c17"), ("c++", "c++11"),
                                          ("c++", "c++17")])
def test_umbrella_header_compiles_and_links(tmp_path: pathlib.Path, compiler: str,
                                            std: str) -> None:
    """As C11 with -pedantic, and as C++: linking the C library from C++ only works when the
    header gives its functions C linkage (extern "C")."""
    source = tmp_path / ("main.c" if compiler == "cc" else "main.cpp")
    source.write_text(PROGRAM)
    binary = tmp_path / "main"
    run(compiler, f"-std={std}", "-Wall", "-Wextra", "-Werror", "-pedantic",
        f"-I{ROOT / 'libigo' / 'include'}", str(source), *LIBS, "-o", str(binary))
    out = run(str(binary)).split()
    assert out[1:] == ["IGO_OK", "9"]


@pytest.mark.parametrize("header", sorted(p.name for p in HEADERS.glob("*.h")))
def test_each_header_stands_alone(tmp_path: pathlib.Path, header: str) -> None:
    source = tmp_path / "one.c"
    source.write_text(f"#include <igo/{header}>\n#include <igo/{header}>\n")
    run("cc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-fsyntax-only",
        f"-I{ROOT / 'libigo' / 'include'}", str(source))


def test_no_header_points_outside_the_repository() -> None:
    for header in HEADERS.glob("*.h"):
        text = header.read_text()
        for marker in ("shared/", "../", "seeds/"):
            assert marker not in text, f"{header.name} refers to {marker}"
