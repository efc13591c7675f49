// Bundles the Node-side entry points (CLI, Electron main and preload, fixture generator, benchmarks)
// with esbuild. npm packages stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: quiet ? 'error' : 'info',
};

const entries = [
  { in: 'cli/golos.ts', out: 'dist/cli/golos.mjs', format: 'esm', packages: 'external' },
  { in: 'test/fixtures/generate.ts', out: 'dist/fixtures/generate.mjs', format: 'esm', packages: 'external' },
  { in: 'test/bench/node-bench.ts', out: 'dist/bench/node-bench.mjs', format: 'esm', packages: 'external' },
  { in: 'test/bench/firstTally.ts', out: 'dist/bench/first-tally.mjs', format: 'esm', packages: 'external' },
  {
    in: 'test/bench/plainXlsxRead.ts',
    out: 'dist/bench/plain-read.mjs',
    format: 'esm',
    packages: 'external',
  },
  // Electron loads CommonJS; `electron` itself is provided by the runtime.
  { in: 'electron/main.ts', out: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] },
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] },
];

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    format: e.format,
    ...(e.packages ? { packages: e.packages } : {}),
    ...(e.external ? { external: e.external } : {}),
    ...(e.format === 'esm'
      ? {
          banner: {
            js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
          },
        }
      : {}),
  });
}
