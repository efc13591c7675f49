import { parseDecimal, rational, toDecimal } from '../arith/rational';
import type { Question } from '../domain/types';
import { mkd, snt, withOverrides } from '../rules/profiles';
import { explainBallot, explainPerson } from './explain';
import { tally } from './tally';
import { ballot, meeting, person, persons, votes } from './tally.testkit';
import { personBasis, personDecision } from './votes';

const q1: Question[] = [{ number: 1, text: 'Вопрос 1' }];
const simple: Question[] = [
  { number: 1, text: 'Простое', rule: { majority: 'simple', electorate: 'members' } },
];
const twoThirds: Question[] = [
  { number: 1, text: '2/3', rule: { majority: 'two_thirds', electorate: 'members' } },
];

describe('1. acceptance of a paper ballot', () => {
  const registry = persons(3);
  it.each([
    ['2026-05-31', 'rejected', ['before_period']],
    ['2026-06-01', 'accepted', []],
    ['2026-06-14', 'accepted', []],
    ['2026-06-15', 'rejected', ['after_period']],
  ])('received %s: %s (voting period inclusive)', (receivedAt, status, reasons) => {
    const r = tally({ registry, meeting: meeting(q1), ballots: [ballot('p1', 'for', { receivedAt })] });
    expect(r.ballots[0]!.status).toBe(status);
    expect(r.ballots[0]!.reasons).toEqual(reasons);
    expect(r.participation.persons).toBe(status === 'accepted' ? 1 : 0);
  });

  it('rejects a paper ballot that names no registry person, and lists an electronic one as unmatched', () => {
    const r = tally({
      registry,
      meeting: meeting(q1),
      ballots: [
        ballot('x', 'for', { id: 'paper.csv:2', source: 'paper.csv:2', voter: { snils: '99999999999' } }),
        ballot('x', 'for', {
          id: 'g.xlsx:5',
          source: 'g.xlsx:5',
          channel: 'gosuslugi',
          voter: { fullName: 'Никто Никтович' },
        }),
      ],
    });
    expect(r.ballots.map((b) => [b.source, b.status, b.reasons])).toEqual([
      ['g.xlsx:5', 'unmatched', ['not_found']],
      ['paper.csv:2', 'rejected', ['snils_not_found']],
    ]);
    expect(r.unmatched).toEqual([
      { source: 'g.xlsx:5', name: 'Никто Никтович', channel: 'gosuslugi', reason: 'not_found' },
    ]);
    expect(r.participation.persons).toBe(0);
  });

  it('matches by СНИЛС, then cadastral number, then plot, then a unique name', () => {
    const reg = [person('p1'), person('p2', 'member', { fullName: 'Иванова Алёна Петровна' })];
    const r = tally({
      registry: reg,
      meeting: meeting(q1),
      ballots: [
        ballot('', 'for', { id: 'a', voter: { snils: '000-000-000 01', plotNumber: '1' } }),
        ballot('', 'for', { id: 'b', voter: { cadastralNumber: '50:18:0080301:2' } }),
        ballot('', 'for', { id: 'c', voter: { plotNumber: '№ 1' }, channel: 'in_person' }),
        ballot('', 'for', {
          id: 'd',
          voter: { fullName: '  ИВАНОВА алена   петровна' },
          channel: 'gosuslugi',
        }),
      ],
    });
    expect(r.ballots.map((b) => [b.ballotId, b.personId, b.matchedBy])).toEqual([
      ['c', 'p1', 'plot'],
      ['a', 'p1', 'snils'],
      ['d', 'p2', 'name'],
      ['b', 'p2', 'cadastral'],
    ]);
  });

  it('does not match a name shared by two persons', () => {
    const reg = [
      person('p1', 'member', { fullName: 'Петров Пётр' }),
      person('p2', 'member', { fullName: 'Петров Петр' }),
    ];
    const r = tally({
      registry: reg,
      meeting: meeting(q1),
      ballots: [ballot('', 'for', { voter: { fullName: 'петров петр' } })],
    });
    expect(r.ballots[0]!.reasons).toEqual(['ambiguous']);
  });

  it('does not accept a scan alone unless the meeting accepts scans', () => {
    const scan = ballot('p1', 'for', { copy: 'scan', delivery: 'email' });
    const strict = tally({ registry, meeting: meeting(q1), ballots: [scan] });
    expect(strict.ballots[0]!.reasons).toEqual(['scan_only']);
    expect(strict.participation.persons).toBe(0);
    const lenient = tally({ registry, meeting: meeting(q1, { acceptScans: true }), ballots: [scan] });
    expect(lenient.ballots[0]!.status).toBe('accepted');
    expect(lenient.questions[0]!.counts.for).toBe(1);
  });

  it('treats scan and original as one ballot: the original counts and a difference is reported', () => {
    const scan = ballot(
      'p1',
      { 1: 'for', 2: 'against' },
      { id: 's', copy: 'scan', receivedAt: '2026-06-02' },
    );
    const original = ballot('p1', { 1: 'against', 2: 'against' }, { id: 'o', receivedAt: '2026-06-09' });
    const qs = [...q1, { number: 2, text: 'Вопрос 2' }];
    for (const acceptScans of [false, true]) {
      const r = tally({ registry, meeting: meeting(qs, { acceptScans }), ballots: [scan, original] });
      expect(r.questions[0]!.counts).toEqual({ for: 0, against: 1, abstain: 0, invalid: 0, conflict: 0 });
      expect(r.conflicts).toEqual([]);
      const byId = Object.fromEntries(r.ballots.map((b) => [b.ballotId, b]));
      expect(byId.s).toMatchObject({ status: 'scan_merged', originalId: 'o', scanDiffers: [1] });
      expect(byId.o).toMatchObject({ status: 'accepted', scanIds: ['s'], scanDiffers: [1] });
    }
  });

  it('rejects the ballot when its original arrives late, even with a scan in time', () => {
    const scan = ballot('p1', 'for', { id: 's', copy: 'scan', receivedAt: '2026-06-02' });
    const original = ballot('p1', 'for', { id: 'o', receivedAt: '2026-06-20' });
    const r = tally({ registry, meeting: meeting(q1, { acceptScans: true }), ballots: [scan, original] });
    expect(r.participation.persons).toBe(0);
    expect(r.ballots.find((b) => b.ballotId === 'o')!.reasons).toEqual(['after_period']);
  });
});

