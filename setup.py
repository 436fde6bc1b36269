"""Builds libigo: the C core compiled into the CPython extension (libigo._cext) and into the CFFI
backend (libigo._cffi), plus the pure-Python package in python/libigo."""
import pathlib

from setuptools import Extension, setup

ROOT = pathlib.Path(__file__).resolve().parent
CORE = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "libigo" / "src").rglob("*.c"))
# libxlsxwriter writes workbooks; minizip (with zlib) reads them back.
LIBRARIES = ["xlsxwriter", "minizip", "z", "m"]
CEXT = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "bindings" / "cext").glob("*.c"))
# -ffp-contract=off: no fused multiply-add, so every product rounds exactly as a spreadsheet's.
CFLAGS = ["-std=c11", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror"]

setup(
    name="libigo",
    version="0.1.0",
    description="The instapverdeelmodel for integral birth care: a C core with Python bindings",
    long_description=(ROOT / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.10",
    package_dir={"": "python"},
    packages=["libigo"],
    package_data={"libigo": ["py.typed", "*.pyi", "data/*.toml", "data/*.json"]},
    ext_modules=[
        Extension(
            "libigo._cext",
            sources=CEXT + CORE,
            include_dirs=["libigo/include", "bindings/cext"],
            extra_compile_args=CFLAGS,
            libraries=LIBRARIES,
        )
    ],
    cffi_modules=["bindings/cffi_build.py:ffibuilder"],
    install_requires=["cffi>=1.15", "numpy>=1.23", "pandas>=1.5"],
    extras_require={"test": ["pytest>=7", "hypothesis>=6", "openpyxl>=3", "mypy", "matplotlib",
                             "nbclient", "nbformat", "ipykernel"],
                    "plot": ["matplotlib>=3.5"],
                    "bench": ["XlsxWriter>=3", "openpyxl>=3"]},
    entry_points={"console_scripts": ["igo=libigo.cli:main"]},
)
