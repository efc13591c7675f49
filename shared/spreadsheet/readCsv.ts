import { collapseSpaces } from './cellText';
import { finishRows } from './table';
import { unneutralise } from './writeCsv';

/** UTF-8 (with or without BOM), UTF-16 with BOM; anything that is not valid UTF-8 is read as Windows-1251. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

const CANDIDATES = [';', ',', '\t'] as const;

/** Count of `delimiter` outside quotes on each of the first non-empty lines. */
function countsPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  let nonEmpty = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === delimiter) count++;
    else if (ch === '\n' || ch === '\r') {
      if (nonEmpty) counts.push(count);
      count = 0;
      nonEmpty = false;
      continue;
    }
    nonEmpty = true;
  }
  if (nonEmpty && counts.length < maxLines) counts.push(count);
  return counts;
}

/**
 * The delimiter that splits most of the first lines into the same number of fields
 * (title lines above the header have none); ties go to the one giving more fields.
 */
export function detectDelimiter(text: string): string {
  let best: string = CANDIDATES[0];
  let bestScore = -1;
  let bestFields = -1;
  for (const d of CANDIDATES) {
    const counts = countsPerLine(text, d, 30);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) {
      if (f > modeFreq || (f === modeFreq && c > mode)) {
        mode = c;
        modeFreq = f;
      }
    }
    if (modeFreq > bestScore || (modeFreq === bestScore && mode > bestFields)) {
      best = d;
      bestScore = modeFreq;
      bestFields = mode;
    }
  }
  return best;
}

/**
 * RFC 4180 fields: quotes around fields, `""` inside quotes, line breaks inside quotes; CRLF, LF or CR.
 * A formula-like cell neutralised with an apostrophe (`'=…`, as `csvCell` writes it) loses the apostrophe.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  // Each cell is cleaned as it ends (no second copy of the table): the text between separators is
  // taken in one slice, not a character at a time.
  const endField = (): void => {
    row.push(collapseSpaces(unneutralise(field.trim())));
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    row = [];
  };
  while (i < n) {
    if (inQuotes) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        field += text.slice(i);
        break;
      }
      field += text.slice(i, q);
      if (text.charCodeAt(q + 1) === 34) {
        field += '"';
        i = q + 2;
      } else {
        inQuotes = false;
        i = q + 1;
      }
      continue;
    }
    let j = i;
    let c = text.charCodeAt(j);
    while (j < n && c !== 34 && c !== d && c !== 13 && c !== 10) c = text.charCodeAt(++j);
    if (j > i) field += text.slice(i, j);
    if (j >= n) break;
    if (c === 34) inQuotes = true;
    else if (c === d) endField();
    else {
      endRow();
      if (c === 13 && text.charCodeAt(j + 1) === 10) j++;
    }
    i = j + 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return finishRows(rows);
}
