/**
 * This laptop as the commission's batch files name it: an id made once per install and a name the
 * commission gives it once (asked before the first exchange; «Ноутбук 1» until then). Stored in the
 * settings table; renaming is audited and changes the name on versions made from then on only.
 */
import type { LaptopRef } from '../../shared/paper/ballotRecord';
import { auditedWrite } from '../db/auditedWrite';
import { newId, type GolosDb } from '../db/db';

const KEY = 'laptop';
export const DEFAULT_LAPTOP_NAME = 'Ноутбук 1';

export interface Laptop extends LaptopRef {
  /** False until the commission has named this laptop. */
  named: boolean;
}

function isLaptop(v: unknown): v is Laptop {
  const x = v as Laptop;
  return typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.name === 'string';
}

const LOCAL_KEY = 'golos.laptop';

/** This install's copy of its laptop (outside the database, which a restore replaces). */
function installCopy(): Laptop | null {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(LOCAL_KEY) ?? 'null');
    return isLaptop(v) ? v : null;
  } catch {
    return null;
  }
}

function keepInstallCopy(l: Laptop): void {
  try {
    globalThis.localStorage?.setItem(LOCAL_KEY, JSON.stringify(l));
  } catch {
    // No local storage (tests without a window): the database setting alone identifies the laptop.
  }
}

const cache = new WeakMap<GolosDb, Promise<Laptop>>();

/** This laptop (its id is made and stored on first use). */
export function getLaptop(db: GolosDb): Promise<Laptop> {
  let p = cache.get(db);
  if (!p) {
    p = db.transaction('rw', [db.settings], async () => {
      const row = await db.settings.get(KEY);
      const own = installCopy();
      // A backup restored from another laptop brings its setting: this install stays itself.
      if (own && (!isLaptop(row?.value) || row.value.id !== own.id)) {
        await db.settings.put({ key: KEY, value: own });
        return own;
      }
      if (isLaptop(row?.value)) {
        keepInstallCopy(row.value);
        return row.value;
      }
      const made: Laptop = { id: newId(), name: DEFAULT_LAPTOP_NAME, named: false };
      await db.settings.put({ key: KEY, value: made });
      keepInstallCopy(made);
      return made;
    });
    cache.set(db, p);
    p.catch(() => cache.delete(db));
  }
  return p;
}

/** Names this laptop (an audit entry names the one before). */
export async function setLaptopName(db: GolosDb, name: string, by: string): Promise<Laptop> {
  const before = await getLaptop(db);
  const next: Laptop = {
    id: before.id,
    name: name.trim().replace(/\s+/g, ' ') || DEFAULT_LAPTOP_NAME,
    named: true,
  };
  await auditedWrite(db, [db.settings], async (audit) => {
    await db.settings.put({ key: KEY, value: next });
    await audit({
      actor: by,
      action: 'laptop.rename',
      entity: 'laptop',
      entityId: next.id,
      before: before.name,
      after: next.name,
    });
  });
  keepInstallCopy(next);
  cache.set(db, Promise.resolve(next));
  return next;
}
