/**
 * The worker's side of the import on every export layout of the fixtures (XLSX with title rows and
 * merged headers, CSV in UTF-8 and in Windows-1251 with `;`): the mapping proposed, the rows that need
 * the user listed with their row, and the ballots built once they are settled.
 */
import { gosuslugiLayouts } from '../../test/fixtures/gosuslugiExports';
import { createImportHandler } from './importHandler';
import type { Opened } from './importProtocol';
import type { BuiltImport, PreviewView } from './importSession';

const layouts = gosuslugiLayouts(1);

describe.each(layouts.map((l) => [l.fileName, l] as const))('%s', (_name, layout) => {
  it('proposes the mapping, lists the rows needing the user, builds the ballots', async () => {
    const handle = createImportHandler();
    const stages: string[] = [];
    const opened = await handle(
      {
        type: 'open',
        bytes: await layout.bytes(),
        fileName: layout.fileName,
        agenda: layout.agenda,
        registry: layout.registry,
        remembered: [],
        previous: [],
      },
      (stage, step, steps) => stages.push(`${step}/${steps} ${stage}`),
    );
    if (!opened.ok) throw new Error(opened.error.map((p) => p.message).join('; '));
    const { view, preview } = opened.value as Opened;
    expect(stages).toEqual([
      '1/4 Чтение файла',
      '2/4 Подготовка реестра',
      '3/4 Поиск заголовка и столбцов',
      '4/4 Сопоставление участников с реестром',
    ]);
    expect(view.header).toEqual({ first: layout.firstHeaderRow, last: layout.headerRow });
    expect(view.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const mapping = view.mapping!;
    layout.columns.forEach((role, col) => {
      if (role.kind === 'field') expect(mapping.fields[role.field]).toBe(col);
      if (role.kind === 'question') expect(mapping.questions[role.number]).toBe(col);
    });
    const pv = preview!;
    const expectBad = layout.rows.filter((r) => r.badValues.length > 0);
    expect(pv.errorRows.map((r) => [r.row, r.cells.map((c) => c.question)])).toEqual(
      expectBad.map((r) => [r.row, r.badValues]),
    );
    // Rows matched by the name alone are listed too: the secretary confirms them (issue 11).
    const review = layout.rows.filter((r) => r.status !== 'matched' || r.by === 'name');
    expect(pv.reviewRows.map((r) => [r.row, r.match.status])).toEqual(review.map((r) => [r.row, r.status]));
    const byName = layout.rows.filter((r) => r.status === 'matched' && r.by === 'name');
    expect(pv.reviewRows.filter((r) => r.nameMatch).map((r) => [r.row, r.nameMatch])).toEqual(
      byName.map((r) => [r.row, r.personId]),
    );
    expect(pv.nameOpen).toBe(byName.length);
    expect(pv.duplicates.map((d) => [d.personId, d.rows])).toEqual(layout.twice);
    expect(pv.ready).toBe(expectBad.length === 0);
    if (byName.length > 0) {
      // Nothing is built while a name-only row is undecided.
      const early = await handle({ type: 'build', receivedAt: '2026-06-14' }, () => {});
      expect(!early.ok && early.error.map((p) => p.code)).toContain('gosuslugi_name_unconfirmed');
    }

    // Settle the rows: bad cells fixed as «За», ambiguous rows given their first candidate, name-only
    // rows confirmed.
    const overrides = expectBad.flatMap((r) =>
      r.badValues.map((q) => ({ row: r.row, question: q, value: 'for' as const })),
    );
    const decisions = pv.reviewRows.flatMap((r) =>
      r.match.status === 'ambiguous'
        ? [{ row: r.row, kind: 'person' as const, personId: r.match.candidates[0]! }]
        : r.nameMatch
          ? [{ row: r.row, kind: 'person' as const, personId: r.nameMatch }]
          : [],
    );
    const again = await handle(
      { type: 'preview', mapping, corrections: { overrides, skipRows: [], decisions } },
      () => {},
    );
    if (!again.ok) throw new Error('preview');
    const settled = again.value as PreviewView;
    expect(settled.ready).toBe(true);
    expect(settled.nameOpen).toBe(0);
    expect(settled.errorRows.flatMap((r) => r.cells.map((c) => c.fixed))).toEqual(overrides.map(() => 'for'));
    const built = await handle({ type: 'build', receivedAt: '2026-06-14' }, () => {});
    if (!built.ok) throw new Error('build');
    const { ballots, notCounted } = built.value as BuiltImport;
    const unmatched = layout.rows.filter((r) => r.status === 'unmatched').map((r) => r.row);
    expect(notCounted.map((n) => n.row)).toEqual(unmatched);
    expect(ballots).toHaveLength(layout.rows.length - unmatched.length);
    for (const r of layout.rows.filter((x) => x.status === 'matched')) {
      const b = ballots.find((x) => x.source === `${layout.fileName}:${r.row}`)!;
      expect(b.voter.personId).toBe(r.personId);
      for (const [q, v] of Object.entries(r.marks)) expect(b.marks[Number(q)]).toBe(v);
    }
  });
});

it('refuses a file imported before, before reading it', async () => {
  const layout = layouts[0]!;
  const bytes = await layout.bytes();
  const handle = createImportHandler();
  const first = await handle(
    {
      type: 'open',
      bytes,
      fileName: 'a.xlsx',
      agenda: layout.agenda,
      registry: layout.registry,
      remembered: [],
      previous: [],
    },
    () => {},
  );
  if (!first.ok) throw new Error('open');
  const hash = (first.value as Opened).view.contentHash;
  const stages: string[] = [];
  const again = await handle(
    {
      type: 'open',
      bytes,
      fileName: 'b.xlsx',
      agenda: layout.agenda,
      remembered: [],
      previous: [{ contentHash: hash, fileName: 'a.xlsx', importedAt: '2026-06-15T10:00:00.000Z' }],
    },
    (stage) => stages.push(stage),
  );
  expect(!again.ok && again.error.map((p) => p.code)).toEqual(['gosuslugi_already_imported']);
  expect(stages).toEqual([]);
  // The session of the refused file is gone: nothing to preview.
  const preview = await handle({ type: 'build', receivedAt: '2026-06-14' }, () => {});
  expect(!preview.ok && preview.error[0]!.message).toBe('Сначала выберите файл.');
});
