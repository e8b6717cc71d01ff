#!/usr/bin/env python3
"""Finishes a Trunk build (run by Trunk as its post_build hook, see Trunk.toml): joins the
stylesheets into one file; writes embed.html, the page for frames; mount.js, the module other
pages import; copies the images of the data folder into media/; and writes sw.js, the service
worker, with the build's version and the list of files it keeps offline.

A release build's bindings and WASM call each other by short names (tools/wasm_names.py), and
its scripts are minified by terser; the bindings and the WASM are then renamed after their new
content. A dev build's scripts only lose their comment lines and indentation.

The version is a hash of every file of the build, so any change to the code, the styles or
the corpus makes a new service worker and a new cache.

Usage: tools/seal_dist.py [build dir]   (default: $TRUNK_STAGING_DIR)
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from pack import pack
from wasm_names import NamesError, shorten

SOURCE = Path(os.environ.get("TRUNK_SOURCE_DIR", Path(__file__).resolve().parent.parent))
BIN = SOURCE / "node_modules" / ".bin"
TERSER = BIN / "terser"
# Generated here, so never part of the version (sw.js) or never offline (nothing).
WORKER = "sw.js"

# An attribute's value, quoted or not (a release build's page is minified).
VALUE = r'"?\.?/?([^"\s>]+)"?'
STYLESHEET = re.compile(r'<link\b[^>]*\brel="?stylesheet"?[^>]*>')


def attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}={VALUE}', tag)
    return found.group(1) if found else None


def compact(script: str) -> str:
    """The script without its comment lines (whole lines of `//` or `/* … */` only) and without
    indentation. Safe for these scripts, which hold no string or template spanning lines."""
    if any(line.count("`") % 2 for line in script.splitlines()):
        return script
    script = re.sub(r"(?m)^[ \t]*//.*\n", "", script)
    script = re.sub(r"(?ms)^[ \t]*/\*.*?\*/[ \t]*\n", "", script)
    return re.sub(r"(?m)^[ \t]+", "", script)


def minify(script: str, module: bool) -> str:
    """The script minified by terser: compressed, with its local names mangled."""
    if not TERSER.is_file():
        raise RuntimeError(f"{TERSER} is missing: run `make setup`")
    flags = ["--module"] if module else []
    done = subprocess.run([str(TERSER), *flags, "--compress", "--mangle"], input=script,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"terser failed: {done.stderr.strip()}")
    return done.stdout


# The decoder copies with `memory.copy`, as the app's own WASM does.
FEATURES = "--enable-bulk-memory-opt"


def decoder() -> bytes:
    """assets/unpack.wat assembled by wasm-as, then optimised for speed by wasm-opt: it runs
    before the page can show anything. (Inlining more made it larger and no faster on its first
    run, the one that counts.)"""
    for tool in ("wasm-as", "wasm-opt"):
        if not (BIN / tool).is_file():
            raise RuntimeError(f"{BIN / tool} is missing: run `make setup`")
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "unpack.wasm"
        for command in (
            [str(BIN / "wasm-as"), FEATURES, str(SOURCE / "assets" / "unpack.wat"), "-o",
             str(built)],
            [str(BIN / "wasm-opt"), FEATURES, "-O3", str(built), "-o", str(built)],
        ):
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"{Path(command[0]).name} failed on assets/unpack.wat: "
                                   f"{done.stderr.strip()}")
        return built.read_bytes()


def decoder_name(code: bytes) -> str:
    """The decoder's file name, after its content."""
    return f"unpack-{hashlib.sha256(code).hexdigest()[:16]}.wasm"


def unpacker(name: str) -> str:
    """assets/unpack.js with the name of its decoder's file written in. (A file of its own
    travels lighter than the same bytes in base64 in the script: 0.5 kB with gzip.)"""
    script = (SOURCE / "assets" / "unpack.js").read_text(encoding="utf-8")
    if "__FOLIO_UNPACK__" not in script:
        raise RuntimeError("assets/unpack.js has no place for its decoder (__FOLIO_UNPACK__)")
    return script.replace("__FOLIO_UNPACK__", f"./{name}")


def join_styles(folder: Path, index: str) -> tuple[str, list[str]]:
    """Joins the page's stylesheets, in page order, into one file named after its content: one
    request and one compressed stream instead of one per source file. Returns the page with
    one stylesheet link in place of the first one, and the names of the stylesheets."""
    tags = STYLESHEET.findall(index)
    names = [attribute(tag, "href") for tag in tags]
    if len(names) < 2 or None in names:
        return index, [n for n in names if n]
    css = b"\n".join((folder / name).read_bytes().rstrip() for name in names) + b"\n"
    name = f"folio-{hashlib.sha256(css).hexdigest()[:16]}.css"
    (folder / name).write_bytes(css)
    for old in names:
        (folder / old).unlink()
    link = f'<link rel="stylesheet" href="./{name}">'
    index = index.replace(tags[0], link, 1)
    for tag in tags[1:]:
        index = index.replace(tag, "", 1)
    return index, [name]


def data_folder() -> Path:
    """The folder the build reads: $FOLIO_DATA (relative to the project), else data/."""
    named = os.environ.get("FOLIO_DATA")
    return SOURCE / named if named else SOURCE / "data"


