"""The 'cffi' backend: the same API as the C extension (libigo._cext), over the CFFI module.

cffi releases the GIL around every call into the core, as the extension does around its long calls.
On the main thread a long call gets a progress callback that runs Python (and so its signal
handlers) now and then: Ctrl-C stops the call and its KeyboardInterrupt propagates.
"""

from __future__ import annotations

import math
import os
import threading
from typing import Any, Callable, Mapping, Sequence

from . import _progress
from ._cffi import ffi, lib
from ._constants import NAMES
from ._errors import IgoError

globals().update({name: getattr(lib, f"IGO_{name}") for name in NAMES})

# What stopped the running long call on this thread (a KeyboardInterrupt), to raise after it.
_stopped = threading.local()


def _keep_interrupt(exc_type: Any, value: BaseException, traceback: Any) -> int:
    """A signal handler raised inside the progress callback: stop the call, raise it after."""
    _stopped.error = value
    return 1


@ffi.def_extern(onerror=_keep_interrupt)
def igo_py_progress(data: Any, done: float) -> int:
    """Called by the core during long calls; that it runs Python code lets the interpreter run
    pending signal handlers, whose exception goes to _keep_interrupt. The fraction done goes to
    a progress bar's listener (_progress), whose exception stops the call too."""
    _progress.report(done)
    return 0


def _text(value: Any, name: str) -> bytes:
    """A str argument as UTF-8, refused the way PyArg_ParseTuple's 's' refuses it."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError("embedded null character")
    return value.encode("utf-8")


def _optional_text(value: Any, name: str) -> Any:
    return ffi.NULL if value is None else _text(value, name)


def _number(value: Any, name: str) -> float:
    """A float argument, refused the way PyArg_ParseTuple's 'd' refuses it."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a real number, not {type(value).__name__}")
    return float(value)


def _raise(code: int, message: str, variant: int | None = None) -> None:
    if code == lib.IGO_ERROR_MEMORY:
        raise MemoryError(message)
    raise IgoError(message, ffi.string(lib.igo_error_name(code)).decode(), variant)


def _strerror(code: int) -> str:
    return ffi.string(lib.igo_strerror(code)).decode()


def round(x: float, decimals: int) -> float:  # noqa: A001 - mirrors the extension's name
    return lib.igo_round(_number(x, "x"), int(decimals))


def round_cents(x: float) -> int:
    cents = ffi.new("int64_t *")
    code = lib.igo_round_cents_checked(_number(x, "x"), cents)
    if code:
        _raise(code, f"round_cents: {x!r}: {_strerror(code)}")
    return cents[0]


def version() -> str:
    return ffi.string(lib.igo_version()).decode()


def regio_fields() -> list[str]:
    fields: list[str] = []
    while (name := lib.igo_regio_field(len(fields))) != ffi.NULL:
        fields.append(ffi.string(name).decode())
    return fields


_PRESTATIE_FIELDS = (lib.igo_model_prestatie_code, lib.igo_model_prestatie_label,
                     lib.igo_model_prestatie_phase, lib.igo_model_prestatie_unit)
_DISCIPLINE_FIELDS = (lib.igo_model_discipline_id, lib.igo_model_discipline_label)


class _Core:
    """A core object (a model or a scenario set) with its detailed error message, guarded so
    that one thread cannot change it while another computes with it without the GIL."""

    def __init__(self, new: Callable[[], Any], free: Callable[[Any], None],
                 errmsg: Callable[[Any], Any], set_progress: Callable[..., int]) -> None:
        pointer = new()
        if pointer == ffi.NULL:
            raise MemoryError("out of memory")
        self._m = ffi.gc(pointer, free)
        self._errmsg = errmsg
        self._set_progress = set_progress
        self._busy = False

    def _idle(self) -> None:
        if self._busy:
            raise RuntimeError("this object is busy in a calculation on another thread; use one "
                               "object per thread")

    def _call(self, fn: Callable[..., int], *args: Any) -> None:
        self._idle()
        self._call_busy(fn, *args)

    def _call_busy(self, fn: Callable[..., int], *args: Any) -> None:
        code = fn(self._m, *args)
        if code:
            _raise(code, ffi.string(self._errmsg(self._m)).decode("utf-8", "replace"))

    def _run(self, fn: Callable[..., int], *args: Any) -> None:
        """A long call: the object is busy meanwhile (cffi runs it without the GIL); on the main
        thread Ctrl-C stops it."""
        self._idle()
        main = threading.current_thread() is threading.main_thread()
        self._set_progress(self._m, lib.igo_py_progress if main else ffi.NULL, ffi.NULL)
        self._busy = True
        _stopped.error = None
        try:
            self._call_busy(fn, *args)
        except IgoError as exc:
            if exc.code == "IGO_ERROR_CANCELLED" and _stopped.error is not None:
                raise _stopped.error from None
            raise
        finally:
            self._busy = False
            self._set_progress(self._m, ffi.NULL, ffi.NULL)
            _stopped.error = None


