import { tallyFiles } from '../../shared/results/tallyFiles';
import { tally, type TallyInput } from '../../shared/tally/tally';
import { meetingFiles } from './ballotFiles';
import { firstOfEachPerson } from './tallyBaseline';
import { makeTallyData } from './tallyData';

describe('firstOfEachPerson (the first-tally baseline: one ballot per participant)', () => {
  it('takes each matched person’s first ballot, and no ballot matching no one', () => {
    // registry index × 8 + key; negative: no one.
    const match = Int32Array.from([1 * 8 + 2, 0 * 8 + 1, 1 * 8 + 1, -3, 2 * 8 + 4, 0 * 8 + 2, -1]);
    expect(firstOfEachPerson(match, 3)).toEqual([0, 1, 4]);
    expect(firstOfEachPerson(Int32Array.from([-1, -2]), 3)).toEqual([]);
  });

  it('fails loudly without the voter column instead of counting nothing', () => {
    expect(() => firstOfEachPerson(undefined, 3)).toThrow(/voter column/);
  });

  it('gets, where golos tally counts, one ballot of each person the tally found a ballot of', async () => {
    const data = makeTallyData(60, 4, 11);
    const { registry, meeting, gosuslugi, paper } = await meetingFiles(data);
    let given: TallyInput | undefined;
    const done = await tallyFiles(
      { registry, meeting, gosuslugi: [gosuslugi], paper: [paper] },
      { tally: (input) => ((given = input), tally(input)) },
    );
    if (!done.ok) throw new Error(JSON.stringify(done.error));
    // The count the command ran is the one given (its result is the one returned).
    expect(given).toBe(done.value.input);
    const first = firstOfEachPerson(given!.marks?.voters?.match, given!.registry.length);
    const personOf = (b: number) =>
      done.value.result.ballots.find((o) => o.ballotId === given!.ballots[b]!.id)!.personId;
    const persons = new Set(done.value.result.ballots.flatMap((o) => (o.personId ? [o.personId] : [])));
    expect(first.length).toBeGreaterThan(30);
    expect(new Set(first.map(personOf))).toEqual(persons);
    expect(first.length).toBe(persons.size);
  });
});
