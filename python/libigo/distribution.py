"""The result of a distribution as pandas tables. Every amount is an exact ``decimal.Decimal`` in
euros (two decimals), made from the core's whole cents; shares are floats in percent."""

from __future__ import annotations

import os
import pathlib
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _files
from ._errors import IgoError
from ._snapshot import Snapshot, frozen
from .money import euros, euros_list

if TYPE_CHECKING:
    from .region import Region

COST_LABELS = {"beheerskosten": "Beheerskosten",
               "innovatie_kwaliteit": "Innovatie- en kwaliteitsbudget",
               "overig": "Overige kosten"}


def _share(part: Decimal, whole: Decimal) -> float:
    return float(part / whole * 100) if whole else 0.0


class Distribution(Snapshot):
    """What the instapverdeelmodel computes for a region: a snapshot, made from a checked copy
    of the region at the time of the call, that later changes to the region do not affect.

    Scalars: ``income``, ``costs`` (per component), ``costs_total``, ``outside_total``,
    ``distributed``, and the quality bonuses' ``bonus_pool``, ``bonuses_paid`` and
    ``bonuses_unpaid`` (what nobody earned, left in the budget). Tables (pandas DataFrames,
    amounts as Decimal euros): ``per_prestatie``, ``per_discipline``, ``per_provider`` (with fixed
    parts also each provider's ``fixed_part``; with bonuses also its points, bonus and total),
    ``provider_prestatie`` (providers x prestaties), ``discipline_prestatie``, ``outside``,
    ``keys`` (the verdeelsleutel used, in percent), ``bonuses`` (each provider's values, points
    and bonus) and ``reconciliation``.
    ``cents`` keeps the core's raw figures in whole cents (read-only).
    """

    def __init__(self, region: "Region", raw: dict[str, Any]) -> None:
        self._region = region  # a checked copy, private to this result
        self.cents = frozen(raw)
        self.income = euros(raw["income"])
        self.costs = MappingProxyType(dict(zip(COST_LABELS, euros_list(raw["costs"]))))
        self.costs_total = euros(raw["costs_total"])
        self.outside_total = euros(raw["outside_total"])
        self.distributed = euros(raw["distributed"])
        self.bonus_pool = euros(raw["bonus_pool"])
        self.bonuses_paid = euros(raw["bonuses_paid"])
        self.bonuses_unpaid = self.bonus_pool - self.bonuses_paid
        self._codes = [p.code for p in region.prestaties]
        self._disciplines = [d.id for d in region.disciplines]
        self._providers = [o.id for o in region.providers]
        self._seal()

    @property
    def region(self) -> "Region":
        """The region as it was distributed (a copy: changing it changes nothing here)."""
        return self._region.checked()

    def _grid(self, key: str, rows: list[str], cols: list[str], transpose: bool = False,
              convert: Any = euros) -> pd.DataFrame:
        """A row-major flat list from the core as a table of rows x cols."""
        flat, n = self.cents[key], len(cols)
        table = pd.DataFrame([[convert(flat[r * n + c]) for c in range(n)]
                              for r in range(len(rows))], index=rows, columns=cols, dtype=object)
        return table.T if transpose else table

    @property
    def per_prestatie(self) -> pd.DataFrame:
        """Income, costs, outside activities, distributable and each discipline's part."""
        raw = self.cents
        table = pd.DataFrame({
            "label": [p.label for p in self._region.prestaties],
            "count": [self._region.production.get(c, (0.0, 0.0))[0] for c in self._codes],
            "tariff": [self._region.production.get(c, (0.0, 0.0))[1] for c in self._codes],
            "income": euros_list(raw["prestatie_income"]),
            "costs": euros_list(raw["prestatie_costs"]),
            "outside": euros_list(raw["prestatie_outside"]),
            "distributable": euros_list(raw["prestatie_distributable"]),
        }, index=pd.Index(self._codes, name="prestatie"))
        return table.join(self.discipline_prestatie.T)

    @property
    def discipline_prestatie(self) -> pd.DataFrame:
        """A[p][d]: each discipline's money per prestatie (disciplines x prestaties)."""
        return self._grid("disciplines", self._codes, self._disciplines, transpose=True) \
            .rename_axis(index="discipline", columns="prestatie")

    @property
    def provider_prestatie(self) -> pd.DataFrame:
        """A[p][o]: each provider's money per prestatie (providers x prestaties)."""
        return self._grid("providers", self._codes, self._providers, transpose=True) \
            .rename_axis(index="provider", columns="prestatie")

    @property
    def per_discipline(self) -> pd.DataFrame:
        amounts = euros_list(self.cents["discipline_totals"])
        return pd.DataFrame({
            "label": [d.label for d in self._region.disciplines],
            "amount": amounts,
            "share_of_income_pct": [_share(a, self.income) for a in amounts],
        }, index=pd.Index(self._disciplines, name="discipline"))

    @property
    def per_provider(self) -> pd.DataFrame:
        """Each provider's model income (amount; with fixed parts also the fixed part it holds);
        with bonuses also its points, bonus and total (amount + bonus)."""
        amounts = euros_list(self.cents["provider_totals"])
        table = pd.DataFrame({
            "name": [o.name for o in self._region.providers],
            "discipline": [o.discipline for o in self._region.providers],
            "amount": amounts,
            "share_of_income_pct": [_share(a, self.income) for a in amounts],
        }, index=pd.Index(self._providers, name="provider"))
        if self._region.fixed_parts:
            fixed, n = self.cents["fixed_parts"], len(self._providers)
            table.insert(3, "fixed_part", euros_list(
                sum(fixed[p * n + o] for p in range(len(self._codes))) for o in range(n)))
        if self._region.bonuses is not None:
            bonus = euros_list(self.cents["bonuses"])
            table["bonus_points"] = self.cents["bonus_points"]
            table["bonus"] = bonus
            table["total"] = [a + b for a, b in zip(amounts, bonus)]
        return table

    @property
    def bonuses(self) -> pd.DataFrame:
        """Each provider's value per indicator (NaN: none given), its points and its bonus;
        empty without bonuses."""
        table = pd.DataFrame(index=pd.Index(self._providers, name="provider"))
        if self._region.bonuses is None:
            return table
        for x in self._region.bonuses["indicators"]:
            given = self._region.bonuses["values"].get(x["id"], {})
            table[x["id"]] = [given.get(o, float("nan")) for o in self._providers]
        table["points"] = self.cents["bonus_points"]
        table["bonus"] = pd.Series(euros_list(self.cents["bonuses"]), index=table.index,
                                   dtype=object)
        return table

    @property
    def outside(self) -> pd.DataFrame:
        """Each outside activity's cost and the part charged to each prestatie."""
        labels = [a.label for a in self._region.outside]
        table = self._grid("outside_parts", labels, self._codes)
        table.insert(0, "cost", euros_list(self.cents["outside_costs"]))
        return table.rename_axis(index="outside_activity")

    @property
    def keys(self) -> pd.DataFrame:
        """The verdeelsleutel used, in percent (prestaties x disciplines)."""
        return self._grid("keys", self._codes, self._disciplines,
                          convert=lambda f: f * 100).astype(float).rename_axis(
            index="prestatie", columns="discipline")

    @property
    def reconciliation(self) -> pd.DataFrame:
        """I = H - B + sum(O) + sum(T) + sum(bonus), line by line (B, the bonuses paid, only with
        bonuses); the difference is always exactly zero."""
        providers = euros(sum(self.cents["provider_totals"]))
        rows = [("Inkomsten IGO", self.income)]
        rows += [(f"- {COST_LABELS[k]}", v) for k, v in self.costs.items()]
        if self._region.bonuses is not None:  # paid out of the budget, to the providers
            rows += [("+ Kwaliteitsbonussen uit het innovatiebudget", self.bonuses_paid)]
        rows += [("- Verrichtingen buiten de IGO", self.outside_total),
                 ("- Verdeeld over de zorgaanbieders", providers)]
        if self._region.bonuses is not None:
            rows += [("- Kwaliteitsbonussen aan de zorgaanbieders",
                      euros(sum(self.cents["bonuses"])))]
        rows += [("= Verschil", self.income - self.costs_total + self.bonuses_paid
                  - self.outside_total - providers - euros(sum(self.cents["bonuses"])))]
        return pd.DataFrame(rows, columns=["post", "amount"]).set_index("post")

    @property
    def balanced(self) -> bool:
        """True when income equals costs - bonuses paid + outside + the providers' totals and
        bonuses, to the cent."""
        raw = self.cents
        return raw["income"] == raw["costs_total"] - raw["bonuses_paid"] + \
            raw["outside_total"] + sum(raw["provider_totals"]) + sum(raw["bonuses"])

    def csv_writers(self, directory: pathlib.Path) -> dict[pathlib.Path, _files.Writer]:
        """Every table as CSV (comma separated, decimal point), by its file in directory."""
        tables = {"per_prestatie": self.per_prestatie, "per_discipline": self.per_discipline,
                  "per_provider": self.per_provider, "provider_prestatie": self.provider_prestatie,
                  "outside": self.outside, "verdeelsleutel": self.keys,
                  "reconciliation": self.reconciliation}
        if self._region.bonuses is not None:
            tables["bonuses"] = self.bonuses
        return {directory / f"{name}.csv": _files.text_writer(table.to_csv())
                for name, table in tables.items()}

    def excel_writer(self, lang: str = "nl") -> _files.Writer:
        return self._region.excel_writer(lang)

    def save(self, csv: Any = None, xlsx: Any = None, lang: str = "nl") -> list[pathlib.Path]:
        """Writes the CSV tables into directory csv and/or the workbook xlsx, all or none: every
        file under a temporary name first, then all put in place together; a failure (or
        Ctrl-C) leaves every target as it was. Never over the region file it came from."""
        writers: dict[pathlib.Path, _files.Writer] = {}
        if xlsx is not None:
            from .region import xlsx_path
            writers[xlsx_path(xlsx)] = self.excel_writer(lang)
        directory = None if csv is None else _files.as_path(csv, "csv directory")
        if directory is not None:
            writers.update(self.csv_writers(directory))
        return _files.write_outputs(writers, self._region.sources(), directory)

    def to_csv(self, directory: str | os.PathLike[str]) -> list[pathlib.Path]:
        """Writes every table as CSV into directory (made if missing), all or none."""
        return self.save(csv=directory)

    def to_excel(self, path: str | os.PathLike[str], lang: str = "nl") -> pathlib.Path:
        """Writes the filled-in model workbook of this distribution's region (see
        Region.to_excel); its recalculated figures equal these, to the cent."""
        return self.save(xlsx=path, lang=lang)[0]

    def __repr__(self) -> str:
        return (f"<Distribution {self._region.name!r}: income EUR {self.income}, costs "
                f"{self.costs_total}, outside {self.outside_total}, providers {self.distributed}>")

    def _repr_html_(self) -> str:
        return (f"<p><b>{self._region.name or 'Regio'}</b>: total income EUR {self.income}</p>"
                + self.per_discipline.to_html() + self.reconciliation.to_html())
