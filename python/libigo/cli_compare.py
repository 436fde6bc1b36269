"""``igo vergelijk``: two regions (or a region and its care-path change) compared per provider,
discipline and prestatie, with the changes large enough to settle marked; in Dutch.

    igo vergelijk VOOR.(toml|json|xlsx) NA.(toml|json|xlsx) [--drempel EUR] [--drempel-pct P]
                  [--csv MAP] [--xlsx UIT.xlsx]

--xlsx writes NA's model workbook with VOOR as the starting point of its Wat als sheet.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Any

import pandas as pd

from . import _files
from .compare import Comparison, compare
from .money import format_nl
from .region import Region, xlsx_path


def add_parser(sub: Any) -> None:
    p = sub.add_parser("vergelijk", help="vergelijk twee regio's per zorgaanbieder, discipline "
                                         "en prestatie")
    p.add_argument("before", type=pathlib.Path, metavar="VOOR",
                   help="regiobestand (.toml, .json) of ingevuld model (.xlsx): de uitgangssituatie")
    p.add_argument("after", type=pathlib.Path, metavar="NA", help="de gewijzigde regio")
    p.add_argument("--drempel", type=float, metavar="EUR",
                   help="een verandering is materieel vanaf dit bedrag (en --drempel-pct)")
    p.add_argument("--drempel-pct", type=float, metavar="P", dest="threshold_pct",
                   help="... en vanaf dit percentage van het bedrag ervoor")
    p.add_argument("--csv", type=pathlib.Path, metavar="MAP",
                   help="schrijf de vergelijking per niveau als CSV in deze map")
    p.add_argument("--xlsx", type=pathlib.Path, metavar="UIT.xlsx",
                   help="schrijf het model van NA, met VOOR als uitgangspunt op tabblad Wat als")


def _pct(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{value:+.2f} %".replace(".", ",")


def _block(title: str, table: pd.DataFrame) -> list[str]:
    lines = [title, f"  {'':<18} {'voor':>15} {'na':>15} {'verschil':>14} {'%':>10}  "]
    for name, r in table.iterrows():
        mark = "  *" if r.material else ""
        lines.append(f"  {str(name):<18} {format_nl(r.before):>15} {format_nl(r.after):>15} "
                     f"{format_nl(r.change):>14} {_pct(r.change_pct):>10}{mark}")
    return lines + [""]


def render(c: Comparison) -> str:
    """Per level a table of before, after and the change; * marks a material change."""
    lines = _block("Per zorgaanbieder", c.providers)
    lines += _block("Per discipline", c.disciplines)
    lines += _block("Per prestatie (te verdelen)", c.prestaties)
    totals = c.totals
    labels = {"income": "inkomsten", "costs_total": "kosten IGO", "outside_total": "buiten IGO",
              "distributed": "verdeeld", "bonuses_paid": "bonussen"}
    lines.append("Totalen")
    for key, r in totals.iterrows():
        lines.append(f"  {labels[str(key)]:<18} {format_nl(r.before):>15} {format_nl(r.after):>15} "
                     f"{format_nl(r.change):>14} {_pct(r.change_pct):>10}")
    threshold = [f"EUR {format_nl(c.threshold)}" if c.threshold is not None else "",
                 f"{format_nl(c.threshold_pct)} %" if c.threshold_pct is not None else ""]
    said = " en ".join(t for t in threshold if t) or "elke verandering"
    lines.append(f"\n* materieel (drempel: {said}): "
                 f"{int(c.providers.material.sum())} zorgaanbieder(s)\n")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    before, after = Region.from_file(args.before), Region.from_file(args.after)
    result = compare(before, after, threshold=args.drempel, threshold_pct=args.threshold_pct)
    sys.stdout.write(render(result))
    writers: dict[pathlib.Path, _files.Writer] = {}
    if args.csv:
        tables = {"zorgaanbieders": result.providers, "disciplines": result.disciplines,
                  "prestaties": result.prestaties, "totalen": result.totals}
        writers = {args.csv / f"vergelijking_{name}.csv": _files.text_writer(table.to_csv())
                   for name, table in tables.items()}
    if args.xlsx:
        writers[xlsx_path(args.xlsx)] = after.excel_writer(
            "nl", before, args.drempel, args.threshold_pct)
    if writers:
        written = _files.write_outputs(writers, [args.before, args.after], args.csv)
        sys.stdout.write("".join(f"Geschreven: {p}\n" for p in written))
    return 0
