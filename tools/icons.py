#!/usr/bin/env python3
"""Draws folio's app icons, an open page on the accent colour, as PNG files with only the
standard library (zlib and struct). Run it again after changing the drawing; the PNGs it
writes are committed in assets/.

Usage: tools/icons.py [out dir, default assets]
"""

import struct
import sys
import zlib
from pathlib import Path

ACCENT = (11, 91, 171)
PAGE = (253, 252, 250)
LINE = (158, 183, 214)


def pixel(x: float, y: float) -> tuple:
    """The colour at (x, y), both in 0..1: a page with lines on a full-bleed square, so the
    icon also works when a platform masks it to a circle."""
    if 0.28 <= x <= 0.72 and 0.2 <= y <= 0.8:
        for top in (0.32, 0.42, 0.52, 0.62):
            if top <= y <= top + 0.035 and 0.35 <= x <= (0.58 if top == 0.62 else 0.65):
                return LINE
        return PAGE
    return ACCENT


def png(size: int) -> bytes:
    """The icon at `size` pixels square, as a PNG of three palette colours, two bits a pixel:
    a fifth of the bytes of the same image in RGB."""
    palette = [ACCENT, PAGE, LINE]
    rows = bytearray()
    for j in range(size):
        rows.append(0)
        indexes = [palette.index(pixel((i + 0.5) / size, (j + 0.5) / size)) for i in range(size)]
        indexes += [0] * (-size % 4)
        for k in range(0, len(indexes), 4):
            a, b, c, d = indexes[k:k + 4]
            rows.append(a << 6 | b << 4 | c << 2 | d)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 2, 3, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"PLTE", b"".join(bytes(colour) for colour in palette))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "assets")
    out.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (out / f"icon-{size}.png").write_bytes(png(size))


if __name__ == "__main__":
    main()
