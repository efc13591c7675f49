import ExcelJS from 'exceljs';
import { makePersons } from '../../test/fixtures/persons';
import { projectPersons } from '../../test/fixtures/registryLayouts';
import { buildRegistryXlsx } from './exportRegistry';
import { readRegistryFile } from './readRegistryFile';
import { diffRegistry } from './diffRegistry';

const ALL = [
  'snils',
  'cadastralNumber',
  'area',
  'share',
  'residentialAddress',
  'postalAddress',
  'email',
  'phone',
] as const;

describe('buildRegistryXlsx', () => {
  it('round-trips a gardening partnership: export then import gives the same persons', async () => {
    const persons = makePersons(60, 11, { multiPlot: 0.2, coOwned: 0.1 });
    const bytes = await buildRegistryXlsx(persons, 'СНТ «Берёзка»');
    const r = await readRegistryFile(bytes, 'реестр.xlsx', { kind: 'snt' });
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.headerRow).toBe(3);
    expect(r.value.problems).toEqual([]);
    expect(r.value.persons).toEqual(projectPersons(persons, [...ALL], 'snt', true));
    const d = diffRegistry(persons, r.value.persons);
    expect(d.unchanged).toBe(60);
  });

  it('round-trips an apartment building without a title', async () => {
    const persons = makePersons(40, 12, { kind: 'mkd', coOwned: 0.2 });
    const r = await readRegistryFile(await buildRegistryXlsx(persons), 'мкд.xlsx', { kind: 'mkd' });
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.headerRow).toBe(1);
    expect(r.value.mapping.plotNumber).toBe(4);
    expect(r.value.persons).toEqual(projectPersons(persons, [...ALL], 'mkd', false));
  });

  it('writes one row per plot, freezes the header, filters, formats СНИЛС, keeps areas numeric', async () => {
    const persons = makePersons(5, 13, { multiPlot: 1, coOwned: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildRegistryXlsx(persons, 'СНТ «Берёзка»')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Реестр участников: СНТ «Берёзка»');
    expect(ws.getRow(3).getCell(2).value).toBe('ФИО');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(3 + 10);
    expect(ws.getCell('B4').value).toBe(persons[0]!.fullName);
    expect(ws.getCell('B5').value).toBe(persons[0]!.fullName);
    expect(ws.getCell('C4').value).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
    expect(typeof ws.getCell('G4').value).toBe('number');
    expect(ws.getCell('G4').value).toBe(Number(persons[0]!.holdings[0]!.area));
    expect(ws.getCell('D4').value).toBe(persons[0]!.status === 'member' ? 'член' : 'садовод без членства');
  });
});
