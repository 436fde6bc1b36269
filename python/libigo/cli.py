"""The ``igo`` command: distributes a region file and prints the tables, in Dutch.

    igo verdeel REGIO.toml [--csv MAP] [--xlsx UIT.xlsx]   the distribution of a region file
                                                           (.toml, .json, or a model .xlsx)
    igo lees MODEL.xlsx [--toml REGIO.toml] [--json ...]   a model workbook as a region file
    igo voorbeeld [--csv MAP] [--xlsx UIT.xlsx]           the same for the embedded example
    igo sjabloon UIT.xlsx                                  a blank input workbook
    igo scenario [--geboorten N] [--xlsx UIT.xlsx]         the cost scenarios (Gupta 2026)
    igo declaraties DECLARATIES.csv [--toml ...] [--csv ...] production, key and volumes from
                                                           historical claims (cli_claims.py)
    igo declaraties --genereer UIT.csv --geboorten N       synthetic claims
    igo overgang REGIO [--csv MAP] [--xlsx UIT.xlsx]       the transition of the region file's
                                                           [overgang] table (cli_overgang.py)
    igo vergelijk VOOR NA [--drempel EUR] [--csv MAP]      two regions compared, [--xlsx UIT.xlsx]
                                                           with their workbook (cli_compare.py)

Exit status: 0 done, 1 the input was refused (one line says where), 2 wrong usage, 130 stopped
with Ctrl-C. The files one command writes are written all or none.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import re
import sys
import tempfile
from typing import Iterator, Sequence

import pandas as pd

from . import (__version__, _files, _toml, cli_claims, cli_compare, cli_overgang, example_region,
               scenarios)
from ._errors import IgoError
from .distribution import Distribution
from .money import format_nl
from .region import Region


def _money(value: object) -> str:
    return format_nl(value)  # type: ignore[arg-type]


def _count(value: object) -> str:
    if value == "":
        return ""
    number = float(value)  # type: ignore[arg-type]
    return format_nl(number, 0 if number.is_integer() else 2)


def _table(frame: pd.DataFrame, money: Sequence[str] = (), percent: Sequence[str] = (),
           counts: Sequence[str] = (), text_ok: bool = False) -> str:
    """frame.to_string with Dutch notation; text_ok lets cells hold "" (the total row)."""
    def blank_or(fmt):
        return (lambda v: "" if v == "" else fmt(v)) if text_ok else fmt
    formatters = {c: blank_or(_money) for c in money}
    formatters.update({c: blank_or(lambda v: format_nl(v, 1)) for c in percent})
    formatters.update({c: _count for c in counts})
    return frame.to_string(formatters=formatters)  # type: ignore[arg-type]


HEADERS = {"count": "aantal", "tariff": "tarief", "income": "inkomsten", "costs": "IGO-kosten",
           "outside": "buiten IGO", "distributable": "te verdelen", "name": "naam",
           "amount": "bedrag", "share_of_income_pct": "% van inkomsten",
           "bonus_points": "bonuspunten", "bonus": "bonus", "total": "totaal",
           "points": "punten", "fixed_part": "vast deel"}


def _dutch(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns=HEADERS).rename_axis(
        index={"prestatie": "prestatie", "provider": "zorgaanbieder", "post": ""})


def render(result: Distribution) -> str:
    """The distribution as readable tables (Dutch labels and number notation), ending with the
    reconciliation."""
    disciplines = [d.id for d in result.region.disciplines]
    money = ["tarief", "inkomsten", "IGO-kosten", "buiten IGO", "te verdelen", *disciplines]
    per_p = _dutch(result.per_prestatie.drop(columns=["label"])).astype(object)
    per_p.loc["totaal"] = ["", ""] + [per_p[c].sum() for c in money[1:]]
    parts = [
        f"{result.region.name or 'Regio'}: verdeling van de IGO-inkomsten (bedragen in EUR)",
        "\nInkomsten per IG-prestatie",
        _table(per_p, money=money, counts=["aantal"], text_ok=True),
        "\nVerdeelsleutel (% per discipline)",
        _table(result.keys, percent=disciplines),
        "\nVerdeling per discipline",
        _table(_dutch(result.per_discipline.drop(columns=["label"])), money=["bedrag"],
               percent=["% van inkomsten"]),
        "\nVerdeling per zorgaanbieder",
        _table(_dutch(result.per_provider), money=["bedrag", "vast deel", "bonus", "totaal"],
               counts=["bonuspunten"], percent=["% van inkomsten"]),
        *_bonus_parts(result),
        "\nAansluiting: inkomsten = IGO-kosten + buiten de IGO + zorgaanbieders"
        + (" (bonussen uit de IGO-kosten naar de zorgaanbieders)"
           if result.region.bonuses is not None else ""),
        _table(_dutch(result.reconciliation), money=["bedrag"]),
        "Sluitend tot op de cent." if result.balanced else "NIET SLUITEND.",
    ]
    return "\n".join(parts) + "\n"


def _bonus_parts(result: Distribution) -> list[str]:
    """The quality bonuses: the pool, what was paid and what stays in the budget, and each
    provider's values, points and bonus (those with a value or a point)."""
    if result.region.bonuses is None:
        return []
    table = _dutch(result.bonuses)
    shown = table[(table["punten"] > 0) | table.drop(columns=["punten", "bonus"]).notna().any(
        axis=1)]
    return [f"\nKwaliteitsbonussen: pot {_money(result.bonus_pool)}, uitgekeerd "
            f"{_money(result.bonuses_paid)}, blijft in het innovatiebudget "
            f"{_money(result.bonuses_unpaid)}",
            _table(shown.astype(object).where(shown.notna(), ""), money=["bonus"],
                   counts=list(shown.columns[:-1]))]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="igo", description="libigo: het instapverdeelmodel "
                                     "voor integrale geboortezorg.")
    parser.add_argument("--version", action="version", version=f"libigo {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    verdeel = sub.add_parser("verdeel", help="verdeel de inkomsten van een regio "
                                              "(.json/.toml/.xlsx)")
    verdeel.add_argument("region", type=pathlib.Path,
                         help="regiobestand (.json of .toml) of ingevuld model (.xlsx)")
    lees = sub.add_parser("lees", help="lees een ingevuld model (.xlsx) als regiobestand")
    lees.add_argument("workbook", type=pathlib.Path, metavar="MODEL.xlsx")
    lees.add_argument("--toml", type=pathlib.Path, metavar="REGIO.toml",
                      help="schrijf de regio als TOML (zonder --toml en --json: naar stdout)")
    lees.add_argument("--json", type=pathlib.Path, metavar="REGIO.json",
                      help="schrijf de regio als JSON")
    voorbeeld = sub.add_parser("voorbeeld", help="de verdeling van de ingebouwde voorbeeldregio")
    for p in (verdeel, voorbeeld):
        p.add_argument("--csv", type=pathlib.Path, metavar="MAP",
                       help="schrijf de tabellen als CSV in deze map")
        p.add_argument("--xlsx", type=pathlib.Path, metavar="UIT.xlsx",
                       help="schrijf het ingevulde model als Excel-werkmap")
    sjabloon = sub.add_parser("sjabloon", help="een leeg invoermodel als Excel-werkmap")
    sjabloon.add_argument("xlsx", type=pathlib.Path, metavar="UIT.xlsx")
    scenario = sub.add_parser("scenario", help="kosten en baten van betere samenwerking "
                                                "(scenario's per sector en driver)")
    scenario.add_argument("--geboorten", type=float, metavar="N",
                          help="geboorten per jaar in de regio (standaard: landelijk)")
    scenario.add_argument("--set", type=pathlib.Path, metavar="SET.toml",
                          help="eigen scenarioset (standaard: de studie van Gupta, 2026)")
    scenario.add_argument("--xlsx", type=pathlib.Path, metavar="UIT.xlsx",
                          help="schrijf de scenariowerkmap")
    cli_claims.add_parser(sub)
    cli_overgang.add_parser(sub)
    cli_compare.add_parser(sub)
    for p in (verdeel, voorbeeld, sjabloon, scenario):
        p.add_argument("--lang", choices=("nl", "en"), default="nl",
                       help="taal van de werkmap (standaard nl)")
    return parser


