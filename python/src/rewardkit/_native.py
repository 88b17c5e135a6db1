"""The Swift library behind the package, loaded with ctypes.

Every entry point of ``libRewardKitC`` takes text as a pointer and a byte count and returns
numbers or text in ``malloc``'d memory that is handed back to ``rk_free``. A call that fails
returns NULL (or -1) and writes its message to an error slot, which becomes a Python exception
here. ``ctypes.CDLL`` releases the GIL for the length of every call, so threads run in parallel
inside the library.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

__all__ = ["RewardKitError", "ConfigError", "lib", "encode", "call_text", "library_path"]

ABI_VERSION = 2


class RewardKitError(Exception):
    """An error the Swift library reported; the message is its own."""


class ConfigError(RewardKitError, ValueError):
    """A reward config could not be read: the message names the file, the line and the key."""


def library_path() -> Path:
    """Where the shared library is: ``$REWARDKIT_LIBRARY`` if set, else inside the package."""
    override = os.environ.get("REWARDKIT_LIBRARY")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent / "_lib" / "libRewardKitC.so"


_c = ctypes
_text = (_c.c_char_p, _c.c_size_t)
_error = _c.POINTER(_c.c_void_p)


def _load() -> ctypes.CDLL:
    path = library_path()
    if not path.exists():
        raise ImportError(
            f"rewardkit: the Swift library is missing ({path}); install the package with "
            "`pip install ./python` from a RewardKit checkout, or set REWARDKIT_LIBRARY"
        )
    lib = ctypes.CDLL(str(path))
    signatures = {
        "rk_abi_version": (_c.c_int32, []),
        "rk_free": (None, [_c.c_void_p]),
        "rk_verify": (_c.c_int32, [*_text, *_text, _c.c_int32, _c.c_int32, _c.c_int32, _error]),
        "rk_explain": (_c.c_void_p, [*_text, *_text, _c.c_int32, _c.c_int32, _c.c_int32, _error]),
        "rk_extract": (_c.c_void_p, [*_text, _c.c_int32, _error]),
        "rk_verify_batch": (
            _c.c_int32,
            [_c.c_char_p, _c.c_void_p, _c.c_char_p, _c.c_void_p, _c.c_ssize_t,
             _c.c_int32, _c.c_int32, _c.c_int32, _c.c_void_p, _error],
        ),
        "rk_scorer_from_preset": (_c.c_void_p, [*_text, _error]),
        "rk_scorer_from_config_text": (_c.c_void_p, [*_text, *_text, _error]),
        "rk_scorer_from_config_path": (_c.c_void_p, [*_text, _error]),
        "rk_scorer_free": (None, [_c.c_void_p]),
        "rk_scorer_describe": (_c.c_void_p, [_c.c_void_p]),
        "rk_scorer_score": (_c.c_void_p, [_c.c_void_p, *_text, _c.c_int64, _c.c_int32, _error]),
        "rk_scorer_score_columns": (_c.c_void_p, [_c.c_void_p, *_text, _c.c_int64, _error]),
        "rk_scorer_score_file": (_c.c_void_p, [_c.c_void_p, *_text, *_text, _c.c_int64, _c.c_int32, _error]),
        "rk_advantages": (_c.c_void_p, [*_text, *_text, _c.c_int64, _error]),
    }
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    version = lib.rk_abi_version()
    if version != ABI_VERSION:
        raise ImportError(f"rewardkit: {path} has C interface version {version}, this package needs {ABI_VERSION}")
    return lib


lib = _load()


def encode(text: str) -> bytes:
    """UTF-8 bytes of ``text``; lone surrogates pass through (the library repairs them)."""
    if isinstance(text, bytes):
        return text
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return text.encode("utf-8", "surrogatepass")


def take(pointer: int | None) -> str | None:
    """The text at ``pointer`` (freed afterwards), or None for NULL."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8", "replace")
    finally:
        lib.rk_free(pointer)


def new_error_slot() -> ctypes.c_void_p:
    """Where a call puts its error message."""
    return ctypes.c_void_p()


def raise_from(slot: ctypes.c_void_p, error: type[Exception] = RewardKitError, fallback: str = "call failed") -> None:
    """Raises ``error`` with the message in ``slot``."""
    message = take(slot.value) or fallback
    raise error(message)


def call_text(fn, *args, error: type[Exception] = RewardKitError) -> str:
    """Calls an entry point that returns text; raises ``error`` with the library's message on NULL."""
    slot = new_error_slot()
    result = fn(*args, ctypes.byref(slot))
    text = take(result)
    if text is None:
        raise_from(slot, error)
    return text
