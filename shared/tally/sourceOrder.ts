/**
 * Order of ballot sources as a person reads them: by file, then by row number (`paper.csv:9` before
 * `paper.csv:10`), then as text.
 */
export function compareSource(a: string, b: string): number {
  const ia = a.lastIndexOf(':');
  const ib = b.lastIndexOf(':');
  const ra = ia >= 0 ? Number(a.slice(ia + 1)) : NaN;
  const rb = ib >= 0 ? Number(b.slice(ib + 1)) : NaN;
  if (Number.isInteger(ra) && Number.isInteger(rb)) {
    const fa = a.slice(0, ia);
    const fb = b.slice(0, ib);
    if (fa !== fb) return fa < fb ? -1 : 1;
    if (ra !== rb) return ra - rb;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
