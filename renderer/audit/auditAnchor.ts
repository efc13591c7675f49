/**
 * The end of the audit trail anchored outside the database: after every committed change the head (entry
 * number and hash) is written through the platform (renderer/platform): in Electron to a file in the app's
 * data folder, written atomically by the main process; in the browser to localStorage, which lives apart
 * from IndexedDB. Deleting entries from the end of the log leaves the chain itself intact; comparing it
 * with the anchor shows them missing.
 */
import type { AuditEntry } from '../../shared/audit/auditChain';
import { ok, type Result } from '../../shared/result';
import { formatDateTime } from '../../shared/meetings/dates';
import { getPlatform, type AuditAnchor, type PlatformAnchors } from '../platform/platform';

export type { AuditAnchor };

function anchors(): PlatformAnchors | undefined {
  return typeof window === 'undefined' ? undefined : getPlatform(window).anchors;
}

/** Per database: the write waiting to start (later heads replace its anchor) and the end of the queue. */
const waiting = new Map<string, { anchor: AuditAnchor }>();
const queue = new Map<string, Promise<void>>();

/**
 * Writes the head as the anchor. Writes of one database go one after another, and heads committed while
 * one is being written collapse into the newest, so the file always ends at the last head.
 */
export function writeAnchor(dbName: string, head: Pick<AuditEntry, 'seq' | 'hash' | 'at'>): Promise<void> {
  const anchor: AuditAnchor = { seq: head.seq, hash: head.hash, at: head.at };
  const slot = waiting.get(dbName);
  if (slot) {
    slot.anchor = anchor;
    return queue.get(dbName)!;
  }
  const next = { anchor };
  waiting.set(dbName, next);
  const done = (queue.get(dbName) ?? Promise.resolve()).then(async () => {
    waiting.delete(dbName);
    try {
      const written = await anchors()?.write(dbName, next.anchor);
      if (written && !written.ok) console.error(written.error.map((p) => p.message).join(' '));
    } catch (e) {
      console.error('Якорь журнала изменений не записан:', e);
    }
  });
  queue.set(dbName, done);
  return done;
}

/** The last anchor written for the database (after the writes already queued), `null` when none. */
export async function readAnchor(dbName: string): Promise<Result<AuditAnchor | null>> {
  await queue.get(dbName);
  const store = anchors();
  return store ? store.read(dbName) : ok(null);
}

function numbers(from: number, to: number): string {
  const list: number[] = [];
  for (let n = from; n <= to && list.length < 20; n++) list.push(n);
  const more = to - from + 1 - list.length;
  return list.map((n) => `№ ${n}`).join(', ') + (more > 0 ? ` и ещё ${more}` : '');
}

/**
 * What the log lacks compared with its anchor, in Russian (empty: nothing). `entryAt` gives the stored
 * entry with that number, if any.
 */
export function compareWithAnchor(
  anchor: AuditAnchor | null,
  headSeq: number,
  entryAt: AuditEntry | undefined,
): string[] {
  if (!anchor) return [];
  const when = formatDateTime(anchor.at);
  if (anchor.seq > headSeq) {
    return [
      `Журнал изменений: нет записей ${numbers(headSeq + 1, anchor.seq)} — записи удалены из конца журнала (последняя записанная программой запись № ${anchor.seq}, ${when}).`,
    ];
  }
  if (entryAt && entryAt.hash !== anchor.hash) {
    return [
      `Журнал изменений: запись № ${anchor.seq} не та, что программа записала ${when} — журнал переписан с этого места.`,
    ];
  }
  return [];
}
