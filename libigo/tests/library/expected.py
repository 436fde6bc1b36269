"""What each example program must print, computed independently with the Python API on the same
inputs. The examples state their regions in C; these state the same regions in Python."""
import libigo
from libigo import scenarios


def euros(label: str, cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{label:<28} {sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _three(prefix: str, ids: list[str], volumes: list[float], prestaties: list[str]) -> dict:
    return {p: {f"{d}-{prefix}": v for d, v in zip(ids, volumes)} for p in prestaties}


def distribute() -> str:
    region = libigo.Region(
        name="Regio Noord (voorbeeld)",
        providers=[{"id": "vp-noord", "name": "Verloskunde Noord", "discipline": "verloskunde"},
                   {"id": "vp-zuid", "name": "Verloskunde Zuid", "discipline": "verloskunde"},
                   {"id": "zh-centrum", "name": "Ziekenhuis Centrum", "discipline": "ziekenhuis"},
                   {"id": "kz-thuis", "name": "Kraamzorg Thuis", "discipline": "kraamzorg"}],
        production={"IG1": (420, 2876.50), "IG2": (180, 4310.25), "IG5": (95, 6120.80)},
        costs={"beheerskosten": 45000, "innovatie_kwaliteit": {"percent": 1},
               "overig": {"amount": 12500}},
        outside=[{"label": "Echo's bij de huisarts", "count": 60, "tariff": 85.50,
                  "targets": ["IG1", "IG2"]}],
        verdeelsleutel={"IG1": {"verloskunde": 45, "ziekenhuis": 15, "kraamzorg": 40},
                        "IG2": {"verloskunde": 35, "ziekenhuis": 30, "kraamzorg": 35},
                        "IG5": {"verloskunde": 20, "ziekenhuis": 55, "kraamzorg": 25}},
        volumes={"IG1": {"vp-noord": 230, "vp-zuid": 190, "zh-centrum": 60, "kz-thuis": 420},
                 "IG2": {"vp-noord": 70, "vp-zuid": 110, "zh-centrum": 180, "kz-thuis": 175},
                 "IG5": {"vp-noord": 40, "vp-zuid": 55, "zh-centrum": 95, "kz-thuis": 90}})
    c = region.distribute().cents
    lines = [region.name, euros("income", c["income"])]
    lines += [euros(name, cents) for name, cents in zip(libigo.COST_NAMES, c["costs"])]
    lines += [euros("outside", c["outside_total"]), euros("distributed", c["distributed"])]
    lines += [euros(d.id, t) for d, t in zip(region.disciplines, c["discipline_totals"])]
    lines += [euros(o.id, t) for o, t in zip(region.providers, c["provider_totals"])]
    lines.append(euros("balance", c["income"] - c["costs_total"] - c["outside_total"]
                       - sum(c["provider_totals"])))
    return "\n".join(lines) + "\n"


def history_key() -> str:
    history = [("1101", "verloskunde", "IG1", 300, 598.35), ("1602", "verloskunde", "IG1", 290, 54.20),
               ("159999030", "ziekenhuis", "IG1", 45, 312.00),
               ("196202", "kraamzorg", "IG1", 305, 41.80), ("196203", "kraamzorg", "IG1", 280, 62.15),
               ("1201", "verloskunde", "IG3", 60, 182.40),
               ("159999021", "ziekenhuis", "IG3", 30, 3950.00),
               ("196202", "kraamzorg", "IG3", 80, 41.80)]
    region = libigo.Region(
        providers=[{"id": "vp-west", "discipline": "verloskunde"},
                   {"id": "zh-west", "discipline": "ziekenhuis"},
                   {"id": "kz-west", "discipline": "kraamzorg"}],
        production={"IG1": (310, 2950.00), "IG3": (85, 7015.40)},
        costs={"beheerskosten": {"percent": 1.5}},
        history=[dict(zip(("code", "discipline", "prestatie", "count", "tariff"), h))
                 for h in history],
        volumes={p: {o: n for o in ("vp-west", "zh-west", "kz-west")}
                 for p, n in (("IG1", 300), ("IG3", 85))})
    c = region.distribute().cents
    codes, ids = [p.code for p in region.prestaties], [d.id for d in region.disciplines]
    lines = [f"key {code:<4} {d:<12} {100 * c['keys'][p * len(ids) + k]:12.9f} %"
             for p, code in enumerate(codes) if c["prestatie_income"][p] != 0
             for k, d in enumerate(ids)]
    lines += [euros(o.id, t) for o, t in zip(region.providers, c["provider_totals"])]
    return "\n".join(lines) + "\n"


def sweep_region(ig1: float, beheerskosten: float) -> libigo.Region:
    return libigo.Region(
        providers=[{"id": "vp-zuid", "discipline": "verloskunde"},
                   {"id": "zh-zuid", "discipline": "ziekenhuis"},
                   {"id": "kz-zuid", "discipline": "kraamzorg"}],
        production={"IG1": (ig1, 2876.50), "IG4": (130, 3390.00)},
        costs={"beheerskosten": {"percent": 100 * beheerskosten}},
        verdeelsleutel={"IG1": {"verloskunde": 50, "kraamzorg": 50},
                        "IG4": {"verloskunde": 40, "ziekenhuis": 20, "kraamzorg": 40}},
        volumes={p: {o: n for o in ("vp-zuid", "zh-zuid", "kz-zuid")}
                 for p, n in (("IG1", 420), ("IG4", 130))})


def sweep() -> str:
    """Each variant distributed on its own: a sweep's rows must equal single distributions."""
    lines = []
    for v in range(7):
        ig1, share = 360 + 20.0 * v, 0.01 + 0.02 * v / 6
        region = sweep_region(ig1, share)
        c = region.distribute().cents
        lines.append(f"variant {v}: IG1 {ig1:.0f} women, beheerskosten {share:.4f} of income")
        lines += [euros("  income", c["income"]), euros("  distributed", c["distributed"])]
        lines += [euros(f"  {o.id}", t) for o, t in zip(region.providers, c["provider_totals"])]
    return "\n".join(lines) + "\n"


def scenario_set() -> scenarios.ScenarioSet:
    return scenarios.ScenarioSet.from_dict({
        "name": "Twee drijvers (voorbeeld)",
        "sectors": [{"id": "msz"}, {"id": "verloskunde"}, {"id": "kraamzorg"}],
        "drivers": [
            {"id": "verwijzing", "volume": 62711,
             "unit_delta": {"msz": -2016, "verloskunde": 652, "kraamzorg": 458},
             "studies": [{"effect": -44, "weight": 8}, {"effect": -20, "weight": 14}]},
            {"id": "consulten", "volume": 46313, "unit_delta": {"msz": -295, "verloskunde": 100},
             "studies": [{"effect": -50, "weight": 25}]}],
        "phase_in": {2027: 0, 2028: 50, 2029: 100}})


def scenario_figures() -> str:
    study = scenario_set()
    c = study.compute(births=3000).cents
    sectors = [s for s, _ in study.sectors]
    lines = []
    for k, name in enumerate(scenarios.SCENARIOS):
        lines.append(name)
        lines += [euros(f"  {s}", t) for s, t in zip(sectors, c["sector_totals"][k])]
        lines.append(euros("  total", c["totals"][k]))
    middle = c["phase_in"][scenarios.SCENARIOS.index("middle")]
    width = len(sectors) + 1
    lines += [euros(f"middle {year}", middle[y * width + width - 1])
              for y, year in enumerate(c["years"])]
    mc = study.uncertainty(draws=100000, seed=2026, distribution="triangular",
                           percentiles=(5, 50, 95), births=3000)
    lines += [f"P{p:<3.0f} total {mc.percentiles.loc[p, 'total']:14.2f}" for p in (5, 50, 95)]
    lines.append(f"mean total {mc.mean['total']:14.2f}")
    return "\n".join(lines) + "\n"


def workbook_region() -> libigo.Region:
    return libigo.Region(
        name="Regio Oost (voorbeeld)",
        providers=[{"id": "vp-oost", "name": "Verloskunde Oost", "discipline": "verloskunde"},
                   {"id": "kz-oost", "name": "Kraamzorg Oost", "discipline": "kraamzorg"},
                   {"id": "kz-dal", "name": "Kraamzorg Dal", "discipline": "kraamzorg"}],
        production={"IG7": (250, 1980.00), "IG9": (14500, 59.85)},
        costs={"overig": 8000},
        verdeelsleutel={"IG7": {"verloskunde": 70, "kraamzorg": 30}, "IG9": {"kraamzorg": 100}},
        volumes={"IG7": {"vp-oost": 250, "kz-oost": 140, "kz-dal": 110},
                 "IG9": {"kz-oost": 8200, "kz-dal": 6300}},
        regiokenmerken={"start_eerste_lijn": 260, "redenen_overdracht": {"pijnbestrijding": 31, "inleiding": 12}})


def read_workbook(path: str, lang: str) -> str:
    """The example region read back from its workbook by the Python API."""
    region = libigo.Region.from_excel(path)
    c = region.distribute().cents
    lines = [f"{region.name} ({lang})", euros("income", c["income"]),
             euros("distributed", c["distributed"])]
    lines += [euros(o.id, t) for o, t in zip(region.providers, c["provider_totals"])]
    return "\n".join(lines) + "\n"


def claims() -> str:
    import io

    import pandas as pd
    text = ("traject;zorgaanbieder;prestatiecode;bedrag;datum;aantal\n"
            "T1;vp-noord;1101;598,35;01-03-2024;1\nT1;zh-centrum;159999019;865,00;2024-05-01;1\n"
            "T1;vp-noord;1102;512,60;2024-09-01;\nT1;kz-thuis;196201;1.436,40;02-09-2024;24\n"
            "T2;vp-zuid;1101;598,35;2024-02-01;1\nT2;vp-zuid;999999;25,00;2024-02-01;1\n"
            "T3;vp-zuid;1101;598,35;2023-12-30;1\n")
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    result = libigo.claims.aggregate(frame, van="2024-01-01", tot="2025-01-01")
    lines = []
    for p, count in result.production.items():
        if count:
            unit = "hours" if p in result.hourly else "traject-phases"
            lines.append(f"{p}: {count:g} {unit}")
            lines += [euros(d, int(eur * 100)) for d, eur in result.money.loc[p].items() if eur]
    rec = result.reconciliation
    lines.append(f"lines: {rec.loc['rows', 'read']} read = {rec.loc['rows', 'classified']} "
                 f"classified + {rec.loc['rows', 'set aside']} set aside")
    lines += [euros(label, int(rec.loc["EUR", column] * 100)) for label, column in
              (("read", "read"), ("classified", "classified"), ("set aside", "set aside"))]
    for _, row in result.set_aside[result.set_aside["rows"] > 0].iterrows():
        lines.append(f"set aside: {row['description']} (declaraties.csv line "
                     f"{row['examples'][0].rsplit(' ', 1)[1]})")
    return "\n".join(lines) + "\n"


EXPECTED = {"distribute": distribute, "history_key": history_key, "sweep": sweep,
            "scenarios": scenario_figures, "claims": claims}
