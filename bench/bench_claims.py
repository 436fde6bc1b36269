"""Benchmark: about 10 million synthetic claim lines (Dutch CSV conventions, 2 % bad lines of
every kind) into production, money per (prestatie, discipline) and provider volumes, with
libigo.claims.aggregate against the same job written as an analyst fluent in each would write
it in pandas (read_csv with its default C reader, and with pyarrow's reader and strings), DuckDB
SQL and polars: vectorised, every column read as text and parsed by the rules of the spec.

Each contender runs once, in a fresh process, so that its peak memory (VmHWM) is its own. All
results are checked equal (money in exact cents, production and volumes in hundredths, so that
half hours count) before any time is printed. The claims file is generated once with
libigo.claims.generate and kept in the temporary directory; the classification table is the
default one, written there as the CSV file an analyst would be handed.
Run: make bench   (or: python bench/bench_claims.py [--births N])
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import time

VAN, TOT = "2024-01-01", "2025-01-01"  # the period asked for: [van, tot)
# The default catalogue's order, which breaks a tie between codes of the same niveau.
CATALOGUE = ["IG1", "IG2", "IG3", "IG4", "IG5", "IG6", "IG7", "IG8", "IG9"]
COLUMNS = ["traject", "zorgaanbieder", "prestatiecode", "bedrag", "datum", "aantal"]

# The rules' value forms, written once for every contender (the file's convention is Dutch, as
# an analyst would know it). An amount: a sign, digits (in groups of three after a thousands
# point, or not grouped), at most two decimals after a comma. Anchored by each tool's full match.
AMOUNT = r"[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?"
# A code of digits only is keyed without its leading zeros (000000001603 is 1603).
PADDED_CODE = r"^0+(\d+)$"
BLANKS = " \t"


# ---- the contenders, each run in a child process ----
# Each returns three small tables: production (prestatie, hundredths), money (prestatie,
# discipline, cents) and volumes (prestatie, provider, hundredths): traject-phases count 100,
# hours their hundredths.

def run_libigo(path: str, table: str):
    import libigo.claims
    return libigo.claims.aggregate(path, van=VAN, tot=TOT, progress=False)


def run_pandas(path: str, table: str, engine: str = "c", strings: object = str):
    import pandas as pd

    # Every column as text: the rules, not the reader, decide what is a number or a date.
    df = pd.read_csv(path, sep=";", dtype=strings, keep_default_na=False, usecols=COLUMNS,
                     engine=engine)
    for column in COLUMNS:
        df[column] = df[column].str.strip(BLANKS)
    df["code"] = df["prestatiecode"].str.replace(PADDED_CODE, r"\1", regex=True)

    def hundredths(text: pd.Series) -> pd.Series:
        # Validated first, so that a float holds every value exactly to the cent and rounding
        # its hundredfold gives the integer exactly; <NA> for what is not a number.
        ok = text.str.fullmatch(AMOUNT)
        value = (text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
                 .where(ok).astype("Float64"))
        return (value * 100).round().astype("Int64")

    df["cents"] = hundredths(df["bedrag"])
    df["units"] = hundredths(df["aantal"]).where(df["aantal"] != "", 100)
    # Dutch dates (d-m-yyyy, with or without zeros), then ISO for whatever that left unread.
    day = pd.to_datetime(df["datum"], format="%d-%m-%Y", errors="coerce")
    iso = day.isna() & (df["datum"] != "")
    day[iso] = pd.to_datetime(df.loc[iso, "datum"].str.slice(0, 10), format="%Y-%m-%d",
                              errors="coerce")
    dated_ok = (df["datum"] == "") | ((day >= VAN) & (day < TOT))
    keep = ((df["traject"] != "") & (df["zorgaanbieder"] != "") & df["cents"].notna()
            & (df["units"] > 0).fillna(False) & dated_ok)

    indeling = pd.read_csv(table, dtype=str, keep_default_na=False)
    indeling["niveau"] = pd.to_numeric(indeling["niveau"], errors="coerce").fillna(0)
    # One number orders the lines of a traject-phase: niveau first, then the catalogue.
    indeling["score"] = indeling["niveau"] * 100 - indeling["ig_prestatie"].map(
        {p: i for i, p in enumerate(CATALOGUE)}).fillna(99)
    indeling = indeling.set_index("prestatiecode")[
        ["discipline", "fase", "ig_prestatie", "eenheid", "score"]]

    lines = df.loc[keep, ["traject", "zorgaanbieder", "code", "cents", "units"]].join(
        indeling, on="code", how="inner")  # the inner join sets unknown codes aside

    hours = lines[lines["eenheid"] == "uur"].rename(columns={"ig_prestatie": "p"})
    phased = lines[(lines["eenheid"] != "uur") & (lines["fase"] != "")].copy()
    # Numbered once, so that the groupings below are on one integer rather than two texts.
    phased["phase"] = phased.groupby(["traject", "fase"], sort=False).ngroup()
    best = phased.loc[phased.groupby("phase")["score"].idxmax(), ["phase", "ig_prestatie"]]
    phased["p"] = phased["phase"].map(best.set_index("phase")["ig_prestatie"])

    phases = phased.drop_duplicates("phase")
    present = phased.drop_duplicates(["phase", "zorgaanbieder"])

    def total(phase_counts: pd.Series, hour_sums: pd.Series) -> pd.Series:
        # A prestatie may have traject-phases and hours both (not in the default table).
        both = pd.concat([phase_counts * 100, hour_sums])
        return both.groupby(level=list(range(both.index.nlevels))).sum()

    production = total(phases.groupby("p").size(), hours.groupby("p")["units"].sum())
    money = pd.concat([phased, hours]).groupby(["p", "discipline"])["cents"].sum()
    volumes = total(present.groupby(["p", "zorgaanbieder"]).size(),
                    hours.groupby(["p", "zorgaanbieder"])["units"].sum())
    return production, money, volumes


def run_pandas_arrow(path: str, table: str):
    """The same, with pyarrow's multi-threaded reader and strings (pandas 2 and later)."""
    return run_pandas(path, table, engine="pyarrow", strings="string[pyarrow]")