describe('2. void ballots and badly marked questions', () => {
  const registry = persons(2);
  it.each(['no_signature', 'no_details', 'pencil', 'corrections'] as const)(
    '%s voids the whole ballot',
    (reason) => {
      const r = tally({
        registry,
        meeting: meeting(q1),
        ballots: [ballot('p1', 'for', { voidReasons: [reason] })],
      });
      expect(r.ballots[0]).toMatchObject({ status: 'rejected', reasons: [reason] });
      expect(r.participation.persons).toBe(0);
    },
  );

  it('voids a representative without power-of-attorney details, not one with them', () => {
    const without = ballot('p1', 'for', { representative: { fullName: 'Иванов И. И.' } });
    const withPoa = ballot('p2', 'for', {
      representative: { fullName: 'Петров П. П.', powerOfAttorney: '№ 5 от 01.05.2026' },
    });
    const r = tally({ registry, meeting: meeting(q1), ballots: [without, withPoa] });
    expect(r.ballots.map((b) => [b.personId, b.status, b.reasons])).toEqual([
      ['p1', 'rejected', ['no_power_of_attorney']],
      ['p2', 'accepted', []],
    ]);
  });

  const qs: Question[] = [1, 2, 3, 4].map((n) => ({ number: n, text: `Вопрос ${n}` }));
  const marks = { 1: 'for', 2: 'several', 3: 'all_crossed' } as const; // question 4: nothing marked

  it('by default a badly marked question is invalid for that question only', () => {
    const r = tally({ registry, meeting: meeting(qs), ballots: [ballot('p1', marks)] });
    expect(r.ballots[0]).toMatchObject({ status: 'accepted', invalidQuestions: [2, 3, 4] });
    expect(r.questions.map((q) => [q.counts.for, q.counts.invalid])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(r.questions[1]!.base).toEqual(rational(1n));
  });

  it('under invalidMarks "ballot" such a paper ballot is void as a whole; a good one is not', () => {
    const r = tally({
      registry,
      meeting: meeting(qs, { invalidMarks: 'ballot' }),
      ballots: [ballot('p1', marks), ballot('p2', { 1: 'for', 2: 'for', 3: 'for', 4: 'abstain' })],
    });
    expect(r.ballots.map((b) => [b.personId, b.status, b.reasons])).toEqual([
      ['p1', 'rejected', ['invalid_marks']],
      ['p2', 'accepted', []],
    ]);
    expect(r.participation.persons).toBe(1);
  });
});

describe('3. one decision per person and question', () => {
  const registry = persons(4);
  const qs: Question[] = [1, 2].map((n) => ({ number: n, text: `Вопрос ${n}` }));
  const paper = ballot('p1', { 1: 'for', 2: 'against' }, { id: 'paper', receivedAt: '2026-06-03' });
  const online = ballot(
    'p1',
    { 1: 'for', 2: 'for' },
    { id: 'online', channel: 'gosuslugi', receivedAt: '2026-06-10' },
  );

  it('counts agreeing ballots of one person once', () => {
    const r = tally({
      registry,
      meeting: meeting(qs),
      ballots: [paper, { ...online, marks: { 1: 'for', 2: 'against' } }],
    });
    expect(r.questions[0]!.counts.for).toBe(1);
    expect(r.questions[1]!.counts.against).toBe(1);
    expect(r.participation).toMatchObject({
      persons: 1,
      byChannel: { gosuslugi: 1, paper: 1, in_person: 0 },
    });
    expect(personBasis(r, 0, 0)).toBe('agree');
  });

  it('flag (default): a disagreeing question is not counted and is listed', () => {
    const r = tally({ registry, meeting: meeting(qs), ballots: [paper, online] });
    expect(r.questions[0]!.counts).toMatchObject({ for: 1, conflict: 0 });
    expect(r.questions[1]!.counts).toMatchObject({ for: 0, against: 0, conflict: 1 });
    expect(r.questions[1]!.base).toEqual(rational(1n));
    expect(r.conflicts).toEqual([
      {
        personId: 'p1',
        fullName: 'Участник p1',
        question: 2,
        choices: [
          { ballotId: 'paper', source: 'paper', channel: 'paper', receivedAt: '2026-06-03', mark: 'against' },
          {
            ballotId: 'online',
            source: 'online',
            channel: 'gosuslugi',
            receivedAt: '2026-06-10',
            mark: 'for',
          },
        ],
        resolution: 'flag',
        counted: null,
      },
    ]);
    expect(personDecision(r, 0, 1)).toBe('conflict');
  });

  it('latest: the ballot received last wins; a tie on the date stays a conflict', () => {
    const r = tally({ registry, meeting: meeting(qs, { conflicts: 'latest' }), ballots: [online, paper] });
    expect(r.questions[1]!.counts).toMatchObject({ for: 1, against: 0, conflict: 0 });
    expect(r.conflicts[0]).toMatchObject({ resolution: 'latest', counted: 'for', countedBallotId: 'online' });
    expect(personBasis(r, 0, 1)).toBe('latest');
    const tie = tally({
      registry,
      meeting: meeting(qs, { conflicts: 'latest' }),
      ballots: [paper, { ...online, receivedAt: paper.receivedAt }],
    });
    expect(tie.questions[1]!.counts.conflict).toBe(1);
    expect(tie.conflicts[0]!.counted).toBeNull();
  });

  it('a channel priority list: the best-ranked channel wins', () => {
    const r = tally({
      registry,
      meeting: meeting(qs, { conflicts: ['paper', 'gosuslugi'] }),
      ballots: [online, paper],
    });
    expect(r.questions[1]!.counts).toMatchObject({ against: 1, for: 0, conflict: 0 });
    expect(r.conflicts[0]).toMatchObject({
      resolution: 'priority',
      counted: 'against',
      countedBallotId: 'paper',
    });
  });
});

describe('3a. conflicts resolved by the counting commission', () => {
  const registry = persons(3);
  const qs: Question[] = [1, 2].map((n) => ({ number: n, text: `Вопрос ${n}` }));
  const paper = ballot('p1', { 1: 'for', 2: 'against' }, { id: 'paper', receivedAt: '2026-06-03' });
  const online = ballot(
    'p1',
    { 1: 'for', 2: 'for' },
    { id: 'online', channel: 'gosuslugi', receivedAt: '2026-06-10' },
  );
  const chosePaper = { personId: 'p1', question: 2, ballotId: 'paper', reason: 'оригинал подписан лично' };

  it('counts the chosen ballot’s decision instead of the flag, and says so', () => {
    const flagged = tally({ registry, meeting: meeting(qs), ballots: [paper, online] });
    expect(flagged.questions[1]!.counts).toMatchObject({ for: 0, against: 0, conflict: 1 });

    const r = tally({ registry, meeting: meeting(qs), ballots: [paper, online], resolutions: [chosePaper] });
    expect(r.questions[1]!.counts).toEqual({ for: 0, against: 1, abstain: 0, invalid: 0, conflict: 0 });
    expect(r.questions[0]!.counts).toMatchObject({ for: 1, conflict: 0 });
    expect(r.questions[1]!.electorateParticipants).toBe(1);
    expect(personDecision(r, 0, 1)).toBe('against');
    expect(personBasis(r, 0, 1)).toBe('resolved');
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({
      personId: 'p1',
      question: 2,
      resolution: 'resolved',
      counted: 'against',
      countedBallotId: 'paper',
      reason: 'оригинал подписан лично',
    });
    expect(r.conflicts[0]!.choices.map((c) => [c.ballotId, c.mark])).toEqual([
      ['paper', 'against'],
      ['online', 'for'],
    ]);
    expect(r.problems).toEqual([]);
    expect(explainPerson(r, 0)).toBe(
      'Член товарищества; принял участие (paper, online); принятые бюллетени совпадают, каждый голос учтён один раз; ' +
        'вопрос №2: бюллетени расходятся, учтён бюллетень, выбранный счётной комиссией: против.',
    );
  });

  it('overrides the meeting’s policy (latest would take the electronic ballot)', () => {
    const r = tally({
      registry,
      meeting: meeting(qs, { conflicts: 'latest' }),
      ballots: [paper, online],
      resolutions: [chosePaper],
    });
    expect(r.questions[1]!.counts).toMatchObject({ for: 0, against: 1, conflict: 0 });
    expect(r.conflicts[0]).toMatchObject({ resolution: 'resolved', countedBallotId: 'paper' });
  });

  it('ignores and reports a resolution whose ballot is not among the person’s accepted ones', () => {
    const late = ballot('p1', { 1: 'for', 2: 'abstain' }, { id: 'late', receivedAt: '2026-07-01' });
    const r = tally({
      registry,
      meeting: meeting(qs),
      ballots: [paper, online, late],
      resolutions: [
        { personId: 'p1', question: 2, ballotId: 'late' },
        { personId: 'p2', question: 1, ballotId: 'paper' },
      ],
    });
    // The flag policy applies as if there were no resolution.
    expect(r.questions[1]!.counts).toMatchObject({ for: 0, against: 0, abstain: 0, conflict: 1 });
    expect(personBasis(r, 0, 1)).toBe('conflict');
    expect(r.conflicts[0]).toMatchObject({ resolution: 'flag', counted: null });
    expect(r.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'resolution_ballot_not_accepted',
        'warning',
        'Решение комиссии по участнику «Участник p1», вопрос 2, не применено: выбранный бюллетень late ' +
          'не принят к подсчёту (отозван, заменён или не прошёл проверку); решите расхождение заново.',
      ],
      [
        'resolution_not_needed',
        'warning',
        'Решение комиссии по участнику «Участник p2», вопрос 1, не применено: бюллетени участника по этому вопросу не расходятся.',
      ],
    ]);
  });

  it('reports a resolution for someone not in the registry or a question not on the agenda', () => {
    const r = tally({
      registry,
      meeting: meeting(qs),
      ballots: [paper, online],
      resolutions: [
        { personId: 'x9', question: 2, ballotId: 'paper' },
        { personId: 'p1', question: 7, ballotId: 'paper' },
      ],
    });
    expect(r.problems.map((p) => p.message)).toEqual([
      'Решение комиссии по участнику «x9», вопрос 2, не применено: участника нет в реестре собрания.',
      'Решение комиссии по участнику «Участник p1», вопрос 7, не применено: такого вопроса нет в повестке.',
    ]);
    expect(r.questions[1]!.counts.conflict).toBe(1);
  });

  it('a resolution naming no ballot leaves the vote uncounted, whatever the policy', () => {
    const r = tally({
      registry,
      meeting: meeting(qs, { conflicts: 'latest' }),
      ballots: [paper, online],
      resolutions: [{ personId: 'p1', question: 2, ballotId: null, reason: 'по правилу собрания' }],
    });
    expect(r.questions[1]!.counts).toMatchObject({ for: 0, against: 0, conflict: 1 });
    expect(personBasis(r, 0, 1)).toBe('conflict');
    expect(r.conflicts[0]).toMatchObject({
      resolution: 'resolved',
      counted: null,
      reason: 'по правилу собрания',
    });
    expect(r.conflicts[0]!.countedBallotId).toBeUndefined();
    expect(r.problems).toEqual([]);
  });

  it('the last resolution given for a person and question wins', () => {
    const r = tally({
      registry,
      meeting: meeting(qs),
      ballots: [paper, online],
      resolutions: [chosePaper, { personId: 'p1', question: 2, ballotId: 'online' }],
    });
    expect(r.questions[1]!.counts).toMatchObject({ for: 1, against: 0, conflict: 0 });
    expect(r.conflicts[0]).toMatchObject({ countedBallotId: 'online', resolution: 'resolved' });
    expect(r.conflicts[0]!.reason).toBeUndefined();
  });
});

