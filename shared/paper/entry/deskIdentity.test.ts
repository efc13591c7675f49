import { describe, expect, it } from 'vitest';
import type { MeetingSpec, Person } from '../../domain/types';
import { buildRegistryIndex } from '../../registry/search';
import { checkTypedDetails, typedDetails } from './deskIdentity';
import { createEntryContext } from './entryContext';
import { initialEntryState } from './entryState';
import { press, typed } from './entry.testkit';

// A hand-made registry: two namesakes (plots 12 and 14) and a third person on plot 7.
const IVANOV_12 = '11223344595';
const IVANOV_14 = '22334455601';
const PETROV_7 = '33445566712';
const persons: Person[] = [
  {
    id: 'a',
    fullName: 'Иванов Иван Иванович',
    snils: IVANOV_12,
    status: 'member',
    holdings: [{ plotNumber: '12' }],
  },
  {
    id: 'b',
    fullName: 'Иванов Иван Иванович',
    snils: IVANOV_14,
    status: 'member',
    holdings: [{ plotNumber: '14' }],
  },
  {
    id: 'c',
    fullName: 'Петров Пётр Петрович',
    snils: PETROV_7,
    status: 'member',
    holdings: [{ plotNumber: '7' }],
  },
];
const index = buildRegistryIndex(persons);

describe('the desk reads the details typed from a paper ballot', () => {
  it('splits a СНИЛС (with dashes and spaces), a plot number and name words', () => {
    expect(typedDetails('112-233-445 95 Иванов')).toEqual({ snils: IVANOV_12, name: ['иванов'] });
    expect(typedDetails('12 Иванов Ив')).toEqual({ plot: '12', name: ['иванов', 'ив'] });
    expect(typedDetails('Петров')).toEqual({ name: ['петров'] });
  });
});

describe('the identity check of paper ballots, applied at the desk', () => {
  it('a plot that is someone else’s than the name refuses the ballot, naming the plot and its holder', () => {
    const r = checkTypedDetails(index, '7 Иванов');
    expect(r.kind).toBe('refused');
    if (r.kind !== 'refused') return;
    expect(r.text).toContain('Участок (помещение) № 7 — в реестре Петров Пётр Петрович, а не «иванов»');
    expect(r.text).toContain('указывают на разных участников реестра');
    expect(r.text).toContain('не засчитывается');
  });

  it('a plot or СНИЛС that names no one refuses it: never matched by the name alone', () => {
    const plot = checkTypedDetails(index, '99 Иванов');
    expect(plot).toMatchObject({ kind: 'refused' });
    if (plot.kind === 'refused') {
      expect(plot.text.startsWith('Участок (помещение) № 99 не найден в реестре')).toBe(true);
    }
    const snils = checkTypedDetails(index, '999-888-777 66 Иванов');
    expect(snils).toMatchObject({ kind: 'refused' });
    if (snils.kind === 'refused') {
      // The first six digits are hidden, as in the count's reasons.
      expect(snils.text.startsWith('СНИЛС ***-***-777 66 не найден в реестре')).toBe(true);
    }
  });

  it('a СНИЛС and a plot of different persons refuse it, naming both', () => {
    const r = checkTypedDetails(index, `${PETROV_7} 12`);
    expect(r.kind).toBe('refused');
    if (r.kind === 'refused') {
      expect(r.text).toContain(
        'СНИЛС ***-***-667 12 (Петров Пётр Петрович) и участок (помещение) № 12 (Иванов Иван Иванович)',
      );
    }
  });

  it('details that agree pick the one person among namesakes', () => {
    expect(checkTypedDetails(index, `${IVANOV_14} Иванов`)).toEqual({ kind: 'person', index: 1 });
    expect(checkTypedDetails(index, '12 Иванов')).toEqual({ kind: 'person', index: 0 });
    expect(checkTypedDetails(index, `${IVANOV_12} 12`)).toEqual({ kind: 'person', index: 0 });
  });

  it('a misspelt name beside a plot that found its person opens the ballot with a warning (as the count does)', () => {
    const r = checkTypedDetails(index, '7 Петраков');
    expect(r).toMatchObject({ kind: 'person', index: 2 });
    if (r.kind === 'person') expect(r.warning).toContain('ФИО «петраков» не найдено в реестре');
  });

  it('a single detail, or namesakes without a plot, leaves the answer to the search', () => {
    expect(checkTypedDetails(index, 'Иванов')).toEqual({ kind: 'search' });
    expect(checkTypedDetails(index, '12')).toEqual({ kind: 'search' });
    expect(checkTypedDetails(index, '')).toEqual({ kind: 'search' });
  });
});

