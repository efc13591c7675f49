import type { AuditEntry } from '../../shared/audit/auditChain';
import type { Person } from '../../shared/domain/types';
import { auditChanges, auditSubject, journalLine } from './auditText';
import { formatJournalDate } from '../../shared/meetings/dates';

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: new Date(2026, 11, 2, 16, 19).toISOString(),
  prevHash: '',
  hash: '',
  actor: 'Секретарь',
  action: 'person.update',
  entity: 'person',
  entityId: '3f2a1c9e-0000-4000-8000-000000000001',
  ...e,
});

const ivanov: Person = {
  id: '3f2a1c9e-0000-4000-8000-000000000001',
  fullName: 'Иванов Иван Иванович',
  snils: '11223344595',
  status: 'member',
  holdings: [{ plotNumber: '12', area: '600.00' }],
};

describe('the journal in plain Russian', () => {
  it('writes dates as «2 декабря 2026, 16:19»', () => {
    expect(formatJournalDate(new Date(2026, 11, 2, 16, 19).toISOString())).toBe('2 декабря 2026, 16:19');
    expect(formatJournalDate(new Date(2025, 0, 5, 9, 5).toISOString())).toBe('5 января 2025, 9:05');
  });

  it('names a person by name and plot and each changed field by its label, never ids or JSON', () => {
    const e = entry({
      before: { ...ivanov, createdAt: '2026-01-01T00:00:00.000Z' },
      after: {
        ...ivanov,
        status: 'gardener',
        holdings: [{ plotNumber: '12', area: '600.00', share: '1/2' }],
      },
    });
    const line = journalLine(e, { persons: new Map() });
    expect(line.what).toBe('Изменены данные участника');
    expect(line.subject).toBe('Иванов Иван Иванович (участок 12)');
    expect(line.changes).toEqual([
      'Статус: член → садовод без членства',
      'Участки: 12 (600,00 м²) → 12 (600,00 м², доля 1/2)',
    ]);
  });

  it('names a ballot by its voter and its marks in words', () => {
    const e = entry({
      action: 'ballot.corrected',
      entity: 'ballot',
      before: { voter: { fullName: 'Петрова Анна', plotNumber: '7' }, marks: { 1: 'for', 2: 'against' } },
      after: { voter: { fullName: 'Петрова Анна', plotNumber: '7' }, marks: { 1: 'for', 2: 'abstain' } },
    });
    expect(auditSubject(e, { persons: new Map() })).toBe('Бюллетень: Петрова Анна, участок 7');
    expect(auditChanges(e)).toEqual([
      'Ответы: вопрос 1: за; вопрос 2: против → вопрос 1: за; вопрос 2: воздержался',
    ]);
  });

  it('names the person of an attendance by the registry, and a registry import by its file', () => {
    const persons = new Map([[ivanov.id, ivanov]]);
    const e = entry({ action: 'attendance.register', entity: 'attendance', after: { personId: ivanov.id } });
    expect(auditSubject(e, { persons })).toBe('Иванов Иван Иванович (участок 12)');
    const imp = entry({
      action: 'import.registry',
      entity: 'registry',
      entityId: 'реестр.xlsx',
      before: { persons: 0 },
      after: { added: 300, changed: 0, removed: 0, persons: 300 },
    });
    const line = journalLine(imp, { persons });
    expect([line.what, line.subject]).toEqual(['Импортирован реестр', 'Файл «реестр.xlsx»']);
    expect(line.changes).toEqual(['Добавлено: 300', 'Изменено: 0', 'Удалено: 0', 'Людей в реестре: 0 → 300']);
  });

  it('names the people a registry import added, changed and removed', () => {
    const imp = entry({
      action: 'import.registry',
      entity: 'registry',
      entityId: 'реестр.xlsx',
      before: { persons: 2 },
      after: {
        added: 1,
        changed: 1,
        removed: 1,
        persons: 2,
        people: {
          added: [{ id: 'a1', name: 'Новиков Олег (участок 3)' }],
          changed: [
            {
              id: 'c1',
              name: 'Иванов Иван Иванович (участок 12)',
              fields: ['status', 'email'],
              changes: ['Статус: член → садовод без членства', 'Эл. почта: — → i@example.ru'],
            },
          ],
          removed: [{ id: 'r1', name: 'Петрова Анна (участок 7)' }],
        },
      },
    });
    expect(journalLine(imp, { persons: new Map() }).changes).toEqual([
      'Добавлено: 1',
      'Изменено: 1',
      'Удалено: 1',
      'Добавлены (1): Новиков Олег (участок 3)',
      'Удалены (1): Петрова Анна (участок 7)',
      'Изменены данные: Иванов Иван Иванович (участок 12) — Статус: член → садовод без членства; Эл. почта: — → i@example.ru',
    ]);
    const many = entry({
      action: 'import.registry',
      entity: 'registry',
      entityId: 'реестр.xlsx',
      after: {
        added: 32,
        people: {
          added: Array.from({ length: 32 }, (_, i) => ({ id: `p${i}`, name: `Человек ${i + 1}` })),
          changed: [],
          removed: [],
        },
      },
    });
    const line = auditChanges(many).find((l) => l.startsWith('Добавлены'))!;
    expect(line).toMatch(/^Добавлены \(32\): Человек 1; Человек 2; .*; Человек 30; и ещё 2$/);
  });

  it('lists the status values remembered for imports', () => {
    const e = entry({
      action: 'settings.statusValues',
      entity: 'settings',
      before: { инд: 'gardener' },
      after: { инд: 'gardener', арендатор: 'gardener', '': 'member' },
    });
    expect(auditChanges(e)).toEqual(['«арендатор»: садовод без членства', '«(пусто)»: член']);
  });
});
