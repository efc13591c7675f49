/**
 * The form in which before/after values go into the audit trail: plain JSON only. The entry hash is
 * computed over canonical JSON, which would see a Date or a Uint8Array as `{}`; so such values are
 * turned into JSON first (a date into its ISO text, binary data into its size and SHA-256), and what is
 * stored is exactly what the hash covers. Large binary content (scans) is thereby not copied into the log.
 */
import { sha256Hex } from '../../shared/crypto/sha256';

export type AuditJson = null | boolean | number | string | AuditJson[] | { [key: string]: AuditJson };

function kindOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

/**
 * `sortedKeys`: every object's keys in sorted order, the order canonical JSON writes them in, so the
 * entry hash need not copy the value again (a record state; before/after keep their fields' order for
 * the journal).
 */
export function auditValue(value: unknown, sortedKeys = false): AuditJson | undefined {
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'string':
    case 'boolean':
      return value;
  }
  if (value === null || typeof value !== 'object') return null;
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return { binary: value.size, type: value.type };
  }
  const kind = kindOf(value);
  if (kind === 'Date') {
    const time = (value as Date).getTime();
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  if (kind === 'ArrayBuffer' || ArrayBuffer.isView(value)) {
    const bytes =
      kind === 'ArrayBuffer'
        ? new Uint8Array(value as ArrayBuffer)
        : new Uint8Array(
            (value as ArrayBufferView).buffer,
            (value as ArrayBufferView).byteOffset,
            (value as ArrayBufferView).byteLength,
          );
    return { binary: bytes.byteLength, sha256: sha256Hex(bytes) };
  }
  if (Array.isArray(value) || value instanceof Set) {
    return [...value].map((item) => auditValue(item, sortedKeys) ?? null);
  }
  if (value instanceof Map) {
    return [...value].map(([k, v]) => [auditValue(k, sortedKeys) ?? null, auditValue(v, sortedKeys) ?? null]);
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (sortedKeys) keys.sort();
  const out: { [key: string]: AuditJson } = {};
  for (const k of keys) {
    const converted = auditValue(obj[k], sortedKeys);
    if (converted !== undefined) out[k] = converted;
  }
  return out;
}

/**
 * Whether two values in the audit trail's plain-JSON form are the same record: what equal canonical
 * JSON (sorted keys) would say, without writing either out. A value that is not plain JSON (a Date or
 * bytes put into the log by hand) is never the same as the stored record's plain form.
 */
export function sameAuditJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameAuditJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || kindOf(a) !== 'Object' || kindOf(b) !== 'Object') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !sameAuditJson(x[k], y[k])) return false;
  return true;
}
