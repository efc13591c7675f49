import { mkd, snt } from '../rules/profiles';
import { tally } from '../tally/tally';
import { ballot, meeting, person, persons } from '../tally/tally.testkit';
import { buildResults } from './buildResults';

describe('buildResults', () => {
  it('has the shape results.json promises, with per-person and per-ballot explanations', () => {
    const m = meeting([
      { number: 1, text: 'Председатель', rule: { majority: 'simple', electorate: 'members' } },
      { number: 2, text: 'Взносы', item: '21' },
    ]);
    const registry = [...persons(3), person('g1', 'gardener')];
    const ballots = [
      ballot('p1', { 1: 'for', 2: 'for' }, { id: 'paper.csv:10', source: 'paper.csv:10' }),
      ballot('p1', { 1: 'against', 2: 'for' }, { id: 'g.xlsx:5', source: 'g.xlsx:5', channel: 'gosuslugi' }),
      ballot(
        'p2',
        { 1: 'for', 2: 'for' },
        { id: 'paper.csv:9', source: 'paper.csv:9', receivedAt: '2026-06-20' },
      ),
      ballot('p3', { 1: 'for', 2: 'against' }, { id: 'paper.csv:2', source: 'paper.csv:2', copy: 'scan' }),
      ballot('p3', { 1: 'for', 2: 'for' }, { id: 'paper.csv:3', source: 'paper.csv:3' }),
      ballot(
        '',
        { 1: 'for' },
        { id: 'g.xlsx:6', source: 'g.xlsx:6', channel: 'gosuslugi', voter: { fullName: 'Х' } },
      ),
    ];
    const json = buildResults(tally({ registry, meeting: m, ballots }), m, snt);
    expect(json.registry).toEqual({ persons: 4, members: 3, gardeners: 1, weightTotal: 3 });
    expect(json.participation).toMatchObject({ persons: 2, members: 2, gardeners: 0, weight: 2 });
    expect(json.quorum).toMatchObject({ reached: true, share: '0.6667' });
    expect(json.questions[0]).toMatchObject({
      number: 1,
      for: 1,
      against: 0,
      abstain: 0,
      invalid: 0,
      conflict: 1,
      base: 2,
      majority: 'simple',
      electorate: 'members',
      // 1 of 3 members voted on it (the conflict is no vote): not more than half (217-ФЗ, 2024).
      decision: 'no_quorum',
      questionQuorum: { applies: true, affectsDecision: true, voted: 1, total: 3, reached: false },
      rule: 'большинство (более половины) голосов членов, принявших участие (правило задано для вопроса)',
    });
    expect(json.questions[1]).toMatchObject({ for: 2, base: 2, decision: 'adopted', item: '21' });
    expect(json.rejected).toEqual([
      {
        source: 'paper.csv:9',
        reason: 'получен 20.06.2026, после окончания голосования (14.06.2026)',
        reasons: ['after_period'],
        person: 'Участник p2',
      },
    ]);
    expect(json.unmatched).toEqual([{ source: 'g.xlsx:6', name: 'Х', reason: 'not_found' }]);
    // Q1 is not adopted for lack of per-question participation (217-ФЗ, 2024): no majority margin; in
    // dispute: the conflict, the late ballot and the unmatched one. Q2: 2 of 2, one lost and it falls.
    expect(json.margin).toEqual([
      {
        question: 1,
        votes: null,
        strict: false,
        disputed: 3,
        couldFlip: false,
        text: 'нет кворума — решение не принято',
      },
      {
        question: 2,
        votes: 1,
        strict: false,
        disputed: 2,
        couldFlip: true,
        text: '1 голос; исход зависит от решения по 2 спорным бюллетеням',
      },
    ]);
    expect(json.conflicts).toEqual([
      {
        person: 'Участник p1',
        personId: 'p1',
        question: 1,
        choices: [
          { source: 'g.xlsx:5', channel: 'gosuslugi', receivedAt: '2026-06-05', mark: 'against' },
          { source: 'paper.csv:10', channel: 'paper', receivedAt: '2026-06-05', mark: 'for' },
        ],
        resolution: 'flag',
        counted: null,
      },
    ]);
    expect(json.scanDifferences).toEqual([
      { source: 'paper.csv:2', original: 'paper.csv:3', person: 'Участник p3', questions: [2] },
    ]);
    expect(json.persons[0]).toMatchObject({
      id: 'p1',
      participated: true,
      decisions: { 1: 'conflict', 2: 'for' },
    });
    expect(json.persons[3]!.explanation).toBe('Садовод без членства; не принял участие.');
    expect(json.ballots.map((b) => b.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
      'accepted',
      'scan_merged',
      'unmatched',
    ]);
    expect(json.ballots.every((b) => b.explanation.length > 10)).toBe(true);
  });

  it('prints МКД weights as decimal strings and person counts beside them', () => {
    const owner = (id: string, area: string, share?: string) =>
      person(id, 'owner', { holdings: [{ plotNumber: id, area, ...(share ? { share } : {}) }] });
    const m = meeting([{ number: 1, text: 'Ремонт', item: '1' }], { kind: 'mkd' });
    const registry = [owner('a', '50.00', '1/3'), owner('b', '50.00', '2/3'), owner('c', '20.50')];
    const json = buildResults(
      tally({ registry, meeting: m, ballots: [ballot('a', 'for'), ballot('b', 'for')] }),
      m,
      mkd,
    );
    expect(json.registry.weightTotal).toBe('70.50');
    expect(json.participation.weight).toBe('50.00');
    expect(json.questions[0]).toMatchObject({
      for: '50.00',
      against: '0.00',
      base: '70.50',
      baseKind: 'all',
      decision: 'adopted',
      voters: { for: 2, against: 0, abstain: 0, invalid: 0, conflict: 0 },
    });
    expect(json.persons[0]!.weight).toBe('16.67');
  });
});
