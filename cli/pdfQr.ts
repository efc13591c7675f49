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
import { grayToRgba } from '../shared/omr/gray';
import { readPgm } from './pgm';

const DPI = '200';

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
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
      const image = readPgm(readFileSync(`${prefix}.pgm`));
      return { page, text: jsQR(grayToRgba(image), image.width, image.height)?.data };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
