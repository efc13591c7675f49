// Only main.ts and preload.ts may load the `electron` module; everything else must run in plain Node
// (the handlers are tested without Electron). Type-only imports are erased and allowed. The contract,
// validators and manifest (shared/ipc) are shared with the renderer and the sandboxed preload: no Node imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = __dirname;
const repository = join(root, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const imports = (text: string) => [...text.matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)];

test('only main.ts and preload.ts import electron at run time', () => {
  const offenders = sources(root)
    .filter((p) => !['main.ts', 'preload.ts'].includes(relative(root, p)))
    .filter((p) => imports(readFileSync(p, 'utf8')).some((m) => m[2] === 'electron' && !m[1]));
  expect(offenders).toEqual([]);
});

test('the shared IPC files import neither Node nor Electron', () => {
  for (const file of ['ipc/contract.ts', 'ipc/validate.ts', 'ipc/manifest.ts']) {
    const specifiers = imports(readFileSync(join(repository, 'shared', file), 'utf8')).map((m) => m[2]);
    expect(specifiers.filter((s) => s!.startsWith('node:') || s === 'electron')).toEqual([]);
  }
});
