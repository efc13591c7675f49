/**
 * What the window may load, navigate to and accept from IPC: the renderer's own files, served under the
 * privileged `app://golos/` origin (./rendererFiles), and nothing else. Pure functions over URLs, used by
 * main.ts and tested without Electron.
 */

/**
 * The custom scheme the renderer is served under (registered as privileged before `ready`). Scheme and
 * host make the origin, and the origin owns the IndexedDB (Dexie) data under `<userData>/IndexedDB`:
 * changing either would hide every stored meeting from the app (restore from a backup would be needed).
 */
export const APP_SCHEME = 'app';
/** The only host the scheme answers for. */
export const APP_HOST = 'golos';
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The Content-Security-Policy sent as a response header on every response (by the `app:` handler and on
 * anything else the session sees). It must equal the `<meta>` policy in renderer/index.html (a test
 * checks), since both apply. `'self'` is the `app://golos` origin.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-src 'self' blob:";

/** The URL parsed when it is exactly on our origin: `app://golos`, no port, no credentials. */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ours =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  return ours ? parsed : null;
}

/** True for any URL of the `app://golos` origin: the only IPC sender trusted. */
export function isAppOrigin(url: string): boolean {
  return parseAppUrl(url) !== null;
}

/**
 * Requests the renderer may make: its own `app://golos/` files, in-memory `data:`/`blob:` URLs, and the
 * developer tools' own pages. Everything else, in particular any http(s), ws(s), ftp and file, is refused.
 */
export function isAllowedRequest(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:')) return true;
  return isAppOrigin(url);
}

/** The only page the window may navigate to: `app://golos/index.html`, any query or #hash. */
export function isAppPage(url: string): boolean {
  return parseAppUrl(url)?.pathname === '/index.html';
}

/** Response headers with our CSP replacing any other, plus `nosniff`. */
export function withSecurityHeaders(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'x-content-type-options') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}