describe('4. participants and quorum', () => {
  it.each([
    [5, false],
    [6, true],
  ])('snt: %i of 10 members took part -> quorum %s (more than 50%)', (took, reached) => {
    const r = tally({ registry: persons(10), meeting: meeting(simple), ballots: votes('for', took, 1) });
    expect(r.quorum.reached).toBe(reached);
    expect(r.quorum.share).toEqual(rational(BigInt(took), 10n));
    expect(r.questions[0]!.decision).toBe(reached ? 'adopted' : 'no_quorum');
  });

  it('gardeners take part but do not count toward the quorum', () => {
    const registry = [...persons(10), ...persons(4, 'gardener', 11)];
    const r = tally({
      registry,
      meeting: meeting(simple),
      ballots: [...votes('for', 5, 1), ...votes('for', 4, 11)],
    });
    expect(r.registry).toMatchObject({ members: 10, gardeners: 4 });
    expect(r.participation).toMatchObject({ persons: 9, members: 5, gardeners: 4 });
    expect(r.quorum.reached).toBe(false);
  });

  const owner = (id: string, area: string, share?: string) =>
    person(id, 'owner', { holdings: [{ plotNumber: id, area, ...(share ? { share } : {}) }] });

  it('mkd: weights of owners who took part against all weights, exactly', () => {
    // 100 + 1/3 × 150 + 2/3 × 150 = 250 m²; exactly half is 125.
    const registry = [owner('a', '100.00'), owner('b', '150.00', '1/3'), owner('c', '150.00', '2/3')];
    const m = meeting(q1, { kind: 'mkd' });
    const half = tally({
      registry,
      meeting: m,
      ballots: [ballot('b', 'for'), ballot('a', 'for', { voidReasons: ['pencil'] })],
    });
    expect(half.registry.weightTotal).toEqual(rational(250n));
    expect(half.participation.weight).toEqual(rational(50n));
    expect(half.quorum.reached).toBe(false);
    const exactlyHalf = tally({
      registry: [owner('a', '125.00'), owner('b', '125.00')],
      meeting: m,
      ballots: [ballot('a', 'for')],
    });
    expect(exactlyHalf.quorum.reached).toBe(false);
    const justOver = tally({
      registry: [owner('a', '125.01'), owner('b', '125.00')],
      meeting: m,
      ballots: [ballot('a', 'for')],
    });
    expect(justOver.quorum.reached).toBe(true);
    expect(justOver.questions[0]).toMatchObject({ decision: 'adopted' });
    expect(toDecimal(justOver.questions[0]!.weights.for)).toBe('125.01');
  });

  it('mkd: co-owners split the premises by share; weights print exact to 0.01', () => {
    const registry = [owner('a', '50.00', '1/3'), owner('b', '50.00', '2/3'), owner('c', '10.00')];
    const r = tally({
      registry,
      meeting: meeting(q1, { kind: 'mkd' }),
      ballots: [ballot('a', 'for'), ballot('b', 'against')],
    });
    expect(toDecimal(r.questions[0]!.weights.for)).toBe('16.67');
    expect(toDecimal(r.questions[0]!.weights.against)).toBe('33.33');
    expect(r.questions[0]!.base).toEqual(parseDecimal('50'));
    expect(r.questions[0]!.counts.for).toBe(1);
  });
});

