// folio as an ES module for other pages: `mount(element, options)` renders an explorer into
// `element`, inside a shadow root so that the page's styles and folio's stay apart. Several
// explorers may share a page. See README.md, "Embedding", for the options and the handle.
//
// tools/seal_dist.py fills in the hashed file names at build time.

const GLUE = '__FOLIO_GLUE__';
const WASM = '__FOLIO_WASM__';
const STYLES = __FOLIO_STYLES__;

const here = (name) => new URL(name, import.meta.url).href;
let ready;

function start() {
  if (!ready) {
    // The WASM compiles while the bindings load; a packed one as it is unpacked (see loader.js).
    const wasm = /\.lzma$/.test(WASM)
      ? Promise.all([fetch(here(WASM)), import('./unpack.js')]).then(([response, { compile }]) => compile(response))
      : WebAssembly.compileStreaming
        ? WebAssembly.compileStreaming(fetch(here(WASM))).catch(() => here(WASM))
        : here(WASM);
    ready = import(here(GLUE)).then(async (bindings) => {
      await bindings.default({ module_or_path: wasm });
      return bindings;
    });
  }
  return ready;
}

/**
 * Renders an explorer into `element` and resolves to a handle with `open(doc, section)`,
 * `search(query)`, `topics(ids)` and `destroy()`.
 *
 * options: { doc, section, query, topics, theme: 'light' | 'dark', syncHash: false,
 *            onLocation: ({ doc, section }) => {} }
 */
export async function mount(element, options = {}) {
  const bindings = await start();
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const loaded = STYLES.map((name) => new Promise((done) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = here(name);
    link.addEventListener('load', done);
    link.addEventListener('error', done);
    shadow.append(link);
  }));
  await Promise.all(loaded);
  const root = document.createElement('div');
  shadow.append(root);
  return bindings.mount(root, options);
}
