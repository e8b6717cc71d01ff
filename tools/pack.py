#!/usr/bin/env python3
"""Packs the WASM of a release build with LZMA, for assets/unpack.js to unpack in the browser.

gzip, which static hosts apply, takes the WASM to about 43% of its size; LZMA to about 36%, so
the packed file (which gzip does not shrink further) travels a sixth lighter than the gzipped
WASM, for the few kB of unpack.js with its decoder.

Before LZMA, the code of the module is taken apart into streams of like things (`split`): the
instructions' opcodes in one, the local variables they name in another, then the constants,
the memory offsets, the functions called, and so on. Each stream repeats itself far more than
the instructions do as they stand, where an opcode, a local and a constant follow each other:
LZMA takes the split module to about 34% of its size. The decoder puts the instructions back
together (`join`), byte for byte. A file that is not a module this splitter reads, or that does
not come back whole from `join`, is packed as it is.

The packed file: one byte of LZMA properties (lc + 9 × (lp + 5 × pb)), one byte of layout
(0: the file as it is; 1: a module split as `split` describes), the size of what LZMA unpacks
in 4 bytes, little-endian, then the raw LZMA stream (xz's LZMA1 filter).

Usage: tools/pack.py file.wasm packed   (a check by hand; tools/seal_dist.py imports pack)
"""

import lzma
import sys
from pathlib import Path

# One literal context bit, no position bits: what suits a split module best among the settings
# tried (lc=3 suits a module as it is).
LC, LP, PB = 1, 0, 0

AS_IS, SPLIT = 0, 1

# The streams of a split module, in the order they are stored. `op` holds the opcodes, with the
# alignment of memory accesses and the second byte of 0xFC opcodes; `locals` each function's
# declarations of locals; `misc` table, memory and data indexes, reference and value types.
STREAMS = ("op", "local", "i32", "offset", "func", "i64", "label", "block", "locals", "global",
           "misc", "type", "float")
S = {name: n for n, name in enumerate(STREAMS)}

# What follows each opcode, as the streams its LEB128 numbers come from, in order.
IMMEDIATES: dict[int, tuple[int, ...]] = {
    0x02: (S["block"],), 0x03: (S["block"],), 0x04: (S["block"],),
    0x0C: (S["label"],), 0x0D: (S["label"],),
    0x10: (S["func"],), 0x11: (S["type"], S["type"]),
    0x20: (S["local"],), 0x21: (S["local"],), 0x22: (S["local"],),
    0x23: (S["global"],), 0x24: (S["global"],),
    0x25: (S["misc"],), 0x26: (S["misc"],),
    0x3F: (S["misc"],), 0x40: (S["misc"],),
    0x41: (S["i32"],), 0x42: (S["i64"],),
    0xD0: (S["misc"],), 0xD2: (S["func"],),
    **{op: (S["op"], S["offset"]) for op in range(0x28, 0x3F)},
    **{op: () for op in (0x00, 0x01, 0x05, 0x0B, 0x0F, 0x1A, 0x1B, 0xD1, *range(0x45, 0xC5))},
}
# After 0xFC and its second opcode (0–17).
FC_IMMEDIATES = (0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 1, 2, 1, 2, 1, 1, 1)
BLOCKS = (0x02, 0x03, 0x04)
END = 0x0B


class Unsplittable(ValueError):
    """The module uses what the splitter does not read."""


def pack(data: bytes, lc: int = LC, lp: int = LP, pb: int = PB) -> bytes:
    """`data` packed as described above (other LZMA settings are for tests)."""
    layout, payload = AS_IS, data
    try:
        split_form = split(data)
        if join(split_form) == data:
            layout, payload = SPLIT, split_form
    except Unsplittable:
        pass
    return packed(payload, layout, lc, lp, pb)


def packed(payload: bytes, layout: int, lc: int = LC, lp: int = LP, pb: int = PB) -> bytes:
    """The packed file of `payload` in `layout`."""
    if len(payload) >= 1 << 32:
        raise ValueError("cannot pack 4 GB or more")
    dictionary = 1 << 12
    while dictionary < len(payload):
        dictionary <<= 1
    stream = lzma.compress(payload, format=lzma.FORMAT_RAW, filters=[{
        "id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME,
        "lc": lc, "lp": lp, "pb": pb, "dict_size": dictionary, "nice_len": 273,
    }])
    return bytes([lc + 9 * (lp + 5 * pb), layout]) + len(payload).to_bytes(4, "little") + stream


