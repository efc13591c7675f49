/**
 * What a read stack becomes: paper ballots of the kind the operator names (originals received by mail
 * or by hand, or scans received by e-mail), written as the ballot batch file with one more column,
 * «Источник» (`file:page` of each ballot's sheets), and the review list as JSON.
 */
import type { Ballot, BallotCopy, Delivery, IsoDate, Person } from '../domain/types';
import { writeBallotBatch } from '../paper/ballotBatch';
import { csvCell } from '../spreadsheet/writeCsv';
import type { ReadBallot, ReviewItem } from './readStack';

export interface StackKind {
  copy: BallotCopy;
  receivedAt: IsoDate;
  delivery?: Delivery;
}

export function ballotsOfStack(read: readonly ReadBallot[], kind: StackKind): Ballot[] {
  return read.map((b, i) => ({
    id: `scan-${i + 1}`,
    channel: 'paper',
    voter: { personId: b.personId },
    copy: kind.copy,
    receivedAt: kind.receivedAt,
    ...(kind.delivery ? { delivery: kind.delivery } : {}),
    voidReasons: [],
    marks: b.marks,
    source: b.sources.join(', '),
  }));
}

export const SOURCE_COLUMN = 'Источник';

/** The batch file of the ballots (writeBallotBatch) with the «Источник» column added at the end. */
export function writeScannedBatch(
  ballots: readonly Ballot[],
  questions: readonly number[],
  registry: readonly Person[],
): string {
  const text = writeBallotBatch(ballots, questions, registry);
  const lines = text.replace(/\r\n$/, '').split('\r\n');
  const sources = [SOURCE_COLUMN, ...ballots.filter((b) => b.channel !== 'gosuslugi').map((b) => b.source)];
  return `${lines.map((l, i) => `${l};${csvCell(sources[i] ?? '')}`).join('\r\n')}\r\n`;
}

/** review.json: `[{ source, person, question, reason }]`, person as the registry names them. */
export function reviewJson(items: readonly ReviewItem[], registry: readonly Person[]): string {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const rows = items.map((r) => ({
    source: r.source,
    person: byId.get(r.personId)?.fullName ?? r.personId,
    question: r.question,
    reason: r.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
