/**
 * The scans screen's work: read the picked files in the worker (progress, cancel), which stores them, store
 * the ballots read clearly, audit the stack; then each review answer is audited, and a ballot is
 * stored as soon as its last card is answered. Cards not answered yet wait in the database
 * (pendingReviewRepo): the screen opens on them again until the last is decided.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ballot, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { answeredBallot, reviewKey, scannedBallot, type ReviewAnswer } from '../../shared/omr/reviewAnswers';
import type { OmrSettings } from '../../shared/omr/settings';
import { useDb } from '../app/DbContext';
import { newId } from '../db/db';
import type { ScanReviewRecord, StoredReviewCard } from '../db/records';
import { localTimestamp } from '../../shared/meetings/dates';
import type { BallotStore } from '../ballots/ballotStore';
import { writeAnchor } from '../audit/auditAnchor';
import { readScans, type ScanProgress, type ScanRun } from './scanClient';
import { auditReviewAnswer, auditScanStack, saveScannedBallots, type SavedScans } from './scanRepo';
import { dropPendingReview, pendingReviews, putPendingReview } from './pendingReviewRepo';

export type StackKind = Pick<Ballot, 'copy' | 'receivedAt' | 'delivery'>;

export type ScanState =
  | { phase: 'idle' }
  | { phase: 'reading'; progress: ScanProgress }
  | { phase: 'failed'; message: string }
  | {
      phase: 'done';
      run: ScanRun;
      kind: StackKind;
      /** The thresholds the stack was read with. */
      settings: OmrSettings;
      files: Map<string, string>;
      saved: number;
      notes: SavedScans['notes'];
      given: Map<string, ReviewAnswer>;
      busy: boolean;
      /** The stored wait of its cards (none when it had no cards). */
      reviewId: string | null;
      readAt: string;
      /** Opened again from the database (left unfinished earlier). */
      resumed: boolean;
    };

type DoneState = Extract<ScanState, { phase: 'done' }>;

function recordOf(s: DoneState, meetingId: string): ScanReviewRecord {
  return {
    id: s.reviewId!,
    meetingId,
    readAt: s.readAt,
    run: s.run,
    kind: s.kind,
    settings: s.settings,
    files: [...s.files],
    saved: s.saved,
    notes: s.notes,
    given: [...s.given],
  };
}

function stateOf(r: ScanReviewRecord): DoneState {
  return {
    phase: 'done',
    run: r.run,
    kind: r.kind,
    settings: r.settings,
    files: new Map(r.files),
    saved: r.saved,
    notes: r.notes,
    given: new Map(r.given),
    busy: false,
    reviewId: r.id,
    readAt: r.readAt,
    resumed: true,
  };
}

const fileOf = (source: string) => source.slice(0, source.lastIndexOf(':'));

