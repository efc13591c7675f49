/**
 * What the command line's meeting.json says for the protocol only (the tally never reads it): place,
 * address, initiator, chair, secretary, counting commission (`counters`), where the originals are kept,
 * the ГИС ЖКХ number, those who voted against and asked for it to be recorded (`dissents`), and per
 * question the speaker and the proposal. Every field is optional; a wrong one names its line and field.
 */
import type { Meeting } from '../meetings/meeting';
import { err, ok, problem, type Problem, type Result } from '../result';
import { parseJsonWithLines } from '../tally/jsonLines';
import type { ProtocolMeeting } from './protocolTypes';

export type ProtocolFields = Partial<
  Pick<
    Meeting,
    | 'address'
    | 'sessionPlace'
    | 'initiator'
    | 'chair'
    | 'secretary'
    | 'countingCommission'
    | 'originalsStorage'
    | 'gisNumber'
    | 'dissents'
  >
> & {
  /** Question number -> what the protocol prints for it. */
  questions: Map<number, { speaker?: string; proposal?: string }>;
};

/** meeting.json field -> the meeting record's field. */
const TEXT_FIELDS = {
  address: 'address',
  place: 'sessionPlace',
  initiator: 'initiator',
  chair: 'chair',
  secretary: 'secretary',
  originalsStorage: 'originalsStorage',
  gisNumber: 'gisNumber',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseProtocolFields(text: string, file: string): Result<ProtocolFields> {
  const parsed = parseJsonWithLines(text, file);
  if (!parsed.ok) return parsed;
  const { value: root, lines } = parsed.value;
  const fields: ProtocolFields = { questions: new Map() };
  if (!isObject(root)) return ok(fields);
  const problems: Problem[] = [];
  const bad = (path: string, message: string): void => {
    const row = lines.get(path) ?? 1;
    problems.push(
      problem('meeting_field', `Строка ${row}, поле «${path}»: ${message}`, { file, row, field: path }),
    );
  };
  const text_ = (path: string, v: unknown): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      bad(path, 'нужна строка текста.');
      return undefined;
    }
    return v.trim().replace(/\s+/g, ' ') || undefined;
  };

  for (const [json, key] of Object.entries(TEXT_FIELDS)) {
    const value = text_(json, root[json]);
    if (value) fields[key] = value;
  }
  if (root.counters !== undefined) {
    if (!Array.isArray(root.counters)) bad('counters', 'нужен список ФИО, например ["Иванов И. И."].');
    else {
      const names = root.counters.map((n, i) => text_(`counters[${i}]`, n)).filter((n) => n !== undefined);
      if (names.length > 0) fields.countingCommission = names;
    }
  }

  const agenda = new Set<number>();
  if (Array.isArray(root.questions)) {
    root.questions.forEach((q, i) => {
      if (!isObject(q) || typeof q.number !== 'number') return;
      agenda.add(q.number);
      const speaker = text_(`questions[${i}].speaker`, q.speaker);
      const proposal = text_(`questions[${i}].proposal`, q.proposal);
      if (speaker || proposal)
        fields.questions.set(q.number, {
          ...(speaker ? { speaker } : {}),
          ...(proposal ? { proposal } : {}),
        });
    });
  }

  if (root.dissents !== undefined) {
    if (!Array.isArray(root.dissents)) {
      bad('dissents', 'нужен список, например [{ "question": 2, "name": "Иванов Иван Иванович" }].');
    } else {
      const dissents: NonNullable<ProtocolFields['dissents']> = [];
      root.dissents.forEach((d, i) => {
        const path = `dissents[${i}]`;
        if (!isObject(d)) return bad(path, 'ожидался объект { "question": номер, "name": "ФИО" }.');
        const name = text_(`${path}.name`, d.name);
        if (name === undefined) {
          // A name that is not text was reported already.
          if (d.name === undefined || d.name === null || typeof d.name === 'string')
            bad(`${path}.name`, 'нужно ФИО голосовавшего против.');
          return;
        }
        if (typeof d.question !== 'number' || !agenda.has(d.question)) {
          return bad(
            `${path}.question`,
            `${JSON.stringify(d.question) ?? 'пусто'} — нужен номер вопроса повестки.`,
          );
        }
        dissents.push({ question: d.question, name });
      });
      if (dissents.length > 0) fields.dissents = dissents;
    }
  }
  return problems.length > 0 ? err(problems) : ok(fields);
}

/** The meeting the tally ran on, with what meeting.json says for the protocol. */
export function withProtocolFields<M extends ProtocolMeeting>(meeting: M, fields: ProtocolFields): M {
  const { questions, ...rest } = fields;
  return {
    ...meeting,
    ...rest,
    questions: meeting.questions.map((q) => ({ ...q, ...questions.get(q.number) })),
  };
}
