"""Shrink a screenshot: 8-bit RGB(A) PNG in, 8-bit palette PNG (at most 256 colours) out.

Pure Python (zlib and struct only), so the screenshot script needs no image library. Web pages
have few colours besides the anti-aliasing of text, so a palette of the commonest colours (each
channel rounded to 4 bits) with nearest-colour mapping for the rest is close to lossless to the
eye and about three times smaller.
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    out, pos = [], len(SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        out.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return out


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit, non-interlaced RGB or RGBA PNG."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG")
    chunks = _chunks(data)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(
            f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})"
        )
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                line[i] = (line[i] + _paeth(a, b, c)) & 255
        prev = line
        rows.append(bytes(line) if bpp == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
    return width, height, rows


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def to_palette(path: Path, colours: int = 256) -> Path:
    """Rewrite the PNG at ``path`` as a palette PNG, in place."""
    width, height, rows = decode(path.read_bytes())
    pixels = [row[i : i + 3] for row in rows for i in range(0, len(row), 3)]
    counts = Counter(bytes(v & 0xF0 | 0x08 for v in p) for p in pixels)
    palette = [c for c, _ in counts.most_common(colours)]
    index = {c: i for i, c in enumerate(palette)}

    def nearest(c: bytes) -> int:
        if c not in index:
            index[c] = min(
                range(len(palette)),
                key=lambda i: sum((x - y) ** 2 for x, y in zip(palette[i], c, strict=True)),
            )
        return index[c]

    cache: dict[bytes, int] = {}
    out = bytearray()
    for y in range(height):
        out.append(0)
        for p in pixels[y * width : (y + 1) * width]:
            i = cache.get(p)
            if i is None:
                i = cache[p] = nearest(bytes(v & 0xF0 | 0x08 for v in p))
            out.append(i)
    png = (
        SIGNATURE
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
        + _chunk(b"PLTE", b"".join(palette))
        + _chunk(b"IDAT", zlib.compress(bytes(out), 9))
        + _chunk(b"IEND", b"")
    )
    path.write_bytes(png)
    return path
