"""Near-duplicate articles: MinHash signatures over word shingles, indexed with LSH.

News repeats itself (wire copies, updates, syndication). Two articles whose sets of word
5-shingles have an estimated Jaccard similarity at or above the threshold are near copies.
Shingling ignores case, punctuation and paragraph order, so reordered paragraphs, a changed
headline or appended boilerplate still match (Broder 1997, "On the resemblance and
containment of documents").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # named, so that stored signatures stay comparable across datasketch versions
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of k-word shingles of ``text`` (lowercased words, punctuation dropped).

    Shingles stay inside a paragraph, so that reordering paragraphs changes nothing.
    """
    out: set[bytes] = set()
    for para in _PARAGRAPH.split(text.casefold()):
        words = _WORD.findall(para)
        if 0 < len(words) < k:
            out.add(" ".join(words).encode("utf-8"))
        out.update(" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1))
    return out


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """The MinHash of ``text``'s shingles."""
    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def to_bytes(m: MinHash) -> bytes:
    """A compact form of a signature for storage."""
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes, num_perm: int = NUM_PERM) -> MinHash:
    return MinHash(num_perm=num_perm, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class NearDuplicateIndex:
    """An LSH index of article signatures answering "is this a near copy of one we have?".

    >>> index = NearDuplicateIndex(threshold=0.8)
    >>> index.add("a1", "some long article text ...")
    >>> index.find("the same long article text ...")   # ("a1", 0.93) or None
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        # LSH only proposes candidates; each is checked against the real threshold below. Its
        # banding cannot be tuned above ~0.9 with 128 permutations, so it proposes from there.
        self._lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=num_perm)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def add(self, key: str, text_or_sig: str | MinHash) -> MinHash:
        """Index an article by its key; returns its signature (to store)."""
        sig = text_or_sig if isinstance(text_or_sig, MinHash) else signature(text_or_sig, self.num_perm)
        if key not in self._sigs:
            self._lsh.insert(key, sig)
            self._sigs[key] = sig
        return sig

    def add_many(self, items: Iterable[tuple[str, MinHash]]) -> None:
        with self._lsh.insertion_session() as session:
            for key, sig in items:
                if key not in self._sigs:
                    session.insert(key, sig)
                    self._sigs[key] = sig

    def find(self, text_or_sig: str | MinHash) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold, with its similarity."""
        sig = text_or_sig if isinstance(text_or_sig, MinHash) else signature(text_or_sig, self.num_perm)
        best: tuple[str, float] | None = None
        for key in self._lsh.query(sig):
            sim = sig.jaccard(self._sigs[key])
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and key < best[0])):
                best = (key, sim)
        return best
