/**
 * The little XML an XLSX reader needs, over a decoded string with indexOf: no DOM (not in workers or
 * Node), no general parser. Elements may carry a namespace prefix (`<x:row>` from the Open XML SDK):
 * callers find it once per part with rootPrefix and spell their tags with it.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML entities decoded: the five named ones and numeric ones (`&#10;`, `&#x41;`). */
export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35 /* # */) return NAMED[name] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML string escapes: `_x000D_` is a carriage return, `_x005F_` a literal underscore. */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The namespace prefix of the root element, with its colon (`x:`), or '' when it has none. */
export function rootPrefix(xml: string): string {
  let i = xml.indexOf('<');
  while (i >= 0 && (xml.charCodeAt(i + 1) === 63 /* ? */ || xml.charCodeAt(i + 1) === 33) /* ! */) {
    i = xml.indexOf('<', i + 1);
  }
  if (i < 0) return '';
  let j = i + 1;
  while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
  const name = xml.slice(i + 1, j);
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

/** Space, tab, line breaks, `>` or `/`: what may follow an element's name. */
export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Index of the next start tag `<name` (exactly that name) at or after `from`, or -1. */
export function findTag(xml: string, name: string, from: number, before = xml.length): number {
  const open = '<' + name;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < before) {
    if (isNameEnd(xml.charCodeAt(i + open.length))) return i;
    i = xml.indexOf(open, i + open.length);
  }
  return -1;
}

/** Index just past the `>` of the tag starting at `start`, skipping quoted attribute values. */
export function tagEnd(xml: string, start: number): number {
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** Attributes of one start tag (the text from `<` to `>`), values decoded; names keep their prefix. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Every `<name …>` start tag between `from` and `to` with its attributes (for small parts only). */
export function eachTag(
  xml: string,
  name: string,
  from: number,
  to: number,
  visit: (attrs: Record<string, string>, start: number, end: number) => void,
): void {
  let i = findTag(xml, name, from, to);
  while (i >= 0) {
    const end = tagEnd(xml, i);
    if (end < 0) return;
    visit(attributes(xml.slice(i, end)), i, end);
    i = findTag(xml, name, end, to);
  }
}

/**
 * The span [start, end) inside the first `<name>…</name>`, or null when absent or self-closed.
 * `once`: the part has one such element, its end is searched from the end of the part (a worksheet's
 * `<sheetData>` is nearly all of it).
 */
export function elementContent(
  xml: string,
  name: string,
  once = false,
): { start: number; end: number; after: number } | null {
  const i = findTag(xml, name, 0);
  if (i < 0) return null;
  const open = tagEnd(xml, i);
  if (open < 0 || xml.charCodeAt(open - 2) === 47 /* / */) return null;
  const close = once ? xml.lastIndexOf('</' + name + '>') : xml.indexOf('</' + name + '>', open);
  if (close < open) return null;
  return { start: open, end: close, after: close + name.length + 3 };
}
