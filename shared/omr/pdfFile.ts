/**
 * A PDF file's objects by number (ISO 32000-1, 7.5): the cross-reference table or stream found from
 * `startxref` (with its /Prev chain and object streams), or, when that is missing or wrong (a truncated
 * or repaired file), the objects found by scanning the file for `N G obj`. Streams are decoded only for
 * FlateDecode (fflate) with the PNG predictors; anything else is left to the caller.
 */
import { unzlibSync } from 'fflate';
import { PdfLexer, PdfRef, PdfSyntaxError, PdfWord, nameOf, type PdfDict, type PdfValue } from './pdfSyntax';

/** A stream object: its dictionary and its bytes as stored (still encoded). */
export interface PdfStream {
  dict: PdfDict;
  data: Uint8Array;
}

type Where = { offset: number } | { inStream: number; index: number };

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

function lastIndexOf(bytes: Uint8Array, word: string, from = bytes.length): number {
  const first = word.charCodeAt(0);
  outer: for (let i = Math.min(from, bytes.length - word.length); i >= 0; i--) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Undoes the PNG predictors (10–15) of `/DecodeParms` on rows of `columns × colors × bits` bits. */
export function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = (parms?.get('Predictor') as number | undefined) ?? 1;
  if (predictor === 1) return data;
  if (predictor < 10) throw new PdfSyntaxError(`predictor ${predictor}`);
  const colors = (parms?.get('Colors') as number | undefined) ?? 1;
  const bits = (parms?.get('BitsPerComponent') as number | undefined) ?? 8;
  const columns = (parms?.get('Columns') as number | undefined) ?? 1;
  const bpp = Math.max(1, (colors * bits) >> 3);
  const row = (columns * colors * bits + 7) >> 3;
  const rows = Math.floor(data.length / (row + 1));
  const out = new Uint8Array(rows * row);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (row + 1)]!;
    const src = r * (row + 1) + 1;
    const o = r * row;
    const up = o - row;
    for (let i = 0; i < row; i++) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[o + i - bpp]! : 0;
      const b = r > 0 ? out[up + i]! : 0;
      if (type === 0) out[o + i] = x;
      else if (type === 1) out[o + i] = x + a;
      else if (type === 2) out[o + i] = x + b;
      else if (type === 3) out[o + i] = x + ((a + b) >> 1);
      else if (type === 4) {
        const c = r > 0 && i >= bpp ? out[up + i - bpp]! : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out[o + i] = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else throw new PdfSyntaxError(`PNG row type ${type}`);
    }
  }
  return out;
}

/** The filters of a stream, as names (`[]` when none). */
export function filtersOf(dict: PdfDict): string[] {
  const f = dict.get('Filter');
  if (f === undefined || f === null) return [];
  return (Array.isArray(f) ? f : [f]).map((x) => nameOf(x) ?? '?');
}

export class PdfFile {
  private readonly where = new Map<number, Where>();
  private readonly cache = new Map<number, PdfValue | PdfStream>();
  trailer: PdfDict = new Map();

  /** With `repair`, the cross-reference sections are not trusted: the objects are found by a scan. */
  constructor(
    readonly bytes: Uint8Array,
    repair = false,
  ) {
    if (repair || !this.readXrefOrFalse()) this.scanObjects();
  }

  /** The catalog's page tree root. */
  get root(): PdfDict {
    const catalog = this.resolve(this.trailer.get('Root'));
    if (!(catalog instanceof Map)) throw new PdfSyntaxError('no catalog');
    return catalog;
  }

  /** The value, with an indirect reference followed (a stream gives its dictionary's stream). */
  resolve(v: PdfValue | PdfStream | undefined): PdfValue | PdfStream | undefined {
    return v instanceof PdfRef ? this.object(v.num) : v;
  }

