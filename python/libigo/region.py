"""A region: everything the distribution model needs, built from dicts, pandas DataFrames or a
JSON/TOML file, and handed to the C core to distribute."""

from __future__ import annotations

import functools
import json
import os
import pathlib
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Mapping

from . import _files
from . import _parse as P
from . import bonuses as B
from ._backend import impl, workbook_lang
from ._errors import IgoError

if TYPE_CHECKING:
    from .transition import Transition
    from .distribution import Distribution
    from .sweep import Sweep

COST_NAMES = ("beheerskosten", "innovatie_kwaliteit", "overig")
REASONS = "redenen_overdracht"


@dataclass(frozen=True)
class Prestatie:
    code: str
    label: str
    phase: str = ""
    unit: str = "vrouw"


@dataclass(frozen=True)
class Discipline:
    id: str
    label: str


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    discipline: str


@dataclass(frozen=True)
class Cost:
    """An IGO cost component: an amount in EUR, or a percentage of total income."""
    amount: float | None = None
    percent: float | None = None


@dataclass(frozen=True)
class OutsideActivity:
    label: str
    count: float
    tariff: float
    targets: tuple[str, ...]


@dataclass(frozen=True)
class HistoryLine:
    """One monodisciplinary claim line: code, discipline, the IG-prestatie it belongs to."""
    code: str
    discipline: str
    prestatie: str
    count: float
    tariff: float


@functools.lru_cache(maxsize=1)
def regio_fields() -> tuple[str, ...]:
    """The names of the regiokenmerken counts, from the core."""
    return tuple(impl.regio_fields())


@functools.lru_cache(maxsize=1)
def default_catalogue() -> tuple[tuple[Prestatie, ...], tuple[Discipline, ...]]:
    """The core's defaults: the nine IG-prestaties and the three disciplines."""
    m = impl.Model()
    m.add_default_catalogue()
    m.add_default_disciplines()
    return (tuple(Prestatie(*p) for p in m.prestaties()),
            tuple(Discipline(*d) for d in m.disciplines()))


@functools.lru_cache(maxsize=1)
def default_reasons() -> dict[str, float]:
    """The core's default reasons for transfer, in its order, each with count 0."""
    m = impl.Model()
    m.add_default_transfer_reasons()
    return dict(m.inputs()["reasons"])


def _percent(fraction: float) -> float:
    """A fraction the core keeps (to 15 significant digits) as the percentage it was given as:
    fraction * 100 to 15 significant digits again, which undoes the division by 100 exactly for
    every percentage of at most 13 significant digits."""
    return float(f"{fraction * 100:.15g}")


def _rows(fields: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(fields, row)) for row in rows]


def _cost(mode: int, value: float) -> dict[str, float]:
    return {"percent": _percent(value)} if mode == impl.COST_SHARE else {"amount": value}


def _cells(rows: list[str], columns: list[str], values: list[list[float | None]],
           convert: Callable[[float], float] = float) -> dict[str, dict[str, float]]:
    """{row: {column: value}} of the cells that were set; rows without one left out (as the
    Region's parsing leaves out an empty row)."""
    out = {r: {c: convert(v) for c, v in zip(columns, row) if v is not None}
           for r, row in zip(rows, values)}
    return {r: row for r, row in out.items() if row}


