import type { Ballot } from '../../shared/domain/types';
import type { GosuslugiMapping } from '../../shared/gosuslugi/mapping';
import { ok, err, problem } from '../../shared/result';
import { readChain } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import { confirmImport, listImports, rememberedMappings, undoImport, type ConfirmInput } from './importRepo';
import { fakePlatform } from './gosuslugi.testkit';

const mapping: GosuslugiMapping = {
  signature: 'layout-1',
  firstHeaderRow: 1,
  headerRow: 1,
  fields: { fullName: 0 },
  questions: { 1: 1 },
  absentQuestions: [],
};

const ballot = (row: number, personId: string): Ballot => ({
  id: `g.csv:${row}`,
  channel: 'gosuslugi',
  voter: { personId },
  copy: 'original',
  receivedAt: '2026-06-14',
  delivery: 'platform',
  voidReasons: [],
  marks: { 1: 'for' },
  source: `g.csv:${row}`,
});

const input = (hash: string, extra: Partial<ConfirmInput> = {}): ConfirmInput => ({
  meetingId: 'm1',
  fileName: `${hash}.csv`,
  contentHash: hash,
  mapping,
  ballots: [ballot(2, 'p1')],
  notCounted: [],
  ...extra,
});

const { platform } = fakePlatform();
const newDb = () => new GolosDb(`golos-import-repo-${crypto.randomUUID()}`);

describe('confirmImport', () => {
  it('makes the backup first, then stores the import, the mapping and their audit entries together', async () => {
    const db = newDb();
    const seen: number[] = [];
    const r = await confirmImport(db, platform, input('aaa'), {
      now: new Date('2026-06-15T10:00:00Z'),
      backup: async () => {
        seen.push(await db.gosuslugiImports.count());
        return ok(null);
      },
    });
    expect(r.ok).toBe(true);
    expect(seen).toEqual([0]);
    const [stored] = await listImports(db, 'm1');
    expect(stored).toMatchObject({
      fileName: 'aaa.csv',
      status: 'active',
      importedBy: 'Секретарь правления',
    });
    expect(await rememberedMappings(db)).toEqual([mapping]);
    const audit = await readChain(db);
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['gosuslugi.import', stored!.id],
      ['gosuslugi.mapping', 'layout-1'],
    ]);
    expect(audit[0]!.after).toEqual({
      fileName: 'aaa.csv',
      contentHash: 'aaa',
      status: 'active',
      ballots: 1,
      notCounted: 0,
      layout: 'layout-1',
    });
  });

  it('stores nothing when the backup fails', async () => {
    const db = newDb();
    const r = await confirmImport(db, platform, input('aaa'), {
      backup: async () => err([problem('backup_failed', 'Диск заполнен.')]),
    });
    expect(!r.ok && r.error[0]!.message).toBe(
      'Импорт не выполнен: не удалось сделать резервную копию перед импортом. Диск заполнен.',
    );
    expect(await db.gosuslugiImports.count()).toBe(0);
    expect(await readChain(db)).toEqual([]);
  });

  it('refuses the same file again, and a replacement of an import that is no longer the active one', async () => {
    const db = newDb();
    const backup = async () => ok(null);
    const first = await confirmImport(db, platform, input('aaa'), { backup });
    if (!first.ok) throw new Error('first import refused');
    const again = await confirmImport(db, platform, input('aaa', { fileName: 'копия.csv' }), { backup });
    expect(!again.ok && again.error[0]!.code).toBe('gosuslugi_already_imported');
    // A second file must replace the active import, naming it.
    const blind = await confirmImport(db, platform, input('bbb'), { backup });
    expect(!blind.ok && blind.error[0]!.code).toBe('gosuslugi_import_changed');
    expect(await db.gosuslugiImports.count()).toBe(1);
    expect((await readChain(db)).length).toBe(2);

    const second = await confirmImport(db, platform, input('bbb', { replaces: first.value.id }), { backup });
    if (!second.ok) throw new Error('replacement refused');
    const stale = await confirmImport(db, platform, input('ccc', { replaces: first.value.id }), { backup });
    expect(!stale.ok && stale.error[0]!.code).toBe('gosuslugi_import_changed');
    const byHash = Object.fromEntries((await listImports(db, 'm1')).map((i) => [i.contentHash, i]));
    expect(byHash.aaa).toMatchObject({ status: 'replaced', replacedBy: second.value.id });
    expect(byHash.bbb).toMatchObject({ status: 'active' });
    expect(byHash.ccc).toBeUndefined();
  });
});

describe('undoImport', () => {
  it('restores the import a replacement replaced, then removes the first import too', async () => {
    const db = newDb();
    const backup = async () => ok(null);
    const first = await confirmImport(db, platform, input('aaa'), { backup });
    if (!first.ok) throw new Error('refused');
    const second = await confirmImport(db, platform, input('bbb', { replaces: first.value.id }), { backup });
    if (!second.ok) throw new Error('refused');

    const undone = await undoImport(db, second.value.id);
    expect(undone.ok && undone.value?.id).toBe(first.value.id);
    const [only] = await listImports(db, 'm1');
    expect(only).toMatchObject({ id: first.value.id, status: 'active' });
    expect(only!.replacedBy).toBeUndefined();
    // Undoing twice is refused; the corrected file can be loaded again.
    const twice = await undoImport(db, second.value.id);
    expect(!twice.ok && twice.error[0]!.code).toBe('gosuslugi_undo_stale');
    const reloaded = await confirmImport(db, platform, input('bbb', { replaces: first.value.id }), {
      backup,
    });
    expect(reloaded.ok).toBe(true);
    if (!reloaded.ok) return;

    await undoImport(db, reloaded.value.id);
    const removed = await undoImport(db, first.value.id);
    expect(removed.ok && removed.value).toBeNull();
    expect(await db.gosuslugiImports.count()).toBe(0);
    expect((await readChain(db)).map((a) => a.action)).toEqual([
      'gosuslugi.import',
      'gosuslugi.mapping',
      'gosuslugi.replace',
      'gosuslugi.replace.undo',
      'gosuslugi.replace',
      'gosuslugi.replace.undo',
      'gosuslugi.import.undo',
    ]);
  });
});
