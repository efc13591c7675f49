import { readChain } from '../audit/auditLog';
import { GolosDb } from './db';
import { savePartnership } from './partnershipRepo';

test('creating and editing the partnership is logged with before and after', async () => {
  const db = new GolosDb(`golos-test-${crypto.randomUUID()}`);
  const created = await savePartnership(db, { name: 'СНТ «Ромашка»', kind: 'snt', address: '' });
  const edited = await savePartnership(db, {
    name: 'СНТ «Ромашка»',
    kind: 'snt',
    address: 'д. Берёзки',
    inn: '7707083893',
  });
  const chain = await readChain(db);
  expect(chain.map((e) => [e.action, e.entityId, e.actor])).toEqual([
    ['partnership.create', created.id, 'Секретарь правления'],
    ['partnership.update', created.id, 'Секретарь правления'],
  ]);
  expect(chain[1]).toMatchObject({
    before: { address: '' },
    after: { address: 'д. Берёзки', inn: '7707083893', updatedAt: edited.updatedAt },
  });
});
