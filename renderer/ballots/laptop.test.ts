// @vitest-environment jsdom
import { GolosDb } from '../db/db';
import { DEFAULT_LAPTOP_NAME, getLaptop, setLaptopName } from './laptop';

let n = 0;
const freshDb = () => new GolosDb(`laptop-test-${Date.now()}-${++n}`);

describe('this laptop', () => {
  beforeEach(() => localStorage.clear());

  it('is made once, named once (audited), and stays itself when a backup of another laptop is restored', async () => {
    const db = freshDb();
    const first = await getLaptop(db);
    expect(first).toMatchObject({ name: DEFAULT_LAPTOP_NAME, named: false });
    expect((await getLaptop(freshDb())).id).toBe(first.id);
    const named = await setLaptopName(db, '  Ноутбук   секретаря ', 'Иванова А. П.');
    expect(named).toEqual({ id: first.id, name: 'Ноутбук секретаря', named: true });
    const audit = await db.audit.toArray();
    expect(audit.at(-1)).toMatchObject({
      action: 'laptop.rename',
      before: DEFAULT_LAPTOP_NAME,
      after: 'Ноутбук секретаря',
    });

    // A restore replaces the settings with the other laptop's: this install keeps its own id and name.
    const restored = freshDb();
    await restored.settings.put({ key: 'laptop', value: { id: 'other', name: 'Ноутбук 2', named: true } });
    expect(await getLaptop(restored)).toEqual(named);
    expect((await restored.settings.get('laptop'))?.value).toEqual(named);
  });
});
