/**
 * Keyboard entry of paper ballots as a pure state machine: `entryReducer(state, key)` with no DOM, so
 * every keystroke of the counting evening can be replayed in a test. Keys: see ./keymap.ts (KEYMAP).
 *
 * Flow: find the voter (type a plot number, name or СНИЛС and press Enter, or read the ballot's QR
 * code with a USB scanner, which types it and presses Enter); then one key per question (the cursor
 * moves on by itself; a gardener's members-only questions are skipped); Enter saves the ballot into
 * `outbox` and starts the next one. The app stores what is in `outbox` and acknowledges it (`ack`).
 *
 * A scanner may also type a QR code while a ballot is open (the operator forgot Enter): its first
 * characters look like keys (G is «нет подписи», 1 is «за»), so when `GOLOS1` / `ПЩДЩЫ1` completes
 * the state goes back to where it was before them, and the rest of the code is read apart from the
 * marks.
 */
import type { Ballot, Mark, VoidReason } from '../../domain/types';
import { BALLOT_QR_PREFIX, parseBallotQr } from '../../documents/qrPayload';
import { STATUS_TEXT } from '../../registry/registryLabels';
import { searchRegistry } from '../../registry/search';
import { CHANNEL_TEXT, dateRu } from '../../tally/explain';
import { compareScanOriginal, VOID_REASONS } from '../ballotDiff';
import { voterIndex, voterRefOf } from '../voterRef';
import type { EntryContext, EntryFields, KnownBallot } from './entryContext';
import { commandOf, FLAG_REASON, type EntryCommand } from './keymap';

export interface VoterHit {
  /** Registry index. */
  index: number;
  by: 'plot' | 'name' | 'snils';
  plotNumber?: string;
}

export interface EntryMessage {
  level: 'error' | 'warning' | 'info';
  text: string;
}

/** Another ballot of the same person: shown as a warning the moment the voter is chosen. */
export interface DuplicateInfo {
  ballotId: string;
  channel: Ballot['channel'];
  copy: Ballot['copy'];
  receivedAt: string;
  by?: string;
  text: string;
}

export interface SavedBallot {
  seq: number;
  ballot: Ballot;
  /** Store into this record: a logged arrival, the first entry (double entry) or the corrected ballot. */
  recordId?: string;
  /** The ballot was loaded for correction: the app asks for the reason. */
  correction: boolean;
}