describe('the entry desk refuses a ballot whose details name different persons', () => {
  const meeting: MeetingSpec = {
    kind: 'snt',
    form: 'mixed',
    title: 'Собрание',
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    questions: [{ number: 1, text: 'Вопрос 1' }],
  };
  const desk = () =>
    initialEntryState(
      createEntryContext({
        meeting,
        registry: persons,
        defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-06-10' },
      }),
    );

  it('Enter on «7 Иванов» shows the refusal and opens no ballot; «14 Иванов» opens the namesake of plot 14', () => {
    const refused = press(typed(desk(), '7 Иванов'), 'Enter');
    expect(refused.phase).toBe('voter');
    expect(refused.message?.level).toBe('error');
    expect(refused.message?.text).toContain('Участок (помещение) № 7 — в реестре Петров Пётр Петрович');

    const opened = press(typed(desk(), '14 Иванов'), 'Enter');
    expect(opened.phase).toBe('ballot');
    expect(opened.personIndex).toBe(1);
  });

  it('a СНИЛС typed with the name (which the search alone does not combine) opens that person; saved with their id', () => {
    let s = press(
      typed(
        desk(),
        `${IVANOV_14.slice(0, 3)}-${IVANOV_14.slice(3, 6)}-${IVANOV_14.slice(6, 9)} ${IVANOV_14.slice(9)} Иванов`,
      ),
      'Enter',
    );
    expect(s.phase).toBe('ballot');
    expect(s.personIndex).toBe(1);
    s = press(s, '1', 'Enter');
    expect(s.outbox[0]!.ballot.voter.personId).toBe('b');
  });

  it('a СНИЛС of nobody with a name: refused, naming the СНИЛС', () => {
    const s = press(typed(desk(), '99988877766 Петров'), 'Enter');
    expect(s.phase).toBe('voter');
    expect(s.message?.text).toContain('СНИЛС ***-***-777 66 не найден в реестре');
  });
});

describe('one detail typed: Enter opens a person only when it names exactly one', () => {
  // Namesakes on plots 12 and 14, Петров on plot 7 and Козлов on plot 70 (which starts with «7»), two
  // co-owners of plot 21, and nobody on plot 8 while Орлов holds plot 80.
  const more: Person[] = [
    ...persons,
    {
      id: 'd',
      fullName: 'Козлов Олег',
      snils: '44556677801',
      status: 'member',
      holdings: [{ plotNumber: '70' }],
    },
    { id: 'e', fullName: 'Сидоров Антон', status: 'member', holdings: [{ plotNumber: '21' }] },
    { id: 'f', fullName: 'Сидорова Белла', status: 'member', holdings: [{ plotNumber: '21' }] },
    {
      id: 'g',
      fullName: 'Орлов Глеб',
      snils: '33449900000',
      status: 'member',
      holdings: [{ plotNumber: '80' }],
    },
  ];
  const desk = () =>
    initialEntryState(
      createEntryContext({
        meeting: {
          kind: 'snt',
          form: 'mixed',
          title: 'Собрание',
          votingStart: '2026-06-01',
          votingEnd: '2026-06-14',
          questions: [{ number: 1, text: 'Вопрос 1' }],
        },
        registry: more,
        defaults: { channel: 'paper', copy: 'original', receivedAt: '2026-06-10' },
      }),
    );
  const idOf = (s: ReturnType<typeof desk>) => (s.phase === 'ballot' ? more[s.personIndex]!.id : null);

  it('a plot held by one person opens them, although plots starting with it are listed too', () => {
    const s = typed(desk(), '7');
    expect(s.hits.map((h) => more[h.index]!.id)).toEqual(['c', 'd']);
    expect(idOf(press(s, 'Enter'))).toBe('c');
  });

  it('a plot of two co-owners names both and opens no one until the operator chooses', () => {
    const asked = press(typed(desk(), '21'), 'Enter');
    expect(asked.phase).toBe('voter');
    expect(asked.message).toEqual({
      level: 'warning',
      text:
        'Участок (помещение) № 21 — у 2 участников реестра (Сидоров Антон, Сидорова Белла): выберите ' +
        'стрелками ↑↓ того, кто указан в бюллетене, и нажмите Enter. Enter ещё раз откроет выделенного.',
    });
    expect(idOf(press(asked, 'Enter'))).toBe('e');
    expect(idOf(press(typed(desk(), '21'), 'ArrowDown', 'Enter'))).toBe('f');
  });

  it('a plot no one holds is refused even when a longer number starts with it; only an arrow key picks that one', () => {
    const s = press(typed(desk(), '8'), 'Enter');
    expect(s.phase).toBe('voter');
    expect(s.message?.level).toBe('error');
    expect(s.message?.text).toContain('Участок (помещение) № 8 не найден в реестре');
    expect(s.message?.text).toContain('отложите его для счётной комиссии');
    expect(press(s, 'Enter').phase).toBe('voter');
    expect(idOf(press(s, 'ArrowDown', 'Enter'))).toBe('g');
  });

  it('a name of namesakes names them and opens no one silently; a name of one person opens them', () => {
    const asked = press(typed(desk(), 'Иванов'), 'Enter');
    expect(asked.phase).toBe('voter');
    expect(asked.message?.text).toContain(
      '«Иванов» — 2 участника реестра (Иванов Иван Иванович, Иванов Иван Иванович)',
    );
    expect(asked.message?.text).toContain('добавьте номер участка или СНИЛС');
    // Typing on asks again: the confirmation was for what had been typed.
    expect(press(asked, ' ', 'Enter').phase).toBe('voter');
    expect(idOf(press(asked, 'Enter'))).toBe('a');
    expect(idOf(press(typed(desk(), 'Петров'), 'Enter'))).toBe('c');
  });

  it('a whole СНИЛС opens its person, as does the start of one only one СНИЛС begins with; a shared start asks', () => {
    expect(idOf(press(typed(desk(), IVANOV_14), 'Enter'))).toBe('b');
    expect(idOf(press(typed(desk(), '334455'), 'Enter'))).toBe('c');
    const asked = press(typed(desk(), '3344'), 'Enter');
    expect(asked.phase).toBe('voter');
    expect(asked.message?.text).toContain(
      'СНИЛС, начинающийся с «3344», есть у нескольких участников реестра',
    );
  });
});
