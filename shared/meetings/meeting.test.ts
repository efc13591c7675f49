import { copyMeeting, newMeeting, type Meeting } from './meeting';

function lastYear(): Meeting {
  return {
    ...newMeeting({
      id: 'm-2025',
      partnershipId: 'snt-1',
      kind: 'snt',
      title: 'Очередное общее собрание 2025 года',
      now: '2025-03-01T10:00:00.000Z',
    }),
    form: 'mixed',
    votingStart: '2025-05-01',
    votingEnd: '2025-05-20',
    sessionDate: '2025-05-10',
    sessionTime: '11:00',
    sessionPlace: 'Площадка у правления',
    paperBallotAddress: 'ул. Центральная, 1',
    paperBallotDeadline: '2025-05-12',
    countDate: '2025-05-21',
    countPlace: 'Правление',
    chair: 'Петров Пётр Петрович',
    secretary: 'Сидорова Светлана Сергеевна',
    countingCommission: ['Кузнецов К. К.', 'Волкова В. В.'],
    noticeDate: '2025-04-01',
    materialsDate: '2025-04-01',
    protocolDate: '2025-05-25',
    snapshotId: 'snap-1',
    conflicts: ['paper', 'gosuslugi'],
    questions: [
      {
        number: 1,
        text: 'Об утверждении сметы',
        proposal: 'Утвердить смету',
        item: '22',
        attachmentIds: ['a-1'],
      },
      {
        number: 2,
        text: 'О ремонте дороги',
        proposal: 'Отремонтировать дорогу',
        rule: { majority: 'two_thirds', electorate: 'members' },
        attachmentIds: [],
      },
    ],
  };
}

describe('newMeeting', () => {
  it('defaults the protocol due days by the kind of partnership', () => {
    const base = { id: 'm', partnershipId: 'p', title: 'Собрание', now: '2025-01-01T00:00:00.000Z' };
    expect(newMeeting({ ...base, kind: 'snt' }).protocolDueDays).toBe(7);
    expect(newMeeting({ ...base, kind: 'mkd' }).protocolDueDays).toBe(10);
    const m = newMeeting({ ...base, kind: 'snt' });
    expect(m).toMatchObject({ votingStart: '', votingEnd: '', questions: [], countingCommission: [] });
    expect(m.meetingKind).toBe('regular');
  });
});

describe('copyMeeting', () => {
  it('keeps the agenda, people and places, clears every date and the snapshot', () => {
    const original = lastYear();
    const copy = copyMeeting(original, 'm-2026', '2026-02-01T09:00:00.000Z');
    expect(copy.id).toBe('m-2026');
    expect(copy.title).toBe('Очередное общее собрание 2026 года');
    expect(copy.questions).toEqual(original.questions);
    expect(copy).toMatchObject({
      partnershipId: 'snt-1',
      form: 'mixed',
      sessionPlace: 'Площадка у правления',
      sessionTime: '11:00',
      paperBallotAddress: 'ул. Центральная, 1',
      chair: 'Петров Пётр Петрович',
      countingCommission: ['Кузнецов К. К.', 'Волкова В. В.'],
      protocolDueDays: 7,
      conflicts: ['paper', 'gosuslugi'],
      votingStart: '',
      votingEnd: '',
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-02-01T09:00:00.000Z',
    });
    for (const key of [
      'sessionDate',
      'paperBallotDeadline',
      'countDate',
      'noticeDate',
      'materialsDate',
      'protocolDate',
      'snapshotId',
    ] as const) {
      expect(copy, key).not.toHaveProperty(key);
    }
  });

  it('copies deeply: editing the copy leaves last year unchanged', () => {
    const original = lastYear();
    const copy = copyMeeting(original, 'm-2026');
    copy.questions[0]!.attachmentIds.push('a-2');
    copy.questions[1]!.rule!.majority = 'simple';
    copy.questions[0]!.text = 'Другой вопрос';
    copy.countingCommission.push('Новиков Н. Н.');
    expect(original.questions[0]).toMatchObject({ text: 'Об утверждении сметы', attachmentIds: ['a-1'] });
    expect(original.questions[1]!.rule!.majority).toBe('two_thirds');
    expect(original.countingCommission).toHaveLength(2);
  });

  it('leaves a title without a year as it is', () => {
    const original = { ...lastYear(), title: 'Внеочередное собрание' };
    expect(copyMeeting(original, 'x').title).toBe('Внеочередное собрание');
  });
});
