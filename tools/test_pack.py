"""Tests of the packed WASM: what tools/pack.py packs, assets/unpack.js (with its decoder,
assets/unpack.wat, assembled as a release build does) unpacks to the same bytes, under every
LZMA setting the decoder takes, whether the file arrives whole, in pieces of any size or a byte
at a time, and whether it is a module split into streams or any other file; damaged input gives
an error that says so, never a crash, a read or write out of bounds, or a hang."""

import json
import random
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seal_dist  # noqa: E402
from pack import SPLIT, AS_IS, Unsplittable, join, pack, packed, reorder, split  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# Unpacks every file named in argv[3] (a JSON list) with the unpack.js in argv[2], writing the
# output beside it, or the error's message to the same name plus ".error". The file arrives in
# pieces of `argv[4]` bytes, or of random sizes up to 5,000 when that is 0, as from a network.
RUNNER = """
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
// node's fetch does not read files: unpack.js fetches its decoder beside it.
globalThis.fetch = async (url) => new Response(readFileSync(fileURLToPath(url)));
const { unpackStream } = await import(pathToFileURL(process.argv[2]).href);
const piece = Number(process.argv[4]);
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (const name of JSON.parse(process.argv[3])) {
  const data = readFileSync(name);
  const body = new ReadableStream({
    start(controller) {
      for (let at = 0; at < data.length;) {
        const size = piece || 1 + Math.floor(random() * 5000);
        controller.enqueue(new Uint8Array(data.subarray(at, at + size)));
        at += size;
      }
      controller.close();
    },
  });
  const parts = [];
  try {
    await unpackStream(body, (bytes) => parts.push(Buffer.from(bytes)));
    writeFileSync(name + '.out', Buffer.concat(parts));
  } catch (error) {
    writeFileSync(name + '.error', `${error.name}: ${error.message}`);
  }
}
"""


def unpack_all(packed: list[bytes], piece: int = 1 << 30) -> list[bytes | str]:
    """Each of `packed` unpacked by unpack.js under node, arriving in pieces of `piece` bytes
    (0: of random sizes): the bytes, or the error."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        code = seal_dist.decoder()
        (folder / seal_dist.decoder_name(code)).write_bytes(code)
        (folder / "unpack.js").write_text(seal_dist.unpacker(seal_dist.decoder_name(code)),
                                          encoding="utf-8")
        (folder / "run.mjs").write_text(RUNNER, encoding="utf-8")
        names = []
        for i, data in enumerate(packed):
            name = folder / f"{i}.lzma"
            name.write_bytes(data)
            names.append(str(name))
        done = subprocess.run(["node", str(folder / "run.mjs"), str(folder / "unpack.js"),
                               json.dumps(names), str(piece)], capture_output=True, text=True,
                              timeout=300,
                              check=False)
        if done.returncode != 0:
            raise AssertionError(f"node failed: {done.stderr}")
        results = []
        for name in names:
            out, error = Path(name + ".out"), Path(name + ".error")
            results.append(out.read_bytes() if out.is_file() else error.read_text())
        return results


def samples() -> dict[str, bytes]:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(70_000))
    # Pieces repeated at near and far distances: short and long matches, every kind of repeat.
    pieces = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) for _ in range(40)]
    mixed = b"".join(rng.choice(pieces) + bytes([rng.randrange(256)]) for _ in range(3000))
    sources = b"".join(p.read_bytes() for p in sorted((ROOT / "crates").rglob("*.rs")))
    return {
        "empty": b"",
        "one byte": b"a",
        "one run": b"z" * 100_000,
        "text": b"The PTCL strike. The character of the PPP. " * 500,
        "noise": noise,
        "mixed": mixed,
        "sources": sources,
    }


# A module with every kind of instruction the splitter reads: blocks of each type, every
# immediate, the 0xFC instructions, a function with no locals and one with many.
MODULE = """
(module
  (type $pair (func (param i32 i64) (result i32)))
  (type $two (func (result i32 i32)))
  (import "env" "f" (func $imported (param i32) (result i32)))
  (memory 1 2)
  (table $t 4 8 funcref)
  (table $u 2 externref)
  (global $g (mut i32) (i32.const 7))
  (global $h (mut i64) (i64.const -1))
  (elem $e func $first $second)
  (data $d "folio")
  (func $first (type $pair)
    (local $a i32) (local $b i64) (local $c f32) (local $d f64) (local $x i32) (local $y i32)
    (block $out
      (loop $again
        (br_if $again (i32.eqz (local.get 0)))
        (block $inner
          (br_table $inner $out $inner (local.get 0)))))
    (if (result i32) (local.get 0)
      (then (i32.const 1))
      (else (i32.const 2))))
  (func $second (result i32 i32)
    (block $b (type $two) (i32.const 1) (i32.const 2)))
  (func (export "third") (param $p i32) (result i32)
    (local $big i32)
    (local.set $big (i32.const 123456789))
    (local.tee $big (i32.add (local.get $big) (global.get $g)))
    (global.set $g)
    (drop (i64.const -1234567890123))
    (drop (f32.const 1.5))
    (drop (f64.const -2.25))
    (drop (f32.add (f32.const 1) (f32.const 2)))
    (i32.store offset=65536 align=2 (i32.const 0) (i32.load8_u offset=3 (i32.const 1)))
    (i64.store (i32.const 8) (i64.load32_s offset=100000 (i32.const 0)))
    (drop (memory.grow (memory.size)))
    (memory.init $d (i32.const 0) (i32.const 0) (i32.const 5))
    (data.drop $d)
    (memory.copy (i32.const 0) (i32.const 10) (i32.const 5))
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 5))
    (table.init $t $e (i32.const 0) (i32.const 0) (i32.const 2))
    (elem.drop $e)
    (table.copy $t $t (i32.const 0) (i32.const 1) (i32.const 1))
    (drop (table.grow $t (ref.null func) (i32.const 1)))
    (drop (table.size $u))
    (table.fill $t (i32.const 0) (ref.func $first) (i32.const 1))
    (table.set $t (i32.const 1) (table.get $t (i32.const 0)))
    (drop (ref.is_null (ref.null extern)))
    (drop (i32.trunc_sat_f32_s (f32.const 3.7)))
    (drop (i64.trunc_sat_f64_u (f64.const 3.7)))
    (drop (call_indirect $t (type $pair) (i32.const 1) (i64.const 2) (i32.const 0)))
    (drop (select (result i32) (i32.const 1) (i32.const 2) (local.get $p)))
    (drop (select (i32.const 1) (i32.const 2) (local.get $p)))
    (drop (call $imported (i32.extend8_s (local.get $p))))
    (if (local.get $p) (then (unreachable)))
    (nop)
    (return (call $first (local.get $p) (i64.const 0)))))
