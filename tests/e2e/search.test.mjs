// Search: the field in the top bar, the list of results, opening a result (the
// passage in view, the query's words marked), the query in the address
// (reload, back and forward), the keyboard, and the narrow layout.
//
// Search is built with the app's `search` feature; against a dist/ built
// without it (no search field) these tests are skipped, unless
// FOLIO_EXPECT_SEARCH=1 says the build must have search.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  NARROW, appFixture, coldLoad, currentHash, screenshot, tocEntries, until, waitForHash, waitInView,
} from './helpers.mjs';

const withApp = appFixture();

const FIELD = 'input[type="search"][aria-label="Search"]';
const REGION = '[role="region"][aria-label="Search results"]';
const OPTIONS = `${REGION} [role="option"]`;

/** Runs `fn` with the app at `path`, or skips the test when dist/ has no search. */
const withSearch = (t, path, options, fn) => withApp(path, options, async (app) => {
  if ((await app.page.locator(FIELD).count()) === 0) {
    assert.ok(!process.env.FOLIO_EXPECT_SEARCH, 'the build has no search field');
    t.skip('this build has no search (make dist-lite)');
    return;
  }
  await fn(app);
});

const fieldValue = (page) => page.$eval(FIELD, (input) => input.value);
const focusedIsField = (page) => page.evaluate((sel) => document.activeElement?.matches(sel), FIELD);
const regionShown = (page) => page.locator(REGION).isVisible();
const countLine = (page) => page.$eval(`${REGION} [role="status"]`, (p) => p.textContent.trim());

/** The results listed, as { id, href, title, selected, marks }. */
const results = (page) => page.$$eval(OPTIONS, (options) => options.map((o) => ({
  id: o.id,
  href: o.getAttribute('href'),
  title: o.querySelector('.result-title').textContent.trim(),
  selected: o.getAttribute('aria-selected') === 'true',
  marks: [...o.querySelectorAll('mark')].map((m) => m.textContent),
})));

/** Waits until the list shows `title` first. */
const waitForFirst = (page, title) => until(page, `the first result is "${title}"`,
  ([sel, want]) => document.querySelector(sel)?.querySelector('.result-title')?.textContent.trim() === want,
  [OPTIONS, title]);

/** Whether a `mark` inside the section element `id` is inside the viewport. */
const markInView = (id) => {
  const marks = [...(document.getElementById(id)?.querySelectorAll('mark') ?? [])];
  return marks.some((m) => {
    const r = m.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
  });
};

/** The element id of the section a result's href `#/d/<doc>/<section>?q=…` opens. */
const sectionElement = (href) => {
  const m = /^#\/d\/([^/?]+)\/([^/?]+)\?q=/.exec(href);
  assert.ok(m, `a result links to a section with the query: ${href}`);
  return `${decodeURIComponent(m[1])}--${decodeURIComponent(m[2])}`;
};

test('typing shows the results as you type, with a count and the matched words marked', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    const before = await page.evaluate(() => history.length);
    await page.keyboard.press('/');
    assert.ok(await focusedIsField(page), '/ focuses the search field');
    for (const [i, ch] of [...'PTCL'].entries()) {
      await page.keyboard.type(ch);
      const typed = 'PTCL'.slice(0, i + 1);
      await waitForHash(page, `#/search?q=${typed}`);
      await until(page, `results for "${typed}"`, (sel) => document.querySelectorAll(sel).length > 0, OPTIONS);
    }
    assert.ok(await regionShown(page), 'the results region shows');
    assert.match(await countLine(page), /^\d+ sections? match(es)?$/);
    await waitForFirst(page, 'The PTCL strike');
    const list = await results(page);
    assert.ok(list[0].selected, 'the first result is active');
    assert.ok(list.every((r) => r.marks.length > 0), 'every result marks its matches');
    assert.ok(list[0].marks.every((m) => m.toLowerCase() === 'ptcl'), `marks: ${list[0].marks}`);
    assert.equal(await page.evaluate(() => history.length), before + 1,
      'the search added one history entry, not one per keystroke');
    assert.equal(await page.getAttribute(FIELD, 'aria-expanded'), 'true');
    await screenshot(page, 'search');
  }));

