"""Memory the Rust core keeps between calls, and handing it back.

When polars is done with a frame the core made, the core keeps the frame's big
buffers (at most 256 MiB in all, or ``set_kept_limit``'s figure) and builds the
next call's frames in them. A
token frame is about 44 bytes a token, 48 MB for 8 MB of text, and faulting that
much fresh memory in at every call took a quarter of the one pass's time.
"""

from __future__ import annotations

import ctypes
import sys


def kept_bytes() -> int:
    """Bytes of output buffers the core keeps for its next call (0 without it)."""
    core = _core()
    return core.kept_buffer_bytes() if core is not None else 0


def set_kept_limit(nbytes: int) -> int:
    """Let the core keep at most ``nbytes`` of buffers from now on (0: keep none),
    freeing the longest-kept past it. Returns the limit before (256 MiB by
    default; 0 without the core)."""
    if nbytes < 0:
        raise ValueError(f"a limit of bytes cannot be negative: {nbytes}")
    core = _core()
    return core.set_kept_limit(nbytes) if core is not None else 0


def kept_limit() -> int:
    """The bytes of buffers the core may keep (0 without it)."""
    core = _core()
    return core.kept_limit() if core is not None else 0


def release_memory(*, kept_buffers: bool = True) -> int:
    """Hand memory back to the system: the buffers the core keeps (unless
    ``kept_buffers`` is false) and, on glibc, what was freed but stays in
    malloc's arenas. Returns the bytes of kept buffers freed."""
    core = _core()
    freed = core.free_kept_buffers() if core is not None and kept_buffers else 0
    if _trim is not None:
        # glibc keeps what the core's worker threads freed in their arenas: the
        # resident size would grow batch after batch without a trim.
        _trim(0)
    return freed


def _core():
    try:
        from . import _core
    except ImportError:  # the pure-Python engine alone
        return None
    return _core


def _malloc_trim():
    if sys.platform != "linux":
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc only; musl has none
    except (OSError, AttributeError):
        return None


_trim = _malloc_trim()
