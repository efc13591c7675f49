// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Ballot, Mark, Question } from '../../shared/domain/types';
import { createRecord } from '../../shared/paper/ballotRecord';
import { person } from '../../shared/tally/tally.testkit';
import { DbProvider } from '../app/DbContext';
import { ToastProvider } from '../app/Toasts';
import { readChain } from '../audit/auditLog';
import { ReconcileScreen } from './ReconcileScreen';
import { meetingWithSnapshot } from './gosuslugi.testkit';

const agenda: Question[] = [
  { number: 1, text: 'Об утверждении сметы', rule: { majority: 'simple', electorate: 'members' } },
  {
    number: 2,
    text: 'О ремонте дороги',
    rule: { majority: 'simple', electorate: 'members_and_gardeners' },
  },
];
const registry = [person('p1'), person('p2'), person('p3'), person('p4', 'gardener')];
const name = (id: string) => registry.find((p) => p.id === id)!.fullName;

const online = (row: number, personId: string, marks: Record<number, Mark>): Ballot => ({
  id: `итоги.xlsx:${row}`,
  channel: 'gosuslugi',
  voter: { personId },
  copy: 'original',
  receivedAt: '2026-06-14',
  delivery: 'platform',
  voidReasons: [],
  marks,
  source: `итоги.xlsx:${row}`,
});
const paper = (id: string, personId: string, marks: Record<number, Mark>): Ballot => ({
  id,
  channel: 'paper',
  voter: { personId },
  copy: 'original',
  receivedAt: '2026-06-10',
  delivery: 'mail',
  voidReasons: [],
  marks,
  source: id,
});

async function setup() {
  const { db, meeting } = await meetingWithSnapshot(registry, agenda);
  await db.gosuslugiImports.put({
    id: 'i1',
    meetingId: meeting.id,
    fileName: 'итоги.xlsx',
    contentHash: 'h1',
    importedAt: '2026-06-15T09:00:00.000Z',
    importedBy: 'Секретарь',
    status: 'active',
    mapping: {
      signature: 's',
      firstHeaderRow: 1,
      headerRow: 1,
      fields: {},
      questions: {},
      absentQuestions: [],
    },
    ballots: [
      online(2, 'p1', { 1: 'for', 2: 'for' }),
      online(3, 'p2', { 1: 'against', 2: 'for' }),
      online(4, 'p4', { 1: 'for', 2: 'against' }),
    ],
    notCounted: [
      { source: 'итоги.xlsx:5', row: 5, name: 'Никитин Никита', reason: 'not_found' },
      {
        source: 'итоги.xlsx:6',
        row: 6,
        name: 'Бывший Владелец',
        reason: 'not_participant',
        note: 'продал участок',
      },
    ],
  });
  for (const [id, personId, marks] of [
    ['бумага-1', 'p1', { 1: 'for', 2: 'against' }],
    ['бумага-2', 'p2', { 1: 'against', 2: 'for' }],
  ] as const) {
    const r = createRecord(paper(id, personId, marks), { by: 'Комиссия', at: '2026-06-10T12:00:00.000Z' });
    if (!r.ok) throw new Error('record');
    await db.paperBallots.put({ ...r.value, meetingId: meeting.id, personId });
  }
  render(
    <DbProvider value={db}>
      <ToastProvider>
        <ReconcileScreen
          meeting={meeting}
          partnership={{
            id: 'snt',
            name: 'СНТ',
            kind: 'snt',
            address: '',
            createdAt: meeting.createdAt,
            updatedAt: meeting.createdAt,
          }}
          onMeetingChange={() => {}}
        />
      </ToastProvider>
    </DbProvider>,
  );
  return { db };
}

/** A question's figures as shown: for, against, abstain, invalid, conflicts, ignored, decision. */
const figures = (n: number) =>
  [...screen.getByRole('row', { name: `Вопрос ${n}` }).querySelectorAll('td')]
    .slice(2)
    .map((td) => td.textContent);

