import { unzipSync } from 'fflate';
import { checkPartSize, MAX_PARTS, SpreadsheetLimitError } from './limits';
import { eachTag, elementContent, rootPrefix } from './xml';

/** A worksheet as the workbook lists it. */
export interface SheetEntry {
  name: string;
  visible: boolean;
  /** Path of its part inside the package. */
  path: string;
}

/** The parts of an XLSX package a reader needs; parts are inflated only when asked for. */
export interface XlsxPackage {
  /** Worksheets in workbook order (chart sheets left out). */
  sheets: SheetEntry[];
  date1904: boolean;
  stylesPath?: string;
  sharedStringsPath?: string;
  /** Decoded text of a part, undefined when the package has no such part. */
  text(path: string | undefined): string | undefined;
}

/** Part bytes as text: UTF-8 (BOM or not) or UTF-16 with a BOM. */
function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** `xl/` for `xl/workbook.xml`. */
const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** A relationship target resolved against the folder of the part that points to it. */
function resolveTarget(base: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : dirOf(base) + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

interface Relationship {
  type: string;
  target: string;
}

/** Relationships of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`) by id, targets resolved. */
function relationships(pkg: Pick<XlsxPackage, 'text'>, partPath: string): Map<string, Relationship> {
  const dir = dirOf(partPath);
  const xml = pkg.text(`${dir}_rels/${partPath.slice(dir.length)}.rels`);
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  eachTag(xml, rootPrefix(xml) + 'Relationship', 0, xml.length, (a) => {
    if (!a.Id || !a.Target || a.TargetMode === 'External') return;
    out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(partPath, a.Target) });
  });
  return out;
}

const ofType = (rel: Relationship | undefined, type: string): boolean =>
  !!rel && rel.type.endsWith('/' + type);

/**
 * Opens an XLSX (zip) package: its workbook, the worksheets in order, and where the styles and shared
 * strings are. Throws on a broken zip or a package without a workbook; a SpreadsheetLimitError for a
 * package of more than MAX_PARTS parts or a part declared to inflate past MAX_PART_BYTES, before
 * inflating it (the inflater writes into a buffer of the declared size, so a part that lies about
 * its size is cut there, never grown).
 */
export function openXlsx(bytes: Uint8Array): XlsxPackage {
  // Part names as stored, found case-insensitively (some writers differ in case from their own rels).
  const names = new Map<string, string>();
  const sizes = new Map<string, number>();
  unzipSync(bytes, {
    filter: (f) => {
      if (names.size >= MAX_PARTS) {
        throw new SpreadsheetLimitError(`в архиве файла больше ${MAX_PARTS} частей.`);
      }
      names.set(f.name.toLowerCase(), f.name);
      sizes.set(f.name, f.originalSize);
      return false;
    },
  });
  const text = (path: string | undefined): string | undefined => {
    const name = path === undefined ? undefined : names.get(path.toLowerCase());
    if (name === undefined) return undefined;
    checkPartSize(sizes.get(name) ?? 0);
    const part = unzipSync(bytes, { filter: (f) => f.name === name })[name];
    return part ? decodePart(part) : undefined;
  };

  const rootRels = relationships({ text }, '');
  const office = [...rootRels.values()].find((r) => ofType(r, 'officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (!workbook) throw new Error('no workbook part');
  const rels = relationships({ text }, workbookPath);
  const prefix = rootPrefix(workbook);

  let date1904 = false;
  eachTag(workbook, prefix + 'workbookPr', 0, workbook.length, (a) => {
    date1904 = a.date1904 === '1' || a.date1904 === 'true';
  });
  const sheets: SheetEntry[] = [];
  const list = elementContent(workbook, prefix + 'sheets');
  if (list) {
    eachTag(workbook, prefix + 'sheet', list.start, list.end, (a) => {
      const idKey = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
      const rel = idKey ? rels.get(a[idKey]!) : undefined;
      if (!rel || !ofType(rel, 'worksheet')) return;
      sheets.push({ name: a.name ?? '', visible: !a.state || a.state === 'visible', path: rel.target });
    });
  }
  const all = [...rels.values()];
  return {
    sheets,
    date1904,
    stylesPath: all.find((r) => ofType(r, 'styles'))?.target,
    sharedStringsPath: all.find((r) => ofType(r, 'sharedStrings'))?.target,
    text,
  };
}
