/**
 * The object syntax of PDF (ISO 32000-1, 7.2–7.3), as far as the scan reader needs it to find a page's
 * image: numbers, names, strings (skipped over, their bytes kept), arrays, dictionaries, indirect
 * references, and the bare words of a content stream (operators). A malformed file throws
 * PdfSyntaxError; pdfImages.ts turns it into a Problem.
 */

export class PdfSyntaxError extends Error {}

/** A name (`/Type`), without the slash, `#xx` escapes decoded. */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference `num gen R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A bare word: an operator of a content stream, or a keyword (`obj`, `stream`…). */
export class PdfWord {
  constructor(readonly word: string) {}
}

/** A string's bytes (literal or hex); the reader never looks inside. */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue =
  number | boolean | null | PdfName | PdfRef | PdfWord | PdfString | PdfValue[] | PdfDict;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
/** ( ) < > [ ] { } / % */
const isDelimiter = (c: number) =>
  c === 40 ||
  c === 41 ||
  c === 60 ||
  c === 62 ||
  c === 91 ||
  c === 93 ||
  c === 123 ||
  c === 125 ||
  c === 47 ||
  c === 37;
const isRegular = (c: number | undefined) => c !== undefined && !isSpace(c) && !isDelimiter(c);

/** Reads PDF values from `bytes`, starting at `pos`. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  /** Skips white space and comments. */
  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isSpace(c)) this.pos++;
      else if (c === 37) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.bytes.length;
  }

  /** The next value; `n g R` becomes a PdfRef. Throws at the end of the bytes or on bad syntax. */
  value(): PdfValue {
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end');
    if (c === 47) return this.name();
    if (c === 91) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === 93) break;
        items.push(this.value());
      }
      this.pos++;
      return items;
    }
    if (c === 60 && b[this.pos + 1] === 60) return this.dict();
    if (c === 60) return this.hexString();
    if (c === 40) return this.literalString();
    if (c === 45 || c === 43 || c === 46 || (c >= 48 && c <= 57)) return this.numberOrRef();
    if (!isRegular(c)) throw new PdfSyntaxError(`unexpected byte ${c} at ${this.pos}`);
    const word = this.word();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new PdfWord(word);
  }

  /** The dictionary starting here (`<< … >>`). */
  dict(): PdfDict {
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 62 && this.bytes[this.pos + 1] === 62) break;
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfSyntaxError(`dictionary key at ${this.pos}`);
      dict.set(key.name, this.value());
    }
    this.pos += 2;
    return dict;
  }

  word(): string {
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    return String.fromCharCode(...this.bytes.subarray(start, this.pos));
  }

  private name(): PdfName {
    this.pos++;
    const raw = this.word();
    return new PdfName(
      raw.includes('#')
        ? raw.replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        : raw,
    );
  }

  private numberOrRef(): number | PdfRef {
    const n = this.number();
    if (!Number.isInteger(n) || n < 0) return n;
    const save = this.pos;
    this.skipSpace();
    const c = this.bytes[this.pos];
    if (c !== undefined && c >= 48 && c <= 57) {
      const gen = this.number();
      this.skipSpace();
      if (this.bytes[this.pos] === 82 && !isRegular(this.bytes[this.pos + 1])) {
        this.pos++;
        return new PdfRef(n, gen);
      }
    }
    this.pos = save;
    return n;
  }

  private number(): number {
    const text = this.word();
    const n = Number(text);
    if (Number.isNaN(n)) {
      // Some writers put `--5` or `5-`: take what reads as a number, as other readers do.
      const m = /^[+-]*(\d*\.?\d*)/.exec(text);
      const v = Number((text.startsWith('-') ? '-' : '') + (m?.[1] ?? ''));
      if (Number.isNaN(v)) throw new PdfSyntaxError(`number «${text}»`);
      return v;
    }
    return n;
  }

  private hexString(): PdfString {
    const end = this.bytes.indexOf(62, this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    const start = this.pos + 1;
    this.pos = end + 1;
    return new PdfString(this.bytes.subarray(start, end));
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const start = ++this.pos;
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 92) this.pos++;
      else if (c === 40) depth++;
      else if (c === 41 && --depth === 0) return new PdfString(b.subarray(start, this.pos - 1));
    }
    throw new PdfSyntaxError('unterminated string');
  }
}

/** `dict[key]` as a name, or undefined. */
export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}