SCENARIO_HEADERS = {"optimistic": "optimistisch", "middle": "midden",
                    "conservative": "conservatief", "total": "totaal", "low": "conservatief",
                    "high": "optimistisch", "swing": "bandbreedte"}


def render_scenarios(result: "scenarios.ScenarioResult") -> str:
    """The scenario table, per driver, the phase-in and the tornado (Dutch): in EUR mln for the
    country, in thousands of EUR for a region."""
    big = abs(result.table.loc["total", "optimistic"]) >= 1e7
    divisor, unit = (1e6, "EUR mln") if big else (1e3, "EUR duizend")

    def scaled(frame: pd.DataFrame) -> str:
        frame = (frame / divisor).rename(columns=SCENARIO_HEADERS, index=SCENARIO_HEADERS)
        return frame.to_string(float_format=lambda v: format_nl(v, 1))
    where = (f"regio met {format_nl(result.births, 0)} geboorten per jaar" if result.births
             else "landelijk")
    return "\n".join([
        f"{result.set.name}; {where}",
        f"\nImpact per sector per jaar bij volledig effect ({unit}; negatief is een besparing)",
        scaled(result.table),
        f"\nImpact per driver ({unit})",
        scaled(result.by_driver),
        f"\nInfasering, middenscenario ({unit})",
        scaled(result.phase_in.loc["middle"]),
        f"\nTornado: één driver van conservatief naar optimistisch, de rest midden ({unit})",
        scaled(result.tornado),
    ]) + "\n"


