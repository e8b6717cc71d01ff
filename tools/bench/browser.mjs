#!/usr/bin/env node
// Search in the browser: how long a search build of folio takes to show results.
//
// Usage: node tools/bench/browser.mjs <dist> [--query Q] [--type TEXT] [--runs N]
//                                          [--network slow|fast] [--json]
//
// Serves <dist> on 127.0.0.1 (an ephemeral port) and drives headless Chromium through
// playwright-core. It measures:
//   (a) first results: a fresh browser context (empty cache) opens `#/search?q=<Q>`; the time
//       from the start of navigation to the first result list in the results region, with the
//       phases before it (HTML loaded, WASM downloaded, app's first render);
//   (b) typing: in the loaded page the search field is cleared, then <TEXT> is typed one key at
//       a time; for each key, the time from the key event to the last change of the results
//       region it causes (the DOM updated, before paint).
// Each is repeated N times (default 12) and reported as min / median / p95 / max in ms.
// Times are taken inside the page with performance.now() and a MutationObserver.
//
// By default the files come straight from the local server. With --network, the server sends
// them gzip-compressed, as static hosts do, and Chromium holds the connection to a profile
// (NETWORKS): what a reader far from the host waits for, the download included.

import { loadavg } from 'node:os';
import path from 'node:path';

// The same static server and browser as the end-to-end tests.
import { launchBrowser, serveDist } from '../../tests/e2e/helpers.mjs';

const FIELD = 'input[type="search"][aria-label="Search"]';
const REGION = '[role="region"][aria-label="Search results"]';
// A result list with at least one result, or the region's count line (for a query with none).
const LISTED = `${REGION} [role="listbox"] a, ${REGION} [role="status"]`;

