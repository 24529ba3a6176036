"""Stories: articles that tell one story (wire copies reprinted by several outlets, lightly
edited re-posts) grouped by near-duplicate text.

Each article's body text is cut into shingles of ``SHINGLE_WORDS`` words, summarised by a
MinHash signature of ``NUM_PERM`` permutations (datasketch), and looked up in a MinHash LSH
index of the articles stored before (candidates from an estimated Jaccard similarity of
``CANDIDATE``). A candidate is the same story when their estimated Jaccard similarity is at
least ``SIMILARITY``, or when the shorter text's shingles lie at least ``CONTAINMENT`` inside
the longer's (a wire copy trimmed of its last paragraphs keeps its shingles but not its
Jaccard similarity): the article joins the most similar such article's story, else it starts
a story of its own (named by its id). Exact copies have similarity 1. Containment is
estimated from the Jaccard estimate and the two shingle counts (``|A & B| = J (|A| + |B|) /
(1 + J)``). The signatures and counts are kept in ``story_members``, so the index is rebuilt
from the store when a writer first needs it.

datasketch (and numpy) are imported on first use: commands that only read never load them.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
"""Permutations of a signature: the estimate's standard error is about 1/sqrt(128), 0.09."""
SHINGLE_WORDS = 5
"""Words per shingle: long enough that two different stories share few, short enough that an
edited sentence still leaves most of its shingles intact."""
SIMILARITY = 0.7
"""Estimated Jaccard similarity of shingles from which two articles are one story: syndicated
copies with a changed headline, byline or paragraph keep most of their shingles; two reports
of one event written apart share far fewer."""
CONTAINMENT = 0.8
"""Share of the shorter article's shingles found in the longer from which two articles are one
story: a copy cut to its first paragraphs, or a brief that is the lead of the full report."""
CANDIDATE = 0.5
"""Estimated Jaccard similarity from which the LSH index offers a stored article as a
candidate (a copy cut by half of its words still has about 0.5)."""
SEED = 1
SCHEME = "affine32"
"""datasketch's hashing scheme (32-bit values, kept as ``DTYPE`` in ``story_members``)."""
DTYPE = "<u4"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> MinHash | None:
    """The MinHash of ``text``'s shingles, ``None`` for a text too short to have one."""
    return signature_of(shingles(text))


def signature_of(found: set[bytes]) -> MinHash | None:
    """The MinHash of a set of shingles, ``None`` for an empty one."""
    from datasketch import MinHash

    if not found:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch(list(found))
    return mh


def contained(jaccard: float, size_a: int, size_b: int | None) -> float:
    """The estimated share of the smaller of two shingle sets inside the other, from their
    Jaccard similarity and sizes (0 when a size is unknown)."""
    if not size_b or not size_a:
        return 0.0
    overlap = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, overlap / min(size_a, size_b))


class StoryIndex:
    """The stories of one store, for its writer (built on first use)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lsh: MinHashLSH | None = None
        self._signatures: dict[str, Any] = {}
        self._sizes: dict[str, int | None] = {}
        """Shingles per indexed article (``None`` for one stored before they were counted)."""

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            import numpy as np
            from datasketch import MinHash, MinHashLSH

            self._lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
            rows = self.conn.execute(
                "SELECT doc_id, minhash, shingles FROM story_members WHERE minhash IS NOT NULL"
            )
            for doc_id, blob, count in rows:
                values = np.frombuffer(blob, dtype=DTYPE).astype(np.uint32)
                mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME)
                self._lsh.insert(doc_id, mh)
                self._signatures[doc_id] = mh
                self._sizes[doc_id] = count
        return self._lsh

    def assign(self, doc_id: str, text: str) -> str:
        """Put ``doc_id`` (whose body text is ``text``) in its story; returns the story id."""
        lsh = self._index()
        found = shingles(text)
        mh = signature_of(found)
        story = doc_id
        if mh is not None:
            best = 0.0
            for other in lsh.query(mh):
                similarity = mh.jaccard(self._signatures[other])
                same = similarity >= SIMILARITY or (
                    contained(similarity, len(found), self._sizes.get(other)) >= CONTAINMENT
                )
                if same and similarity > best:
                    best = similarity
                    story = self._story_of(other) or other
            lsh.insert(doc_id, mh)
            self._signatures[doc_id] = mh
            self._sizes[doc_id] = len(found)
        blob = mh.hashvalues.astype(DTYPE).tobytes() if mh is not None else None
        self.conn.execute(
            "INSERT OR REPLACE INTO story_members(doc_id, story_id, minhash, shingles)"
            " VALUES (?, ?, ?, ?)",
            (doc_id, story, blob, len(found) if mh is not None else None),
        )
        return story

    def forget(self, doc_id: str) -> None:
        """Take a document out of the index (it is being replaced or deleted)."""
        if self._lsh is not None and doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id]
            self._sizes.pop(doc_id, None)

    def _story_of(self, doc_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_members WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None


def story_of(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """The other articles of ``doc_id``'s story: id, title, outlet, url, published."""
    conn_rows = conn.execute(
        "SELECT d.id, d.title, d.outlet, d.url, d.published FROM story_members m"
        " JOIN story_members me ON me.story_id = m.story_id AND me.doc_id = ?"
        " JOIN documents d ON d.id = m.doc_id WHERE m.doc_id != ? ORDER BY d.published, d.id",
        (doc_id, doc_id),
    )
    names = ("id", "title", "outlet", "url", "published")
    return [dict(zip(names, r, strict=True)) for r in conn_rows]


def count(conn: sqlite3.Connection) -> int:
    """How many stories the stored articles tell (an article not yet grouped is one)."""
    try:
        row = conn.execute(
            "SELECT (SELECT COUNT(DISTINCT story_id) FROM story_members)"
            " + (SELECT COUNT(*) FROM documents d WHERE NOT EXISTS"
            "    (SELECT 1 FROM story_members m WHERE m.doc_id = d.id))"
        ).fetchone()
    except sqlite3.OperationalError:  # a store opened read-only before version 6
        row = conn.execute("SELECT COUNT(*) FROM documents").fetchone()
    return int(row[0])
