/**
 * A small streaming XLSX writer: sheets of plain values (inline strings, numbers), a bold wrapped
 * header row that is frozen and carries a filter, column widths and two number formats. Each sheet's
 * rows are turned into XML a block at a time and deflated into the zip as they come (fflate), so no
 * object per cell is ever built: the results workbook of 5,000 people is written in a fraction of the
 * time exceljs's in-memory writer takes, and read back by exceljs, Excel and LibreOffice alike.
 */
import { Zip, ZipDeflate } from 'fflate';
import { columnLetter } from '../gosuslugi/checkMapping';
import { concatBytes } from '../bytes/concatBytes';
import { utf8Bytes } from '../bytes/utf8Bytes';

/** A number format a cell or column may carry. */
export type XlsxFormat = 'weight' | 'percent';

export interface XlsxColumn {
  header: string;
  /** Excel column width, characters. */
  width: number;
  format?: XlsxFormat;
}

/** A cell: text, a number, empty, or a number with its own format (overriding its column's). */
export type XlsxCell = string | number | null | { value: number; format: XlsxFormat };

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Iterable<readonly XlsxCell[]>;
}

// Style ids in styles.xml's cellXfs: 0 plain, 1 header (bold, top, wrapped), 2 «0.00», 3 «0.00%».
const HEADER_STYLE = 1;
const FORMAT_STYLE: Record<XlsxFormat, number> = { weight: 2, percent: 3 };
const ROWS_PER_CHUNK = 500;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 does not allow (control characters other than tab, line feed, carriage return).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function cellXml(ref: string, cell: XlsxCell, columnStyle: number): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') {
    const space = cell.trim() === cell ? '' : ' xml:space="preserve"';
    const s = columnStyle ? ` s="${columnStyle}"` : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(cell)}</t></is></c>`;
  }
  const [value, style] =
    typeof cell === 'number' ? [cell, columnStyle] : [cell.value, FORMAT_STYLE[cell.format]];
  if (!Number.isFinite(value)) return '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
}

function rowXml(r: number, cells: readonly XlsxCell[], styles: readonly number[]): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(`${columnLetter(i)}${r}`, cells[i]!, styles[i] ?? 0);
  return `${xml}</row>`;
}

function sheetHead(columns: XlsxColumn[]): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>' +
    rowXml(
      1,
      columns.map((c) => c.header),
      columns.map(() => HEADER_STYLE),
    )
  );
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
  '<alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function packageParts(sheets: string[], creator: string): [string, string][] {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        `${overrides}</Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:creator>${escapeXml(creator)}</dc:creator></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
        sheets
          .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', STYLES],
  ];
}

/**
 * Writes the sheets into one XLSX file. Rows are read from each sheet's iterable once, in order, and
 * deflated (fast level) in blocks as they are read.
 */
export function writeXlsx(sheets: XlsxSheet[], creator = 'Голос'): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  const part = (name: string): ZipDeflate => {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    return file;
  };
  for (const [name, xml] of packageParts(
    sheets.map((s) => s.name),
    creator,
  ))
    part(name).push(utf8Bytes(xml), true);
  sheets.forEach((sheet, i) => {
    const file = part(`xl/worksheets/sheet${i + 1}.xml`);
    const styles = sheet.columns.map((c) => (c.format ? FORMAT_STYLE[c.format] : 0));
    let xml = sheetHead(sheet.columns);
    let r = 1;
    for (const row of sheet.rows) {
      xml += rowXml(++r, row, styles);
      if (r % ROWS_PER_CHUNK === 0) {
        file.push(utf8Bytes(xml));
        xml = '';
      }
    }
    const last = columnLetter(Math.max(0, sheet.columns.length - 1));
    file.push(utf8Bytes(`${xml}</sheetData><autoFilter ref="A1:${last}1"/></worksheet>`), true);
  });
  zip.end();
  if (failure) throw failure;
  return concatBytes(chunks);
}
