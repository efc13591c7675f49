import { applyDigitMask, isDateFormat } from './cellText';
import { elementContent, eachTag, rootPrefix } from './xml';

/** How a number in a cell of a given style index (`<c s="…">`) is shown. */
export interface CellFormats {
  /** 1: a date or time format. */
  date: Uint8Array;
  /** A digit mask such as `000-000-000 00` (see applyDigitMask), or undefined. */
  mask: (string | undefined)[];
}

/** Built-in number formats that show dates and times (ECMA-376 §18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Number formats of every cell style in the styles part (`xl/styles.xml`; absent: every number plain). */
export function readCellFormats(xml: string | undefined): CellFormats {
  const empty: CellFormats = { date: new Uint8Array(0), mask: [] };
  if (!xml) return empty;
  const prefix = rootPrefix(xml);
  const custom = new Map<number, string>();
  const numFmts = elementContent(xml, prefix + 'numFmts');
  if (numFmts) {
    eachTag(xml, prefix + 'numFmt', numFmts.start, numFmts.end, (a) => {
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    });
  }
  const xfs = elementContent(xml, prefix + 'cellXfs');
  if (!xfs) return empty;
  const ids: number[] = [];
  eachTag(xml, prefix + 'xf', xfs.start, xfs.end, (a) => ids.push(Number(a.numFmtId ?? 0)));
  const date = new Uint8Array(ids.length);
  const mask: (string | undefined)[] = [];
  ids.forEach((id, i) => {
    const fmt = custom.get(id);
    if (fmt === undefined) date[i] = BUILT_IN_DATES.has(id) ? 1 : 0;
    else if (isDateFormat(fmt)) date[i] = 1;
    else if (applyDigitMask(0, fmt) !== null) mask[i] = fmt;
  });
  return { date, mask };
}
