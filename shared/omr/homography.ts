/**
 * Perspective transform (homography) between the printed page (mm) and the scan (pixels), solved from
 * four point pairs by the direct linear transform with h33 = 1: eight linear equations, Gaussian
 * elimination with partial pivoting.
 */
export interface Point {
  x: number;
  y: number;
}

/** Row-major 3×3 matrix [h11 h12 h13 h21 h22 h23 h31 h32 h33]. */
export type Homography = readonly number[];

/** The homography taking each `from[i]` to `to[i]`, or null when the points are degenerate. */
export function solveHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length !== 4 || to.length !== 4) throw new RangeError('four point pairs are needed');
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solveLinear(a);
  return h ? [...h, 1] : null;
}

/** Solves an n×(n+1) augmented system in place; null if singular. */
function solveLinear(a: number[][]): number[] | null {
  const n = a.length;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (Math.abs(a[pivot]![c]!) < 1e-12) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const row = a[c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / row[c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * row[k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return {
    x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w,
    y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w,
  };
}

/** The inverse transform (adjugate of the matrix; the scale does not matter). */
export function invertHomography(h: Homography): Homography {
  const [a, b, c, d, e, f, g, k, l] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return [
    e * l - f * k,
    c * k - b * l,
    b * f - c * e,
    f * g - d * l,
    a * l - c * g,
    c * d - a * f,
    d * k - e * g,
    b * g - a * k,
    a * e - b * d,
  ];
}
