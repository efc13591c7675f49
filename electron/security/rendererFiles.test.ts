import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsError, withTempDir } from '../test/faultyFs';
import { CONTENT_SECURITY_POLICY } from './policy';
import { contentTypeOf, resolveRendererFile, serveRendererRequest } from './rendererFiles';

const root = '/opt/golos/resources/app.asar/dist/renderer';

test('app://golos URLs map to files inside the renderer folder, decoded, query and hash ignored', () => {
  expect(resolveRendererFile('app://golos/index.html', root)).toBe(join(root, 'index.html'));
  expect(resolveRendererFile('app://golos/assets/index-abc.js?v=1#/x', root)).toBe(
    join(root, 'assets', 'index-abc.js'),
  );
  expect(resolveRendererFile('app://golos/assets/%D0%A8%D1%80%D0%B8%D1%84%D1%82.ttf', root)).toBe(
    join(root, 'assets', 'Шрифт.ttf'),
  );
  expect(resolveRendererFile('app://golos/a%20b.css', root)).toBe(join(root, 'a b.css'));
  // A literal file name, decoded once: never a second decoding into `..`.
  expect(resolveRendererFile('app://golos/%252e%252e/x', root)).toBe(join(root, '%2e%2e', 'x'));
});

test('dot segments, raw or encoded, are resolved by the URL itself and never leave the folder', () => {
  for (const url of [
    'app://golos/../../etc/passwd',
    'app://golos/assets/../../../etc/passwd',
    'app://golos/%2e%2e/%2e%2e/etc/passwd',
    'app://golos/.%2E/.%2e/etc/passwd',
  ]) {
    expect(resolveRendererFile(url, root)).toBe(join(root, 'etc', 'passwd'));
  }
});

test('encoded separators, backslashes, NUL, drives, empty segments, folders and other origins are refused', () => {
  for (const url of [
    'app://golos/..%2F..%2Fetc%2Fpasswd',
    'app://golos/assets%2f..%2f..%2fsecret.txt',
    'app://golos/%2e%2e%2fsecret.txt',
    'app://golos/..%5C..%5Csecret.txt',
    'app://golos/a\\..\\..\\secret.txt',
    'app://golos/index.html%00.png',
    'app://golos/C:/Windows/win.ini',
    'app://golos/index.html:stream',
    'app://golos/%E0%A4%A',
    'app://golos//etc/passwd',
    'app://golos/',
    'app://golos',
    'app://golos/assets/',
    'app://evil/index.html',
    'app://golos:1/index.html',
    'file:///etc/passwd',
    'https://golos/index.html',
    'not a url',
  ]) {
    expect(resolveRendererFile(url, root), url).toBeNull();
  }
});

test('Content-Type by extension, any case; unknown types are plain bytes', () => {
  expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
  expect(contentTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
  expect(contentTypeOf('assets/x.worker-abc.mjs')).toBe('text/javascript; charset=utf-8');
  expect(contentTypeOf('assets/index.css')).toBe('text/css; charset=utf-8');
  expect(contentTypeOf('assets/PTSans.ttf')).toBe('font/ttf');
  expect(contentTypeOf('assets/PTSans.woff2')).toBe('font/woff2');
  expect(contentTypeOf('logo.PNG')).toBe('image/png');
  expect(contentTypeOf('logo.svg')).toBe('image/svg+xml');
  expect(contentTypeOf('manifest.json')).toBe('application/json; charset=utf-8');
  expect(contentTypeOf('a.wasm')).toBe('application/wasm');
  expect(contentTypeOf('README')).toBe('application/octet-stream');
  expect(contentTypeOf('x.exe')).toBe('application/octet-stream');
});

/** dist/renderer with a page, a script and a font, next to files that must never be served. */
async function withRenderer(run: (renderer: string) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const renderer = join(dir, 'dist', 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Голос</title>');
    await writeFile(join(renderer, 'assets', 'index-abc.js'), 'export const x = 1;');
    await writeFile(join(renderer, 'assets', 'PTSans_400Regular-abc.ttf'), new Uint8Array([0, 1, 0, 0, 7]));
    await writeFile(join(dir, 'dist', 'secret.txt'), 'SECRET');
    await writeFile(join(dir, 'secret.txt'), 'SECRET');
    await mkdir(join(dir, 'dist', 'renderer-evil'));
    await writeFile(join(dir, 'dist', 'renderer-evil', 'index.html'), 'SECRET');
    await run(renderer);
  });
}

const get = (url: string, root: string, method = 'GET') => serveRendererRequest({ url, method }, root);

function expectSecurityHeaders(r: Response): void {
  expect(r.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(r.headers.get('X-Content-Type-Options')).toBe('nosniff');
}

test('serves the page, scripts and fonts with their type and the CSP header', async () => {
  await withRenderer(async (renderer) => {
    const page = await get('app://golos/index.html#/registry', renderer);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page);
    expect(await page.text()).toBe('<!doctype html><title>Голос</title>');

    const script = await get('app://golos/assets/index-abc.js?v=../../secret.txt', renderer);
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(script);
    expect(await script.text()).toBe('export const x = 1;');

    const font = await get('app://golos/assets/PTSans_400Regular-abc.ttf', renderer);
    expect(font.headers.get('Content-Type')).toBe('font/ttf');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0, 1, 0, 0, 7]));
  });
});

test('traversal, missing files, folders and other hosts get a 404 with the CSP header, never the file', async () => {
  await withRenderer(async (renderer) => {
    for (const url of [
      'app://golos/../secret.txt',
      'app://golos/../../secret.txt',
      'app://golos/%2e%2e/secret.txt',
      'app://golos/..%2Fsecret.txt',
      'app://golos/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://golos/../renderer-evil/index.html',
      `app://golos/${encodeURIComponent(join(renderer, '..', 'secret.txt'))}`,
      'app://golos/missing.js',
      'app://golos/assets',
      'app://golos/assets/',
      'app://golos/',
      'app://evil/index.html',
    ]) {
      const r = await get(url, renderer);
      expect(r.status, url).toBe(404);
      expectSecurityHeaders(r);
      expect(await r.text()).toBe('Not Found');
    }
  });
});

test('HEAD has no body; other methods get 405; an unreadable file is a 404', async () => {
  await withRenderer(async (renderer) => {
    const head = await get('app://golos/index.html', renderer, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');

    const post = await get('app://golos/index.html', renderer, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, HEAD');
    expectSecurityHeaders(post);

    const denied = await serveRendererRequest({ url: 'app://golos/index.html', method: 'GET' }, renderer, {
      stat,
      readFile: async () => {
        throw fsError('EACCES');
      },
    });
    expect(denied.status).toBe(404);
    expect(await readFile(join(renderer, 'index.html'), 'utf8')).toContain('Голос');
  });
});