describe('5. electorate, base and majorities', () => {
  it('ignores (and reports) a gardener on a members-only question; counts one where gardeners vote', () => {
    const qs: Question[] = [
      { number: 1, text: 'Только члены', rule: { majority: 'simple', electorate: 'members' } },
      { number: 2, text: 'Взносы', item: '21' },
    ];
    const registry = [...persons(3), person('g1', 'gardener')];
    const ballots = [
      ballot('p1', { 1: 'for', 2: 'for' }),
      ballot('p2', { 1: 'against', 2: 'against' }),
      ballot('g1', { 1: 'for', 2: 'for' }),
    ];
    const r = tally({ registry, meeting: meeting(qs), ballots });
    const [members, all] = r.questions;
    expect(members).toMatchObject({ electorateParticipants: 2, ignored: 1, decision: 'rejected' });
    expect(members!.counts).toMatchObject({ for: 1, against: 1 });
    expect(all).toMatchObject({ electorateParticipants: 3, ignored: 0, decision: 'adopted' });
    expect(all!.rule).toEqual({
      majority: 'two_thirds',
      electorate: 'members_and_gardeners',
      base: 'participants',
    });
    expect(r.ballots.find((b) => b.personId === 'g1')!.ignoredQuestions).toEqual([1]);
    expect(personBasis(r, 3, 0)).toBe('not_electorate');
    expect(personDecision(r, 3, 0)).toBeNull();
  });

  it('the base is every electorate participant, whatever they marked', () => {
    const registry = persons(6);
    const ballots = [
      ...votes('for', 3, 1),
      ballot('p4', 'abstain'),
      ballot('p5', 'several'),
      ballot('p6', 'against', { channel: 'gosuslugi' }),
      ballot('p6', 'for'),
    ];
    const r = tally({ registry, meeting: meeting(simple), ballots });
    expect(r.questions[0]!.counts).toEqual({ for: 3, against: 0, abstain: 1, invalid: 1, conflict: 1 });
    expect(r.questions[0]!.base).toEqual(rational(6n));
    // 3 of 6 is exactly half: not more than half.
    expect(r.questions[0]!.decision).toBe('rejected');
  });

  it.each([
    [10, 5, 'rejected'],
    [10, 6, 'adopted'],
    [9, 4, 'rejected'],
    [9, 5, 'adopted'],
  ])('simple majority, base %i, %i for: %s (for > base / 2)', (base, yes, decision) => {
    const r = tally({
      registry: persons(base),
      meeting: meeting(simple),
      ballots: [...votes('for', yes, 1), ...votes('against', base - yes, yes + 1)],
    });
    expect(r.questions[0]!.decision).toBe(decision);
  });

  it.each([
    [9, 6, 'adopted'],
    [9, 5, 'rejected'],
    [12, 8, 'adopted'],
    [10, 7, 'adopted'],
    [10, 6, 'rejected'],
  ])('two thirds, base %i, %i for: %s (for × 3 >= base × 2)', (base, yes, decision) => {
    const r = tally({
      registry: persons(base),
      meeting: meeting(twoThirds),
      ballots: [...votes('for', yes, 1), ...votes('abstain', base - yes, yes + 1)],
    });
    expect(r.questions[0]!.decision).toBe(decision);
  });

  it('unanimous: every participant for', () => {
    const qs: Question[] = [
      { number: 1, text: 'Все', rule: { majority: 'unanimous', electorate: 'members' } },
    ];
    const all = tally({ registry: persons(3), meeting: meeting(qs), ballots: votes('for', 3, 1) });
    expect(all.questions[0]!.decision).toBe('adopted');
    const one = tally({
      registry: persons(3),
      meeting: meeting(qs),
      ballots: [...votes('for', 2, 1), ballot('p3', 'abstain')],
    });
    expect(one.questions[0]!.decision).toBe('rejected');
  });

  it('mkd "all votes" rules measure against the total weight of the registry', () => {
    const owner = (id: string, area: string) => person(id, 'owner', { holdings: [{ plotNumber: id, area }] });
    const registry = [owner('a', '60.00'), owner('b', '30.00'), owner('c', '30.00'), owner('d', '80.00')];
    // Took part: a, b, d = 170 of 200 (quorum). For: a + b = 90: more than half of 170, not of 200.
    const ballots = [ballot('a', 'for'), ballot('b', 'for'), ballot('d', 'against')];
    const of = (item: string) =>
      tally({ registry, meeting: meeting([{ number: 1, text: 'В', item }], { kind: 'mkd' }), ballots })
        .questions[0]!;
    expect(of('5')).toMatchObject({ decision: 'adopted', base: rational(170n) });
    expect(of('4')).toMatchObject({ decision: 'rejected', base: rational(200n) });
    const more = [ballot('a', 'for'), ballot('b', 'for'), ballot('c', 'for'), ballot('d', 'against')];
    const r = tally({
      registry,
      meeting: meeting([{ number: 1, text: 'В', item: '4' }], { kind: 'mkd' }),
      ballots: more,
    });
    // 120 of 200 is more than half of all votes; for 2/3 of all votes (item 1) it needs 133.34.
    expect(r.questions[0]!.decision).toBe('adopted');
    const twoThirdsAll = tally({
      registry,
      meeting: meeting([{ number: 1, text: 'В', item: '1' }], { kind: 'mkd' }),
      ballots: more,
    });
    expect(twoThirdsAll.questions[0]!.decision).toBe('rejected');
  });

  it('the 2024 per-question rule decides by default for СНТ; a profile may only report it', () => {
    const registry = persons(10);
    // 6 of 10 took part (quorum), but only 5 voted on the question: not more than half of the members.
    const ballots = [...votes('for', 5, 1), ballot('p6', 'several')];
    const strict = tally({ registry, meeting: meeting(simple), ballots });
    expect(strict.questions[0]!.questionQuorum).toEqual({
      applies: true,
      affectsDecision: true,
      voted: 5,
      total: 10,
      reached: false,
    });
    expect(strict.questions[0]!.decision).toBe('no_quorum');
    const reportOnly = withOverrides(snt, {
      questionQuorum: { forms: ['mixed', 'remote'], affectsDecision: false },
    });
    expect(
      tally({ registry, meeting: meeting(simple), ballots, profile: reportOnly }).questions[0]!.decision,
    ).toBe('adopted');
    const inPerson = tally({
      registry,
      meeting: meeting(simple, { form: 'in_person' }),
      ballots,
    });
    expect(inPerson.questions[0]!.questionQuorum.applies).toBe(false);
    expect(inPerson.questions[0]!.decision).toBe('adopted');
  });

  it('a charter may count one vote per plot', () => {
    const registry = [
      person('p1', 'member', { holdings: [{ plotNumber: '1' }, { plotNumber: '2' }, { plotNumber: '3' }] }),
      ...persons(2, 'member', 2).map((p, i) => ({ ...p, holdings: [{ plotNumber: String(10 + i) }] })),
    ];
    const ballots = [ballot('p1', 'for'), ballot('p2', 'against')];
    const byPlot = withOverrides(snt, { weight: 'plot' });
    const r = tally({ registry, meeting: meeting(simple), ballots, profile: byPlot });
    expect(r.questions[0]!.weights.for).toEqual(rational(3n));
    expect(r.questions[0]!.decision).toBe('adopted');
    expect(r.registry.weightTotal).toEqual(rational(5n));
    expect(mkd.weight).toBe('area_share');
  });
});