test('the keyboard opens a result: its passage in view, the words marked, the query in the address', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    await page.keyboard.press('/');
    await page.keyboard.type('PTCL');
    await waitForFirst(page, 'The PTCL strike');
    await page.keyboard.press('ArrowDown');
    await until(page, 'ArrowDown makes the second result active',
      (sel) => document.querySelectorAll(sel)[1]?.getAttribute('aria-selected') === 'true', OPTIONS);
    const [first, second] = await results(page);
    assert.ok(!first.selected && second.selected);
    assert.equal(await page.getAttribute(FIELD, 'aria-activedescendant'), second.id);

    await page.keyboard.press('Enter');
    await waitForHash(page, second.href);
    assert.ok(second.href.endsWith('?q=PTCL'), `the address carries the query: ${second.href}`);
    const id = sectionElement(second.href);
    await until(page, 'the results close', (sel) => !document.querySelector(sel), REGION);
    await until(page, 'a marked word of the section is in view', markInView, id);
    assert.equal(await fieldValue(page), 'PTCL', 'the field keeps the query');

    // A reload keeps the section, its marks and the query.
    await page.reload();
    await page.waitForSelector('main section[data-section]', { state: 'attached' });
    assert.equal(await currentHash(page), second.href);
    await until(page, 'after a reload, a marked word is in view', markInView, id);
    assert.equal(await fieldValue(page), 'PTCL');

    // Back returns to the results, back again to the text without a query.
    await page.goBack();
    await waitForHash(page, '#/search?q=PTCL');
    await until(page, 'back shows the results', (sel) => !!document.querySelector(sel), OPTIONS);
    assert.equal(await fieldValue(page), 'PTCL');
    await page.goBack();
    await until(page, 'back again leaves the search',
      () => !location.hash.includes('q=') && !document.querySelector('mark'));
    assert.equal(await fieldValue(page), '');
    await page.goForward();
    await waitForHash(page, '#/search?q=PTCL');
  }));

test('clicking a result opens it, and a shared link reproduces the search', (t) =>
  withSearch(t, '', {}, async ({ page, base }) => {
    await coldLoad(page, `${base}#/search?q=ptcl%20strike`);
    await waitForFirst(page, 'The PTCL strike');
    assert.equal(await fieldValue(page), 'ptcl strike');
    assert.ok(await regionShown(page));
    const [first] = await results(page);
    await page.click(`${OPTIONS} >> nth=0`);
    await waitForHash(page, first.href);
    await until(page, 'a marked word is in view', markInView, sectionElement(first.href));

    // Quotes, #, & and non-ASCII survive in the address.
    const query = '"PTCL strike" -zardari #1 & Zoë';
    await page.fill(FIELD, query);
    await until(page, 'the address holds the query', (q) => {
      const m = /^#\/search\?q=(.*)$/.exec(location.hash);
      return m && decodeURIComponent(m[1]) === q;
    }, query);
    await page.reload();
    await page.waitForSelector(REGION);
    assert.equal(await fieldValue(page), query);
  }));

test('Escape clears the search and returns to the place being read', (t) =>
  withSearch(t, '', {}, async ({ page, base }) => {
    const place = (await tocEntries(page)).find((e) => e.text === 'The election campaign');
    await coldLoad(page, base + place.href);
    await waitInView(page, place.doc, place.section);
    await page.mouse.wheel(0, 250);
    await until(page, 'the scroll spy settles', () => window.scrollY > 0);
    await page.waitForTimeout(300);
    const scrolled = await page.evaluate(() => window.scrollY);
    const hash = await currentHash(page);

    await page.keyboard.press('Control+k');
    assert.ok(await focusedIsField(page), 'Ctrl+K focuses the search field');
    await page.keyboard.type('strike');
    await page.waitForSelector(OPTIONS);
    await page.keyboard.press('Escape');
    await until(page, 'Escape closes the results', (sel) => !document.querySelector(sel), REGION);
    assert.equal(await fieldValue(page), '');
    assert.equal(await currentHash(page), hash, 'the address is the place being read again');
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the text did not move');

    // In a section opened from a search, Escape removes the marks and the query.
    await coldLoad(page, `${base}#/search?q=PTCL`);
    await page.click(`${OPTIONS} >> nth=0`);
    await page.waitForSelector('main mark');
    await page.keyboard.press('Escape');
    await until(page, 'Escape removes the marks', () => !document.querySelector('main mark'));
    assert.ok(!(await currentHash(page)).includes('q='), 'no query in the address');
    assert.equal(await fieldValue(page), '');
  }));

test('no match shows the empty state; a misspelling offers a correction', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    await page.keyboard.press('/');
    await page.keyboard.type('zzzzqqq');
    await until(page, 'the empty state', (sel) =>
      document.querySelector(sel)?.textContent.trim() === 'No sections match “zzzzqqq”.',
    `${REGION} [role="status"]`);
    assert.equal(await page.locator(OPTIONS).count(), 0);

    await page.fill(FIELD, 'coaliton');
    const suggest = page.locator(`${REGION} .suggestion button`);
    await suggest.waitFor();
    assert.equal((await page.textContent(`${REGION} .suggestion`)).trim(), 'Did you mean coalition?');
    await suggest.click();
    await waitForHash(page, '#/search?q=coalition');
    assert.equal(await fieldValue(page), 'coalition');
    await waitForFirst(page, 'Call for a coalition government');
  }));

test('/ types a slash in other fields instead of jumping to search', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    await page.evaluate(() => {
      const other = document.createElement('textarea');
      other.id = 'other-field';
      document.body.append(other);
      other.focus();
    });
    await page.keyboard.press('/');
    assert.equal(await page.$eval('#other-field', (e) => e.value), '/');
    assert.ok(!(await focusedIsField(page)));
    await page.evaluate(() => document.getElementById('other-field').remove());
  }));

