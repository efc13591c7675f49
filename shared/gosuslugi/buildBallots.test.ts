import {
  exportTable,
  gosuslugiLayouts,
  largeGosuslugiExport,
  type GosuslugiExport,
} from '../../test/fixtures/gosuslugiExports';
import { tally } from '../tally/tally';
import { buildGosuslugiBallots, importGosuslugiTable } from './buildBallots';
import { previewGosuslugi } from './preview';
import { proposeGosuslugiMapping } from './propose';

const layouts = gosuslugiLayouts(1);
const layout = (prefix: string): GosuslugiExport => layouts.find((l) => l.fileName.startsWith(prefix))!;

describe('buildGosuslugiBallots', () => {
  it('turns matched rows into electronic ballots and lists the rest with reasons', async () => {
    const l = layout('gos-02');
    const table = await exportTable(l);
    const p = proposeGosuslugiMapping(table, l.agenda);
    if (!p.ok) throw new Error('no mapping');
    const stranger = l.rows.find((r) => r.status === 'unmatched')!;
    const pv = previewGosuslugi(table, p.value.mapping, l.registry, l.agenda, {
      decisions: [{ row: stranger.row, kind: 'not_participant', reason: 'не собственник' }],
      skipRows: [l.rows[0]!.row],
    });
    const built = buildGosuslugiBallots(pv, { receivedAt: '2026-06-14' });
    if (!built.ok) throw new Error(built.error[0]!.message);
    const { ballots, notCounted } = built.value;
    const counted = l.rows.filter((r) => r.status === 'matched').slice(1);
    expect(ballots.map((b) => [b.voter.personId, b.marks])).toEqual(
      counted.map((r) => [r.personId, r.marks]),
    );
    const first = ballots[0]!;
    const e = counted[0]!;
    const person = l.registry.find((x) => x.id === e.personId)!;
    expect(first).toEqual({
      id: `gos-02-reordered.xlsx:${e.row}`,
      channel: 'gosuslugi',
      voter: { personId: person.id, snils: person.snils, fullName: person.fullName },
      copy: 'original',
      receivedAt: '2026-06-14',
      delivery: 'platform',
      voidReasons: [],
      marks: e.marks,
      source: `gos-02-reordered.xlsx:${e.row}`,
    });
    expect(notCounted).toEqual([
      {
        source: `gos-02-reordered.xlsx:${l.rows[0]!.row}`,
        row: l.rows[0]!.row,
        name: expect.any(String),
        reason: 'skipped',
      },
      {
        source: `gos-02-reordered.xlsx:${stranger.row}`,
        row: stranger.row,
        name: expect.any(String),
        reason: 'not_participant',
        note: 'не собственник',
      },
    ]);
  });

  it('writes every question of the mapping, a blank as none, and ids with the given prefix', async () => {
    const l = layout('gos-05');
    const table = await exportTable(l);
    const p = proposeGosuslugiMapping(table, l.agenda);
    if (!p.ok) throw new Error('no mapping');
    const pv = previewGosuslugi(table, p.value.mapping, l.registry, l.agenda);
    const built = buildGosuslugiBallots(pv, { receivedAt: '2026-06-14', idPrefix: 'imp-7' });
    if (!built.ok) throw new Error('not built');
    const withBlank = built.value.ballots.find((b) => Object.values(b.marks).includes('none'))!;
    expect(Object.keys(withBlank.marks)).toEqual(['1', '2', '3', '4']);
    expect(withBlank.id).toMatch(/^imp-7:\d+$/);
    expect(withBlank.source).toMatch(/^gos-05-cp1251-semicolon\.csv:\d+$/);
    // The person twice gives two ballots; the tally counts agreeing ones once.
    const [personId] = l.twice[0]!;
    expect(built.value.ballots.filter((b) => b.voter.personId === personId)).toHaveLength(2);
  });

  it('dates a ballot by the file’s date of voting where there is one', async () => {
    const l = layout('gos-03');
    const r = importGosuslugiTable(await exportTable(l), {
      registry: l.registry,
      agenda: l.agenda,
      receivedAt: '2026-06-14',
    });
    if (!r.ok) throw new Error(r.error[0]!.message);
    // The fixture writes `DD.06.2026 12:00` with DD = 1 + (i mod 14).
    expect(r.value.ballots.map((b) => b.receivedAt)).toEqual(
      l.rows.map((_r, i) => `2026-06-${String(1 + (i % 14)).padStart(2, '0')}`),
    );
  });

  it('refuses a preview with errors, naming them', async () => {
    const l = layout('gos-07');
    const table = await exportTable(l);
    const p = proposeGosuslugiMapping(table, l.agenda);
    if (!p.ok) throw new Error('no mapping');
    const built = buildGosuslugiBallots(previewGosuslugi(table, p.value.mapping, l.registry, l.agenda), {
      receivedAt: '2026-06-14',
    });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.error.map((e) => e.row)).toEqual([4, 7, 7]);
  });
});

