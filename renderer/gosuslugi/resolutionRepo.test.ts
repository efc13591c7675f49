import { readChain } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import { removeResolution, saveResolutions, type ResolutionInput } from './resolutionRepo';

const decision = (extra: Partial<ResolutionInput> = {}): ResolutionInput => ({
  meetingId: 'm1',
  personId: 'p1',
  question: 2,
  ballotId: 'paper-1',
  reason: 'оригинал подписан лично',
  ...extra,
});

describe('resolutions', () => {
  it('need a reason; a new decision for the same person and question replaces the earlier one', async () => {
    const db = new GolosDb(`golos-resolutions-${crypto.randomUUID()}`);
    const missing = await saveResolutions(db, [decision({ reason: '  ' })]);
    expect(!missing.ok && missing.error.map((p) => p.message)).toEqual([
      'Вопрос 2: укажите причину решения — она попадёт в протокол.',
    ]);
    expect(await db.resolutions.count()).toBe(0);

    const first = await saveResolutions(db, [decision()], { now: new Date('2026-06-15T10:00:00Z') });
    if (!first.ok) throw new Error('refused');
    const second = await saveResolutions(db, [decision({ ballotId: null, reason: 'по правилу собрания' })]);
    if (!second.ok) throw new Error('refused');
    expect(second.value[0]!.id).toBe(first.value[0]!.id);
    expect(await db.resolutions.toArray()).toEqual([
      expect.objectContaining({ personId: 'p1', question: 2, ballotId: null, reason: 'по правилу собрания' }),
    ]);
    await removeResolution(db, first.value[0]!.id);
    expect(await db.resolutions.count()).toBe(0);
    const audit = await readChain(db);
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ['resolution.save', 'оригинал подписан лично'],
      ['resolution.save', 'по правилу собрания'],
      ['resolution.remove', undefined],
    ]);
    expect(audit[1]!.before).toMatchObject({ ballotId: 'paper-1' });
    const again = await removeResolution(db, first.value[0]!.id);
    expect(!again.ok && again.error[0]!.message).toBe('Это решение уже отменено.');
  });
});
