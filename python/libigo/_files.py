"""Files in and out, safely. An input is a regular file of bounded size, parsed with errors that
name it; the outputs of one call are written under temporary names next to their targets and put
in place together, all or none, never over an input, with messages that name the target."""

from __future__ import annotations

import importlib.resources
import itertools
import json
import os
import pathlib
import shutil
import stat
import tomllib
from typing import Any, Callable, Iterable, Mapping, TypeVar

from ._errors import IgoError

MAX_INPUT_BYTES = 16 * 2**20  # a region of 10,000 providers is about 3 MiB of TOML
_counter = itertools.count()


def as_path(value: Any, what: str = "path") -> pathlib.Path:
    """A file name given as str or os.PathLike, refused as IgoError otherwise."""
    if not isinstance(value, (str, os.PathLike)):
        raise IgoError(f"{what}: expected a file name, got {type(value).__name__}",
                       "IGO_ERROR_ARGUMENT")
    try:
        path = pathlib.Path(value)
        os.fsencode(path)
    except (TypeError, UnicodeError) as exc:
        raise IgoError(f"{what}: not a usable file name: {exc}", "IGO_ERROR_ARGUMENT") from None
    if "\0" in str(path) or not str(path) or path.name in ("", ".", ".."):
        raise IgoError(f"{what}: {str(path)!r} is not a file name", "IGO_ERROR_ARGUMENT")
    return path