describe('importGosuslugiTable (the command line’s one call)', () => {
  it('imports a layout without a user: ballots, not counted rows with reasons, warnings', async () => {
    const l = layout('gos-06');
    const r = importGosuslugiTable(await exportTable(l), {
      registry: l.registry,
      agenda: l.agenda,
      receivedAt: '2026-06-30',
    });
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.ballots).toHaveLength(l.rows.filter((x) => x.status === 'matched').length);
    expect(r.value.notCounted.map((n) => n.reason)).toEqual(['ambiguous']);
    expect(r.value.proposal?.mapping.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails on unreadable answers with the row and column', async () => {
    const l = layout('gos-07');
    const r = importGosuslugiTable(await exportTable(l), {
      registry: l.registry,
      agenda: l.agenda,
      receivedAt: '2026-06-30',
    });
    expect(!r.ok && r.error.map((e) => e.code)).toEqual([
      'gosuslugi_value',
      'gosuslugi_value',
      'gosuslugi_value',
    ]);
  });

  it('imports the 1,500-row, 12-question export; the two fixable rows count once the user picks the person', async () => {
    const big = largeGosuslugiExport(1500, 12, 1500);
    const table = await exportTable(big);
    const opts = { registry: big.registry, agenda: big.agenda, receivedAt: '2026-06-30' };
    const r = importGosuslugiTable(table, opts);
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.preview.totalsRows).toEqual(big.totalsRows);
    expect(r.value.ballots).toHaveLength(1498);
    expect(r.value.notCounted.map((n) => [n.row, n.reason])).toEqual(
      big.fixable.map((f) => [f.row, 'not_found']),
    );
    expect(r.value.preview.counts.matched).toEqual({
      snils: big.rows.filter((x) => x.by === 'snils').length,
      cadastral: big.rows.filter((x) => x.by === 'cadastral').length,
      name: big.rows.filter((x) => x.by === 'name').length,
      user: 0,
    });
    const fixed = importGosuslugiTable(table, {
      ...opts,
      decisions: big.fixable.map((f) => ({ row: f.row, kind: 'person' as const, personId: f.personId })),
    });
    if (!fixed.ok) throw new Error('not imported');
    expect(fixed.value.ballots).toHaveLength(1500);
    expect(fixed.value.notCounted).toEqual([]);
    const byRow = new Map(fixed.value.ballots.map((b) => [b.source, b]));
    for (const e of big.rows) {
      const b = byRow.get(`${big.fileName}:${e.row}`)!;
      expect(b.voter.personId).toBe(e.personId);
      expect(b.marks).toEqual(e.marks);
    }
  });
});

describe('ballots for the tally engine', () => {
  it('count a person on two rows once, and their disagreement as a conflict; unmatched rows are listed', async () => {
    const l = layout('gos-04');
    const r = importGosuslugiTable(await exportTable(l), {
      registry: l.registry,
      agenda: l.agenda,
      receivedAt: '2026-06-14',
    });
    if (!r.ok) throw new Error(r.error[0]!.message);
    const [personId, rows] = l.twice[0]!;
    const [a, b] = rows.map((row) => l.rows.find((x) => x.row === row)!.marks);
    const differ = l.agenda.filter((q) => a![q.number] !== b![q.number]).map((q) => q.number);
    const result = tally({
      registry: l.registry,
      meeting: {
        kind: 'snt',
        form: 'mixed',
        title: 'Собрание',
        votingStart: '2026-06-01',
        votingEnd: '2026-06-14',
        questions: l.agenda,
      },
      ballots: r.value.ballots,
      unmatched: [{ source: 'gos-04-two-row-header.xlsx:99', name: 'Некто', reason: 'not_found' }],
    });
    expect(result.participation.persons).toBe(new Set(l.rows.map((x) => x.personId)).size);
    expect(differ).toContain(2);
    expect(result.conflicts.map((c) => [c.personId, c.question])).toEqual(differ.map((q) => [personId, q]));
    expect(result.unmatched.map((u) => u.source)).toEqual(['gos-04-two-row-header.xlsx:99']);
  });
});
