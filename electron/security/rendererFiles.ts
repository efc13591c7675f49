/**
 * Serves the built renderer (dist/renderer) under `app://golos/`: the handler main.ts gives to
 * `protocol.handle`. A URL path maps to a regular file strictly inside the renderer folder, or to a 404:
 * no traversal, no absolute or drive paths, no encoded separators, no directory listing. Every response,
 * errors included, carries our CSP and `nosniff`. No Electron import: tested in plain Node.
 */
import { stat as fsStat, readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, parseAppUrl } from './policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a renderer file by its extension (any case); unknown types are plain bytes. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `path` is strictly inside `root` (not `root` itself, no `..` escape, same drive). */
function isStrictlyInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A decoded path segment that names a file or folder, never a separator, parent, drive or stream. */
function safeSegment(raw: string): string | null {
  // Encoded separators and NUL are refused before decoding, so `a%2F..%2Fb` never becomes a path.
  if (/%(2f|5c|00)/i.test(raw)) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (name === '' || name === '.' || name === '..') return null;
  // `/` `\` NUL; `:` would be a Windows drive (`C:`) or an NTFS alternate stream (`file:stream`).
  if (/[/\\\0:]/.test(name)) return null;
  return name;
}

/**
 * The file a `app://golos/...` URL names inside `root`, or null (answered with 404). Query and hash are
 * ignored; the path is decoded segment by segment; any empty, `.` or `..` segment (raw or decoded) refuses
 * the whole URL, as does a trailing `/` (no directory listing). Pure: does not touch the disk.
 */
export function resolveRendererFile(url: string, root: string): string | null {
  const parsed = parseAppUrl(url);
  if (!parsed || !parsed.pathname.startsWith('/')) return null;
  const names: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    const name = safeSegment(raw);
    if (name === null) return null;
    names.push(name);
  }
  const path = join(resolve(root), ...names);
  return isStrictlyInside(root, path) ? path : null;
}

export interface RendererFs {
  stat(path: string): Promise<{ isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
}

const nodeFs: RendererFs = { stat: fsStat, readFile: fsReadFile };

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders('text/plain; charset=utf-8'), ...extra },
  });
}

/**
 * The response to one `app:` request: GET/HEAD of a regular file inside `root` with its Content-Type;
 * 404 for anything outside, missing, a folder or unreadable; 405 for other methods.
 */
export async function serveRendererRequest(
  request: { url: string; method: string },
  root: string,
  fs: RendererFs = nodeFs,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }
  const path = resolveRendererFile(request.url, root);
  if (path === null) return plain(404, 'Not Found');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    if (!(await fs.stat(path)).isFile()) return plain(404, 'Not Found');
    bytes = await fs.readFile(path);
  } catch {
    return plain(404, 'Not Found');
  }
  const body = request.method === 'HEAD' ? null : bytes;
  return new Response(body, { status: 200, headers: securityHeaders(contentTypeOf(path)) });
}
