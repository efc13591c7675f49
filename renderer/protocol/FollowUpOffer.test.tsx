// @vitest-environment jsdom
// Without a quorum the protocol tab offers the follow-up meeting the law allows, and creates it with
// the same agenda in the form the law gives (СНТ: очно-заочная; МКД after an in-person one: заочное).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeetingSpec, PartnershipKind } from '../../shared/domain/types';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { DbProvider } from '../app/DbContext';
import { readChain } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import { FollowUpOffer } from './FollowUpOffer';

function meeting(kind: PartnershipKind, form: MeetingSpec['form']): Meeting {
  return {
    ...newMeeting({
      id: 'm1',
      partnershipId: 'p1',
      kind,
      title: 'Общее собрание 2026',
      form,
      now: '2026-05-01T00:00:00.000Z',
    }),
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    sessionDate: '2026-06-14',
    chair: 'Иванов Иван Иванович',
    questions: [
      { number: 1, text: 'Об утверждении сметы', proposal: 'Утвердить смету', item: '21', attachmentIds: [] },
      { number: 2, text: 'О ремонте дороги', attachmentIds: [] },
    ],
  };
}

async function show(m: Meeting, quorumReached: boolean) {
  const db = new GolosDb(`golos-follow-up-${crypto.randomUUID()}`);
  await db.meetings.add(m);
  const onCreated = vi.fn();
  render(
    <DbProvider value={db}>
      <FollowUpOffer meeting={m} quorumReached={quorumReached} onCreated={onCreated} />
    </DbProvider>,
  );
  return { db, onCreated };
}

describe('FollowUpOffer', () => {
  it.each([
    ['snt', 'mixed', 'mixed', 'ч. 23 ст. 17 Федерального закона № 217-ФЗ'],
    ['snt', 'remote', 'mixed', 'ч. 23 ст. 17 Федерального закона № 217-ФЗ'],
    ['mkd', 'in_person', 'remote', 'ч. 1 ст. 47 ЖК РФ'],
  ] as const)(
    '%s %s without a quorum: creates a %s meeting with the same agenda',
    async (kind, form, next, cite) => {
      const first = meeting(kind, form);
      const { db, onCreated } = await show(first, false);
      const offer = screen.getByRole('region', { name: 'Повторное собрание' });
      expect(offer).toHaveTextContent(cite);
      const button = screen.getByRole('button', { name: 'Провести повторное собрание' });
      await userEvent.click(button);
      // Until the offer has settled (the button enabled again), inside act.
      await waitFor(() => {
        expect(onCreated).toHaveBeenCalledTimes(1);
        expect(button).toBeEnabled();
      });
      const created = onCreated.mock.calls[0]![0] as Meeting;
      const stored = (await db.meetings.get(created.id))!;
      expect(stored).toMatchObject({
        kind,
        form: next,
        title: 'Повторное: Общее собрание 2026',
        votingStart: '',
        votingEnd: '',
        chair: 'Иванов Иван Иванович',
      });
      expect(stored.sessionDate).toBeUndefined();
      expect(stored.questions.map((q) => [q.number, q.text, q.proposal, q.item])).toEqual(
        first.questions.map((q) => [q.number, q.text, q.proposal, q.item]),
      );
      const audit = (await readChain(db)).at(-1)!;
      expect(audit).toMatchObject({ action: 'meeting.copy', entityId: created.id });
      expect(audit.reason).toContain(cite);
      db.close();
    },
  );

  it('offers nothing when the quorum is reached, and no follow-up of a remote МКД meeting', async () => {
    await show(meeting('snt', 'mixed'), true);
    expect(screen.queryByRole('button', { name: 'Провести повторное собрание' })).toBeNull();
    await show(meeting('mkd', 'remote'), false);
    expect(screen.queryByRole('button', { name: 'Провести повторное собрание' })).toBeNull();
    expect(screen.getByText('Кворума нет. Решения не приняты.')).toBeInTheDocument();
  });
});
