import { describe, expect, it } from 'vitest';
import type { Ballot, Person } from '../domain/types';
import { gosuslugiResultRows } from './exportResults';

const registry: Person[] = [
  {
    id: 'a',
    fullName: 'Иванов Иван Иванович',
    snils: '11223344595',
    status: 'member',
    holdings: [{ plotNumber: '12' }],
  },
  {
    id: 'b',
    fullName: 'Петрова Анна Сергеевна',
    status: 'member',
    holdings: [{ plotNumber: '7', cadastralNumber: '50:20:0010101:77' }],
  },
];
const electronic = (voter: Ballot['voter'], marks: Ballot['marks']): Ballot => ({
  id: `g:${voter.fullName}`,
  source: 'Госуслуги.xlsx:5',
  channel: 'gosuslugi',
  voter,
  copy: 'original',
  receivedAt: '2026-06-05',
  delivery: 'platform',
  voidReasons: [],
  marks,
});

describe('the Gosuslugi ballots as counted, in the platform’s layout', () => {
  it('names each voter by the registry person the row was matched to; paper ballots are left out', () => {
    const rows = gosuslugiResultRows(
      [
        electronic(
          { personId: 'a', snils: '11223344595', fullName: 'Иванов Иван Иванович' },
          { 1: 'for', 2: 'none' },
        ),
        // Matched by hand: the file's misspelt name and a СНИЛС of no one give way to the person chosen.
        electronic(
          { personId: 'b', snils: '99988877766', fullName: 'Петрова Ана' },
          { 1: 'against', 2: 'abstain' },
        ),
        { ...electronic({ personId: 'a' }, { 1: 'for' }), channel: 'paper' },
      ],
      registry,
      [
        { number: 1, text: 'Смета' },
        { number: 2, text: 'Взносы' },
      ],
    );
    expect(rows[3]).toEqual([
      'ФИО участника',
      'СНИЛС',
      'Кадастровый номер',
      'Дата голосования',
      'Вопрос 1. Смета',
      'Вопрос 2. Взносы',
    ]);
    expect(rows.slice(4)).toEqual([
      ['Иванов Иван Иванович', '112-233-445 95', '', '05.06.2026', 'За', ''],
      ['Петрова Анна Сергеевна', '', '50:20:0010101:77', '05.06.2026', 'Против', 'Воздержался'],
    ]);
  });
});
