"""``igo overgang``: a region's transition from historical incomes to the model, year by year,
from the region file's [overgang] table; in Dutch.

    igo overgang REGIO.(toml|json|xlsx) [--csv MAP] [--xlsx UIT.xlsx]
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Any

from . import _files
from ._errors import IgoError
from .money import format_nl
from .region import Region, xlsx_path
from .transition import Transition

BOUNDS_NL = {"none": "", "floor": "max. daling", "cap": "max. stijging",
             "guarantee": "garantie"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("overgang", help="de overgang van historische inkomsten naar het model "
                                        "(de tabel [overgang] van het regiobestand)")
    p.add_argument("region", type=pathlib.Path, metavar="REGIO",
                   help="regiobestand (.toml, .json of een modelwerkboek .xlsx) met een "
                        "overgang")
    p.add_argument("--csv", type=pathlib.Path, metavar="MAP",
                   help="schrijf de tabel per zorgaanbieder en jaar als CSV in deze map")
    p.add_argument("--xlsx", type=pathlib.Path, metavar="UIT.xlsx",
                   help="schrijf het modelwerkboek met de tabbladen Overgang en Berekening "
                        "overgang (formules, grafiek)")


def render(t: Transition) -> str:
    """Per year: each provider's historical, model, target and paid income, the change and the
    bound that held; then the pot check."""
    table = t.table
    lines = []
    for year in t.years:
        rows = table[table.year == year]
        lines.append(f"{year} (pot EUR {format_nl(t.pots[year])}, {t.rounds[year]} "
                     f"ronde(n))")
        lines.append(f"  {'zorgaanbieder':<18} {'historie':>15} {'model':>15} {'doel':>15} "
                     f"{'betaald':>15} {'verschil':>14}  grens")
        for _, r in rows.iterrows():
            lines.append(f"  {r.provider:<18} {format_nl(r.historical):>15} "
                         f"{format_nl(r.model):>15} {format_nl(r.target):>15} "
                         f"{format_nl(r.paid):>15} {format_nl(r.change):>14}  "
                         f"{BOUNDS_NL[r.bound]}".rstrip())
        paid = sum(rows.paid)
        check = "sluitend" if paid == t.pots[year] else "NIET sluitend"
        lines.append(f"  betaald samen EUR {format_nl(paid)} = pot: {check}\n")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    region = Region.from_file(args.region)
    if region.overgang is None:
        raise IgoError(f"{args.region}: geen tabel [overgang] (history, years en eventueel "
                       "max_decrease, max_increase, guarantee)", "IGO_ERROR_ARGUMENT")
    try:
        result = region.transition()
    except IgoError as exc:
        raise IgoError(f"{args.region}: {exc}", exc.code) from None
    sys.stdout.write(render(result))
    writers: dict[pathlib.Path, _files.Writer] = {}
    if args.csv:
        writers[args.csv / "overgang.csv"] = _files.text_writer(result.table.to_csv(index=False))
    if args.xlsx:
        writers[xlsx_path(args.xlsx)] = region.checked().excel_writer()
    if writers:  # all or none
        written = _files.write_outputs(writers, [args.region], args.csv)
        sys.stdout.write("".join(f"Geschreven: {p}\n" for p in written))
    return 0
