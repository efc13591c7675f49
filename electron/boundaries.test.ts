// Only main.ts and preload.ts may load the `electron` module; everything else must run in plain Node
// (the handlers are tested without Electron). Type-only imports are erased and allowed. The contract,
// validators and manifest (shared/ipc) are shared with the renderer and the sandboxed preload: no Node imports.
import { readSource, sourceFiles } from '../test/fixtures/sourceFiles';

const imports = (text: string) => [...text.matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)];

test('only main.ts and preload.ts import electron at run time', () => {
  const offenders = sourceFiles(['electron'])
    .filter((p) => !['electron/main.ts', 'electron/preload.ts'].includes(p))
    .filter((p) => imports(readSource(p)).some((m) => m[2] === 'electron' && !m[1]));
  expect(offenders).toEqual([]);
});

test('the shared IPC files import neither Node nor Electron', () => {
  for (const file of ['ipc/contract.ts', 'ipc/validate.ts', 'ipc/manifest.ts']) {
    const specifiers = imports(readSource(`shared/${file}`)).map((m) => m[2]);
    expect(specifiers.filter((s) => s!.startsWith('node:') || s === 'electron')).toEqual([]);
  }
});