test('each keystroke searches and renders within a frame', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    const timings = await page.evaluate(async (sel) => {
      const input = document.querySelector(sel);
      // A task after the current one: the app renders in microtasks before it runs.
      const nextTask = () => new Promise((ok) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = ok;
        channel.port2.postMessage(null);
      });
      const queries = ['p', 'pt', 'ptc', 'ptcl', 'ptcl s', 'ptcl str', 'ptcl strike',
        't', 'te', 'tel', 'tele', 'telecom', 'the', 'the p', 'a', 'privatisaton', 'coaliton'];
      const out = [];
      // The first round warms up the WASM compiler tiers; the next rounds are measured.
      for (const [round, query] of [...queries, ...queries, ...queries].entries()) {
        const start = performance.now();
        input.value = query;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await nextTask();
        void document.body.offsetHeight; // Style and layout of the new results.
        const total = performance.now() - start;
        const search = performance.getEntriesByName('folio-search', 'measure').at(-1)?.duration;
        if (round >= queries.length) out.push({ query, search, total });
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      }
      return out;
    }, FIELD);
    const ms = (x) => x.toFixed(1);
    t.diagnostic(`per keystroke, search / search + render + layout (ms): ${
      timings.map((x) => `"${x.query}" ${ms(x.search)}/${ms(x.total)}`).join(', ')}`);
    assert.ok(timings.every((x) => typeof x.search === 'number'), 'each keystroke ran a search');
    const worst = (key) => Math.max(...timings.map((x) => x[key]));
    const median = (key) => timings.map((x) => x[key]).sort((a, b) => a - b)[timings.length >> 1];
    t.diagnostic(`median: search ${ms(median('search'))} ms, with rendering ${ms(median('total'))} ms; `
      + `worst: search ${ms(worst('search'))} ms, with rendering ${ms(worst('total'))} ms`);
    // The figures are reported, not asserted: speed is the benchmarks' business (BENCHMARKS.md).
  }));

test('the help explains the syntax and closes when focus leaves it', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    const help = page.locator('details.search-help');
    const open = () => help.evaluate((d) => d.open);
    assert.equal(await open(), false, 'the help starts closed');
    await help.locator('summary[aria-label="How to search"]').click();
    assert.equal(await open(), true, 'a click opens the help');
    const text = await help.locator('.search-help-body').innerText();
    for (const syntax of ['"exact phrase"', '-word', 'Esc']) {
      assert.ok(text.includes(syntax), `the help explains ${syntax}`);
    }
    // Focus moves from the help's summary to the field: the help closes.
    await page.focus(FIELD);
    await until(page, 'the help closes', () => !document.querySelector('details.search-help').open);
    // Focus moving within the help keeps it open.
    await help.locator('summary').click();
    assert.equal(await open(), true);
    await help.evaluate((d) => {
      const inner = d.querySelector('.search-help-body');
      inner.tabIndex = -1;
      inner.focus();
    });
    assert.equal(await open(), true, 'focus within the help keeps it open');
  }));

test('marks are readable in the light and the dark theme', (t) =>
  withSearch(t, '', {}, async ({ page }) => {
    await page.keyboard.press('/');
    await page.keyboard.type('PTCL');
    // The list of the whole word, not one of its prefixes, whose marks may be replaced meanwhile.
    await waitForFirst(page, 'The PTCL strike');
    await page.waitForSelector(`${OPTIONS} mark`);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((th) => { document.documentElement.dataset.theme = th; }, theme);
      const ratio = await page.$eval(`${OPTIONS} mark`, (mark) => {
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const style = getComputedStyle(mark);
        const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      });
      assert.ok(ratio >= 4.5, `mark contrast in the ${theme} theme is ${ratio.toFixed(2)}`);
    }
  }));

test('on a narrow screen the field unfolds from an icon and the results fit', (t) =>
  withSearch(t, '', { viewport: NARROW }, async ({ page }) => {
    const width = () => page.$eval(FIELD, (input) => input.getBoundingClientRect().width);
    assert.ok((await width()) <= 40, `the field starts folded (${await width()} px)`);
    await page.click(FIELD);
    assert.ok((await width()) >= 150, `the field unfolds when focused (${await width()} px)`);
    await page.keyboard.type('PTCL');
    await waitForFirst(page, 'The PTCL strike');
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok((await scrollWidth()) <= NARROW.width, 'no horizontal scroll');
    const region = await page.$eval(REGION, (r) => r.getBoundingClientRect().toJSON());
    assert.ok(region.left >= 0 && region.right <= NARROW.width, 'the results fit the screen');
    await screenshot(page, 'search-narrow');

    const [first] = await results(page);
    await page.click(`${OPTIONS} >> nth=0`);
    await waitForHash(page, first.href);
    await until(page, 'a marked word is in view', markInView, sectionElement(first.href));
    assert.ok((await scrollWidth()) <= NARROW.width, 'no horizontal scroll in the text');
    assert.ok((await width()) >= 150, 'the field stays open while it holds a query');
  }));