class Model(_Core):
    """An igo_model: a region's distribution model in the C core."""

    def __init__(self) -> None:
        super().__init__(lib.igo_model_new, lib.igo_model_free, lib.igo_model_errmsg,
                         lib.igo_model_set_progress)

    # ---- setters ----

    def set_name(self, name: str) -> None:
        self._call(lib.igo_model_set_name, _text(name, "name"))

    def add_default_catalogue(self) -> None:
        self._call(lib.igo_model_add_default_catalogue)

    def add_default_disciplines(self) -> None:
        self._call(lib.igo_model_add_default_disciplines)

    def add_prestatie(self, code: str, label: str | None = None, phase: str | None = None,
                      unit: str | None = None) -> None:
        self._call(lib.igo_model_add_prestatie, _text(code, "code"), _optional_text(label, "label"),
                   _optional_text(phase, "phase"), _optional_text(unit, "unit"))

    def add_discipline(self, id: str, label: str | None = None) -> None:
        self._call(lib.igo_model_add_discipline, _text(id, "id"), _optional_text(label, "label"))

    def add_provider(self, id: str, name: str | None, discipline: str) -> None:
        self._call(lib.igo_model_add_provider, _text(id, "id"), _optional_text(name, "name"),
                   _text(discipline, "discipline"))

    def set_production(self, prestatie: str, count: float, tariff: float) -> None:
        self._call(lib.igo_model_set_production, _text(prestatie, "prestatie"),
                   _number(count, "count"), _number(tariff, "tariff"))

    def set_cost(self, cost: int, mode: int, value: float) -> None:
        self._call(lib.igo_model_set_cost, int(cost), int(mode), _number(value, "value"))

    def set_fixed_part(self, provider: str, eur: float, min_volume: float,
                       reduction: float) -> None:
        self._call(lib.igo_model_set_fixed_part, _text(provider, "provider"),
                   _number(eur, "eur"), _number(min_volume, "min_volume"),
                   _number(reduction, "reduction"))

    def set_bonus_pool(self, mode: int, value: float) -> None:
        self._call(lib.igo_model_set_bonus_pool, int(mode), _number(value, "value"))

    def add_indicator(self, id: str, label: str | None, target: float, lower_is_better: Any,
                      weight: float) -> None:
        self._call(lib.igo_model_add_indicator, _text(id, "id"), _optional_text(label, "label"),
                   _number(target, "target"), bool(lower_is_better), _number(weight, "weight"))

    def set_indicator_value(self, indicator: str, provider: str, value: float) -> None:
        self._call(lib.igo_model_set_indicator_value, _text(indicator, "indicator"),
                   _text(provider, "provider"), _number(value, "value"))

    def set_prestatie_costs(self, prestatie: str, eur: float) -> None:
        self._call(lib.igo_model_set_prestatie_costs, _text(prestatie, "prestatie"),
                   _number(eur, "eur"))

    def add_outside(self, label: str, count: float, tariff: float, targets: Sequence[str]) -> None:
        if isinstance(targets, str) or not isinstance(targets, Sequence):
            raise TypeError("add_outside: targets must be a list of str")
        owned = [ffi.new("char[]", _text(t, f"target {i}")) for i, t in enumerate(targets)]
        ids = ffi.new("const char *[]", owned) if owned else ffi.NULL
        self._call(lib.igo_model_add_outside, _text(label, "label"), _number(count, "count"),
                   _number(tariff, "tariff"), ids, len(owned))

    def set_key(self, prestatie: str, discipline: str, fraction: float) -> None:
        self._call(lib.igo_model_set_key, _text(prestatie, "prestatie"),
                   _text(discipline, "discipline"), _number(fraction, "fraction"))

    def add_history(self, code: str, discipline: str, prestatie: str, count: float,
                    tariff: float) -> None:
        self._call(lib.igo_model_add_history, _text(code, "code"), _text(discipline, "discipline"),
                   _text(prestatie, "prestatie"), _number(count, "count"),
                   _number(tariff, "tariff"))

    def set_normalise_keys(self, flag: Any) -> None:
        self._call(lib.igo_model_set_normalise_keys, 1 if flag else 0)

    def set_volume(self, prestatie: str, provider: str, volume: float) -> None:
        self._call(lib.igo_model_set_volume, _text(prestatie, "prestatie"),
                   _text(provider, "provider"), _number(volume, "volume"))

    def set_regio(self, field: str, count: float) -> None:
        self._call(lib.igo_model_set_regio, _text(field, "field"), _number(count, "count"))

    def set_transfer_reason(self, reason: str, count: float) -> None:
        self._call(lib.igo_model_set_transfer_reason, _text(reason, "reason"),
                   _number(count, "count"))

    def add_default_transfer_reasons(self) -> None:
        self._call(lib.igo_model_add_default_transfer_reasons)

    def write_workbook(self, path: str | os.PathLike[str], lang: int = lib.IGO_LANG_NL,
                       transition: tuple[Any, ...] | None = None,
                       baseline: "Model | None" = None, threshold: float = 0.0,
                       threshold_share: float = 0.0) -> None:
        options = _lang(lang)
        tr = _build_transition(*transition) if transition is not None else ffi.NULL
        options.transition = tr
        if baseline is not None and not isinstance(baseline, Model):
            raise TypeError("write_workbook: baseline must be a Model, not "
                            f"{type(baseline).__name__}")
        options.threshold = _number(threshold, "threshold")
        options.threshold_share = _number(threshold_share, "threshold_share")
        if baseline is None or baseline is self:
            return self._run(lib.igo_workbook_write, _path(path), options)
        baseline._idle()  # busy meanwhile: the call distributes it without the GIL
        options.baseline = baseline._m
        baseline._busy = True
        try:
            self._run(lib.igo_workbook_write, _path(path), options)
        finally:
            baseline._busy = False

    def read_workbook(self, path: str | os.PathLike[str]) -> int:
        lang = ffi.new("igo_lang *")
        self._run(lib.igo_workbook_read, _path(path), lang)
        return int(lang[0])

    def read_transition(self, path: str | os.PathLike[str]) -> dict[str, Any] | None:
        out = ffi.new("igo_transition **")
        self._run(lib.igo_workbook_read_transition, _path(path), out)
        if out[0] == ffi.NULL:
            return None
        tr = ffi.gc(out[0], lib.igo_transition_free)
        providers = []
        for o in range(lib.igo_transition_providers(tr)):
            h, g = ffi.new("int64_t *"), ffi.new("int64_t *")
            name = lib.igo_transition_provider(tr, o, h, g)
            providers.append((ffi.string(name).decode() if name != ffi.NULL else "", h[0], g[0]))
        share = ffi.new("double *")
        years = [(lib.igo_transition_year(tr, y, share, ffi.NULL), share[0])
                 for y in range(lib.igo_transition_years(tr))]
        down, up = ffi.new("double *"), ffi.new("double *")
        lib.igo_transition_limits(tr, down, up)
        return {"providers": providers, "years": years, "max_decrease": down[0],
                "max_increase": up[0]}

    # ---- reading back ----

    def sizes(self) -> tuple[int, int, int, int]:
        m = self._m
        return (lib.igo_model_prestatie_count(m), lib.igo_model_discipline_count(m),
                lib.igo_model_provider_count(m), lib.igo_model_outside_count(m))

    def _entities(self, count: int, fields: tuple) -> list[tuple[str, ...]]:
        return [tuple(ffi.string(get(self._m, i)).decode() for get in fields) for i in range(count)]

    def prestaties(self) -> list[tuple[str, ...]]:
        return self._entities(lib.igo_model_prestatie_count(self._m), _PRESTATIE_FIELDS)

    def disciplines(self) -> list[tuple[str, ...]]:
        return self._entities(lib.igo_model_discipline_count(self._m), _DISCIPLINE_FIELDS)

    def inputs(self) -> dict[str, Any]:
        """Every input as plain data, read as _INPUTS says; None where one was not set."""
        self._idle()
        return {key: read(self) for key, read in _INPUTS.items()}

    # ---- distribution ----

    def distribute(self) -> dict[str, Any]:
        out = ffi.new("igo_result **")
        self._run(lib.igo_distribute, out)
        r = ffi.gc(out[0], lib.igo_result_free)
        sizes = {"P": lib.igo_result_prestatie_count(r), "D": lib.igo_result_discipline_count(r),
                 "O": lib.igo_result_provider_count(r), "L": lib.igo_result_outside_count(r)}
        return _figures(r, _DISTRIBUTION, sizes)

    def distribute_batch(self, variants: int, counts: Any, tariffs: Any, costs: Any,
                         provider_totals: Any, discipline_totals: Any, summary: Any,
                         bonuses: Any = None) -> None:
        shape = ffi.new("igo_batch_shape *")
        self._call(lib.igo_distribute_batch_shape, variants, shape)
        batch = ffi.new("igo_batch *")
        batch.variants = variants
        keep = []  # the cdata views must outlive the call
        given = (counts, tariffs, costs, provider_totals, discipline_totals, summary, bonuses)
        for (name, ctype, writable), obj in zip(_BATCH_BUFFERS, given):
            view = _buffer(obj, name, ctype, getattr(shape, name), writable)
            keep.append(view)
            setattr(batch, name, view)
        try:
            self._run(lib.igo_distribute_batch, batch)
        except IgoError as exc:
            exc.variant = batch.failed_variant
            raise


