/**
 * PT Sans (regular and bold) embedded into jsPDF documents, for Cyrillic text that stays real,
 * searchable text in the PDF.
 *
 * shared/ cannot read files, so the caller passes the TTF bytes in:
 * - renderer / worker: `import regularUrl from '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf?url'`
 *   then `new Uint8Array(await (await fetch(regularUrl)).arrayBuffer())` (same for bold);
 * - CLI / tests: `readFileSync(createRequire(import.meta.url).resolve(PT_SANS_FILES.regular))`.
 */
import type { jsPDF } from 'jspdf';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Package paths of the font files, resolvable from node_modules. */
export const PT_SANS_FILES = {
  regular: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf',
} as const;

export const PDF_FONT_FAMILY = 'PTSans';

export type PdfFontStyle = 'regular' | 'bold';

/** jsPDF's style names for our two faces. */
export const JSPDF_STYLE: Record<PdfFontStyle, 'normal' | 'bold'> = { regular: 'normal', bold: 'bold' };

/**
 * Adds one face to the document's virtual file system and font list. Register only the faces the
 * document uses: an embedded face without glyphs makes PDF readers complain (poppler: "Unknown
 * character collection").
 */
export function registerPtSansFace(doc: jsPDF, fonts: PdfFonts, style: PdfFontStyle): void {
  const file = `PTSans-${style}.ttf`;
  assertTrueType(fonts[style], style);
  // jsPDF takes the font as a "binary string"; one starting with the TrueType magic is read as raw bytes.
  doc.addFileToVFS(file, binaryOf(fonts[style]));
  doc.addFont(file, PDF_FONT_FAMILY, JSPDF_STYLE[style]);
}

function assertTrueType(bytes: Uint8Array, style: PdfFontStyle): void {
  const magic =
    (bytes[0] ?? 0) * 2 ** 24 + (bytes[1] ?? 0) * 2 ** 16 + (bytes[2] ?? 0) * 2 ** 8 + (bytes[3] ?? 0);
  if (magic !== 0x00010000)
    throw new Error(`PT Sans ${style}: not a TrueType font file (${bytes.length} bytes)`);
}

/** Binary strings of font files already converted: every document embeds the same two files. */
const binaries = new WeakMap<Uint8Array, string>();

function binaryOf(bytes: Uint8Array): string {
  let binary = binaries.get(bytes);
  if (binary === undefined) {
    binary = toBinaryString(bytes);
    binaries.set(bytes, binary);
  }
  return binary;
}

function toBinaryString(bytes: Uint8Array): string {
  const chunk = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + chunk)));
  }
  return parts.join('');
}
