/**
 * The mail log: paper ballots as they arrive over the voting period (a scan by e-mail first, the
 * original by registered mail or by hand later), per registry person: nothing yet, scan only, or
 * original; late arrivals are marked as not counted with the reason. Whether a ballot counts is the
 * tally's decision (shared/tally), never re-derived here.
 */
import type {
  Ballot,
  BallotCopy,
  Delivery,
  IsoDate,
  IsoTimestamp,
  MeetingSpec,
  Person,
} from '../domain/types';
import { err, problem, type Problem, type Result } from '../result';
import { parseDateCell } from '../ballots/cellValues';
import type { RuleProfile } from '../rules/profile';
import { rejectText } from '../tally/explain';
import { tally } from '../tally/tally';
import type { BallotOutcome } from '../tally/types';
import { createRecord, currentVersion, type LaptopRef, type PaperBallotRecord } from './ballotRecord';
import { compareScanOriginal } from './ballotDiff';
import { voterRefOf } from './voterRef';
import { dateRu } from '../meetings/dates';

export type MailStatus = 'nothing' | 'scan_only' | 'original';

export interface MailItem {
  recordId: string;
  /** A scan whose original arrived: the original counts instead of it. */
  superseded?: boolean;
  copy: BallotCopy;
  receivedAt: IsoDate;
  delivery?: Delivery;
  trackingNumber?: string;
  receiptMark?: string;
  attachmentIds?: string[];
  /** The marks have been keyed (a logged arrival is counted only once they are). */
  marksEntered: boolean;
  /** Counts (for a scan: its original counts, or scans are accepted and it stands alone). */
  counted: boolean;
  /** Received after the end of voting. */
  late: boolean;
  /** Why it does not count, in Russian; empty when it counts. */
  reason: string;
}

export interface MailLogEntry {
  personId: string;
  fullName: string;
  plots: string[];
  status: MailStatus;
  /** In the order received. */
  items: MailItem[];
  /** Something arrived late and nothing of this person's paper ballots counts. */
  late: boolean;
  counted: boolean;
  /** Questions where a scan and the original differ. */
  scanDiffers: number[];
  /** One line for the log: «оригинал 08.06.2026, почта, РПО 80081234567890 — учитывается». */
  note: string;
}

export interface MailLog {
  /** Every registry person, in registry order. */
  entries: MailLogEntry[];
  /** Paper ballots whose voter is not (exactly one person) in the registry. */
  unmatched: (MailItem & { name: string })[];
  totals: Record<MailStatus, number> & { late: number };
}

export interface MailLogInput {
  registry: readonly Person[];
  meeting: MeetingSpec;
  records: readonly PaperBallotRecord[];
  profile?: RuleProfile;
}

const DELIVERY_TEXT: Record<Delivery, string> = {
  mail: 'почта',
  hand: 'лично',
  email: 'e-mail',
  session: 'на собрании',
  platform: 'Госуслуги',
};

function itemText(item: MailItem): string {
  const how = [
    item.delivery ? DELIVERY_TEXT[item.delivery] : '',
    item.trackingNumber ? `РПО ${item.trackingNumber}` : '',
    item.receiptMark ? `отметка «${item.receiptMark}»` : '',
  ].filter(Boolean);
  const head = `${item.copy === 'scan' ? 'скан' : 'оригинал'} ${dateRu(item.receivedAt)}${how.length ? `, ${how.join(', ')}` : ''}`;
  const keyed = item.marksEntered ? '' : ', отметки не введены';
  if (item.superseded) {
    return `${head}${keyed} — заменён оригиналом${item.counted ? '' : `, ${item.reason}`}`;
  }
  return `${head}${keyed} — ${item.counted ? 'учитывается' : `не учитывается: ${item.reason}`}`;
}

