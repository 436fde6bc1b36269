"""Writes default_indeling.c: the default classification table (python/libigo/data/indeling.csv,
the one source) as a C string, so that C programs have it without a path.
Run: python3 libigo/src/claims/make_default_indeling.py   (make default-indeling)
The C tests check that the string equals the CSV byte for byte."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
CSV = ROOT / "python" / "libigo" / "data" / "indeling.csv"
OUT = pathlib.Path(__file__).with_name("default_indeling.c")


def c_string(line: str) -> str:
    body = line.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'    "{body}"'


def main() -> None:
    text = CSV.read_text(encoding="utf-8")
    lines = [c_string(line) for line in text.splitlines(keepends=True)]
    OUT.write_text(
        "/* The default classification table: generated from python/libigo/data/indeling.csv by\n"
        " * make_default_indeling.py. Do not edit; edit the CSV and run `make default-indeling`. */\n"
        '#include "claims.h"\n\n'
        "const char *igo_claims_default_indeling_csv(void)\n{\n"
        "    static const char csv[] =\n" + "\n".join(lines) + ";\n"
        "    return csv;\n}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
