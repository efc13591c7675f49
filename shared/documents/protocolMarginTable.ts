/**
 * The protocol's appendix on how close each decision is (results.json `margin`, shared/tally/margin.ts):
 * per question the decision, how many votes (МКД: m²) «за» would have to lose (adopted) or gain
 * (rejected) to flip it against the question's rule, the ballots still in dispute or left out that bear
 * on it, and whether those alone could flip it.
 */
import { disputeText } from '../tally/margin';
import type { CellValue, ProtocolTable } from './protocolTypes';
import { col, type TableContext } from './protocolTableKit';
import { OUTCOME_LABEL } from '../vocabulary';

export function marginTable(ctx: TableContext): ProtocolTable {
  const decisions = new Map(ctx.results.questions.map((q) => [q.number, q.decision]));
  const unit = ctx.mkd ? 'м²' : 'голосов';
  const rows = ctx.results.margin.map((m): CellValue[] => {
    const decision = decisions.get(m.question) ?? 'no_quorum';
    const verdict =
      m.votes === null
        ? 'решение не принято: нет кворума'
        : m.couldFlip
          ? disputeText({ couldFlip: true, disputed: m.disputed })!
          : m.disputed > 0
            ? 'спорные бюллетени исход не меняют'
            : 'спорных бюллетеней нет';
    const direction = decision === 'adopted' ? 'потерять «за»' : 'добавить «за»';
    return [
      m.question,
      OUTCOME_LABEL[decision],
      m.votes === null ? '—' : `${direction}${ctx.weighted && m.strict ? ' более' : ''}`,
      m.votes,
      m.disputed,
      verdict,
    ];
  });
  return {
    key: 'margin',
    title: 'Насколько близко каждое решение',
    sheetName: 'Запас решений',
    note:
      `Сколько ${ctx.weighted ? `голосов (${unit})` : 'голосов'} изменят решение по правилу вопроса: ` +
      'у принятого — сколько голосов «за» может перейти в «против» или «воздержался», пока решение ' +
      'остаётся принятым, у не принятого — сколько голосов «за» ему не хватило. Рядом — бюллетени, ещё не ' +
      'учтённые или спорные (расхождения, опоздавшие оригиналы, сканы без оригинала, участники не из реестра).',
    columns: [
      col('Вопрос', 'count', 14),
      col('Решение', 'text', 22),
      col('Чтобы изменить решение', 'text', 30),
      col(ctx.weighted ? `Голосов, ${unit}` : 'Голосов', ctx.weighted ? 'weight' : 'count', 22),
      col('Спорных бюллетеней', 'count', 22),
      col('Вывод', 'text', 60),
    ],
    rows,
    inPdf: true,
    inWorkbook: false,
  };
}
