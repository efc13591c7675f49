/** Text encoding for PdfKit: each character's glyph of an embedded PT Sans face, registered once. */

/** The parts of a jsPDF TrueType font (Identity-H) that text encoding reads and fills in. */
export interface EmbeddedFont {
  id: string;
  metadata: {
    characterToGlyph(code: number): number;
    widthOfGlyph(glyph: number): number;
    /** Glyphs to keep when the font is subset on output. */
    glyIdsUsed: number[];
    /** Glyph -> character, for the ToUnicode map (copy and search). */
    toUnicode: Record<number, number>;
    /** The PDF /W array being built: glyph, [width], glyph, [width], … */
    Unicode: { widths: (number | number[])[] };
  };
}

interface Glyph {
  /** Four hex digits of the glyph id. */
  hex: string;
  /** Advance width in 1/1000 of the font size. */
  width: number;
}

/**
 * Per font: each character's glyph, encoded once. Registering a glyph the first time it is used does
 * what jsPDF's own encoder does per character (subset list, ToUnicode entry, width entry).
 */
export class GlyphTable {
  readonly fontId: string;
  private readonly font: EmbeddedFont['metadata'];
  private readonly byCode = new Map<number, Glyph>();

  constructor(font: EmbeddedFont) {
    this.fontId = font.id;
    this.font = font.metadata;
  }

  get(code: number): Glyph {
    const known = this.byCode.get(code);
    if (known) return known;
    const glyph = Number(this.font.characterToGlyph(code));
    // A character the font lacks prints as `?` (jsPDF would drop the rest of the line).
    const g = glyph === 0 ? this.get(0x3f) : this.register(glyph, code);
    this.byCode.set(code, g);
    return g;
  }

  private register(glyph: number, code: number): Glyph {
    const font = this.font;
    font.glyIdsUsed.push(glyph);
    font.toUnicode[glyph] = code;
    const width = font.widthOfGlyph(glyph);
    // Width values sit in nested arrays, so indexOf finds glyph ids only.
    if (font.Unicode.widths.indexOf(glyph) < 0) font.Unicode.widths.push(glyph, [Math.trunc(width)]);
    return { hex: glyph.toString(16).padStart(4, '0'), width };
  }
}
