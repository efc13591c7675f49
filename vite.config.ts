import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';

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
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'cli/**/*.test.ts',
      'build/**/*.test.ts',
      'test/fixtures/**/*.test.ts',
      'test/bench/**/*.test.ts',
    ],
    setupFiles: ['test/setup-unit.ts'],
    testTimeout: 30000,
    // Vitest runs one file per worker and, by default, one worker less than the cores: on a 2-core
    // machine that is a single worker and half the machine idle. At least two workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
