/**
 * SHA-256 (FIPS 180-4), synchronous and pure, so it can run inside an IndexedDB transaction (an await on
 * Web Crypto there would end the transaction), in a worker, in the CLI and in tests alike.
 */

// Int32Array throughout: every value stays a 32-bit integer (a Uint32Array's values above 2^31 would be
// doubles), which keeps the loop about three times faster on the multi-megabyte entry of an import.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

export function sha256(data: Uint8Array | string): Uint8Array {
  // A string is encoded straight into the padded buffer (UTF-8 takes at most 3 bytes per UTF-16 unit).
  let padded: Uint8Array;
  let length: number;
  if (typeof data === 'string') {
    const room = new Uint8Array(((data.length * 3 + 9 + 63) >> 6) << 6);
    length = new TextEncoder().encodeInto(data, room).written;
    padded = room.subarray(0, ((length + 9 + 63) >> 6) << 6);
  } else {
    length = data.length;
    padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(data);
  }
  const bitLen = length * 8;
  padded[length] = 0x80;
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 0x100000000));
  view.setUint32(padded.length - 4, bitLen >>> 0);

  const h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Int32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) {
      w[i] = (padded[j]! << 24) | (padded[j + 1]! << 16) | (padded[j + 2]! << 8) | padded[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setInt32(i * 4, v));
  return out;
}

export function sha256Hex(data: Uint8Array | string): string {
  return hexOf(sha256(data));
}

/** A digest's bytes as lowercase hex. */
export function hexOf(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * JSON with object keys sorted at every depth: the same value always gives the same text, exactly
 * `JSON.stringify(sortKeys(value))`, which stored hashes were computed over. Parts of the value that are
 * already in that form (plain objects whose keys are in sorted order, as the audit trail's record
 * states are written) are not copied: an import's entry holds thousands of records.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalView(value));
}

/** `sortKeys(value)` for JSON.stringify, sharing every part of `value` that needs no change. */
function canonicalView(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const view = canonicalView(item);
      if (view !== item) (copy ??= value.slice())[i] = view;
    }
    return copy ?? value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // Dates, bytes, Maps, class instances, objects with toJSON: the sorted copy says what they become.
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return sortKeys(value);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let same = true;
  // Object.keys lists integer-like keys first in numeric order, as the sorted copy holds them too;
  // the others must be in sorted order. (Undefined members need no copy: JSON.stringify leaves them out.)
  for (let i = 1; i < keys.length && same; i++) {
    const a = keys[i - 1]!;
    const b = keys[i]!;
    same = a < b || (isArrayIndex(a) && isArrayIndex(b));
  }
  for (let i = 0; i < keys.length && same; i++) {
    const item = obj[keys[i]!];
    same = canonicalView(item) === item;
  }
  if (same) return value;
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) if (obj[k] !== undefined) out[k] = canonicalView(obj[k]);
  return out;
}

function isArrayIndex(key: string): boolean {
  const n = Number(key);
  return n >>> 0 === n && n !== 4294967295 && String(n) === key;
}

/** The sorted copy the canonical text is defined by. */
function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $bytes: sha256Hex(bytes), length: bytes.length };
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}
