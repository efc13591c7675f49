import { addDays } from './dates';
import { newMeeting, type Meeting, type MeetingQuestion } from './meeting';
import { buildTimeline, type TimelineOptions } from './timeline';

const START = '2025-06-01';

/** A mixed meeting with every date in order and no warnings. */
function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    ...newMeeting({
      id: 'm',
      partnershipId: 'p',
      kind: 'snt',
      title: 'Собрание',
      now: '2025-01-01T00:00:00.000Z',
    }),
    form: 'mixed',
    noticeDate: addDays(START, -30),
    materialsDate: addDays(START, -30),
    votingStart: START,
    paperBallotDeadline: addDays(START, 10),
    sessionDate: addDays(START, 5),
    votingEnd: addDays(START, 14),
    countDate: addDays(START, 15),
    ...overrides,
  };
}

function codes(m: Meeting, today = '2025-04-01', opts?: TimelineOptions): string[] {
  return buildTimeline(m, today, opts).warnings.map((w) => w.code);
}

function question(number: number, item?: string): MeetingQuestion {
  return { number, text: `Вопрос ${number}`, ...(item ? { item } : {}), attachmentIds: [] };
}

describe('buildTimeline: milestones', () => {
  it('lists every date with days left, in date order, and the protocol due date', () => {
    const t = buildTimeline(meeting(), addDays(START, 5));
    expect(t.warnings).toEqual([]);
    expect(t.milestones.map((m) => [m.key, m.date, m.daysLeft])).toEqual([
      ['notice', '2025-05-02', -35],
      ['materials', '2025-05-02', -35],
      ['voting_start', '2025-06-01', -5],
      ['session', '2025-06-06', 0],
      ['paper_ballot_deadline', '2025-06-11', 5],
      ['voting_end', '2025-06-15', 9],
      ['count', '2025-06-16', 10],
      ['protocol_due', '2025-06-22', 16],
    ]);
    expect(t.milestones.find((m) => m.key === 'session')).toMatchObject({
      daysLeftText: 'сегодня',
      done: false,
    });
    expect(t.milestones[0]).toMatchObject({ done: true, daysLeftText: '35 дней назад' });
    expect(t.nextDeadline?.key).toBe('session');
  });

  it('uses the configured protocol due days (МКД default 10)', () => {
    const mkd = { ...meeting(), kind: 'mkd' as const, protocolDueDays: 10 };
    expect(buildTimeline(mkd, START).milestones.slice(-2)).toMatchObject([
      { key: 'protocol_due', date: '2025-06-25', label: 'Срок составления протокола (10 дней)' },
      // Owners told the results within 10 days (Housing Code art. 46 part 3).
      { key: 'results_notice', date: '2025-06-25' },
    ]);
    const custom = meeting({ protocolDueDays: 3 });
    expect(buildTimeline(custom, START).milestones.at(-1)?.date).toBe('2025-06-18');
  });

  it('puts dates not set yet at the end, without days left', () => {
    const t = buildTimeline(meeting({ countDate: undefined, noticeDate: '' }), START);
    expect(t.milestones.slice(-2).map((m) => [m.key, m.date, m.daysLeft, m.daysLeftText])).toEqual([
      ['notice', null, null, ''],
      ['count', null, null, ''],
    ]);
  });

  it('leaves out the in-person part of a remote meeting and the paper deadline of an in-person one', () => {
    const remote = buildTimeline(meeting({ form: 'remote' }), START).milestones.map((m) => m.key);
    expect(remote).not.toContain('session');
    expect(remote).toContain('paper_ballot_deadline');
    const inPerson = buildTimeline(meeting({ form: 'in_person' }), START).milestones.map((m) => m.key);
    expect(inPerson).toContain('session');
    expect(inPerson).not.toContain('paper_ballot_deadline');
  });

  it('names the next deadline; an overdue protocol stays next until it is drawn up', () => {
    const m = meeting();
    expect(buildTimeline(m, '2025-04-01').nextDeadline?.key).toBe('notice');
    expect(buildTimeline(m, '2025-06-16').nextDeadline?.key).toBe('count');
    const overdue = buildTimeline(m, '2025-07-01').nextDeadline;
    expect(overdue).toMatchObject({ key: 'protocol_due', daysLeft: -9, done: false });
    expect(buildTimeline({ ...m, protocolDate: '2025-06-20' }, '2025-07-01').nextDeadline).toBeNull();
  });

  it('reports an impossible date and leaves that milestone without a date', () => {
    const t = buildTimeline(meeting({ countDate: '2025-06-31' }), START);
    expect(t.warnings).toEqual([
      expect.objectContaining({ code: 'date_invalid', field: 'Дата подсчёта голосов', severity: 'warning' }),
    ]);
    expect(t.warnings[0]!.message).toContain('«2025-06-31» не является датой');
    expect(t.milestones.find((m) => m.key === 'count')?.date).toBeNull();
  });
});

