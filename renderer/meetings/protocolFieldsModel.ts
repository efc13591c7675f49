/**
 * The meeting form's fields printed only in the protocol: the building's address (МКД), the initiator, where the originals are kept, the ГИС ЖКХ number, and those who voted against and asked
 * for it to be recorded (one «номер вопроса: ФИО» per line). Text as typed in, the meeting it describes,
 * and a Russian message per field.
 */
import type { Dissent, Meeting } from '../../shared/meetings/meeting';

export interface ProtocolFieldValues {
  address: string;
  initiator: string;
  originalsStorage: string;
  gisNumber: string;
  /** One «2: Иванов Иван Иванович» per line. */
  dissents: string;
}

type TextKey = 'address' | 'initiator' | 'originalsStorage' | 'gisNumber';
const TEXT_KEYS: TextKey[] = ['address', 'initiator', 'originalsStorage', 'gisNumber'];
const DISSENT = /^(\d+)\s*[:.)-]\s*(.+)$/;

export function toProtocolFieldValues(m: Meeting): ProtocolFieldValues {
  return {
    address: m.address ?? '',
    initiator: m.initiator ?? '',
    originalsStorage: m.originalsStorage ?? '',
    gisNumber: m.gisNumber ?? '',
    dissents: (m.dissents ?? []).map((d) => `${d.question}: ${d.name}`).join('\n'),
  };
}

function dissentLines(text: string): { line: number; match: RegExpExecArray | null }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ line: i + 1, raw: raw.trim() }))
    .filter((l) => l.raw !== '')
    .map((l) => ({ line: l.line, match: DISSENT.exec(l.raw) }));
}

/** Writes the fields into the meeting (empty ones are removed); values are assumed checked. */
export function applyProtocolFields(v: ProtocolFieldValues, m: Meeting): void {
  for (const key of TEXT_KEYS) {
    const text = v[key].trim().replace(/\s+/g, ' ');
    if (text) m[key] = text;
    else delete m[key];
  }
  const dissents: Dissent[] = dissentLines(v.dissents).flatMap(({ match }) =>
    match ? [{ question: Number(match[1]), name: match[2]!.trim().replace(/\s+/g, ' ') }] : [],
  );
  if (dissents.length > 0) m.dissents = dissents;
  else delete m.dissents;
}

export function protocolFieldErrors(
  v: ProtocolFieldValues,
  questions: readonly number[],
): Partial<Record<keyof ProtocolFieldValues, string>> {
  const e: Partial<Record<keyof ProtocolFieldValues, string>> = {};
  for (const { line, match } of dissentLines(v.dissents)) {
    if (!match) {
      e.dissents = `Строка ${line}: нужен вид «номер вопроса: ФИО», например «2: Иванов Иван Иванович».`;
      break;
    }
    if (!questions.includes(Number(match[1]))) {
      e.dissents = `Строка ${line}: вопроса ${match[1]} нет в повестке.`;
      break;
    }
  }
  return e;
}
