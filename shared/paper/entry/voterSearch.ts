/**
 * Finding the voter: a plot number, name or СНИЛС typed and Enter, or a ballot's QR code read by a USB
 * scanner (which types it and presses Enter).
 */
import { BALLOT_QR_PREFIX, parseBallotQr } from '../../documents/qrPayload';
import { searchRegistry } from '../../registry/search';
import type { EntryState, VoterHit } from './entryState';
import { checkTypedDetails, unchosenHit } from './deskIdentity';
import { commandOf } from './keymap';
import { startBallot } from './startBallot';

const HIT_LIMIT = 8;
export const QR_PREFIXES = [BALLOT_QR_PREFIX, 'ПЩДЩЫ1'];
const QR_START = /^(GOLOS1|ПЩДЩЫ1)/i;

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
  const { message: _dropped, chosen: _chosen, ...rest } = s;
  return { ...rest, query, qr, hits, hit: 0 };
}

export function voterKey(s: EntryState, key: string, shift: boolean): EntryState {
  const cmd = commandOf('voter', key, shift);
  switch (cmd) {
    case 'pick':
      return s.qr ? pickByQr(s) : pickHit(s);
    case 'hit_next':
      return { ...s, hit: Math.min(s.hit + 1, Math.max(s.hits.length - 1, 0)), chosen: true };
    case 'hit_prev':
      return { ...s, hit: Math.max(s.hit - 1, 0), chosen: true };
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
    // Several details typed that the search does not combine, or that contradict each other.
    const checked = checkTypedDetails(s.ctx.search, s.query);
    if (checked.kind === 'refused') return { ...s, message: { level: 'error', text: checked.text } };
    if (checked.kind === 'person') {
      const started = startBallot(s, checked.index);
      if (!checked.warning) return started;
      const text = [checked.warning, started.message?.text].filter(Boolean).join(' ');
      return { ...started, message: { level: 'warning', text } };
    }
    const text =
      s.query.trim() === ''
        ? 'Введите номер участка, ФИО или СНИЛС, или отсканируйте QR-код бюллетеня.'
        : `«${s.query}»: никто не найден — проверьте номер участка, ФИО или СНИЛС.`;
    return { ...s, message: { level: 'error', text } };
  }
  const unchosen = s.chosen ? undefined : unchosenHit(s.ctx.search, s.query, s.hits);
  if (unchosen) {
    const told = { ...s, message: { level: unchosen.level, text: unchosen.text } };
    return unchosen.confirm ? { ...told, chosen: true } : told;
  }
  return startBallot(s, hit.index);
}

function pickByQr(s: EntryState): EntryState {
  const found = qrPerson(s, s.query);
  if (typeof found === 'string') return { ...withQuery(s, ''), message: { level: 'error', text: found } };
  return startBallot(s, found);
}

/** Registry index of the person a scanned QR code names, or the Russian reason it names no one. */
export function qrPerson(s: EntryState, text: string): number | string {
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
