import { strToU8, zipSync, type Zippable } from 'fflate';
import { readTable } from './readTable';

/**
 * XLSX packages written by hand, as other programs write them (Excel, LibreOffice, the Open XML SDK,
 * Gosuslugi): what exceljs never writes, so the exceljs-written files of readTable.test.ts miss it.
 */

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface SheetPart {
  name: string;
  /** Everything inside <worksheet>: <sheetData>…</sheetData>, <mergeCells>… */
  body: string;
  state?: 'hidden' | 'veryHidden';
  /** Part file name under xl/worksheets/ (default sheetN.xml by position). */
  file?: string;
}

interface Book {
  sheets: SheetPart[];
  /** <si> elements, without the <sst> wrapper. */
  strings?: string[];
  /** Custom number formats [id, code] and the numFmtId of each cell style (style 0 first). */
  numFmts?: [number, string][];
  xfs?: number[];
  date1904?: boolean;
  /** Parts stored in the zip before the workbook, in this order (default: workbook first). */
  sheetsFirst?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function xlsx(book: Book): Uint8Array {
  const files = book.sheets.map((s, i) => s.file ?? `sheet${i + 1}.xml`);
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${NS} xmlns:r="${REL}">` +
    (book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    '<sheets>' +
    book.sheets
      .map(
        (s, i) =>
          `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 10}"/>`,
      )
      .join('') +
    '</sheets></workbook>';
  const rels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
    files
      .map((f, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/${f}"/>`)
      .join('') +
    '</Relationships>';
  const styles =
    `<styleSheet ${NS}>` +
    (book.numFmts
      ? `<numFmts count="${book.numFmts.length}">` +
        book.numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('') +
        '</numFmts>'
      : '') +
    '<cellXfs>' +
    (book.xfs ?? [0])
      .map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf>`)
      .join('') +
    '</cellXfs></styleSheet>';
  const sheetParts: Zippable = {};
  book.sheets.forEach((s, i) => {
    sheetParts[`xl/worksheets/${files[i]}`] = strToU8(
      `<worksheet ${NS} xmlns:r="${REL}">${s.body}</worksheet>`,
    );
  });
  const rest: Zippable = {
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}>${(book.strings ?? []).join('')}</sst>`),
  };
  return zipSync(book.sheetsFirst ? { ...sheetParts, ...rest } : { ...rest, ...sheetParts });
}

async function rowsOf(bytes: Uint8Array): Promise<string[][]> {
  const r = await readTable(bytes, 'f.xlsx');
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value.rows;
}

const one = (body: string, extra: Omit<Book, 'sheets'> = {}): Uint8Array =>
  xlsx({ sheets: [{ name: 'Лист1', body: `<sheetData>${body}</sheetData>` }], ...extra });

describe('readXlsx: strings', () => {
  it('joins rich text runs of a shared string, leaving out phonetic hints', async () => {
    const strings = [
      '<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">Иванов </t></r>' +
        '<r><rPr><i/></rPr><t>Иван</t></r><r><t xml:space="preserve"> Иванович</t></r></si>',
      '<si><t>Петров</t><rPh sb="0" eb="1"><t>ペトロフ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si/>',
      '<si><t/></si>',
      '<si><t>тот же</t></si>',
    ];
    const rows = await rowsOf(
      one(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
          '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
        { strings },
      ),
    );
    expect(rows).toEqual([['Иванов Иван Иванович', 'Петров', '', '', 'тот же']]);
  });

  it('reads inline strings, plain and rich, and formula string results', async () => {
    const rows = await rowsOf(
      one(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>СНТ «Берёзка»</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><t>уч. </t></r><r><rPr><b/></rPr><t>12</t></r></is></c>' +
          '<c r="C1" t="str"><f>A1&amp;"!"</f><v>СНТ «Берёзка»!</v></c>' +
          '<c r="D1" t="inlineStr"><is><t xml:space="preserve">  два   пробела\n</t></is></c></row>',
      ),
    );
    expect(rows).toEqual([['СНТ «Берёзка»', 'уч. 12', 'СНТ «Берёзка»!', 'два пробела']]);
  });

  it('decodes named and numeric entities and _xHHHH_ escapes', async () => {
    const rows = await rowsOf(
      one(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&#1040;&#x411;В &lt;1&gt;</t></is></c>' +
          '<c r="C1" t="s"><v>1</v></c></row>',
        {
          strings: [
            '<si><t>ООО &quot;Ромашка&quot; &amp; сын&apos;s</t></si>',
            '<si><t>строка_x000D_&#10;вторая _x005F_x0041_</t></si>',
          ],
        },
      ),
    );
    expect(rows).toEqual([['ООО "Ромашка" & сын\'s', 'АБВ <1>', 'строка вторая _x0041_']]);
  });
});