describe('buildTimeline: warnings on both sides of each boundary', () => {
  it('notice: charter minimum (30 days) and law minimum (14 days), saying which was broken', () => {
    expect(codes(meeting({ noticeDate: addDays(START, -30) }))).toEqual([]);
    expect(codes(meeting({ noticeDate: addDays(START, -29) }))).toEqual(['notice_late_charter']);
    expect(codes(meeting({ noticeDate: addDays(START, -14) }))).toEqual(['notice_late_charter']);
    expect(codes(meeting({ noticeDate: addDays(START, -13) }))).toEqual(['notice_late_law']);
    const charter = buildTimeline(meeting({ noticeDate: addDays(START, -20) }), START).warnings[0]!;
    expect(charter.message).toBe(
      'Уведомление (12 мая 2025 г.) — за 20 дней до начала собрания (1 июня 2025 г.): нарушен срок по уставу — ' +
        'не менее 30 дней (минимум по закону, 14 дней, соблюдён).',
    );
    expect(charter.field).toBe('Дата уведомления');
    const law = buildTimeline(meeting({ noticeDate: addDays(START, 2) }), START).warnings[0]!;
    expect(law.message).toContain('через 2 дня после начала собрания');
    expect(law.message).toContain('минимальный срок по закону — не менее 14 дней');
  });

  it('notice: both minimums are settings', () => {
    const opts = { settings: { noticeDaysCharter: 20, noticeDaysLaw: 10 } };
    expect(codes(meeting({ noticeDate: addDays(START, -20) }), START, opts)).toEqual([]);
    expect(codes(meeting({ noticeDate: addDays(START, -19) }), START, opts)).toEqual(['notice_late_charter']);
    expect(codes(meeting({ noticeDate: addDays(START, -10) }), START, opts)).toEqual(['notice_late_charter']);
    expect(codes(meeting({ noticeDate: addDays(START, -9) }), START, opts)).toEqual(['notice_late_law']);
  });

  it('notice is measured from the in-person part when it comes before the voting start', () => {
    // An in-person part before the voting period is itself warned about.
    const early = { sessionDate: addDays(START, -3) };
    expect(
      codes(meeting({ ...early, noticeDate: addDays(START, -33), materialsDate: addDays(START, -33) })),
    ).toEqual(['session_outside_voting']);
    expect(
      codes(meeting({ ...early, noticeDate: addDays(START, -32), materialsDate: addDays(START, -33) })),
    ).toEqual(['session_outside_voting', 'notice_late_charter']);
  });

  it('materials: at least 7 days before', () => {
    expect(codes(meeting({ materialsDate: addDays(START, -7) }))).toEqual([]);
    const w = buildTimeline(meeting({ materialsDate: addDays(START, -6) }), START).warnings;
    expect(w.map((x) => x.code)).toEqual(['materials_late']);
    expect(w[0]!.message).toBe(
      'Материалы (26 мая 2025 г.) — за 6 дней до начала собрания (1 июня 2025 г.): ' +
        'их нужно разместить не менее чем за 7 дней.',
    );
  });

  it('paper ballot period: 7 to 14 days from the voting start', () => {
    const at = (days: number): string[] =>
      codes(
        meeting({
          paperBallotDeadline: addDays(START, days),
          votingEnd: addDays(START, 20),
          countDate: addDays(START, 20),
        }),
      );
    // Both ends counted: from 1 June to 7 June is 7 days.
    expect(at(6)).toEqual([]);
    expect(at(13)).toEqual([]);
    expect(at(5)).toEqual(['paper_ballot_period']);
    expect(at(14)).toEqual(['paper_ballot_period']);
    const short = buildTimeline(meeting({ paperBallotDeadline: addDays(START, 5) }), START).warnings[0]!;
    expect(short.message).toBe(
      'Бумажные бюллетени принимаются 6 дней (с 1 июня 2025 г. по 6 июня 2025 г.), ' +
        'а по регламенту товарищества срок приёма — от 7 до 14 дней.',
    );
    const before = buildTimeline(meeting({ paperBallotDeadline: addDays(START, -1) }), START).warnings[0]!;
    expect(before.message).toContain('раньше начала голосования');
    expect(codes(meeting({ form: 'in_person', paperBallotDeadline: addDays(START, 2) }))).toEqual([]);
  });

  it('paper ballot deadline after the end of voting', () => {
    expect(codes(meeting({ paperBallotDeadline: addDays(START, 13) }))).toEqual([]);
    expect(
      codes(meeting({ votingEnd: addDays(START, 9), countDate: addDays(START, 9), sessionDate: START })),
    ).toEqual(['paper_ballot_after_end']);
  });

  it('a question the profile forbids in the remote form, only when the form is remote', () => {
    const agenda = [question(1, '13'), question(2, '21'), question(3)];
    expect(codes(meeting({ form: 'remote', questions: [question(1, '13'), question(3)] }))).toEqual([]);
    expect(codes(meeting({ form: 'mixed', questions: agenda }))).toEqual([]);
    const w = buildTimeline(meeting({ form: 'remote', questions: agenda }), START).warnings;
    expect(w.map((x) => [x.code, x.field])).toEqual([['remote_forbidden', 'Вопрос 2']]);
    expect(w[0]!.message).toContain('заочн');
    // A meeting-specific profile decides.
    const profile = buildProfileWithout21();
    expect(codes(meeting({ form: 'remote', questions: agenda }), START, { profile })).toEqual([]);
  });

  it('protocol past due only when today is after the due date and no protocol was drawn up', () => {
    const m = meeting(); // voting ends 2025-06-15, due 2025-06-22
    expect(codes(m, '2025-06-22')).toEqual([]);
    expect(codes(m, '2025-06-23')).toEqual(['protocol_overdue']);
    expect(codes({ ...m, protocolDate: '2025-06-21' }, '2025-07-10')).toEqual([]);
    expect(buildTimeline(m, '2025-06-25').warnings[0]!.message).toBe(
      'Протокол не составлен, а срок истёк 22 июня 2025 г. (3 дня назад): ' +
        'протокол составляется в течение 7 дней после окончания голосования.',
    );
  });

  it('voting end before its start', () => {
    expect(
      codes(meeting({ votingEnd: START, paperBallotDeadline: START, countDate: START, sessionDate: START })),
    ).toEqual(['paper_ballot_period']);
    const w = codes(meeting({ votingEnd: addDays(START, -1), paperBallotDeadline: START, countDate: START }));
    expect(w).toContain('voting_end_before_start');
  });

  it('count before the end of voting', () => {
    expect(codes(meeting({ countDate: addDays(START, 14) }))).toEqual([]);
    expect(codes(meeting({ countDate: addDays(START, 13) }))).toEqual(['count_before_end']);
  });
});

