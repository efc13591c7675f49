import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { meetingFormErrors, toFormValues, toMeeting } from './meetingFormModel';

function meeting(): Meeting {
  const m = newMeeting({
    id: 'm1',
    partnershipId: 'p1',
    kind: 'mkd',
    title: 'Собрание',
    now: '2026-05-01T00:00:00.000Z',
  });
  return {
    ...m,
    votingStart: '2026-06-01',
    votingEnd: '2026-06-14',
    sessionDate: '2026-06-01',
    sessionPlace: 'двор',
    paperBallotAddress: 'кв. 1',
    questions: [1, 2, 3].map((n) => ({ number: n, text: `Вопрос ${n}`, attachmentIds: [] })),
  };
}

describe('the meeting form’s protocol fields', () => {
  it('stores what is typed (dissents by line) and shows it back', () => {
    const values = {
      ...toFormValues(meeting()),
      address: '  г. Тверь,  ул. Садовая, 5 ',
      initiator: 'Иванов И. И., кв. 12',
      originalsStorage: 'у председателя совета дома',
      gisNumber: 'A-77',
      dissents: '2: Смирнов Олег Петрович\n\n3 - Орлова Вера',
    };
    expect(meetingFormErrors(values, [1, 2, 3])).toEqual({});
    const m = toMeeting(values, meeting());
    expect(m).toMatchObject({
      address: 'г. Тверь, ул. Садовая, 5',
      initiator: 'Иванов И. И., кв. 12',
      originalsStorage: 'у председателя совета дома',
      gisNumber: 'A-77',
      dissents: [
        { question: 2, name: 'Смирнов Олег Петрович' },
        { question: 3, name: 'Орлова Вера' },
      ],
    });
    expect(toFormValues(m)).toMatchObject({
      dissents: '2: Смирнов Олег Петрович\n3: Орлова Вера',
    });
    // Cleared fields are removed from the meeting.
    const cleared = toMeeting({ ...toFormValues(m), address: ' ', dissents: '' }, m);
    expect(cleared).not.toHaveProperty('address');
    expect(cleared).not.toHaveProperty('dissents');
  });

  it('names the field and the line of what is wrong', () => {
    const base = toFormValues(meeting());
    expect(meetingFormErrors({ ...base, dissents: '1: Иванов\nПетров' }, [1, 2]).dissents).toBe(
      'Строка 2: нужен вид «номер вопроса: ФИО», например «2: Иванов Иван Иванович».',
    );
    expect(meetingFormErrors({ ...base, dissents: '9: Иванов' }, [1, 2]).dissents).toBe(
      'Строка 1: вопроса 9 нет в повестке.',
    );
  });
});
