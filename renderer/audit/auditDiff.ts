/** A short, readable account of what an audit entry changed: which fields, from what to what. */
import { canonicalJson } from '../../shared/crypto/sha256';

export interface FieldChange {
  /** Top-level field name; empty when the value is not an object. */
  field: string;
  /** Short text of the value before (absent when the field was added). */
  before?: string;
  /** Short text of the value after (absent when the field was removed). */
  after?: string;
}

export type ChangeKind = 'created' | 'deleted' | 'changed' | 'unchanged' | 'none';

export interface DiffSummary {
  kind: ChangeKind;
  changes: FieldChange[];
}

const MAX_TEXT = 60;

export function shortText(value: unknown): string {
  const text = typeof value === 'string' ? `«${value}»` : canonicalJson(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsOf(value: unknown, side: 'before' | 'after'): FieldChange[] {
  if (!isRecord(value)) return [{ field: '', [side]: shortText(value) }];
  return Object.keys(value).map((field) => ({ field, [side]: shortText(value[field]) }));
}

export function diffSummary(before: unknown, after: unknown): DiffSummary {
  if (before === undefined && after === undefined) return { kind: 'none', changes: [] };
  if (before === undefined) return { kind: 'created', changes: fieldsOf(after, 'after') };
  if (after === undefined) return { kind: 'deleted', changes: fieldsOf(before, 'before') };
  if (!isRecord(before) || !isRecord(after)) {
    const same = canonicalJson(before) === canonicalJson(after);
    return {
      kind: same ? 'unchanged' : 'changed',
      changes: same ? [] : [{ field: '', before: shortText(before), after: shortText(after) }],
    };
  }
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const has = [field in before, field in after];
    if (has[0] && has[1] && canonicalJson(before[field]) === canonicalJson(after[field])) continue;
    const change: FieldChange = { field };
    if (has[0]) change.before = shortText(before[field]);
    if (has[1]) change.after = shortText(after[field]);
    changes.push(change);
  }
  return { kind: changes.length > 0 ? 'changed' : 'unchanged', changes };
}

/** One line of Russian: `fullName: «Иванов» → «Петров»; snils: добавлено «…»`. */
export function describeChange(c: FieldChange): string {
  const name = c.field ? `${c.field}: ` : '';
  if (c.before === undefined) return `${name}добавлено ${c.after ?? ''}`;
  if (c.after === undefined) return `${name}удалено ${c.before}`;
  return `${name}${c.before} → ${c.after}`;
}
