/**
 * Double entry: what the operator at the desk can key the second time — the ballots keyed once by another
 * member, named by voter and by who keyed them first. Blind: never a mark of the first entry.
 */
import type { Person } from '../../shared/domain/types';
import { currentVersion, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { voterIndex } from '../../shared/paper/voterRef';

/** Shown at most; the rest are counted. */
const LISTED = 12;

function voterText(r: PaperBallotRecord, registry: readonly Person[]): string {
  const v = currentVersion(r).ballot.voter;
  const i = voterIndex(registry, v);
  const name = (i >= 0 ? registry[i]!.fullName : v.fullName) ?? r.id;
  return v.plotNumber ? `${name}, уч. ${v.plotNumber}` : name;
}

export function SecondEntryOffer({
  awaiting,
  registry,
  operator,
  pass,
}: {
  /** The ballots this operator may key the second time (shared/paper/doubleEntry awaitingSecondFor). */
  awaiting: readonly PaperBallotRecord[];
  registry: readonly Person[];
  operator: string;
  pass: 'first' | 'second';
}) {
  if (awaiting.length === 0) return null;
  const listed = awaiting
    .slice(0, LISTED)
    .map((r) => `${voterText(r, registry)} (ввод: ${currentVersion(r).by})`);
  const more = awaiting.length - listed.length;
  return (
    <div className="notice" role="note" aria-label="Ждут повторного ввода">
      <p>
        {pass === 'second'
          ? `${operator}: ждут вашего повторного ввода вслепую`
          : 'Ждут повторного ввода другим членом комиссии'}{' '}
        — бюллетеней: {awaiting.length}. {listed.join('; ')}
        {more > 0 ? ` и ещё ${more}` : ''}.
      </p>
      {pass === 'second' && (
        <p>
          Найдите участника и отметьте ответы по бумажному оригиналу: отметки первого ввода не показываются.
        </p>
      )}
    </div>
  );
}
