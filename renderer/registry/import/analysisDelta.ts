import type { ImportAnalysis } from './importSession';

/**
 * How one value differs from the one sent before: put whole, a run of a list replaced (the items before
 * and after it are the same), or an object's fields each with its own delta (fields not named are the same).
 */
export type ValueDelta =
  | { set: unknown }
  | { splice: [start: number, removed: number, items: unknown[]] }
  | { fields: Record<string, ValueDelta> };

/** An analysis as the parts that differ from the one sent before it (all of them after a file is opened). */
export type AnalysisDelta = Record<string, ValueDelta>;

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null;

/** The same object, or small values (a problem, a row's cells) equal field by field a few levels down. */
function same(a: unknown, b: unknown, depth = 3): boolean {
  if (a === b) return true;
  if (depth === 0 || !isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k in b && same(a[k], b[k], depth - 1));
}

function arrayDelta(before: unknown[], after: unknown[]): ValueDelta | null {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && same(before[start], after[start])) start++;
  if (start === before.length && start === after.length) return null;
  let end = 0;
  while (end < shorter - start && same(before[before.length - 1 - end], after[after.length - 1 - end])) end++;
  return { splice: [start, before.length - start - end, after.slice(start, after.length - end)] };
}

/** How `after` differs from `before`; null when it does not. Lists and objects are compared three levels deep (the analysis, its comparison, the comparison's lists). */
export function valueDelta(before: unknown, after: unknown, level = 3): ValueDelta | null {
  if (before === after) return null;
  if (level > 0 && Array.isArray(before) && Array.isArray(after)) return arrayDelta(before, after);
  if (level > 0 && isObject(before) && isObject(after) && !Array.isArray(before) && !Array.isArray(after)) {
    const fields: Record<string, ValueDelta> = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const d = k in after ? valueDelta(before[k], after[k], level - 1) : { set: undefined };
      if (d) fields[k] = d;
    }
    return Object.keys(fields).length > 0 ? { fields } : null;
  }
  return same(before, after) ? null : { set: after };
}

/** `before` with `delta` put in: what did not change is the same object as before. */
export function applyValueDelta(before: unknown, delta: ValueDelta): unknown {
  if ('set' in delta) return delta.set;
  if ('splice' in delta) {
    const [start, removed, items] = delta.splice;
    const list = before as unknown[];
    return [...list.slice(0, start), ...items, ...list.slice(start + removed)];
  }
  const out: Plain = { ...(before as Plain) };
  for (const [k, d] of Object.entries(delta.fields)) {
    const v = applyValueDelta(out[k], d);
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * The worker's side: remembers the analysis it sent last and sends how the next one differs. A fix in
 * place changes a few problems and people of a preview of thousands; the window then receives, and React
 * draws again, only those. The import session makes new objects only for what it read again, so the
 * comparison is mostly by identity.
 */
export function deltaSender(): (analysis: ImportAnalysis, fresh: boolean) => AnalysisDelta {
  let sent: ImportAnalysis | null = null;
  return (analysis, fresh) => {
    const delta =
      fresh || !sent
        ? { fields: Object.fromEntries(Object.entries(analysis).map(([k, v]) => [k, { set: v }])) }
        : (valueDelta(sent, analysis) ?? { fields: {} });
    sent = analysis;
    return (delta as { fields: AnalysisDelta }).fields;
  };
}

/**
 * The window's side: the analysis before with the delta put in. Parts that did not change are the same
 * objects as before, so the preview's memoised sections skip them.
 */
export function applyDelta(before: ImportAnalysis | null, delta: AnalysisDelta): ImportAnalysis {
  return applyValueDelta(before ?? {}, { fields: delta }) as ImportAnalysis;
}