# ---- Model.inputs(): each input by its key, as the extension reads it (see _cext.pyi) ----

def _str(ptr: Any) -> str:
    return ffi.string(ptr).decode()


def _rows(n: int, make: Callable[[int], Any]) -> list[Any]:
    return [make(i) for i in range(n)]


def _values(get: Callable[..., int], *index: Any, n: int = 1) -> tuple[float, ...] | None:
    """The n numbers a getter writes after index, or None when it says they were not set."""
    out = ffi.new("double[]", n)
    return tuple(out) if get(*index, *(out + i for i in range(n))) else None


def _value(get: Callable[..., int], *index: Any) -> float | None:
    value = _values(get, *index)
    return None if value is None else value[0]


def _cells(m: Any, p: int, n: int, get: Callable[..., int]) -> list[float | None]:
    """A prestatie's row of a matrix (keys or volumes) read in one pass, None where a cell was
    not set."""
    values, given = ffi.new("double[]", n + 1), ffi.new("unsigned char[]", n + 1)
    get(m, p, values, given)
    return [values[c] if given[c] else None for c in range(n)]


def _mode_value(get: Callable[..., int], *index: Any) -> tuple[int, float] | None:
    """(mode, value) of a cost component or the bonus pool, or None when not set."""
    mode, value = ffi.new("igo_cost_mode *"), ffi.new("double *")
    return (int(mode[0]), value[0]) if get(*index, mode, value) else None