  /** Object `num` (null when it is not in the file). */
  object(num: number): PdfValue | PdfStream {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const at = this.where.get(num);
    this.cache.set(num, null); // a reference cycle reads as null
    const value =
      at === undefined
        ? null
        : 'offset' in at
          ? this.objectAt(at.offset, num)
          : this.fromStream(at.inStream, at.index);
    this.cache.set(num, value);
    return value;
  }

  /** The stream's bytes with its filters undone, or null for a filter this reader does not undo. */
  decoded(stream: PdfStream): Uint8Array | null {
    const filters = filtersOf(stream.dict);
    if (filters.length === 0) return stream.data;
    if (filters.length > 1 || filters[0] !== 'FlateDecode') return null;
    const parms = this.resolve(stream.dict.get('DecodeParms'));
    return unpredict(unzlibSync(stream.data), parms instanceof Map ? (parms as PdfDict) : undefined);
  }

  private objectAt(offset: number, num?: number): PdfValue | PdfStream {
    const lex = new PdfLexer(this.bytes, offset);
    const first = lex.value();
    if (num !== undefined && first !== num) throw new PdfSyntaxError(`object ${num} not at ${offset}`);
    lex.value();
    const kw = lex.value();
    if (!(kw instanceof PdfWord) || kw.word !== 'obj') throw new PdfSyntaxError(`no object at ${offset}`);
    const value = lex.value();
    lex.skipSpace();
    if (!(value instanceof Map) || lex.word() !== 'stream') return value;
    return { dict: value, data: this.streamData(value, lex.pos) };
  }

  private streamData(dict: PdfDict, afterKeyword: number): Uint8Array {
    const b = this.bytes;
    let start = afterKeyword;
    if (b[start] === 13) start++;
    if (b[start] === 10) start++;
    const length = this.resolve(dict.get('Length'));
    if (typeof length === 'number' && start + length <= b.length) {
      const after = new PdfLexer(b, start + length);
      after.skipSpace();
      if (after.word() === 'endstream') return b.subarray(start, start + length);
    }
    // A wrong /Length: the data runs to `endstream`, less the end of line before it.
    let end = b.indexOf(101, start);
    for (; end >= 0; end = b.indexOf(101, end + 1))
      if (latin1(b.subarray(end, end + 9)) === 'endstream') break;
    if (end < 0) throw new PdfSyntaxError('unterminated stream');
    if (b[end - 1] === 10) end--;
    if (b[end - 1] === 13) end--;
    return b.subarray(start, end);
  }

