// Routing in the hash: deep links, reloads, history, the prev/next pager and its keys.

import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ROOT, appFixture, coldLoad, currentHash, route, tocEntries, until, waitForHash, waitInView,
} from './helpers.mjs';

const withApp = appFixture();

test('a deep link lands on its section and survives a reload', () =>
  withApp('', {}, async ({ page, base }) => {
    const ptcl = (await tocEntries(page)).find((e) => e.text === 'The PTCL strike');
    assert.ok(ptcl, 'a TOC entry "The PTCL strike"');
    const hash = route(ptcl.doc, ptcl.section);

    await coldLoad(page, base + hash);
    await waitInView(page, ptcl.doc, ptcl.section);
    assert.equal(await currentHash(page), hash);

    await page.reload();
    await page.waitForSelector('main section[data-section]', { state: 'attached' });
    await waitInView(page, ptcl.doc, ptcl.section);
    assert.equal(await currentHash(page), hash);
  }));

test('back and forward move between visited sections', () =>
  withApp('', {}, async ({ page }) => {
    const entries = await tocEntries(page);
    const [a, b] = [entries[3], entries[9]];

    await page.click(`nav#toc a[data-section="${a.section}"]`);
    await waitForHash(page, route(a.doc, a.section));
    await waitInView(page, a.doc, a.section);
    await page.click(`nav#toc a[data-section="${b.section}"]`);
    await waitForHash(page, route(b.doc, b.section));
    await waitInView(page, b.doc, b.section);

    await page.goBack();
    await waitForHash(page, route(a.doc, a.section));
    await waitInView(page, a.doc, a.section);

    await page.goForward();
    await waitForHash(page, route(b.doc, b.section));
    await waitInView(page, b.doc, b.section);
  }));

test('the pager links to the next and the previous section', () =>
  withApp('', {}, async ({ page, base }) => {
    const entries = await tocEntries(page);
    const here = entries[5];
    const next = entries[6];
    await coldLoad(page, base + route(here.doc, here.section));
    await waitInView(page, here.doc, here.section);

    const pager = (e) => `[id="${e.doc}--${e.section}"] nav.pager`;
    assert.equal(await page.getAttribute(`${pager(here)} a[rel="next"]`, 'href'), route(next.doc, next.section));
    await page.click(`${pager(here)} a[rel="next"]`);
    await waitForHash(page, route(next.doc, next.section));
    await waitInView(page, next.doc, next.section);

    await page.click(`${pager(next)} a[rel="prev"]`);
    await waitForHash(page, route(here.doc, here.section));
    await waitInView(page, here.doc, here.section);

    const first = entries[0];
    const last = entries[entries.length - 1];
    assert.equal(await page.locator(`${pager(first)} a[rel="prev"]`).count(), 0, 'no prev on the first section');
    assert.equal(await page.locator(`${pager(first)} a[rel="next"]`).count(), 1, 'next on the first section');
    assert.equal(await page.locator(`${pager(last)} a[rel="next"]`).count(), 0, 'no next on the last section');
    assert.equal(await page.locator(`${pager(last)} a[rel="prev"]`).count(), 1, 'prev on the last section');
  }));

test('the arrow keys go to the next and the previous section, but not while typing', () =>
  withApp('', {}, async ({ page, base }) => {
    const entries = await tocEntries(page);
    const [before, here, after] = entries.slice(4, 7);
    await coldLoad(page, base + route(here.doc, here.section));
    await waitInView(page, here.doc, here.section);

    await page.keyboard.press('ArrowRight');
    await waitForHash(page, route(after.doc, after.section));
    await waitInView(page, after.doc, after.section);
    await page.keyboard.press('ArrowLeft');
    await waitForHash(page, route(here.doc, here.section));
    await waitInView(page, here.doc, here.section);
    await page.keyboard.press('ArrowLeft');
    await waitForHash(page, route(before.doc, before.section));
    await waitInView(page, before.doc, before.section);

    // With Shift the arrows select text; in a field they move the caret.
    await page.keyboard.press('Shift+ArrowRight');
    await page.focus('input[aria-label="Filter topics"]');
    await page.keyboard.type('ab');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    assert.equal(await currentHash(page), route(before.doc, before.section));

    // Back returns to where the keys came from: each step was a visit.
    await page.goBack();
    await waitForHash(page, route(here.doc, here.section));
  }));

test('an empty route shows the first document from the top', () =>
  withApp('#/', {}, async ({ page, base }) => {
    assert.equal(await page.locator('main section[data-section]').count(), 14);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await coldLoad(page, base);
    assert.equal(await page.locator('main section[data-section]').count(), 14);
  }));

const underSubpath = appFixture({ base: '/docs/explorer/' });

test('the app works when served under a subpath', () =>
  underSubpath('', {}, async ({ page }) => {
    const entries = await tocEntries(page);
    assert.equal(entries.length, 14);
    const target = entries[6];
    await page.click(`nav#toc a[data-section="${target.section}"]`);
    await waitForHash(page, route(target.doc, target.section));
    await waitInView(page, target.doc, target.section);
    assert.ok(page.url().includes('/docs/explorer/#/d/'), `URL keeps the subpath: ${page.url()}`);
  }));

// The second deploy (target/e2e/dist-next/, from `make dist-next`): a small Markdown corpus.
const NEXT = join(ROOT, 'target', 'e2e', 'dist-next');
const withNextApp = appFixture({ dir: NEXT });

/** Runs `fn` as `withApp` does, on the second deploy; skipped outside CI when it is missing. */
async function withNext(t, path, options, fn) {
  if (!(await stat(join(NEXT, 'index.html')).catch(() => null))) {
    assert.ok(!process.env.CI, 'target/e2e/dist-next is missing');
    t.skip('run `make dist-next` first');
    return;
  }
  await withNextApp(path, options, fn);
}

