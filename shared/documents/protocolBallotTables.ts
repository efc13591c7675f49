/** Appendix tables about ballots: rejected and invalid, representatives, conflicts, scans, unmatched rows. */
import { rejectText } from '../tally/explain';
import { compareSource } from '../tally/sourceOrder';
import type { BallotOutcome } from '../tally/types';
import type { CellValue, ProtocolTable } from './protocolTypes';
import { col, numberedTable, powerOfAttorneyText, voterName, type TableContext } from './protocolTableKit';
import { STATUS_OF_BALLOT, UNMATCHED_TEXT } from './protocolWords';
import { CHANNEL_LABEL, MARK_EXPLANATION, MARK_LABEL } from '../vocabulary';
import { dateRu } from '../meetings/dates';

/** Where a ballot came from, whose it is, how and when it was received. */
function ballotCells(ctx: TableContext, outcome: BallotOutcome): CellValue[] {
  return [
    outcome.source,
    voterName(ctx, outcome),
    CHANNEL_LABEL[outcome.channel],
    dateRu(outcome.receivedAt),
  ];
}

export function rejectedTable(ctx: TableContext): ProtocolTable {
  const rows: CellValue[][] = [];
  // Each row is its own ballot's outcome: sources repeat (every keyed ballot is «ввод с клавиатуры»).
  // Same order as results.json's list (by source, a stable sort).
  const rejected = ctx.result.ballots
    .filter((b) => b.status === 'rejected')
    .sort((a, b) => compareSource(a.source, b.source));
  for (const outcome of rejected) {
    rows.push([...ballotCells(ctx, outcome), 'не принят', rejectText(outcome, ctx.meeting)]);
  }
  // Accepted ballots with badly marked questions: those questions are not counted.
  for (const outcome of ctx.result.ballots) {
    if (outcome.status !== 'accepted' || !outcome.invalidQuestions?.length) continue;
    const marks = ctx.ballotsById.get(outcome.ballotId)?.marks ?? {};
    rows.push([
      ...ballotCells(ctx, outcome),
      'недействителен по вопросам',
      outcome.invalidQuestions.map((n) => `вопрос ${n}: ${MARK_EXPLANATION[marks[n] ?? 'none']}`).join('; '),
    ]);
  }
  return numberedTable(
    {
      key: 'rejected',
      title: 'Недействительные и не принятые бюллетени',
      sheetName: 'Недействительные',
      note: 'Источник: файл и строка, откуда взят бюллетень.',
    },
    [
      col('Источник', 'text', 26),
      col('Участник', 'text', 38),
      col('Способ', 'text', 16),
      col('Получен', 'text', 17),
      col('Итог', 'text', 20),
      col('Причина', 'text', 50),
    ],
    rows,
  );
}

export function representativesTable(ctx: TableContext): ProtocolTable {
  const rows: CellValue[][] = [];
  for (const outcome of ctx.result.ballots) {
    const rep = ctx.ballotsById.get(outcome.ballotId)?.representative;
    if (!rep) continue;
    rows.push([
      rep.fullName,
      voterName(ctx, outcome),
      powerOfAttorneyText(rep),
      outcome.source,
      CHANNEL_LABEL[outcome.channel],
      STATUS_OF_BALLOT[outcome.status],
    ]);
  }
  return numberedTable(
    { key: 'representatives', title: 'Представители и реквизиты доверенностей', sheetName: 'Представители' },
    [
      col('Представитель', 'text', 38),
      col('Кого представляет', 'text', 38),
      col('Доверенность', 'text', 34),
      col('Источник', 'text', 22),
      col('Способ', 'text', 14),
      col('Бюллетень', 'text', 20),
    ],
    rows,
  );
}

export function conflictsTable(ctx: TableContext): ProtocolTable {
  const policy = ctx.results.meeting.conflicts;
  const rows = ctx.results.conflicts.map((c): CellValue[] => {
    const choices = c.choices
      .map(
        (x) =>
          `${x.source} (${CHANNEL_LABEL[x.channel]}, ${dateRu(x.receivedAt)}): ${MARK_EXPLANATION[x.mark]}`,
      )
      .join('; ');
    const how =
      c.resolution === 'resolved'
        ? `решение счётной комиссии${c.reason ? `: ${c.reason}` : ''}`
        : c.resolution === 'flag'
          ? 'голос по вопросу не учтён (решения в бюллетенях расходятся)'
          : c.resolution === 'latest'
            ? 'учтён бюллетень, полученный последним'
            : `учтён по приоритету способов: ${(Array.isArray(policy) ? policy : []).map((x) => CHANNEL_LABEL[x]).join(', ')}`;
    return [c.person, c.question, choices, how, c.counted === null ? 'не учтено' : MARK_LABEL[c.counted]];
  });
  return numberedTable(
    {
      key: 'conflicts',
      title: 'Расхождения решений одного участника и как они разрешены',
      sheetName: 'Конфликты',
    },
    [
      col('Участник', 'text', 36),
      col('Вопрос', 'count', 13),
      col('Бюллетени и решения', 'text', 60),
      col('Как разрешено', 'text', 38),
      col('Учтено', 'text', 16),
    ],
    rows,
  );
}

export function scanDifferencesTable(ctx: TableContext): ProtocolTable {
  const rows = ctx.results.scanDifferences.map((d): CellValue[] => [
    d.person,
    d.source,
    d.original,
    d.questions.join(', '),
  ]);
  return numberedTable(
    {
      key: 'scan_differences',
      title: 'Расхождения скана и оригинала бюллетеня (учтён оригинал)',
      sheetName: 'Скан и оригинал',
    },
    [
      col('Участник', 'text', 44),
      col('Скан', 'text', 32),
      col('Оригинал', 'text', 32),
      col('Вопросы', 'text', 30),
    ],
    rows,
  );
}

export function unmatchedTable(ctx: TableContext): ProtocolTable {
  const rows = [
    ...ctx.results.unmatched.map((u) => [u.source, u.name, UNMATCHED_TEXT[u.reason]]),
    ...ctx.excluded.map((x) => [x.source, x.name, `не участник собрания: ${x.reason}`]),
  ];
  return numberedTable(
    {
      key: 'unmatched',
      title: 'Электронные решения, не учтённые при подсчёте',
      sheetName: 'Не сопоставлены',
    },
    [col('Источник', 'text', 34), col('ФИО в файле', 'text', 60), col('Причина', 'text', 50)],
    rows,
  );
}