DUCKDB_SQL = """
CREATE TEMP TABLE indeling AS
SELECT prestatiecode AS code, discipline, coalesce(fase, '') AS fase, ig_prestatie,
       coalesce(eenheid, '') = 'uur' AS hourly,
       coalesce(TRY_CAST(niveau AS INTEGER), 0) * 100
         - coalesce(list_position({catalogue!r}, ig_prestatie), 99) AS score
FROM read_csv({table}, all_varchar = true);

-- Every column as text: the rules, not the sniffer, decide what is a number or a date. The
-- lines kept are materialised once, as the three results below all start from them.
CREATE TEMP TABLE lines AS
WITH raw AS (
  SELECT {trimmed}
  FROM read_csv({path}, delim = ';', quote = '"', escape = '"', header = true,
                all_varchar = true)
), parsed AS (
  SELECT traject, zorgaanbieder, regexp_replace(prestatiecode, '{padded}', '\\1') AS code,
         CASE WHEN regexp_full_match(bedrag, '{amount}')
              THEN CAST(TRY_CAST(replace(replace(bedrag, '.', ''), ',', '.') AS DECIMAL(18, 2))
                        * 100 AS BIGINT) END AS cents,
         CASE WHEN aantal = '' THEN 100
              WHEN regexp_full_match(aantal, '{amount}')
              THEN CAST(TRY_CAST(replace(replace(aantal, '.', ''), ',', '.') AS DECIMAL(18, 2))
                        * 100 AS BIGINT) END AS units,
         datum,
         coalesce(try_strptime(datum, '%d-%m-%Y'),
                  try_strptime(left(datum, 10), '%Y-%m-%d'))::DATE AS day
  FROM raw
)
SELECT traject, zorgaanbieder, cents, units, discipline, fase, ig_prestatie, hourly, score
FROM parsed JOIN indeling USING (code)
WHERE traject <> '' AND zorgaanbieder <> '' AND cents IS NOT NULL AND units > 0
  AND (datum = '' OR (day >= DATE '{van}' AND day < DATE '{tot}'));

-- Each traject-phase's prestatie: that of its line with the highest score.
CREATE TEMP TABLE counted AS
WITH phases AS (
  SELECT traject, fase, arg_max(ig_prestatie, score) AS p
  FROM lines WHERE NOT hourly AND fase <> '' GROUP BY traject, fase
)
SELECT p, traject, fase, discipline, zorgaanbieder, cents, NULL::BIGINT AS units
FROM lines JOIN phases USING (traject, fase) WHERE NOT hourly
UNION ALL
SELECT ig_prestatie, NULL, NULL, discipline, zorgaanbieder, cents, units FROM lines WHERE hourly;
"""
# Hours, plus 100 for each traject-phase (hour lines have no traject-phase: units not NULL).
UNITS = ("(coalesce(sum(units), 0)"
         " + 100 * count(DISTINCT (traject, fase)) FILTER (WHERE units IS NULL))::BIGINT")
DUCKDB_RESULTS = [
    f"SELECT p, {UNITS} FROM counted GROUP BY p",
    "SELECT p, discipline, sum(cents)::BIGINT FROM counted GROUP BY p, discipline",
    f"SELECT p, zorgaanbieder, {UNITS} FROM counted GROUP BY p, zorgaanbieder",
]


