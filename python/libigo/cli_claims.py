"""``igo declaraties``: historical claims into production, key, volumes and the reconciliation,
in Dutch; or, with --genereer, synthetic claims.

    igo declaraties DECLARATIES.csv [...] [--indeling TABEL.csv] [--van DATUM] [--tot DATUM]
                    [--blad NAAM] [--codering windows-1252] [--toml REGIO.toml] [--csv MAP]
    igo declaraties --genereer UIT.csv --geboorten N [--seed S] [--fout PCT] [--engels]
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Any

import pandas as pd

from . import _files, _toml, claims
from ._errors import IgoError
from .money import format_nl

REASONS_NL = {"field_count": "ander aantal velden dan de kop", "no_traject": "traject leeg",
              "no_provider": "zorgaanbieder leeg", "unknown_code": "code niet in de indeling",
              "bad_amount": "bedrag geen getal", "bad_units": "aantal geen positief getal",
              "bad_date": "datum onleesbaar", "outside_period": "datum buiten de periode"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("declaraties", help="historische declaraties: productie, sleutel, "
                                           "volumes en aansluiting (of --genereer)")
    p.add_argument("claims", type=pathlib.Path, nargs="*", metavar="DECLARATIES",
                   help="declaratiebestanden (.csv of .xlsx), samen gelezen")
    p.add_argument("--indeling", type=pathlib.Path, metavar="TABEL.csv",
                   help="eigen indelingstabel (standaard: de meegeleverde)")
    p.add_argument("--van", metavar="DATUM", help="alleen regels vanaf deze datum (2024-01-01)")
    p.add_argument("--tot", metavar="DATUM", help="alleen regels vóór deze datum (niet t/m)")
    p.add_argument("--blad", metavar="NAAM", help="het werkblad van een .xlsx (standaard: het "
                                                  "eerste)")
    p.add_argument("--codering", metavar="CODERING", help="utf-8 (standaard) of windows-1252")
    p.add_argument("--decimaal", choices=(",", "."),
                   help="het decimaalteken, als een bestand het niet zelf laat zien")
    p.add_argument("--toml", type=pathlib.Path, metavar="REGIO.toml",
                   help="schrijf een regiobestand (tarieven nog in te vullen)")
    p.add_argument("--csv", type=pathlib.Path, metavar="MAP",
                   help="schrijf de tabellen als CSV in deze map")
    p.add_argument("--genereer", type=pathlib.Path, metavar="UIT.csv",
                   help="schrijf synthetische declaraties")
    p.add_argument("--geboorten", type=int, metavar="N", help="met --genereer: aantal trajecten")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="met --genereer (standaard 1)")
    p.add_argument("--fout", type=float, default=0.0, metavar="PCT",
                   help="met --genereer: percentage foute regels (standaard 0)")
    p.add_argument("--engels", action="store_true",
                   help="met --genereer: Engelse notatie (komma als scheidingsteken, punt)")
    p.add_argument("--jaar", type=int, default=2024, metavar="J",
                   help="met --genereer: zorgjaar (standaard 2024)")


def run(args: argparse.Namespace) -> int:
    if args.genereer:
        return _generate(args)
    if not args.claims:
        raise IgoError("declaraties: geef een of meer declaratiebestanden, of --genereer",
                       "IGO_ERROR_ARGUMENT")
    result = claims.aggregate([*args.claims], indeling=args.indeling, van=args.van,
                              tot=args.tot, encoding=args.codering, sheet=args.blad,
                              decimal=args.decimaal)
    sys.stdout.write(render(result))
    sys.stdout.flush()
    writers = _writers(result, args)
    if writers:
        inputs = [*args.claims, *([args.indeling] if args.indeling else [])]
        written = _files.write_outputs(writers, inputs, args.csv)
        sys.stdout.write("\n" + "".join(f"Geschreven: {p}\n" for p in written))
    return 0


def _generate(args: argparse.Namespace) -> int:
    if args.claims or args.geboorten is None:
        raise IgoError("declaraties --genereer: geef --geboorten N en geen declaratiebestanden",
                       "IGO_ERROR_ARGUMENT")
    written = claims.generate(args.genereer, args.geboorten, args.seed,
                              error_percent=args.fout, english=args.engels, year=args.jaar)
    bad = sum(r["rows"] for r in written["set_aside"].values())
    sys.stdout.write(f"Synthetische declaraties geschreven: {args.genereer}: "
                     f"{format_nl(written['rows'], 0)} regels, EUR {format_nl(written['eur'])}, "
                     f"waarvan {format_nl(bad, 0)} fout\n")
    return 0


def render(result: claims.Claims) -> str:
    rec = result.reconciliation
    production = pd.DataFrame({"productie": result.production,
                               "eenheid": ["uren" if p in result.hourly else "trajectfasen"
                                           for p in result.prestaties]})
    per_discipline = result.providers.groupby("discipline")["id"].count()
    volumes = pd.DataFrame({"zorgaanbieders met volume": (result.volumes > 0).sum(axis=1),
                            "volume": result.volumes.sum(axis=1)})
    aside = result.set_aside[result.set_aside["rows"] > 0]
    lines = [
        "Productie per IG-prestatie",
        production.to_string(formatters={"productie": lambda v: format_nl(v, 0 if float(v)
                                                                          .is_integer() else 2)}),
        "", "Historische verdeelsleutel (% van het gedeclareerde geld per prestatie)",
        result.keys.to_string(float_format=lambda v: format_nl(v, 1), na_rep="-"),
        "", "Volumes", volumes.to_string(formatters={"volume": lambda v: format_nl(v, 0)}),
        "", "Zorgaanbieders per discipline: " + ", ".join(
            f"{d} {n}" for d, n in per_discipline.items()),
    ]
    mixed = result.providers[result.providers["disciplines"] > 1]["id"].tolist()
    if mixed:
        lines.append("Let op: codes van meer dan één discipline gedeclareerd door: "
                     + ", ".join(mixed))
    lines += ["", "Aansluiting", f"  regels gelezen {format_nl(rec.loc['rows', 'read'], 0)} = "
              f"ingedeeld {format_nl(rec.loc['rows', 'classified'], 0)} + apart gezet "
              f"{format_nl(rec.loc['rows', 'set aside'], 0)}",
              f"  EUR gelezen {format_nl(rec.loc['EUR', 'read'])} = ingedeeld "
              f"{format_nl(rec.loc['EUR', 'classified'])} + apart gezet "
              f"{format_nl(rec.loc['EUR', 'set aside'])}",
              f"  waarvan ingedeeld zonder prestatie: "
              f"{format_nl(rec.loc['rows', 'without prestatie'], 0)} regels, "
              f"EUR {format_nl(rec.loc['EUR', 'without prestatie'])}"]
    if len(aside):
        lines += ["", "Apart gezet"]
        for reason, row in aside.iterrows():
            lines.append(f"  {REASONS_NL.get(str(reason), reason)}: {format_nl(row['rows'], 0)} "
                         f"regels, EUR {format_nl(row['EUR'])}; bijv. {'; '.join(row['examples'])}")
    return "\n".join(lines) + "\n"


def _writers(result: claims.Claims, args: argparse.Namespace) -> dict[pathlib.Path, Any]:
    writers: dict[pathlib.Path, Any] = {}
    if args.toml:
        region = result.to_region(tariffs={p: 0.0 for p in result.prestaties})
        text = ("# Regiobestand uit historische declaraties (igo declaraties). De tarieven staan\n"
                "# op 0: vul per prestatie production.<prestatie>.tariff in, en de kosten.\n"
                + _toml.dumps(region.to_dict()))
        writers[args.toml] = _files.text_writer(text)
    if args.csv:
        tables = {"productie": result.production.to_frame(), "sleutel": result.keys,
                  "geld": result.money, "historie": result.history.set_index("code"),
                  "volumes": result.volumes, "zorgaanbieders": result.providers.set_index("id"),
                  "inkomsten": result.income.to_frame(), "aansluiting": result.reconciliation,
                  "apart": result.set_aside}
        for name, frame in tables.items():
            writers[args.csv / f"{name}.csv"] = _files.text_writer(frame.to_csv())
    return writers