/** The log of paper ballots (current, not withdrawn versions) by registry person. */
export function mailLog(input: MailLogInput): MailLog {
  const { registry, meeting } = input;
  const versions = new Map<string, ReturnType<typeof currentVersion>>();
  const ballots: Ballot[] = [];
  for (const r of input.records) {
    const v = currentVersion(r);
    if (v.withdrawn || v.ballot.channel !== 'paper') continue;
    versions.set(v.ballot.id, v);
    ballots.push(v.ballot);
  }
  // Marks do not decide whether a ballot arrived in time: the per-question policy keeps them out of it.
  const result = tally({
    registry,
    meeting: { ...meeting, invalidMarks: 'question' },
    ballots,
    ...(input.profile ? { profile: input.profile } : {}),
  });
  const byId = new Map(result.ballots.map((o) => [o.ballotId, o]));
  const questions = meeting.questions.map((q) => q.number);

  const itemOf = (o: BallotOutcome): MailItem => {
    const v = versions.get(o.ballotId)!;
    const b = v.ballot;
    let counted = o.status === 'accepted';
    let reason = counted ? '' : rejectText(o, meeting);
    if (o.status === 'scan_merged') {
      const original = byId.get(o.originalId!);
      counted = original?.status === 'accepted';
      reason = counted ? '' : `оригинал не учитывается (${original ? rejectText(original, meeting) : ''})`;
    }
    return {
      recordId: o.ballotId,
      ...(o.status === 'scan_merged' ? { superseded: true } : {}),
      copy: b.copy,
      receivedAt: b.receivedAt,
      ...(b.delivery ? { delivery: b.delivery } : {}),
      ...(b.trackingNumber ? { trackingNumber: b.trackingNumber } : {}),
      ...(v.receiptMark ? { receiptMark: v.receiptMark } : {}),
      ...(v.attachmentIds ? { attachmentIds: v.attachmentIds } : {}),
      marksEntered: v.marksEntered,
      counted,
      late: o.reasons.includes('after_period'),
      reason,
    };
  };

  const totals = { nothing: 0, scan_only: 0, original: 0, late: 0 };
  const entries: MailLogEntry[] = result.persons.map((p, i) => {
    const items: MailItem[] = [];
    for (let k = p.ballotsFrom; k < p.ballotsTo; k++) items.push(itemOf(result.ballots[k]!));
    const status: MailStatus = items.some((it) => it.copy === 'original')
      ? 'original'
      : items.length > 0
        ? 'scan_only'
        : 'nothing';
    const counted = items.some((it) => it.counted);
    const late = !counted && items.some((it) => it.late);
    const scanDiffers = new Set<number>();
    for (const it of items) {
      if (it.copy !== 'scan') continue;
      const scan = versions.get(it.recordId)!.ballot;
      const originalId = byId.get(it.recordId)?.originalId;
      const original = originalId ? versions.get(originalId) : undefined;
      if (!original || !original.marksEntered || !versions.get(it.recordId)!.marksEntered) continue;
      for (const n of compareScanOriginal(scan, original.ballot, questions).differs) scanDiffers.add(n);
    }
    totals[status]++;
    if (late) totals.late++;
    const differs = [...scanDiffers].sort((a, b) => a - b);
    const note =
      items.length === 0
        ? 'бюллетень не поступал'
        : items.map(itemText).join('; ') +
          (differs.length
            ? `; скан и оригинал различаются по вопросам ${differs.map((n) => `№${n}`).join(', ')}`
            : '');
    return {
      personId: p.personId,
      fullName: p.fullName,
      plots: registry[i]!.holdings.map((h) => h.plotNumber),
      status,
      items,
      late,
      counted,
      scanDiffers: differs,
      note,
    };
  });
  const unmatched = result.ballots
    .filter((o) => o.personId === undefined)
    .map((o) => ({ ...itemOf(o), name: versions.get(o.ballotId)!.ballot.voter.fullName ?? '' }));
  return { entries, unmatched, totals };
}

/** What the secretary records when a paper ballot arrives (marks are keyed later). */
export interface ArrivalInput {
  /** Id for the new ballot record. */
  id: string;
  personId: string;
  copy: BallotCopy;
  /** A scan comes by e-mail; an original by registered mail or by hand at the board office. */
  delivery: 'email' | 'mail' | 'hand';
  receivedAt: IsoDate;
  /** Registered mail: the tracking number (РПО); ignored for other deliveries. */
  trackingNumber?: string;
  /** By hand: the receipt mark written on the ballot; ignored for other deliveries. */
  receiptMark?: string;
  /** The scan's image or PDF, and any other file kept with the ballot. */
  attachmentIds?: string[];
  by: string;
  at: IsoTimestamp;
  /** The laptop it is logged on (gives the version its id). */
  laptop?: LaptopRef;
}

/**
 * Logs an arrival as a new record (marks not keyed yet). Every problem names its field; nothing is
 * created when any is found.
 */
export function logArrival(input: ArrivalInput, registry: readonly Person[]): Result<PaperBallotRecord> {
  const problems: Problem[] = [];
  const bad = (code: string, field: string, text: string) =>
    problems.push(problem(code, `Поле «${field}»: ${text}`, { field }));
  const person = registry.find((p) => p.id === input.personId);
  if (!person) bad('arrival_person', 'Участник', 'участник не найден в реестре собрания.');
  if (parseDateCell(input.receivedAt) !== input.receivedAt) {
    bad('arrival_date', 'Дата получения', `«${input.receivedAt}» — не дата (нужно ДД.ММ.ГГГГ).`);
  } else if (input.receivedAt > input.at.slice(0, 10)) {
    bad('arrival_future', 'Дата получения', `${dateRu(input.receivedAt)} ещё не наступило.`);
  }
  if (input.copy === 'scan' && input.delivery !== 'email') {
    bad('arrival_delivery', 'Способ получения', 'скан поступает по электронной почте.');
  }
  if (input.copy === 'original' && input.delivery === 'email') {
    bad('arrival_delivery', 'Способ получения', 'по электронной почте поступает только скан.');
  }
  if (input.delivery === 'mail' && !input.trackingNumber?.trim()) {
    bad('arrival_tracking', 'Номер отправления', 'укажите трек-номер заказного письма.');
  }
  if (input.delivery === 'hand' && !input.receiptMark?.trim()) {
    bad('arrival_receipt', 'Отметка о получении', 'укажите отметку о получении (кто принял, когда).');
  }
  if (problems.length || !person) return err(problems);
  const ballot: Ballot = {
    id: input.id,
    channel: 'paper',
    voter: voterRefOf(person),
    copy: input.copy,
    receivedAt: input.receivedAt,
    delivery: input.delivery,
    ...(input.delivery === 'mail' ? { trackingNumber: input.trackingNumber!.trim() } : {}),
    voidReasons: [],
    marks: {},
    source: input.copy === 'scan' ? 'скан по e-mail' : 'журнал почты',
  };
  return createRecord(
    ballot,
    {
      by: input.by,
      at: input.at,
      ...(input.delivery === 'hand' ? { receiptMark: input.receiptMark!.trim() } : {}),
      ...(input.attachmentIds ? { attachmentIds: input.attachmentIds } : {}),
      ...(input.laptop ? { laptop: input.laptop } : {}),
    },
    false,
  );
}