describe('6. explanations', () => {
  it('explains every ballot and every person in Russian', () => {
    const registry = [...persons(2), person('g1', 'gardener')];
    const m = meeting([
      { number: 1, text: 'В1', rule: { majority: 'simple', electorate: 'members' } },
      { number: 2, text: 'В2', rule: { majority: 'simple', electorate: 'members' } },
    ]);
    const ballots = [
      ballot('p1', { 1: 'for', 2: 'several' }, { id: 'a' }),
      ballot('p2', 'for', { id: 'late', receivedAt: '2026-07-01' }),
      ballot('g1', { 1: 'for', 2: 'for' }, { id: 'g' }),
      ballot('', 'for', { id: 'x', voter: { fullName: 'Неизвестный' }, channel: 'gosuslugi' }),
    ];
    const r = tally({ registry, meeting: m, ballots });
    const text = (id: string) => {
      const b = r.ballots.find((o) => o.ballotId === id)!;
      return explainBallot(b, m, b.personId && r.persons.find((p) => p.personId === b.personId)!.fullName);
    };
    expect(text('a')).toBe(
      'Принят: Участник p1 (по записи реестра); получен 05.06.2026, в период голосования; недействителен по вопросам №2.',
    );
    expect(text('late')).toBe(
      'Не принят (Участник p2 (по записи реестра)): получен 01.07.2026, после окончания голосования (14.06.2026).',
    );
    expect(text('g')).toContain('голоса по вопросам №1, №2 не учитываются');
    expect(text('x')).toBe('Не сопоставлен с реестром: участник не найден в реестре. Требует проверки.');
    expect(explainPerson(r, 0)).toBe(
      'Член товарищества; принял участие (a); решения взяты из единственного принятого бюллетеня; ' +
        'вопрос №2: отмечено несколько вариантов, голос недействителен.',
    );
    expect(explainPerson(r, 1)).toBe(
      'Член товарищества; не принял участие: ни один бюллетень не принят (late).',
    );
    expect(explainPerson(r, 2)).toBe(
      'Садовод без членства; принял участие (g); решения взяты из единственного принятого бюллетеня; ' +
        'вопросы №1, №2: не голосует: вопрос только для членов товарищества.',
    );
    const twice = tally({
      registry,
      meeting: m,
      ballots: [
        ...ballots,
        ballot('p2', { 1: 'against', 2: 'for' }, { id: 'e', channel: 'gosuslugi' }),
        ballot('p2', { 1: 'for', 2: 'for' }, { id: 'f' }),
      ],
    });
    expect(explainPerson(twice, 1)).toBe(
      'Член товарищества; принял участие (e, f); принятые бюллетени совпадают, каждый голос учтён один раз; ' +
        'вопрос №1: бюллетени расходятся, голос не учтён (конфликт).',
    );
  });
});

describe('7. the outcomes built when first read', () => {
  it('are plain data: the same through a structured clone and a spread, built once, replaceable', () => {
    const registry = persons(2);
    const r = tally({
      registry,
      meeting: meeting(q1),
      ballots: [
        ballot('p1', 'for', { id: 'b1' }),
        ballot('x', 'for', { id: 'b2', voter: { snils: '99999999999' } }),
      ],
    });
    const clone = structuredClone(r);
    expect(clone.ballots.map((b) => [b.ballotId, b.status, b.personId])).toEqual([
      ['b1', 'accepted', 'p1'],
      ['b2', 'rejected', undefined],
    ]);
    expect(clone.persons.map((p) => [p.personId, p.participated])).toEqual([
      ['p1', true],
      ['p2', false],
    ]);
    expect(Object.keys(r)).toContain('ballots');
    expect({ ...r }.persons).toEqual(clone.persons);
    expect(r.ballots).toBe(r.ballots);
    expect(r.persons).toBe(r.persons);
    r.ballots = [];
    expect(r.ballots).toEqual([]);
  });
});
