import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isAppOrigin,
  isAppPage,
  withSecurityHeaders,
} from './policy';

test('the header CSP equals the <meta> CSP of renderer/index.html', () => {
  const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
});

test('the app origin is app://golos exactly: no other scheme, host, port or credentials', () => {
  expect(APP_INDEX_URL).toBe('app://golos/index.html');
  expect(isAppOrigin('app://golos/index.html')).toBe(true);
  expect(isAppOrigin('app://golos/assets/index-abc.js?v=1#x')).toBe(true);

  expect(isAppOrigin('app://evil/index.html')).toBe(false);
  expect(isAppOrigin('app://golos.evil/index.html')).toBe(false);
  expect(isAppOrigin('app://golos:8080/index.html')).toBe(false);
  expect(isAppOrigin('app://user@golos/index.html')).toBe(false);
  expect(isAppOrigin('app:/index.html')).toBe(false);
  expect(isAppOrigin('https://golos/index.html')).toBe(false);
  expect(isAppOrigin('file:///opt/golos/resources/app.asar/dist/renderer/index.html')).toBe(false);
  expect(isAppOrigin('blob:app://golos/0b3c')).toBe(false);
  expect(isAppOrigin('')).toBe(false);
  expect(isAppOrigin('not a url')).toBe(false);
});

test('only app://golos files and in-memory URLs may be requested; http(s), ws and file are refused', () => {
  expect(isAllowedRequest('app://golos/index.html')).toBe(true);
  expect(isAllowedRequest('app://golos/assets/PTSans_400Regular-abc.ttf')).toBe(true);
  expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
  expect(isAllowedRequest('blob:app://golos/0b3c')).toBe(true);
  expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);

  expect(isAllowedRequest('https://example.com/x.js')).toBe(false);
  expect(isAllowedRequest('http://localhost:5173/')).toBe(false);
  expect(isAllowedRequest('ws://127.0.0.1/')).toBe(false);
  expect(isAllowedRequest('file:///etc/passwd')).toBe(false);
  expect(isAllowedRequest('file:///opt/golos/resources/app.asar/dist/renderer/index.html')).toBe(false);
  expect(isAllowedRequest('app://other/index.html')).toBe(false);
  expect(isAllowedRequest('not a url')).toBe(false);
});

test('the app page is app://golos/index.html only, with any query or hash', () => {
  expect(isAppPage('app://golos/index.html')).toBe(true);
  expect(isAppPage('app://golos/index.html#/registry')).toBe(true);
  expect(isAppPage('app://golos/index.html?x=1')).toBe(true);
  expect(isAppPage('app://golos/other.html')).toBe(false);
  expect(isAppPage('app://golos/')).toBe(false);
  expect(isAppPage('app://evil/index.html')).toBe(false);
  expect(isAppPage('https://example.com/index.html')).toBe(false);
  expect(isAppPage('file:///opt/golos/dist/renderer/index.html')).toBe(false);
  expect(isAppPage('about:blank')).toBe(false);
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