function buildProfileWithout21() {
  return {
    id: 'custom',
    kind: 'snt' as const,
    title: 'Устав СНТ',
    weight: 'person' as const,
    quorum: { counts: 'members' as const },
    defaultRule: { majority: 'simple' as const, electorate: 'members' as const },
    items: {},
    remoteForbidden: ['1', '2'],
  };
}

describe('buildTimeline: МКД deadlines of the Housing Code, no СНТ defaults', () => {
  function mkd(overrides: Partial<Meeting> = {}): Meeting {
    return meeting({ kind: 'mkd', protocolDueDays: 10, form: 'remote', ...overrides });
  }
  it('notice 10 days before (art. 45 part 4); no charter, materials or paper-window warnings', () => {
    const m = mkd({ materialsDate: START, paperBallotDeadline: addDays(START, 1) });
    expect(codes({ ...m, noticeDate: addDays(START, -10) })).toEqual([]);
    expect(codes({ ...m, noticeDate: addDays(START, -9) })).toEqual(['notice_late_law']);
    expect(buildTimeline({ ...m, noticeDate: addDays(START, -9) }, START).warnings[0]!.message).toContain(
      'не менее чем за 10 дней (ч. 4 ст. 45 ЖК РФ)',
    );
  });
  it('through ГИС ЖКХ: notice 14 days and voting 7 to 60 days, both ends counted (art. 47.1)', () => {
    const gis = (voteDays: number, noticeDays = 14) =>
      codes(
        mkd({
          viaGisZhkh: true,
          noticeDate: addDays(START, -noticeDays),
          paperBallotDeadline: undefined,
          votingEnd: addDays(START, voteDays - 1),
          countDate: addDays(START, voteDays),
        }),
      );
    expect(gis(7)).toEqual([]);
    expect(gis(60)).toEqual([]);
    expect(gis(6)).toEqual(['voting_period_gis']);
    expect(gis(61)).toEqual(['voting_period_gis']);
    expect(gis(7, 13)).toEqual(['notice_late_law']);
    expect(
      buildTimeline(mkd({ viaGisZhkh: true, votingEnd: addDays(START, 5) }), START).warnings.find(
        (w) => w.code === 'voting_period_gis',
      )!.message,
    ).toBe(
      'Голосование длится 6 дней (с 1 июня 2025 г. по 6 июня 2025 г.), а в ГИС ЖКХ — от 7 до 60 дней (ст. 47.1 ЖК РФ).',
    );
  });
});

describe('buildTimeline: the in-person part belongs inside the voting period', () => {
  it('warns one day before the start and one day after the end, not on either end', () => {
    expect(codes(meeting({ sessionDate: START }))).toEqual([]);
    expect(codes(meeting({ sessionDate: addDays(START, 14) }))).toEqual([]);
    expect(codes(meeting({ sessionDate: addDays(START, 15), countDate: addDays(START, 15) }))).toEqual([
      'session_outside_voting',
    ]);
    expect(
      codes(
        meeting({
          sessionDate: addDays(START, -1),
          noticeDate: addDays(START, -31),
          materialsDate: addDays(START, -31),
        }),
      ),
    ).toEqual(['session_outside_voting']);
  });
});