def fnv1a(text: str) -> str:
    """The 64-bit FNV-1a hash of the UTF-8 bytes of `text`, in hexadecimal."""
    key = 0xCBF29CE484222325
    for byte in text.encode():
        key = ((key ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{key:016x}"


def folder_key(data: Path) -> str:
    """The name build.rs gives its list of the images of `data`: the hash of its canonical
    path."""
    return fnv1a(str(data.resolve()))


def media_list(data: Path, target: Path) -> list[str]:
    """The images the build of `data` publishes, as build.rs listed them in `target`: the
    images of the folder but hidden ones and those it was asked to leave out (`.folioignore`)."""
    listed = target / "folio-media" / f"{folder_key(data)}.txt"
    if not listed.is_file():
        raise RuntimeError(f"no list of the images of {data} at {listed}: build the app again")
    text = listed.read_text(encoding="utf-8")
    return [path for path in text.split("\0") if path]


def copy_media(data: Path, target: Path, folder: Path) -> int:
    """Copies the images the build of `data` publishes into `folder`/media/ at the same paths.
    Returns how many."""
    paths = media_list(data, target)
    for relative in paths:
        destination = folder / "media" / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / relative, destination)
    return len(paths)


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    index = (folder / "index.html").read_text(encoding="utf-8")

    script = re.search(rf'<script\b[^>]*\bdata-folio-glue={VALUE}[^>]*>', index)
    glue = script and attribute(script.group(0), "data-folio-glue")
    wasm = script and attribute(script.group(0), "data-folio-wasm")
    if not (glue and wasm):
        print("seal_dist: index.html has no folio loader script", file=sys.stderr)
        return 1
    if "integrity=" in index:
        # The files are renamed and rewritten below, so hashes of them in the page would be stale.
        print("seal_dist: index.html has integrity hashes; set no_sri in Trunk.toml", file=sys.stderr)
        return 1
    index, styles = join_styles(folder, index)

    release = os.environ.get("TRUNK_PROFILE") == "release"
    finish = minify if release else (lambda script, module: compact(script))

    # The bindings and the WASM: short names and minified in a release, then named after their
    # content; the page's links follow the new names.
    code = (folder / glue).read_text(encoding="utf-8")
    binary = (folder / wasm).read_bytes()
    wasm_suffix = "_bg.wasm"
    if release:
        try:
            binary, code = shorten(binary, code)
        except NamesError as error:
            print(f"seal_dist: {wasm}: {error}", file=sys.stderr)
            return 1
        binary, wasm_suffix = pack(binary), ".lzma"
        code_of_decoder = decoder()
        (folder / decoder_name(code_of_decoder)).write_bytes(code_of_decoder)
        (folder / "unpack.js").write_text(finish(unpacker(decoder_name(code_of_decoder)), True),
                                          encoding="utf-8")
    code = finish(code, True).encode()
    renamed = {}
    for old, data, suffix in ((glue, code, ".js"), (wasm, binary, wasm_suffix)):
        new = old
        if release:
            # Trunk's hash is a 64-bit number in hexadecimal, without leading zeros.
            stem = re.sub(r"(-[0-9a-f]{1,16})?(_bg)?\.(js|wasm)$", "", old)
            new = f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
        (folder / old).unlink()
        (folder / new).write_bytes(data)
        renamed[old] = new
        index = re.sub(rf"(?<![\w.-]){re.escape(old)}(?![\w.-])", new, index)
    if wasm_suffix != "_bg.wasm":
        # The packed file is not WASM: its preload must not claim the type. Its decoder is
        # preloaded beside it, as unpack.js asks for it only once loaded itself.
        index = re.sub(rf'(<link\b[^>]*{re.escape(renamed[wasm])}[^>]*?)\s*\btype="?application/wasm"?',
                       r"\1", index)
        index, found = re.subn(
            rf'<link\b[^>]*{re.escape(renamed[wasm])}[^>]*>',
            lambda m: m.group(0) + f'<link rel=preload as=fetch crossorigin '
                                   f'href=./{decoder_name(code_of_decoder)}>',
            index, count=1)
        if not found:
            print(f"seal_dist: no preload of {renamed[wasm]} in index.html", file=sys.stderr)
            return 1
    glue, wasm = renamed[glue], renamed[wasm]
    (folder / "index.html").write_text(index, encoding="utf-8")

    # The frame page: the same page, marked so that the app starts in embed mode.
    embed = index.replace("<body>", "<body data-folio-embed>", 1)
    (folder / "embed.html").write_text(embed, encoding="utf-8")

    mount = (SOURCE / "assets" / "mount.js").read_text(encoding="utf-8")
    mount = (mount.replace("__FOLIO_GLUE__", glue).replace("__FOLIO_WASM__", wasm)
             .replace("__FOLIO_STYLES__", json.dumps(styles)))
    (folder / "mount.js").write_text(finish(mount, True), encoding="utf-8")

    loader = folder / "loader.js"
    if loader.is_file():
        loader.write_text(finish(loader.read_text(encoding="utf-8"), True), encoding="utf-8")
    manifest = folder / "manifest.webmanifest"
    if release and manifest.is_file():
        text = json.dumps(json.loads(manifest.read_text(encoding="utf-8")), separators=(",", ":"),
                          ensure_ascii=False)
        manifest.write_text(text, encoding="utf-8")

    target = SOURCE / os.environ.get("CARGO_TARGET_DIR", "target")
    media = copy_media(data_folder(), target, folder)

    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                   if p.is_file() and p.name != WORKER)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    version = digest.hexdigest()[:16]

    worker = (SOURCE / "assets" / WORKER).read_text(encoding="utf-8")
    worker = (worker.replace("__FOLIO_VERSION__", version)
              .replace("__FOLIO_FILES__", json.dumps([quote(name) for name in files])))
    (folder / WORKER).write_text(finish(worker, False), encoding="utf-8")
    print(f"seal_dist: version {version}, {len(files)} files kept offline, "
          f"{len(styles)} stylesheet(s), {media} image(s) of the data folder")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as error:
        print(f"seal_dist: {error}", file=sys.stderr)
        sys.exit(1)
