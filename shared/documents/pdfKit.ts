/**
 * A small layer over jsPDF for our documents (notice, ballots, later the protocol): A4 portrait in
 * millimetres, PT Sans embedded, a top-down cursor with wrapped paragraphs that break onto new pages,
 * and «Стр. N из M» page numbers. jsPDF is loaded on demand (`await import('jspdf')`).
 *
 * Coordinates are millimetres from the top-left corner; font sizes are points.
 */
import type { jsPDF } from 'jspdf';
import {
  JSPDF_STYLE,
  PDF_FONT_FAMILY,
  registerPtSansFace,
  type PdfFonts,
  type PdfFontStyle,
} from './pdfFont';
import { GlyphTable, type EmbeddedFont } from './pdfGlyphs';
import type { Margins, PdfKitOptions, PdfStamp, TextOptions } from './pdfKitTypes';

export const A4 = { width: 210, height: 297 } as const;
const MM_PER_PT = 25.4 / 72;
/** Baseline below the top of a line, as a share of the font size (PT Sans ascender). */
const ASCENT = 0.8;
/** Line spacing as a share of the font size. */
const LEADING = 1.22;

export type { Margins, PdfKitOptions, PdfStamp, TextOptions } from './pdfKitTypes';

export class PdfKit {
  readonly doc: jsPDF;
  readonly margins: Margins;
  /** Cursor: top of the next line, mm from the top of the page. */
  y: number;
  private readonly fonts: PdfFonts;
  private readonly registered = new Set<PdfFontStyle>();
  private style: PdfFontStyle | undefined;
  private size = 11;
  /** Character code -> whether PT Sans has a glyph for it (both faces cover the same characters). */
  private readonly glyphs = new Map<number, boolean>();
  private readonly glyphTables = new Map<PdfFontStyle, GlyphTable>();

  constructor(doc: jsPDF, fonts: PdfFonts, margins: Margins) {
    this.doc = doc;
    this.fonts = fonts;
    this.margins = margins;
    this.y = margins.top;
    this.setFont('regular', 11);
  }

  get left(): number {
    return this.margins.left;
  }
  get right(): number {
    return A4.width - this.margins.right;
  }
  get bottom(): number {
    return A4.height - this.margins.bottom;
  }
  get contentWidth(): number {
    return this.right - this.left;
  }
  get pageCount(): number {
    return this.doc.getNumberOfPages();
  }

  /** Selects a face and size; a face is embedded the first time it is selected. */
  setFont(style: PdfFontStyle, size: number): void {
    if (!this.registered.has(style)) {
      registerPtSansFace(this.doc, this.fonts, style);
      this.registered.add(style);
    }
    if (style !== this.style || size !== this.size || this.doc.getFontSize() !== size) {
      this.doc.setFont(PDF_FONT_FAMILY, JSPDF_STYLE[style]);
      this.doc.setFontSize(size);
      this.style = style;
      this.size = size;
    }
  }

  /** Height of one line of text at `size` points, mm. */
  lineHeight(size: number = this.size): number {
    return size * MM_PER_PT * LEADING;
  }

  /** Splits text into lines no wider than `width` mm in the given face; keeps explicit line breaks. */
  wrap(
    text: string,
    width: number,
    style: PdfFontStyle = this.style ?? 'regular',
    size: number = this.size,
  ): string[] {
    this.setFont(style, size);
    return this.doc.splitTextToSize(text, width) as string[];
  }

  /** Width of a single line, mm. */
  textWidth(text: string, style: PdfFontStyle = this.style ?? 'regular', size: number = this.size): number {
    this.setFont(style, size);
    return this.doc.getTextWidth(text);
  }

  /**
   * Draws already wrapped lines with their top at `top` (no page breaks); returns the height used.
   * `x` is the left edge, the centre or the right edge depending on `align`.
   */
  drawLines(lines: readonly string[], x: number, top: number, opts: TextOptions = {}): number {
    const size = opts.size ?? this.size;
    this.setFont(opts.style ?? this.style ?? 'regular', size);
    if (lines.length > 0) {
      const safe = lines.map((l) => this.printable(l));
      // One text run for all the lines: jsPDF spaces them by the line height factor set in createPdf.
      this.doc.text(safe.length === 1 ? safe[0]! : safe, x, top + size * MM_PER_PT * ASCENT, {
        align: opts.align ?? 'left',
        ...(opts.leading !== undefined ? { lineHeightFactor: opts.leading } : {}),
      });
    }
    return lines.length * size * MM_PER_PT * (opts.leading ?? LEADING);
  }