@contextlib.contextmanager
def _named(source: object) -> Iterator[None]:
    """Puts the input's name in front of the messages of the core, which name the prestatie,
    provider or driver but not the file."""
    try:
        yield
    except IgoError as exc:
        raise IgoError(f"{source}: {exc}", exc.code, exc.variant) from None


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """libxlsxwriter prints its own [ERROR] lines when a write fails; our message says it all.
    Whatever the block prints on stderr is shown only when the block succeeds."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            raise
        else:
            sys.stderr.flush()
            os.dup2(saved, 2)
            held.seek(0)
            sys.stderr.buffer.write(held.read())
        finally:
            os.close(saved)


def _scenario(args: argparse.Namespace) -> int:
    study = scenarios.ScenarioSet.from_file(args.set) if args.set else \
        scenarios.ScenarioSet.default()
    with _named(args.set or "scenarioset"):
        result = study.compute(births=args.geboorten)
        writer = study.excel_writer(args.geboorten, lang=args.lang) if args.xlsx else None
    sys.stdout.write(render_scenarios(result))
    if writer:
        from .region import xlsx_path
        with _quiet_stderr():
            _files.write_outputs({xlsx_path(args.xlsx): writer}, [args.set] if args.set else [])
        sys.stdout.write(f"\nScenariowerkmap geschreven: {args.xlsx}\n")
    return 0


def _read(args: argparse.Namespace) -> int:
    """igo lees: the region a model workbook describes, as region files (all or none, never
    over the workbook), or as TOML on stdout."""
    if args.toml and args.json and args.toml.resolve() == args.json.resolve():
        raise IgoError(f"{args.toml}: given for both --toml and --json; name two files",
                       "IGO_ERROR_ARGUMENT")
    region = Region.from_excel(args.workbook)
    data = region.to_dict()
    if not args.toml and not args.json:
        sys.stdout.write(_toml.dumps(data))
        return 0
    targets: dict[pathlib.Path, str] = {}
    if args.toml:
        targets[args.toml] = _toml.dumps(data)
    if args.json:
        targets[args.json] = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    written = _files.write_outputs({p: _files.text_writer(s)
                                    for p, s in targets.items()}, [args.workbook])
    sys.stdout.write("".join(f"Regiobestand geschreven: {p}\n" for p in written))
    return 0


def _distribute(args: argparse.Namespace) -> int:
    if args.command == "sjabloon":
        with _quiet_stderr():
            Region(name="Nieuwe regio").to_excel(args.xlsx, args.lang)
        print(f"Leeg invoermodel geschreven: {args.xlsx}")
        return 0
    region = example_region() if args.command == "voorbeeld" else Region.from_file(args.region)
    with _named("voorbeeldregio" if args.command == "voorbeeld" else args.region):
        result = region.distribute()
    sys.stdout.write(render(result))
    sys.stdout.flush()  # the tables first, then the files (a large workbook takes a while)
    if args.csv or args.xlsx:
        with _quiet_stderr():
            written = result.save(csv=args.csv, xlsx=args.xlsx, lang=args.lang)
        tables = [str(p) for p in written if p.suffix == ".csv"]
        if tables:
            sys.stdout.write(f"\nCSV-tabellen geschreven: {', '.join(tables)}\n")
        if args.xlsx:
            sys.stdout.write(f"\nIngevuld model (Excel) geschreven: {args.xlsx}\n")
    return 0


def _one_line(message: str) -> str:
    """A message on one line, with any control character shown as an escape."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], message)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        command = {"scenario": _scenario, "lees": _read,
                   "declaraties": cli_claims.run,
                   "overgang": cli_overgang.run,
                   "vergelijk": cli_compare.run}.get(args.command, _distribute)
        return command(args)
    except IgoError as exc:
        print(f"igo: fout: {_one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("igo: onderbroken", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (igo voorbeeld | head)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so that the exit flush is quiet
        return 1
    except OSError as exc:
        print(f"igo: fout: {_one_line(exc.filename or '(uitvoer)')}: {exc.strerror}",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
