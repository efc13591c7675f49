/** What the Chromium benchmarks share: a static server for the built renderer and a headless browser. */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves `root` (the built renderer) on a free localhost port. */
export function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/**
 * Headless Chromium with the flags this offline machine needs, on a profile on disk as Electron runs the
 * app. (A plain `launch()` context keeps IndexedDB in memory, where writes slow down after every clear:
 * it measures a store the app never uses.) The profile folder is removed when the context closes.
 */
export async function launchChromium(
  executablePath?: string,
  opts: { baseURL?: string } = {},
): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'golos-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
  });
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // Chromium may still be writing its profile as it exits: a leftover in the temp folder is harmless.
    }
  });
  return context;
}