class Region(_files.FromFile):
    """The inputs of the instapverdeelmodel for one IGO.

    Every argument takes plain Python (dicts, lists of dicts) or a pandas DataFrame:

    - ``prestaties``: rows ``code, label, phase, unit``; default the nine IG-prestaties.
    - ``disciplines``: rows ``id, label`` (or plain ids); default verloskunde, ziekenhuis, kraamzorg.
    - ``providers``: rows ``id, name, discipline``.
    - ``production``: ``{prestatie: {"count": n, "tariff": eur}}``, or rows
      ``prestatie, count, tariff``.
    - ``costs``: ``{"beheerskosten" | "innovatie_kwaliteit" | "overig": {"amount": eur} or
      {"percent": pct}}``; a bare number is an amount.
    - ``outside``: rows ``label, count, tariff, targets`` (a list of prestaties).
    - ``verdeelsleutel``: ``{prestatie: {discipline: percent}}`` (percent, 0-100), or a DataFrame
      with prestaties as index and disciplines as columns.
    - ``history``: rows ``code, discipline, prestatie, count, tariff``: the key is then derived
      from the historical claimed money per prestatie.
    - ``volumes``: ``{prestatie: {provider: volume}}``, a wide DataFrame (prestaties x providers)
      or rows ``prestatie, provider, volume``.
    - ``normalise_keys``: scale each prestatie's percentages to 100 % instead of refusing them.
    - ``regiokenmerken``: descriptive counts for the workbook (``regio_fields()``), and
      ``redenen_overdracht``: ``{reason: women}`` (default: the standard reasons, count 0).
    - ``costs_per_prestatie``: ``{prestatie: eur}``, the IGO costs charged as given instead of
      pro rata to income (they must add up to the cost components' total).
    - ``fixed_parts``: ``{provider: {"amount": eur, "min_volume": v, "reduction": pct}}``, a
      fixed yearly part out of its discipline's money, reduced by pct below the volume.
    - ``bonuses``: quality bonuses from the innovation budget (see ``libigo.bonuses``): a pool
      (``pool`` EUR or ``pool_percent``), ``indicators`` (id, label, target, better, weight) and
      ``values`` per indicator and provider.
    - ``overgang``: a transition to the model's income (see ``libigo.transition``).

    Rows may also be the dataclasses (``Provider``, ``HistoryLine``, ...), and production
    ``{prestatie: (count, tariff)}``. Every value is checked where it enters: a number must be a
    finite number (not a text, not a bool), a flag true or false, a text free of control
    characters. The attributes may be changed afterwards; each distribution, sweep or workbook
    checks them again and works on its own copy.
    """

    def __init__(self, *, name: str = "", prestaties: Any = None, disciplines: Any = None,
                 providers: Any = None, production: Any = None, costs: Any = None,
                 outside: Any = None, verdeelsleutel: Any = None, history: Any = None,
                 volumes: Any = None, normalise_keys: bool = False,
                 regiokenmerken: Any = None, overgang: Any = None,
                 costs_per_prestatie: Any = None, fixed_parts: Any = None,
                 bonuses: Any = None) -> None:
        default_p, default_d = default_catalogue()
        self.name = P.name(name)
        self.prestaties = list(default_p) if prestaties is None else _prestaties(prestaties)
        self.disciplines = list(default_d) if disciplines is None else _disciplines(disciplines)
        self.providers = _providers(providers)
        self.production = _production(production)
        self.costs = _costs(costs)
        self.costs_per_prestatie = _costs_per_prestatie(costs_per_prestatie)
        self.outside = _outside(outside)
        self.verdeelsleutel = P.matrix(verdeelsleutel, "verdeelsleutel", "prestatie",
                                       "discipline", "percent")
        self.history = _history(history)
        self.volumes = P.matrix(volumes, "volumes", "prestatie", "provider", "volume")
        self.normalise_keys = P.flag(normalise_keys, "normalise_keys")
        self.regiokenmerken = _regiokenmerken(regiokenmerken)
        self.overgang = _overgang(overgang, [o.id for o in self.providers])
        self.fixed_parts = _fixed_parts(fixed_parts)
        self.bonuses = B.parse(bonuses, [o.id for o in self.providers])

    # ---- constructors ----

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Region":
        """A region from the structure of a region file (see the README)."""
        return cls(**P.keywords(data, ("name", "prestaties", "disciplines", "providers",
                                       "production", "costs", "outside", "verdeelsleutel",
                                       "history", "volumes", "normalise_keys", "regiokenmerken",
                                       "overgang", "costs_per_prestatie", "fixed_parts",
                                       "bonuses"),
                                "region"))

    @classmethod
    def _from_core(cls, model: Any) -> "Region":
        """The region of a core model of either backend (its inputs()), every value checked again
        by from_dict. The inverse of model(): _from_core(r.model()).to_dict() == r.to_dict() for a
        region whose numbers have at most 15 significant digits (the core keeps no more). What
        model() does not send is not given here: a production, cost, regiokenmerk, key or volume
        never set; and the default reasons for transfer, which model() adds when none are given
        (so a region that lists exactly those, each 0, and in their order, comes back without
        them: the same model)."""
        data = model.inputs()
        codes = [p[0] for p in data["prestaties"]]
        regio: dict[str, Any] = {field: count for field, count in
                                 zip(regio_fields(), data["regio"]) if count is not None}
        reasons = dict(data["reasons"])
        if list(reasons.items()) != list(default_reasons().items()):
            regio[REASONS] = reasons
        return cls.from_dict({
            "name": data["name"],
            "prestaties": _rows(("code", "label", "phase", "unit"), data["prestaties"]),
            "disciplines": _rows(("id", "label"), data["disciplines"]),
            "providers": _rows(("id", "name", "discipline"), data["providers"]),
            "production": {code: {"count": given[0], "tariff": given[1]}
                           for code, given in zip(codes, data["production"]) if given},
            "costs": {name: _cost(*cost) for name, cost in zip(COST_NAMES, data["costs"])
                      if cost is not None},
            "outside": _rows(("label", "count", "tariff", "targets"), data["outside"]),
            "verdeelsleutel": _cells(codes, [d[0] for d in data["disciplines"]], data["keys"],
                                     _percent),
            "history": _rows(("code", "discipline", "prestatie", "count", "tariff"),
                             data["history"]),
            "volumes": _cells(codes, [o[0] for o in data["providers"]], data["volumes"]),
            "normalise_keys": data["normalise_keys"],
            "regiokenmerken": regio,
            "costs_per_prestatie": {code: eur for code, eur in
                                    zip(codes, data["prestatie_costs"]) if eur is not None},
            "fixed_parts": {o[0]: {"amount": f[0], "min_volume": f[1],
                                   "reduction": _percent(f[2])}
                            for o, f in zip(data["providers"], data["fixed_parts"])
                            if f is not None},
            "bonuses": B.from_core(data, _percent),
        })

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "Region":
        """A region from a .json or .toml file (a regular file of at most 16 MiB), or from a
        model workbook (.xlsx, see from_excel); errors name the file. Outputs written from this
        region never replace the file."""
        suffix = _files.as_path(path, "region file").suffix.lower()
        if suffix == ".xlsx":
            return cls.from_excel(path)
        if suffix not in (".json", ".toml"):
            raise IgoError(f"{path}: expected a .json, .toml or .xlsx region file",
                           "IGO_ERROR_FILE")
        return _files.load(path, "region file", cls.from_dict)

    @classmethod
    def from_excel(cls, path: str | os.PathLike[str]) -> "Region":
        """The region a model workbook describes: one written by to_excel (or `igo`), after any
        edits and re-saves in Excel, LibreOffice, Gnumeric or openpyxl. The C core reads it,
        streaming and as an untrusted file; blocks are found by their defined names, so rows a
        user inserted are read right. A refusal names the file, sheet and cell."""
        from .transition import overgang_table
        target = _files.as_path(path, "workbook")
        model = impl.Model()
        model.read_workbook(target)
        try:
            overgang = overgang_table(model.read_transition(target))
            region = cls._from_core(model)
            if overgang is not None:
                region.overgang = _overgang(overgang, [o.id for o in region.providers])
        except IgoError as exc:  # (the reader's own messages name the file already)
            named = str(exc).startswith(str(target))
            raise IgoError(str(exc) if named else f"{target}: {exc}", exc.code) from None
        region._source = target
        return region

    # ---- output ----

    def to_dict(self) -> dict[str, Any]:
        """The region in the file structure (JSON-serialisable); from_dict(to_dict()) is equal."""
        r = self.checked()
        return {
            "name": r.name,
            "prestaties": [vars(p).copy() for p in r.prestaties],
            "disciplines": [vars(d).copy() for d in r.disciplines],
            "providers": [vars(o).copy() for o in r.providers],
            "production": {p: {"count": n, "tariff": t} for p, (n, t) in r.production.items()},
            "costs": {k: {f: v for f, v in vars(c).items() if v is not None}
                      for k, c in r.costs.items()},
            "outside": [dict(vars(a), targets=list(a.targets)) for a in r.outside],
            "verdeelsleutel": {p: dict(row) for p, row in r.verdeelsleutel.items()},
            "history": [vars(h).copy() for h in r.history],
            "volumes": {p: dict(row) for p, row in r.volumes.items()},
            "normalise_keys": r.normalise_keys,
            "regiokenmerken": {k: dict(v) if isinstance(v, dict) else v
                               for k, v in r.regiokenmerken.items()},
        } | ({"costs_per_prestatie": dict(r.costs_per_prestatie)}
             if r.costs_per_prestatie else {}) \
          | ({"fixed_parts": {o: dict(f) for o, f in r.fixed_parts.items()}}
             if r.fixed_parts else {}) \
          | ({"overgang": _copy(r.overgang)} if r.overgang is not None else {}) \
          | ({"bonuses": _copy(r.bonuses)} if r.bonuses is not None else {})

    def to_json(self, path: str | os.PathLike[str]) -> None:
        """Writes the region as JSON, atomically (a temporary file renamed into place)."""
        content = json.dumps(self.to_dict(), indent=2, ensure_ascii=False)
        _files.write_outputs({_files.as_path(path): _files.text_writer(content)})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Region) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return (f"Region({self.name!r}: {len(self.prestaties)} prestaties, "
                f"{len(self.disciplines)} disciplines, {len(self.providers)} providers)")

    # ---- the core ----

    def checked(self) -> "Region":
        """A checked copy of this region as its attributes are now: every value parsed again as
        the constructor parses it (so a value changed by hand is refused by its path, never
        coerced). Distributions, sweeps and workbooks work on such a copy."""
        copy = Region(name=self.name, prestaties=self.prestaties, disciplines=self.disciplines,
                      providers=self.providers, production=self.production, costs=self.costs,
                      outside=self.outside, verdeelsleutel=self.verdeelsleutel,
                      history=self.history, volumes=self.volumes,
                      normalise_keys=self.normalise_keys, regiokenmerken=self.regiokenmerken,
                      overgang=self.overgang, costs_per_prestatie=self.costs_per_prestatie,
                      fixed_parts=self.fixed_parts, bonuses=self.bonuses)
        copy._source = self._source
        return copy

    def model(self) -> Any:
        """This region as a core model of the chosen backend (a fresh one on every call)."""
        return self.checked()._model()

    def _model(self) -> Any:
        m = impl.Model()
        if self.name:
            m.set_name(self.name)
        for p in self.prestaties:
            m.add_prestatie(p.code, p.label, p.phase, p.unit)
        for d in self.disciplines:
            m.add_discipline(d.id, d.label)
        for o in self.providers:
            m.add_provider(o.id, o.name, o.discipline)
        for code, (count, tariff) in self.production.items():
            m.set_production(code, count, tariff)
        for index, name in enumerate(COST_NAMES):
            cost = self.costs.get(name)
            if cost is not None and cost.percent is not None:
                m.set_cost(index, impl.COST_SHARE, cost.percent / 100)
            elif cost is not None:
                m.set_cost(index, impl.COST_AMOUNT, cost.amount)
        for code, eur in self.costs_per_prestatie.items():
            m.set_prestatie_costs(code, eur)
        for provider, part in self.fixed_parts.items():
            m.set_fixed_part(provider, part["amount"], part["min_volume"],
                             part["reduction"] / 100)
        if self.bonuses is not None:
            B.send(m, self.bonuses)
        for a in self.outside:
            m.add_outside(a.label, a.count, a.tariff, list(a.targets))
        for prestatie, row in self.verdeelsleutel.items():
            for discipline, percent in row.items():
                m.set_key(prestatie, discipline, percent / 100)
        for h in self.history:
            m.add_history(h.code, h.discipline, h.prestatie, h.count, h.tariff)
        m.set_normalise_keys(self.normalise_keys)
        for prestatie, row in self.volumes.items():
            for provider, volume in row.items():
                m.set_volume(prestatie, provider, volume)
        reasons = self.regiokenmerken.get(REASONS)
        for field, count in self.regiokenmerken.items():
            if field != REASONS:
                m.set_regio(field, count)
        if reasons is None:
            m.add_default_transfer_reasons()
        for reason, count in (reasons or {}).items():
            m.set_transfer_reason(reason, count)
        return m

    def to_excel(self, path: str | os.PathLike[str], lang: str = "nl", baseline: Any = None,
                 threshold: Any = None, threshold_pct: Any = None) -> pathlib.Path:
        """Writes the filled-in model workbook (the instapverdeelmodel's sheets, the quality
        bonuses' sheet, the Wat als sheet, and the transition's when the region has an
        [overgang]; live formulas, charts) and returns its path. The core writes it without the
        GIL, into a temporary file that is renamed into place only when complete; it never
        replaces the region file the region was read from. lang: "nl" (default) or "en".

        The Wat als sheet sets a starting point beside the workbook's figures, per provider,
        discipline and prestatie, as libigo.compare does: ``baseline`` (a Region or
        Distribution; by default this region itself, so that every edit in the spreadsheet
        shows what it changes), with ``threshold`` (EUR) and ``threshold_pct`` (percent of the
        starting point) marking the material changes."""
        target = xlsx_path(path)
        base = None if baseline is None else _baseline_region(baseline)
        writer = self.checked().excel_writer(lang, base, threshold, threshold_pct)
        inputs = self.sources() + (base.sources() if base is not None else [])
        _files.write_outputs({target: writer}, inputs)  # (never over either region's file)
        return target

    def excel_writer(self, lang: str = "nl", baseline: "Region | None" = None,
                     threshold: Any = None, threshold_pct: Any = None) -> _files.Writer:
        """A function that writes this region's workbook to a given file (for write_outputs);
        baseline: a checked Region (as to_excel's _baseline_region gives it) or None."""
        from .compare import thresholds
        from .transition import workbook_args
        code = workbook_lang(lang)
        model = self._model()
        transition = workbook_args(self)
        base = None if baseline is None else baseline._model()
        eur, share = thresholds(threshold, threshold_pct)
        return lambda tmp: model.write_workbook(os.fspath(tmp), code, transition, base, eur,
                                                share)

    def distribute(self) -> "Distribution":
        """Runs the distribution in the C core (without the GIL) and returns its tables."""
        from .distribution import Distribution
        snapshot = self.checked()
        return Distribution(snapshot, snapshot._model().distribute())

    def transition(self, history: Any = None, years: Any = None, max_decrease: Any = None,
                   max_increase: Any = None, guarantee: Any = None,
                   regions: Any = None) -> "Transition":
        """Takes the providers from their historical incomes to this region's distribution over
        the years (libigo.transition.Transition).

        ``history``: provider -> EUR per year (a mapping or Series, e.g. ``claims.income``);
        every provider of the region, 0 for one without history. ``years``: year -> percent
        still matched to history, e.g. ``{2027: 100, 2028: 67, 2029: 33, 2030: 0}``.
        ``max_decrease`` / ``max_increase``: percent per year against the year before (scaled
        by the pot's change), counted to 0.01 %; bounds are exact in whole cents. ``guarantee``: provider -> EUR, or a percent of each provider's
        history. ``regions``: year -> Region for years whose distribution differs from this
        one's (the same providers). Exact in cents; a year the bounds cannot pay is refused.
        Without history and years, the region's own ``overgang`` table gives all five."""
        from .transition import transition
        if history is None and years is None and self.overgang is not None:
            o = self.overgang
            return transition(self, o["history"], o["years"], o.get("max_decrease"),
                              o.get("max_increase"), o.get("guarantee"), regions)
        if history is None or years is None:
            raise P.fail("transition", "give history and years, or an [overgang] table in the "
                                       "region")
        return transition(self, history, years, max_decrease, max_increase, guarantee, regions)

    def what_if(self, move: Any = None, keys: Any = None, counts: Any = None,
                tariffs: Any = None, volumes: Any = None) -> "Region":
        """A new region with a care-path change: ``move`` women (or hours) between prestaties,
        {("IG2", "IG3"): 40} or {"IG2->IG3": 40}; ``keys``: prestatie -> {discipline: percent}
        (a direct key row, replacing that prestatie's history lines); ``counts`` / ``tariffs``:
        prestatie -> number; ``volumes``: prestatie -> {provider: volume}. Compare it with
        libigo.compare(region, new). Moving and moving back gives this region again."""
        from .compare import move_counts
        data = self.checked().to_dict()
        production = data["production"]
        for field, given in (("count", counts), ("tariff", tariffs)):
            for code, value in (P.mapping(given, field + "s").items() if given is not None
                                else ()):
                production.setdefault(code, {"count": 0.0, "tariff": 0.0})[field] = P.number(
                    value, f"{field}s[{code}]")
        if move is not None:
            data["production"] = move_counts(production, move)
        for code, row in (P.mapping(keys, "keys").items() if keys is not None else ()):
            data["verdeelsleutel"][code] = dict(P.mapping(row, f"keys[{code}]"))
            data["history"] = [h for h in data["history"] if h["prestatie"] != code]
        for code, rows in (P.mapping(volumes, "volumes").items() if volumes is not None
                           else ()):
            data["volumes"].setdefault(code, {}).update(P.mapping(rows, f"volumes[{code}]"))
        return Region.from_dict(data)

    def sweep(self, counts: Any = None, tariffs: Any = None, costs: Any = None) -> "Sweep":
        """Distributes many variants of this region in one core call; see libigo.sweep.Sweep."""
        from .sweep import run_sweep
        return run_sweep(self.checked(), counts, tariffs, costs)


