/**
 * Blobs and Files inside stored rows (scans, attachments) cannot be encoded synchronously: before a
 * backup is encoded they become {@link BlobBytes}, and after it is decoded they become Blobs (or Files)
 * again. Values without blobs are returned as they are (no copy); containers holding a blob are copied.
 */
import { BlobBytes } from '../../shared/backup/taggedValue';

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function isFile(value: unknown): value is File {
  return typeof File !== 'undefined' && value instanceof File;
}

function isContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value) || value instanceof Map || value instanceof Set) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Rebuilds containers whose members changed; `map` returns the member itself when nothing changed. */
function mapMembers(value: object, map: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(map);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value instanceof Map) {
    const before = [...value];
    const after = before.map(([k, v]) => [map(k), map(v)] as const);
    return after.some(([k, v], i) => k !== before[i]![0] || v !== before[i]![1]) ? new Map(after) : value;
  }
  if (value instanceof Set) {
    const before = [...value];
    const after = before.map(map);
    return after.some((item, i) => item !== before[i]) ? new Set(after) : value;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const mapped = keys.map((k) => map(obj[k]));
  if (mapped.every((v, i) => v === obj[keys[i]!])) return value;
  return Object.fromEntries(keys.map((k, i) => [k, mapped[i]]));
}

/** Every Blob/File inside `value`, read into memory as {@link BlobBytes}. */
export async function blobsToBytes(value: unknown): Promise<unknown> {
  const found: Blob[] = [];
  // A walk that allocates nothing: a meeting's database is mostly ballots without a blob in them.
  const collect = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (isBlob(v)) found.push(v);
    else if (Array.isArray(v)) for (const item of v) collect(item);
    else if (v instanceof Map) {
      for (const [k, item] of v) {
        collect(k);
        collect(item);
      }
    } else if (v instanceof Set) for (const item of v) collect(item);
    else if (isContainer(v)) for (const k of Object.keys(v)) collect((v as Record<string, unknown>)[k]);
  };
  collect(value);
  if (found.length === 0) return value;
  const read = new Map<Blob, BlobBytes>();
  for (const blob of found) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    read.set(
      blob,
      isFile(blob)
        ? new BlobBytes(bytes, blob.type, { name: blob.name, lastModified: blob.lastModified })
        : new BlobBytes(bytes, blob.type),
    );
  }
  const replace = (v: unknown): unknown => {
    if (isBlob(v)) return read.get(v);
    return isContainer(v) ? mapMembers(v, replace) : v;
  };
  return replace(value);
}

/** Every {@link BlobBytes} inside `value` turned back into a Blob (or a File). */
export function bytesToBlobs(value: unknown): unknown {
  if (value instanceof BlobBytes) {
    const parts = [value.bytes as Uint8Array<ArrayBuffer>];
    return value.file
      ? new File(parts, value.file.name, { type: value.type, lastModified: value.file.lastModified })
      : new Blob(parts, { type: value.type });
  }
  return isContainer(value) ? mapMembers(value, bytesToBlobs) : value;
}
