#!/usr/bin/env python3
"""Packs the WASM of a release build with LZMA, for assets/unpack.js to unpack in the browser.

gzip, which static hosts apply, takes the WASM to about 43% of its size; LZMA to about 36%, so
the packed file (which gzip does not shrink further) travels a sixth lighter than the gzipped
WASM, for the few kB of unpack.js with its decoder.

Before LZMA, the module's functions are sorted so that those alike come together (`reorder`),
then its code is taken apart into streams of like things (`split`): the instructions' opcodes
in one, the local variables they name in another, then the constants, the memory offsets, the
functions called, and so on. Each stream repeats itself far more than the instructions do as
they stand, where an opcode, a local and a constant follow each other: LZMA takes the split
module to about 33% of its size. The decoder puts the instructions back
together (`join`), byte for byte, into the reordered module. A file that is not a module this
splitter reads, or that does not come back whole from `join`, is packed as it is.

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

# The streams of a split module, in the order they are stored (the order that packed smallest
# among those tried; assets/unpack.wat numbers them the same way). `op` holds the opcodes, with
# the alignment of memory accesses and the second byte of 0xFC opcodes; `locals` each
# function's declarations of locals; `misc` table, memory and data indexes, reference and value
# types.
STREAMS = ("type", "local", "i32", "offset", "func", "i64", "block", "float", "locals", "global",
           "misc", "label", "op")
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
        module = reorder(data)
    except Unsplittable:
        module = data
    try:
        split_form = split(module)
        if join(split_form) == module:
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


def read_leb(data: bytes, at: int) -> tuple[int, int]:
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


def _nesting(op: int, depth: int) -> int:
    """The depth of blocks after instruction `op`: -1 once a function's last `end` is read."""
    return depth + 1 if op in BLOCKS else depth - 1 if op == END else depth


