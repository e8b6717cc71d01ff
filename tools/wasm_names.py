"""Short names for what the WASM and its bindings call each other by.

wasm-bindgen names every import after the JavaScript it calls plus a 16-digit hash
(`__wbg_addEventListener_f2d27251d333a631`) and every closure export after its full Rust type.
Each name is written twice, in the WASM's import or export section and in the bindings, and
the hashes do not compress. `shorten` gives each one a name of two or three characters in
both files, then checks that the two still agree. Names the bindings export to other scripts
(`mount`, `start`, the `Explorer` class) are JavaScript names and are left alone.
"""

import re

from pack import Unsplittable, leb_bytes, read_leb

ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
IDENTIFIER = r"[A-Za-z_$][\w$]*"


class NamesError(Exception):
    pass


def _leb(data: bytes, at: int) -> tuple[int, int]:
    """The unsigned LEB128 number at `at`, and where it ends."""
    try:
        return read_leb(data, at)
    except Unsplittable:
        raise NamesError("the WASM ends inside a number") from None


_uleb = leb_bytes


def _name(data: bytes, at: int) -> tuple[str, int]:
    size, at = _leb(data, at)
    if at + size > len(data):
        raise NamesError("a name runs past the end of its section")
    return data[at:at + size].decode("utf-8"), at + size


def _encode_name(name: str) -> bytes:
    raw = name.encode("utf-8")
    return _uleb(len(raw)) + raw


def _skip_limits(data: bytes, at: int) -> int:
    flags = data[at]
    _, at = _leb(data, at + 1)
    if flags & 1:
        _, at = _leb(data, at)
    return at


def _import_descriptor_end(data: bytes, at: int) -> int:
    kind = data[at]
    at += 1
    if kind == 0:  # function: a type index
        return _leb(data, at)[1]
    if kind == 1:  # table: a reference type and limits
        return _skip_limits(data, at + 1)
    if kind == 2:  # memory: limits
        return _skip_limits(data, at)
    if kind == 3:  # global: a value type and mutability
        return at + 2
    if kind == 4:  # tag: an attribute and a type index
        return _leb(data, at + 1)[1]
    raise NamesError(f"the WASM has an import of unknown kind {kind}")


def _sections(wasm: bytes):
    if wasm[:8] != b"\0asm\x01\0\0\0":
        raise NamesError("not a WASM module of version 1")
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, start = _leb(wasm, at + 1)
        if start + size > len(wasm):
            raise NamesError(f"section {section} runs past the end of the WASM")
        yield section, wasm[start:start + size]
        at = start + size


def _short_names(taken: set[str]):
    n = 0
    while True:
        name, k = "", n
        while True:
            name = ALPHABET[k % len(ALPHABET)] + name
            k //= len(ALPHABET)
            if k == 0:
                break
        n += 1
        name = "$" + name
        if name not in taken:
            yield name


def shorten(wasm: bytes, glue: str) -> tuple[bytes, str]:
    """The WASM and its bindings with short import, import module and export names."""
    taken = set(re.findall(IDENTIFIER, glue))
    fresh = _short_names(taken)
    imports: dict[str, str] = {}
    exports: dict[str, str] = {}
    modules: dict[str, str] = {}
    out = bytearray(wasm[:8])
    for section, body in _sections(wasm):
        if section == 2:
            count, at = _leb(body, 0)
            new = bytearray(_uleb(count))
            for _ in range(count):
                module, at = _name(body, at)
                field, at = _name(body, at)
                end = _import_descriptor_end(body, at)
                modules.setdefault(module, f"m{len(modules)}")
                imports.setdefault(field, next(fresh))
                new += _encode_name(modules[module]) + _encode_name(imports[field]) + body[at:end]
                at = end
            body = bytes(new)
        elif section == 7:
            count, at = _leb(body, 0)
            new = bytearray(_uleb(count))
            for _ in range(count):
                field, at = _name(body, at)
                end = _leb(body, at + 1)[1]
                exports[field] = next(fresh)
                new += _encode_name(exports[field]) + body[at:end]
                at = end
            body = bytes(new)
        out.append(section)
        out += _uleb(len(body)) + body

    # Import modules are keys of the imports object; an `import … from` of the same path (a
    # snippet's) stays as it is.
    for module, short in modules.items():
        quoted = re.escape(module)
        glue, found = re.subn(rf"([\"']){quoted}\1(\s*:)", rf'"{short}"\2', glue)
        if not found:
            raise NamesError(f"the bindings never name the import module {module!r}")

    # Imports are keys of the object the bindings hand to the WASM; every use is renamed.
    glue = _rename(glue, imports, imports, r"(?<![\w$])")
    # Exports are read as `wasm.name`; the bindings' own functions of the same name (the
    # closure trampolines, all named `wasm_bindgen…`) are renamed too. The names the bindings
    # export to other scripts (`mount`, `start`) are read only as `wasm.name`.
    glue = _rename(glue, exports, exports, r"(?<![\w$.])wasm\.", "wasm.")
    trampolines = [n for n in exports if n.startswith("wasm_bindgen")]
    glue = _rename(glue, exports, trampolines, r"(?<![\w$.])")

    _check(imports, exports, glue)
    return bytes(out), glue


def _rename(glue: str, table: dict[str, str], names, before: str, prefix: str = "") -> str:
    """The bindings with each of `names` that follows the pattern `before` and ends an
    identifier replaced by `prefix` and its short name in `table`."""
    names = sorted(names, key=len, reverse=True)
    if not names:
        return glue
    alternatives = "|".join(re.escape(n) for n in names)
    return re.sub(rf"{before}({alternatives})(?![\w$])",
                  lambda m: prefix + table[m.group(1)], glue)


def _check(imports: dict[str, str], exports: dict[str, str], glue: str) -> None:
    """Every import the WASM asks for is a key the bindings provide, and every export the
    bindings read is one the WASM has."""
    for old, new in imports.items():
        if not re.search(rf"(?<![\w$]){re.escape(new)}\s*:", glue):
            raise NamesError(f"the bindings do not provide the import {old} (now {new})")
    known = set(exports.values())
    for used in set(re.findall(rf"(?<![\w$.])wasm\.({IDENTIFIER})", glue)):
        if used not in known:
            raise NamesError(f"the bindings read wasm.{used}, which the WASM does not export")
