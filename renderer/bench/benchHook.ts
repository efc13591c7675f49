/**
 * Measurement hooks for test/bench/registryBrowserBench.ts. Installed only when the app is opened with
 * `?bench` in the URL (see renderer/main.tsx); a normal start never loads this module.
 */
import Dexie from 'dexie';
import type { Person } from '../../shared/domain/types';
import { buildRegistryIndex, searchRegistry } from '../../shared/registry/search';
import { BROWSER_BACKUPS_DB } from '../backup/backupStore';
import type { GolosDb } from '../db/db';
import { savePartnership } from '../db/partnershipRepo';
import { toPersonRecord } from '../db/personRecord';
import { listPersons } from '../db/personRepo';
import { schemaV2 } from '../db/schema';

export interface GolosBench {
  /**
   * A fresh start: the partnership and settings exist, nothing else is stored (no registry, no audit
   * trail from an earlier import, no automatic backups), so every timed import pays the same as the first one.
   */
  reset(): Promise<void>;
  countPersons(): Promise<number>;
  /** Baseline for the import: a plain bulkPut of the stored records into a scratch database, ms. */
  baselineBulkPut(): Promise<number>;
  /** ms per prefix of `query`, typed into the registry screen's search box (input event to DOM commit). */
  typeInSearch(query: string): Promise<number[]>;
  /** ms per prefix of `query` for the shared search index alone (index built beforehand). */
  searchIndex(query: string): Promise<number[]>;
  /** Baseline: ms per prefix for a naive Array.filter over the same persons. */
  naiveFilter(query: string): Promise<number[]>;
}

declare global {
  interface Window {
    golosBench?: GolosBench;
  }
}

/**
 * Resolves after the microtasks queued so far (React's commit of a discrete update) have run: a message
 * port hop, with no timer's 4 ms clamp, so a keystroke's time is not padded. Not shared/async/nextTask,
 * whose timer is for yielding to paint.
 */
function afterCommit(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function prefixes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

/** The straightforward search a baseline is measured against. */
function naiveSearch(persons: readonly Person[], q: string): Person[] {
  const needle = q.toLowerCase();
  const digits = q.replace(/\D/g, '');
  return persons.filter(
    (p) =>
      p.fullName.toLowerCase().includes(needle) ||
      p.holdings.some((h) => h.plotNumber.toLowerCase().includes(needle)) ||
      (digits.length > 0 && (p.snils ?? '').includes(digits)),
  );
}

export function installBenchHook(db: GolosDb): void {
  let sink = 0;
  window.golosBench = {
    async reset() {
      // Everything but the partnership and the settings (the operator's name), which a user keeps.
      const stored = db.tables.filter((t) => t.name !== 'partnership' && t.name !== 'settings');
      await db.transaction('rw', stored, () => Promise.all(stored.map((t) => t.clear())));
      // The audit trail starts again, so its anchor (kept apart from the database) goes with it.
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('golos.auditAnchor.')) localStorage.removeItem(key);
      }
      await Dexie.delete(BROWSER_BACKUPS_DB);
      await savePartnership(db, { name: 'СНТ «Замер»', kind: 'snt', address: '' });
    },
    countPersons: () => db.persons.count(),
    async baselineBulkPut() {
      const records = (await listPersons(db)).map(toPersonRecord);
      const scratch = new Dexie('golos-bench-baseline');
      scratch.version(1).stores(schemaV2);
      await scratch.open();
      await scratch.table('persons').clear();
      const t0 = performance.now();
      await scratch.transaction('rw', scratch.table('persons'), () =>
        scratch.table('persons').bulkPut(records),
      );
      const ms = performance.now() - t0;
      scratch.close();
      await Dexie.delete('golos-bench-baseline');
      return ms;
    },
    async typeInSearch(query) {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Поиск');
      const input = label && document.getElementById(label.htmlFor);
      if (!(input instanceof HTMLInputElement)) throw new Error('search box not found');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const times: number[] = [];
      for (const text of prefixes(query)) {
        const t0 = performance.now();
        setValue.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await afterCommit();
        times.push(performance.now() - t0);
      }
      setValue.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await afterCommit();
      return times;
    },
    async searchIndex(query) {
      const index = buildRegistryIndex(await listPersons(db));
      return prefixes(query).map((q) => {
        const t0 = performance.now();
        sink += searchRegistry(index, q).length;
        return performance.now() - t0;
      });
    },
    async naiveFilter(query) {
      const persons = await listPersons(db);
      return prefixes(query).map((q) => {
        const t0 = performance.now();
        sink += naiveSearch(persons, q).length;
        return performance.now() - t0;
      });
    },
  };
  // Keeps the measured results observable so nothing is optimised away.
  Object.defineProperty(window.golosBench, 'sink', { get: () => sink });
}
