// The reading view of the default corpus on a desktop screen: the table of
// contents, the reading pane, the metadata line, and TOC navigation.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appFixture, currentHash, route, screenshot, tocEntries, until, waitForHash, waitInView,
} from './helpers.mjs';

// The sections of the default corpus's one document, in order. A label ending
// in "…" is made from the opening words of an untitled section; it is matched
// on the text before the "…".
const EXPECTED_TITLES = [
  'Back in 2009…',
  'My first stop in Pakistan…',
  'The character of the PPP',
  'Strategy to build a mass revolutionary party',
  'When Benazir Bhutto returned…',
  'The election campaign',
  'The PTCL strike',
  'The Benazir Stock Option Scheme (BESOS)',
  'Call for a coalition government',
  'State financing',
  'The question of Manzoors positions…',
  'Public profile',
  'The degeneration of the old organisation',
  'Before going to Pakistan…',
];

/** Asserts that `text` matches the expected label `expected`. */
function assertLabel(text, expected) {
  if (expected.endsWith('…')) {
    const prefix = expected.slice(0, -1);
    assert.ok(text.startsWith(prefix), `TOC label "${text}" should start with "${prefix}"`);
  } else {
    assert.equal(text, expected);
  }
}

const withApp = appFixture();

test('the TOC lists the 14 sections in order, marking the untitled ones', () =>
  withApp('', {}, async ({ page }) => {
    const entries = await tocEntries(page);
    assert.equal(entries.length, EXPECTED_TITLES.length, 'number of section links in the TOC');
    entries.forEach((entry, i) => {
      assertLabel(entry.text, EXPECTED_TITLES[i]);
      assert.equal(entry.untitled, EXPECTED_TITLES[i].endsWith('…'),
        `data-untitled on "${entry.text}"`);
      assert.equal(entry.href, route(entry.doc, entry.section), `href of "${entry.text}"`);
    });
    assert.equal(new Set(entries.map((e) => e.doc)).size, 1, 'one document');
    await screenshot(page, 'reading');
  }));

test('the reading pane holds 14 sections, each with a heading and a copy-link button', () =>
  withApp('', {}, async ({ page }) => {
    const entries = await tocEntries(page);
    const sections = await page.$$eval('main section[data-section]', (els) => els.map((el) => ({
      id: el.id,
      section: el.dataset.section,
      heading: el.querySelector('h1, h2, h3, h4, h5, h6')?.textContent.trim() ?? null,
      copyLinks: el.querySelectorAll('button.copy-link[aria-label="Copy link to this section"]').length,
    })));
    assert.equal(sections.length, 14, 'number of sections in main');
    sections.forEach((s, i) => {
      assert.equal(s.section, entries[i].section, `section ${i} follows the TOC order`);
      assert.equal(s.id, `${entries[i].doc}--${entries[i].section}`, `id of section ${i}`);
      assert.ok(s.heading, `section ${s.id} has a heading`);
      assert.ok(s.copyLinks >= 1, `section ${s.id} has a copy-link button`);
    });
  }));

test('the list in "The PTCL strike" is rendered as a list of 4 items', () =>
  withApp('', {}, async ({ page }) => {
    const ptcl = (await tocEntries(page)).find((e) => e.text === 'The PTCL strike');
    assert.ok(ptcl, 'a TOC entry "The PTCL strike"');
    const lists = await page.evaluate((id) =>
      [...document.getElementById(id).querySelectorAll('ol, ul')]
        .map((list) => list.querySelectorAll(':scope > li').length),
    `${ptcl.doc}--${ptcl.section}`);
    assert.deepEqual(lists, [4], 'one list with 4 items');
  }));

test('the header shows the title and the metadata line', () =>
  withApp('', {}, async ({ page }) => {
    const title = await page.textContent('header h1');
    assert.match(title, /Manzoor Ahmed and the IMT/);
    const meta = await page.textContent('header p.meta');
    for (const part of ['Jonathan Clyne', '2010', '2012']) {
      assert.ok(meta.includes(part), `metadata line "${meta}" mentions ${part}`);
    }
  }));

test('the contents follow the reader from the first scroll on', () =>
  withApp('', {}, async ({ page }) => {
    // Scrolled at once after the first page draws, then further down.
    for (const part of [0.3, 0.6]) {
      await page.evaluate((part) => scrollTo(0, document.documentElement.scrollHeight * part), part);
      await until(page, `the contents mark the section at the reading line, ${part} down`, () => {
        const line = innerHeight * 0.25;
        const above = [...document.querySelectorAll('main section[data-section]')]
          .filter((section) => section.getBoundingClientRect().top <= line);
        const current = document.querySelector('nav#toc a[aria-current="location"]')?.dataset.section;
        return above.length > 1 && above.at(-1).dataset.section === current;
      });
    }
  }));

test('clicking a TOC entry scrolls to its section, sets the hash and marks the entry current', () =>
  withApp('', {}, async ({ page }) => {
    const entries = await tocEntries(page);
    for (const i of [7, 2, 13]) {
      const { doc, section } = entries[i];
      const link = page.locator(`nav#toc a[data-section="${section}"]`);
      await link.click();
      await waitForHash(page, route(doc, section));
      await waitInView(page, doc, section);
      await page.waitForFunction(
        (s) => document.querySelector(`nav#toc a[data-section="${s}"]`)
          ?.getAttribute('aria-current') === 'location',
        section, { timeout: 5_000 },
      );
      const current = await page.$$eval('nav#toc a[aria-current]', (as) => as.map((a) => a.dataset.section));
      assert.deepEqual(current, [section], 'exactly one current TOC entry');
    }
    assert.equal(await currentHash(page), route(entries[13].doc, entries[13].section));
  }));

test('a copy-link button copies the address of its section, or shows it when the clipboard refuses', () =>
  withApp('', {}, async ({ page, context, base }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    const ptcl = (await tocEntries(page)).find((e) => e.text === 'The PTCL strike');
    const section = `main section[data-section="${ptcl.section}"]`;
    const button = page.locator(`${section} > button.copy-link`);
    const glyph = () => button.evaluate((b) => getComputedStyle(b.firstElementChild, '::before').content);
    assert.equal(await glyph(), '"#"');
    await button.click();
    const address = new URL(route(ptcl.doc, ptcl.section), base).href;
    await until(page, 'the address is on the clipboard',
      (want) => navigator.clipboard.readText().then((text) => text === want), address);
    assert.equal(await page.locator(`${section} > .copy-status`).textContent(), 'Copied');
    assert.equal(await glyph(), '"✓"');
    await until(page, '"Copied" goes after two seconds',
      (sel) => document.querySelector(sel).textContent === '', `${section} > .copy-status`, 4_000);
    assert.equal(await glyph(), '"#"');

    // Without a clipboard, the address shows selected in a field, until the field loses focus.
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await button.click();
    const field = page.locator(`${section} input.copy-fallback`);
    assert.equal(await field.inputValue(), address);
    assert.ok(await field.evaluate((f) => document.activeElement === f
      && f.selectionStart === 0 && f.selectionEnd === f.value.length), 'the field is focused and selected');
    assert.match(await page.locator(`${section} > .copy-status`).textContent(), /Copy the link below/);
    await screenshot(page, 'reading-copy-fallback');
    await page.keyboard.press('Tab');
    await until(page, 'the field goes when it loses focus',
      (sel) => !document.querySelector(sel), `${section} input.copy-fallback`);
  }));
