import { describe, expect, it } from 'vitest';
import { formatSnils } from '../../../shared/registry/snils';
import { makePersons } from '../../../test/fixtures/persons';
import { REGISTRY_PROBLEM as P } from '../../../shared/registry/problemCodes';
import { createImportHandler } from './importHandler';
import { warmUpImport } from './importWarmUp';

const people = makePersons(12, 1717, { multiPlot: 0, coOwned: 0 });
const rows = [
  ['ФИО', 'СНИЛС', 'Участок', 'Статус'],
  ...people.map((p, i) => [
    i === 4 ? '' : p.fullName,
    formatSnils(p.snils!),
    p.holdings[0]!.plotNumber,
    'член',
  ]),
];
const csv = (list: string[][]) => new TextEncoder().encode(list.map((r) => r.join(';')).join('\n'));

describe('the import worker warmed up while a file is picked', () => {
  it('reads a sample with the problems of a messy file, and fixes its row without a name', async () => {
    const [read, fixed] = await warmUpImport();
    expect(new Set(read!.problems.map((p) => p.code))).toEqual(
      new Set([P.snilsChecksum, P.emailFormat, P.statusUnknown, P.nameEmpty]),
    );
    expect(fixed!.problems.map((p) => p.code)).not.toContain(P.nameEmpty);
    expect(fixed!.personCount).toBe(read!.personCount + 1);
  });

  it('leaves the import under way as it was: its next fix is answered as without the warm-up', async () => {
    const fix = rows[5]!.with(0, 'Новикова Анна Павловна');
    const replies = [];
    for (const warm of [false, true]) {
      const handle = createImportHandler();
      await handle({ type: 'open', bytes: csv(rows), fileName: 'реестр.csv', existing: [], kind: 'snt' });
      if (warm) expect(await handle({ type: 'warm' })).toEqual({ ok: true, value: {} });
      replies.push(await handle({ type: 'edit', row: 6, cells: fix }));
    }
    expect(replies[1]).toEqual(replies[0]);
    // The reply is the fix's change (not a whole analysis sent again).
    expect(Object.keys(replies[0]!.ok && replies[0]!.value)).toContain('problems');
    expect(Object.keys(replies[0]!.ok && replies[0]!.value)).not.toContain('fileName');
  });
});
