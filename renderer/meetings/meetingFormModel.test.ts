import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { documentFileName } from './fileNames';
import { meetingFormErrors, toFormValues, toMeeting } from './meetingFormModel';

const base: Meeting = {
  ...newMeeting({
    id: 'm',
    partnershipId: 'p',
    kind: 'mkd',
    title: 'Собрание',
    now: '2026-01-01T00:00:00.000Z',
    form: 'remote',
  }),
  votingStart: '2026-05-01',
  votingEnd: '2026-05-20',
  paperBallotAddress: 'кв. 1',
  conflicts: ['gosuslugi'],
  questions: [{ number: 1, text: 'Совет дома', attachmentIds: ['a1'] }],
  snapshotId: 's1',
};

describe('meeting form model', () => {
  it('round-trips a meeting through the form values, keeping the agenda and the snapshot', () => {
    const values = toFormValues(base);
    expect(values.protocolDueDays).toBe('10');
    expect(values.conflicts).toBe('priority');
    expect(values.priority).toEqual(['gosuslugi', 'paper', 'in_person']);
    expect(meetingFormErrors(values)).toEqual({});
    const back = toMeeting(values, base);
    expect(back).toEqual({
      ...base,
      conflicts: ['gosuslugi', 'paper', 'in_person'],
      invalidMarks: 'question',
      acceptScans: false,
      doubleEntry: false,
    });
  });

  it('clears emptied optional fields and tidies names', () => {
    const values = {
      ...toFormValues({ ...base, chair: 'Иванов', countPlace: 'Холл' }),
      chair: '   ',
      countPlace: '',
      title: '  Годовое   собрание ',
      countingCommission: ' Петров  П. П.\n\n Сидорова С. С. ',
    };
    const m = toMeeting(values, base);
    expect(m.chair).toBeUndefined();
    expect(m.countPlace).toBeUndefined();
    expect(m.title).toBe('Годовое собрание');
    expect(m.countingCommission).toEqual(['Петров П. П.', 'Сидорова С. С.']);
  });

  it('requires the in-person part only for forms that have one', () => {
    const remote = toFormValues(base);
    expect(meetingFormErrors(remote).sessionDate).toBeUndefined();
    const mixed = { ...remote, form: 'mixed' as const };
    expect(meetingFormErrors(mixed)).toMatchObject({
      sessionDate: 'Укажите дату очной части собрания.',
      sessionPlace: 'Укажите место очной части собрания.',
    });
    const inPerson = {
      ...mixed,
      form: 'in_person' as const,
      paperBallotAddress: '',
      sessionDate: '2026-05-01',
      sessionPlace: 'Холл',
    };
    expect(meetingFormErrors(inPerson)).toEqual({});
    expect(meetingFormErrors({ ...remote, votingStart: '2026-02-30' }).votingStart).toBe(
      'Начало голосования: нужна дата вида ДД.ММ.ГГГГ.',
    );
  });
});

describe('document file names', () => {
  it('drops what file systems refuse and keeps names short', () => {
    expect(documentFileName('Уведомление', 'Собрание: 2026 / «весна»?')).toBe(
      'Уведомление — Собрание 2026 «весна».pdf',
    );
    expect(documentFileName('Бюллетени 3', '')).toBe('Бюллетени 3.pdf');
    const long = documentFileName('Бюллетени', 'Очень длинное название собрания '.repeat(10));
    expect(long.length).toBeLessThanOrEqual('Бюллетени — '.length + 80 + '.pdf'.length);
    expect(new TextEncoder().encode(long).length).toBeLessThan(200);
    expect(long.endsWith('….pdf')).toBe(true);
  });
});
