import { applyHomography, invertHomography, solveHomography, type Point } from './homography';

const square: Point[] = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 0, y: 1 },
  { x: 1, y: 1 },
];

describe('solveHomography', () => {
  it('finds the scale-and-shift that a hand-worked example gives', () => {
    // x' = 2x + 10, y' = 3y + 20: h = [2 0 10; 0 3 20; 0 0 1].
    const to = square.map((p) => ({ x: 2 * p.x + 10, y: 3 * p.y + 20 }));
    const h = solveHomography(square, to)!;
    [2, 0, 10, 0, 3, 20, 0, 0, 1].forEach((v, i) => expect(h[i]).toBeCloseTo(v, 9));
  });

  it('maps the four points exactly and a projective point as the closed form says', () => {
    // A known projective map: x' = x / (1 + x/2), y' = y / (1 + x/2).
    const map = (p: Point) => ({ x: p.x / (1 + p.x / 2), y: p.y / (1 + p.x / 2) });
    const h = solveHomography(square, square.map(map))!;
    for (const p of [...square, { x: 0.3, y: 0.7 }, { x: 2, y: -1 }]) {
      const q = applyHomography(h, p);
      expect(q.x).toBeCloseTo(map(p).x, 9);
      expect(q.y).toBeCloseTo(map(p).y, 9);
    }
  });

  it('inverts: page -> scan -> page is the identity', () => {
    const page = [
      { x: 8.5, y: 8.5 },
      { x: 201.5, y: 8.5 },
      { x: 8.5, y: 288.5 },
      { x: 201.5, y: 288.5 },
    ];
    const scan = [
      { x: 80, y: 60 },
      { x: 1600, y: 95 },
      { x: 40, y: 2300 },
      { x: 1650, y: 2250 },
    ];
    const h = solveHomography(page, scan)!;
    const back = invertHomography(h);
    const p = { x: 120.25, y: 77.5 };
    const q = applyHomography(back, applyHomography(h, p));
    expect(q.x).toBeCloseTo(p.x, 6);
    expect(q.y).toBeCloseTo(p.y, 6);
  });

  it('says null for three points on a line', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 1 },
    ];
    expect(solveHomography(line, square)).toBeNull();
  });
});
