import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../domain/types';
import type { AttendanceRecord } from '../attendance';
import { entryReducer, initialEntryState } from './entryReducer';
import { entryWarnings, onlyQuestionsText } from './entryWarnings';
import { ctx, defaults, gardenerIndex, member, press, registry, TEN_FOR, typed } from './entry.testkit';

const pick = (c: ReturnType<typeof ctx>, who = '12') => press(typed(initialEntryState(c), who), 'Enter');

describe('warnings at the moment of entry', () => {
  it('a ballot received after the end of voting: «не будет учтён», with both dates; saved on Enter, not by itself', () => {
    let s = pick(ctx());
    expect(entryWarnings(s)).toEqual([]);
    s = entryReducer(s, { type: 'fields', fields: { receivedAt: '2026-06-15' } });
    expect(entryWarnings(s)).toEqual(['Не будет учтён: получен 15.06, голосование окончено 14.06.']);
    s = press(s, ...TEN_FOR);
    // The last mark does not save a ballot with a warning: the operator looks, then presses Enter.
    expect(s.outbox).toEqual([]);
    expect(s.message).toEqual({
      level: 'warning',
      text: 'Все вопросы введены, бюллетень не сохранён сам: проверьте предупреждение выше, затем Enter — сохранить.',
    });
    s = press(s, 'Enter');
    expect(s.outbox).toHaveLength(1);
    expect(s.message).toEqual({
      level: 'warning',
      text: `Сохранён бюллетень: ${member.fullName}. Не будет учтён: получен 15.06, голосование окончено 14.06. Исправить его — Backspace.`,
    });
  });

  it('a ballot received before the start of voting', () => {
    const s = entryReducer(pick(ctx()), { type: 'fields', fields: { receivedAt: '2026-05-31' } });
    expect(entryWarnings(s)).toEqual(['Не будет учтён: получен 31.05, голосование началось 01.06.']);
  });

  it('a person who already voted through Госуслуги: «уже голосовал: Госуслуги, 05.06», and Enter twice', () => {
    const electronic: Ballot = {
      id: 'g-1',
      channel: 'gosuslugi',
      voter: { snils: member.snils! },
      copy: 'original',
      receivedAt: '2026-06-05',
      voidReasons: [],
      marks: { 1: 'for' },
      source: 'Госуслуги',
    };
    let s = pick(ctx([], 'first', { electronic: [electronic] }));
    expect(entryWarnings(s)).toEqual(['Уже голосовал: Госуслуги, 05.06.']);
    s = press(s, ...TEN_FOR);
    expect(s.outbox).toEqual([]);
    expect(s.message?.text).toBe(
      'Все вопросы введены, бюллетень не сохранён сам: участник уже голосовал — сохранить второй бюллетень: Enter дважды.',
    );
    s = press(s, 'Enter');
    expect(s.outbox).toEqual([]);
    s = press(s, 'Enter');
    expect(s.outbox[0]!.ballot.voter).toMatchObject({ personId: member.id });
  });

  it('another key after the first Enter cancels the confirmation', () => {
    const electronic = {
      id: 'g-1',
      channel: 'gosuslugi',
      voter: { snils: member.snils! },
      copy: 'original',
      receivedAt: '2026-06-05',
      voidReasons: [],
      marks: {},
      source: 'x',
    } satisfies Ballot;
    let s = press(pick(ctx([], 'first', { electronic: [electronic] })), ...TEN_FOR, 'Enter', 'ArrowUp');
    expect(s.confirmSave).toBe(false);
    s = press(s, 'ArrowDown', 'Enter');
    expect(s.outbox).toEqual([]);
  });
});

describe('the in-person ballot and the attendance list', () => {
  const inPerson = {
    ...defaults,
    channel: 'in_person' as const,
    receivedAt: '2026-06-14',
    delivery: 'session' as const,
  };
  const arrival = (rep?: AttendanceRecord['representative']): AttendanceRecord => ({
    id: 'a1',
    personId: member.id,
    arrivedAt: '2026-06-14T10:05:00+03:00',
    by: 'Иванова',
    ...(rep ? { representative: rep } : {}),
  });

  it('warns when the voter is not registered present; not when they are, nor on the paper desk', () => {
    const absent = pick(ctx([], 'first', { defaults: inPerson, attendance: [] }));
    expect(entryWarnings(absent)).toEqual([
      'Не зарегистрирован как присутствующий на очной части: отметьте прибытие в листе регистрации.',
    ]);
    const withdrawn = {
      ...arrival(),
      withdrawn: { by: 'x', at: '2026-06-14T11:00:00+03:00', reason: 'ушёл' },
    };
    expect(
      entryWarnings(pick(ctx([], 'first', { defaults: inPerson, attendance: [withdrawn] }))),
    ).toHaveLength(1);
    expect(entryWarnings(pick(ctx([], 'first', { defaults: inPerson, attendance: [arrival()] })))).toEqual(
      [],
    );
    expect(entryWarnings(pick(ctx()))).toEqual([]);
  });

  it('carries the representative registered at attendance onto the ballot (no retyping)', () => {
    const rep = {
      fullName: 'Петров Пётр Петрович',
      powerOfAttorney: '12',
      powerOfAttorneyDate: '2026-05-20',
    };
    let s = pick(ctx([], 'first', { defaults: inPerson, attendance: [arrival(rep)] }));
    expect(s.fields.representative).toEqual(rep);
    s = press(s, ...TEN_FOR);
    expect(s.outbox[0]!.ballot.representative).toEqual(rep);
    // The next ballot starts without it.
    expect(s.fields.representative).toBeUndefined();
  });
});

describe('gardeners', () => {
  it('«по вопросу № 4» for one question, «по вопросам № 4, 5» for several', () => {
    expect(onlyQuestionsText([1, 2, 3, 4, 5], [3])).toBe(
      'голосует только по вопросу № 4 (остальные пропускаются)',
    );
    expect(onlyQuestionsText([1, 2, 3, 4, 5], [3, 4])).toBe(
      'голосует только по вопросам № 4, 5 (остальные пропускаются)',
    );
    expect(onlyQuestionsText([1, 2], [])).toBe('не голосует ни по одному вопросу повестки');
  });

  it('a mark key after a gardener’s last question says why it does nothing', () => {
    const g = registry[gardenerIndex]!;
    // Question 4 keyed, End jumps over question 5 (so the ballot does not save itself), then a mark.
    const s = press(pick(ctx(), g.holdings[0]!.plotNumber), '1', 'End', '1');
    expect(s.marks.filter((m) => m !== null)).toHaveLength(1);
    expect(s.message?.text).toBe(
      'Клавиша ничего не отмечает: участник голосует только по вопросам № 4, 5 (остальные пропускаются). Enter — сохранить, ↑ — вернуться к вопросу.',
    );
  });
});
