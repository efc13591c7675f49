import { readSource, sourceFiles } from '../../test/fixtures/sourceFiles';
import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from './auditCatalogue';

/** Every action string the code writes: `action: '…'` (also in a conditional), and the typed unions. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(['renderer', 'shared', 'cli'])) {
    const text = readSource(file);
    for (const m of text.matchAll(/action:\s*([^,\n}]+)/g)) {
      for (const lit of m[1]!.matchAll(/'([a-z]+(?:\.[a-zA-Z_]+)+)'/g)) found.add(lit[1]!);
    }
    const change = /export type MeetingChange =([^;]+);/.exec(text);
    if (change) for (const lit of change[1]!.matchAll(/'([^']+)'/g)) found.add(lit[1]!);
    const kinds = /export type VersionKind =([^;]+);/.exec(text);
    if (kinds) for (const lit of kinds[1]!.matchAll(/'([^']+)'/g)) found.add(`ballot.${lit[1]!}`);
  }
  return found;
}

describe('the audit trail as the code writes it', () => {
  it('appends an entry only through renderer/db/auditedWrite (one transaction with the change)', () => {
    const callers = sourceFiles(['renderer']).filter((file) => /\bappendAudit\(/.test(readSource(file)));
    // The definition and the helper: the scan finds them (a check of the check).
    expect(callers).toEqual(['renderer/audit/auditLog.ts', 'renderer/db/auditedWrite.ts']);
  });
});

describe('the catalogue of audit actions', () => {
  it('names every action the code writes', () => {
    const written = [...writtenActions()];
    // The scan itself finds what it should (a check of the check).
    expect(written).toEqual(expect.arrayContaining(['person.update', 'meeting.agenda', 'ballot.entered']));
    expect(written.filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it('gives each a distinct Russian name', () => {
    const labels = Object.values(AUDIT_ACTIONS).map((a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect(l).toMatch(/^[А-ЯЁ][а-яё ()А-ЯЁ,.-]+$/);
  });

  it('reads the examples of the issue', () => {
    expect(auditActionLabel('person.update')).toBe('Изменены данные участника');
    expect(auditActionLabel('ballot.entered')).toBe('Введён бюллетень');
    expect(auditActionLabel('meeting.protocol')).toBe('Сформирован протокол');
    expect(auditActionLabel('something.new')).toBe('Другое действие');
  });
});
