import { generatedProtocolSource, sampleProtocolSource } from '../../test/fixtures/protocolData';
import { newMeeting, type Meeting } from '../meetings/meeting';
import { formatFigure, formatPercent } from './figuresRu';
import { tally } from '../tally/tally';
import { buildProtocolModel, maskSnils, type ProtocolOptions } from './protocolModel';
import { MARK_LABEL } from '../vocabulary';

const OPTIONS: ProtocolOptions = { maskSnils: false, today: '2026-06-18' };

describe('figures as printed', () => {
  it('groups counts from 10 000 and m² (decimals) from 1 000 with a non-breaking space, decimal comma', () => {
    expect(formatFigure(5)).toBe('5');
    expect(formatFigure(9999)).toBe('9999');
    expect(formatFigure(12345)).toBe('12\u00a0345');
    expect(formatFigure('1234.50')).toBe('1\u00a0234,50');
    expect(formatFigure('1234567.05')).toBe('1\u00a0234\u00a0567,05');
    expect(formatFigure('-0.25')).toBe('-0,25');
    expect(formatPercent('63.33')).toBe('63,33\u00a0%');
  });

  it('masks СНИЛС leaving the last group and the check number', () => {
    expect(maskSnils('12345678901')).toBe('***-***-789 01');
    expect(maskSnils('123')).toBe('***');
  });
});

describe('protocol model', () => {
  it('gives each question its figures and exact shares of the base', async () => {
    const source = await sampleProtocolSource();
    const model = buildProtocolModel(source, OPTIONS);
    const q1 = model.questions[0]!;
    // 5 of 9 for: 55.555… %, rounded once to 55.56; 1 of 9: 11.11 (test/fixtures/sample-meeting/README.md).
    expect(q1.rows.map((r) => [r.key, r.value, r.percent])).toEqual([
      ['for', 5, '55.56'],
      ['against', 1, '11.11'],
      ['abstain', 1, '11.11'],
      ['invalid', 1, '11.11'],
      ['conflict', 1, '11.11'],
    ]);
    expect(q1.base).toBe(9);
    expect(q1.decisionText).toBe('Решение принято');
    expect(model.questions[1]!.threshold.label).toBe('2/3');
    expect(model.quorum).toMatchObject({ reached: true, share: '0.7500', percent: '75.00' });
  });

  it('prints the meeting record: places, people, signatures, due date 10 days for МКД', () => {
    const source = generatedProtocolSource(40, 3, 5, 'mkd');
    const meeting: Meeting = {
      ...newMeeting({
        id: 'm1',
        partnershipId: 'p1',
        kind: 'mkd',
        title: source.meeting.title,
        now: '2026-05-01T00:00:00.000Z',
      }),
      ...source.meeting,
      meetingKind: 'extraordinary',
      sessionTime: '19:00',
      sessionPlace: 'двор дома',
      chair: 'Иванов Иван Иванович',
      secretary: 'Петрова Анна Сергеевна',
      countingCommission: ['Сидоров С. С.', 'Кузнецова К. К.'],
      protocolDueDays: 10,
      questions: source.meeting.questions.map((q) => ({ ...q, attachmentIds: [] })),
    };
    const onTime = buildProtocolModel({ ...source, meeting }, { ...OPTIONS, today: '2026-06-24' });
    expect(onTime.subtitle).toBe(
      'внеочередного общего собрания собственников помещений в многоквартирном доме',
    );
    expect(onTime.facts).toContainEqual({ label: 'Место проведения', value: 'двор дома' });
    expect(onTime.facts).toContainEqual({
      label: 'Дата и время очной части',
      value: '14 июня 2026 г. в 19:00',
    });
    expect(onTime.facts).toContainEqual({
      label: 'Счётная комиссия',
      value: 'Сидоров С. С., Кузнецова К. К.',
    });
    expect(onTime.signatures).toEqual([
      { role: 'Председатель общего собрания', name: 'Иванов Иван Иванович' },
      { role: 'Секретарь собрания', name: 'Петрова Анна Сергеевна' },
      { role: 'Член счётной комиссии', name: 'Сидоров С. С.' },
      { role: 'Член счётной комиссии', name: 'Кузнецова К. К.' },
    ]);
    expect(onTime.due).toMatchObject({ days: 10, date: '2026-06-24', late: false, warning: null });
    const late = buildProtocolModel({ ...source, meeting }, { ...OPTIONS, today: '2026-06-27' });
    expect(late.due.warning).toBe(
      'Внимание: протокол составлен с опозданием на 3 дня (срок истёк 24 июня 2026 г.).',
    );
    // The meeting's own protocol date wins over today.
    const dated = buildProtocolModel(
      { ...source, meeting: { ...meeting, protocolDate: '2026-06-20' } },
      { ...OPTIONS, today: '2026-06-27' },
    );
    expect(dated.due.late).toBe(false);
    expect(dated.dateText).toBe('20 июня 2026 г.');
  });

  it('prints a conflict the counting commission resolved with its reason and the mark counted', async () => {
    const source = await sampleProtocolSource();
    const flagged = source.result.conflicts[0]!;
    const chosen = flagged.choices[0]!;
    const result = tally({
      registry: source.registry,
      meeting: source.meeting,
      ballots: source.ballots,
      profile: source.profile,
      resolutions: [
        {
          personId: flagged.personId,
          question: flagged.question,
          ballotId: chosen.ballotId,
          reason: 'оригинал подписан лично',
        },
      ],
    });
    const model = buildProtocolModel({ ...source, result, results: undefined }, OPTIONS);
    const rows = model.tables.find((t) => t.key === 'conflicts')!.rows;
    const row = rows.find((r) => r[1] === flagged.fullName && r[2] === flagged.question)!;
    expect(row.slice(4)).toEqual([
      'решение счётной комиссии: оригинал подписан лично',
      MARK_LABEL[chosen.mark],
    ]);
  });

  it('is plain data: survives structured cloning unchanged', async () => {
    const model = buildProtocolModel(await sampleProtocolSource(), { ...OPTIONS, maskSnils: true });
    expect(structuredClone(model)).toEqual(model);
  });
});