  private fromStream(streamNum: number, index: number): PdfValue {
    const s = this.object(streamNum);
    if (!s || !('data' in (s as object))) return null;
    const stream = s as PdfStream;
    const data = this.decoded(stream);
    const n = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (!data || typeof n !== 'number' || typeof first !== 'number') return null;
    const lex = new PdfLexer(data);
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      lex.value();
      offsets.push(lex.value() as number);
    }
    if (index >= n) return null;
    return new PdfLexer(data, first + offsets[index]!).value();
  }

  private readXrefOrFalse(): boolean {
    try {
      return this.readXref();
    } catch {
      return false;
    }
  }

  /** Reads the cross-reference sections from `startxref` on; false when there is nothing usable. */
  private readXref(): boolean {
    const at = lastIndexOf(this.bytes, 'startxref', this.bytes.length);
    if (at < 0) return false;
    const lex = new PdfLexer(this.bytes, at + 9);
    let offset = lex.value() as number;
    const seen = new Set<number>();
    while (typeof offset === 'number' && !seen.has(offset) && offset < this.bytes.length) {
      seen.add(offset);
      const trailer = this.xrefSection(offset);
      for (const [k, v] of trailer) if (!this.trailer.has(k)) this.trailer.set(k, v);
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.xrefSection(stm);
      }
      offset = trailer.get('Prev') as number;
    }
    this.trailer.delete('Prev');
    return this.trailer.has('Root') && this.where.size > 0 && this.root instanceof Map;
  }

  /** One section (a table with its trailer, or an XRef stream); entries already known are kept. */
  private xrefSection(offset: number): PdfDict {
    const lex = new PdfLexer(this.bytes, offset);
    lex.skipSpace();
    const save = lex.pos;
    if (lex.word() === 'xref') {
      for (;;) {
        const first = lex.value();
        if (first instanceof PdfWord) break; // `trailer`
        const count = lex.value() as number;
        for (let i = 0; i < count; i++) {
          const off = lex.value() as number;
          lex.value();
          const type = lex.value() as PdfWord;
          const num = (first as number) + i;
          if (type.word === 'n' && off > 0 && !this.where.has(num)) this.where.set(num, { offset: off });
        }
      }
      return lex.value() as PdfDict;
    }
    lex.pos = save;
    const xref = this.objectAt(offset) as PdfStream;
    if (!xref || !('data' in xref) || nameOf(xref.dict.get('Type')) !== 'XRef')
      throw new PdfSyntaxError('xref');
    const data = this.decoded(xref);
    const w = xref.dict.get('W') as number[];
    if (!data || !Array.isArray(w)) throw new PdfSyntaxError('xref stream');
    const index = (xref.dict.get('Index') as number[] | undefined) ?? [0, xref.dict.get('Size') as number];
    const field = (p: number, n: number) => {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[p + k]!;
      return v;
    };
    const rowLength = w[0]! + w[1]! + w[2]!;
    let p = 0;
    for (let s = 0; s + 1 < index.length; s += 2) {
      for (let i = 0; i < index[s + 1]! && p + rowLength <= data.length; i++, p += rowLength) {
        const type = w[0] ? field(p, w[0]) : 1;
        const a = field(p + w[0]!, w[1]!);
        const b = field(p + w[0]! + w[1]!, w[2]!);
        const num = index[s]! + i;
        if (this.where.has(num)) continue;
        if (type === 1) this.where.set(num, { offset: a });
        else if (type === 2) this.where.set(num, { inStream: a, index: b });
      }
    }
    return xref.dict;
  }

  /** Repair: every `N G obj` in the file (the last of a number wins), objects in object streams too. */
  private scanObjects(): void {
    this.where.clear();
    this.cache.clear();
    this.trailer = new Map();
    const text = latin1(this.bytes);
    const re = /(?<![0-9])(\d+)\s+\d+\s+obj\b/g;
    const streams: number[] = [];
    for (let m = re.exec(text); m; m = re.exec(text)) this.where.set(Number(m[1]), { offset: m.index });
    for (const [num] of this.where) {
      let v: PdfValue | PdfStream;
      try {
        v = this.object(num);
      } catch {
        this.cache.set(num, null);
        continue;
      }
      const dict =
        v && typeof v === 'object' && 'data' in v ? (v as PdfStream).dict : v instanceof Map ? v : null;
      const type = dict ? nameOf(dict.get('Type')) : undefined;
      if (type === 'ObjStm') streams.push(num);
      if (type === 'Catalog') this.trailer.set('Root', new PdfRef(num, 0));
    }
    for (const s of streams) {
      const stream = this.object(s) as PdfStream;
      const n = stream.dict.get('N');
      const data = typeof n === 'number' ? this.decodedOrNull(stream) : null;
      if (!data) continue;
      const lex = new PdfLexer(data);
      for (let i = 0; i < (n as number); i++) {
        const num = lex.value() as number;
        lex.value();
        if (!this.where.has(num)) this.where.set(num, { inStream: s, index: i });
      }
    }
    for (const [num, at] of this.where) {
      if (!('inStream' in at) || this.trailer.has('Root')) continue;
      const v = this.object(num);
      if (v instanceof Map && nameOf(v.get('Type')) === 'Catalog')
        this.trailer.set('Root', new PdfRef(num, 0));
    }
  }

  private decodedOrNull(stream: PdfStream): Uint8Array | null {
    try {
      return this.decoded(stream);
    } catch {
      return null;
    }
  }
}
