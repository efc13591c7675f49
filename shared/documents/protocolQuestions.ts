/** One agenda question of the protocol: its figures, shares of the base, the rule and the decision. */
import { fromInt, isZero, mul, rational, toDecimal, type Rational } from '../arith/rational';
import type { ResultsJson } from '../results/buildResults';
import type { TallyResult } from '../tally/types';
import { formatFigure } from './figuresRu';
import type { ProtocolMeeting, ProtocolQuestion, ProtocolTallyRow, TallyKey } from './protocolTypes';
import { DECISION_TEXT } from './protocolWords';

export function percentOf(part: Rational, base: Rational): string | null {
  if (isZero(base)) return null;
  return toDecimal(mul(rational(part.n * base.d, part.d * base.n), fromInt(100)), 2);
}

const TALLY_LABELS: Record<TallyKey, string> = {
  for: 'За',
  against: 'Против',
  abstain: 'Воздержались',
  invalid: 'Недействительно',
  conflict: 'Конфликт (не учтено)',
};

export function questionModel(
  q: ResultsJson['questions'][number],
  outcome: TallyResult['questions'][number],
  meeting: ProtocolMeeting,
  mkd: boolean,
): ProtocolQuestion {
  const keys: TallyKey[] = ['for', 'against', 'abstain', 'invalid', 'conflict'];
  const rows = keys.map((key): ProtocolTallyRow => ({
    key,
    label: TALLY_LABELS[key],
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
  const proposal = meeting.questions.find((x) => x.number === q.number)?.proposal?.trim();
  const threshold =
    q.majority === 'two_thirds'
      ? { share: 2 / 3, label: '2/3' }
      : q.majority === 'unanimous'
        ? { share: 1, label: '100 %' }
        : { share: 0.5, label: '50 %' };
  return {
    number: q.number,
    text: q.text,
    ...(proposal ? { proposal } : {}),
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
          `${qq.reached ? 'более' : 'не более'} половины (ч. 19.1 ст. 17 217-ФЗ)` +
          (qq.affectsDecision ? '.' : '; на решение не влияет по профилю правил.')
        : `По вопросу проголосовали (за, против или воздержались) ${formatFigure(qq.voted)} из ` +
          `${formatFigure(qq.total)} ${mkd ? 'собственников' : 'членов товарищества'}.`,
    },
    remoteForbidden: q.remoteForbidden
      ? 'По закону этот вопрос не может решаться заочным голосованием.'
      : null,
    decision: q.decision,
    decisionText: DECISION_TEXT[q.decision],
    threshold,
  };
}