describe('ReconcileScreen', () => {
  it('lists persons with several ballots and the conflicts; a resolution changes the count and is recorded', async () => {
    const { db } = await setup();
    const several = await screen.findByRole('table', { name: 'Участники с несколькими бюллетенями' });
    expect(
      within(several)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    ).toEqual([
      [name('p1'), 'бумажный бюллетень, Госуслуги', 'бумага-1, итоги.xlsx:2', 'расходятся по вопросам 2'],
      [name('p2'), 'бумажный бюллетень, Госуслуги', 'бумага-2, итоги.xlsx:3', 'совпадают, учтено один раз'],
    ]);
    // p2 counts once; p1's question 2 is a conflict (flag); the gardener's mark on question 1 is ignored.
    // On question 2 only p2 of 3 members voted: not adopted for lack of per-question participation.
    expect(figures(1)).toEqual(['1', '1', '0', '0', '0', '1', 'не принято']);
    expect(figures(2)).toEqual(['1', '1', '0', '0', '1', '0', 'нет кворума']);
    expect(screen.getByRole('heading', { name: 'Расхождения: 1, не решено: 1' })).toBeInTheDocument();

    const notCounted = screen.getByRole('table', { name: 'Не учтённые решения' });
    const reasons = within(notCounted)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(reasons).toEqual([
      ['Госуслуги: итоги.xlsx:5', 'Никитин Никита', 'не учтено: голосовавшего нет в реестре собрания'],
      [
        'Госуслуги: итоги.xlsx:4',
        name('p4'),
        'голоса по вопросам №1 не учтены: садовод без членства не голосует по вопросам только для членов товарищества',
      ],
      ['Госуслуги: итоги.xlsx:6', 'Бывший Владелец', 'не учтено: не участник собрания: продал участок'],
    ]);

    const user = userEvent.setup();
    const card = screen.getByRole('listitem', { name: `Расхождение: ${name('p1')}, вопрос 2` });
    expect(card).toHaveTextContent('Не решено: пока голос по вопросу не учитывается');
    const save = within(card).getByRole('button', { name: 'Сохранить решение' });
    expect(save).toBeDisabled();
    await user.click(within(card).getByLabelText(/^бумажный бюллетень \(бумага-1\): «против»/));
    await user.type(within(card).getByLabelText('Причина решения'), 'оригинал подписан лично');
    await user.click(save);

    await screen.findByText(`Решение по расхождению записано: ${name('p1')}, вопрос 2.`);
    await waitFor(() => expect(figures(2)).toEqual(['1', '2', '0', '0', '0', '0', 'не принято']));
    expect(screen.getByRole('heading', { name: 'Расхождения: 1, не решено: 0' })).toBeInTheDocument();
    const resolved = screen.getByRole('listitem', { name: `Расхождение: ${name('p1')}, вопрос 2` });
    expect(resolved).toHaveTextContent('Решение комиссии: учтён бумажный бюллетень (бумага-1) — «против»');
    expect(resolved).toHaveTextContent('Причина: оригинал подписан лично');
    expect(await db.resolutions.toArray()).toEqual([
      expect.objectContaining({
        personId: 'p1',
        question: 2,
        ballotId: 'бумага-1',
        reason: 'оригинал подписан лично',
      }),
    ]);
    expect((await readChain(db)).map((a) => a.action)).toEqual(['resolution.save']);

    // Withdrawn, the conflict is open again; then the meeting's policy (flag) is applied to all.
    await user.click(within(resolved).getByRole('button', { name: 'Отменить решение' }));
    await waitFor(() => expect(figures(2)).toEqual(['1', '1', '0', '0', '1', '0', 'нет кворума']));
    await user.click(
      screen.getByRole('button', { name: 'Применить правило собрания ко всем нерешённым (1)' }),
    );
    await screen.findByText('Правило собрания применено к расхождениям: 1.');
    await waitFor(() =>
      expect(
        screen.getByRole('listitem', { name: `Расхождение: ${name('p1')}, вопрос 2` }),
      ).toHaveTextContent('Решение комиссии: голос по вопросу не учитывается'),
    );
    expect(figures(2)).toEqual(['1', '1', '0', '0', '1', '0', 'нет кворума']);
    expect(await db.resolutions.toArray()).toEqual([
      expect.objectContaining({
        ballotId: null,
        reason: 'По правилу собрания: голос участника по такому вопросу не учитывается.',
      }),
    ]);
    expect((await readChain(db)).map((a) => a.action)).toEqual([
      'resolution.save',
      'resolution.remove',
      'resolution.save',
    ]);
  });
});