test('a link between Markdown documents opens the section it names', (t) =>
  withNext(t, '#/d/update-notes', {}, async ({ page }) => {
    const link = page.locator('main p a', { hasText: 'what changed' });
    assert.equal(await link.getAttribute('href'), route('second-edition', 'what-changed'));
    await link.click();
    await waitForHash(page, route('second-edition', 'what-changed'));
    await waitInView(page, 'second-edition', 'what-changed');
    assert.equal(
      await page.$eval('nav#toc a[aria-current]', (a) => a.textContent.trim()),
      'What changed',
    );
    await page.goBack();
    await waitForHash(page, '#/d/update-notes');
    // A link to the old name a page keeps before a heading opens that heading's section.
    const old = page.locator('main p a', { hasText: 'the first steps' });
    assert.equal(await old.getAttribute('href'), route('web-page', 'getting-started'));
  }));

test('what .folioignore names is neither a document nor published', (t) =>
  withNext(t, '', {}, async ({ page }) => {
    const entries = await page.$$eval('nav#toc a[href^="#/d/"]',
      (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(entries.some((href) => href.startsWith('#/d/web-page')), `${entries}`);
    assert.ok(!entries.some((href) => href.startsWith('#/d/print')), `${entries}`);
    assert.ok(await stat(join(NEXT, 'media', 'diagram.svg')), 'the image used is published');
    assert.equal(await stat(join(NEXT, 'media', 'draft-diagram.svg')).catch(() => null), null,
      'the image left out is not published');
    const worker = await readFile(join(NEXT, 'sw.js'), 'utf8');
    assert.doesNotMatch(worker, /draft-diagram/);
  }));

test('an HTML page reads as a document: its chrome apart, its ids as addresses', (t) =>
  withNext(t, '#/d/web-page', {}, async ({ page }) => {
    assert.equal(await page.$eval('main h1', (h) => h.textContent), 'A web page');
    const sections = await page.$$eval('nav#toc a[href^="#/d/web-page/"]',
      (links) => links.map((a) => a.dataset.section));
    assert.deepEqual(sections, ['pages-of-a-site', 'getting-started', 'more']);
    // The site's menu and scripts are not text of the page; its footer closes it.
    const text = await page.$eval('main', (m) => m.innerText);
    assert.doesNotMatch(text, /Site menu|About us|never shown/);
    assert.match(await page.$eval('main footer.doc-footer', (f) => f.textContent),
      /© 2026 The second edition/);
    assert.deepEqual(await page.$$eval('main table tr', (rows) => rows.map((r) => r.innerText)),
      ['Step\tCommand', 'Build\tmake dist']);
    // An image of the data folder is published beside the app.
    const image = page.locator('main img[alt="The build, then the deploy"]');
    assert.equal(await image.getAttribute('src'), 'media/diagram.svg');
    await image.scrollIntoViewIfNeeded();
    await until(page, 'the image has loaded', () =>
      document.querySelector('main img[alt="The build, then the deploy"]').naturalWidth === 240);
    // A raised link to a place in the page is a reference to a note: it leads to its section.
    const ref = page.locator('main sup.note-ref a');
    assert.equal(await ref.getAttribute('href'), route('web-page', 'more'));
    // A link to another document opens the section it names.
    await page.click('main a:text("the notes on whole builds")');
    await waitForHash(page, route('update-notes', 'whole-builds'));
    await waitInView(page, 'update-notes', 'whole-builds');
    await page.goBack();
    await waitForHash(page, '#/d/web-page');
  }));

test('a reference to a note brings the note into view, and tasks show their boxes', (t) =>
  withNext(t, '#/d/second-edition/what-changed', { viewport: { width: 1280, height: 400 } },
    async ({ page }) => {
      const boxes = await page.$$eval('main li > input[type=checkbox]',
        (inputs) => inputs.map((i) => [i.checked, i.disabled]));
      assert.deepEqual(boxes, [[true, true], [false, true]]);

      const ref = page.locator('main sup.note-ref a');
      assert.equal(await ref.textContent(), '1');
      await ref.click();
      await until(page, 'the note has focus',
        () => document.activeElement?.matches('ol > li[data-note="1"]'));
      await until(page, 'the note is on screen', () => {
        const r = document.querySelector('ol > li[data-note]').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      assert.match(await page.$eval('ol > li[data-note]', (li) => li.textContent),
        /Built by the same code/);
      // Reading the note puts its section in the address; Back returns to the text.
      await waitForHash(page, route('second-edition', 'sources'));
      await page.goBack();
      await waitForHash(page, route('second-edition', 'what-changed'));
      await waitInView(page, 'second-edition', 'what-changed');
    }));

test('a block of code copies with its button, or is selected when the clipboard refuses', (t) =>
  withNext(t, '#/d/update-notes/whole-builds', {}, async ({ page, context, base }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'],
      { origin: new URL(base).origin });
    const button = page.locator('main .code > button.copy-code');
    assert.equal(await button.getAttribute('aria-label'), 'Copy code');
    await page.hover('main .code pre');
    await button.click();
    await until(page, 'the code is on the clipboard',
      () => navigator.clipboard.readText().then((text) => text === 'make dist'));
    assert.equal(await button.getAttribute('data-copied'), '');
    assert.equal(await page.locator('main .code > .copy-status').textContent(), 'Copied');

    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await button.click();
    await until(page, 'the code is selected', () => String(getSelection()) === 'make dist');
    assert.match(await page.locator('main .code > .copy-status').textContent(), /Selected/);
  }));