  /**
   * The text with every character the font has no glyph for replaced by `?`: jsPDF silently drops
   * the rest of a string after such a character (a tab, a rare symbol in a name).
   */
  printable(text: string): string {
    let bad = false;
    for (let i = 0; i < text.length; i++) {
      if (!this.hasGlyph(text.charCodeAt(i))) {
        bad = true;
        break;
      }
    }
    if (!bad) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out += this.hasGlyph(c) ? text[i] : '?';
    }
    return out;
  }

  private hasGlyph(code: number): boolean {
    // ASCII printable and Cyrillic are in PT Sans; look the rest up once.
    if ((code >= 0x20 && code < 0x7f) || (code >= 0x410 && code <= 0x44f)) return true;
    let ok = this.glyphs.get(code);
    if (ok === undefined) {
      const font = this.doc.getFont() as unknown as {
        metadata?: { characterToGlyph?: (c: number) => number };
      };
      const lookup = font.metadata?.characterToGlyph;
      ok = lookup ? Number(lookup.call(font.metadata, code)) !== 0 : true;
      this.glyphs.set(code, ok);
    }
    return ok;
  }

  /** Width of a single line, mm, from cached glyph widths (no per-call processing): for many cells. */
  measure(text: string, style: PdfFontStyle, size: number): number {
    const glyphs = this.glyphTable(style);
    let units = 0;
    for (let i = 0; i < text.length; i++) units += glyphs.get(text.charCodeAt(i)).width;
    return (units / 1000) * size * (25.4 / 72);
  }

  /**
   * Greedy word wrap by cached glyph widths, for many short cells (jsPDF's splitTextToSize measures
   * every call afresh). Keeps explicit line breaks; a word wider than the line is cut by characters.
   */
  fitLines(text: string, width: number, style: PdfFontStyle, size: number): string[] {
    const glyphs = this.glyphTable(style);
    const limit = (width * 1000) / (size * (25.4 / 72));
    const space = glyphs.get(0x20).width;
    const out: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let used = 0;
      for (const word of paragraph.split(' ')) {
        let w = 0;
        for (let i = 0; i < word.length; i++) w += glyphs.get(word.charCodeAt(i)).width;
        if (line !== '' && used + space + w <= limit) {
          line += ` ${word}`;
          used += space + w;
          continue;
        }
        if (line !== '') out.push(line);
        if (w <= limit) {
          line = word;
          used = w;
          continue;
        }
        // Cut a long word (a file path, a long number) into pieces that fit.
        line = '';
        used = 0;
        for (let i = 0; i < word.length; i++) {
          const cw = glyphs.get(word.charCodeAt(i)).width;
          if (line !== '' && used + cw > limit) {
            out.push(line);
            line = '';
            used = 0;
          }
          line += word[i];
          used += cw;
        }
      }
      out.push(line);
    }
    return out;
  }

  /**
   * Lines of text one under the other, `leading` × size apart, written straight into the page as one
   * text object: no per-line processing (jsPDF's text() shapes, escapes and measures every call), so a
   * table column of a whole page costs about as much as one line. Characters the font lacks print as `?`.
   * `x` is the left or the right edge, as `align` says; empty lines are skipped.
   */
  textColumn(
    lines: readonly string[],
    x: number,
    top: number,
    opts: { style: PdfFontStyle; size: number; leading: number; align?: 'left' | 'right' },
  ): void {
    const { style, size, leading } = opts;
    this.setFont(style, size);
    const glyphs = this.glyphTable(style);
    const k = this.doc.internal.scaleFactor;
    const pitch = size * MM_PER_PT * leading;
    const baseline = top + size * MM_PER_PT * ASCENT;
    const right = opts.align === 'right';
    const out: string[] = [`BT\n/${glyphs.fontId} ${num(size)} Tf\n0 g`];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      let hex = '';
      let units = 0;
      for (let c = 0; c < line.length; c++) {
        const g = glyphs.get(line.charCodeAt(c));
        hex += g.hex;
        units += g.width;
      }
      const left = right ? x - (units / 1000) * size * (25.4 / 72) : x;
      out.push(`1 0 0 1 ${num(left * k)} ${num((A4.height - baseline - i * pitch) * k)} Tm <${hex}> Tj`);
    }
    out.push('ET');
    this.raw().write(out.join('\n'));
  }

  private glyphTable(style: PdfFontStyle): GlyphTable {
    let table = this.glyphTables.get(style);
    if (!table) {
      this.setFont(style, this.size);
      table = new GlyphTable(this.doc.getFont() as unknown as EmbeddedFont);
      this.glyphTables.set(style, table);
    }
    return table;
  }

  /** A wrapped paragraph at the cursor; continues on a new page when the page is full. */
  paragraph(text: string, opts: TextOptions = {}): void {
    const size = opts.size ?? 11;
    const style = opts.style ?? 'regular';
    const indent = opts.indent ?? 0;
    const lines = this.wrap(text, this.contentWidth - indent, style, size);
    const lh = this.lineHeight(size);
    const x =
      opts.align === 'center'
        ? (this.left + this.right) / 2
        : opts.align === 'right'
          ? this.right
          : this.left + indent;
    for (const line of lines) {
      this.ensureSpace(lh);
      this.y += this.drawLines([line], x, this.y, { style, size, align: opts.align });
    }
    this.y += opts.after ?? 1.5;
  }

  /** `label` in bold in a left column `labelWidth` mm wide, `value` wrapped beside it. */
  labelled(
    label: string,
    value: string,
    labelWidth = 52,
    opts: Omit<TextOptions, 'style' | 'align'> = {},
  ): void {
    const size = opts.size ?? 11;
    const labelLines = this.wrap(label, labelWidth - 3, 'bold', size);
    const valueLines = this.wrap(value, this.contentWidth - labelWidth, 'regular', size);
    const height = Math.max(labelLines.length, valueLines.length) * this.lineHeight(size);
    this.ensureSpace(Math.min(height, this.bottom - this.margins.top));
    this.drawLines(labelLines, this.left, this.y, { style: 'bold', size });
    this.drawLines(valueLines, this.left + labelWidth, this.y, { style: 'regular', size });
    this.y += height + (opts.after ?? 1.5);
  }

  space(mm: number): void {
    this.y += mm;
  }

  /** Starts a new page unless `height` mm still fit below the cursor; returns whether it did. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= this.bottom + 0.01) return false;
    this.addPage();
    return true;
  }

  addPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.y = this.margins.top;
  }

  /** A horizontal line across the content width at the cursor. */
  rule(after = 2): void {
    this.doc.setLineWidth(0.2);
    this.doc.line(this.left, this.y, this.right, this.y);
    this.y += after;
  }

  /** Writes `Стр. N из M` (or `format`) centred at the foot of every page. Call once, at the end. */
  numberPages(format: (page: number, pages: number) => string = (n, m) => `Стр. ${n} из ${m}`): void {
    const pages = this.pageCount;
    for (let n = 1; n <= pages; n++) {
      this.doc.setPage(n);
      this.drawLines([format(n, pages)], A4.width / 2, A4.height - this.margins.bottom / 2 - 2, {
        size: 9,
        align: 'center',
      });
    }
  }

  /**
   * Records what `draw` puts on the current page (drawn with its top at y = 0) without keeping it there,
   * so it can be repeated with `stamp` at a fraction of the cost of drawing it again. The operations
   * are self-contained (every text run names its font), and `stamp` wraps them in q/Q so no colour or
   * line width leaks out.
   */
  record(draw: () => void): PdfStamp {
    const page = this.raw().pages[this.doc.getCurrentPageInfo().pageNumber]!;
    const from = page.length;
    draw();
    return { ops: page.splice(from).join('\n') };
  }

  /** Repeats a recording on the current page, moved down by `dy` mm (and right by `dx` mm). */
  stamp(stamp: PdfStamp, dy: number, dx = 0): void {
    const k = this.doc.internal.scaleFactor;
    this.raw().write(`q 1 0 0 1 ${num(dx * k)} ${num(-dy * k)} cm\n${stamp.ops}\nQ`);
  }

  /**
   * Fills many rectangles (mm, from the top-left) with one path: QR codes, registration marks, bars.
   * `gray`: 0 black .. 1 white.
   */
  fillRects(rects: readonly (readonly [x: number, y: number, w: number, h: number])[], gray = 0): void {
    if (rects.length === 0) return;
    const k = this.doc.internal.scaleFactor;
    const parts = rects.map(
      ([x, y, w, h]) => `${num(x * k)} ${num((A4.height - y - h) * k)} ${num(w * k)} ${num(h * k)} re`,
    );
    this.raw().write(`q ${num(gray)} g\n${parts.join('\n')}\nf\nQ`);
  }

  /** Strokes many straight segments (mm, from the top-left) with one path: table rules. */
  strokeSegments(
    segments: readonly (readonly [x1: number, y1: number, x2: number, y2: number])[],
    width = 0.2,
    gray = 0,
  ): void {
    if (segments.length === 0) return;
    const k = this.doc.internal.scaleFactor;
    const y = (v: number): string => num((A4.height - v) * k);
    const parts = segments.map(([x1, y1, x2, y2]) => `${num(x1 * k)} ${y(y1)} m ${num(x2 * k)} ${y(y2)} l`);
    this.raw().write(`q ${num(gray)} G ${num(width * k)} w\n${parts.join('\n')}\nS\nQ`);
  }

  /** jsPDF internals the typings leave out: page content arrays and the raw content writer. */
  private raw(): { pages: string[][]; write: (ops: string) => void } {
    return this.doc.internal as unknown as { pages: string[][]; write: (ops: string) => void };
  }

  toBytes(): Uint8Array {
    return new Uint8Array(this.doc.output('arraybuffer'));
  }
}

function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** A new A4 portrait document with PT Sans selected (each face embedded when first used). */
export async function createPdf(fonts: PdfFonts, opts: PdfKitOptions = {}): Promise<PdfKit> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({
    orientation: 'portrait',
    unit: 'mm',
    format: 'a4',
    compress: opts.compress ?? true,
  });
  doc.setLineHeightFactor(LEADING);
  if (opts.title || opts.subject) {
    doc.setProperties({ title: opts.title ?? '', subject: opts.subject ?? '', creator: 'Голос' });
  }
  return new PdfKit(doc, fonts, { top: 15, right: 15, bottom: 18, left: 20, ...opts.margins });
}
