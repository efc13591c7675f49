/** One agenda question of the protocol: its figures, shares of the base, the rule and the decision. */
import { fromInt, isZero, mul, rational, toDecimal, type Rational } from '../arith/rational';
import type { Figure, ResultsJson } from '../results/buildResults';
import type { TallyResult } from '../tally/types';
import { formatFigure, formatPercent } from './figuresRu';
import type { ProtocolMeeting, ProtocolQuestion, ProtocolTallyRow, TallyKey } from './protocolTypes';
import { OUTCOME_SENTENCE, TALLY_LABEL } from '../vocabulary';

export function percentOf(part: Rational, base: Rational): string | null {
  if (isZero(base)) return null;
  return toDecimal(mul(rational(part.n * base.d, part.d * base.n), fromInt(100)), 2);
}

/** What a question's text needs beyond its own figures. */
export interface QuestionContext {
  meeting: ProtocolMeeting;
  mkd: boolean;
  /** The meeting's quorum: without it no question is decided. */
  quorumReached: boolean;
  /** `18` -> `18` or `18,00 кв. м`. */
  weight: (f: Figure) => string;
}

const LAW_217 = 'Федерального закона № 217-ФЗ';

export function questionModel(
  q: ResultsJson['questions'][number],
  outcome: TallyResult['questions'][number],
  ctx: QuestionContext,
): ProtocolQuestion {
  const { meeting, mkd } = ctx;
  const keys: TallyKey[] = ['for', 'against', 'abstain', 'invalid', 'conflict'];
  const rows = keys.map((key): ProtocolTallyRow => ({
    key,
    label: key === 'conflict' ? `${TALLY_LABEL.conflict} (не учтено)` : TALLY_LABEL[key],
    value: q[key],
    percent: percentOf(outcome.weights[key], outcome.base),
    ...(q.voters ? { persons: q.voters[key] } : {}),
  }));
  const who = q.electorate === 'members_and_gardeners' ? 'членов и садоводов' : 'членов';
  const baseLabel =
    q.baseKind === 'all'
      ? mkd
        ? 'Общее число голосов собственников (база)'
        : `Общее число ${who} (база)`
      : mkd
        ? 'Голосов собственников, принявших участие (база)'
        : `Приняли участие ${who} (база)`;
  const qq = q.questionQuorum;
  const agendaItem = meeting.questions.find((x) => x.number === q.number);
  const proposal = agendaItem?.proposal?.trim();
  const threshold =
    q.majority === 'two_thirds'
      ? { share: 2 / 3, label: '2/3' }
      : q.majority === 'unanimous'
        ? { share: 1, label: '100 %' }
        : { share: 0.5, label: '50 %' };
  const figuresText = rows
    .filter((r) => r.key === 'for' || r.key === 'against' || r.key === 'abstain')
    .map(
      (r) =>
        `«${r.label.toLowerCase()}» — ${ctx.weight(r.value)}` +
        (r.percent === null ? '' : ` (${formatPercent(r.percent)})`),
    )
    .join(', ');
  const decisionText =
    q.decision !== 'no_quorum'
      ? OUTCOME_SENTENCE[q.decision]
      : !ctx.quorumReached
        ? 'Решение не принято: нет кворума собрания'
        : qq.applies && !qq.reached
          ? 'Решение не принято: по вопросу проголосовало не более половины членов товарищества'
          : OUTCOME_SENTENCE.no_quorum;
  const resolved = q.decision === 'adopted' ? `${decisionText}: ${proposal || q.text}` : decisionText;
  return {
    number: q.number,
    text: q.text,
    ...(proposal ? { proposal } : {}),
    speaker: agendaItem?.speaker?.trim() ?? '',
    proposed: proposal || q.text,
    figuresText,
    resolved,
    dissenters: (meeting.dissents ?? [])
      .filter((d) => d.question === q.number && d.name.trim())
      .map((d) => d.name.trim()),
    rule: q.rule,
    majority: q.majority,
    electorate: q.electorate,
    rows,
    base: q.base,
    baseLabel,
    electorateParticipants: q.electorateParticipants,
    ignored: q.ignored,
    questionQuorum: {
      applies: qq.applies,
      voted: qq.voted,
      total: qq.total,
      reached: qq.reached,
      affectsDecision: qq.affectsDecision,
      text: qq.applies
        ? `По вопросу проголосовали ${formatFigure(qq.voted)} из ${formatFigure(qq.total)} членов товарищества: ` +
          `${qq.reached ? 'более' : 'не более'} половины (ст. 17 ${LAW_217}).`
        : `По вопросу проголосовали (за, против или воздержались) ${formatFigure(qq.voted)} из ` +
          `${formatFigure(qq.total)} ${mkd ? 'собственников' : 'членов товарищества'}.`,
    },
    remoteForbidden: !q.remoteForbidden
      ? null
      : mkd
        ? 'Этот вопрос не может решаться заочным голосованием.'
        : `Этот вопрос не может решаться заочным голосованием (ч. 22 ст. 17 ${LAW_217}).`,
    decision: q.decision,
    decisionText,
    threshold,
  };
}