def _baseline_region(value: Any) -> "Region":
    """The region of a workbook's baseline: a Region, or a Distribution's region."""
    from .distribution import Distribution
    if isinstance(value, Distribution):
        return value.region
    if isinstance(value, Region):
        return value.checked()
    raise P.fail("baseline", f"expected a Region or a Distribution, not {type(value).__name__}")


def xlsx_path(path: Any) -> pathlib.Path:
    """A workbook's file name: a path ending in .xlsx (another name is nearly always a slip that
    would replace the wrong file)."""
    target = _files.as_path(path, "workbook")
    if target.suffix.lower() != ".xlsx":
        raise IgoError(f"{target}: a workbook file name ends in .xlsx", "IGO_ERROR_ARGUMENT")
    return target


# ---- parsing each input ----

def _prestaties(value: Any) -> list[Prestatie]:
    out = []
    for where, row in P.records(value, "prestaties"):
        P.only_keys(row, ("code", "label", "phase", "unit"), where)
        code = P.text(P.field(row, "code", where), f"{where}.code")
        out.append(Prestatie(code, P.optional_text(row.get("label"), f"{where}.label") or code,
                             P.optional_text(row.get("phase"), f"{where}.phase") or "",
                             P.optional_text(row.get("unit"), f"{where}.unit") or "vrouw"))
    return out


