// Shared helpers for the end-to-end tests: a static file server over dist/,
// headless Chromium driven by playwright-core, and the checks every test
// repeats (the page loaded, no console or page errors, a section is in view).

import { createServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// FOLIO_DIST points the tests at another build (such as the one with search).
export const DIST = process.env.FOLIO_DIST ? resolve(process.env.FOLIO_DIST) : join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const NARROW = { width: 360, height: 740 };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.lzma': 'application/x-lzma',
};

/**
 * Serves `dir` on 127.0.0.1 at an ephemeral port, under the URL path `base`
 * ("/" or a subpath such as "/docs/explorer/"). A request for the base itself
 * gets index.html; anything outside the base or not in `dir` gets a 404.
 * `headers` are added to every response (such as a Content-Security-Policy);
 * `pages` maps other paths to { body, type }, for host pages beside the app.
 * With `gzip`, text and WASM go gzip-compressed to a browser that takes it, as
 * static hosts send them.
 * Returns { origin, url, close, deploy }, where `url` is the full URL of the
 * base and `deploy(dir)` serves another build from then on.
 */
export async function serveDist({ dir = DIST, base = '/', headers = {}, pages = {}, gzip = false } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with "/": ${base}`);
  }
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: run \`make dist\` first`);
  });
  let root = resolve(dir);
  const compressed = new Map();

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (pages[path]) {
      res.writeHead(200, { ...headers, 'Content-Type': pages[path].type, 'Cache-Control': 'no-store' });
      res.end(pages[path].body);
      return;
    }
    if (path === base.slice(0, -1) && base !== '/') {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    const relative = path.slice(base.length) || 'index.html';
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let body = await readFile(file);
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const compress = gzip && /^(text|application\/(wasm|json|manifest)|image\/svg)/.test(type)
        && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (compress) {
        // Compressed once per content, as a host's cache would, not on every request.
        const kept = compressed.get(file);
        if (!kept || !kept.raw.equals(body)) compressed.set(file, { raw: body, gz: gzipSync(body, { level: 9 }) });
        body = compressed.get(file).gz;
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        'Cache-Control': 'no-store',
        ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + base,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
    deploy: (next) => { root = resolve(next); },
  };
}

/** Starts headless Debian Chromium with the flags this closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (empty localStorage) and a page in it that records
 * every console error and uncaught page error in `errors`, and every Content
 * Security Policy violation in `window.__violations`.
 */
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light', ...options });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return { context, page, errors };
}

/**
 * Opens `url` in a fresh watched page (see `watchedPage`) and waits until the
 * app has rendered its sections. Returns { context, page, errors }.
 */
export async function openApp(browser, url, { viewport = DESKTOP, colorScheme = 'light' } = {}) {
  const opened = await watchedPage(browser, { viewport, colorScheme });
  await opened.page.goto(url);
  await waitForApp(opened.page);
  return opened;
}

/**
 * Loads `url` as a new document (not a same-document hash change, as a plain
 * goto to the same page with another hash would be) and waits for the app.
 */
export async function coldLoad(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await waitForApp(page);
}

/** Waits until the reading pane holds at least one rendered section. */
export async function waitForApp(page) {
  await page.waitForSelector('main section[data-section]', { state: 'attached', timeout: 15_000 });
}

/** The TOC's section links, as { href, doc, section, text, untitled }. */
export async function tocEntries(page) {
  const links = await page.$$eval('nav#toc[aria-label="Contents"] a[data-section]', (as) =>
    as.map((a) => ({
      href: a.getAttribute('href'),
      section: a.dataset.section,
      text: a.textContent.replace(/\s+/g, ' ').trim(),
      untitled: a.dataset.untitled === 'true',
    })));
  return links.map((link) => ({ ...link, doc: parseHash(link.href)?.doc }));
}

/** Splits a route `#/d/<doc>/<section>` into its parts, or null. */
export function parseHash(hash) {
  const m = /^#\/d\/([^/]+)\/([^/]+)$/.exec(hash ?? '');
  return m ? { doc: decodeURIComponent(m[1]), section: decodeURIComponent(m[2]) } : null;
}

/** The route of a section. */
export const route = (doc, section) => `#/d/${doc}/${section}`;

/** The current location hash of the page. */
export const currentHash = (page) => page.evaluate(() => location.hash);

/**
 * Waits until the heading of section `<doc>--<section>` has its top inside
 * the viewport (allowing for smooth scrolling), and fails otherwise.
 */
export async function waitInView(page, doc, section, timeout = 5_000) {
  await page.waitForFunction(
    (id) => {
      const el = document.getElementById(id);
      const heading = el?.querySelector('h1, h2, h3, h4, h5, h6');
      if (!heading) return false;
      const top = heading.getBoundingClientRect().top;
      return top >= -1 && top < window.innerHeight;
    },
    `${doc}--${section}`,
    { timeout, polling: 100 },
  ).catch(async () => {
    const top = await page.evaluate((id) =>
      document.getElementById(id)?.querySelector('h1, h2, h3, h4, h5, h6')?.getBoundingClientRect().top,
      `${doc}--${section}`);
    throw new Error(`section ${doc}--${section} is not in view (heading top: ${top})`);
  });
}

/**
 * Waits until `predicate(arg)`, run in the page, returns a truthy value, and
 * fails with `message` if it does not within `timeout` ms. The app renders
 * asynchronously, so checks that follow a click go through this.
 */
export async function until(page, message, predicate, arg = null, timeout = 3_000) {
  await page.waitForFunction(predicate, arg, { timeout, polling: 50 })
    .catch(() => assert.fail(message));
}

/** Waits until the location hash equals `hash`. */
export async function waitForHash(page, hash, timeout = 5_000) {
  await page.waitForFunction((h) => location.hash === h, hash, { timeout, polling: 50 })
    .catch(async () => {
      throw new Error(`expected hash ${hash}, got ${await currentHash(page)}`);
    });
}

/**
 * Registers before/after hooks for a test file that start a server over `dir` (dist/ unless
 * told; under `base`) and a browser, and returns `withApp(path, options, fn)`:
 * it opens the app at `base + path` in a fresh context, runs `fn(app)`, then
 * asserts that no console error or page error happened, and closes the context.
 * `app` is { context, page, errors, base }, `base` being the app's full URL.
 */
export function appFixture({ dir = DIST, base = '/' } = {}) {
  let server;
  let browser;
  before(async () => {
    server = await serveDist({ dir, base });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return async function withApp(path, options, fn) {
    const app = await openApp(browser, server.url + path, options);
    app.base = server.url;
    try {
      await fn(app);
      assert.deepEqual(app.errors, [], 'no console errors and no page errors');
    } finally {
      await app.context.close();
    }
  };
}

/** Saves a PNG of the page to target/screenshots/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
