/**
 * Reads the QR codes printed on pages of a PDF the way a phone would: the page rendered to pixels by
 * poppler's `pdftoppm` (poppler-utils), then decoded by jsQR (the scan reader's decoder, loaded on first use:
 * a `golos tally` does not pay for it). Returns null when poppler is not installed, so the caller can fall
 * back to the text kept in the document properties.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeQrJs } from '../shared/omr/qrRead';
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
export async function readFirstLastPageQr(pdf: Uint8Array): Promise<PageQr[] | null> {
  if (!hasPoppler()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'golos-verify-'));
  try {
    const file = join(dir, 'protocol.pdf');
    writeFileSync(file, pdf);
    const pages = pageCount(file);
    if (pages === 0) return [];
    const found: PageQr[] = [];
    for (const page of new Set([1, pages])) {
      const prefix = join(dir, `page-${page}`);
      const p = String(page);
      execFileSync('pdftoppm', ['-r', DPI, '-gray', '-singlefile', '-f', p, '-l', p, file, prefix]);
      found.push({ page, text: (await decodeQrJs(readPgm(readFileSync(`${prefix}.pgm`)))) ?? undefined });
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
