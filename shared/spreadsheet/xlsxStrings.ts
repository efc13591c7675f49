import { collapseSpaces } from './cellText';
import { decodeOoxmlEscapes, decodeXml, findTag, isNameEnd, rootPrefix, tagEnd } from './xml';

/**
 * Text of a string item between `start` and `end` (the content of `<si>` or of an inline `<is>`):
 * its `<t>` elements in order, rich text runs `<r>` joined, phonetic hints `<rPh>` left out; entities
 * and `_x000D_` escapes decoded. `xml:space` needs no care: display text collapses whitespace anyway.
 */
export function stringItemText(xml: string, start: number, end: number, prefix: string): string {
  const t = '<' + prefix + 't';
  // The usual item: one plain `<t>` element.
  if (xml.startsWith(t, start) && isNameEnd(xml.charCodeAt(start + t.length))) {
    const open = tagEnd(xml, start);
    if (open > 0 && xml.charCodeAt(open - 2) !== 47 /* / */) {
      const close = xml.indexOf('<', open);
      if (close >= 0 && xml.startsWith('</' + prefix + 't>', close) && close + t.length + 2 === end) {
        return decodeOoxmlEscapes(decodeXml(xml.slice(open, close)));
      }
    }
  }
  let text = '';
  let i = xml.indexOf('<', start);
  while (i >= 0 && i < end) {
    if (xml.startsWith(t, i) && isNameEnd(xml.charCodeAt(i + t.length))) {
      const open = tagEnd(xml, i);
      if (open < 0) break;
      if (xml.charCodeAt(open - 2) === 47) {
        i = xml.indexOf('<', open);
        continue;
      }
      const close = xml.indexOf('<', open);
      if (close < 0 || close > end) break;
      text += xml.slice(open, close);
      i = xml.indexOf('<', close + 1);
    } else if (findTag(xml, prefix + 'rPh', i, i + 1) === i) {
      const close = xml.indexOf('</' + prefix + 'rPh>', i);
      if (close < 0 || close > end) break;
      i = xml.indexOf('<', close + 1);
    } else i = xml.indexOf('<', i + 1);
  }
  return decodeOoxmlEscapes(decodeXml(text));
}

/** The shared strings part (`xl/sharedStrings.xml`) as display text, whitespace collapsed, by index. */
export function readSharedStrings(xml: string): string[] {
  const prefix = rootPrefix(xml);
  const si = '<' + prefix + 'si';
  const siClose = '</' + prefix + 'si>';
  const out: string[] = [];
  let i = findTag(xml, prefix + 'si', 0);
  while (i >= 0) {
    const open = tagEnd(xml, i);
    if (open < 0) break;
    if (xml.charCodeAt(open - 2) === 47 /* <si/> */) {
      out.push('');
      i = findTag(xml, prefix + 'si', open);
      continue;
    }
    const close = xml.indexOf(siClose, open);
    if (close < 0) break;
    out.push(collapseSpaces(stringItemText(xml, open, close, prefix)));
    i = xml.indexOf(si, close + siClose.length);
    if (i >= 0 && !isNameEnd(xml.charCodeAt(i + si.length))) i = findTag(xml, prefix + 'si', i + 1);
  }
  return out;
}