export interface EntryState {
  ctx: EntryContext;
  phase: 'voter' | 'ballot';
  /** Voter search text (the QR code as typed, when `qr`). */
  query: string;
  qr: boolean;
  hits: VoterHit[];
  /** Highlighted hit. */
  hit: number;
  /** Registry index of the chosen voter; -1 while searching. */
  personIndex: number;
  /** «Иванов Иван Иванович, уч. 12, член». */
  voterNote: string;
  /** Indices (meeting order) of the questions this voter votes on. */
  enterable: number[];
  /** Position in `enterable`; `enterable.length` is the end (ready to save). */
  cursor: number;
  /** Per meeting question: the keyed mark, or null when not keyed yet. */
  marks: (Mark | null)[];
  voidReasons: VoidReason[];
  /** `0` was pressed: the next key gives the reason. */
  pendingInvalid: boolean;
  fields: EntryFields;
  /** Defaults the next ballot starts from. */
  sessionFields: EntryFields;
  recordId?: string;
  correcting: boolean;
  duplicateOf: DuplicateInfo[];
  /** The scan of this original, shown beside the form, and where the keyed marks differ from it. */
  scan?: Ballot;
  scanDiffers: number[];
  /** Esc was pressed once on a started ballot. */
  confirmDiscard: boolean;
  /** A QR code being typed while a ballot is open. */
  qrCapture?: string;
  /** Keys that may be the start of a scanned QR code, and the state before them. */
  probe?: { text: string; before: EntryState };
  message?: EntryMessage;
  /** Saved ballots not yet acknowledged by the app. */
  outbox: SavedBallot[];
  /** Ballots saved so far (numbers new ids). */
  seq: number;
  /** Ballots saved in this session, for duplicate warnings. */
  session: { personIndex: number; ballot: Ballot }[];
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export type EntryAction =
  /** Choose a person from the hits (mouse or touch). */
  | { type: 'pick'; index: number }
  /** Arrival details from the form's fields; `session`: also for the next ballots. */
  | { type: 'fields'; fields: Partial<EntryFields>; session?: boolean }
  /** Load a stored ballot to correct it. */
  | { type: 'edit'; ballot: Ballot }
  /** The app stored the outbox up to this `seq`. */
  | { type: 'ack'; seq: number }
  /** New context (ballots stored meanwhile, another pass, …), keeping what is typed. */
  | { type: 'context'; ctx: EntryContext };

export type EntryInput = string | KeyInput | EntryAction;

const HIT_LIMIT = 8;
const QR_PREFIXES = [BALLOT_QR_PREFIX, 'ПЩДЩЫ1'];
const QR_START = /^(GOLOS1|ПЩДЩЫ1)/i;

const MARK_OF: Partial<Record<EntryCommand, Mark>> = {
  mark_for: 'for',
  mark_against: 'against',
  mark_abstain: 'abstain',
  invalid_several: 'several',
  invalid_none: 'none',
  invalid_crossed: 'all_crossed',
};

const FLAG_TEXT: Record<VoidReason, string> = {
  no_signature: 'нет подписи',
  no_details: 'нет данных голосующего',
  pencil: 'заполнен карандашом',
  corrections: 'исправления',
  no_power_of_attorney: 'представитель без доверенности',
};

export function initialEntryState(ctx: EntryContext): EntryState {
  return {
    ctx,
    phase: 'voter',
    query: '',
    qr: false,
    hits: [],
    hit: 0,
    personIndex: -1,
    voterNote: '',
    enterable: [],
    cursor: 0,
    marks: ctx.numbers.map(() => null),
    voidReasons: [],
    pendingInvalid: false,
    fields: ctx.defaults,
    sessionFields: ctx.defaults,
    correcting: false,
    duplicateOf: [],
    scanDiffers: [],
    confirmDiscard: false,
    outbox: [],
    seq: 0,
    session: [],
  };
}

/** The next state after a key (or an app action); the state given is never changed. */
export function entryReducer(state: EntryState, input: EntryInput): EntryState {
  if (typeof input !== 'string' && 'type' in input) return action(state, input);
  const k: KeyInput = typeof input === 'string' ? { key: input } : input;
  if (k.ctrlKey || k.altKey || k.metaKey) return state;
  const shift = k.shiftKey === true;
  return state.phase === 'voter' ? voterKey(state, k.key, shift) : ballotKey(state, k.key, shift);
}

// ---- app actions -------------------------------------------------------------------------------

function action(s: EntryState, a: EntryAction): EntryState {
  switch (a.type) {
    case 'pick':
      return s.phase === 'voter' && s.ctx.registry[a.index] ? startBallot(s, a.index) : s;
    case 'fields': {
      const fields = { ...s.fields, ...a.fields };
      return { ...s, fields, ...(a.session ? { sessionFields: { ...s.sessionFields, ...a.fields } } : {}) };
    }
    case 'edit':
      return editBallot(s, a.ballot);
    case 'ack':
      return { ...s, outbox: s.outbox.filter((o) => o.seq > a.seq) };
    case 'context':
      return { ...s, ctx: a.ctx };
  }
}

function editBallot(s: EntryState, ballot: Ballot): EntryState {
  const i = voterIndex(s.ctx.registry, ballot.voter);
  if (i < 0) {
    return {
      ...s,
      message: { level: 'error', text: 'Участник этого бюллетеня не найден в реестре собрания.' },
    };
  }
  const started = startBallot({ ...s, phase: 'voter' }, i, ballot);
  const marks = s.ctx.numbers.map((n, q) =>
    started.enterable.includes(q) ? (ballot.marks[n] ?? 'none') : null,
  );
  return { ...started, marks, voidReasons: [...ballot.voidReasons], cursor: 0 };
}

// ---- finding the voter -------------------------------------------------------------------------

function withQuery(s: EntryState, query: string): EntryState {
  const qr = QR_START.test(query);
  const hits: VoterHit[] =
    qr || query.trim() === ''
      ? []
      : searchRegistry(s.ctx.search, query, HIT_LIMIT).map((h) => ({
          index: h.index,
          by: h.by,
          ...(h.plotNumber !== undefined ? { plotNumber: h.plotNumber } : {}),
        }));
  const { message: _dropped, ...rest } = s;
  return { ...rest, query, qr, hits, hit: 0 };
}

function voterKey(s: EntryState, key: string, shift: boolean): EntryState {
  const cmd = commandOf('voter', key, shift);
  switch (cmd) {
    case 'pick':
      return s.qr ? pickByQr(s) : pickHit(s);
    case 'hit_next':
      return { ...s, hit: Math.min(s.hit + 1, Math.max(s.hits.length - 1, 0)) };
    case 'hit_prev':
      return { ...s, hit: Math.max(s.hit - 1, 0) };
    case 'search_clear':
      return withQuery(s, '');
  }
  if (key === 'Backspace') return withQuery(s, s.query.slice(0, -1));
  if (key.length === 1) return withQuery(s, s.query + key);
  return s;
}

function pickHit(s: EntryState): EntryState {
  const hit = s.hits[s.hit];
  if (!hit) {
    const text =
      s.query.trim() === ''
        ? 'Введите номер участка, ФИО или СНИЛС, или отсканируйте QR-код бюллетеня.'
        : `«${s.query}»: никто не найден — проверьте номер участка, ФИО или СНИЛС.`;
    return { ...s, message: { level: 'error', text } };
  }
  return startBallot(s, hit.index);
}

function pickByQr(s: EntryState): EntryState {
  const found = qrPerson(s, s.query);
  if (typeof found === 'string') return { ...withQuery(s, ''), message: { level: 'error', text: found } };
  return startBallot(s, found);
}

/** Registry index of the person a scanned QR code names, or the Russian reason it names no one. */
function qrPerson(s: EntryState, text: string): number | string {
  const qr = parseBallotQr(text);
  if (!qr.ok) return qr.error[0]!.message;
  const { meetingId, personId } = qr.value;
  if (s.ctx.meetingId !== undefined && meetingId !== s.ctx.meetingId) {
    return 'Этот бюллетень другого собрания (QR-код не совпадает с текущим собранием).';
  }
  if (personId === null) {
    return 'Бланк без участника: найдите участника по номеру участка, ФИО или СНИЛС.';
  }
  const i = s.ctx.byId.get(personId);
  return i === undefined ? 'Участник из QR-кода не найден в реестре собрания.' : i;
}

function describeKnown(b: Ballot, by?: string): string {
  const copy = b.copy === 'scan' ? 'скан' : 'оригинал';
  return `${CHANNEL_TEXT[b.channel]}, ${copy}, получен ${dateRu(b.receivedAt)}${by ? ` (ввод: ${by})` : ''}`;
}

function fieldsOf(b: Ballot): EntryFields {
  return {
    channel: b.channel === 'in_person' ? 'in_person' : 'paper',
    copy: b.copy,
    receivedAt: b.receivedAt,
    ...(b.delivery ? { delivery: b.delivery } : {}),
    ...(b.trackingNumber ? { trackingNumber: b.trackingNumber } : {}),
    ...(b.representative ? { representative: b.representative } : {}),
  };
}

/** Prefers a ballot of the copy being keyed. */
function pickKnown(list: readonly KnownBallot[], copy: Ballot['copy']): KnownBallot | undefined {
  return list.find((k) => k.ballot.copy === copy) ?? list[0];
}

function startBallot(s: EntryState, index: number, editing?: Ballot): EntryState {
  const { ctx } = s;
  const person = ctx.registry[index]!;
  const member = ctx.isMkd || person.status === 'member';
  const enterable: number[] = [];
  ctx.numbers.forEach((_, q) => {
    if (member || ctx.openToAll[q]) enterable.push(q);
  });
  const known = ctx.known.get(index) ?? [];
  let fields = editing ? fieldsOf(editing) : s.sessionFields;
  let recordId = editing?.id;
  let info: string | undefined;
  if (!editing) {
    const sameChannel = known.filter((k) => k.ballot.channel === fields.channel);
    if (ctx.pass === 'first') {
      const arrival = pickKnown(
        sameChannel.filter((k) => !k.marksEntered),
        fields.copy,
      );
      if (arrival) {
        recordId = arrival.recordId;
        fields = fieldsOf(arrival.ballot);
        info = `Поступление из журнала: ${describeKnown(arrival.ballot)}.`;
      }
    } else {
      const first = pickKnown(
        sameChannel.filter((k) => k.awaitingSecond),
        fields.copy,
      );
      if (first) {
        recordId = first.recordId;
        fields = fieldsOf(first.ballot);
      } else info = 'Этот бюллетень ещё не вводили первый раз: он будет сохранён как первый ввод.';
    }
  }
  // Other ballots of the person: stored ones (keyed) and those saved in this session.
  const duplicates: DuplicateInfo[] = [];
  const seen = new Set<string>();
  const consider = (b: Ballot, by?: string) => {
    if (b.id === recordId || seen.has(b.id)) return;
    seen.add(b.id);
    // A scan and the original of the same ballot are one ballot, not a second one.
    if (b.channel === fields.channel && b.copy !== fields.copy) return;
    duplicates.push({
      ballotId: b.id,
      channel: b.channel,
      copy: b.copy,
      receivedAt: b.receivedAt,
      ...(by ? { by } : {}),
      text: describeKnown(b, by),
    });
  };
  for (const k of known) if (k.marksEntered) consider(k.ballot, k.by);
  for (const x of s.session) if (x.personIndex === index) consider(x.ballot);
  const scan =
    ctx.pass === 'first' && fields.copy === 'original'
      ? known.find((k) => k.marksEntered && k.ballot.copy === 'scan' && k.ballot.channel === fields.channel)
          ?.ballot
      : undefined;

  const plots = person.holdings.map((h) => h.plotNumber).join(', ');
  let voterNote = `${person.fullName}${plots ? `, уч. ${plots}` : ''}, ${STATUS_TEXT[person.status]}`;
  if (enterable.length < ctx.numbers.length) {
    const open = enterable.map((q) => `№${ctx.numbers[q]}`).join(', ');
    voterNote += open
      ? `: голосует только по вопросам ${open} (остальные пропускаются)`
      : ': не голосует ни по одному вопросу повестки';
  }
  const message: EntryMessage | undefined = duplicates.length
    ? {
        level: 'warning',
        text: `Второй бюллетень того же участника: уже есть ${duplicates.map((d) => d.text).join('; ')}.`,
      }
    : info
      ? { level: 'info', text: info }
      : undefined;
  const { message: _old, probe: _probe, qrCapture: _capture, recordId: _rid, scan: _scan, ...rest } = s;
  return {
    ...rest,
    phase: 'ballot',
    query: '',
    qr: false,
    hits: [],
    hit: 0,
    personIndex: index,
    voterNote,
    enterable,
    cursor: 0,
    marks: ctx.numbers.map(() => null),
    voidReasons: [],
    pendingInvalid: false,
    fields,
    ...(recordId !== undefined ? { recordId } : {}),
    correcting: editing !== undefined,
    duplicateOf: duplicates,
    ...(scan ? { scan } : {}),
    scanDiffers: [],
    confirmDiscard: false,
    ...(message ? { message } : {}),
  };
}

// ---- keying the ballot -------------------------------------------------------------------------

function isQrStart(text: string): boolean {
  const t = text.toUpperCase();
  return QR_PREFIXES.some((p) => p.startsWith(t));
}

function ballotKey(s: EntryState, key: string, shift: boolean): EntryState {
  if (s.qrCapture !== undefined) return captureKey(s, key);
  if (key.length === 1) {
    // The key continues the keys that may be a scanner's, or starts them anew.
    const continues = s.probe !== undefined && isQrStart(s.probe.text + key);
    const text = continues ? s.probe!.text + key : key;
    if (isQrStart(text)) {
      const before = continues ? s.probe!.before : withoutProbe(s);
      if (QR_PREFIXES.some((p) => p.length === text.length)) {
        return { ...before, qrCapture: text, message: { level: 'info', text: 'Читается QR-код…' } };
      }
      return { ...ballotCommand(withoutProbe(s), key, shift), probe: { text, before } };
    }
  }
  return ballotCommand(withoutProbe(s), key, shift);
}

function withoutProbe(s: EntryState): EntryState {
  if (s.probe === undefined) return s;
  const { probe: _p, ...rest } = s;
  return rest;
}

function captureKey(s: EntryState, key: string): EntryState {
  const text = s.qrCapture ?? '';
  const { qrCapture: _c, ...rest } = s;
  if (key === 'Escape') return { ...rest, message: { level: 'info', text: 'Чтение QR-кода отменено.' } };
  if (key === 'Backspace') return { ...s, qrCapture: text.slice(0, -1) };
  if (key.length === 1) return { ...s, qrCapture: text + key };
  if (key !== 'Enter') return s;
  const found = qrPerson(s, text);
  if (typeof found === 'string') return { ...rest, message: { level: 'error', text: found } };
  if (found === s.personIndex) {
    return {
      ...rest,
      message: { level: 'info', text: 'Другой лист бюллетеня того же участника: продолжайте ввод.' },
    };
  }
  const name = s.ctx.registry[s.personIndex]!.fullName;
  return {
    ...rest,
    message: {
      level: 'error',
      text: `Бюллетень участника ${name} ещё не сохранён: нажмите Enter, чтобы сохранить его, затем отсканируйте QR-код следующего бюллетеня снова.`,
    },
  };
}

function say(s: EntryState, level: EntryMessage['level'], text: string): EntryState {
  return { ...s, message: { level, text } };
}

function quiet(s: EntryState): EntryState {
  if (s.message === undefined && !s.confirmDiscard) return s;
  const { message: _m, ...rest } = s;
  return { ...rest, confirmDiscard: false };
}

function ballotCommand(s: EntryState, key: string, shift: boolean): EntryState {
  if (s.pendingInvalid) {
    const cmd = commandOf('invalid', key, shift);
    const mark = cmd ? MARK_OF[cmd] : undefined;
    if (mark) return setMark({ ...s, pendingInvalid: false }, mark);
    if (cmd === 'back') return say({ ...s, pendingInvalid: false }, 'info', '«0» отменён.');
    if (key.length > 1 && !NAMED_KEYS.has(key)) return s;
    return say(
      { ...s, pendingInvalid: false },
      'warning',
      'После «0» нужна причина: 1 — несколько отметок, 2 — нет отметки, 3 — все зачёркнуты. «0» отменён.',
    );
  }
  const cmd = commandOf('ballot', key, shift);
  if (cmd === undefined) {
    if (key.length !== 1) return s;
    return say(
      s,
      'warning',
      `Клавиша «${key}» не используется: 1 — за, 2 — против, 3 — воздержался, 0 — недействителен.`,
    );
  }
  const mark = MARK_OF[cmd];
  if (mark) return setMark(s, mark);
  const flag = FLAG_REASON[cmd];
  if (flag) return toggleFlag(s, flag);
  const n = s.enterable.length;
  switch (cmd) {
    case 'invalid':
      if (s.cursor >= n) return say(s, 'warning', 'Выберите вопрос (↑), затем «0».');
      return say(
        { ...quiet(s), pendingInvalid: true },
        'info',
        'Недействителен по вопросу: 1 — несколько отметок, 2 — нет отметки, 3 — все зачёркнуты.',
      );
    case 'next':
      return { ...quiet(s), cursor: Math.min(s.cursor + 1, n) };
    case 'prev':
      return { ...quiet(s), cursor: Math.max(s.cursor - 1, 0) };
    case 'first':
      return { ...quiet(s), cursor: 0 };
    case 'end':
      return { ...quiet(s), cursor: n };
    case 'erase':
      return s.cursor < n ? withMark(quiet(s), s.enterable[s.cursor]!, null) : s;
    case 'erase_back': {
      const here = s.cursor < n ? s.enterable[s.cursor]! : -1;
      if (here >= 0 && s.marks[here] !== null) return withMark(quiet(s), here, null);
      if (s.cursor === 0) return s;
      const back = s.cursor - 1;
      return { ...withMark(quiet(s), s.enterable[back]!, null), cursor: back };
    }
    case 'save':
      return save(s);
    case 'back':
      return escape(s);
    default:
      return s;
  }
}

/** Named keys that mean something in the ballot (they cancel a pending `0`); others are ignored. */
const NAMED_KEYS = new Set([
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
]);

function withMark(s: EntryState, q: number, mark: Mark | null): EntryState {
  const marks = s.marks.slice();
  marks[q] = mark;
  return { ...s, marks, scanDiffers: scanDiffers(s, marks) };
}

function scanDiffers(s: EntryState, marks: readonly (Mark | null)[]): number[] {
  if (!s.scan) return [];
  const keyed: Record<number, Mark> = {};
  const numbers: number[] = [];
  s.ctx.numbers.forEach((n, q) => {
    const m = marks[q];
    if (m === null || m === undefined) return;
    keyed[n] = m;
    numbers.push(n);
  });
  return compareScanOriginal(s.scan, { ...s.scan, marks: keyed }, numbers).differs;
}

function setMark(s: EntryState, mark: Mark): EntryState {
  const n = s.enterable.length;
  if (s.cursor >= n) {
    return say(s, 'warning', 'Все вопросы введены: Enter — сохранить, ↑ — вернуться к вопросу.');
  }
  const next = withMark(quiet(s), s.enterable[s.cursor]!, mark);
  return { ...next, cursor: s.cursor + 1 };
}

function toggleFlag(s: EntryState, reason: VoidReason): EntryState {
  const on = !s.voidReasons.includes(reason);
  const voidReasons = VOID_REASONS.filter((r) => (r === reason ? on : s.voidReasons.includes(r)));
  return say(
    { ...s, voidReasons, confirmDiscard: false },
    on ? 'warning' : 'info',
    on ? `${FLAG_TEXT[reason]}: бюллетень недействителен целиком.` : `Снято: ${FLAG_TEXT[reason]}.`,
  );
}

function escape(s: EntryState): EntryState {
  const started = s.marks.some((m) => m !== null) || s.voidReasons.length > 0;
  if (started && !s.confirmDiscard) {
    return say(
      { ...s, confirmDiscard: true },
      'warning',
      'Нажмите Esc ещё раз, чтобы отменить этот бюллетень: его отметки не сохранятся.',
    );
  }
  return say(nextBallot(s), 'info', started ? 'Бюллетень отменён.' : 'Выберите участника.');
}

/** The voter search of the next ballot, keeping the session. */
function nextBallot(s: EntryState): EntryState {
  const fresh = initialEntryState(s.ctx);
  return {
    ...fresh,
    fields: s.sessionFields,
    sessionFields: s.sessionFields,
    outbox: s.outbox,
    seq: s.seq,
    session: s.session,
  };
}

function save(s: EntryState): EntryState {
  const { ctx } = s;
  const missing = s.enterable.filter((q) => s.marks[q] === null);
  if (missing.length > 0 && s.voidReasons.length === 0) {
    const list = missing.map((q) => `№${ctx.numbers[q]}`).join(', ');
    return say(
      { ...s, cursor: s.enterable.indexOf(missing[0]!) },
      'error',
      `Не введены вопросы ${list}: введите отметку (если ничего не отмечено — «0», затем «2»).`,
    );
  }
  const person = ctx.registry[s.personIndex]!;
  const marks: Record<number, Mark> = {};
  for (const q of s.enterable) marks[ctx.numbers[q]!] = s.marks[q] ?? 'none';
  const seq = s.seq + 1;
  const f = s.fields;
  const ballot: Ballot = {
    id: s.recordId ?? `${ctx.idPrefix}${seq}`,
    channel: f.channel,
    voter: voterRefOf(person),
    copy: f.copy,
    receivedAt: f.receivedAt,
    ...(f.delivery ? { delivery: f.delivery } : {}),
    ...(f.trackingNumber ? { trackingNumber: f.trackingNumber } : {}),
    voidReasons: s.voidReasons,
    ...(f.representative ? { representative: f.representative } : {}),
    marks,
    source: ctx.source,
  };
  const saved: SavedBallot = {
    seq,
    ballot,
    ...(s.recordId !== undefined ? { recordId: s.recordId } : {}),
    correction: s.correcting,
  };
  const session = s.correcting ? s.session : [...s.session, { personIndex: s.personIndex, ballot }];
  const next = nextBallot({ ...s, outbox: [...s.outbox, saved], seq, session });
  const note = s.duplicateOf.length ? ' Это второй бюллетень участника.' : '';
  return say(
    next,
    s.duplicateOf.length ? 'warning' : 'info',
    `Сохранён бюллетень: ${person.fullName}.${note}`,
  );
}
