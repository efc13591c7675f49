/**
 * One meeting's ballots in memory for the ballot screens: what the tally counts (the one loader,
 * renderer/tally/meetingTally.ts) plus the attendance list. Loaded when a ballot tab opens; after that
 * the screens' own writes are applied in place (no re-reading of thousands of records after each saved
 * ballot), so the live results follow every save at once. Other windows of the app are told through a
 * BroadcastChannel and reload.
 */
import type { Meeting } from '../../shared/meetings/meeting';
import type { GolosDb } from '../db/db';
import type { AttendanceRow, PaperBallotRow } from '../db/records';
import { loadMeetingTally, withPaperRecords, type MeetingTallyInput } from '../tally/meetingTally';

export interface BallotSnapshot {
  input: MeetingTallyInput;
  attendance: AttendanceRow[];
  /** Grows with every change. */
  version: number;
}

export type BallotStoreState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; snap: BallotSnapshot; reloading: boolean };

type Listener = () => void;

const CHANNEL = 'golos-ballots';

function byId<T extends { id: string }>(list: readonly T[], changed: readonly T[]): T[] {
  const at = new Map(list.map((x, i) => [x.id, i]));
  const out = list.slice();
  for (const c of changed) {
    const i = at.get(c.id);
    if (i === undefined) {
      at.set(c.id, out.length);
      out.push(c);
    } else out[i] = c;
  }
  return out;
}

export class BallotStore {
  private state: BallotStoreState = { status: 'loading' };
  private readonly listeners = new Set<Listener>();
  private loading: Promise<void> | null = null;
  /** Rows this window wrote while a load was running: laid over what the load read. */
  private writtenDuringLoad: { records: PaperBallotRow[]; attendance: AttendanceRow[] } | null = null;
  private channel: BroadcastChannel | null = null;
  private meeting: Meeting | null = null;

  constructor(
    private readonly db: GolosDb,
    readonly meetingId: string,
  ) {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      // Node (component tests) would otherwise keep running for the channel.
      (this.channel as { unref?: () => void }).unref?.();
      this.channel.onmessage = (e: MessageEvent<{ db: string; meetingId: string }>) => {
        if (e.data?.db === this.db.name && e.data.meetingId === this.meetingId && this.meeting) {
          void this.load(this.meeting);
        }
      };
    }
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): BallotStoreState => this.state;

  private set(state: BallotStoreState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** (Re)reads everything of the meeting; the last snapshot stays on screen meanwhile. */
  load(meeting: Meeting): Promise<void> {
    this.meeting = meeting;
    if (this.loading) return this.loading;
    if (this.state.status === 'ready') this.set({ ...this.state, reloading: true });
    this.writtenDuringLoad = { records: [], attendance: [] };
    const run = async () => {
      try {
        const [input, attendance] = await Promise.all([
          loadMeetingTally(this.db, meeting),
          this.db.attendance.where('meetingId').equals(meeting.id).toArray(),
        ]);
        const written = this.writtenDuringLoad ?? { records: [], attendance: [] };
        const current = this.meeting ?? meeting;
        const version = this.state.status === 'ready' ? this.state.snap.version + 1 : 1;
        this.set({
          status: 'ready',
          reloading: false,
          snap: {
            input: withPaperRecords(input, byId(input.paperRecords, written.records), current),
            attendance: byId(attendance, written.attendance),
            version,
          },
        });
      } catch (e) {
        this.set({
          status: 'failed',
          message: `Не удалось прочитать бюллетени собрания: ${e instanceof Error ? e.message : String(e)}.`,
        });
      } finally {
        this.loading = null;
        this.writtenDuringLoad = null;
      }
    };
    this.loading = run();
    return this.loading;
  }

  /** The meeting record changed (e.g. double entry switched on): recount with it. */
  setMeeting(meeting: Meeting): void {
    const was = this.meeting;
    this.meeting = meeting;
    if (this.state.status !== 'ready' || was === meeting) return;
    const { snap } = this.state;
    this.set({
      ...this.state,
      snap: {
        ...snap,
        input: withPaperRecords(snap.input, snap.input.paperRecords, meeting),
        version: snap.version + 1,
      },
    });
  }

  /** Rows this window has just stored. */
  apply(changed: { records?: readonly PaperBallotRow[]; attendance?: readonly AttendanceRow[] }): void {
    const records = changed.records ?? [];
    const attendance = changed.attendance ?? [];
    if (this.writtenDuringLoad) {
      this.writtenDuringLoad.records.push(...records);
      this.writtenDuringLoad.attendance.push(...attendance);
    }
    if (this.state.status === 'ready') {
      const { snap } = this.state;
      this.set({
        ...this.state,
        snap: {
          input: records.length
            ? withPaperRecords(
                snap.input,
                byId(snap.input.paperRecords, records),
                this.meeting ?? snap.input.meeting,
              )
            : snap.input,
          attendance: attendance.length ? byId(snap.attendance, attendance) : snap.attendance,
          version: snap.version + 1,
        },
      });
    }
    this.channel?.postMessage({ db: this.db.name, meetingId: this.meetingId });
  }
}

const stores = new WeakMap<GolosDb, Map<string, BallotStore>>();

/** The one store of a meeting in this window. */
export function ballotStoreFor(db: GolosDb, meetingId: string): BallotStore {
  let map = stores.get(db);
  if (!map) stores.set(db, (map = new Map()));
  let store = map.get(meetingId);
  if (!store) map.set(meetingId, (store = new BallotStore(db, meetingId)));
  return store;
}
