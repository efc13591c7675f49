/**
 * The protocol's machine-readable proof: the text of the QR code printed on its first and last page,
 * reading it back, and comparing a protocol with a results.json.
 *
 * Format, version 1 (ASCII, fields separated by `|`):
 *
 *     GOLOS-PROTOCOL1|<sha256>|<date>|Q1=<for>/<against>/<abstain>/<decision>|Q2=…
 *
 * - `<sha256>`: SHA-256 (64 lowercase hex digits) of results.json, byte for byte as written
 *   (shared/results/resultsFile).
 * - `<date>`: the meeting's date, the last day of voting (`meeting.votingEnd` of results.json, YYYY-MM-DD).
 * - one `Q<n>=…` per question in agenda order: the figures «за», «против», «воздержался» as results.json
 *   has them (whole numbers; for МКД the decimal weights as strings, `1234.56`), and the decision:
 *   `A` adopted, `R` rejected, `N` not adopted for lack of quorum.
 *
 * Example: `GOLOS-PROTOCOL1|9f86…|2026-06-20|Q1=41/3/2/A|Q2=20/22/4/R`.
 */
import { canonicalJson, sha256Hex } from '../crypto/sha256';
import { err, ok, problem, type Result } from '../result';
import type { Figure, QuestionJson, ResultsJson } from '../results/buildResults';
import { resultsFileText } from '../results/resultsFile';

export const PROTOCOL_QR_PREFIX = 'GOLOS-PROTOCOL1';

export type DecisionCode = 'A' | 'R' | 'N';

const DECISION_CODES: Record<QuestionJson['decision'], DecisionCode> = {
  adopted: 'A',
  rejected: 'R',
  no_quorum: 'N',
};

const DECISION_TEXT: Record<DecisionCode, string> = {
  A: 'принято',
  R: 'не принято',
  N: 'не принято (нет кворума)',
};

export interface ProtocolQrQuestion {
  number: number;
  for: string;
  against: string;
  abstain: string;
  decision: DecisionCode;
}

export interface ProtocolQr {
  resultsSha256: string;
  date: string;
  questions: ProtocolQrQuestion[];
}

/**
 * What the protocol prints to prove where it came from. Plain data (it travels to the documents worker
 * inside the protocol model).
 */
export interface ProtocolProof {
  /** The QR code's text. */
  qrText: string;
  resultsSha256: string;
  /** SHA-256 of the tally's input (registry snapshot, ballots, resolutions, meeting): the app only. */
  inputSha256?: string;
  /** The audit trail's last entry (the app only). */
  auditHead?: { seq: number; hash: string };
  /** The commission's reason to produce the protocol despite data changed outside the program. */
  integrityReason?: string;
  /** The differences that reason covers, as the check named them. */
  integrityIssues?: string[];
}

const figureText = (f: Figure): string => String(f);

export function protocolQrOf(resultsBytes: Uint8Array | string, results: ResultsJson): ProtocolQr {
  return qrWithHash(sha256Hex(resultsBytes), results);
}

function qrWithHash(resultsSha256: string, results: ResultsJson): ProtocolQr {
  return {
    resultsSha256,
    date: results.meeting.votingEnd,
    questions: results.questions.map((q) => ({
      number: q.number,
      for: figureText(q.for),
      against: figureText(q.against),
      abstain: figureText(q.abstain),
      decision: DECISION_CODES[q.decision],
    })),
  };
}

export function encodeProtocolQr(qr: ProtocolQr): string {
  const questions = qr.questions.map((q) => `Q${q.number}=${q.for}/${q.against}/${q.abstain}/${q.decision}`);
  return [PROTOCOL_QR_PREFIX, qr.resultsSha256, qr.date, ...questions].join('|');
}

/** The QR text of a protocol built from these results.json bytes. */
export function protocolQrText(resultsBytes: Uint8Array | string, results: ResultsJson): string {
  return encodeProtocolQr(protocolQrOf(resultsBytes, results));
}

const QUESTION = /^Q(\d{1,4})=([0-9.]+)\/([0-9.]+)\/([0-9.]+)\/([ARN])$/;

