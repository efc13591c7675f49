// Initial renderer bundle: every script and modulepreload that index.html loads before any lazy chunk,
// gzip-compressed as a server or an installer would ship it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `distDir`: the built renderer, E2E_DIST where the benchmarks were pointed at another build. */
export function initialBundleGzipBytes(distDir = process.env.E2E_DIST ?? 'dist/renderer'): {
  files: string[];
  bytes: number;
} {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
  return { files, bytes };
}