def _disciplines(value: Any) -> list[Discipline]:
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        ids = [P.text(v, f"disciplines[{i}]") for i, v in enumerate(value)]
        return [Discipline(ident, ident) for ident in ids]
    out = []
    for where, row in P.records(value, "disciplines"):
        P.only_keys(row, ("id", "label"), where)
        ident = P.text(P.field(row, "id", where), f"{where}.id")
        out.append(Discipline(ident, P.optional_text(row.get("label"), f"{where}.label") or ident))
    return out


def _providers(value: Any) -> list[Provider]:
    out = []
    for where, row in P.records(value, "providers"):
        P.only_keys(row, ("id", "name", "discipline"), where)
        ident = P.text(P.field(row, "id", where), f"{where}.id")
        out.append(Provider(ident, P.optional_text(row.get("name"), f"{where}.name") or ident,
                            P.text(P.field(row, "discipline", where), f"{where}.discipline")))
    return out


def _pair(row: Any) -> Any:
    """(count, tariff) as the table {count, tariff}; anything else as it is."""
    if isinstance(row, (tuple, list)) and len(row) == 2:
        return {"count": row[0], "tariff": row[1]}
    return row


def _production(value: Any) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    if value is None:
        return out
    if P.is_frame(value) and "prestatie" not in value.columns:
        value = value.rename_axis("prestatie").reset_index()
    if P.is_frame(value) or not isinstance(value, Mapping):
        items = [(P.text(P.field(r, "prestatie", w), f"{w}.prestatie"), r, w)
                 for w, r in P.records(value, "production")]
    else:
        items = [(P.text(k, "production"), P.mapping(_pair(r), f"production.{k}"),
                  f"production.{k}") for k, r in value.items()]
    for code, row, where in items:
        P.only_keys(row, ("prestatie", "count", "tariff"), where)
        out[code] = (P.number(P.field(row, "count", where), f"{where}.count"),
                     P.number(P.field(row, "tariff", where), f"{where}.tariff"))
    return out


