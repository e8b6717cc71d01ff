// The narrow layout (a 360 px wide phone): the TOC behind a toggle button,
// and no horizontal scrolling.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  NARROW, appFixture, route, screenshot, tocEntries, until, waitForHash, waitInView,
} from './helpers.mjs';

const withApp = appFixture();

// True when the TOC is rendered, visible, and at least partly on screen.
const tocShown = (page) => page.evaluate(() => {
  const toc = document.querySelector('nav#toc');
  if (!toc || !toc.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  const r = toc.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth
    && r.bottom > 0 && r.top < window.innerHeight;
});

const scrollWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the TOC opens from its toggle and closes after following a link', () =>
  withApp('', { viewport: NARROW }, async ({ page }) => {
    const toggle = page.locator('button[aria-controls="toc"]');
    assert.equal(await toggle.count(), 1, 'one TOC toggle button');
    assert.ok(await toggle.isVisible(), 'the TOC toggle is visible');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await tocShown(page), false, 'the TOC starts hidden');
    assert.ok((await scrollWidth(page)) <= NARROW.width, 'no horizontal scroll');
    await screenshot(page, 'narrow');

    await toggle.click();
    await until(page, 'aria-expanded becomes true', () =>
      document.querySelector('button[aria-controls="toc"]').getAttribute('aria-expanded') === 'true');
    // Let an opening transition finish before checking.
    await until(page, 'the TOC slides fully into view', () => {
      const r = document.querySelector('nav#toc')?.getBoundingClientRect();
      return r && r.left >= -1 && r.left < window.innerWidth;
    });
    assert.equal(await tocShown(page), true, 'the TOC is shown once toggled');

    const target = (await tocEntries(page))[8];
    await page.click(`nav#toc a[data-section="${target.section}"]`);
    await waitForHash(page, route(target.doc, target.section));
    await waitInView(page, target.doc, target.section);
    await until(page, 'aria-expanded is false after following a link', () =>
      document.querySelector('button[aria-controls="toc"]').getAttribute('aria-expanded') === 'false');
    await until(page, 'the TOC closes after following a link', () => {
      const toc = document.querySelector('nav#toc');
      const r = toc?.getBoundingClientRect();
      return !toc?.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
        || r.width === 0 || r.right <= 0 || r.left >= window.innerWidth;
    });
    assert.ok((await scrollWidth(page)) <= NARROW.width, 'no horizontal scroll after navigating');
  }));
