import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEST_FOLDERS = ['shared', 'renderer', 'electron', 'cli', 'build', 'test/fixtures', 'test/bench'];
const TEST_FILES = TEST_FOLDERS.map((f) => `${f}/**/*.test.${f === 'renderer' ? '{ts,tsx}' : 'ts'}`);

/**
 * The test files that need a module graph of their own: a DOM (jsdom), a mocked module, or a stubbed
 * global or clock. The rest share their worker's modules from file to file (isolate: false), which
 * spares each file its module loading: 60 small files took 93 s instead of 237 s (2 workers, same load).
 */
function isolatedTestFiles(): string[] {
  // Vitest evaluates this config three times a run (the root and each project): the files are read once.
  const cache = globalThis as { golosIsolatedTests?: string[] };
  if (cache.golosIsolatedTests) return cache.golosIsolatedTests;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'generated') walk(path);
      else if (/\.test\.tsx?$/.test(e.name)) {
        const text = readFileSync(join(root, path), 'utf8');
        if (/@vitest-environment|\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(/.test(text))
          found.push(path);
      }
    }
  };
  for (const f of TEST_FOLDERS) walk(f);
  return (cache.golosIsolatedTests = found);
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
      const isolated = isolatedTestFiles();
      return [
        { extends: true, test: { name: 'isolated', include: isolated } },
        { extends: true, test: { name: 'shared', include: TEST_FILES, exclude: isolated, isolate: false } },
      ];
    })(),
  },
});
