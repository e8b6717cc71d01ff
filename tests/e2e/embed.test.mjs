// Embedding: a host page with folio in a frame (embed.html) and two explorers
// rendered by mount.js, all under a strict Content Security Policy. The host's
// own styles and address stay as they were, each explorer works on its own,
// and the frame reports its height and location and obeys valid messages. A frame
// sized to its content keeps its top bar and contents where the host page shows it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot, serveDist, until, watchedPage } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A host page with the host's stylesheet, a script of its own and `body`. */
function hostPage(title, script, body) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <link rel="icon" href="explorer/icon-192.png">
  <link rel="stylesheet" href="/host.css">
  <script type="module" src="${script}"></script>
</head>
<body>
${body}
</body>
</html>`;
}

const HOST_HTML = hostPage('Host page', '/host.js', `  <h1>The host's own page</h1>
  <p class="host-text">Text of the host.</p>
  <iframe id="frame" data-src="explorer/embed.html" title="Documents"></iframe>
  <div id="one" class="explorer"></div>
  <div id="two" class="explorer"></div>`);

// Rules a careless host might have; none may reach inside the explorers.
const HOST_CSS = `
body { margin: 0 2rem; font-family: serif; background: rgb(250, 240, 220); }
h1 { color: rgb(128, 0, 0); font-size: 40px; }
main, section { background: rgb(255, 0, 255); }
a { color: rgb(0, 160, 0); }
p { letter-spacing: 3px; }
iframe { width: 100%; border: 0; }
#one { --folio-accent: rgb(200, 60, 0); --folio-radius: 0px; }
#two { --folio-dark-bg: rgb(10, 20, 30); }
`;

const HOST_JS = `
import { mount } from './explorer/mount.js';
window.heights = [];
window.locations = [];
window.heard = [];
addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type === 'folio:height') {
    window.heights.push(data.height);
    document.getElementById('frame').height = String(data.height);
  }
  if (data?.type === 'folio:location') window.locations.push(data);
});
// The frame tells its first place once, so it loads only when the page listens (a module
// runs after the page is parsed; the README's inline script runs before the frame loads).
const frame = document.getElementById('frame');
frame.src = frame.dataset.src;
window.explorers = [
  await mount(document.getElementById('one'), { theme: 'light' }),
  await mount(document.getElementById('two'), {
    theme: 'dark', onLocation: (place) => window.heard.push(place),
  }),
];
document.body.dataset.ready = 'true';
`;

// A host that sizes the frame to its content and tells it which part of it is on screen, as
// the README shows.
const TALL_HTML = hostPage('Tall host', '/tall.js', `  <h1>A page with a frame as tall as its content</h1>
  <iframe id="frame" src="explorer/embed.html" title="Documents"></iframe>`);

const TALL_JS = `
const frame = document.getElementById('frame');
const viewport = () => {
  const box = frame.getBoundingClientRect();
  const top = Math.max(0, -box.top);
  const height = Math.min(innerHeight, box.bottom) - Math.max(0, box.top);
  if (height > 0) frame.contentWindow.postMessage({ type: 'folio:viewport', top, height }, '*');
};
addEventListener('scroll', viewport, { passive: true });
addEventListener('resize', viewport);
addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  if (e.data.type === 'folio:height') {
    frame.style.height = e.data.height + 'px';
    viewport();
  }
});
`;

let server;
let browser;
before(async () => {
  server = await serveDist({
    base: '/explorer/',
    headers: { 'Content-Security-Policy': CSP },
    pages: {
      '/host.html': { body: HOST_HTML, type: 'text/html; charset=utf-8' },
      '/host.css': { body: HOST_CSS, type: 'text/css; charset=utf-8' },
      '/host.js': { body: HOST_JS, type: 'text/javascript; charset=utf-8' },
      '/tall.html': { body: TALL_HTML, type: 'text/html; charset=utf-8' },
      '/tall.js': { body: TALL_JS, type: 'text/javascript; charset=utf-8' },
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const SECTIONS = 'main section[data-section]';

test('a frame and two mounted explorers on one host page', async () => {
  const { context, page, errors: problems } = await watchedPage(browser);
  try {
    const url = `${server.origin}/host.html`;
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    const hostStyle = () => page.evaluate(() => {
      const h1 = getComputedStyle(document.querySelector('h1'));
      const body = getComputedStyle(document.body);
      return [h1.color, h1.fontSize, body.backgroundColor, body.fontFamily,
        document.documentElement.dataset.theme ?? null, document.title];
    });
    assert.deepEqual(await hostStyle(),
      ['rgb(128, 0, 0)', '40px', 'rgb(250, 240, 220)', 'serif', null, 'Host page'],
      "the host's styles, theme and title are its own");
    const historyLength = await page.evaluate(() => history.length);

    // Both mounted explorers render, each in its own shadow root, untouched by the host's CSS.
    for (const id of ['one', 'two']) {
      await page.locator(`#${id} ${SECTIONS}`).first().waitFor({ state: 'attached', timeout: 15_000 });
    }
    const look = (id) => page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const main = root.querySelector('main');
      const p = root.querySelector('main p');
      const app = root.querySelector('.folio');
      return {
        main: getComputedStyle(main).backgroundColor,
        spacing: getComputedStyle(p).letterSpacing,
        theme: app.dataset.theme,
        accent: getComputedStyle(app).getPropertyValue('--accent').trim(),
        radius: getComputedStyle(app).getPropertyValue('--radius').trim(),
        bg: getComputedStyle(app).backgroundColor,
      };
    }, id);
    const one = await look('one');
    const two = await look('two');
    assert.notEqual(one.main, 'rgb(255, 0, 255)', "the host's rules stay out");
    assert.equal(one.spacing, 'normal');
    assert.equal(one.theme, 'light');
    assert.equal(two.theme, 'dark');
    assert.equal(one.accent, 'rgb(200, 60, 0)', 'a --folio-* property themes the explorer');
    assert.equal(one.radius, '0px');
    assert.equal(two.bg, 'rgb(10, 20, 30)', 'a --folio-dark-* property themes the dark theme');

    // Navigating in one explorer moves only that one, and never the host's address.
    const link = page.locator('#one nav#toc a[data-section]').nth(1);
    const section = await link.getAttribute('data-section');
    await link.click();
    await until(page, 'the first explorer marks the section it opened',
      ([s]) => document.getElementById('one').shadowRoot
        .querySelector('nav#toc a[aria-current="location"]')?.dataset.section === s, [section]);
    const currentOf = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot
      .querySelector('nav#toc a[aria-current="location"]')?.dataset.section ?? null, id);
    assert.notEqual(await currentOf('two'), section, 'the second explorer did not move');
    await page.evaluate(() => window.explorers[1].open(
      document.getElementById('two').shadowRoot.querySelector('nav#toc a[data-section]').href.split('/d/')[1].split('/')[0],
      null));
    await until(page, 'the second explorer tells its host where it is', () => window.heard.length > 0);

    // The frame renders, reports its height and location, and obeys valid messages only.
    const frame = page.frameLocator('#frame');
    await frame.locator(SECTIONS).first().waitFor({ state: 'attached', timeout: 15_000 });
    await until(page, 'the frame reports its height', () => window.heights.some((h) => h > 200));
    await until(page, 'the frame reports its location', () => window.locations.length > 0);
    const target = await frame.locator('nav#toc a[data-section]').nth(2).getAttribute('data-section');
    const doc = (await page.evaluate(() => window.locations.at(-1))).doc;
    await page.evaluate(() => {
      const win = document.getElementById('frame').contentWindow;
      win.postMessage('folio:open', '*');
      win.postMessage({ type: 'folio:open', doc: 42 }, '*');
      win.postMessage({ type: 'something-else' }, '*');
    });
    await page.evaluate(([doc, section]) => document.getElementById('frame').contentWindow
      .postMessage({ type: 'folio:open', doc, section }, '*'), [doc, target]);
    await until(page, `the frame opens ${target}`,
      (s) => window.locations.at(-1)?.section === s, target);
    // A link followed inside the frame stays in the frame's memory.
    await frame.locator('nav#toc a[data-section]').nth(1).click();
    await until(page, 'the frame follows its own link',
      (s) => window.locations.at(-1)?.section !== s, target);
    const frameHash = await page.evaluate(() => document.getElementById('frame').contentWindow.location.hash);
    assert.equal(frameHash, '', "the frame's address does not change");

    await screenshot(page, 'embed-host');
    assert.equal(page.url(), url, "the host's address is unchanged");
    assert.equal(await page.evaluate(() => history.length), historyLength, "the host's history is unchanged");
    assert.deepEqual(await hostStyle(),
      ['rgb(128, 0, 0)', '40px', 'rgb(250, 240, 220)', 'serif', null, 'Host page']);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
    assert.deepEqual(problems, [], 'no console errors and no page errors');
  } finally {
    await context.close();
  }
});

