/**
 * The page images embedded in a scanner's or copier's PDF: such a PDF draws each page as one image
 * covering the page, most often a JPEG (DCTDecode), sometimes Flate-compressed gray or RGB samples.
 * For each page in order this finds that image and says how it lies on the page as a PDF viewer shows
 * it (the drawing's matrix and the page's /Rotate): the reader then takes the pixels as they are,
 * without rendering the page. A page drawn otherwise (text, vector graphics, several images, a filter
 * this module does not undo such as CCITT or JBIG2) gives null: render that page instead. A file that
 * cannot be read gives a Russian Problem.
 */
import { err, ok, problem, type Problem, type Result } from '../result';
import { PdfFile, filtersOf, type PdfStream } from './pdfFile';
import { PdfLexer, PdfName, PdfWord, nameOf, type PdfDict, type PdfValue } from './pdfSyntax';
import { concatBytes } from '../bytes/concatBytes';

/** Where the image's right (+x of its pixel rows) and down (+y) point on the shown page: unit axes. */
export interface ImageAxes {
  right: readonly [number, number];
  down: readonly [number, number];
}

export interface EmbeddedImage {
  /** DCTDecode: `bytes` are a JPEG file; FlateDecode or none: `bytes` are (compressed) samples. */
  filter: 'DCTDecode' | 'FlateDecode' | 'none';
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Components a sample: 1 gray, 3 RGB (for a JPEG, what the PDF says; the JPEG itself decides). */
  colors: 1 | 3;
  bitsPerComponent: 1 | 8;
  /** Samples with /Decode [1 0]: 0 is white. */
  inverted: boolean;
  /** Flate's /DecodeParms (PNG predictors). */
  parms: PdfDict | undefined;
  axes: ImageAxes;
  /** The image's pixels per inch on the page. */
  dpi: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m × n: first m, then n. */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Operators that paint something other than an image, or clip: such a page is rendered. */
const PAINTS = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'BI', 'W', 'W*', 'd0', 'd1']);
const SHOWS_TEXT = new Set(['Tj', 'TJ', "'", '"']);
/** How far the image's edges may lie from the page's (a share of the page's side). */
const EDGE = 0.02;

interface PageInfo {
  dict: PdfDict;
  resources: PdfDict | undefined;
  box: number[];
  rotate: number;
}

/** The pages of the tree in order, with what they inherit (Resources, MediaBox, CropBox, Rotate). */
function pagesOf(file: PdfFile): PageInfo[] {
  const pages: PageInfo[] = [];
  const seen = new Set<PdfDict>();
  const walk = (node: PdfValue | PdfStream | undefined, inherited: Partial<PageInfo>) => {
    if (!(node instanceof Map) || seen.has(node)) return;
    seen.add(node);
    const res = file.resolve(node.get('Resources'));
    const box = file.resolve(node.get('CropBox')) ?? file.resolve(node.get('MediaBox'));
    const rot = file.resolve(node.get('Rotate'));
    const here: Partial<PageInfo> = {
      resources: res instanceof Map ? res : inherited.resources,
      box: Array.isArray(box) ? (box.map((v) => file.resolve(v)) as number[]) : inherited.box,
      rotate: typeof rot === 'number' ? rot : inherited.rotate,
    };
    const kids = file.resolve(node.get('Kids'));
    if (nameOf(node.get('Type')) === 'Page' || !Array.isArray(kids)) {
      const box = here.box ?? [0, 0, 612, 792];
      pages.push({
        dict: node,
        resources: here.resources,
        box,
        rotate: (((here.rotate ?? 0) % 360) + 360) % 360,
      });
      return;
    }
    for (const kid of kids) walk(file.resolve(kid), here);
  };
  walk(file.resolve(file.root.get('Pages')), {});
  return pages;
}