def _costs(value: Any) -> dict[str, Cost]:
    out: dict[str, Cost] = {}
    if value is None:
        return out
    for name, spec in P.mapping(value, "costs").items():
        where = f"costs.{name}"
        if name not in COST_NAMES:
            raise P.fail(where, f"unknown cost component; expected one of {', '.join(COST_NAMES)}")
        if not isinstance(spec, (Mapping, Cost)):
            out[name] = Cost(amount=P.number(spec, where))
            continue
        spec = P.mapping(spec, where)
        P.only_keys(spec, ("amount", "percent"), where)
        if len(spec) != 1:
            raise P.fail(where, "give either 'amount' (EUR) or 'percent' (of total income)")
        key, raw = next(iter(spec.items()))
        out[name] = Cost(**{key: P.number(raw, f"{where}.{key}")})
    return out


def _targets(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(";", ",").split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not value:
        raise P.fail(where, "expected a non-empty list of prestaties")
    return tuple(P.text(v, f"{where}[{i}]") for i, v in enumerate(value))


def _outside(value: Any) -> list[OutsideActivity]:
    out = []
    for where, row in P.records(value, "outside"):
        P.only_keys(row, ("label", "count", "tariff", "targets"), where)
        out.append(OutsideActivity(
            P.text(P.field(row, "label", where), f"{where}.label"),
            P.number(P.field(row, "count", where), f"{where}.count"),
            P.number(P.field(row, "tariff", where), f"{where}.tariff"),
            _targets(P.field(row, "targets", where), f"{where}.targets")))
    return out


OVERGANG_KEYS = ("history", "years", "max_decrease", "max_increase", "guarantee")


def _copy(value: Any) -> Any:
    """A plain copy of nested tables, as a region file holds them: text keys, a Series as a
    table, numbers as int or float (a Decimal or numpy number too)."""
    if hasattr(value, "to_dict") and not isinstance(value, Mapping):
        value = value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): _copy(v) for k, v in value.items()}
    if isinstance(value, int):  # (a bool too)
        return value
    return float(value) if isinstance(value, (float, Decimal)) or hasattr(value, "dtype") \
        else value