test('a frame sized to its content keeps its top bar and contents on screen', async () => {
  const { context, page, errors: problems } = await watchedPage(browser);
  try {
    await page.goto(`${server.origin}/tall.html`);
    const frame = page.frameLocator('#frame');
    await frame.locator(SECTIONS).first().waitFor({ state: 'attached', timeout: 15_000 });
    await until(page, 'the frame grows to its content',
      () => document.getElementById('frame').getBoundingClientRect().height > 3 * innerHeight);
    // Where the frame's top bar and contents stand in the host's window.
    const onScreen = () => page.evaluate(() => {
      const box = document.getElementById('frame').getBoundingClientRect();
      const doc = document.getElementById('frame').contentDocument;
      const bar = doc.querySelector('.topbar').getBoundingClientRect();
      const toc = doc.querySelector('nav#toc').getBoundingClientRect();
      return { bar: box.top + bar.top, toc: box.top + toc.top, tocBottom: box.top + toc.bottom,
        height: innerHeight };
    });
    await page.evaluate(() => scrollTo(0, 2000));
    await until(page, 'the top bar follows the host page down',
      () => {
        const box = document.getElementById('frame').getBoundingClientRect();
        const bar = document.getElementById('frame').contentDocument.querySelector('.topbar');
        return Math.abs(box.top + bar.getBoundingClientRect().top) < 2;
      });
    const down = await onScreen();
    assert.ok(down.toc > 0 && down.toc < 100, `the contents start below the bar: ${down.toc}`);
    assert.ok(down.tocBottom <= down.height + 2, `the contents end on screen: ${down.tocBottom}`);
    await until(page, 'the contents mark the section at the reading line of the host window', () => {
      const box = document.getElementById('frame').getBoundingClientRect();
      const doc = document.getElementById('frame').contentDocument;
      const current = doc.querySelector('nav#toc a[aria-current="location"]')?.dataset.section;
      const line = -box.top + innerHeight * 0.25;
      const above = [...doc.querySelectorAll('main section[data-section]')]
        .filter((section) => section.getBoundingClientRect().top <= line);
      return above.length > 1 && above.at(-1).dataset.section === current;
    });

    // Messages of the wrong shape change nothing.
    const viewTop = () => page.evaluate(() => getComputedStyle(document.getElementById('frame')
      .contentDocument.documentElement).getPropertyValue('--folio-view-top').trim());
    const before = await viewTop();
    await page.evaluate(() => {
      const win = document.getElementById('frame').contentWindow;
      win.postMessage({ type: 'folio:viewport', top: -5, height: 300 }, '*');
      win.postMessage({ type: 'folio:viewport', top: '9px', height: 300 }, '*');
      win.postMessage({ type: 'folio:viewport', top: 10 }, '*');
    });
    await page.waitForTimeout(100);
    assert.equal(await viewTop(), before, 'invalid viewports are ignored');
    await screenshot(page, 'embed-tall');

    await page.evaluate(() => scrollTo(0, 0));
    await until(page, 'the top bar returns with the page',
      () => {
        const box = document.getElementById('frame').getBoundingClientRect();
        const bar = document.getElementById('frame').contentDocument.querySelector('.topbar');
        return Math.abs(bar.getBoundingClientRect().top) < 2 && box.top > 0;
      });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
    assert.deepEqual(problems, [], 'no console errors and no page errors');
  } finally {
    await context.close();
  }
});
