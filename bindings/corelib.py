"""What both Python backends need to know of the C core's one build (`make lib`)."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The static library both backends link, relative to the project root as setuptools wants it.
CORE_LIBRARY = "build/libigo.a"
# The core's own dependencies: libxlsxwriter writes workbooks; minizip (with zlib) and expat
# read them.
LIBRARIES = ["xlsxwriter", "minizip", "expat", "z", "m", "pthread"]


def version() -> str:
    """The version as the umbrella header, its one source, writes it."""
    header = (ROOT / "libigo" / "include" / "igo" / "igo.h").read_text()
    parts = [re.search(rf"#define IGO_VERSION_{p} (\d+)", header).group(1)
             for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)
