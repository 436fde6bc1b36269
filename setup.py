"""Builds libigo: the CPython extension (libigo._cext) and the CFFI backend (libigo._cffi), both
linked against the one build of the C core (build/libigo.a, made by `make lib`), plus the
pure-Python package in python/libigo."""
import pathlib
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "bindings"))
from corelib import CORE_LIBRARY, LIBRARIES, version  # noqa: E402

CEXT = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "bindings" / "cext").glob("*.c"))
CFLAGS = ["-std=c11", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror"]


class BuildWithCore(build_ext):
    """Builds the C core's static library with make first (make keeps it when it is up to
    date), so that `pip install .` on a clean checkout needs no other step."""

    def run(self) -> None:
        subprocess.run(["make", "--no-print-directory", "build/libigo.a"], cwd=ROOT, check=True)
        super().run()

setup(
    name="libigo",
    version=version(),
    description="The instapverdeelmodel for integral birth care: a C core with Python bindings",
    long_description=(ROOT / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.10",
    package_dir={"": "python"},
    packages=["libigo"],
    package_data={"libigo": ["py.typed", "*.pyi", "data/*.toml", "data/*.json", "data/*.csv"]},
    ext_modules=[
        Extension(
            "libigo._cext",
            sources=CEXT,
            include_dirs=["libigo/include", "bindings/cext"],
            extra_compile_args=CFLAGS,
            extra_objects=[CORE_LIBRARY],
            depends=[CORE_LIBRARY],
            libraries=LIBRARIES,
        )
    ],
    cffi_modules=["bindings/cffi_build.py:ffibuilder"],
    cmdclass={"build_ext": BuildWithCore},
    install_requires=["cffi>=1.15", "numpy>=1.23", "pandas>=1.5", "tqdm>=4"],
    extras_require={"test": ["pytest>=7", "hypothesis>=6", "openpyxl>=3", "mypy", "matplotlib",
                             "nbclient", "nbformat", "ipykernel"],
                    "plot": ["matplotlib>=3.5"],
                    "bench": ["XlsxWriter>=3", "openpyxl>=3"]},
    entry_points={"console_scripts": ["igo=libigo.cli:main"]},
)
