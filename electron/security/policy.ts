/**
 * What the window may load, navigate to and accept from IPC: the single local page and its own files.
 * Pure functions over URLs, used by main.ts and tested without Electron.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Content-Security-Policy sent as a response header on every response (file:// included). It must
 * equal the `<meta>` policy in renderer/index.html (a test checks), since both apply.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-src 'self' blob:";

function filePath(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return null;
    return resolve(fileURLToPath(parsed));
  } catch {
    return null;
  }
}

/** True when `path` is `root` itself or inside it (no `..` escape). */
function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Requests the renderer may make: files inside the renderer folder, in-memory `data:`/`blob:` URLs, and
 * the developer tools' own pages. Everything else, in particular any http(s), ws(s) and ftp, is refused.
 */
export function isAllowedRequest(url: string, rendererRoot: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:')) return true;
  const path = filePath(url);
  return path !== null && isInside(rendererRoot, path);
}

/** The only page the window may show (and the only IPC sender trusted): index.html, any #hash. */
export function isAppPage(url: string, indexFile: string): boolean {
  const path = filePath(url);
  return path !== null && path === resolve(indexFile);
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
