import { readChain } from '../../audit/auditLog';
import { GolosDb } from '../../db/db';
import { getStatusValues, rememberStatusValues } from './statusValuesRepo';

describe('remembered status values', () => {
  it('keeps the values per partnership, adds to them and audits each change', async () => {
    const db = new GolosDb(`golos-status-${crypto.randomUUID()}`);
    expect(await getStatusValues(db, 'p1')).toEqual({});
    await rememberStatusValues(db, 'p1', { арендатор: 'gardener' });
    await rememberStatusValues(db, 'p1', { председатель: 'member' });
    await rememberStatusValues(db, 'p1', {});
    expect(await getStatusValues(db, 'p1')).toEqual({ арендатор: 'gardener', председатель: 'member' });
    expect(await getStatusValues(db, 'p2')).toEqual({});
    const chain = await readChain(db);
    expect(chain.map((e) => e.action)).toEqual(['settings.statusValues', 'settings.statusValues']);
    expect(chain[1]!.before).toEqual({ арендатор: 'gardener' });
  });
});