def _outside(m: Any, a: int) -> tuple[str, float, float, list[str]]:
    count, tariff = ffi.new("double *"), ffi.new("double *")
    label = _str(lib.igo_model_outside(m, a, count, tariff))
    targets = _rows(lib.igo_model_outside_target_count(m, a),
                    lambda t: _str(lib.igo_model_prestatie_code(
                        m, lib.igo_model_outside_target(m, a, t))))
    return label, count[0], tariff[0], targets


def _history(m: Any, i: int) -> tuple[str, str, str, float, float]:
    d, p = ffi.new("size_t *"), ffi.new("size_t *")
    count, tariff = ffi.new("double *"), ffi.new("double *")
    code = _str(lib.igo_model_history(m, i, d, p, count, tariff))
    return (code, _str(lib.igo_model_discipline_id(m, d[0])),
            _str(lib.igo_model_prestatie_code(m, p[0])), count[0], tariff[0])


def _reason(m: Any, i: int) -> tuple[str, float]:
    count = ffi.new("double *")
    return _str(lib.igo_model_transfer_reason(m, i, count)), count[0]


def _indicator(m: Any, i: int) -> tuple[str, str, float, bool, float, list[float | None]]:
    label, target = ffi.new("const char **"), ffi.new("double *")
    lower, weight = ffi.new("int *"), ffi.new("double *")
    ident = _str(lib.igo_model_indicator(m, i, label, target, lower, weight))
    values = _cells(m, i, lib.igo_model_provider_count(m), lib.igo_model_indicator_row)
    return ident, _str(label[0]), target[0], bool(lower[0]), weight[0], values


def _per_prestatie(make: Callable[[Any, int], Any]) -> Callable[[Model], list[Any]]:
    return lambda self: _rows(lib.igo_model_prestatie_count(self._m), lambda p: make(self._m, p))


_INPUTS: dict[str, Callable[[Model], Any]] = {
    "name": lambda self: _str(lib.igo_model_name(self._m)),
    "prestaties": Model.prestaties,
    "disciplines": Model.disciplines,
    "providers": lambda self: _rows(lib.igo_model_provider_count(self._m), lambda o: (
        _str(lib.igo_model_provider_id(self._m, o)), _str(lib.igo_model_provider_name(self._m, o)),
        _str(lib.igo_model_discipline_id(self._m, lib.igo_model_provider_discipline(self._m, o))))),
    "production": _per_prestatie(lambda m, p: _values(lib.igo_model_production, m, p, n=2)),
    "costs": lambda self: _rows(lib.IGO_COST_COUNT, lambda k: _mode_value(lib.igo_model_cost, self._m, k)),
    "prestatie_costs": _per_prestatie(lambda m, p: _value(lib.igo_model_prestatie_costs, m, p)),
    "fixed_parts": lambda self: _rows(lib.igo_model_provider_count(self._m), lambda o: _values(
        lib.igo_model_fixed_part, self._m, o, n=3)),
    "bonus_pool": lambda self: _mode_value(lib.igo_model_bonus_pool, self._m),
    "indicators": lambda self: _rows(lib.igo_model_indicator_count(self._m),
                                     lambda i: _indicator(self._m, i)),
    "outside": lambda self: _rows(lib.igo_model_outside_count(self._m),
                                  lambda a: _outside(self._m, a)),
    "keys": _per_prestatie(lambda m, p: _cells(m, p, lib.igo_model_discipline_count(m),
                                               lib.igo_model_key_row)),
    "history": lambda self: _rows(lib.igo_model_history_count(self._m),
                                  lambda i: _history(self._m, i)),
    "normalise_keys": lambda self: bool(lib.igo_model_normalise_keys(self._m)),
    "volumes": _per_prestatie(lambda m, p: _cells(m, p, lib.igo_model_provider_count(m),
                                                  lib.igo_model_volume_row)),
    "regio": lambda self: _rows(len(regio_fields()),
                                lambda f: _value(lib.igo_model_regio, self._m, f)),
    "reasons": lambda self: _rows(lib.igo_model_transfer_reason_count(self._m),
                                  lambda i: _reason(self._m, i)),
}


def _path(path: str | os.PathLike[str]) -> bytes:
    encoded = os.fsencode(path)
    if b"\0" in encoded:
        raise ValueError("embedded null byte")
    return encoded


def _lang(lang: int) -> Any:
    options = ffi.new("igo_workbook_options *")
    options.lang = lib.IGO_LANG_EN if lang else lib.IGO_LANG_NL
    return options


def _buffer(obj: Any, name: str, ctype: str, count: int, writable: bool,
            fn: str = "distribute_batch") -> Any:
    """A cdata view of a C-contiguous buffer of count float64/int64 items, checked like the
    extension checks it; NULL for None."""
    if obj is None:
        return ffi.NULL
    view = memoryview(obj)
    fmt = view.format.lstrip("@=<")
    wanted = ("d",) if ctype == "double[]" else ("q", "l")
    if fmt not in wanted or view.itemsize != 8:
        kind = "float64" if ctype == "double[]" else "int64"
        raise TypeError(f"{fn}: {name} must hold {kind}, not format '{view.format}'")
    if not view.c_contiguous:
        raise ValueError(f"{fn}: {name} is not C-contiguous")
    if writable and view.readonly:
        raise TypeError(f"{fn}: {name} is read-only")
    if view.nbytes != count * 8:
        raise ValueError(f"{fn}: {name} has {view.nbytes // 8} values, expected {count}")
    return ffi.from_buffer(ctype, obj, require_writable=writable)