def leb_bytes(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _sections(wasm: bytes) -> list[tuple[int, int, int]]:
    """Each section of a module as (id, where its content starts, where it ends)."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        raise Unsplittable("not a WASM module")
    out, at = [], 8
    while at < len(wasm):
        size, start = read_leb(wasm, at + 1)
        if start + size > len(wasm):
            raise Unsplittable("a section runs past the end")
        out.append((wasm[at], start, start + size))
        at = start + size
    return out


def _walk(wasm: bytes, at: int, end: int, visit) -> None:
    """Reads the code of one function, from `at` to `end`: its declarations of locals, then its
    instructions up to the `end` that closes it. Calls `visit(stream, start, stop)` for each
    part in order, with the stream of `STREAMS` it goes to and where its bytes are."""

    def number(stream: int) -> int:
        nonlocal at
        start = at
        value, at = read_leb(wasm, at)
        if at > end:
            raise Unsplittable("a number runs past its function")
        visit(stream, start, at)
        return value

    for _ in range(number(S["locals"])):
        number(S["locals"])
        number(S["locals"])
    depth = 0
    while True:
        if at >= end:
            raise Unsplittable("a function without its end")
        op = wasm[at]
        visit(S["op"], at, at + 1)
        at += 1
        if op == 0x0E:
            for _ in range(number(S["label"]) + 1):
                number(S["label"])
        elif op == 0x1C:
            for _ in range(number(S["misc"])):
                number(S["misc"])
        elif op in (0x43, 0x44):
            width = 4 if op == 0x43 else 8
            if at + width > end:
                raise Unsplittable("a constant runs past its function")
            visit(S["float"], at, at + width)
            at += width
        elif op == 0xFC:
            sub = number(S["op"])
            if sub >= len(FC_IMMEDIATES):
                raise Unsplittable(f"opcode 0xFC {sub}")
            for _ in range(FC_IMMEDIATES[sub]):
                number(S["misc"])
        elif op in IMMEDIATES:
            for stream in IMMEDIATES[op]:
                number(stream)
        else:
            raise Unsplittable(f"opcode 0x{op:02X}")
        depth = _nesting(op, depth)
        if depth < 0:
            break
    if at != end:
        raise Unsplittable("a function ends before its stated size")


def _code(wasm: bytes) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the code section's content starts and ends, and each function's code (without its
    size) as (start, end)."""
    found = [(start, end) for section, start, end in _sections(wasm) if section == 10]
    if not found:
        raise Unsplittable("no code section")
    start, end = found[0]
    count, at = read_leb(wasm, start)
    functions = []
    for _ in range(count):
        size, at = read_leb(wasm, at)
        if at + size > end:
            raise Unsplittable("a function runs past the code section")
        functions.append((at, at + size))
        at += size
    if at != end:
        raise Unsplittable("the code section holds more than its functions")
    return start, end, functions


def split(wasm: bytes) -> bytes:
    """A WASM module with its code section taken apart into `STREAMS`:

    the size of the module (4 bytes, little-endian), the number of functions (4), the size of
    what comes before the first function's code (4), the size of each stream (4 each), then what
    comes before the first function's code, the streams, and what comes after the last one. The
    size of each function's code is left out: `join` finds where each ends."""
    start, end, functions = _code(wasm)
    prefix = wasm[:read_leb(wasm, start)[1]]
    streams = [bytearray() for _ in STREAMS]
    for at, stop in functions:
        _walk(wasm, at, stop, lambda stream, a, b: streams[stream].extend(wasm[a:b]))
    header = b"".join(n.to_bytes(4, "little")
                      for n in (len(wasm), len(functions), len(prefix), *map(len, streams)))
    return header + prefix + b"".join(streams) + wasm[end:]


def reorder(wasm: bytes) -> bytes:
    """The same module with its functions in another order: sorted by the first bytes of their
    code (their locals and first instructions), functions alike come together, and LZMA finds
    more to repeat (2.4 kB less for the explorer). Whatever names a function follows it: calls,
    `ref.func`, exports, the start function and element segments. A module with a section of
    names, or with what this does not read, is refused (`Unsplittable`)."""
    sections = _sections(wasm)
    if any(section == 0 and wasm[start:start + 5] == b"\x04name"
           for section, start, _ in sections):
        raise Unsplittable("a section of names")
    imported = 0
    for section, start, end in sections:
        if section == 2:
            count, at = read_leb(wasm, start)
            for _ in range(count):
                for _ in range(2):
                    length, at = read_leb(wasm, at)
                    at += length
                kind, at = wasm[at], at + 1
                if kind == 0:
                    imported += 1
                    _, at = read_leb(wasm, at)
                elif kind in (1, 2):
                    at += kind == 1
                    limits, at = wasm[at], at + 1
                    _, at = read_leb(wasm, at)
                    if limits & 1:
                        _, at = read_leb(wasm, at)
                elif kind == 3:
                    at += 2
                else:
                    raise Unsplittable(f"an import of kind {kind}")
    _, _, functions = _code(wasm)
    order = sorted(range(len(functions)),
                   key=lambda f: wasm[functions[f][0]:functions[f][0] + 12])
    new = list(range(imported)) + [0] * len(functions)
    for place, old in enumerate(order):
        new[imported + old] = imported + place

    def index(value: int) -> bytes:
        if value >= len(new):
            raise Unsplittable("a function index out of range")
        return leb_bytes(new[value])

    def body(at: int, stop: int) -> bytes:
        out = bytearray()

        def visit(stream: int, a: int, b: int) -> None:
            out.extend(index(read_leb(wasm, a)[0]) if stream == S["func"] else wasm[a:b])

        _walk(wasm, at, stop, visit)
        return leb_bytes(len(out)) + out

    def vector(at: int, item) -> tuple[bytes, int]:
        count, at = read_leb(wasm, at)
        out = bytearray(leb_bytes(count))
        for _ in range(count):
            part, at = item(at)
            out += part
        return bytes(out), at

    def expression(at: int) -> tuple[bytes, int]:
        """A constant expression: `ref.func` renumbered, anything else as it is."""
        out = bytearray()
        while True:
            if at >= len(wasm):
                raise Unsplittable("an expression runs past the end")
            op = wasm[at]
            if op == 0xD2:
                value, at = read_leb(wasm, at + 1)
                out += b"\xd2" + index(value)
                continue
            if op in (0x23, 0x41, 0x42, 0xD0):
                _, stop = read_leb(wasm, at + 1)
            elif op in (0x43, 0x44):
                stop = at + (5 if op == 0x43 else 9)
            elif op == END:
                return bytes(out) + b"\x0b", at + 1
            else:
                raise Unsplittable(f"opcode 0x{op:02X} in an expression")
            out += wasm[at:stop]
            at = stop

    def function_index(at: int) -> tuple[bytes, int]:
        value, at = read_leb(wasm, at)
        return index(value), at

    out = bytearray(wasm[:8])
    for section, start, end in sections:
        if section == 3:
            types, at = [], read_leb(wasm, start)[1]
            for _ in functions:
                type_start = at
                _, at = read_leb(wasm, at)
                types.append(wasm[type_start:at])
            content = leb_bytes(len(functions)) + b"".join(types[f] for f in order)
        elif section == 10:
            content = leb_bytes(len(functions)) + b"".join(body(*functions[f]) for f in order)
        elif section == 7:
            def export(at: int) -> tuple[bytes, int]:
                length, after = read_leb(wasm, at)
                kind = wasm[after + length]
                value, stop = read_leb(wasm, after + length + 1)
                number = index(value) if kind == 0 else leb_bytes(value)
                return wasm[at:after + length + 1] + number, stop
            content, _ = vector(start, export)
        elif section == 8:
            content, _ = function_index(start)
        elif section == 9:
            def element(at: int) -> tuple[bytes, int]:
                flags, at = read_leb(wasm, at)
                if flags > 7:
                    raise Unsplittable(f"an element segment of kind {flags}")
                part = bytearray(leb_bytes(flags))
                if flags & 2 and not flags & 1:
                    table_start = at
                    _, at = read_leb(wasm, at)
                    part += wasm[table_start:at]
                if not flags & 1:
                    offset, at = expression(at)
                    part += offset
                if flags & 3:
                    part.append(wasm[at])
                    at += 1
                items, at = vector(at, expression if flags & 4 else function_index)
                return bytes(part + items), at
            content, _ = vector(start, element)
        else:
            content = wasm[start:end]
        out += bytes([section]) + leb_bytes(len(content)) + content
    return bytes(out)


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
        return read_leb(bytes(into), start)[0]

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
            depth = _nesting(op, depth)
            if depth < 0:
                break
        out += leb_bytes(len(body)) + body
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
