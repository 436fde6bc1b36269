"""A clean ABI: the shared library exports exactly the public API, under its soname."""
import re
import subprocess

from conftest import HEADERS, ROOT, header_version, run


def public_functions() -> set[str]:
    """Every function the headers declare with IGO_API."""
    text = "\n".join(h.read_text() for h in HEADERS.glob("*.h"))
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    names = re.findall(r"\bIGO_API\b[^;(]*?\b(igo_\w+)\s*\(", text)
    return set(names)


def exported(library: str) -> set[str]:
    out = run("nm", "-D", "--defined-only", library)
    names = {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}
    return names - {"LIBIGO_0"}  # the version node of libigo/libigo.map


def test_the_headers_declare_the_api() -> None:
    names = public_functions()
    assert len(names) > 90
    assert {"igo_model_new", "igo_distribute", "igo_workbook_write", "igo_version"} <= names


def test_shared_library_exports_exactly_the_public_api() -> None:
    library = str(ROOT / "build" / f"libigo.so.{header_version()}")
    assert exported(library) == public_functions()


def abi_version() -> str:
    """The major version, and while it is 0 the minor too: 0.x releases may change the ABI."""
    major, minor, _ = header_version().split(".")
    return f"0.{minor}" if major == "0" else major


def test_soname_is_the_abi_version() -> None:
    library = ROOT / "build" / f"libigo.so.{header_version()}"
    dynamic = run("readelf", "-d", str(library))
    assert f"Library soname: [libigo.so.{abi_version()}]" in dynamic
    assert (ROOT / "build" / f"libigo.so.{abi_version()}").resolve() == library.resolve()


def test_static_library_keeps_to_two_prefixes() -> None:
    """A static library cannot hide its internal functions; they all carry igoi_, the public
    ones igo_, so nothing clashes with a program's own names."""
    out = run("nm", "-g", "--defined-only", str(ROOT / "build" / "libigo.a"))
    names = {line.split()[-1] for line in out.splitlines() if len(line.split()) == 3}
    strays = sorted(n for n in names if not n.startswith(("igo_", "igoi_")))
    assert strays == []
    assert {n for n in names if n.startswith("igo_")} == public_functions()


def test_public_header_names_only_igo() -> None:
    """Every identifier a header declares (functions, types, enum values, macros) is igo_ or
    IGO_, so including the header adds nothing else to a program's namespace."""
    text = "\n".join(h.read_text() for h in HEADERS.glob("*.h"))
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    declared = set(re.findall(r"^#define (\w+)", text, flags=re.M))
    declared |= set(re.findall(r"\}\s*(\w+)\s*;", text))                  # typedef'd enums, structs
    declared |= set(re.findall(r"typedef\s+struct\s+\w+\s+(\w+)\s*;", text))
    declared |= set(re.findall(r"typedef[^;]*\(\s*\*\s*(\w+)\s*\)", text))  # callbacks
    for body in re.findall(r"enum\s*\w*\s*\{(.*?)\}", text, flags=re.S):
        declared |= set(re.findall(r"^\s*([A-Za-z_]\w*)\s*(?==|,|$)", body, flags=re.M))
    assert {"IGO_OK", "IGO_MAX_DRAWS", "igo_progress_fn", "igo_batch", "IGO_API"} <= declared
    strays = sorted(n for n in declared if not n.lower().startswith("igo_"))
    assert strays == []


def test_nm_sees_a_stray_symbol(tmp_path) -> None:
    """The export check can fail: a library with one extra exported function is caught."""
    source = tmp_path / "extra.c"
    source.write_text("int igo_model_new(void) { return 0; }\nint helper(void) { return 1; }\n")
    library = tmp_path / "libextra.so"
    subprocess.run(["cc", "-shared", "-fPIC", str(source), "-o", str(library)], check=True)
    assert exported(str(library)) - public_functions() == {"helper"}
