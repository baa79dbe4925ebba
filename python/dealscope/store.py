"""A Parquet store of extracted corpora, keyed by content hash.

The key hashes dealscope's version, the engine, the lexicon files and every
document's text and metadata, so an unchanged corpus is read back instead of
parsed again, and any change (a file, a lexicon word, a new release)
rebuilds. Guarantees:

* atomic: an entry is written to a temporary folder renamed into place, so a
  crash mid-write leaves no half entry;
* locked: ``cached`` holds an exclusive lock on ``.<key>.lock`` beside the
  entry from the look-up to the write, so a second run on the same corpus
  waits and then reads the first run's entry (after ``LOCK_TIMEOUT`` seconds
  it warns and extracts without the store, as it does when the cache folder
  cannot be written or the disk is full);
* stamped: ``meta.json`` holds the store ``FORMAT``, the version, the key and
  each frame's row count; an entry of another format is rebuilt with a warning;
* checked: an entry that cannot be read, or whose row counts differ from its
  stamp, is reported with a warning and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import BinaryIO

import polars as pl

from . import __version__

STAMP = "meta.json"
# The layout of an entry; bump it when frames or columns change meaning.
# 1: no "format" field; 2: format and row counts stamped, documents has `encoding`;
# 3: sentences are the parsers' own, with `lang`, and read one by one in their language;
# 4: deals have `backers`, and relations' usd_total is null where no deal states a figure.
FORMAT = 4
LOCK_TIMEOUT = 300.0  # seconds a run waits for another run's lock on the same entry
_POLL = 0.05

try:
    import fcntl
except ImportError:  # Windows: msvcrt locks a byte range instead
    fcntl = None  # type: ignore[assignment]


def default_root() -> Path:
    env = os.environ.get("DEALSCOPE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dealscope"


def lexicon_digest() -> str:
    h = hashlib.sha256()
    folder = resources.files("dealscope").joinpath("lexicon")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()


def key(docs: list, errors: list, engine: str) -> str:
    h = hashlib.sha256(f"{__version__}|{engine}|{lexicon_digest()}".encode())
    for d in docs:
        for part in (d.path, d.title, d.lang, d.published, d.precision, d.url, d.text,
                     d.encoding):
            h.update(b"\x1f" + str(part).encode("utf-8", "surrogatepass"))
    for where, why in errors:
        h.update(b"\x1e" + f"{where}|{why}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


class LockTimeout(Exception):
    """Another run held an entry's lock for longer than the timeout."""


@contextlib.contextmanager
def locked(root: Path, digest: str, timeout: float | None = None) -> Iterator[Path]:
    """Hold the exclusive lock of one entry (released when the process ends, too)."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / f".{digest}.lock"
    limit = LOCK_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + limit
    with open(path, "a+b") as handle:
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise LockTimeout(f"dealscope store {root / digest}: another run has held "
                                  f"{path} for over {limit:g} s")
            time.sleep(_POLL)
        try:
            yield path
        finally:
            _unlock(handle)


def _try_lock(handle: BinaryIO) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock(handle: BinaryIO) -> None:
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    else:
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def cached(root: Path, digest: str, names: tuple[str, ...],
           build: Callable[[], dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """The entry's frames if stored and sound, else ``build()``'s, stored under the lock.

    The store never costs a result: a lock held too long, a cache folder that
    cannot be written or a full disk give a warning and the frames unstored.
    """
    lock = contextlib.ExitStack()
    try:
        lock.enter_context(locked(root, digest))
    except (LockTimeout, OSError) as err:
        warnings.warn(f"{_reason(err, root)}; extracting without the store", stacklevel=3)
        return build()
    with lock:
        frames = load(root, digest, names)
        if frames is None:
            frames = build()
            try:
                save(root, digest, frames)
            except OSError as err:
                warnings.warn(f"{_reason(err, root)}; the result is not stored", stacklevel=3)
        return frames


def _reason(err: Exception, root: Path) -> str:
    if isinstance(err, LockTimeout):
        return str(err)
    return f"dealscope store {root}: {getattr(err, 'strerror', None) or err}"


def load(root: Path, digest: str, frames: tuple[str, ...]) -> dict[str, pl.DataFrame] | None:
    """The stored frames, or None (with a warning if an entry was there but unsound)."""
    folder = root / digest
    if not folder.is_dir():
        return None
    try:
        meta = json.loads((folder / STAMP).read_text("utf-8"))
        if meta.get("format", 1) != FORMAT:
            problem = f"written in store format {meta.get('format', 1)}, this is {FORMAT}"
        elif meta.get("key") != digest or meta.get("version") != __version__:
            problem = "its stamp does not match its key"
        else:
            out = {name: pl.read_parquet(folder / f"{name}.parquet") for name in frames}
            rows = meta.get("rows", {})
            short = [n for n in frames if rows.get(n) != out[n].height]
            if not short:
                return out
            problem = f"row counts differ from the stamp ({', '.join(short)})"
    except Exception as err:  # a truncated or hand-edited entry
        problem = f"unreadable ({err})"
    warnings.warn(f"dealscope store {folder}: {problem}; rebuilding", stacklevel=3)
    shutil.rmtree(folder, ignore_errors=True)
    return None


def save(root: Path, digest: str, frames: dict[str, pl.DataFrame]) -> Path:
    """Write an entry atomically: into a temporary folder, then renamed into place."""
    root.mkdir(parents=True, exist_ok=True)
    final = root / digest
    tmp = Path(tempfile.mkdtemp(prefix=f".{digest}-", dir=root))
    try:
        for name, frame in frames.items():
            frame.write_parquet(tmp / f"{name}.parquet")
        stamp = {"format": FORMAT, "version": __version__, "key": digest,
                 "rows": {name: frame.height for name, frame in frames.items()}}
        (tmp / STAMP).write_text(json.dumps(stamp), "utf-8")
        if final.exists():  # an unsound entry left behind by a run that crashed
            shutil.rmtree(final, ignore_errors=True)
        try:
            os.replace(tmp, final)
        except OSError:  # a run without the lock stored the same corpus first
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final