export function useScanStack(opts: {
  meeting: Meeting;
  registry: readonly Person[];
  partnershipName: string;
  settings: OmrSettings;
  operator: string;
  store: BallotStore;
}) {
  const db = useDb();
  const [state, setState] = useState<ScanState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Leaving the screen stops a reading still running.
  useEffect(() => () => controller.current?.abort(), []);
  // Cards left unanswered before: the screen opens on them.
  const meetingId = opts.meeting.id;
  useEffect(() => {
    let live = true;
    void pendingReviews(db, meetingId).then((list) => {
      const first = list[0];
      if (live && first) setState((s) => (s.phase === 'idle' ? stateOf(first) : s));
    });
    return () => {
      live = false;
    };
  }, [db, meetingId]);
  const ctx = { meeting: opts.meeting, registry: opts.registry, by: opts.operator };

  const save = async (
    items: { ballot: Ballot; sources: string[] }[],
    files: Map<string, string>,
  ): Promise<SavedScans> => {
    const r = await saveScannedBallots(
      db,
      ctx,
      items.map(({ ballot, sources }) => ({
        ballot,
        attachmentIds: [...new Set(sources.map((s) => files.get(fileOf(s))!).filter(Boolean))],
      })),
    );
    if (!r.ok) throw new Error(r.error.map((p) => p.message).join(' '));
    opts.store.apply({ records: r.value.rows });
    return r.value;
  };

  const start = async (picked: File[], kind: StackKind) => {
    const c = new AbortController();
    controller.current = c;
    setState({ phase: 'reading', progress: { done: 0, total: 0, last: null } });
    try {
      // The worker reads the files and stores them (with their audit entries) once all are read.
      const { stored, ...run } = await readScans(
        {
          meeting: opts.meeting,
          registry: [...opts.registry],
          partnershipName: opts.partnershipName,
          settings: opts.settings,
        },
        picked,
        {
          signal: c.signal,
          onProgress: (progress) => setState({ phase: 'reading', progress }),
          store: { dbName: db.name, by: opts.operator },
        },
      );
      // Where reading and storing the files end, for the timeline.
      performance.mark('scan:read');
      // The worker's page has no anchor store: the head its entries made is anchored from here.
      if (stored?.head) void writeAnchor(db.name, stored.head);
      const files = new Map(stored?.ids ?? []);
      const clear = run.outcome.ballots.filter((b) => b.review.length === 0);
      const saved = await save(
        clear.map((b) => ({
          ballot: scannedBallot(b, { marks: b.marks, voidReasons: [] }, kind, ''),
          sources: b.sources,
        })),
        files,
      );
      await auditScanStack(db, ctx, {
        files: picked.map((f) => f.name),
        pages: run.outcome.pages,
        ballots: run.outcome.ballots.length,
        review: run.outcome.cards.length,
        rejected: run.outcome.rejected.length,
      });
      const done: DoneState = {
        phase: 'done',
        run,
        kind,
        settings: opts.settings,
        files,
        saved: saved.rows.length,
        notes: saved.notes,
        given: new Map(),
        busy: false,
        reviewId: run.outcome.cards.length > 0 ? newId() : null,
        readAt: localTimestamp(),
        resumed: false,
      };
      if (done.reviewId) await putPendingReview(db, recordOf(done, meetingId));
      setState(done);
    } catch (e) {
      if (c.signal.aborted) setState({ phase: 'idle' });
      else setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (controller.current === c) controller.current = null;
    }
  };

  const cancel = useCallback(() => controller.current?.abort(), []);

  const answer = async (card: StoredReviewCard, a: ReviewAnswer) => {
    if (state.phase !== 'done' || state.busy) return;
    const given = new Map(state.given).set(reviewKey(card), a);
    setState({ ...state, busy: true });
    try {
      await auditReviewAnswer(db, ctx, {
        source: card.source,
        personId: card.personId,
        question: card.question,
        reason: card.reason,
        answer: a,
      });
      const read = state.run.outcome.ballots.find((b) => b.personId === card.personId)!;
      const done = answeredBallot(read, given);
      let { saved, notes } = state;
      if (done.state === 'ready') {
        const r = await save(
          [{ ballot: scannedBallot(read, done, state.kind, ''), sources: read.sources }],
          state.files,
        );
        saved += r.rows.length;
        notes = [...notes, ...r.notes];
      } else if (done.state === 'skipped') {
        notes = [
          ...notes,
          { personId: read.personId, source: read.sources.join(', '), message: 'не внесён: нет листа' },
        ];
      }
      const next: DoneState = { ...state, given, saved, notes, busy: false };
      if (next.reviewId) {
        const open = next.run.outcome.cards.some((c) => !given.has(reviewKey(c)));
        if (open) await putPendingReview(db, recordOf(next, meetingId));
        else await dropPendingReview(db, next.reviewId);
      }
      setState(next);
    } catch (e) {
      setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Back to picking scans; cards still open stay stored and come back when the screen opens again. */
  return { state, start, cancel, answer, reset: () => setState({ phase: 'idle' }) };
}
