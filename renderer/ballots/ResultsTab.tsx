/**
 * «Итоги»: live results of the meeting as stored now — the quorum and every question's for / against /
 * abstain / invalid with the rule's threshold, as numbers and bars, filtered by channel; and the figures
 * «только оригиналы» and «с учётом сканов». Updated with every ballot saved in this window (and reloaded
 * when another window saves).
 */
import { useDeferredValue, useState } from 'react';
import type { Channel } from '../../shared/domain/types';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { useLiveResults, useMeetingBallots, useScanFigures } from './hooks';
import { CHANNELS, ChannelFilter, QuestionResults, QuorumSummary, shown } from './ResultsView';
import { PendingEntries } from './PendingEntries';
import { StoreStatus } from './StoreStatus';
import './ballots.css';
import { OUTCOME_LABEL } from '../../shared/vocabulary';

export function ResultsTab({ meeting }: MeetingTabProps) {
  const { state } = useMeetingBallots(meeting);
  const [channels, setChannels] = useState<Channel[]>([...CHANNELS]);
  const snap = state.status === 'ready' ? state.snap : null;
  const filter = channels.length === CHANNELS.length ? [] : channels;
  const live = useLiveResults(snap?.input ?? null, filter);
  // The second pair of tallies follows after the main figures are drawn.
  const deferred = useDeferredValue(snap?.input ?? null);
  const scans = useScanFigures(deferred, filter);
  if (!snap || !live) return <StoreStatus state={state} />;
  const hasScans = live.tally.ballots.some((b) => b.copy === 'scan');
  const whole = live.wholeVotes;
  return (
    <div className="ballots-tab results">
      <h2>Итоги голосования</h2>
      <p className="muted">
        {snap.input.frozen
          ? 'Реестр: снимок на начало голосования.'
          : 'Реестр: текущий (снимок ещё не сделан).'}{' '}
        Цифры пересчитываются после каждого сохранённого бюллетеня.
      </p>
      <ChannelFilter value={channels} onChange={setChannels} />
      <PendingEntries meeting={meeting} records={snap.input.paperRecords} registry={snap.input.registry} />
      <QuorumSummary live={live} />
      <div className="legend" aria-hidden="true">
        <span>
          <span className="swatch bar-for" /> за
        </span>
        <span>
          <span className="swatch bar-against" /> против
        </span>
        <span>
          <span className="swatch bar-abstain" /> воздержались
        </span>
        <span>
          <span className="swatch bar-invalid" /> недействительно
        </span>
        <span>│ — сколько «за» нужно по правилу</span>
      </div>
      <QuestionResults live={live} />
      <section aria-label="Оригиналы и сканы">
        <h3>Только оригиналы и с учётом сканов</h3>
        <p className="muted">
          {meeting.acceptScans
            ? 'По настройке собрания скан учитывается, пока не пришёл оригинал: основные цифры выше — с учётом сканов.'
            : 'По настройке собрания скан без оригинала не учитывается: основные цифры выше — только оригиналы.'}
          {hasScans ? '' : ' Сканов без оригинала сейчас нет.'}
        </p>
        {scans ? (
          <table className="grid scan-figures" aria-label="Только оригиналы и с учётом сканов">
            <thead>
              <tr>
                <th></th>
                <th>Только оригиналы</th>
                <th>С учётом сканов</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>Участников</td>
                <td>{scans.originalsOnly.participants.persons}</td>
                <td>{scans.withScans.participants.persons}</td>
              </tr>
              <tr>
                <td>Кворум</td>
                <td>
                  {scans.originalsOnly.quorum.reached ? 'есть' : 'нет'} (
                  {shown(scans.originalsOnly.quorum.present, whole)})
                </td>
                <td>
                  {scans.withScans.quorum.reached ? 'есть' : 'нет'} (
                  {shown(scans.withScans.quorum.present, whole)})
                </td>
              </tr>
              {scans.originalsOnly.questions.map((q, i) => {
                const w = scans.withScans.questions[i]!;
                const line = (x: typeof q) =>
                  `за ${shown(x.votes.for, whole)}, против ${shown(x.votes.against, whole)}, возд. ${shown(x.votes.abstain, whole)} — ${OUTCOME_LABEL[x.decision]}`;
                return (
                  <tr key={q.number}>
                    <td>Вопрос {q.number}</td>
                    <td>{line(q)}</td>
                    <td>{line(w)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="loading">Считается…</p>
        )}
      </section>
    </div>
  );
}