def _unpack(ptr: Any, n: int) -> list:
    return ffi.unpack(ptr, n) if n else []


# A batch's buffers in igo_batch's order: field, C type, written by the core.
_BATCH_BUFFERS = (("counts", "double[]", False), ("tariffs", "double[]", False),
                  ("costs", "double[]", False), ("provider_totals", "int64_t[]", True),
                  ("discipline_totals", "int64_t[]", True), ("summary", "int64_t[]", True),
                  ("bonuses", "int64_t[]", True))

# How a result's figures are read, by their key: the getter; its number of values as a product
# of the result's sizes (None: one value); and, for a figure per cost component or per scenario,
# how many indices the getter takes after the result (0: none).
_Read = tuple[Callable[..., Any], tuple[str, ...] | None, int]


def _column(column: int) -> Callable[[Any], Any]:
    return lambda r: lib.igo_result_prestatie(r, column)


_DISTRIBUTION: dict[str, _Read] = {
    "income": (lib.igo_result_income, None, 0),
    "costs": (lib.igo_result_cost, None, lib.IGO_COST_COUNT),
    "costs_total": (lib.igo_result_costs_total, None, 0),
    "outside_total": (lib.igo_result_outside_total, None, 0),
    "distributed": (lib.igo_result_distributed, None, 0),
    "prestatie_income": (_column(lib.IGO_COLUMN_INCOME), ("P",), 0),
    "prestatie_costs": (_column(lib.IGO_COLUMN_COSTS), ("P",), 0),
    "prestatie_outside": (_column(lib.IGO_COLUMN_OUTSIDE), ("P",), 0),
    "prestatie_distributable": (_column(lib.IGO_COLUMN_DISTRIBUTABLE), ("P",), 0),
    "outside_costs": (lib.igo_result_outside_costs, ("L",), 0),
    "outside_parts": (lib.igo_result_outside_parts, ("L", "P"), 0),
    "keys": (lib.igo_result_keys, ("P", "D"), 0),
    "disciplines": (lib.igo_result_disciplines, ("P", "D"), 0),
    "providers": (lib.igo_result_providers, ("P", "O"), 0),
    "fixed_parts": (lib.igo_result_fixed_parts, ("P", "O"), 0),
    "discipline_totals": (lib.igo_result_discipline_totals, ("D",), 0),
    "provider_totals": (lib.igo_result_provider_totals, ("O",), 0),
    "bonus_pool": (lib.igo_result_bonus_pool, None, 0),
    "bonuses_paid": (lib.igo_result_bonuses_paid, None, 0),
    "bonuses": (lib.igo_result_bonuses, ("O",), 0),
    "bonus_points": (lib.igo_result_bonus_points, ("O",), 0),
}

_EACH = lib.IGO_SCENARIO_COUNT
_SCENARIOS: dict[str, _Read] = {
    "volumes": (lib.igo_scenario_result_volumes, ("D",), 0),
    "potentials": (lib.igo_scenario_result_potentials, ("D", "S"), 0),
    "effects": (lib.igo_scenario_result_effects, ("D",), _EACH),
    "impacts": (lib.igo_scenario_result_impacts, ("D", "S"), _EACH),
    "sector_totals": (lib.igo_scenario_result_sector_totals, ("S",), _EACH),
    "driver_totals": (lib.igo_scenario_result_driver_totals, ("D",), _EACH),
    "totals": (lib.igo_scenario_result_total, None, _EACH),
    "years": (lib.igo_scenario_result_years, ("Y",), 0),
    "fractions": (lib.igo_scenario_result_fractions, ("Y",), 0),
    "phase_in": (lib.igo_scenario_result_phase_in, ("Y", "S1"), _EACH),
    "tornado_low": (lib.igo_scenario_result_tornado_low, ("D",), 0),
    "tornado_high": (lib.igo_scenario_result_tornado_high, ("D",), 0),
}


def _figures(r: Any, table: Mapping[str, _Read], sizes: Mapping[str, int]) -> dict[str, Any]:
    """Every figure of a result, as the table says to read it."""
    def read(get: Callable[..., Any], factors: tuple[str, ...] | None, *index: int) -> Any:
        value = get(r, *index)
        return value if factors is None else _unpack(value, math.prod(sizes[f] for f in factors))
    return {key: [read(get, factors, k) for k in range(each)] if each else read(get, factors)
            for key, (get, factors, each) in table.items()}


