/**
 * Live figures as the screens show them: the quorum, every question's for / against / abstain / invalid
 * with the rule's threshold, as numbers and as plain CSS bars. Every figure comes from liveResults (the
 * tally); nothing here counts.
 */
import { fromInt, mul, toDecimal, type Rational } from '../../shared/arith/rational';
import type { Channel } from '../../shared/domain/types';
import { formatFigure, formatPercent } from '../../shared/documents/figuresRu';
import { figure, type LiveQuestion, type LiveResults } from '../../shared/paper/liveResults';
import { disputeText, marginText, questionMargins, type QuestionMargin } from '../../shared/tally/margin';
import { useMemo } from 'react';
import { CHANNEL_HEADING, CHANNEL_LABEL, OUTCOME_LABEL } from '../../shared/vocabulary';

export const CHANNELS: readonly Channel[] = ['paper', 'in_person', 'gosuslugi'];

function num(r: Rational): number {
  return Number(r.n) / Number(r.d);
}

/** Shown figure: integers for whole votes, 0.01 for weights, Russian style. */
export function shown(value: Rational, whole: boolean): string {
  return formatFigure(figure(value, whole));
}

function percentOf(part: Rational, whole: Rational): string {
  if (whole.n === 0n) return formatPercent('0.0');
  const share = mul(part, { n: whole.d, d: whole.n });
  return formatPercent(toDecimal(mul(share, fromInt(100)), 1));
}

export function QuorumSummary({ live }: { live: LiveResults }) {
  const q = live.quorum;
  const whole = live.wholeVotes;
  const byChannel = CHANNELS.filter((c) => live.participants.byChannel[c] > 0)
    .map((c) => `${CHANNEL_LABEL[c]}: ${live.participants.byChannel[c]}`)
    .join(', ');
  const scale = Math.max(num(q.total), 1e-9);
  let counted = 0;
  let notCounted = 0;
  for (const b of live.tally.ballots) {
    if (b.status === 'accepted') counted++;
    else if (b.status !== 'scan_merged') notCounted++;
  }
  return (
    <section className="quorum" aria-label="Кворум">
      <p className={`quorum-state ${q.reached ? 'ok' : 'no'}`}>
        <strong>Кворум: {q.reached ? 'есть' : 'не набран'}</strong> — {shown(q.present, whole)} из{' '}
        {shown(q.total, whole)}{' '}
        {whole ? (live.tally.quorum.counts === 'members' ? 'членов' : 'голосов') : 'м²'} (
        {percentOf(q.present, q.total)}), {q.needed.text}.
      </p>
      <div className="bar quorum-bar" aria-hidden="true">
        <span className="seg for" style={{ width: `${(num(q.present) / scale) * 100}%` }} />
        <span className="mark" style={{ left: `${(num(q.needed.value) / scale) * 100}%` }} />
      </div>
      <p className="muted">
        Участников: {live.participants.persons}
        {live.participants.gardeners > 0
          ? ` (членов ${live.participants.members}, садоводов ${live.participants.gardeners})`
          : ''}
        {byChannel ? `; ${byChannel}` : ''}. Бюллетеней в подсчёте: {counted}
        {live.ballots > counted ? `; не учтено: ${notCounted} (причины — на вкладке «Сверка»)` : ''}.
      </p>
    </section>
  );
}

function QuestionBar({ q, whole }: { q: LiveQuestion; whole: boolean }) {
  const v = q.votes;
  const total = num(v.for) + num(v.against) + num(v.abstain) + num(v.invalid) + num(v.conflict);
  const scale = Math.max(num(q.base), total, 1e-9);
  const pct = (r: Rational) => `${(num(r) / scale) * 100}%`;
  return (
    <div
      className="bar"
      role="img"
      aria-label={`За ${shown(v.for, whole)}, против ${shown(v.against, whole)}, воздержались ${shown(v.abstain, whole)}, недействительно ${shown(v.invalid, whole)}; ${q.needed.text}`}
    >
      <span className="seg for" style={{ width: pct(v.for) }} />
      <span className="seg against" style={{ width: pct(v.against) }} />
      <span className="seg abstain" style={{ width: pct(v.abstain) }} />
      <span className="seg invalid" style={{ width: pct(v.invalid) }} />
      <span className="seg conflict" style={{ width: pct(v.conflict) }} />
      <span className="mark" style={{ left: pct(q.needed.value) }} />
    </div>
  );
}

