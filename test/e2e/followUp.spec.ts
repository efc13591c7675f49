/**
 * An МКД meeting held in person whose owners' registry lists less area than the building has: by the
 * registry's sum the owners present hold 60 % of the votes, by the building's total area of premises
 * (entered in the meeting form) only 300 of 700 m², so there is no quorum (Housing Code art. 45 part 3).
 * The protocol tab says so and offers the follow-up the law allows (заочное голосование, art. 47 part 1);
 * taking it creates that meeting with the same agenda and opens it.
 */
import { expect, test } from '@playwright/test';
import type { Ballot, Person } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { createRecord } from '../../shared/paper/ballotRecord';
import { putRows, readStore } from '../fixtures/appDb';

const MEETING = 'meeting-mkd-area';
const owners: Person[] = Array.from({ length: 10 }, (_, i) => ({
  id: `owner-${i + 1}`,
  fullName: `Собственников${i + 1} Иван Петрович`,
  status: 'owner',
  holdings: [{ plotNumber: `кв. ${i + 1}`, area: '50.00' }],
}));
const questions = [
  { number: 1, text: 'О выборе способа управления домом', attachmentIds: [] },
  { number: 2, text: 'О ремонте крыши', proposal: 'Провести ремонт крыши в 2026 году', attachmentIds: [] },
];

function meeting(partnershipId: string): Meeting {
  return {
    ...newMeeting({
      id: MEETING,
      partnershipId,
      kind: 'mkd',
      title: 'Общее собрание собственников 2026',
      form: 'in_person',
      now: '2026-05-20T09:00:00.000Z',
    }),
    votingStart: '2026-06-14',
    votingEnd: '2026-06-14',
    sessionDate: '2026-06-14',
    sessionTime: '19:00',
    sessionPlace: 'двор дома',
    snapshotId: 'snapshot-1',
    questions,
  };
}

/** Six owners of ten (300 of the registry's 500 m²) vote at the session. */
function sessionBallots(): unknown[] {
  return owners.slice(0, 6).map((o, i) => {
    const ballot: Ballot = {
      id: `session-${i + 1}`,
      channel: 'in_person',
      voter: { personId: o.id, fullName: o.fullName },
      copy: 'original',
      receivedAt: '2026-06-14',
      delivery: 'session',
      voidReasons: [],
      marks: { 1: 'for', 2: 'for' },
      source: 'ввод с клавиатуры',
    };
    const record = createRecord(ballot, { by: 'Счётчиков Иван Ильич', at: '2026-06-14T19:30:00.000Z' });
    if (!record.ok) throw new Error(record.error.map((p) => p.message).join(' '));
    return { ...record.value, meetingId: MEETING };
  });
}

test('МКД: a building area larger than the registry leaves no quorum, and the follow-up meeting is offered', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByLabel('Название').fill('ТСЖ «Садовая, 5»');
  await page.getByLabel('МКД — собственники помещений многоквартирного дома').check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Реестр участников' })).toBeVisible();
  await page.getByLabel('Оператор:').fill('Секретарёва Анна Ивановна');
  await page.getByLabel('Оператор:').press('Enter');

  const [partnership] = await readStore<{ id: string }>(page, 'partnership');
  await putRows(page, {
    meetings: [meeting(partnership!.id)],
    snapshots: [
      {
        id: 'snapshot-1',
        meetingId: MEETING,
        takenAt: '2026-06-01T09:00:00.000Z',
        reason: 'начало голосования',
        persons: owners,
      },
    ],
    paperBallots: sessionBallots(),
  });

  await test.step('by the registry alone the quorum is there', async () => {
    await page.goto(`/#/meetings/${MEETING}/protocol`);
    const preview = page.getByRole('article', { name: 'Предпросмотр протокола' });
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await expect(preview).toContainText('Кворум имеется');
    await expect(page.getByRole('button', { name: 'Провести повторное собрание' })).toHaveCount(0);
  });

  await test.step('the building’s total area of premises is entered in the meeting form', async () => {
    await page.getByRole('tab', { name: 'Подготовка' }).click();
    const form = page.getByRole('form', { name: 'Сведения о собрании' });
    await form.getByLabel(/Общая площадь .*помещений дома/).fill('700,00');
    await form.getByRole('button', { name: 'Сохранить сведения' }).click();
    await expect(form.getByText('Есть несохранённые изменения.')).toHaveCount(0);
    const [stored] = await readStore<Meeting>(page, 'meetings');
    expect(stored!.buildingArea).toBe('700.00');
  });

  await test.step('the protocol: no quorum (300 of 700 m²), the follow-up offered', async () => {
    await page.getByRole('tab', { name: 'Протокол' }).click();
    const preview = page.getByRole('article', { name: 'Предпросмотр протокола' });
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await expect(preview).toContainText('Кворум отсутствует');
    await expect(preview).toContainText('700,00 кв. м');
    const offer = page.getByRole('region', { name: 'Повторное собрание' });
    await expect(offer).toContainText('ч. 1 ст. 47 ЖК РФ');
    await page.screenshot({ path: 'test-results/follow-up-offer.png' });
    await offer.getByRole('button', { name: 'Провести повторное собрание' }).click();
  });

  await test.step('the follow-up meeting: заочное, the same agenda, dates to be set', async () => {
    await expect(
      page.getByRole('heading', { name: 'Повторное: Общее собрание собственников 2026' }),
    ).toBeVisible();
    const form = page.getByRole('form', { name: 'Сведения о собрании' });
    await expect(form.getByLabel('Форма проведения')).toHaveValue('remote');
    await expect(form.getByLabel('Начало голосования')).toHaveValue('');
    const meetings = await readStore<Meeting>(page, 'meetings');
    const next = meetings.find((m) => m.id !== MEETING)!;
    expect(next).toMatchObject({ kind: 'mkd', form: 'remote', buildingArea: '700.00' });
    expect(next.questions.map((q) => [q.number, q.text, q.proposal])).toEqual(
      questions.map((q) => [q.number, q.text, q.proposal]),
    );
  });
});
