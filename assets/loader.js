// Starts folio on its own page (index.html) or in a frame (embed.html), then keeps the
// page available offline through the service worker. Trunk writes the hashed names of the
// bindings and the WASM into the data attributes of the script tag that loads this file, so
// the page holds no inline script and runs under a strict Content Security Policy.

const tag = document.querySelector('script[data-folio-glue]');
const url = (name) => new URL(tag.dataset[name], document.baseURI).href;
// The WASM compiles while the bindings load. A release build's WASM is packed (a `.lzma`
// file), and unpack.js unpacks and compiles it as it arrives. Where a plain one cannot compile
// as it arrives (a server that does not send it as application/wasm), the bindings fetch it
// again and take the slower way.
const wasm = /\.lzma$/.test(tag.dataset.folioWasm)
  ? Promise.all([fetch(url('folioWasm')), import('./unpack.js')]).then(([response, { compile }]) => compile(response))
  : WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch(url('folioWasm'))).catch(() => url('folioWasm'))
    : url('folioWasm');
const bindings = await import(url('folioGlue'));
await bindings.default({ module_or_path: wasm });
bindings.start();

// Offline support, once the page has loaded and the browser is idle, so that the worker's
// download of the whole build does not compete with the first render. Where a service worker
// cannot run (file://, a sandboxed frame, a browser without them) the page simply stays
// online-only, so every failure here is silent.
const idle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 50));
const offline = () => {
  try {
    if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {
      register(navigator.serviceWorker).catch(() => {});
    }
  } catch {
    // A sandboxed frame throws on reaching navigator.serviceWorker.
  }
};
if (document.readyState === 'complete') idle(offline);
else addEventListener('load', () => idle(offline), { once: true });

async function register(container) {
  const registration = await container.register('sw.js');
  // A new deploy installs beside the running one and waits; the reader chooses when to
  // switch, and the whole page reloads then, so old code never meets new code.
  const offer = (worker) => {
    if (container.controller && worker) showBanner(worker);
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  // Look for a new deploy whenever the reader comes back to the page.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
}

function showBanner(worker) {
  if (document.querySelector('.folio-update')) return;
  const banner = document.createElement('div');
  banner.className = 'folio-update';
  banner.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version is available.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  let reloading = false;
  const reload = () => {
    if (!reloading) {
      reloading = true;
      location.reload();
    }
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', reload);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') reload();
    });
    worker.postMessage('folio:activate');
  });
  banner.append(text, ' ', button);
  document.body.append(banner);
}