"""


# Functions whose code begins differently, calling each other directly, through a table and by
# `ref.func`, one of them the start function and some exported: what each export returns
# shows whether every reference still names the same function.
CALLS = """
(module
  (type $n (func (result i32)))
  (import "env" "base" (func $base (result i32)))
  (table $t 3 funcref)
  (elem (i32.const 0) $seven $add $twice)
  (elem declare func $twice)
  (global $started (mut i32) (i32.const 0))
  (func $twice (type $n) (i32.mul (call $seven) (i32.const 2)))
  (func $seven (type $n) (i32.const 7))
  (func $add (type $n) (local i64) (i32.add (call $base) (call $seven)))
  (func $start (global.set $started (i32.const 40)))
  (func (export "direct") (result i32) (i32.add (call $twice) (global.get $started)))
  (func (export "table") (result i32)
    (i32.add (call_indirect $t (type $n) (i32.const 1))
      (call_indirect $t (type $n) (i32.const 2))))
  (func (export "ref") (result i32)
    (table.set $t (i32.const 0) (ref.func $twice))
    (call_indirect $t (type $n) (i32.const 0)))
  (export "seven" (func $seven))
  (start $start))
"""


def run_exports(modules: list[bytes]) -> list[dict]:
    """What every export of each module returns, run in node."""
    script = """
    const results = [];
    for (const hex of JSON.parse(process.argv[1])) {
      const { instance } = await WebAssembly.instantiate(Buffer.from(hex, 'hex'),
        { env: { base: () => 100 } });
      const out = {};
      for (const [name, f] of Object.entries(instance.exports)) out[name] = f();
      results.push(out);
    }
    console.log(JSON.stringify(results));
    """
    done = subprocess.run(["node", "--input-type=module", "-e", script,
                           json.dumps([m.hex() for m in modules])],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def assemble(text: str, *flags: str) -> bytes:
    """A module assembled from WebAssembly text by wasm-as."""
    with tempfile.TemporaryDirectory() as tmp:
        source, built = Path(tmp) / "m.wat", Path(tmp) / "m.wasm"
        source.write_text(text, encoding="utf-8")
        subprocess.run([str(seal_dist.BIN / "wasm-as"), "--all-features", *flags, source, "-o",
                        built], check=True, capture_output=True)
        return built.read_bytes()


class Split(unittest.TestCase):
    def test_a_module_comes_back_whole_from_its_streams(self):
        module = assemble(MODULE)
        form = split(module)
        self.assertEqual(join(form), module)
        self.assertEqual(pack(module)[1], SPLIT)
        decoder = seal_dist.decoder()
        self.assertEqual(join(split(decoder)), decoder)
        for piece in (1 << 30, 0, 1):
            with self.subTest(piece=piece):
                self.assertEqual(unpack_all([pack(module), pack(decoder)], piece),
                                 [reorder(module), reorder(decoder)])

    def test_reordered_functions_do_what_they_did(self):
        module = assemble(CALLS)
        moved = reorder(module)
        self.assertNotEqual(moved, module, "the functions kept their order")
        self.assertEqual(len(moved), len(module))
        self.assertEqual(run_exports([module, moved]), run_exports([module])[0:1] * 2)
        # A module with a section of names is packed in its own order.
        named = assemble(CALLS, "-g")
        with self.assertRaises(Unsplittable):
            reorder(named)
        self.assertEqual(unpack_all([pack(named)]), [named])

    def test_what_the_splitter_does_not_read_is_packed_as_it_is(self):
        simd = assemble('(module (func (result v128) (v128.const i32x4 1 2 3 4)))')
        with self.assertRaises(Unsplittable):
            split(simd)
        not_wasm = b"\0asm but not a module"
        for data in (simd, not_wasm, b"\0asm\x01\0\0\0"):
            with self.subTest(data=data[:12]):
                self.assertEqual(pack(data)[1], AS_IS)
                self.assertEqual(unpack_all([pack(data)]), [data])

    def test_damaged_streams_are_named_as_such(self):
        form = split(assemble(MODULE))
        header, body = bytearray(form[:64]), form[64:]
        cases = []
        for field in range(16):
            for change in (1, -1, 1 << 20):
                damaged = bytearray(header)
                number = int.from_bytes(damaged[4 * field:4 * field + 4], "little") + change
                damaged[4 * field:4 * field + 4] = (number % (1 << 32)).to_bytes(4, "little")
                cases.append(bytes(damaged) + body)
        cases += [form[:n] for n in (0, 10, 63, 64, 100, len(form) - 1)]
        rng = random.Random(5)
        for _ in range(200):
            damaged = bytearray(form)
            damaged[rng.randrange(64, len(form))] = rng.randrange(256)
            cases.append(bytes(damaged))
        results = unpack_all([packed(case, SPLIT) for case in cases])
        for case, result in zip(cases, results):
            if isinstance(result, bytes):
                # A changed byte that still makes a module (a constant, an index) is joined.
                self.assertEqual(result, join(case))
            else:
                self.assertRegex(result, "^Error: the packed WASM is damaged: its streams do not "
                                         "make a module|there is no memory")
        self.assertTrue(any(isinstance(r, str) for r in results[:48]))


class Unpack(unittest.TestCase):
    def test_what_pack_packs_unpacks_to_the_same_bytes(self):
        inputs = samples()
        settings = [{}, {"lc": 0, "lp": 0, "pb": 0}, {"lc": 1, "lp": 2, "pb": 3},
                    {"lc": 4, "lp": 0, "pb": 4}, {"lc": 0, "lp": 4, "pb": 2}]
        cases = [(name, setting) for name in inputs for setting in settings]
        packed = [pack(inputs[name], **setting) for name, setting in cases]
        for piece in (1 << 30, 0, 1):
            results = unpack_all(packed if piece != 1 else packed[:10], piece)
            for (name, setting), result in zip(cases, results):
                with self.subTest(input=name, setting=setting, piece=piece):
                    self.assertIsInstance(result, bytes, result)
                    self.assertEqual(result, inputs[name])

    def test_the_packed_wasm_is_smaller_than_gzip_makes_it(self):
        import gzip
        data = samples()["sources"]
        self.assertLess(len(pack(data)), len(gzip.compress(data, 9)) * 0.9)

    def test_damaged_input_is_named_as_such(self):
        text = samples()["text"] + samples()["noise"][:5000]
        good = pack(text)
        cases = {
            "too short": good[:4],
            "not an LZMA stream": good[:6] + b"\x01" + good[7:],
            # lc = 4, lp = 1: more literal contexts than xz writes, or the decoder keeps room for.
            "settings are not supported": bytes([4 + 9 * 1]) + good[1:],
            "ends early": good[: len(good) // 2],
            "before its stated size": good[:2] + (len(text) + 10).to_bytes(4, "little") + good[6:],
            "layout is unknown": good[:1] + b"\x02" + good[2:],
        }
        for piece in (1 << 30, 0):
            results = unpack_all(list(cases.values()), piece)
            for (why, _), result in zip(cases.items(), results):
                with self.subTest(why=why, piece=piece):
                    self.assertIsInstance(result, str, "damaged input unpacked")
                    self.assertRegex(result, rf"^Error: the packed WASM is damaged: .*{why}")

    def test_random_streams_fail_cleanly(self):
        rng = random.Random(11)
        streams = []
        for _ in range(300):
            size = rng.randrange(0, 5000)
            body = bytes(rng.randrange(256) for _ in range(rng.randrange(5, 400)))
            streams.append(bytes([rng.randrange(225), rng.randrange(2)]) + size.to_bytes(4, "little")
                           + b"\0" + body)
        for piece in (1 << 30, 0):
            for result in unpack_all(streams, piece):
                if isinstance(result, str):
                    self.assertRegex(result, r"^Error: the packed WASM is damaged: ")


if __name__ == "__main__":
    unittest.main()