// A slow mobile connection (the throughput of Lighthouse's mobile profile, 150 ms latency), and
// a fast home connection. Throughputs in bytes per second, latency in ms.
const NETWORKS = {
  slow: { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
  fast: { latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 },
};

function parseArgs(argv) {
  const opts = { dist: null, query: 'PTCL', type: 'trade union', runs: 12, json: false, network: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--query') opts.query = argv[++i];
    else if (a === '--type') opts.type = argv[++i];
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--json') opts.json = true;
    else if (a === '--network') opts.network = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.dist = a;
  }
  if (!opts.dist) throw new Error('usage: browser.mjs <dist> [--query Q] [--type TEXT] [--runs N] [--json]');
  if (!(opts.runs >= 1)) throw new Error('--runs needs a positive number');
  if (opts.network !== null && !NETWORKS[opts.network]) {
    throw new Error(`--network takes ${Object.keys(NETWORKS).join(' or ')}`);
  }
  return opts;
}

// Installed before any page script: stamps, relative to navigation start, when the app first
// renders and when the first results show.
const PAGE_PROBE = `(() => {
  const marks = (window.__bench = { app: null, results: null });
  const check = () => {
    if (marks.app === null && document.body && document.body.querySelector(':scope > :not(noscript):not(script)')) {
      marks.app = performance.now();
    }
    if (marks.results === null && document.querySelector(${JSON.stringify(LISTED)})) {
      marks.results = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** (a) One cold load of `#/search?q=query` in a fresh context. */
async function firstResults(browser, origin, query, network) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORKS[network] });
    }
    await page.addInitScript(PAGE_PROBE);
    await page.goto(`${origin}/#/search?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.results !== null, null, {
      timeout: 30_000,
      polling: 'raf',
    });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => /\.(wasm|lzma)$/.test(r.name));
      return {
        html: nav ? nav.responseEnd : null,
        wasm: wasm ? wasm.responseEnd : null,
        wasmBytes: wasm ? wasm.encodedBodySize || wasm.transferSize : null,
        app: window.__bench.app,
        results: window.__bench.results,
      };
    });
  } finally {
    await context.close();
  }
}

// In the page: times each key from its keydown to the last change in the results region that
// follows it (the region may be created by the first key).
const KEY_PROBE = `(() => {
  const state = (window.__keys = { start: null, last: null, changes: 0 });
  document.addEventListener('keydown', () => {
    state.start = performance.now();
    state.last = null;
    state.changes = 0;
  }, true);
  new MutationObserver((records) => {
    if (state.start === null) return;
    const region = document.querySelector(${JSON.stringify(REGION)});
    if (!region) return;
    if (records.some((r) => region === r.target || region.contains(r.target) || [...r.addedNodes].includes(region))) {
      state.last = performance.now();
      state.changes++;
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

/** (b) Types `text` into the search field of a loaded page, once per run; times every key. */
async function typing(browser, origin, text, runs) {
  const context = await browser.newContext();
  const samples = [];
  const missed = [];
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/`, { waitUntil: 'load' });
    await page.waitForSelector(FIELD, { timeout: 30_000 });
    await page.evaluate(KEY_PROBE);
    const field = page.locator(FIELD);
    for (let run = 0; run < runs + 1; run++) {
      await field.fill('');
      await page.waitForTimeout(50);
      await field.focus();
      for (const [i, key] of [...text].entries()) {
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        // Wait until the region has changed and then stayed still for 30 ms (or 2 s passed).
        const t = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const began = performance.now();
              const poll = () => {
                const s = window.__keys;
                const now = performance.now();
                if (s.last !== null && now - s.last > 30) resolve(s.last - s.start);
                else if (now - began > 2000) resolve(null);
                else setTimeout(poll, 5);
              };
              poll();
            }),
        );
        // The first pass warms up the page (and its JIT); it is not counted.
        if (run === 0) continue;
        if (t === null) missed.push(text.slice(0, i + 1));
        else samples.push({ prefix: text.slice(0, i + 1), ms: t });
      }
    }
  } finally {
    await context.close();
  }
  return { samples, missed };
}

function stats(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, min: null, median: null, p95: null, max: null };
  const q = (p) => v[Math.min(v.length, Math.max(1, Math.ceil(p * v.length))) - 1];
  return { n: v.length, min: v[0], median: q(0.5), p95: q(0.95), max: v[v.length - 1] };
}

const fmt = (x) => (x === null ? '—' : x.toFixed(1));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // Figures taken on a busy machine are not comparable; the load says how busy it was.
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  const server = await serveDist({ dir: path.resolve(opts.dist), gzip: opts.network !== null });
  const { origin } = server;
  const browser = await launchBrowser();
  try {
    const loads = [];
    // One untimed load first, so that the figures are not those of a cold disk.
    await firstResults(browser, origin, opts.query, opts.network);
    for (let i = 0; i < opts.runs; i++) loads.push(await firstResults(browser, origin, opts.query, opts.network));
    const keys = await typing(browser, origin, opts.type, opts.runs);

    const report = {
      dist: opts.dist,
      query: opts.query,
      typed: opts.type,
      runs: opts.runs,
      network: opts.network ?? 'local',
      load_average: load,
      wasm_bytes: loads[0]?.wasmBytes ?? null,
      first_results: {
        html: stats(loads.map((l) => l.html)),
        wasm: stats(loads.map((l) => l.wasm)),
        app: stats(loads.map((l) => l.app)),
        results: stats(loads.map((l) => l.results)),
      },
      keystroke: stats(keys.samples.map((s) => s.ms)),
      keystroke_by_prefix: Object.fromEntries(
        [...opts.type].map((_, i) => {
          const prefix = opts.type.slice(0, i + 1);
          return [prefix, stats(keys.samples.filter((s) => s.prefix === prefix).map((s) => s.ms))];
        }),
      ),
      keys_without_change: keys.missed.length,
    };
    if (opts.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      const row = (name, s) =>
        `${name.padEnd(34)} ${String(s.n).padStart(4)} ${fmt(s.min).padStart(9)} ${fmt(s.median).padStart(9)} ${fmt(s.p95).padStart(9)} ${fmt(s.max).padStart(9)}`;
      console.log(`browser bench ${opts.dist}: first results for “${opts.query}”, typing “${opts.type}”, network ${report.network}`);
      console.log(`load average at start: ${load}`);
      console.log(`${'ms from navigation start'.padEnd(34)} ${'n'.padStart(4)} ${'min'.padStart(9)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
      console.log(row('  HTML loaded', report.first_results.html));
      console.log(row('  WASM downloaded', report.first_results.wasm));
      console.log(row('  app first render', report.first_results.app));
      console.log(row('  first results listed', report.first_results.results));
      console.log(row('ms from key to results updated', report.keystroke));
      for (const [prefix, s] of Object.entries(report.keystroke_by_prefix)) console.log(row(`  “${prefix}”`, s));
      if (report.keys_without_change) console.log(`(${report.keys_without_change} keys changed nothing in the results)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(`browser bench: ${e.message ?? e}`);
  process.exit(1);
});