def _kind(mode: int) -> str:
    return ("a directory" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")


def read_bytes(path: pathlib.Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The contents of a regular file of at most limit bytes. A pipe or device is refused before
    it is read (O_NONBLOCK: opening a pipe without a writer does not wait)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise IgoError(f"{path}: cannot read: {exc.strerror}", "IGO_ERROR_FILE") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IgoError(f"{path}: is {_kind(info.st_mode)}; give a file", "IGO_ERROR_FILE")
        chunks, size = [], 0 if info.st_size <= limit else limit + 1
        while size <= limit and (chunk := os.read(fd, min(2**20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # said by its size, or found by reading (a file still growing)
            raise IgoError(f"{path}: larger than {limit // 2**20} MiB, more than a region or "
                           "scenario file can be", "IGO_ERROR_FILE")
        return b"".join(chunks)
    except OSError as exc:
        raise IgoError(f"{path}: cannot read: {exc.strerror}", "IGO_ERROR_FILE") from None
    finally:
        os.close(fd)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when it names a key twice (the first value would be lost)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {key!r} is given twice in one object")
        out[key] = value
    return out


def load_document(path: Any, what: str = "file") -> tuple[pathlib.Path, Any]:
    """The parsed contents of a .json or .toml file, with every problem as an IgoError that
    names the file (and the line where the parser says)."""
    path = as_path(path, what)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise IgoError(f"{path}: expected a .json or .toml {what}", "IGO_ERROR_FILE")
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IgoError(f"{path}: not UTF-8 text (byte {exc.start})", "IGO_ERROR_FILE") from None
    try:
        if suffix == ".toml":
            return path, tomllib.loads(text)
        return path, json.loads(text, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise IgoError(f"{path}: nested too deeply to be a {what}", "IGO_ERROR_FILE") from None
    except ValueError as exc:
        raise IgoError(f"{path}: not valid {suffix[1:].upper()}: {exc}",
                       "IGO_ERROR_FILE") from None


class FromFile:
    """What can be read from a region or scenario file (load): it remembers the file, so that
    its outputs never replace it."""

    _source: pathlib.Path | None = None

    def sources(self) -> list[pathlib.Path]:
        """The files this was read from (outputs never replace them)."""
        return [self._source] if self._source else []


Loaded = TypeVar("Loaded", bound=FromFile)


def load(path: Any, what: str, from_dict: Callable[[Any], Loaded]) -> Loaded:
    """What from_dict makes of a .json or .toml file, by the rules of load_document; every error
    names the file, also one that from_dict finds in its contents."""
    path, data = load_document(path, what)
    try:
        loaded = from_dict(data)
    except IgoError as exc:
        raise IgoError(f"{path}: {exc}", exc.code) from None
    loaded._source = path
    return loaded


def load_packaged(name: str, from_file: Callable[[pathlib.Path], Loaded]) -> Loaded:
    """A file shipped in libigo/data, read by from_file."""
    ref = importlib.resources.files(__package__) / "data" / name
    with importlib.resources.as_file(ref) as path:
        return from_file(path)


# ---- writing ----

def _new_temp(target: pathlib.Path) -> pathlib.Path:
    """A new empty file next to target: ".name.<pid>.<n>.tmp" with the name cut to leave room in
    a file system's 255 bytes, created exclusively with mode 0666 less the umask."""
    name = os.fsencode(target.name)[:150].decode("utf-8", "ignore")
    while True:
        tmp = target.with_name(f".{name}.{os.getpid()}.{next(_counter)}.tmp")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666))
            return tmp
        except FileExistsError:
            continue


def check_target(target: pathlib.Path, inputs: Iterable[pathlib.Path] = ()) -> None:
    """An output may replace a regular file (or a symbolic link), never a directory, device or
    pipe, and never one of the inputs it was made from."""
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise IgoError(f"{target}: cannot write: the directory {target.parent} does not "
                           "exist", "IGO_ERROR_IO") from None
        return
    except OSError as exc:
        raise IgoError(f"{target}: cannot write: {exc.strerror}", "IGO_ERROR_IO") from None
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise IgoError(f"{target}: is {_kind(mode)}; not replacing it", "IGO_ERROR_IO")
    for source in inputs:
        try:
            same = os.path.samefile(target, source)
        except OSError:
            same = False
        if same:
            raise IgoError(f"{target}: would overwrite the input {source}", "IGO_ERROR_FILE")


Writer = Callable[[pathlib.Path], None]


def write_outputs(writers: Mapping[pathlib.Path, Writer], inputs: Iterable[pathlib.Path] = (),
                  directory: pathlib.Path | None = None) -> list[pathlib.Path]:
    """Writes every output with its writer into a temporary file next to its target, then puts
    them all in place: on any failure (or Ctrl-C) every target is left as it was and no
    temporary file remains. Errors are IgoErrors naming the target. directory (the one the
    outputs go into, may be None) is made when missing, and removed again on failure."""
    made = _make_directory(directory) if directory is not None else None
    try:
        return _write_outputs(writers, inputs)
    except BaseException:
        if directory is not None and made is not None:
            _remove_made(directory, made)
        raise


def _write_outputs(writers: Mapping[pathlib.Path, Writer],
                   inputs: Iterable[pathlib.Path]) -> list[pathlib.Path]:
    inputs = list(inputs)
    for target in writers:
        check_target(target, inputs)
    temps: dict[pathlib.Path, pathlib.Path] = {}
    try:
        for target, write in writers.items():
            try:
                temps[target] = tmp = _new_temp(target)
            except OSError as exc:
                raise IgoError(f"{target}: cannot write in this directory: {exc.strerror}",
                               "IGO_ERROR_IO") from None
            _guard(target, tmp, write, tmp)
        _guard(None, None, _replace_all, temps)
    finally:
        for tmp in temps.values():
            _remove(tmp)
    return list(writers)


def _guard(target: pathlib.Path | None, tmp: pathlib.Path | None, fn: Callable[..., Any],
           *args: Any) -> Any:
    """fn(*args), its OSError as an IgoError naming the target, and the temporary file's name in
    a core message replaced by the target's."""
    try:
        return fn(*args)
    except IgoError as exc:
        if tmp is None or target is None:
            raise
        raise IgoError(str(exc).replace(str(tmp), str(target)), exc.code) from None
    except OSError as exc:
        where = target or pathlib.Path(exc.filename2 or exc.filename or "")
        raise IgoError(f"{where}: cannot write: {exc.strerror}", "IGO_ERROR_IO") from None


def _replace_all(temps: Mapping[pathlib.Path, pathlib.Path]) -> None:
    """Renames each temporary file over its target; when one rename fails, the targets already
    replaced get their old contents back (kept as hard links, or copies), so it is all or none."""
    backups: dict[pathlib.Path, pathlib.Path | None] = {}
    try:
        for target, tmp in temps.items():
            backups[target] = _backup(target)
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        for target, backup in backups.items():
            if backup is not None:
                os.replace(backup, target)
            elif not temps[target].exists():
                _remove(target)  # new, and already in place
        raise
    finally:
        for backup in backups.values():
            if backup is not None:
                _remove(backup)


def _backup(target: pathlib.Path) -> pathlib.Path | None:
    if not os.path.lexists(target):
        return None
    backup = _new_temp(target)
    os.unlink(backup)
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:  # a file system without hard links
        shutil.copy2(target, backup, follow_symlinks=False)
    return backup


def _remove(path: pathlib.Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def text_writer(content: str) -> Writer:
    def write(tmp: pathlib.Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(content)
    return write


def _make_directory(directory: pathlib.Path) -> pathlib.Path | None:
    """Makes directory (and its parents) when missing; the topmost one made, or None."""
    top = None
    for parent in reversed([directory, *directory.parents]):
        if not parent.exists():
            top = top or parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IgoError(f"{directory}: cannot make the directory: {exc.strerror}",
                       "IGO_ERROR_IO") from None
    return top


def _remove_made(directory: pathlib.Path, top: pathlib.Path) -> None:
    """Removes the (empty) directories a failed write made, from directory up to top."""
    for made in [directory, *directory.parents]:
        try:
            made.rmdir()
        except OSError:
            return
        if made == top:
            return