describe('readXlsx: numbers and dates', () => {
  it('shows numbers as written, booleans, errors and cached formula values', async () => {
    const rows = await rowsOf(
      one(
        '<row r="1"><c r="A1"><v>1200</v></c><c r="B1" t="n"><v>54.299999999999997</v></c><c r="C1"><v>-7</v></c>' +
          '<c r="D1"><v>1E-3</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c>' +
          '<c r="G1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H1"><f>A1*2</f><v>2400</v></c>' +
          '<c r="I1"><f t="shared" si="0"/><v>0.30000000000000004</v></c><c r="J1"><f>A1</f></c>' +
          '<c r="K1"><v>012</v></c><c r="L1"><v>2.5E+3</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      ['1200', '54.3', '-7', '0.001', 'ИСТИНА', 'ЛОЖЬ', '#DIV/0!', '2400', '0.3', '', '12', '2500'],
    ]);
  });

  it('shows dates of built-in and custom date formats and ISO date cells as DD.MM.YYYY, other formats as numbers', async () => {
    // 46174 = 01.06.2026; 46174.395833333336 = 09:30 that day.
    const numFmts: [number, string][] = [
      [164, 'dd/mm/yyyy;@'],
      [165, '[$-419]d\\ mmmm\\ yyyy\\ "г."'],
      [166, 'DD.MM.YYYY hh:mm'],
      [167, '0" дней"'],
      [168, '[Red]#,##0.00'],
      [169, '000\\-000\\-000\\ 00'],
      [170, '_-* #,##0.00\\ "₽"_-'],
      [14, 'dd.mm.yyyy'],
    ];
    const xfs = [0, 14, 164, 165, 166, 167, 168, 169, 170, 22];
    const cells = [
      '46174',
      '46174',
      '46174',
      '46174',
      '46174.395833333336',
      '46174',
      '46174.5',
      '2516083925',
      '1234.5',
      '46174.5',
    ];
    const row = cells
      .map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>${v}</v></c>`)
      .join('');
    const iso =
      '<row r="2"><c r="A2" t="d"><v>2026-06-01T00:00:00</v></c><c r="B2" t="d"><v>2026-06-01T09:30:00Z</v></c></row>';
    const rows = await rowsOf(one(`<row r="1">${row}</row>${iso}`, { numFmts, xfs }));
    expect(rows[1]!.slice(0, 2)).toEqual(['01.06.2026', '01.06.2026 09:30']);
    expect(rows[0]).toEqual([
      '46174',
      '01.06.2026',
      '01.06.2026',
      '01.06.2026',
      '01.06.2026 09:30',
      '46174',
      '46174.5',
      '025-160-839 25',
      '1234.5',
      '01.06.2026 12:00',
    ]);
  });

  it('counts dates from 1904 in a 1904 workbook', async () => {
    const rows = await rowsOf(
      one('<row r="1"><c r="A1" s="1"><v>44712</v></c></row>', { xfs: [0, 14], date1904: true }),
    );
    expect(rows).toEqual([['01.06.2026']]);
  });
});

describe('readXlsx: layout', () => {
  it('copies a merged value into every cell of its range, and blanks stale values under an empty one', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Реестр</t></is></c><c r="B1"/><c r="C1"/></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>ФИО</t></is></c><c r="B2" t="inlineStr"><is><t>Участок</t></is></c>' +
      '<c r="C2" t="inlineStr"><is><t>Площадь</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Иванов</t></is></c><c r="B3"><v>12</v></c><c r="C3"><v>600</v></c></row>' +
      '<row r="4"><c r="B4"><v>13</v></c><c r="C4"><v>400</v></c></row>' +
      '<row r="5"><c r="B5"/><c r="C5"><v>999</v></c></row></sheetData>' +
      '<mergeCells count="4"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A4"/><mergeCell ref="B5:C5"/>' +
      '<mergeCell ref="A7:XFD1048576"/></mergeCells>';
    expect(await rowsOf(xlsx({ sheets: [{ name: 'Лист1', body }] }))).toEqual([
      ['Реестр', 'Реестр', 'Реестр'],
      ['ФИО', 'Участок', 'Площадь'],
      ['Иванов', '12', '600'],
      ['Иванов', '13', '400'],
    ]);
  });

  it('places rows and cells without r after the previous ones, keeps blank rows, reads prefixed XML', async () => {
    const body =
      '<x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>b2</x:t></x:is></x:c><x:c><x:v>3</x:v></x:c></x:row>' +
      '<x:row><x:c><x:v>1</x:v></x:c><x:c/><x:c><x:v>3</x:v></x:c></x:row>' +
      '<x:row r="6" spans="1:3"><x:c r="C6"><x:v>6</x:v></x:c></x:row><x:row r="9"/></x:sheetData>';
    const bytes = zipSync({
      '_rels/.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:sheets><x:sheet name="Data" sheetId="1" r:id="R2"/></x:sheets></x:workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R2" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
      ),
      'xl/worksheets/data.xml': strToU8(
        `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</x:worksheet>`,
      ),
    });
    const r = await readTable(bytes, 'sdk.xlsx');
    expect(r.ok && r.value.sheetName).toBe('Data');
    expect(r.ok && r.value.rows).toEqual([
      ['', '', ''],
      ['', 'b2', '3'],
      ['1', '', '3'],
      ['', '', ''],
      ['', '', ''],
      ['', '', '6'],
    ]);
  });

  it('takes sheets in workbook order, not zip order, and visible ones before hidden ones', async () => {
    const cell = (t: string): string =>
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c></row></sheetData>`;
    const bytes = xlsx({
      sheetsFirst: true,
      sheets: [
        { name: 'Скрытый', body: cell('скрытый'), state: 'hidden', file: 'sheet9.xml' },
        {
          name: 'Пустой',
          body: '<sheetData><row r="1"><c r="A1" s="0"/></row></sheetData>',
          file: 'sheet1.xml',
        },
        { name: 'Второй', body: cell('второй'), file: 'sheet3.xml' },
        { name: 'Первый', body: cell('третий'), file: 'sheet2.xml' },
      ],
    });
    const r = await readTable(bytes, 'x.xlsx');
    expect(r.ok && r.value.sheetName).toBe('Второй');
    expect(r.ok && r.value.rows).toEqual([['второй']]);

    const onlyHidden = xlsx({ sheets: [{ name: 'Скрытый', body: cell('скрытый'), state: 'veryHidden' }] });
    const h = await readTable(onlyHidden, 'h.xlsx');
    expect(h.ok && h.value.rows).toEqual([['скрытый']]);
  });

  it('refuses a zip that is not a workbook and a workbook with a damaged sheet', async () => {
    const notBook = await readTable(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'отчёт.xlsx');
    expect(!notBook.ok && notBook.error[0]!.code).toBe('file_unreadable');
    expect(!notBook.ok && notBook.error[0]!.message).toBe(
      'Файл «отчёт.xlsx» не удалось прочитать: файл Excel повреждён или сохранён не полностью.',
    );
    const cut = one('<row r="1"><c r="A1" t="inlineStr"><is><t>обрыв');
    const c = await readTable(cut, 'cut.xlsx');
    expect(!c.ok && c.error[0]!.code).toBe('file_unreadable');
    const noSheets = await readTable(xlsx({ sheets: [] }), 'пусто.xlsx');
    expect(!noSheets.ok && noSheets.error[0]!.code).toBe('file_empty');
  });
});
