import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEST_FOLDERS = ['shared', 'renderer', 'electron', 'cli', 'build', 'test/fixtures', 'test/bench'];
const TEST_FILES = TEST_FOLDERS.map((f) => `${f}/**/*.test.${f === 'renderer' ? '{ts,tsx}' : 'ts'}`);

/**
 * The test files that need a module graph of their own (a mocked module, a stubbed global or clock, or
 * marked `golos-test: isolated` because they need an empty IndexedDB of the app's fixed names),
 * and the component tests that only need a DOM (jsdom). The rest, and the DOM files among themselves,
 * share their worker's modules from file to file (isolate: false), which spares each file its module
 * loading: 60 small files took 93 s instead of 237 s (2 workers, same load), and a DOM file loads jsdom
 * once per worker instead of once per file (12 small files, 10 of them DOM-only: 20 s of CPU instead of
 * 38-41 s). The `threads` pool saved nothing measurable over `forks` (37-38 s against 38-41 s).
 */
function testFileGroups(): { isolated: string[]; dom: string[] } {
  // Vitest evaluates this config once for the root and once for each project: the files are read once.
  const cache = globalThis as { golosTestFileGroups?: { isolated: string[]; dom: string[] } };
  if (cache.golosTestFileGroups) return cache.golosTestFileGroups;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const isolated: string[] = [];
  const dom: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'generated') walk(path);
      else if (/\.test\.tsx?$/.test(e.name)) {
        const text = readFileSync(join(root, path), 'utf8');
        if (/\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|golos-test: isolated/.test(text))
          isolated.push(path);
        else if (/@vitest-environment jsdom/.test(text)) dom.push(path);
      }
    }
  };
  for (const f of TEST_FOLDERS) walk(f);
  return (cache.golosTestFileGroups = { isolated, dom });
}

// The renderer is plain static files: served by `npm run web`, and by Electron through its app://golos scheme.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  test: {
    root: '.',
    globals: true,
    environment: 'node',
    setupFiles: ['test/setup-unit.ts'],
    testTimeout: 30000,
    // Vitest runs one file per worker and, by default, one worker less than the cores: on a 2-core
    // machine that is a single worker and half the machine idle. At least two workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: (() => {
      const { isolated, dom } = testFileGroups();
      return [
        { extends: true, test: { name: 'isolated', include: isolated } },
        { extends: true, test: { name: 'dom', include: dom, environment: 'jsdom', isolate: false } },
        {
          extends: true,
          test: { name: 'shared', include: TEST_FILES, exclude: [...isolated, ...dom], isolate: false },
        },
      ];
    })(),
  },
});
