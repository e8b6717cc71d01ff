// Topics as a faceted filter: the panel in the contents, several topics at once
// (any within a group, all groups at once), the contents and sections outside the
// filter dimmed, the tags under each heading, the names marked in the text, the
// filter in the address (reload, back and forward), and with a query (in the build
// with search) the results kept to the filter and the counts taken among them.
//
// The expectations come from the default corpus (data/): "PTCL" (organisation) is
// in two sections, "Islamabad" (place) in three, one of them shared.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  NARROW, appFixture, coldLoad, currentHash, screenshot, tocEntries, until, waitForHash,
} from './helpers.mjs';

const withApp = appFixture();

const PANEL = 'nav#toc [role="group"][aria-label="Topics"]';
const FIELD = 'input[type="search"][aria-label="Search"]';
const REGION = '[role="region"][aria-label="Search results"]';
const topicButton = (id) => `${PANEL} button.topic[data-topic="${id}"]`;

const PTCL = ['back-in-2009', 'the-ptcl-strike'];
const ISLAMABAD = [
  'strategy-to-build-a-mass-revolutionary-party', 'when-benazir-bhutto-returned', 'the-ptcl-strike',
];
const PPP_AND_ISLAMABAD = ['strategy-to-build-a-mass-revolutionary-party', 'when-benazir-bhutto-returned'];

const pressed = (page, id) => page.getAttribute(topicButton(id), 'aria-pressed');
const count = (page, id) => page.$eval(`${topicButton(id)} .topic-count`, (s) => Number(s.textContent));

/** The ids of the contents entries the filter leaves, or null when no entry is marked. */
const matched = (page) => page.$$eval('nav#toc a[data-section]', (as) => {
  if (!as.some((a) => a.dataset.match)) return null;
  return as.filter((a) => a.dataset.match === 'true').map((a) => a.dataset.section).sort();
});

/** Waits until the contents leave exactly `want` (null: no filter). */
const waitForMatched = (page, want) => until(page, `the contents leave ${JSON.stringify(want)}`,
  (w) => {
    const as = [...document.querySelectorAll('nav#toc a[data-section]')];
    const got = as.some((a) => a.dataset.match)
      ? as.filter((a) => a.dataset.match === 'true').map((a) => a.dataset.section).sort()
      : null;
    return JSON.stringify(got) === JSON.stringify(w);
  }, want ? [...want].sort() : null);

const waitPressed = (page, id, value) => until(page, `${id} aria-pressed=${value}`,
  ([sel, v]) => document.querySelector(sel)?.getAttribute('aria-pressed') === v,
  [topicButton(id), value]);

/** The `t` parameter of the current hash, as a list of ids. */
const topicsInHash = async (page) => {
  const hash = await currentHash(page);
  const m = /[?&]t=([^&]*)/.exec(hash);
  return m ? m[1].split(',') : [];
};

const waitForTopics = (page, ids) => until(page, `the address carries t=${ids.join(',')}`,
  (want) => {
    const m = /[?&]t=([^&]*)/.exec(location.hash);
    return (m ? m[1] : '') === want;
  }, ids.join(','));

