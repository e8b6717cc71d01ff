#!/usr/bin/env python3
"""Packs the WASM of a release build with LZMA, for assets/unpack.js to unpack in the browser.

gzip, which static hosts apply, takes the WASM to about 43% of its size; LZMA to about 36%, so
the packed file (which gzip does not shrink further) travels a sixth lighter than the gzipped
WASM, for 2.2 kB of unpack.js (gzip) with its decoder.

The packed file: one byte of LZMA properties (lc + 9 × (lp + 5 × pb)), the unpacked size in
4 bytes, little-endian, then the raw LZMA stream (xz's LZMA1 filter).

Usage: tools/pack.py file.wasm packed   (a check by hand; tools/seal_dist.py imports pack)
"""

import lzma
import sys
from pathlib import Path

# lc=3 literal context bits, no position bits: what suits WASM best among the settings tried.
LC, LP, PB = 3, 0, 0


def pack(data: bytes, lc: int = LC, lp: int = LP, pb: int = PB) -> bytes:
    """`data` packed as described above (other LZMA settings are for tests)."""
    if len(data) >= 1 << 32:
        raise ValueError("cannot pack 4 GB or more")
    dictionary = 1 << 12
    while dictionary < len(data):
        dictionary <<= 1
    stream = lzma.compress(data, format=lzma.FORMAT_RAW, filters=[{
        "id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME,
        "lc": lc, "lp": lp, "pb": pb, "dict_size": dictionary, "nice_len": 273,
    }])
    return bytes([lc + 9 * (lp + 5 * pb)]) + len(data).to_bytes(4, "little") + stream


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    Path(sys.argv[2]).write_bytes(pack(Path(sys.argv[1]).read_bytes()))
