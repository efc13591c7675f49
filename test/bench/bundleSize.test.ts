import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { initialBundleGzipBytes } from './bundleSize';

const dir = mkdtempSync(join(tmpdir(), 'golos-bundle-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('initialBundleGzipBytes', () => {
  it('is undefined without a build (a single suite run before any vite build)', () => {
    expect(initialBundleGzipBytes(join(dir, 'nothing-here'))).toBeUndefined();
  });

  it('sums the gzip sizes of the scripts and styles index.html loads first, not the lazy chunks', () => {
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    const main = 'console.log("main");'.repeat(50);
    const css = 'body{margin:0}'.repeat(20);
    writeFileSync(join(dist, 'assets', 'index-a.js'), main);
    writeFileSync(join(dist, 'assets', 'index-b.css'), css);
    writeFileSync(join(dist, 'assets', 'lazy-c.js'), 'x'.repeat(5000));
    writeFileSync(
      join(dist, 'index.html'),
      '<script type="module" src="./assets/index-a.js"></script><link rel="stylesheet" href="./assets/index-b.css">',
    );
    const got = initialBundleGzipBytes(dist);
    expect(got?.files).toEqual(['assets/index-a.js', 'assets/index-b.css']);
    expect(got?.bytes).toBe(gzipSync(main).length + gzipSync(css).length);
  });
});
