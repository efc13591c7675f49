/**
 * Opening a ballot for the chosen voter: which questions they vote on, the arrival logged for them (or
 * the first entry awaiting the second), their other ballots (duplicates) and the scan of this original.
 */
import type { Ballot } from '../../domain/types';
import { onlyQuestionsText } from './entryWarnings';
import { voterIndex } from '../voterRef';
import type { EntryFields, KnownBallot } from './entryContext';
import { say, type DuplicateInfo, type EntryMessage, type EntryState } from './entryState';
import { sameOperator, sameOperatorText } from '../doubleEntry';
import { CHANNEL_LABEL, STATUS_LABEL } from '../../vocabulary';
import { dateRu, shortDate } from '../../meetings/dates';

export function editBallot(s: EntryState, ballot: Ballot): EntryState {
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

function describeKnown(b: Ballot, by?: string): string {
  const copy = b.copy === 'scan' ? 'скан' : 'оригинал';
  return `${CHANNEL_LABEL[b.channel]}, ${copy}, получен ${dateRu(b.receivedAt)}${by ? ` (ввод: ${by})` : ''}`;
}

/** «Госуслуги, 25.11», «бумажный бюллетень, скан, 02.06 (ввод: Иванова)». */
function votedText(b: Ballot, by?: string): string {
  const copy = b.copy === 'scan' ? ', скан' : '';
  return `${CHANNEL_LABEL[b.channel]}${copy}, ${shortDate(b.receivedAt)}${by ? ` (ввод: ${by})` : ''}`;
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

export function startBallot(s: EntryState, index: number, editing?: Ballot): EntryState {
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
      const awaiting = sameChannel.filter((k) => k.awaitingSecond);
      const operator = ctx.operator;
      const first = pickKnown(
        awaiting.filter((k) => !operator || !sameOperator(k.by, operator)),
        fields.copy,
      );
      // Only this operator's own first entries wait: refused before anything is keyed.
      if (!first && awaiting.length > 0) {
        const plots = person.holdings.map((h) => h.plotNumber).join(', ');
        return say(
          { ...s, query: '', hits: [], hit: 0 },
          'error',
          sameOperatorText(`${person.fullName}${plots ? `, участок ${plots}` : ''}`, awaiting[0]!.by),
        );
      }
      if (first) {
        recordId = first.recordId;
        fields = fieldsOf(first.ballot);
      } else info = 'Этот бюллетень ещё не вводили первый раз: он будет сохранён как первый ввод.';
    }
  }
  // The representative registered at attendance signs the in-person ballot too.
  const rep = ctx.present?.get(index)?.representative;
  if (!editing && fields.channel === 'in_person' && rep && !fields.representative) {
    fields = { ...fields, representative: rep };
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
      text: votedText(b, by),
    });
  };
  for (const b of ctx.electronic.get(index) ?? []) consider(b);
  for (const k of known) if (k.marksEntered) consider(k.ballot, k.by);
  for (const x of s.session) if (x.personIndex === index) consider(x.ballot);
  const scan =
    ctx.pass === 'first' && fields.copy === 'original'
      ? known.find((k) => k.marksEntered && k.ballot.copy === 'scan' && k.ballot.channel === fields.channel)
          ?.ballot
      : undefined;

  const plots = person.holdings.map((h) => h.plotNumber).join(', ');
  let voterNote = `${person.fullName}${plots ? `, уч. ${plots}` : ''}, ${STATUS_LABEL[person.status]}`;
  if (enterable.length < ctx.numbers.length) voterNote += `: ${onlyQuestionsText(ctx.numbers, enterable)}`;
  const message: EntryMessage | undefined = duplicates.length
    ? {
        level: 'warning',
        text: `Уже голосовал: ${duplicates.map((d) => d.text).join('; ')}. Этот бюллетень — второй; сохранить его — Enter дважды.`,
      }
    : info
      ? { level: 'info', text: info }
      : undefined;
  const {
    message: _old,
    probe: _probe,
    qrCapture: _capture,
    recordId: _rid,
    scan: _scan,
    chosen: _chosen,
    ...rest
  } = s;
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
    confirmSave: false,
    ...(message ? { message } : {}),
  };
}
