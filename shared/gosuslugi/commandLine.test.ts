import { exportTable, gosuslugiLayouts } from '../../test/fixtures/gosuslugiExports';
import { largeRegistrySheet } from '../../test/fixtures/registryLayouts';
import { writeRegistryXlsx } from '../../test/fixtures/registryWriters';
import { tallyFiles } from '../results/tallyFiles';
import { importGosuslugiTable } from './buildBallots';

// The command line (tallyFiles) imports Gosuslugi files with the same core as the app's wizard.
describe('Gosuslugi files on the command line', () => {
  const layouts = gosuslugiLayouts(1);

  it.each(['gos-02', 'gos-03'])(
    '%s: the same ballots and unmatched rows as the app, a file given twice counted once',
    async (prefix) => {
      const l = layouts.find((x) => x.fileName.startsWith(prefix))!;
      const bytes = await l.bytes();
      const meeting = {
        kind: 'snt',
        form: 'mixed',
        title: 'Собрание',
        votingStart: '2026-06-01',
        votingEnd: '2026-06-14',
        questions: l.agenda,
      };
      const r = await tallyFiles({
        registry: { name: 'registry.xlsx', bytes: await writeRegistryXlsx(largeRegistrySheet(l.registry)) },
        meeting: { name: 'meeting.json', bytes: new TextEncoder().encode(JSON.stringify(meeting)) },
        gosuslugi: [
          { name: l.fileName, bytes },
          { name: l.fileName, bytes },
        ],
      });
      if (!r.ok) throw new Error(r.error[0]!.message);
      const app = importGosuslugiTable(await exportTable(l), {
        registry: l.registry,
        agenda: l.agenda,
        receivedAt: '2026-06-14',
      });
      if (!app.ok) throw new Error('app import failed');
      // Registry ids are p1, p2, … in both (file order = makePersons order).
      expect(r.value.input.ballots.map((b) => [b.source, b.voter.personId, b.marks, b.receivedAt])).toEqual(
        [...app.value.ballots, ...app.value.ballots].map((b) => [
          b.source,
          b.voter.personId,
          b.marks,
          b.receivedAt,
        ]),
      );
      expect(r.value.results.unmatched).toEqual(
        app.value.notCounted.map((n) => ({ source: n.source, name: n.name, reason: n.reason })),
      );
      expect(r.value.results.participation.byChannel.gosuslugi).toBe(app.value.ballots.length);
      // The importer handed over each ballot's voter as the tally matches it: the person it found.
      const { registry, ballots, marks } = r.value.input;
      expect(Array.from(marks!.voters!.match, (m) => registry[m >> 3]?.id)).toEqual(
        ballots.map((b) => b.voter.personId),
      );
    },
  );
});
