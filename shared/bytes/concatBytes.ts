/** Typed arrays of one kind one after another, in one new array made by `make`. */
export function concatArrays<T extends Uint8Array | Int8Array | Int32Array>(
  parts: readonly T[],
  make: (length: number) => T,
): T {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The parts' bytes one after another, in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return concatArrays(parts, (n) => new Uint8Array(n));
}
