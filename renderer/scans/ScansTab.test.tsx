// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StoredReviewCard } from '../db/records';
import type { ReviewAnswer } from '../../shared/omr/reviewAnswers';
import { readChain } from '../audit/auditLog';
import { renderTab, seededDb } from '../ballots/ballots.testkit';
import { loadOmrSettings } from './omrSettingsRepo';
import { ReviewCards } from './ReviewCards';
import { ScansTab } from './ScansTab';
import { pendingReviews, putPendingReview } from './pendingReviewRepo';
import { DEFAULT_OMR_SETTINGS } from '../../shared/omr/settings';
import { currentVersion } from '../../shared/paper/ballotRecord';

const card = (question: number | null, reason: StoredReviewCard['reason']): StoredReviewCard => ({
  source: 'stack.pdf:3',
  personId: 'p1',
  question,
  reason,
  message: reason === 'faint' ? 'слабая или маленькая отметка' : 'не найдена подпись',
  crop: { data: new Uint8Array(4).fill(255), width: 2, height: 2 },
  boxes:
    question === null
      ? []
      : [
          { choice: 'for', fill: 0, ink: 0 },
          { choice: 'against', fill: 0.05, ink: 0.4 },
          { choice: 'abstain', fill: 0, ink: 0 },
        ],
});

describe('«Сканы»', () => {
  it('keeps the thresholds per meeting: a wrong pair is refused by name, a right one saved and audited', async () => {
    const { db, meeting } = await seededDb(3);
    const user = userEvent.setup();
    renderTab(db, ScansTab, meeting);
    await user.click(await screen.findByText('Пороги чтения'));
    const empty = screen.getByLabelText('Пустая клетка: закрашено не больше, %');
    const mark = screen.getByLabelText('Отметка: закрашено не меньше, %');
    expect([(empty as HTMLInputElement).value, (mark as HTMLInputElement).value]).toEqual(['3', '12']);
    await user.clear(empty);
    await user.type(empty, '20');
    await user.click(screen.getByRole('button', { name: 'Сохранить пороги' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Порог пустой клетки должен быть меньше порога отметки.',
    );
    expect((await loadOmrSettings(db, meeting.id)).emptyMax).toBe(0.03);
    await user.clear(empty);
    await user.type(empty, '2,5');
    await user.click(screen.getByRole('button', { name: 'Сохранить пороги' }));
    await screen.findByText('Пороги сохранены: они действуют со следующего чтения.');
    expect((await loadOmrSettings(db, meeting.id)).emptyMax).toBeCloseTo(0.025);
    expect((await readChain(db)).map((e) => e.action)).toContain('settings.omr');
  });

  it('a review card takes 1/2/3/0 from the keyboard; a whole-ballot card only 1 and 0', async () => {
    const got: [number | null, ReviewAnswer][] = [];
    const user = userEvent.setup();
    const cards = [card(2, 'faint'), card(null, 'no_signature')];
    const given = new Map<string, ReviewAnswer>();
    const view = () => (
      <ReviewCards
        cards={cards}
        crops={undefined}
        given={given}
        nameOf={() => 'Морозов Игорь Михайлович'}
        busy={false}
        onAnswer={(c, a) => {
          got.push([c.question, a]);
          given.set(`${c.source}|${c.personId}|${c.question ?? '-'}`, a);
        }}
      />
    );
    const { rerender } = render(view());
    const first = screen.getByRole('article');
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveTextContent('Против: закрашено 5 %, чернил 40 %');
    await user.keyboard('5');
    await user.keyboard('2');
    rerender(view());
    expect(screen.getByRole('heading')).toHaveTextContent('решено 1 из 2');
    await waitFor(() => expect(screen.getByRole('article')).toHaveFocus());
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '1 подпись есть',
      '0 недействителен: нет подписи',
    ]);
    await user.keyboard('3');
    await user.keyboard('0');
    rerender(view());
    expect(got).toEqual([
      [2, '2'],
      [null, '0'],
    ]);
    expect(screen.getByText('Все карточки решены.')).toBeInTheDocument();
  });

  it('keeps unanswered cards in the database: leaving the screen and coming back shows them again', async () => {
    const { db, persons, meeting } = await seededDb(3);
    const p = persons[0]!;
    // A stack read earlier: one ballot with two uncertain questions, as the reading stored it.
    const cards = [
      { ...card(2, 'faint'), personId: p.id },
      { ...card(3, 'faint'), personId: p.id },
    ];
    await putPendingReview(db, {
      id: 'stack-1',
      meetingId: meeting.id,
      readAt: '2026-06-10T14:05:00+03:00',
      run: {
        outcome: {
          pages: 1,
          ballots: [
            {
              personId: p.id,
              sources: ['stack.pdf:3'],
              marks: { 1: 'for' },
              review: cards.map(({ crop: _c, boxes: _b, ...item }) => item),
            },
          ],
          rejected: [],
          cards,
          histogram: { edges: [0, 0.5], counts: [8, 1], bands: { empty: 7, between: 1, marked: 1 } },
        },
        unreadable: [],
      },
      kind: { copy: 'original', delivery: 'mail', receivedAt: '2026-06-10' },
      settings: DEFAULT_OMR_SETTINGS,
      files: [],
      saved: 0,
      notes: [],
      given: [],
    });
    const user = userEvent.setup();
    const first = renderTab(db, ScansTab, meeting);
    expect(
      await screen.findByText(/Проверка пачки, прочитанной 10\.06\.2026 14:05, не закончена/),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: /Проверка отметок/ })).toHaveTextContent('решено 0 из 2');
    await waitFor(() => expect(screen.getByRole('article')).toHaveFocus());
    await user.keyboard('2');
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: /Проверка отметок/ })).toHaveTextContent('решено 1 из 2'),
    );
    // The answer is stored with the wait: the screen is left and opened again.
    await waitFor(async () => expect((await pendingReviews(db, meeting.id))[0]?.given).toHaveLength(1));
    first.unmount();
    renderTab(db, ScansTab, meeting);
    expect(await screen.findByRole('heading', { name: /Проверка отметок/ })).toHaveTextContent(
      'решено 1 из 2',
    );
    expect(screen.getByRole('article')).toHaveAccessibleName(/вопрос 3/);
    await waitFor(() => expect(screen.getByRole('article')).toHaveFocus());
    await user.keyboard('3');
    expect(await screen.findByText('Все карточки решены.')).toBeVisible();
    // The last answer stores the ballot and ends the wait.
    await waitFor(async () => expect(await db.paperBallots.count()).toBe(1));
    const row = (await db.paperBallots.toArray())[0]!;
    expect(currentVersion(row).ballot.marks).toEqual({ 1: 'for', 2: 'against', 3: 'abstain' });
    expect(await pendingReviews(db, meeting.id)).toEqual([]);
  });
});
