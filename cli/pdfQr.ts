/**
 * Reads the QR codes printed on pages of a PDF the way a phone would: the page rendered to pixels by
 * poppler's `pdftoppm` (poppler-utils), then decoded by jsQR. Returns null when poppler is not installed,
 * so the caller can fall back to the text kept in the document properties.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';

const DPI = '200';

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** A binary greyscale PGM (P5, 8 bits) as RGBA pixels for jsQR. */
function pgmToRgba(pgm: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
  // Header: P5, width, height, maxval, each separated by whitespace; comments are not written by poppler.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote an unexpected image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = pixels[i]!;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface PageQr {
  page: number;
  /** The decoded text; undefined when no QR code was found on the page. */
  text: string | undefined;
}

/** The QR codes of the first and the last page (one entry for a one-page document); null without poppler. */
export function readFirstLastPageQr(pdf: Uint8Array): PageQr[] | null {
  if (!hasPoppler()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'golos-verify-'));
  try {
    const file = join(dir, 'protocol.pdf');
    writeFileSync(file, pdf);
    const pages = pageCount(file);
    if (pages === 0) return [];
    return [...new Set([1, pages])].map((page) => {
      const prefix = join(dir, `page-${page}`);
      const p = String(page);
      execFileSync('pdftoppm', ['-r', DPI, '-gray', '-singlefile', '-f', p, '-l', p, file, prefix]);
      const image = pgmToRgba(readFileSync(`${prefix}.pgm`));
      return { page, text: jsQR(image.data, image.width, image.height)?.data };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