def run_duckdb(path: str, table: str):
    import duckdb
    con = duckdb.connect()
    quoted = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
    trimmed = ", ".join(f"trim(coalesce({c}, ''), {quoted(BLANKS)}) AS {c}" for c in COLUMNS)
    con.execute(DUCKDB_SQL.format(path=quoted(path), table=quoted(table), trimmed=trimmed,
                                  catalogue=CATALOGUE, padded=PADDED_CODE, amount=AMOUNT,
                                  van=VAN, tot=TOT))
    return [con.execute(query).fetchall() for query in DUCKDB_RESULTS]


def run_polars(path: str, table: str):
    import polars as pl

    def hundredths(text: pl.Expr) -> pl.Expr:
        return (pl.when(text.str.contains(f"^{AMOUNT}$"))
                .then(text.str.replace_all(".", "", literal=True)
                      .str.replace(",", ".", literal=True)
                      .cast(pl.Decimal(18, 2), strict=False) * 100)
                .cast(pl.Int64))

    indeling = (pl.read_csv(table, infer_schema=False)
                .select(pl.col("prestatiecode").alias("code"), "discipline",
                        pl.col("fase").fill_null(""), "ig_prestatie",
                        (pl.col("eenheid") == "uur").fill_null(False).alias("hourly"),
                        (pl.col("niveau").cast(pl.Int64, strict=False).fill_null(0) * 100
                         - pl.col("ig_prestatie").replace_strict(
                             CATALOGUE, range(len(CATALOGUE)), default=99,
                             return_dtype=pl.Int64)).alias("score")))
    datum = pl.col("datum")
    # Collected once: the three results below all start from the lines kept.
    lines = (
        pl.scan_csv(path, separator=";", infer_schema=False)
        .select(pl.col(COLUMNS).fill_null("").str.strip_chars(BLANKS))
        .with_columns(
            code=pl.col("prestatiecode").str.replace(PADDED_CODE, "${1}"),
            cents=hundredths(pl.col("bedrag")),
            units=pl.when(pl.col("aantal") == "").then(100)
            .otherwise(hundredths(pl.col("aantal"))),
            day=pl.coalesce(datum.str.to_date("%d-%m-%Y", strict=False),
                            datum.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)))
        .filter((pl.col("traject") != "") & (pl.col("zorgaanbieder") != "")
                & pl.col("cents").is_not_null() & (pl.col("units") > 0)
                & ((datum == "") | pl.col("day").is_between(
                    pl.lit(VAN).str.to_date(), pl.lit(TOT).str.to_date(), closed="left")))
        .join(indeling.lazy(), on="code", how="inner")
        .select("traject", "zorgaanbieder", "cents", "units", "discipline", "fase",
                "ig_prestatie", "hourly", "score")
        .collect())

    hours = lines.lazy().filter("hourly").rename({"ig_prestatie": "p"})
    phased = (lines.lazy().filter(~pl.col("hourly") & (pl.col("fase") != ""))
              .with_columns(p=pl.col("ig_prestatie")
                            .sort_by("score", descending=True).first()
                            .over("traject", "fase")))

    def total(*keys: str) -> pl.LazyFrame:
        # A prestatie may have traject-phases and hours both (not in the default table).
        counts = phased.group_by(*keys).agg(
            v=pl.struct("traject", "fase").n_unique().cast(pl.Int64) * 100)
        sums = hours.group_by(*keys).agg(v=pl.col("units").sum())
        return pl.concat([counts, sums]).group_by(*keys).agg(pl.col("v").sum())

    money = (pl.concat([frame.select("p", "discipline", "cents") for frame in (phased, hours)])
             .group_by("p", "discipline").agg(pl.col("cents").sum()))
    return pl.collect_all([total("p"), money, total("p", "zorgaanbieder")])


CONTENDERS = {"libigo": run_libigo, "pandas": run_pandas,
              "pandas, pyarrow reader": run_pandas_arrow, "DuckDB SQL": run_duckdb,
              "polars": run_polars}
IMPORTS = {"libigo": "libigo.claims", "pandas": "pandas",
           "pandas, pyarrow reader": "pandas pyarrow", "DuckDB SQL": "duckdb", "polars": "polars"}


# ---- the results in one form ----

def nonzero(pairs) -> dict:
    return {key: int(value) for key, value in pairs if value}


