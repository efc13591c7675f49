/**
 * Under double entry: the ballots keyed once (waiting for the second entry) or whose two entries
 * disagree, counted and named — they are not in the figures or the protocol until settled.
 */
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentVersion, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { doubleEntryQueue } from '../../shared/paper/doubleEntry';
import { voterIndex } from '../../shared/paper/voterRef';

function voterName(r: PaperBallotRecord, registry: readonly Person[]): string {
  const v = currentVersion(r).ballot.voter;
  const i = voterIndex(registry, v);
  return (i >= 0 ? registry[i]!.fullName : v.fullName) ?? v.plotNumber ?? r.id;
}

export function PendingEntries({
  meeting,
  records,
  registry,
}: {
  meeting: Meeting;
  records: readonly PaperBallotRecord[];
  registry: readonly Person[];
}) {
  if (!meeting.doubleEntry) return null;
  const q = doubleEntryQueue(
    records,
    meeting.questions.map((x) => x.number),
  );
  const waiting = q.awaitingSecond.map((r) => voterName(r, registry));
  const disagree = q.disagree.map((d) => voterName(d.record, registry));
  if (waiting.length + disagree.length === 0) return null;
  return (
    <div className="notice warning" role="note" aria-label="Не сверены при двойном вводе">
      <p>
        Не входят в итоги и в протокол, пока не сверены (двойной ввод): ждут повторного ввода —{' '}
        {waiting.length}
        {waiting.length > 0 && ` (${waiting.join(', ')})`}; расхождений при повторном вводе —{' '}
        {disagree.length}
        {disagree.length > 0 && ` (${disagree.join(', ')})`}.
      </p>
    </div>
  );
}
