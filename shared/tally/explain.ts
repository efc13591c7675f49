/** Russian explanations of the tally's outcomes, for the protocol, the CLI and the app. */
import type { Mark, MeetingSpec } from '../domain/types';
import type { MatchedBy } from '../ballots/matchVoter';
import { acceptedBallotIds, personBasis, personDecision, rejectedBallotIds } from './votes';
import type { BallotOutcome, Decision, DecisionBasis, RejectReason, TallyResult } from './types';
import { MARK_EXPLANATION } from '../vocabulary';
import { dateRu } from '../meetings/dates';

const MATCHED_TEXT: Record<MatchedBy, string> = {
  id: 'по записи реестра',
  snils: 'по СНИЛС',
  cadastral: 'по кадастровому номеру',
  plot: 'по номеру участка',
  name: 'по ФИО',
};

export function rejectReasonText(
  reason: RejectReason,
  ballot: { receivedAt: string; voterDetail?: string },
  meeting: MeetingSpec,
): string {
  switch (reason) {
    case 'no_signature':
      return 'нет подписи';
    case 'no_details':
      return 'нет данных голосующего';
    case 'pencil':
      return 'заполнен простым карандашом';
    case 'corrections':
      return 'есть исправления';
    case 'no_power_of_attorney':
      return 'представитель без реквизитов доверенности';
    case 'invalid_marks':
      return 'вопрос отмечен неверно (несколько отметок, ни одной или все зачёркнуты), бюллетень недействителен целиком';
    case 'not_found':
      return 'участник не найден в реестре';
    case 'ambiguous':
      return 'по данным бюллетеня в реестре подходят несколько человек';
    case 'snils_not_found':
    case 'cadastral_not_found':
    case 'plot_not_found':
      return `${ballot.voterDetail ?? 'данные голосующего'} не найден в реестре; по ФИО бюллетень не сопоставляется`;
    case 'identity_mismatch':
      return `${ballot.voterDetail ?? 'данные голосующего'} указывают на разных участников реестра; по ФИО бюллетень не сопоставляется`;
    case 'before_period':
      return `получен ${dateRu(ballot.receivedAt)}, до начала голосования (${dateRu(meeting.votingStart)})`;
    case 'after_period':
      return `получен ${dateRu(ballot.receivedAt)}, после окончания голосования (${dateRu(meeting.votingEnd)})`;
    case 'after_session':
      return `получен ${dateRu(ballot.receivedAt)}, после очной части (${dateRu(meeting.sessionDate ?? '')}): по уставу бумажные бюллетени принимаются до её начала`;
    case 'scan_only':
      return 'получен только скан, оригинал не поступил';
  }
}

export function rejectText(outcome: BallotOutcome, meeting: MeetingSpec): string {
  return outcome.reasons.map((r) => rejectReasonText(r, outcome, meeting)).join('; ');
}

function questionList(numbers: readonly number[]): string {
  return numbers.map((n) => `№${n}`).join(', ');
}

/** Why a ballot counts or not: «Принят: участник найден по СНИЛС; получен 08.06.2026, в срок.» */
export function explainBallot(outcome: BallotOutcome, meeting: MeetingSpec, personName?: string): string {
  const who = personName ? `${personName} (${MATCHED_TEXT[outcome.matchedBy ?? 'id']})` : '';
  switch (outcome.status) {
    case 'unmatched':
      return `Не сопоставлен с реестром: ${rejectText(outcome, meeting)}. Требует проверки.`;
    case 'scan_merged': {
      const diff = outcome.scanDiffers?.length
        ? ` Отличается от оригинала по вопросам ${questionList(outcome.scanDiffers)}.`
        : ' Совпадает с оригиналом.';
      return `Скан бюллетеня ${who}: учитывается оригинал ${outcome.originalId}.${diff}`;
    }
    case 'rejected':
      return `Не принят${who ? ` (${who})` : ''}: ${rejectText(outcome, meeting)}.`;
    case 'accepted': {
      const parts = [`Принят: ${who}; получен ${dateRu(outcome.receivedAt)}, в период голосования`];
      if (outcome.scanDiffers?.length) {
        parts.push(
          `оригинал отличается от скана по вопросам ${questionList(outcome.scanDiffers)}, учтён оригинал`,
        );
      }
      if (outcome.invalidQuestions?.length) {
        parts.push(`недействителен по вопросам ${questionList(outcome.invalidQuestions)}`);
      }
      if (outcome.ignoredQuestions?.length) {
        parts.push(
          `голоса по вопросам ${questionList(outcome.ignoredQuestions)} не учитываются: садовод не голосует по ним`,
        );
      }
      return `${parts.join('; ')}.`;
    }
  }
}

/** What a person's decisions rest on, when it is the same for all (or most) questions. */
const BASIS_TEXT: Record<DecisionBasis, string> = {
  single: 'решения взяты из единственного принятого бюллетеня',
  agree: 'принятые бюллетени совпадают, каждый голос учтён один раз',
  latest: 'бюллетени расходятся, учтён полученный последним',
  priority: 'бюллетени расходятся, учтён бюллетень приоритетного канала',
  conflict: 'бюллетени расходятся, голос не учтён (конфликт)',
  not_electorate: 'не голосует: вопрос только для членов товарищества',
  resolved: 'бюллетени расходятся, учтён бюллетень, выбранный счётной комиссией',
};

const INVALID: ReadonlySet<Decision> = new Set(['several', 'all_crossed', 'none']);

/**
 * Why the person at `personIndex` (registry order) counts as they do: role, ballots, what the decisions
 * rest on, and every question that is an exception (not in the electorate, invalid, a disagreement).
 * The decisions themselves are in the vote matrix.
 */
export function explainPerson(result: TallyResult, personIndex: number): string {
  const person = result.persons[personIndex]!;
  const role =
    result.profile.id === 'mkd' || person.status === 'owner'
      ? 'Собственник'
      : person.countsAs === 'member'
        ? 'Член товарищества'
        : 'Садовод без членства';
  if (!person.participated) {
    const rejected = rejectedBallotIds(result, personIndex);
    return rejected.length > 0
      ? `${role}; не принял участие: ни один бюллетень не принят (${rejected.join(', ')}).`
      : `${role}; не принял участие.`;
  }
  const usual = acceptedBallotIds(result, personIndex).length > 1 ? 'agree' : 'single';
  const groups = new Map<string, number[]>();
  const note = (text: string, n: number) => {
    const list = groups.get(text);
    if (list) list.push(n);
    else groups.set(text, [n]);
  };
  result.questions.forEach((q, i) => {
    const d = personDecision(result, personIndex, i);
    const basis = personBasis(result, personIndex, i) ?? 'not_electorate';
    if (basis !== usual)
      note(
        d && basis !== 'conflict' ? `${BASIS_TEXT[basis]}: ${MARK_EXPLANATION[d]}` : BASIS_TEXT[basis],
        q.number,
      );
    if (d && INVALID.has(d)) note(`${MARK_EXPLANATION[d]}, голос недействителен`, q.number);
  });
  const exceptions = [...groups].map(
    ([text, ns]) => `${ns.length > 1 ? 'вопросы' : 'вопрос'} ${questionList(ns)}: ${text}`,
  );
  const ballots = acceptedBallotIds(result, personIndex).join(', ');
  return `${role}; принял участие (${ballots}); ${BASIS_TEXT[usual]}${exceptions.length ? `; ${exceptions.join('; ')}` : ''}.`;
}

export function markText(mark: Mark): string {
  return MARK_EXPLANATION[mark];
}
