"""Type stub for libigo._cffi, the generated CFFI module (see bindings/cffi_build.py)."""

from typing import Any

ffi: Any
lib: Any
