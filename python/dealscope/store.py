"""A Parquet store of extracted corpora, keyed by content hash.

The key hashes dealscope's version, the engine, the lexicon files and every
document's text and metadata, so an unchanged corpus is read back instead of
parsed again, and any change (a file, a lexicon word, a new release)
rebuilds. Writes go to a temporary folder that is renamed into place, so a
crash mid-write leaves the old entry whole; an entry that cannot be read is
reported with a warning and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import warnings
from importlib import resources
from pathlib import Path

import polars as pl

from . import __version__

STAMP = "meta.json"


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
        for part in (d.path, d.title, d.lang, d.published, d.precision, d.url, d.text):
            h.update(b"\x1f" + str(part).encode("utf-8", "surrogatepass"))
    for where, why in errors:
        h.update(b"\x1e" + f"{where}|{why}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def load(root: Path, digest: str, frames: tuple[str, ...]) -> dict[str, pl.DataFrame] | None:
    folder = root / digest
    if not folder.is_dir():
        return None
    try:
        meta = json.loads((folder / STAMP).read_text("utf-8"))
        if meta.get("version") != __version__ or meta.get("key") != digest:
            return None
        return {name: pl.read_parquet(folder / f"{name}.parquet") for name in frames}
    except Exception as err:  # a truncated or hand-edited entry
        warnings.warn(f"dealscope store {folder}: unreadable ({err}); rebuilding", stacklevel=3)
        shutil.rmtree(folder, ignore_errors=True)
        return None


def save(root: Path, digest: str, frames: dict[str, pl.DataFrame]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    final = root / digest
    tmp = Path(tempfile.mkdtemp(prefix=f".{digest}-", dir=root))
    try:
        for name, frame in frames.items():
            frame.write_parquet(tmp / f"{name}.parquet")
        (tmp / STAMP).write_text(json.dumps({"version": __version__, "key": digest}), "utf-8")
        try:
            os.replace(tmp, final)
        except OSError:  # another run stored the same corpus first: theirs is as good
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final
