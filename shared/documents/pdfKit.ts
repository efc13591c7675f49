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

export const A4 = { width: 210, height: 297 } as const;
const MM_PER_PT = 25.4 / 72;
/** Baseline below the top of a line, as a share of the font size (PT Sans ascender). */
const ASCENT = 0.8;
/** Line spacing as a share of the font size. */
const LEADING = 1.22;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PdfKitOptions {
  margins?: Partial<Margins>;
  /** Document properties shown by PDF viewers. */
  title?: string;
  subject?: string;
  /** Deflate page content (smaller file, slower). Default true. */
  compress?: boolean;
}

/** Drawing operations recorded once by `PdfKit.record`, to be repeated by `PdfKit.stamp`. */
export interface PdfStamp {
  ops: string;
}

export interface TextOptions {
  style?: PdfFontStyle;
  size?: number;
  /** Extra left indent from the left margin, mm. */
  indent?: number;
  /** Space after the paragraph, mm. */
  after?: number;
  align?: 'left' | 'center' | 'right';
}

export class PdfKit {
  readonly doc: jsPDF;
  readonly margins: Margins;
  /** Cursor: top of the next line, mm from the top of the page. */
  y: number;
  private readonly fonts: PdfFonts;
  private readonly registered = new Set<PdfFontStyle>();
  private style: PdfFontStyle | undefined;
  private size = 11;

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
      // One text run for all the lines: jsPDF spaces them by the line height factor set in createPdf.
      this.doc.text(lines.length === 1 ? lines[0]! : [...lines], x, top + size * MM_PER_PT * ASCENT, {
        align: opts.align ?? 'left',
      });
    }
    return lines.length * this.lineHeight(size);
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

  /** Fills many rectangles (mm, from the top-left) in black with one path: QR codes, registration marks. */
  fillRects(rects: readonly (readonly [x: number, y: number, w: number, h: number])[]): void {
    const k = this.doc.internal.scaleFactor;
    const parts = rects.map(
      ([x, y, w, h]) => `${num(x * k)} ${num((A4.height - y - h) * k)} ${num(w * k)} ${num(h * k)} re`,
    );
    this.raw().write(`q 0 g\n${parts.join('\n')}\nf\nQ`);
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