export function parseProtocolQr(text: string): Result<ProtocolQr> {
  const parts = text.trim().split('|');
  const [prefix, hash = '', date = '', ...rest] = parts;
  const fail = (message: string) => err([problem('protocol_qr', message, { field: 'QR-код протокола' })]);
  if (prefix !== PROTOCOL_QR_PREFIX) {
    return fail(`Это не QR-код протокола Голоса: текст должен начинаться с «${PROTOCOL_QR_PREFIX}|».`);
  }
  if (!/^[0-9a-f]{64}$/.test(hash)) return fail('В QR-коде протокола повреждена контрольная сумма итогов.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail('В QR-коде протокола повреждена дата собрания.');
  const questions: ProtocolQrQuestion[] = [];
  for (const part of rest) {
    const m = QUESTION.exec(part);
    if (!m) return fail(`В QR-коде протокола не читается итог вопроса «${part.slice(0, 40)}».`);
    questions.push({
      number: Number(m[1]),
      for: m[2]!,
      against: m[3]!,
      abstain: m[4]!,
      decision: m[5] as DecisionCode,
    });
  }
  return ok({ resultsSha256: hash, date, questions });
}

/** Names for the two sides of a comparison, as they end the sentence: «в протоколе», «в results.json». */
export interface CompareSides {
  printed: string;
  actual: string;
}

const FIGURES = [
  ['for', '«за»'],
  ['against', '«против»'],
  ['abstain', '«воздержался»'],
] as const;

/** Every difference between the protocol's QR and the data, one Russian sentence each (empty: they match). */
export function compareProtocolQr(
  printed: ProtocolQr,
  actual: ProtocolQr,
  sides: CompareSides = { printed: 'в протоколе', actual: 'в results.json' },
): string[] {
  const out: string[] = [];
  const pair = (a: string, b: string) => `${sides.printed} ${a}, ${sides.actual} ${b}`;
  if (printed.date !== actual.date) out.push(`Дата собрания: ${pair(printed.date, actual.date)}.`);
  const actualByNumber = new Map(actual.questions.map((q) => [q.number, q]));
  const printedNumbers = new Set(printed.questions.map((q) => q.number));
  for (const p of printed.questions) {
    const a = actualByNumber.get(p.number);
    if (!a) {
      out.push(`Вопрос ${p.number}: есть ${sides.printed}, нет ${sides.actual}.`);
      continue;
    }
    for (const [key, label] of FIGURES) {
      if (p[key] !== a[key]) out.push(`Вопрос ${p.number}, ${label}: ${pair(p[key], a[key])}.`);
    }
    if (p.decision !== a.decision) {
      out.push(
        `Вопрос ${p.number}, решение: ${pair(`«${DECISION_TEXT[p.decision]}»`, `«${DECISION_TEXT[a.decision]}»`)}.`,
      );
    }
  }
  for (const a of actual.questions) {
    if (!printedNumbers.has(a.number))
      out.push(`Вопрос ${a.number}: нет ${sides.printed}, есть ${sides.actual}.`);
  }
  if (printed.resultsSha256 !== actual.resultsSha256) {
    out.push(
      `Контрольная сумма итогов (SHA-256 results.json): ${pair(printed.resultsSha256, actual.resultsSha256)}` +
        (out.length === 0 ? ' — цифры вопросов совпадают, но файл итогов другой.' : '.'),
    );
  }
  return out;
}

/** results.json bytes read back: its QR form, or a Russian problem when it is not our results file. */
export function readResultsFile(bytes: Uint8Array, name = 'results.json'): Result<ProtocolQr> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err([problem('results_json', `${name}: файл не читается как JSON в кодировке UTF-8.`)]);
  }
  const r = parsed as Partial<ResultsJson> | null;
  const shaped =
    r !== null &&
    typeof r === 'object' &&
    typeof r.meeting?.votingEnd === 'string' &&
    Array.isArray(r.questions) &&
    r.questions.every(
      (q) =>
        q !== null &&
        typeof q === 'object' &&
        typeof q.number === 'number' &&
        q.decision in DECISION_CODES &&
        [q.for, q.against, q.abstain].every((f) => typeof f === 'number' || typeof f === 'string'),
    );
  if (!shaped) {
    return err([
      problem(
        'results_json',
        `${name}: это не файл итогов Голоса (нет даты собрания или итогов по вопросам).`,
      ),
    ]);
  }
  return ok(protocolQrOf(bytes, r as ResultsJson));
}

/**
 * The QR text a protocol PDF carries in its document properties (Keywords), read without rasterizing:
 * the PDF's information dictionary is not compressed, and the text is plain ASCII.
 */
export function protocolQrFromPdfProperties(pdf: Uint8Array): string | undefined {
  // Latin-1 keeps one character per byte, so the ASCII text reads as is.
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < pdf.length; i += CHUNK) {
    text += String.fromCharCode(...pdf.subarray(i, i + CHUNK));
  }
  const m = new RegExp(`/Keywords\\s*\\((${PROTOCOL_QR_PREFIX}\\|[^)]*)\\)`).exec(text);
  return m?.[1];
}

/** The protocol model as the PDF builder takes it: with its proof, where there is one. */
export interface WithProof {
  proof?: ProtocolProof;
}

/**
 * The proof of a protocol built from `results` (results.json as resultsFileText writes it).
 * `resultsSha256`: the SHA-256 of that text when the caller has it already (the app hashes it once, with
 * Web Crypto, when it loads the tally); otherwise it is computed here.
 */
export function proofOf(
  results: ResultsJson,
  extra: Omit<ProtocolProof, 'qrText' | 'resultsSha256'> = {},
  resultsSha256: string = sha256Hex(resultsFileText(results)),
): ProtocolProof {
  return { qrText: encodeProtocolQr(qrWithHash(resultsSha256, results)), resultsSha256, ...extra };
}

/**
 * SHA-256 of what the tally counted: the meeting, the registry it ran on, the ballots and the
 * commission's resolutions, as canonical JSON (key order does not matter, any value does).
 */
export function tallyInputSha256(input: {
  meeting: unknown;
  registry: unknown;
  ballots: unknown;
  resolutions?: unknown;
}): string {
  return sha256Hex(tallyInputText(input));
}

/** The text tallyInputSha256 hashes (the app hashes it with Web Crypto). */
export function tallyInputText(input: Parameters<typeof tallyInputSha256>[0]): string {
  return canonicalJson({
    meeting: input.meeting,
    registry: input.registry,
    ballots: input.ballots,
    resolutions: input.resolutions ?? [],
  });
}