class Scenarios(_Core):
    """An igo_scenarios set: cost scenarios in the C core."""

    def __init__(self) -> None:
        super().__init__(lib.igo_scenarios_new, lib.igo_scenarios_free, lib.igo_scenarios_errmsg,
                         lib.igo_scenarios_set_progress)

    def set_name(self, name: str) -> None:
        self._call(lib.igo_scenarios_set_name, _text(name, "name"))

    def add_sector(self, id: str, label: str | None = None) -> None:
        self._call(lib.igo_scenarios_add_sector, _text(id, "id"), _optional_text(label, "label"))

    def add_driver(self, id: str, label: str | None, volume: float, per_volume: float) -> None:
        self._call(lib.igo_scenarios_add_driver, _text(id, "id"), _optional_text(label, "label"),
                   _number(volume, "volume"), _number(per_volume, "per_volume"))

    def set_unit_delta(self, driver: str, sector: str, eur: float) -> None:
        self._call(lib.igo_scenarios_set_unit_delta, _text(driver, "driver"),
                   _text(sector, "sector"), _number(eur, "eur"))

    def add_study(self, driver: str, label: str | None, effect: float, weight: float) -> None:
        self._call(lib.igo_scenarios_add_study, _text(driver, "driver"),
                   _optional_text(label, "label"), _number(effect, "effect"),
                   _number(weight, "weight"))

    def set_override(self, scenario: int, driver: str, effect: float) -> None:
        self._call(lib.igo_scenarios_set_override, int(scenario), _text(driver, "driver"),
                   _number(effect, "effect"))

    def set_phase_in(self, year: int, fraction: float) -> None:
        self._call(lib.igo_scenarios_set_phase_in, int(year), _number(fraction, "fraction"))

    def set_national_births(self, births: float) -> None:
        self._call(lib.igo_scenarios_set_national_births, _number(births, "births"))

    def sizes(self) -> tuple[int, int]:
        return lib.igo_scenarios_driver_count(self._m), lib.igo_scenarios_sector_count(self._m)

    def _scaling(self, births: float, volumes: Any, fn: str) -> tuple[Any, Any]:
        scaling = ffi.new("igo_scaling *")
        scaling.births = _number(births, "births")
        view = _buffer(volumes, "volumes", "double[]", self.sizes()[0], False, fn)
        scaling.volumes = view
        return scaling, view

    def compute(self, births: float, volumes: Any) -> dict[str, Any]:
        scaling, _view = self._scaling(births, volumes, "compute")
        out = ffi.new("igo_scenario_result **")
        self._run(lib.igo_scenarios_compute, scaling, out)
        r = ffi.gc(out[0], lib.igo_scenario_result_free)
        S = lib.igo_scenario_result_sector_count(r)
        sizes = {"D": lib.igo_scenario_result_driver_count(r), "S": S, "S1": S + 1,
                 "Y": lib.igo_scenario_result_year_count(r)}
        return _figures(r, _SCENARIOS, sizes)

    def uncertainty(self, births: float, volumes: Any, draws: int, seed: int,
                    distribution: int, percentiles: Any, out: Any, mean: Any,
                    samples: Any) -> None:
        scaling, _view = self._scaling(births, volumes, "uncertainty")
        n = len(memoryview(percentiles)) if percentiles is not None else 0
        u = ffi.new("igo_uncertainty *")
        u.draws, u.seed, u.distribution, u.npercentiles = draws, seed, distribution, n
        shape = ffi.new("igo_uncertainty_shape *")
        self._call(lib.igo_scenarios_uncertainty_shape, u, shape)
        keep = [_buffer(percentiles, "percentiles", "double[]", n, False, "uncertainty"),
                _buffer(out, "out", "double[]", shape.out, True, "uncertainty"),
                _buffer(mean, "mean", "double[]", shape.mean, True, "uncertainty"),
                _buffer(samples, "samples", "double[]", shape.samples, True, "uncertainty")]
        u.percentiles, u.out, u.mean, u.samples = keep
        self._run(lib.igo_scenarios_uncertainty, scaling, u)

    def write_workbook(self, path: str | os.PathLike[str], births: float, volumes: Any,
                       lang: int = lib.IGO_LANG_NL) -> None:
        scaling, _view = self._scaling(births, volumes, "write_workbook")
        self._run(lib.igo_scenarios_workbook_write, scaling, _path(path), _lang(lang))


class Xlsx(_Core):
    """An igo_xlsx reader and the table of the sheet it read last (igo_xlsx_read_table)."""

    def __init__(self) -> None:
        super().__init__(lib.igo_xlsx_new, lib.igo_xlsx_free, lib.igo_xlsx_errmsg,
                         lib.igo_xlsx_set_progress)
        self._table: Any = None

    def open(self, path: str | os.PathLike[str]) -> None:
        self._run(lib.igo_xlsx_open, _path(path))

    def sheet_names(self) -> list[str]:
        self._idle()
        return [ffi.string(lib.igo_xlsx_sheet_name(self._m, i)).decode()
                for i in range(lib.igo_xlsx_sheet_count(self._m))]

    def sheet_index(self, name: str) -> int:
        index = ffi.new("size_t *")
        self._call(lib.igo_xlsx_sheet_index, _text(name, "name"), index)
        return int(index[0])

    def date1904(self) -> bool:
        self._idle()
        return bool(lib.igo_xlsx_date1904(self._m))

    def read_table(self, index: int) -> tuple[int, int]:
        if int(index) < 0:
            raise OverflowError("can't convert negative int to unsigned")
        self.close_table()
        out = ffi.new("igo_xlsx_table **")
        self._run(lib.igo_xlsx_read_table, int(index), out)
        self._table = ffi.gc(out[0], lib.igo_xlsx_table_free)
        return lib.igo_xlsx_table_rows(self._table), lib.igo_xlsx_table_columns(self._table)

    def _column(self, j: int) -> int:
        self._idle()
        if self._table is None or not 0 <= int(j) < lib.igo_xlsx_table_columns(self._table):
            raise IndexError("no table read, or a column out of range")
        return int(j)

    def column_counts(self, j: int) -> tuple[int, int, int, int, int]:
        j = self._column(j)
        kinds = (lib.IGO_CELL_EMPTY, lib.IGO_CELL_NUMBER, lib.IGO_CELL_STRING,
                 lib.IGO_CELL_BOOLEAN, lib.IGO_CELL_ERROR)
        counts = [lib.igo_xlsx_table_count(self._table, j, kind) for kind in kinds]
        return counts[0], counts[1], counts[2], counts[3], counts[4]

    def column(self, j: int, numbers: Any, types: Any, ids: Any) -> None:
        j = self._column(j)
        rows = lib.igo_xlsx_table_rows(self._table)
        _copy_into(numbers, lib.igo_xlsx_table_numbers(self._table, j), rows * 8, "numbers")
        _copy_into(types, lib.igo_xlsx_table_types(self._table, j), rows, "types")
        if ids is not None:
            source = lib.igo_xlsx_table_string_ids(self._table, j)
            if source == ffi.NULL:
                ffi.from_buffer(ids, require_writable=True)[0:rows * 4] = bytes(rows * 4)
            else:
                _copy_into(ids, source, rows * 4, "ids")

    def strings(self) -> list[str]:
        self._idle()
        table, length = self._table, ffi.new("size_t *")
        out = []
        for i in range(lib.igo_xlsx_table_string_count(table)):
            text = lib.igo_xlsx_table_string(table, i, length)
            out.append(ffi.unpack(text, length[0]).decode("utf-8"))
        return out

    def close_table(self) -> None:
        self._idle()
        if self._table is not None:
            ffi.release(self._table)  # frees it now rather than when collected
            self._table = None


