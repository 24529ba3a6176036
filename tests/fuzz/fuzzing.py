"""Strategies, mutations and settings shared by the fuzz tests (issue 10).

Everything is built at run time: no binary fixture files. The hypothesis settings are
derandomised and keep no example database, so a CI run is the same run every time.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Deterministic settings for every fuzz test; each test sets its own ``max_examples``."""

NO_SHRINK = (Phase.explicit, Phase.generate)
"""Phases of a test expected to fail (xfail): find the failure, don't spend time shrinking it."""

SENTENCES = (
    "The foreign minister said the talks in Geneva had gone well.",
    '"We will not accept these terms," the president told reporters on Monday.',
    "Russia accused the United States of violating the agreement.",
    "Police arrested three protesters outside the parliament in Ankara.",
    "The central bank raised interest rates by half a point.",
    "According to the spokesman, the army withdrew from the border town.",
    "France and Germany agreed to meet again next week.",
    "Officials said the ceasefire was holding.",
)

HOSTILE = (
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066\u2069",  # isolates
    "قال الوزير إن المحادثات جرت بشكل جيد",
    "השר אמר",
    "👨\u200d👩\u200d👧",  # ZWJ emoji sequence
    "🇺🇦🇷🇺",
    "😀" * 40,
    "\x00",
    "\x00" * 20,
    "\x01\x02\x03\x07\x08",
    "\x1b[31m",
    "\x7f",
    "\x0b\x0c",
    "\t",
    "\r",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\uffff",
    "\U0010ffff",
    "e\u0301" * 30,  # combining marks
    "a" * 3000,  # one very long token
    "x" * 120 + "." * 400,
    '"' * 60,
    "\u201c\u201d" * 30,
    "«»‹›„‟" * 10,
    "'" * 40,
    '"He said "she said "they said"""',
    "\n" * 30,
    " " * 200,
    "中国外交部发言人表示",
    "Ελλάδα",
)
"""Hostile fragments: RTL, emoji, NUL and control characters, line separators, long tokens,
many quote marks, other scripts."""

LONE_SURROGATES = ("\ud83d", "\udcff", "\udc80\udc81", "\ud800")
"""Lone surrogates: valid in a Python str (and as JSON ``\\uXXXX`` escapes), not in UTF-8."""

LINE_SEPARATORS = ("\u2028", "\u2029", "\x85")
"""Characters that ``str.splitlines`` splits on but that are plain characters in JSON strings."""


def hostile_text(*, surrogates: bool = False, max_pieces: int = 10) -> st.SearchStrategy[str]:
    """Text mixing English sentences, hostile fragments and arbitrary characters."""
    pieces = [st.sampled_from(SENTENCES), st.sampled_from(HOSTILE), st.text(max_size=20)]
    if surrogates:
        pieces.append(st.sampled_from(LONE_SURROGATES))
    return st.lists(st.one_of(*pieces), min_size=1, max_size=max_pieces).map(" ".join)


# --- JSON Lines ---------------------------------------------------------------------------------


def record(i: int, text: str) -> dict[str, str]:
    """A dump record with a unique id and a text that is unique too."""
    return {"id": f"doc-{i:04d}", "title": f"Story {i}", "text": f"{text}\n\nEdition {i}."}


def encode_line(obj: object, *, ascii_only: bool) -> bytes:
    """One JSON line; a lone surrogate is a ``\\uXXXX`` escape, or raw (CESU) bytes if not ASCII."""
    return json.dumps(obj, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def jsonl(lines: Iterable[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def nonblank_line_numbers(data: bytes) -> list[int]:
    """1-based numbers of the JSON Lines lines (split on LF only) that are not blank."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [n for n, line in enumerate(lines, 1) if line.decode("utf-8", "replace").strip()]


INVALID_UTF8 = (b"\xff", b"\xfe\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\xbd", b"\xf4\x90\x80\x80")
"""A stray byte, a lone lead byte, an overlong form, an encoded surrogate, beyond U+10FFFF."""

FILE_SPLITS = frozenset(b"\r")
"""Bytes a file opened in text mode splits lines on besides LF (universal newlines)."""
STREAM_SPLITS = frozenset(b"\r\x0b\x0c\x1c\x1d\x1e")
"""Single bytes ``str.splitlines`` splits on besides LF (the stdin reader splits with it)."""


@dataclass(frozen=True)
class Mutation:
    kind: str
    where: float
    """Position as a fraction of the current length."""
    value: int


def mutations(kinds: Sequence[str], max_size: int = 4) -> st.SearchStrategy[list[Mutation]]:
    return st.lists(
        st.builds(
            Mutation,
            st.sampled_from(kinds),
            st.floats(0, 1, allow_nan=False),
            st.integers(0, 255),
        ),
        max_size=max_size,
    )


ROBUST_MUTATIONS = ("flip", "truncate", "nul", "invalid_utf8", "rtl_emoji", "huge_line")
"""Byte-level damage the readers handle today (checked by the passing property tests)."""


def mutate(data: bytes, muts: Iterable[Mutation], *, avoid: frozenset[int] = frozenset()) -> bytes:
    """Apply byte-level mutations. No mutation introduces a byte of ``avoid`` (extra line
    separators for the reader under test), so the line count stays what LF alone says."""
    buf = bytearray(data)
    for m in muts:
        i = int(m.where * len(buf))
        if m.kind == "flip" and buf:
            i = min(i, len(buf) - 1)
            flipped = buf[i] ^ (m.value or 1)
            if flipped not in avoid:
                buf[i] = flipped
        elif m.kind == "truncate":
            del buf[i:]
        elif m.kind == "nul":
            buf[i:i] = b"\x00" * (1 + m.value % 8)
        elif m.kind == "invalid_utf8":
            buf[i:i] = INVALID_UTF8[m.value % len(INVALID_UTF8)]
        elif m.kind == "rtl_emoji":
            buf[i:i] = ("\u202e", "\u200f", "😀", "👨\u200d👩\u200d👧", "🇺🇦")[m.value % 5].encode()
        elif m.kind == "huge_line":
            buf[i:i] = b"A" * (20_000 + 1000 * m.value)
    return bytes(buf)


def gzipped(data: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as fh:
        fh.write(data)
    return out.getvalue()


# --- WARC ---------------------------------------------------------------------------------------


def warc_bytes(pages: Sequence[str], *, compress: bool) -> bytes:
    """A WARC of ``response`` records, one per page (HTML), built with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for i, page in enumerate(pages):
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            f"https://example.org/news/{i}",
            "response",
            payload=io.BytesIO(page.encode("utf-8")),
            http_headers=http,
        )
        writer.write_record(rec)
    return out.getvalue()


def html_page(i: int) -> str:
    body = "".join(f"<p>{s} (Edition {i}.)</p>" for s in SENTENCES)
    return (
        f"<!doctype html><html><head><title>Story {i}</title></head>"
        f"<body><nav>Home | World</nav><article><h1>Story {i}</h1>{body}</article></body></html>"
    )
