"""Tests of the packed WASM: what tools/pack.py packs, assets/unpack.js (with its decoder,
assets/unpack.wat, assembled as a release build does) unpacks to the same bytes, under every
LZMA setting the decoder takes, whether the file arrives whole, in pieces of any size or a byte
at a time; damaged input gives an error that says so, never a crash, a read or write out of
bounds, or a hang."""

import json
import random
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seal_dist  # noqa: E402
from pack import pack  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# Unpacks every file named in argv[3] (a JSON list) with the unpack.js in argv[2], writing the
# output beside it, or the error's message to the same name plus ".error". The file arrives in
# pieces of `argv[4]` bytes, or of random sizes up to 5,000 when that is 0, as from a network.
RUNNER = """
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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
        (folder / "unpack.js").write_text(seal_dist.unpacker(), encoding="utf-8")
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
            "not an LZMA stream": good[:5] + b"\x01" + good[6:],
            # lc = 4, lp = 1: more literal contexts than xz writes, or the decoder keeps room for.
            "settings are not supported": bytes([4 + 9 * 1]) + good[1:],
            "ends early": good[: len(good) // 2],
            "before its stated size": good[:1] + (len(text) + 10).to_bytes(4, "little") + good[5:],
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
            streams.append(bytes([rng.randrange(225)]) + size.to_bytes(4, "little") + b"\0" + body)
        for piece in (1 << 30, 0):
            for result in unpack_all(streams, piece):
                if isinstance(result, str):
                    self.assertRegex(result, r"^Error: the packed WASM is damaged: ")


if __name__ == "__main__":
    unittest.main()