def _copy_into(target: Any, source: Any, size: int, name: str) -> None:
    """Copies size bytes into a writable buffer of exactly that size (an array made by the
    caller)."""
    buffer = ffi.from_buffer(target, require_writable=True)
    if len(buffer) != size:
        raise ValueError(f"column: {name} must be {size} bytes, not {len(buffer)}")
    if size:
        ffi.memmove(buffer, source, size)


class Claims(_Core):
    """An igo_claims aggregation of claim files (libigo.claims builds on it)."""

    def __init__(self) -> None:
        super().__init__(lib.igo_claims_new, lib.igo_claims_free, lib.igo_claims_errmsg,
                         lib.igo_claims_set_progress)

    def set_column(self, column: int, name: str) -> None:
        self._call(lib.igo_claims_set_column, int(column), _text(name, "name"))

    def set_encoding(self, name: str) -> None:
        self._call(lib.igo_claims_set_encoding, _text(name, "name"))

    def set_decimal(self, sign: str) -> None:
        if not isinstance(sign, str) or len(sign) != 1:
            raise TypeError("set_decimal() argument must be a unicode character")
        code = ord(sign)
        self._call(lib.igo_claims_set_decimal, sign.encode() if 0 < code < 128 else b"?")

    def set_period(self, start: str | None, end: str | None) -> None:
        self._call(lib.igo_claims_set_period, _optional_text(start, "from"),
                   _optional_text(end, "to"))

    def set_catalogue(self, ids: list[str]) -> None:
        if not isinstance(ids, list):
            raise TypeError(f"set_catalogue() argument must be list, not {type(ids).__name__}")
        texts = [ffi.new("char[]", _text(i, "id")) for i in ids]
        self._call(lib.igo_claims_set_catalogue, ffi.new("const char *[]", texts) if texts
                   else ffi.NULL, len(texts))

    def add_class(self, code: str, discipline: str, phase: str | None, rank: int,
                  prestatie: str, hourly: bool) -> None:
        row = ffi.new("igo_claim_class *")
        keep = [ffi.new("char[]", _text(code, "code")),
                ffi.new("char[]", _text(discipline, "discipline")),
                ffi.new("char[]", _text(phase, "phase")) if phase is not None else ffi.NULL,
                ffi.new("char[]", _text(prestatie, "prestatie"))]
        row.code, row.discipline, row.phase, row.ig_prestatie = keep
        row.rank, row.hourly = int(rank), bool(hourly)
        self._call(lib.igo_claims_add_class, row)

    def use_default_indeling(self) -> None:
        self._call(lib.igo_claims_use_default_indeling)

    def default_indeling(self) -> str:
        return ffi.string(lib.igo_claims_default_indeling_csv()).decode("utf-8")

    def read_indeling(self, path: str | os.PathLike[str]) -> None:
        self._run(lib.igo_claims_read_indeling, _path(path))

    def read_csv(self, path: str | os.PathLike[str]) -> None:
        self._run(lib.igo_claims_read_csv, _path(path))

    def read_csv_buffer(self, name: str, data: bytes) -> None:
        self._run(lib.igo_claims_read_csv_buffer, _text(name, "name"), ffi.from_buffer(data),
                  len(data))

    def read_xlsx(self, path: str | os.PathLike[str], sheet: str | None) -> None:
        self._run(lib.igo_claims_read_xlsx, _path(path), _optional_text(sheet, "sheet"))

    def finish(self) -> None:
        self._call(lib.igo_claims_finish)

    def generate(self, path: str | os.PathLike[str], seed: int, births: int,
                 error_percent: float, english: bool,
                 year: int) -> tuple[int, int, list[int], list[int]]:
        options = ffi.new("igo_claims_synthetic *")
        options.seed, options.births = int(seed), int(births)
        options.error_percent = _number(error_percent, "error_percent")
        options.english, options.year = bool(english), int(year)
        written = ffi.new("igo_claims_written *")
        self._run(lib.igo_claims_generate, _path(path), options, written)
        return (written.rows, written.cents, list(written.bad_rows), list(written.bad_cents))

    def results(self) -> tuple[Any, ...]:
        self._idle()
        c = self._m
        t = lib.igo_claims_totals_of(c)
        totals = (t.rows_read, t.rows_classified, t.rows_set_aside, t.rows_without_prestatie,
                  t.cents_read, t.cents_classified, t.cents_set_aside, t.cents_without_prestatie)
        P, D = lib.igo_claims_prestatie_count(c), lib.igo_claims_discipline_count(c)
        O = lib.igo_claims_provider_count(c)  # noqa: E741 - the providers, as in the core
        prestaties = [(_str(lib.igo_claims_prestatie(c, p)), bool(lib.igo_claims_hourly(c, p)),
                       lib.igo_claims_production(c, p)) for p in range(P)]
        disciplines = [_str(lib.igo_claims_discipline(c, d)) for d in range(D)]
        money = [[lib.igo_claims_money(c, p, d) for d in range(D)] for p in range(P)]
        volumes = [[lib.igo_claims_volume(c, p, o) for o in range(O)] for p in range(P)]
        return (totals, [_claims_reason(c, r) for r in range(lib.IGO_CLAIM_REASONS)],
                prestaties, disciplines, money,
                [_claims_history(c, k) for k in range(lib.igo_claims_history_count(c))],
                [_claims_provider(c, o) for o in range(O)], volumes)


