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
