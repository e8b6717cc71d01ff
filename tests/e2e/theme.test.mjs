// The light/dark theme toggle and its persistence across reloads.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFixture, screenshot, until, waitForApp } from './helpers.mjs';

const withApp = appFixture();

const theme = (page) => page.evaluate(() => document.documentElement.dataset.theme);
const other = (t) => (t === 'dark' ? 'light' : 'dark');
const expectTheme = (page, want, when = 'by now') => until(page,
  `data-theme should be ${want} ${when}`,
  (w) => document.documentElement.dataset.theme === w, want);

test('the toggle switches between light and dark, and the choice survives a reload', () =>
  withApp('', { colorScheme: 'light' }, async ({ page }) => {
    const toggle = page.locator('button[data-action="theme"]');
    const start = await theme(page);
    assert.ok(['light', 'dark'].includes(start), `initial data-theme is light or dark, not ${start}`);

    await toggle.click();
    await expectTheme(page, other(start));
    await toggle.click();
    await expectTheme(page, start);

    // Choose dark explicitly, whatever the start was.
    if ((await theme(page)) !== 'dark') await toggle.click();
    await expectTheme(page, 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('folio-theme')), 'dark');

    await page.reload();
    await waitForApp(page);
    await expectTheme(page, 'dark', 'after a reload');
    await screenshot(page, 'dark');

    await toggle.click();
    await expectTheme(page, 'light');
    await page.reload();
    await waitForApp(page);
    await expectTheme(page, 'light', 'after a reload');
  }));

test('a chosen light theme wins over a dark system preference', () =>
  withApp('', { colorScheme: 'dark' }, async ({ page }) => {
    const toggle = page.locator('button[data-action="theme"]');
    if ((await theme(page)) !== 'light') await toggle.click();
    await expectTheme(page, 'light');
    await page.reload();
    await waitForApp(page);
    await expectTheme(page, 'light');
  }));