def _leb(data: bytes, at: int) -> tuple[int, int]:
    """The unsigned LEB128 number at `at`, and where it ends."""
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise Unsplittable("a number runs past its end")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _leb_bytes(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def split(wasm: bytes) -> bytes:
    """A WASM module with its code section taken apart into `STREAMS`:

    the size of the module (4 bytes, little-endian), the number of functions (4), the size of
    what comes before the first function's code (4), the size of each stream (4 each), then what
    comes before the first function's code, the streams, and what comes after the last one. The
    size of each function's code is left out: `join` finds where each ends."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        raise Unsplittable("not a WASM module")
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, body = _leb(wasm, at + 1)
        if section == 10:
            break
        at = body + size
    else:
        raise Unsplittable("no code section")
    code_end = body + size
    count, at = _leb(wasm, body)
    prefix = wasm[:at]
    streams = [bytearray() for _ in STREAMS]

    def copy(stream: int) -> None:
        nonlocal at
        start = at
        _, at = _leb(wasm, at)
        streams[stream] += wasm[start:at]

    for _ in range(count):
        size, at = _leb(wasm, at)
        end = at + size
        if end > code_end:
            raise Unsplittable("a function runs past the code section")
        groups, _ = _leb(wasm, at)
        copy(S["locals"])
        for _ in range(groups):
            copy(S["locals"])
            copy(S["locals"])
        depth = 0
        while True:
            if at >= end:
                raise Unsplittable("a function without its end")
            op = wasm[at]
            at += 1
            streams[S["op"]].append(op)
            if op == 0x0E:
                targets, _ = _leb(wasm, at)
                copy(S["label"])
                for _ in range(targets + 1):
                    copy(S["label"])
            elif op == 0x1C:
                types, _ = _leb(wasm, at)
                copy(S["misc"])
                for _ in range(types):
                    copy(S["misc"])
            elif op in (0x43, 0x44):
                width = 4 if op == 0x43 else 8
                if at + width > end:
                    raise Unsplittable("a constant runs past its function")
                streams[S["float"]] += wasm[at:at + width]
                at += width
            elif op == 0xFC:
                sub, _ = _leb(wasm, at)
                copy(S["op"])
                if sub >= len(FC_IMMEDIATES):
                    raise Unsplittable(f"opcode 0xFC {sub}")
                for _ in range(FC_IMMEDIATES[sub]):
                    copy(S["misc"])
            elif op in IMMEDIATES:
                for stream in IMMEDIATES[op]:
                    copy(stream)
            else:
                raise Unsplittable(f"opcode 0x{op:02X}")
            if op in BLOCKS:
                depth += 1
            elif op == END:
                if depth == 0:
                    break
                depth -= 1
        if at != end:
            raise Unsplittable("a function ends before its stated size")
    if at != code_end:
        raise Unsplittable("the code section holds more than its functions")
    header = b"".join(n.to_bytes(4, "little")
                      for n in (len(wasm), count, len(prefix), *map(len, streams)))
    return header + prefix + b"".join(streams) + wasm[code_end:]


def join(data: bytes) -> bytes:
    """The module `split` took apart, put back together as the decoder in assets/unpack.wat
    does. Raises ValueError for what `split` does not write."""
    fields = 3 + len(STREAMS)
    if len(data) < 4 * fields:
        raise ValueError("too short")
    numbers = [int.from_bytes(data[4 * i:4 * i + 4], "little") for i in range(fields)]
    size, count, prefix_size, sizes = numbers[0], numbers[1], numbers[2], numbers[3:]
    at = 4 * fields
    out = bytearray(data[at:at + prefix_size])
    at += prefix_size
    starts = []
    for n in sizes:
        starts.append(at)
        at += n
    if at > len(data):
        raise ValueError("streams run past the end")
    ends = [start + n for start, n in zip(starts, sizes)]
    heads = list(starts)

    def byte(stream: int, into: bytearray) -> int:
        if heads[stream] >= ends[stream]:
            raise ValueError(f"stream {STREAMS[stream]} runs out")
        value = data[heads[stream]]
        heads[stream] += 1
        into.append(value)
        return value

    def copy(stream: int, into: bytearray) -> None:
        """Copies one LEB128 number."""
        while byte(stream, into) >= 0x80:
            pass

    def number(stream: int, into: bytearray) -> int:
        start = len(into)
        copy(stream, into)
        return _leb(bytes(into), start)[0]

    for _ in range(count):
        body = bytearray()
        groups = number(S["locals"], body)
        for _ in range(groups):
            copy(S["locals"], body)
            copy(S["locals"], body)
        depth = 0
        while True:
            op = byte(S["op"], body)
            if op == 0x0E:
                for _ in range(number(S["label"], body) + 1):
                    copy(S["label"], body)
            elif op == 0x1C:
                for _ in range(number(S["misc"], body)):
                    copy(S["misc"], body)
            elif op in (0x43, 0x44):
                width = 4 if op == 0x43 else 8
                for _ in range(width):
                    byte(S["float"], body)
            elif op == 0xFC:
                sub = number(S["op"], body)
                for _ in range(FC_IMMEDIATES[sub] if sub < len(FC_IMMEDIATES) else 0):
                    copy(S["misc"], body)
            else:
                for stream in IMMEDIATES.get(op, ()):
                    copy(stream, body)
            if op in BLOCKS:
                depth += 1
            elif op == END:
                if depth == 0:
                    break
                depth -= 1
        out += _leb_bytes(len(body)) + body
    if heads != ends:
        raise ValueError("streams left over")
    out += data[at:]
    if len(out) != size:
        raise ValueError("not the stated size")
    return bytes(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    Path(sys.argv[2]).write_bytes(pack(Path(sys.argv[1]).read_bytes()))
