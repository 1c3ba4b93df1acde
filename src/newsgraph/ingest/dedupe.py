"""Near-duplicate detection: the same wire story under another headline or outlet.

Exact duplicates are caught by the article id (the hash of the cleaned text).
Near duplicates are found in two steps that scale to large stores:

1. MinHash signatures of word 5-gram shingles, cut into bands; articles sharing
   any band hash are candidates (locality-sensitive hashing). The store indexes
   band hashes, so finding candidates is an index look-up, not a scan.
2. Each candidate is verified on the exact shingle sets: two articles are near
   duplicates when most of the shorter one's shingles occur in the longer one
   (overlap coefficient), which also catches a story trimmed by one outlet.

Limits: texts shorter than MIN_SHINGLES shingles are never linked (too little
evidence); a rewrite that changes most sentences is a different report, not a
near duplicate, and is not linked.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from datasketch import MinHash

__all__ = ["Signature", "signature", "similarity", "is_near_duplicate", "BANDS", "THRESHOLD"]

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
MIN_SHINGLES = 20
# Overlap coefficient above which two reports count as the same story.
THRESHOLD = 0.8
# Fixed seed: band hashes are stored, so they must be the same in every process.
_SEED = 20250402

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Signature:
    shingles: frozenset[str]
    bands: tuple[int, ...]


def shingles(text: str) -> frozenset[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def _band_hash(band: int, values) -> int:
    digest = hashlib.blake2b(band.to_bytes(2, "little") + bytes(values), digest_size=8).digest()
    # Signed 64-bit, so it fits a BIGINT column in SQLite and PostgreSQL alike.
    return int.from_bytes(digest, "little", signed=True)


def signature(text: str) -> Signature:
    """Shingles and LSH band hashes of a text (no bands when it is too short to link)."""
    sh = shingles(text)
    if len(sh) < MIN_SHINGLES:
        return Signature(sh, ())
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch([s.encode("utf-8") for s in sh])
    values = mh.hashvalues.astype("<u4")
    bands = tuple(_band_hash(b, values[b * ROWS : (b + 1) * ROWS].tobytes()) for b in range(BANDS))
    return Signature(sh, bands)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: the share of the smaller shingle set found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_near_duplicate(a: frozenset[str], b: frozenset[str]) -> tuple[bool, float]:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False, 0.0
    score = similarity(a, b)
    return score >= THRESHOLD, score
