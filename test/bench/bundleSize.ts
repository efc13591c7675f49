// Initial renderer bundle: every script and modulepreload that index.html loads before any lazy chunk,
// gzip-compressed as a server or an installer would ship it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `distDir`: the built renderer, E2E_DIST where the benchmarks were pointed at another build. Undefined
 * when there is no build there (a single suite run without `npm run bench`, which builds first).
 */
export function initialBundleGzipBytes(
  distDir = process.env.E2E_DIST ?? 'dist/renderer',
): { files: string[]; bytes: number } | undefined {
  if (!existsSync(join(distDir, 'index.html'))) return undefined;
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
  return { files, bytes };
}