test('topics filter the contents: all groups at once, any topic within a group, kept in the address', () =>
  withApp('', {}, async ({ page }) => {
    const panel = page.locator(PANEL);
    assert.equal(await panel.count(), 1, 'one topic panel, in the contents');
    const help = await page.$eval(`${PANEL} .topics-help`, (p) => p.textContent);
    assert.match(help, /any of them within a group, all groups at once/);
    assert.equal(await page.locator(`${PANEL} input[aria-label="Filter topics"]`).count(), 1);
    const groups = await page.$$eval(`${PANEL} .topic-group-label`, (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(groups.slice(0, 4), ['People', 'Organisations', 'Places', 'Themes']);
    // Each group lists its topics by count.
    const orgCounts = await page.$$eval(`${PANEL} .topic-group[data-group="Organisations"] .topic-count`,
      (cs) => cs.map((c) => Number(c.textContent)));
    assert.deepEqual(orgCounts, [...orgCounts].sort((a, b) => b - a), 'sorted by count');
    assert.equal(await count(page, 'ptcl'), 2);
    assert.equal(await count(page, 'islamabad'), 3);
    assert.equal(await pressed(page, 'ptcl'), 'false');
    assert.equal(await matched(page), null, 'no filter dims nothing');
    const doc = (await tocEntries(page))[0].doc;
    const before = await page.evaluate(() => history.length);

    // One topic.
    await page.click(topicButton('ptcl'));
    await waitPressed(page, 'ptcl', 'true');
    await waitForTopics(page, ['ptcl']);
    await waitForMatched(page, PTCL);
    assert.equal(await count(page, 'islamabad'), 1, 'places count within PTCL');
    const mentions = await page.$eval('nav#toc a[data-section="the-ptcl-strike"] .toc-mentions',
      (s) => s.textContent);
    assert.equal(mentions, '8', 'a left entry shows the mentions');

    // Two groups: both at once (AND).
    await page.click(topicButton('islamabad'));
    await waitForTopics(page, ['ptcl', 'islamabad']);
    await waitForMatched(page, ['the-ptcl-strike']);
    assert.equal(await count(page, 'ptcl'), 1);
    assert.equal(await count(page, 'ppp'), 2, 'PPP counts within Islamabad');
    const chips = await page.$$eval(`${PANEL} button.topic-chip`, (bs) => bs.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(chips, ['Remove topic PTCL', 'Remove topic Islamabad']);
    const dimmed = await page.$$eval('main section[data-match="false"]', (ss) => ss.length);
    const sections = await page.$$eval('main section[data-section]', (ss) => ss.length);
    assert.equal(dimmed, sections - 1, 'the reading view dims the sections outside the filter');
    const marks = await page.$$eval('section[data-section="the-ptcl-strike"] mark.topic',
      (ms) => [...new Set(ms.map((m) => m.textContent))].sort());
    assert.deepEqual(marks, ['Islamabad', 'PTCL'], 'the chosen names are marked in the text');

    // The same group: either one (OR).
    await page.click(topicButton('ppp'));
    await waitForTopics(page, ['ptcl', 'islamabad', 'ppp']);
    await waitForMatched(page, [...PPP_AND_ISLAMABAD, 'the-ptcl-strike']);
    assert.equal(await count(page, 'ppp'), 2, 'a topic is not narrowed by its own group');
    assert.equal(await count(page, 'islamabad'), 3, '(PTCL or PPP) leaves all of Islamabad');
    assert.equal(await page.evaluate(() => history.length), before + 3, 'one history entry per toggle');

    // Back and forward step through the filters; a reload keeps them.
    await page.goBack();
    await waitForMatched(page, ['the-ptcl-strike']);
    await waitPressed(page, 'ppp', 'false');
    await page.goForward();
    await waitForMatched(page, [...PPP_AND_ISLAMABAD, 'the-ptcl-strike']);
    await waitPressed(page, 'ppp', 'true');
    const url = page.url();
    await coldLoad(page, url);
    await waitForMatched(page, [...PPP_AND_ISLAMABAD, 'the-ptcl-strike']);
    for (const id of ['ptcl', 'islamabad', 'ppp']) assert.equal(await pressed(page, id), 'true');
    assert.deepEqual(await topicsInHash(page), ['ptcl', 'islamabad', 'ppp']);

    // A link in the contents keeps the filter.
    await page.click('nav#toc a[data-section="the-ptcl-strike"]');
    await waitForHash(page, `#/d/${doc}/the-ptcl-strike?t=ptcl,islamabad,ppp`);

    // A chip removes its topic; "Clear all" removes the rest. From the keyboard, the focus
    // goes from the removed chip to the topic's button in the list.
    await page.focus(`${PANEL} button.topic-chip[aria-label="Remove topic Islamabad"]`);
    await page.keyboard.press('Enter');
    await waitForTopics(page, ['ptcl', 'ppp']);
    await until(page, 'the focus is on the button of Islamabad', () => {
      const focused = document.activeElement;
      return focused?.matches('.topic-list button.topic') && focused.dataset.topic === 'islamabad'
        && focused.getAttribute('aria-pressed') === 'false';
    });
    await page.click(`${PANEL} .topics-clear`);
    await waitForMatched(page, null);
    assert.deepEqual(await topicsInHash(page), []);
    assert.equal(await page.locator(`${PANEL} button.topic-chip`).count(), 0);
    assert.equal(await page.locator('mark.topic').count(), 0);
  }));

test('a section tag turns its topic on, and unknown ids in the address are ignored', () =>
  withApp('', {}, async ({ page }) => {
    const doc = (await tocEntries(page))[0].doc;
    const tags = page.locator('section[data-section="the-ptcl-strike"] .topic-tags button');
    assert.ok((await tags.count()) >= 1 && (await tags.count()) <= 6, 'a few tags per section');
    const id = await tags.first().getAttribute('data-topic');
    await tags.first().click();
    await waitForTopics(page, [id]);
    await waitPressed(page, id, 'true');
    assert.equal(await tags.first().getAttribute('aria-pressed'), 'true');
    assert.ok((await matched(page)).includes('the-ptcl-strike'));

    await coldLoad(page, `${page.url().split('#')[0]}#/d/${doc}/the-ptcl-strike?t=nope,ptcl,PTCL,a%20b`);
    await waitForMatched(page, PTCL);
    assert.equal(await page.locator(`${PANEL} button.topic-chip`).count(), 1, 'only PTCL is active');
  }));

test('the topic list filters by name and longer groups open on demand', () =>
  withApp('', {}, async ({ page }) => {
    const people = `${PANEL} .topic-group[data-group="People"] button.topic`;
    const shown = await page.locator(people).count();
    const more = page.locator(`${PANEL} .topic-group[data-group="People"] .topics-more`);
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    await more.click();
    await until(page, 'the group opens', (sel) => document.querySelectorAll(sel).length > 6, people);
    assert.ok((await page.locator(people).count()) > shown);
    // Typed a key at a time, as a reader does: the list shrinks under the field, which keeps
    // the focus and every key.
    const field = `${PANEL} input[aria-label="Filter topics"]`;
    await page.click(field);
    await page.keyboard.type('isla', { delay: 30 });
    assert.equal(await page.inputValue(field), 'isla');
    assert.ok(await page.$eval(field, (f) => f === document.activeElement), 'the field keeps the focus');
    await until(page, 'only Islamabad is listed',
      (sel) => [...document.querySelectorAll(sel)].map((b) => b.dataset.topic).join() === 'islamabad',
      `${PANEL} button.topic`);
  }));

test('the panel and the contents share the sidebar, each scrolling on its own', () =>
  withApp('', {}, async ({ page }) => {
    // Contents as long as those of a corpus of hundreds of pages: the entries are copied.
    await page.evaluate(() => {
      const entry = document.querySelector('nav#toc a[data-section]').closest('li');
      for (let i = 0; i < 300; i += 1) entry.parentElement.append(entry.cloneNode(true));
    });
    // Every group open, so that the panel holds more than half of the sidebar.
    for (const more of await page.locator(`${PANEL} .topics-more`).all()) await more.click();
    const got = await page.evaluate((panel) => {
      const nav = document.querySelector('nav#toc');
      const style = getComputedStyle(nav);
      const inner = nav.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const box = document.querySelector(panel);
      const first = document.querySelector('nav#toc a[data-section]').getBoundingClientRect();
      return {
        half: inner / 2,
        panel: box.getBoundingClientRect().height,
        full: box.scrollHeight,
        scrolls: getComputedStyle(box).overflowY === 'auto',
        first: first.top,
        view: innerHeight,
      };
    }, PANEL);
    const said = JSON.stringify(got);
    // Long contents never squeeze the panel: it takes its height, up to half of the sidebar.
    assert.ok(got.full > got.half, `the panel has more than half to show: ${said}`);
    assert.ok(Math.abs(got.panel - got.half) <= 2, `the panel takes half of the sidebar: ${said}`);
    assert.ok(got.scrolls, `the panel scrolls its own topics: ${said}`);
    assert.ok(got.first > 0 && got.first < got.view, `the contents are in view: ${said}`);
  }));

test('with a query the results keep to the topics and the counts are taken among them', (t) =>
  withApp('', {}, async ({ page }) => {
    if ((await page.locator(FIELD).count()) === 0) {
      assert.ok(!process.env.FOLIO_EXPECT_SEARCH, 'the build has no search field');
      t.skip('dist/ was built without the search feature');
      return;
    }
    const resultSections = () => page.$$eval(`${REGION} [role="option"]`,
      (os) => os.map((o) => /^#\/d\/[^/]+\/([^?]+)/.exec(o.getAttribute('href'))[1]));

    // Topics that count none sort last: open the long group so that every one is listed.
    await page.click(`${PANEL} .topic-group[data-group="Organisations"] .topics-more`);
    // The query alone: every topic counts among the sections it matches.
    await page.fill(FIELD, 'workers');
    await until(page, 'results show', (sel) => document.querySelectorAll(sel).length > 0,
      `${REGION} [role="option"]`);
    const all = await resultSections();
    const inBoth = (list) => list.filter((s) => all.includes(s)).length;
    assert.equal(await count(page, 'islamabad'), inBoth(ISLAMABAD), 'Islamabad counts among the results');
    assert.equal(await count(page, 'ptcl'), inBoth(PTCL));

    // A topic keeps the results to its sections, and the link carries it.
    await page.click(topicButton('islamabad'));
    await waitForHash(page, '#/search?q=workers&t=islamabad');
    await until(page, 'the results keep to Islamabad', ([sel, want]) => {
      const got = [...document.querySelectorAll(sel)]
        .map((o) => /^#\/d\/[^/]+\/([^?]+)/.exec(o.getAttribute('href'))[1]);
      return got.length === want && got.length > 0;
    }, [`${REGION} [role="option"]`, inBoth(ISLAMABAD)]);
    const kept = await resultSections();
    assert.ok(kept.every((s) => ISLAMABAD.includes(s)), `${kept} are about Islamabad`);
    const hrefs = await page.$$eval(`${REGION} [role="option"]`, (os) => os.map((o) => o.getAttribute('href')));
    assert.ok(hrefs.every((h) => h.endsWith('?q=workers&t=islamabad')), hrefs.join(' '));
    const within = await page.$eval(`${REGION} .results-within`, (p) => p.textContent);
    assert.equal(within, 'Only sections about Islamabad.');
    assert.equal(await count(page, 'ptcl'), PTCL.filter((s) => kept.includes(s)).length,
      'PTCL counts among the results about Islamabad');

    // A reload finds the same search and filter.
    await coldLoad(page, page.url());
    assert.equal(await page.$eval(FIELD, (i) => i.value), 'workers');
    await waitPressed(page, 'islamabad', 'true');
    await until(page, 'the results are still kept to Islamabad',
      ([sel, want]) => document.querySelectorAll(sel).length === want,
      [`${REGION} [role="option"]`, kept.length]);
  }));

test('screenshots: the panel with two topics, on a desktop and on a phone', () =>
  withApp('', {}, async ({ page }) => {
    await page.click(topicButton('ptcl'));
    await page.click(topicButton('islamabad'));
    await waitForMatched(page, ['the-ptcl-strike']);
    await page.click('nav#toc a[data-section="the-ptcl-strike"]');
    await until(page, 'the section is at the top', () => {
      const r = document.querySelector('section[data-section="the-ptcl-strike"]').getBoundingClientRect();
      return Math.abs(r.top - 52) < 60;
    });
    await page.waitForTimeout(300);
    await screenshot(page, 'topics');

    await page.setViewportSize(NARROW);
    await page.click('button[aria-controls="toc"]');
    await until(page, 'the drawer opens', () =>
      document.querySelector('button[aria-controls="toc"]').getAttribute('aria-expanded') === 'true');
    await page.$eval('nav#toc', (nav) => { nav.scrollTop = 0; });
    await page.waitForTimeout(300);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= NARROW.width,
      'no horizontal scroll');
    const box = await page.locator(PANEL).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= NARROW.width, 'the panel fits the drawer');
    await screenshot(page, 'topics-narrow');
  }));
