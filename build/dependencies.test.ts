/**
 * What exceljs brings along, checked in node_modules (see also the dependency notes):
 *
 * - uuid 8.3.2 (GHSA-w5hq-g745-h8pq, CVE-2026-41907, fixed in 14.0.0 / 13.0.1 / 12.0.1 / 11.1.1) is
 *   affected only in v3(), v5() and v6() called with a caller-provided output buffer. exceljs calls
 *   v4() with no arguments, so the affected code is never reached; uuid 12+ is ESM-only and exceljs
 *   `require`s it, so an override would break the workbook writer on Node 20. No override.
 * - fstream, rimraf 2, glob 7 and inflight come in through exceljs's Node streaming reader (unzipper)
 *   and writer (archiver). The renderer resolves exceljs to its browser build (package.json `browser`),
 *   which carries none of them; the CLI and Electron main keep them external in node_modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const exceljs = join(__dirname, '..', 'node_modules', 'exceljs');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? jsFiles(p) : n.endsWith('.js') ? [p] : [];
  });
}

test('exceljs calls only uuid v4(), without a buffer: the advisory (v3/v5/v6 with a buffer) does not apply', () => {
  const calls: string[] = [];
  for (const file of jsFiles(join(exceljs, 'lib'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes("require('uuid')")) continue;
    calls.push(...(text.match(/require\('uuid'\)|uuid\w*\([^)]*\)/g) ?? []));
  }
  expect(calls.sort()).toEqual(["require('uuid')", 'uuidv4()', 'uuidv4()']);
  const imported = readFileSync(join(exceljs, 'lib/xlsx/xform/sheet/cf-ext/cf-rule-ext-xform.js'), 'utf8');
  expect(imported).toContain("const {v4: uuidv4} = require('uuid');");
});

test("exceljs's browser build (what the renderer bundles) carries none of the deprecated Node packages", () => {
  const pkg = JSON.parse(readFileSync(join(exceljs, 'package.json'), 'utf8'));
  expect(pkg.browser).toBe('./dist/exceljs.min.js');
  const bundle = readFileSync(join(exceljs, pkg.browser), 'utf8');
  for (const name of ['fstream', 'rimraf', 'inflight', 'unzipper', 'archiver', 'fs.realpath', 'minimatch']) {
    expect(bundle.includes(name), name).toBe(false);
  }
});
