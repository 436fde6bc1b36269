"""Builds libigo._cffi, the CFFI backend: an API-mode CFFI module linked against the C core's one
build (build/libigo.a).

The declarations come straight from the public headers (preprocessor lines and the C++ markers
stripped), so the two backends cannot drift apart from the core's API.
"""
import pathlib
import re
import sys

from cffi import FFI

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from corelib import CORE_LIBRARY, LIBRARIES  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE = ROOT / "libigo" / "include"
HEADERS = ["common.h", "error.h", "progress.h", "round.h", "model.h", "distribute.h",
           "transition.h", "workbook.h", "scenario.h", "xlsx.h", "claims.h", "igo.h"]
CFLAGS = ["-std=c11", "-O2", "-ffp-contract=off"]


def declarations() -> str:
    """The public headers as plain C declarations that cffi's parser accepts."""
    text = "\n".join((INCLUDE / "igo" / h).read_text() for h in HEADERS)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    return re.sub(r"\bIGO_(BEGIN|END)_DECLS\b|\bIGO_API\b", "", "\n".join(lines))


# The progress callback the backend gives long calls, so that Ctrl-C can stop them.
CALLBACKS = 'extern "Python" int igo_py_progress(void *, double);'

ffibuilder = FFI()
ffibuilder.cdef(declarations() + CALLBACKS)
ffibuilder.set_source(
    "libigo._cffi",
    '#include "igo/igo.h"',
    include_dirs=[str(INCLUDE)],
    extra_compile_args=CFLAGS,
    extra_objects=[CORE_LIBRARY],
    depends=[CORE_LIBRARY],  # relinked when only the core changed
    libraries=LIBRARIES,
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
