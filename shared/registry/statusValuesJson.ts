/**
 * The status values a partnership's registry writes that the vocabulary does not know, as the app
 * remembers them (Реестр → «Соответствия статусов»), for the command line: the `statusValues` field of
 * meeting.json, or a file of its own holding that field or the mapping alone:
 *   { "statusValues": { "арендатор": "садовод без членства", "ч": "член" } }
 * A status may be written as the app writes it («член», «садовод без членства») or as its code
 * (`member`, `gardener`). A wrong value names its line.
 */
import type { PersonStatus } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';
import { parseJsonWithLines } from '../tally/jsonLines';
import { STATUS_LABEL } from '../vocabulary';
import { statusValueKey, type StatusValues } from './statusVocabulary';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const STATUS_OF = new Map<string, PersonStatus>([
  ...Object.entries(STATUS_LABEL).map(([s, text]) => [statusValueKey(text), s as PersonStatus] as const),
  ...Object.keys(STATUS_LABEL).map((s) => [s, s as PersonStatus] as const),
]);

/** `whole`: a file of its own, where the mapping may also be the whole object. */
export function parseStatusValuesJson(text: string, file: string, whole = false): Result<StatusValues> {
  const parsed = parseJsonWithLines(text, file);
  if (!parsed.ok) return parsed;
  const { value: root, lines } = parsed.value;
  if (!isObject(root)) {
    return whole
      ? err([
          problem('status_values_format', 'Нужен объект вида {"арендатор": "садовод без членства"}.', {
            file,
          }),
        ])
      : ok({});
  }
  const field = root.statusValues;
  if (field === undefined && !whole) return ok({});
  const map = field === undefined ? root : field;
  const prefix = field === undefined ? '' : 'statusValues.';
  const problems: Problem[] = [];
  const bad = (path: string, message: string): void => {
    const row = lines.get(path) ?? 1;
    problems.push(
      problem('status_values_format', `Строка ${row}, поле «${path}»: ${message}`, {
        file,
        row,
        field: path,
      }),
    );
  };
  if (!isObject(map)) {
    bad('statusValues', 'нужен объект вида {"арендатор": "садовод без членства"}.');
    return err(problems);
  }
  const out: Record<string, PersonStatus> = {};
  for (const [value, status] of Object.entries(map)) {
    const s = typeof status === 'string' ? STATUS_OF.get(statusValueKey(status)) : undefined;
    if (s) out[statusValueKey(value)] = s;
    else
      bad(
        `${prefix}${value}`,
        `«${String(status)}» — не статус: «член», «садовод без членства» или «собственник».`,
      );
  }
  return problems.length > 0 ? err(problems) : ok(out);
}

/** The mapping as a file of its own (what the app saves for the command line). */
export function statusValuesJson(values: StatusValues): string {
  const named = Object.fromEntries(Object.entries(values).map(([k, s]) => [k, STATUS_LABEL[s]]));
  return `${JSON.stringify({ statusValues: named }, null, 2)}\n`;
}