def _claims_reason(c: Any, r: int) -> tuple[str, str, int, int, list[tuple[str, int]]]:
    cents, line = ffi.new("int64_t *"), ffi.new("uint64_t *")
    rows = lib.igo_claims_set_aside(c, r, cents)
    examples = []
    for i in range(lib.igo_claims_example_count(c, r)):
        file = lib.igo_claims_example(c, r, i, line)
        examples.append((_str(file), line[0]))
    return (_str(lib.igo_claim_reason_id(r)), _str(lib.igo_claim_reason_text(r)), rows,
            cents[0], examples)


def _claims_history(c: Any, k: int) -> tuple[str, int, int, float, int]:
    p, d = ffi.new("size_t *"), ffi.new("size_t *")
    count, cents = ffi.new("double *"), ffi.new("int64_t *")
    code = lib.igo_claims_history(c, k, p, d, count, cents)
    return (_str(code), p[0], d[0], count[0], cents[0])


def _claims_provider(c: Any, o: int) -> tuple[str, int, int, int]:
    d, claimed, income = ffi.new("size_t *"), ffi.new("size_t *"), ffi.new("int64_t *")
    ident = lib.igo_claims_provider(c, o, d, claimed, income)
    return (_str(ident), d[0], claimed[0], income[0])


def _build_transition(ids: Sequence[str], history: Sequence[int], guarantee: Sequence[int],
                      max_decrease: float, max_increase: float,
                      years: Sequence[tuple[int, float, Sequence[int]]]) -> Any:
    """A core transition of these inputs (not computed), freed with its cdata."""
    n = len(ids)
    if len(history) != n or len(guarantee) != n:
        raise ValueError("a history and a guarantee per provider are needed")
    core = lib.igo_transition_new(n)
    if core == ffi.NULL:
        raise MemoryError("out of memory")
    tr = ffi.gc(core, lib.igo_transition_free)

    def check(code: int) -> None:
        if code:
            _raise(code, ffi.string(lib.igo_transition_errmsg(tr)).decode())
    for o, (provider, cents, minimum) in enumerate(zip(ids, history, guarantee)):
        check(lib.igo_transition_set_provider(tr, o, _text(provider, "id"), cents))
        check(lib.igo_transition_set_guarantee(tr, o, minimum))
    check(lib.igo_transition_set_limits(tr, max_decrease, max_increase))
    for year, share, model in years:
        if len(model) != n:
            raise ValueError("a model income per provider is needed")
        check(lib.igo_transition_add_year(tr, year, share, ffi.new("int64_t[]", [*model, 0])))
    return tr


def transition(ids: Sequence[str], history: Sequence[int], guarantee: Sequence[int],
               max_decrease: float, max_increase: float,
               years: Sequence[tuple[int, float, Sequence[int]]]) -> list[dict[str, Any]]:
    """The C core's transition clauses (see libigo.transition), as the extension returns them."""
    n = len(ids)
    tr = _build_transition(ids, history, guarantee, max_decrease, max_increase, years)

    def check(code: int) -> None:
        if code:
            _raise(code, ffi.string(lib.igo_transition_errmsg(tr)).decode())
    out = ffi.new("igo_transition_result **")
    check(lib.igo_transition_compute(tr, out))
    r = ffi.gc(out[0], lib.igo_transition_result_free)
    return [{"year": lib.igo_transition_result_year(r, y),
             "pot": lib.igo_transition_result_pot(r, y),
             "rounds": lib.igo_transition_result_rounds(r, y),
             "bounds": list(ffi.unpack(lib.igo_transition_result_bounds(r, y), n)),
             "columns": [list(ffi.unpack(lib.igo_transition_result_column(r, y, c), n))
                         for c in range(lib.IGO_TRANSITION_COLUMNS)]}
            for y in range(lib.igo_transition_result_years(r))]