def _fixed_parts(value: Any) -> dict[str, dict[str, float]]:
    """Provider -> its fixed part: amount (EUR), min_volume (0: no condition) and reduction
    (percent lost below that volume)."""
    out = {}
    for provider, part in (P.mapping(value, "fixed_parts").items() if value is not None
                           else ()):
        where = f"fixed_parts.{provider}"
        row = dict(P.mapping(part, where))
        P.only_keys(row, ("amount", "min_volume", "reduction"), where)
        figures = {"amount": P.number(P.field(row, "amount", where), f"{where}.amount"),
                   "min_volume": P.number(row.get("min_volume", 0), f"{where}.min_volume"),
                   "reduction": P.number(row.get("reduction", 0), f"{where}.reduction")}
        for field, number in figures.items():
            if number < 0 or (field == "reduction" and number > 100):
                allowed = "0-100 %" if field == "reduction" else "0 or more"
                raise P.fail(f"{where}.{field}", f"{number!r} is outside {allowed}")
        if figures["amount"] > 0:  # (0: no fixed part, as the core keeps it)
            out[str(provider)] = figures
    return out


def _costs_per_prestatie(value: Any) -> dict[str, float]:
    """Prestatie -> its part of the IGO costs in EUR (empty: pro rata to income)."""
    if value is None:
        return {}
    out = {}
    for code, eur in P.mapping(value, "costs_per_prestatie").items():
        where = f"costs_per_prestatie.{code}"
        code = P.text(code, where)
        amount = P.number(eur, where)
        if amount < 0:
            raise P.fail(where, f"{eur!r} is negative")
        out[code] = amount
    return out


