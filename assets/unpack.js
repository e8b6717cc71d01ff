// Unpacks the WASM of a release build, which tools/pack.py packs with LZMA: it travels about a
// sixth lighter than gzip makes it. The packed file is the LZMA properties byte, the unpacked
// size (4 bytes, little-endian), then the LZMA stream. The decoder is assets/unpack.wat, which
// tools/seal_dist.py assembles and writes in below as base64.

const DECODER = '__FOLIO_UNPACK__';
// The decoder's memory: its probabilities, then the packed stream, then the output.
const PROBABILITIES = 32768;
const PAGE = 65536;
const DAMAGE = [
  '',
  '',
  'a match reaches before the start',
  'a match runs past the end',
  'it ends early',
  'it is not an LZMA stream',
  'its LZMA settings are not supported',
  'it ends before its stated size',
];

/** The bytes packed in `packed` (an ArrayBuffer), or an error that says what is wrong. */
export async function unpack(packed) {
  const source = new Uint8Array(packed);
  const fail = (why) => new Error(`the packed WASM is damaged: ${why}`);
  if (source.length < 10) throw fail('it is too short');
  const size = (source[1] | (source[2] << 8) | (source[3] << 16) | (source[4] << 24)) >>> 0;
  const code = Uint8Array.from(atob(DECODER), (c) => c.charCodeAt(0));
  const { instance } = await WebAssembly.instantiate(code);
  const { memory, unpack: run } = instance.exports;
  const stream = source.length - 5;
  const output = PROBABILITIES + stream;
  const missing = output + size - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  new Uint8Array(memory.buffer, PROBABILITIES, stream).set(source.subarray(5));
  const status = run(PROBABILITIES, stream, output, size, source[0]);
  if (status) throw fail(DAMAGE[status] ?? `code ${status}`);
  return new Uint8Array(memory.buffer, output, size);
}

/** The WASM module packed in `response`, unpacked and compiled. */
export async function compile(response) {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  return WebAssembly.compile(await unpack(await response.arrayBuffer()));
}