/** How close the decision is, and the ballots in dispute (shared/tally/margin.ts). */
function MarginCell({ m }: { m: QuestionMargin | undefined }) {
  if (!m) return <td className="margin" />;
  const dispute = disputeText(m);
  return (
    <td className="margin" data-figure="margin">
      {m.votes ? `${m.decision === 'adopted' ? 'потеря «за»' : 'ещё «за»'}: ${marginText(m)}` : marginText(m)}
      {m.disputed > 0 && <span className="muted"> · спорных бюллетеней: {m.disputed}</span>}
      {dispute && <strong className="dispute"> — {dispute}</strong>}
    </td>
  );
}

/** Every question: figures, threshold, decision and a bar. */
export function QuestionResults({ live, compact = false }: { live: LiveResults; compact?: boolean }) {
  const whole = live.wholeVotes;
  const margins = useMemo(
    () => (compact ? [] : questionMargins(live.tally, !whole)),
    [live.tally, whole, compact],
  );
  return (
    <table className={`grid results-table${compact ? ' compact' : ''}`} aria-label="Итоги по вопросам">
      <thead>
        <tr>
          <th className="n">№</th>
          {!compact && <th className="text">Вопрос и правило</th>}
          <th className="fig">За</th>
          <th className="fig">Против</th>
          <th className="fig">Возд.</th>
          <th className="fig">Недейств.</th>
          {!compact && <th className="fig">Конфликт</th>}
          {!compact && <th className="need">Нужно «за»</th>}
          <th className="decision">Решение</th>
          {!compact && <th className="margin">Запас до другого решения</th>}
          {!compact && <th className="chart">Диаграмма</th>}
        </tr>
      </thead>
      <tbody>
        {live.questions.map((q, k) => (
          <tr key={q.number} aria-label={`Вопрос ${q.number}`}>
            <td className="n">{q.number}</td>
            {!compact && (
              <td className="text">
                <span className="qtext">{q.text}</span>
                <span className="muted">{q.ruleText}</span>
              </td>
            )}
            <td className="fig" data-figure="for">
              {shown(q.votes.for, whole)}
            </td>
            <td className="fig" data-figure="against">
              {shown(q.votes.against, whole)}
            </td>
            <td className="fig" data-figure="abstain">
              {shown(q.votes.abstain, whole)}
            </td>
            <td className="fig" data-figure="invalid">
              {shown(q.votes.invalid, whole)}
            </td>
            {!compact && (
              <td className="fig" data-figure="conflict">
                {shown(q.votes.conflict, whole)}
              </td>
            )}
            {!compact && <td className="need">{q.needed.text}</td>}
            <td className={`decision ${q.decision}`}>{OUTCOME_LABEL[q.decision]}</td>
            {!compact && <MarginCell m={margins[k]} />}
            {!compact && (
              <td className="chart">
                <QuestionBar q={q} whole={whole} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Channel filter: which channels the figures count (all when none is ticked off). */
export function ChannelFilter({
  value,
  onChange,
}: {
  value: readonly Channel[];
  onChange: (channels: Channel[]) => void;
}) {
  return (
    <fieldset className="channel-filter">
      <legend>Каналы</legend>
      {CHANNELS.map((c) => (
        <label key={c} className="choice-inline">
          <input
            type="checkbox"
            checked={value.includes(c)}
            disabled={value.length === 1 && value[0] === c}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? CHANNELS.filter((x) => x === c || value.includes(x))
                  : value.filter((x) => x !== c),
              )
            }
          />{' '}
          {CHANNEL_HEADING[c]}
        </label>
      ))}
    </fieldset>
  );
}
