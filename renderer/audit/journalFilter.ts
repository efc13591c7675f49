import { auditActionGroup, type AuditGroup } from '../../shared/audit/auditCatalogue';
import type { JournalLine } from './auditText';
import { todayIso } from '../../shared/meetings/dates';

/** The journal's filters: who, what (a group of actions), when (local dates, inclusive). */
export interface JournalFilter {
  actor: string;
  group: AuditGroup | '';
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
}

export const NO_FILTER: JournalFilter = { actor: '', group: '', from: '', to: '' };

function localDay(iso: string): string {
  return todayIso(new Date(iso));
}

export function filterJournal(lines: readonly JournalLine[], f: JournalFilter): JournalLine[] {
  return lines.filter((l) => {
    if (f.actor && l.actor !== f.actor) return false;
    if (f.group && auditActionGroup(l.action) !== f.group) return false;
    if (f.from || f.to) {
      const day = localDay(l.at);
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
    }
    return true;
  });
}

/** «кто: Секретарь; что: Реестр; с 1 мая 2025» for the printed journal; «все записи» without filters. */
export function describeFilter(f: JournalFilter, groupLabel: (g: AuditGroup) => string): string {
  const parts: string[] = [];
  if (f.actor) parts.push(`кто: ${f.actor}`);
  if (f.group) parts.push(`что: ${groupLabel(f.group)}`);
  const ru = (d: string) => d.split('-').reverse().join('.');
  if (f.from) parts.push(`с ${ru(f.from)}`);
  if (f.to) parts.push(`по ${ru(f.to)}`);
  return parts.length ? parts.join('; ') : 'все записи';
}
