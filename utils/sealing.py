"""Keep exercise answers out of plain sight.

An answer is stored only as a salted SHA-256 digest of its normalised form,
and the feedback for an answer is sealed with a key derived from that answer,
so it can be read only by giving the answer. This stops a learner reading the
answers off the files; it is not meant to resist a determined programmer.
"""
from __future__ import annotations

import base64
import hashlib


def digest(salt: str, normalised: str) -> str:
    """Hex digest of a normalised answer under an exercise's salt."""
    return hashlib.sha256(f"{salt}\x1f{normalised}".encode()).hexdigest()


def _keystream(key: str, length: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"{key}\x1f{counter}".encode()).digest()
        counter += 1
    return bytes(out[:length])


def seal(text: str, key: str) -> str:
    """Encrypt ``text`` so only someone who knows ``key`` can read it."""
    data = text.encode()
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, _keystream(key, len(data))))).decode()


def unseal(blob: str, key: str) -> str:
    """Read text sealed with ``key`` (gives gibberish-free text only for the right key)."""
    data = base64.b64decode(blob)
    return bytes(a ^ b for a, b in zip(data, _keystream(key, len(data)))).decode(errors="replace")
