/**
 * The end of the audit trail anchored outside the database: after every committed change the head (entry
 * number and hash) is written to the browser's localStorage, which lives apart from IndexedDB (in Electron
 * in the app's data folder). Deleting entries from the end of the log leaves the chain itself intact;
 * comparing it with the anchor shows them missing.
 */
import type { AuditEntry } from '../../shared/audit/auditChain';
import { formatDateTime } from '../../shared/meetings/dates';

export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

const keyOf = (dbName: string) => `golos.auditAnchor.${dbName}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function writeAnchor(dbName: string, head: Pick<AuditEntry, 'seq' | 'hash' | 'at'>): void {
  const anchor: AuditAnchor = { seq: head.seq, hash: head.hash, at: head.at };
  storage()?.setItem(keyOf(dbName), JSON.stringify(anchor));
}

export function readAnchor(dbName: string): AuditAnchor | null {
  const text = storage()?.getItem(keyOf(dbName));
  if (!text) return null;
  try {
    const a = JSON.parse(text) as Partial<AuditAnchor>;
    return typeof a.seq === 'number' && typeof a.hash === 'string' && typeof a.at === 'string'
      ? { seq: a.seq, hash: a.hash, at: a.at }
      : null;
  } catch {
    return null;
  }
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