/** The page's content streams' bytes, one after another, or null when one cannot be decoded. */
function contentOf(file: PdfFile, page: PdfDict): Uint8Array | null {
  const c = file.resolve(page.get('Contents'));
  const parts = (Array.isArray(c) ? c.map((v) => file.resolve(v)) : [c]).filter((v) => v);
  const bytes: Uint8Array[] = [];
  for (const s of parts) {
    if (!s || typeof s !== 'object' || !('data' in s)) return null;
    const d = file.decoded(s as PdfStream);
    if (!d) return null;
    bytes.push(d, new Uint8Array([10]));
  }
  return concatBytes(bytes);
}

/** The one image the content draws and the matrix it is drawn with, or null if it draws anything else. */
function theImage(content: Uint8Array): { name: string; ctm: Matrix } | null {
  const lex = new PdfLexer(content);
  const operands: PdfValue[] = [];
  const stack: { ctm: Matrix; tr: number }[] = [];
  let state = { ctm: IDENTITY, tr: 0 };
  let found: { name: string; ctm: Matrix } | null = null;
  while (!lex.atEnd()) {
    const v = lex.value();
    if (!(v instanceof PdfWord)) {
      operands.push(v);
      continue;
    }
    const op = v.word;
    if (PAINTS.has(op) || (SHOWS_TEXT.has(op) && state.tr !== 3)) return null;
    if (op === 'q') stack.push(state);
    else if (op === 'Q') state = stack.pop() ?? state;
    else if (op === 'cm' && operands.length === 6 && operands.every((o) => typeof o === 'number'))
      state = { ...state, ctm: times(operands as Matrix, state.ctm) };
    else if (op === 'Tr' && typeof operands[0] === 'number') state = { ...state, tr: operands[0] };
    else if (op === 'Do') {
      const name = operands[operands.length - 1];
      if (found || !(name instanceof PdfName)) return null;
      found = { name: name.name, ctm: state.ctm };
    }
    operands.length = 0;
  }
  return found;
}

/** The image as the reader can take it, or null (another kind of image, or one not covering the page). */
function describe(file: PdfFile, page: PageInfo, name: string, ctm: Matrix): EmbeddedImage | null {
  const xobjects = file.resolve(page.resources?.get('XObject'));
  const x = xobjects instanceof Map ? file.resolve(xobjects.get(name)) : undefined;
  if (!x || typeof x !== 'object' || !('data' in x)) return null;
  const { dict, data } = x as PdfStream;
  const num = (key: string) => file.resolve(dict.get(key));
  const width = num('Width');
  const height = num('Height');
  const bits = num('BitsPerComponent');
  if (nameOf(dict.get('Subtype')) !== 'Image' || typeof width !== 'number' || typeof height !== 'number')
    return null;
  if (num('ImageMask') === true || dict.has('SMask') || dict.has('Mask')) return null;
  const filters = filtersOf(dict);
  const filter = filters.length === 0 ? 'none' : filters.length === 1 ? filters[0] : undefined;
  if (filter !== 'DCTDecode' && filter !== 'FlateDecode' && filter !== 'none') return null;
  const colors = colorsOf(file, num('ColorSpace'));
  if (colors === null) return null;
  const decode = num('Decode');
  const inverted = Array.isArray(decode) && decode[0] === 1 && decode[1] === 0;
  if (Array.isArray(decode) && !inverted && !(decode[0] === 0 && decode[1] === 1)) return null;
  if (filter === 'DCTDecode' && inverted) return null;
  if (filter !== 'DCTDecode' && !(bits === 8 || (bits === 1 && colors === 1))) return null;
  const parms = file.resolve(dict.get('DecodeParms'));
  const axes = axesOf(ctm, page);
  if (!axes) return null;
  return {
    filter,
    bytes: data,
    width,
    height,
    colors,
    bitsPerComponent: bits === 1 ? 1 : 8,
    inverted,
    parms: parms instanceof Map ? parms : undefined,
    axes,
    dpi: width / (Math.hypot(ctm[0], ctm[1]) / 72),
  };
}