def canonical(name: str, result) -> dict:
    """production {prestatie: hundredths}, money {(prestatie, discipline): cents} and volumes
    {(prestatie, provider): hundredths}, without zeros."""
    if name == "libigo":
        return {"production": nonzero((p, round(v * 100)) for p, v in result.production.items()),
                "money": nonzero((k, int(v * 100)) for k, v in result.money.stack().items()),
                "volumes": nonzero((k, round(v * 100)) for k, v in result.volumes.stack()
                                   .items())}
    if name.startswith("pandas"):
        production, money, volumes = result
        return {"production": nonzero(production.items()), "money": nonzero(money.items()),
                "volumes": nonzero(volumes.items())}
    if name == "DuckDB SQL":
        rows = result
    else:  # polars
        rows = [frame.rows() for frame in result]
    production, money, volumes = rows
    return {"production": nonzero(production),
            "money": nonzero(((p, d), v) for p, d, v in money),
            "volumes": nonzero(((p, o), v) for p, o, v in volumes)}


# ---- the child processes ----

def high_water() -> int:
    """This process's peak resident memory in bytes (VmHWM: unlike ru_maxrss, it starts afresh
    at exec, so the parent's peak does not count)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(name: str, path: str, table: str, out: str) -> None:
    for module in IMPORTS[name].split():
        __import__(module)
    before = high_water()
    start = time.perf_counter()
    result = CONTENDERS[name](path, table)
    seconds = time.perf_counter() - start
    peak = high_water()
    with open(out, "wb") as f:
        pickle.dump({"seconds": seconds, "rss_imports": before, "rss_peak": peak,
                     "result": canonical(name, result)}, f)


def run(name: str, path: pathlib.Path, table: pathlib.Path, scratch: pathlib.Path) -> dict:
    out = scratch / (name.replace(" ", "_").replace("(", "").replace(")", "") + ".pickle")
    subprocess.run([sys.executable, __file__, "--child", name, str(path), str(table), str(out)],
                   check=True)
    with open(out, "rb") as f:
        return pickle.load(f)


def differences(a: dict, b: dict) -> list[str]:
    """The first few keys where two results differ, for the failure message."""
    found = []
    for part in ("production", "money", "volumes"):
        for key in sorted(set(a[part]) | set(b[part]), key=str):
            if a[part].get(key) != b[part].get(key):
                found.append(f"{part}[{key}]: {a[part].get(key)} vs {b[part].get(key)}")
    return found[:10] + ([f"... {len(found) - 10} more"] if len(found) > 10 else [])


def versions() -> str:
    from importlib.metadata import version
    return ", ".join(f"{m} {version(m)}" for m in ("pandas", "pyarrow", "duckdb", "polars"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--births", type=int, default=790_000,
                        help="pregnancies generated, about 12.7 lines each (default 790,000)")
    parser.add_argument("--only", nargs="+", choices=CONTENDERS, help="run only these")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    import libigo.claims
    scratch = pathlib.Path(tempfile.gettempdir()) / "libigo-bench-claims"
    scratch.mkdir(exist_ok=True)
    path = scratch / f"claims-{args.births}.csv"
    if not path.exists():
        print(f"writing {path} ...", flush=True)
        libigo.claims.generate(path, args.births, seed=2026, error_percent=2)
    table = scratch / "indeling.csv"
    libigo.claims.default_indeling().to_csv(table, index=False)
    with open(path, "rb") as f:  # the generator writes no line break inside a field
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b"")) - 1
    print(f"{rows:,} claim lines ({args.births:,} births), {path.stat().st_size / 2**20:.0f} MiB;"
          f" Python {platform.python_version()}, {versions()}; {os.cpu_count()} cores;"
          f" load {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    names = args.only or list(CONTENDERS)
    if "libigo" not in names:
        names.insert(0, "libigo")
    results = {}
    for name in names:
        results[name] = run(name, path, table, scratch)
        print(f"  {name}: {results[name]['seconds']:.2f} s", flush=True)
    reference = results["libigo"]["result"]
    for name, r in results.items():
        if r["result"] != reference:
            sys.exit(f"{name}: the results differ from libigo's:\n  "
                     + "\n  ".join(differences(reference, r["result"])))
    print(f"all results equal: production of {len(reference['production'])} prestaties, "
          f"money of {len(reference['money'])} (prestatie, discipline) pairs in cents, "
          f"{len(reference['volumes']):,} volumes\n")
    base = results["libigo"]["seconds"]
    print("| contender | seconds | rows per second | / libigo | peak RSS (MiB) "
          "| after imports (MiB) | growth (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['seconds']:.2f} | {rows / r['seconds'] / 1e6:.2f} M "
              f"| {r['seconds'] / base:.1f}x | {r['rss_peak'] / 2**20:.0f} "
              f"| {r['rss_imports'] / 2**20:.0f} "
              f"| {(r['rss_peak'] - r['rss_imports']) / 2**20:.0f} |")
    print(f"\nload after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    json.dump({n: {k: v for k, v in r.items() if k != "result"} for n, r in results.items()},
              open(scratch / "results.json", "w"), indent=1)


if __name__ == "__main__":
    main()
