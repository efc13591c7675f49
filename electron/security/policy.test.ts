import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isAppPage, withSecurityHeaders } from './policy';

const root = '/opt/golos/resources/app.asar/dist/renderer';
const index = join(root, 'index.html');
const url = (p: string) => pathToFileURL(p).href;

test('the header CSP equals the <meta> CSP of renderer/index.html', () => {
  const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
});

test('only files inside the renderer folder and in-memory URLs may be requested', () => {
  expect(isAllowedRequest(url(index), root)).toBe(true);
  expect(isAllowedRequest(url(join(root, 'assets/index-abc.js')), root)).toBe(true);
  expect(isAllowedRequest(`${url(join(root, 'assets/Шрифт.ttf'))}?v=1#x`, root)).toBe(true);
  expect(isAllowedRequest('data:image/png;base64,AAAA', root)).toBe(true);
  expect(isAllowedRequest('blob:file:///0b3c', root)).toBe(true);
  expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', root)).toBe(true);

  expect(isAllowedRequest('https://example.com/x.js', root)).toBe(false);
  expect(isAllowedRequest('http://localhost:5173/', root)).toBe(false);
  expect(isAllowedRequest('ws://127.0.0.1/', root)).toBe(false);
  expect(isAllowedRequest('file:///etc/passwd', root)).toBe(false);
  expect(isAllowedRequest(url(`${root}-evil/index.html`), root)).toBe(false);
  expect(isAllowedRequest(`file://${root}/../../secret.txt`, root)).toBe(false);
  expect(isAllowedRequest(`file://${root}/%2e%2e/%2e%2e/secret.txt`, root)).toBe(false);
  expect(isAllowedRequest(`file://server/share${root}/index.html`, root)).toBe(false);
  expect(isAllowedRequest('not a url', root)).toBe(false);
});

test('the app page is index.html only, with any hash', () => {
  expect(isAppPage(url(index), index)).toBe(true);
  expect(isAppPage(`${url(index)}#/registry`, index)).toBe(true);
  expect(isAppPage(url(join(root, 'other.html')), index)).toBe(false);
  expect(isAppPage('https://example.com/index.html', index)).toBe(false);
  expect(isAppPage('about:blank', index)).toBe(false);
});

test('security headers replace any CSP and keep other headers', () => {
  const out = withSecurityHeaders({
    'content-security-policy': ['default-src *'],
    'Content-Type': ['text/html'],
  });
  expect(out).toEqual({
    'Content-Type': ['text/html'],
    'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    'X-Content-Type-Options': ['nosniff'],
  });
  expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
});
