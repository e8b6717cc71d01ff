// Unpacks the WASM of a release build, which tools/pack.py packs with LZMA: it travels about a
// sixth lighter than gzip makes it. The packed file is the LZMA properties byte, a layout byte
// (1 when the module was split into streams of like things before packing), the unpacked size
// (4 bytes, little-endian), then the LZMA stream. The decoder is assets/unpack.wat, which
// tools/seal_dist.py assembles into a file beside this one, named below after its content. It
// unpacks each piece of the file as it arrives; a module packed as it is is compiled by the
// browser as it is unpacked, a split one once its streams are joined, so most of the work
// happens during the download.

const DECODER = '__FOLIO_UNPACK__';
// The decoder's memory: its probabilities, then the output, then the packed stream.
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
  'its streams do not make a module',
  'there is no memory to unpack it',
];
const damaged = (why) => new Error(`the packed WASM is damaged: ${why}`);

/**
 * Unpacks the packed file read from `body` (a ReadableStream of bytes), handing each run of
 * unpacked bytes to `emit` as soon as it is ready. Rejects with an error that says what is
 * wrong with damaged input.
 */
export async function unpackStream(body, emit) {
  const decoder = await fetch(new URL(DECODER, import.meta.url));
  if (!decoder.ok) throw new Error(`${decoder.url}: HTTP ${decoder.status}`);
  const { instance } = await WebAssembly.instantiate(await decoder.arrayBuffer());
  const { memory, begin, run, produced, join } = instance.exports;
  const reader = body.getReader();
  let header = new Uint8Array(0);
  let end = -1;
  let sent = 0;
  let split = false;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    let piece = value ?? new Uint8Array(0);
    if (end < 0) {
      // The properties and the size first: they place the stream after the output.
      const joined = new Uint8Array(header.length + piece.length);
      joined.set(header);
      joined.set(piece, header.length);
      header = joined;
      if (header.length < 6) {
        if (done) throw damaged('it is too short');
        continue;
      }
      if (header[1] > 1) throw damaged('its layout is unknown');
      split = header[1] === 1;
      size = (header[2] | (header[3] << 8) | (header[4] << 16) | (header[5] << 24)) >>> 0;
      end = PROBABILITIES + size;
      const status = begin(PROBABILITIES, size, header[0], end);
      if (status) throw damaged(DAMAGE[status]);
      piece = header.subarray(6);
    }
    const missing = end + piece.length - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
    new Uint8Array(memory.buffer, end, piece.length).set(piece);
    end += piece.length;
    const status = run(end, done ? 1 : 0);
    if (status > 1) throw damaged(DAMAGE[status] ?? `code ${status}`);
    const now = produced();
    if (now > sent && !split) {
      emit(new Uint8Array(memory.buffer, PROBABILITIES + sent, now - sent).slice());
      sent = now;
    }
    if (status === 1) {
      reader.cancel().catch(() => {});
      if (split) {
        // The joined module goes after the packed input, its size the split form's first word.
        const joined = join(PROBABILITIES, size, end);
        if (joined) throw damaged(DAMAGE[joined]);
        const total = new DataView(memory.buffer).getUint32(PROBABILITIES, true);
        emit(new Uint8Array(memory.buffer, end, total).slice());
      }
      return;
    }
    if (done) throw damaged('it ends early');
  }
}

/** The WASM module packed in `response`, compiled as it is unpacked. */
export async function compile(response) {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  let output;
  const unpacked = new ReadableStream({ start: (controller) => { output = controller; } });
  const compiled = WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(new Response(unpacked, { headers: { 'Content-Type': 'application/wasm' } }))
    : new Response(unpacked).arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  try {
    await unpackStream(response.body, (bytes) => output.enqueue(bytes));
    output.close();
  } catch (error) {
    output.error(error);
    compiled.catch(() => {});
    throw error;
  }
  return compiled;
}
