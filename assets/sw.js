// folio's service worker: keeps one build of the app (its shell, WASM and corpus) in a cache
// of its own, named after the build's content hash, and serves it from there, so that the
// app works offline after one visit. A new build installs into a new cache and waits until
// the page asks it to take over; the old cache is then dropped whole.
//
// tools/seal_dist.py writes the version and the list of files below at build time.

const VERSION = '__FOLIO_VERSION__';
const FILES = __FOLIO_FILES__;

const SCOPE = new URL(self.registration.scope);
// Caches are shared by the whole origin: the scope keeps two copies of folio on one host
// (say /a/ and /b/) apart.
const PREFIX = `folio ${SCOPE.pathname} `;
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(
      keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
    )).then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'folio:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const file = url.pathname.slice(SCOPE.pathname.length) || 'index.html';
  if (!FILES.includes(file)) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(file))
      .then((cached) => cached ?? fetch(request)),
  );
});
