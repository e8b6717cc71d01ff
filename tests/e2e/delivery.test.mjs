// Delivery: dist/ served from a subpath under a strict Content Security Policy,
// offline after one visit through the service worker, and the switch to a new
// deploy (target/e2e/dist-next/, from `make dist-next`) only when the reader
// accepts it, as a whole.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ROOT, currentHash, launchBrowser, screenshot, serveDist, until, waitForApp, waitInView, watchedPage,
} from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const BASE = '/docs/explorer/';
const NEXT = join(ROOT, 'target', 'e2e', 'dist-next');
const FIELD = 'input[type="search"][aria-label="Search"]';
const OPTIONS = '[role="region"][aria-label="Search results"] [role="option"]';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/**
 * Opens `url` in a fresh context and records console errors, page errors and
 * CSP violations (as `securitypolicyviolation` events) in `problems`.
 */
async function openWatched(url, { wait = waitForApp } = {}) {
  const { context, page, errors: problems } = await watchedPage(browser);
  await page.goto(url);
  await wait(page);
  return { context, page, problems };
}

/** Fails on any console error, page error or CSP violation so far. */
async function assertClean(page, problems) {
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], 'no Content Security Policy violations');
  assert.deepEqual(problems, [], 'no console errors and no page errors');
}

/** Waits until a service worker controls the scope and has its cache filled. */
const workerReady = (page) => page.evaluate(async () => {
  const { active } = await navigator.serviceWorker.ready;
  if (active.state !== 'activated') {
    await new Promise((done) => active.addEventListener('statechange', () => {
      if (active.state === 'activated') done();
    }));
  }
  return active.state;
});

const hasSearch = async (page) => (await page.locator(FIELD).count()) > 0;

/** Types a word from the page into the search field and waits for results. */
async function searchWorks(page) {
  const word = await page.$eval('main section[data-section] p', (p) =>
    p.textContent.split(/\W+/).find((w) => w.length > 6));
  await page.locator(FIELD).fill(word);
  await until(page, `results for "${word}"`, (sel) => document.querySelectorAll(sel).length > 0, OPTIONS);
}

test('dist/ served from a subpath under a strict CSP renders, navigates and searches', async () => {
  const server = await serveDist({ base: BASE, headers: { 'Content-Security-Policy': CSP } });
  const { context, page, problems } = await openWatched(server.url);
  try {
    assert.ok(page.url().endsWith(BASE), 'the app is at the subpath');
    // Every request stayed under the subpath.
    const outside = await page.evaluate((base) => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname).filter((p) => !p.startsWith(base)), BASE);
    assert.deepEqual(outside, [], 'no request outside the subpath');

    const links = page.locator('nav#toc a[data-section]');
    const count = await links.count();
    const link = links.nth(Math.min(2, count - 1));
    const href = await link.getAttribute('href');
    await link.click();
    await until(page, `the hash becomes ${href}`, (h) => location.hash === h, href);
    const [, doc, section] = /^#\/d\/([^/]+)\/([^/?]+)/.exec(href);
    await waitInView(page, decodeURIComponent(doc), decodeURIComponent(section));

    if (await hasSearch(page)) await searchWorks(page);
    else assert.ok(!process.env.FOLIO_EXPECT_SEARCH, 'the build has a search field');

    // The frame page works under the same policy.
    await page.goto(`${server.url}embed.html`);
    await waitForApp(page);
    await screenshot(page, 'delivery-csp');
    await assertClean(page, problems);
  } finally {
    await context.close();
    await server.close();
  }
});

test('where no service worker may run, the app still works online, silently', async () => {
  const server = await serveDist({ base: BASE, headers: { 'Content-Security-Policy': CSP } });
  const { context, page, errors: problems } = await watchedPage(browser, { serviceWorkers: 'block' });
  try {
    await page.goto(server.url);
    await waitForApp(page);
    const link = page.locator('nav#toc a[data-section]').nth(1);
    const href = await link.getAttribute('href');
    await link.click();
    await until(page, `the hash becomes ${href}`, (h) => location.hash === h, href);
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
    assert.equal(controlled, false, 'no service worker controls the page');
    assert.deepEqual(problems, [], 'no console errors and no page errors');
  } finally {
    await context.close();
    await server.close();
  }
});

test('after one visit the app works offline, search included', async () => {
  const server = await serveDist({ base: BASE });
  const { context, page, problems } = await openWatched(server.url);
  try {
    assert.equal(await workerReady(page), 'activated');
    const title = await page.$eval('main h1', (h) => h.textContent);
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.$eval('main h1', (h) => h.textContent), title, 'the same document offline');
    if (await hasSearch(page)) await searchWorks(page);
    await screenshot(page, 'delivery-offline');
    assert.deepEqual(problems, [], 'no console errors and no page errors');
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new deploy is offered, and taken whole only when the reader reloads', async (t) => {
  const next = await readFile(join(NEXT, 'index.html'), 'utf8').catch(() => null);
  if (!next) {
    assert.ok(!process.env.CI, 'target/e2e/dist-next is missing');
    t.skip('run `make dist-next` first');
    return;
  }
  const server = await serveDist({ base: BASE });
  const { context, page, problems } = await openWatched(server.url);
  try {
    await workerReady(page);
    const before = await page.$eval('main h1', (h) => h.textContent);
    const hash = await currentHash(page);

    server.deploy(NEXT);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const banner = page.locator('.folio-update[role="status"]');
    await banner.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await banner.textContent(), /A new version is available/);
    // Nothing changed under the reader meanwhile.
    assert.equal(await page.$eval('main h1', (h) => h.textContent), before);
    assert.equal(await currentHash(page), hash);
    await screenshot(page, 'delivery-update');

    await Promise.all([page.waitForEvent('load'), banner.locator('button').click()]);
    await waitForApp(page);
    await until(page, 'the new corpus shows',
      () => [...document.querySelectorAll('nav#toc a')].some((a) => /second edition/i.test(a.textContent)));
    // Every script, WASM and style of the new page is of the new build.
    const names = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop())
      .filter((n) => /\.(js|wasm|lzma|css)$/.test(n)));
    // The worker, the loader and the unpacker keep their names from build to build.
    const mixed = names.filter((n) => !['sw.js', 'loader.js', 'unpack.js'].includes(n) && !next.includes(n));
    assert.deepEqual(mixed, [], 'no file of the old build in the new page');
    // A release build's WASM travels packed, and unpack.js unpacks it.
    assert.ok(names.some((n) => n.endsWith('.lzma')), 'the packed WASM was loaded');
    assert.ok(names.includes('unpack.js'), 'the unpacker was loaded');
    assert.deepEqual(problems, [], 'no console errors and no page errors');
  } finally {
    await context.close();
    await server.close();
  }
});
