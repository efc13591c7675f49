import { followUpAllowed, followUpMeeting, FOLLOW_UP } from './followUp';
import { newMeeting, type Meeting } from './meeting';

function meeting(over: Partial<Meeting>): Meeting {
  return {
    ...newMeeting({ id: 'm1', partnershipId: 'p', kind: 'snt', title: 'Очередное собрание 2026', now: 't0' }),
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    sessionDate: '2026-06-07',
    noticeDate: '2026-05-01',
    protocolDate: '2026-06-20',
    snapshotId: 's1',
    chair: 'Иванов И. И.',
    questions: [
      { number: 1, text: 'Смета', item: '17', proposal: 'Утвердить', attachmentIds: ['a1'] },
      { number: 2, text: 'Взносы', rule: { majority: 'simple', electorate: 'members' }, attachmentIds: [] },
    ],
    ...over,
  };
}

describe('the follow-up meeting after a failed quorum', () => {
  it('СНТ (217-ФЗ ч. 23 ст. 17): очно-заочная, same agenda, dates cleared, year kept', () => {
    const first = meeting({ form: 'in_person' });
    const next = followUpMeeting(first, 'm2', 't1');
    expect(next).toMatchObject({
      id: 'm2',
      kind: 'snt',
      form: 'mixed',
      title: 'Повторное: Очередное собрание 2026',
      votingStart: '',
      votingEnd: '',
      chair: 'Иванов И. И.',
      createdAt: 't1',
    });
    expect(next.questions).toEqual(first.questions);
    expect(next.questions[0]).not.toBe(first.questions[0]);
    for (const gone of ['sessionDate', 'noticeDate', 'protocolDate', 'snapshotId'] as const) {
      expect(next[gone]).toBeUndefined();
    }
    expect(FOLLOW_UP.snt.cite).toBe('ч. 23 ст. 17 Федерального закона № 217-ФЗ');
  });

  it('МКД (ЖК РФ ч. 1 ст. 47): заочное голосование after an in-person meeting only', () => {
    const first = meeting({ kind: 'mkd', form: 'in_person', paperUntil: 'session' });
    const next = followUpMeeting(first, 'm2', 't1');
    expect(next.form).toBe('remote');
    expect(next.paperUntil).toBeUndefined();
    expect(next.questions.map((q) => q.text)).toEqual(['Смета', 'Взносы']);
    expect(followUpAllowed(first, false)).toBe(true);
    expect(followUpAllowed({ kind: 'mkd', form: 'remote' }, false)).toBe(false);
    expect(followUpAllowed({ kind: 'snt', form: 'mixed' }, false)).toBe(true);
    expect(followUpAllowed({ kind: 'snt', form: 'mixed' }, true)).toBe(false);
  });

  it('a repeated meeting is not called «Повторное» twice', () => {
    const again = followUpMeeting(meeting({ title: 'Повторное: собрание' }), 'm3', 't2');
    expect(again.title).toBe('Повторное: собрание');
  });
});