def _overgang(value: Any, providers: list[str]) -> dict[str, Any] | None:
    """The [overgang] table: history and years required, each value checked as a transition
    checks it (against the region's providers), every message naming overgang."""
    if value is None:
        return None
    table = dict(P.mapping(value, "overgang"))
    P.only_keys(table, OVERGANG_KEYS, "overgang")
    for key in ("history", "years"):
        if key not in table:
            raise P.fail("overgang", f"'{key}' is missing")
    from . import transition as T
    try:
        history = T.parse_history(table["history"], providers)
        T.parse_years(table["years"])
        T.parse_guarantees(table.get("guarantee"), providers, history)
        T.parse_limit(table.get("max_decrease"), "max_decrease")
        T.parse_limit(table.get("max_increase"), "max_increase")
    except IgoError as e:
        raise IgoError(f"overgang.{e}", e.code) from None
    return _copy(table)


def _regiokenmerken(value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if value is None:
        return out
    for field, count in P.mapping(value, "regiokenmerken").items():
        where = f"regiokenmerken.{field}"
        if field == REASONS:
            out[REASONS] = {P.text(reason, where): P.number(n, f"{where}.{reason}")
                            for reason, n in P.mapping(count, where).items()}
        elif field in regio_fields():
            out[field] = P.number(count, where)
        else:
            raise P.fail(where, f"unknown field; expected {', '.join(regio_fields())} or "
                                f"{REASONS}")
    return out


def _history(value: Any) -> list[HistoryLine]:
    out = []
    for where, row in P.records(value, "history"):
        P.only_keys(row, ("code", "discipline", "prestatie", "count", "tariff"), where)
        code = P.field(row, "code", where)
        out.append(HistoryLine(
            P.text(str(code) if isinstance(code, int) and not isinstance(code, bool) else code,
                   f"{where}.code"),
            P.text(P.field(row, "discipline", where), f"{where}.discipline"),
            P.text(P.field(row, "prestatie", where), f"{where}.prestatie"),
            P.number(P.field(row, "count", where), f"{where}.count"),
            P.number(P.field(row, "tariff", where), f"{where}.tariff")))
    return out