/** 1 or 3 components for the gray and RGB colour spaces (ICC-based by their /N), else null. */
function colorsOf(file: PdfFile, cs: PdfValue | PdfStream | undefined): 1 | 3 | null {
  const kind = Array.isArray(cs) ? nameOf(cs[0]) : nameOf(cs as PdfValue);
  if (kind === 'DeviceGray' || kind === 'CalGray' || kind === 'G') return 1;
  if (kind === 'DeviceRGB' || kind === 'CalRGB' || kind === 'RGB') return 3;
  if (kind === 'ICCBased' && Array.isArray(cs)) {
    const s = file.resolve(cs[1]);
    const n = s && typeof s === 'object' && 'dict' in s ? (s as PdfStream).dict.get('N') : undefined;
    return n === 1 || n === 3 ? n : null;
  }
  // A JPEG without /ColorSpace says itself what it holds.
  return cs === undefined ? 3 : null;
}

/**
 * Where the image's axes point on the page as shown (y down, turned clockwise by /Rotate), when the
 * image is drawn square to the page and covers it; null otherwise.
 */
function axesOf(ctm: Matrix, page: PageInfo): ImageAxes | null {
  const [a, b, c, d, e, f] = ctm;
  const xs = [e, e + a, e + c, e + a + c];
  const ys = [f, f + b, f + d, f + b + d];
  if (page.rotate % 90 !== 0 || page.box.length < 4) return null;
  const bx0 = Math.min(page.box[0]!, page.box[2]!);
  const bx1 = Math.max(page.box[0]!, page.box[2]!);
  const by0 = Math.min(page.box[1]!, page.box[3]!);
  const by1 = Math.max(page.box[1]!, page.box[3]!);
  const tx = EDGE * (bx1 - bx0);
  const ty = EDGE * (by1 - by0);
  if (Math.abs(Math.min(...xs) - bx0) > tx || Math.abs(Math.max(...xs) - bx1) > tx) return null;
  if (Math.abs(Math.min(...ys) - by0) > ty || Math.abs(Math.max(...ys) - by1) > ty) return null;
  // Image space: +x along (a, b); pixel rows run top-down, along -(c, d). Shown: y down, then /Rotate.
  const shown = (vx: number, vy: number): [number, number] => {
    let [x, y] = [vx, -vy];
    for (let r = 0; r < page.rotate; r += 90) [x, y] = [-y, x];
    return [Math.sign(Math.round(x * 1000)) || 0, Math.sign(Math.round(y * 1000)) || 0];
  };
  const right = shown(a, b);
  const down = shown(-c, -d);
  const axis = (v: [number, number]) => Math.abs(v[0]) + Math.abs(v[1]) === 1;
  if (!axis(right) || !axis(down) || right[0] * down[0] + right[1] * down[1] !== 0) return null;
  return { right, down };
}

/** The page's one image, or null (drawn otherwise, or its content cannot be read: render it). */
function pageImage(pdf: PdfFile, page: PageInfo): EmbeddedImage | null {
  try {
    const content = contentOf(pdf, page.dict);
    const drawn = content && theImage(content);
    return drawn ? describe(pdf, page, drawn.name, drawn.ctm) : null;
  } catch {
    return null;
  }
}

/**
 * Each page's embedded image in page order (null: render that page), or why the file cannot be read
 * (the message follows the file's name, as the scans screen and `golos scan` show it).
 */
export function pdfPageImages(bytes: Uint8Array, file = 'PDF'): Result<(EmbeddedImage | null)[], Problem[]> {
  for (const repair of [false, true]) {
    try {
      const pdf = new PdfFile(bytes, repair);
      const pages = pagesOf(pdf);
      if (pages.length === 0) continue;
      return ok(pages.map((page) => pageImage(pdf, page)));
    } catch {
      // Not read through its cross-reference sections: once more, by a scan of its objects.
    }
  }
  return err([problem('pdf_unreadable', 'файл PDF не читается: он повреждён или обрезан', { file })]);
}
