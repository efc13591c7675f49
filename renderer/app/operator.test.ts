import { readChain } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import { DEFAULT_OPERATOR, getOperator, onOperatorChange, setOperator } from './operator';

test('each change of who is at the keyboard is in the audit trail, with the name before; the same name writes nothing', async () => {
  const db = new GolosDb(`golos-operator-${crypto.randomUUID()}`);
  const heard: string[] = [];
  const stop = onOperatorChange((name) => heard.push(name));
  try {
    await setOperator(db, '  Иванова Мария ');
    await setOperator(db, 'Иванова Мария');
    await setOperator(db, 'Петров Пётр');
    await setOperator(db, '   ');
  } finally {
    stop();
  }
  expect(await getOperator(db)).toBe(DEFAULT_OPERATOR);
  expect(heard).toEqual(['Иванова Мария', 'Петров Пётр', DEFAULT_OPERATOR]);
  const chain = await readChain(db);
  expect(chain.map((e) => [e.action, e.actor, e.before, e.after])).toEqual([
    ['operator.change', 'Иванова Мария', DEFAULT_OPERATOR, 'Иванова Мария'],
    ['operator.change', 'Петров Пётр', 'Иванова Мария', 'Петров Пётр'],
    ['operator.change', DEFAULT_OPERATOR, 'Петров Пётр', DEFAULT_OPERATOR],
  ]);
});
