// The results workbook read back with exceljs equals results.json: summary figures, every question's
// figures, every person's decisions; numbers are numbers, weights exact to 0.01, headers frozen, filters on.
import ExcelJS from 'exceljs';
import {
  generatedProtocolSource,
  inPlotOrder,
  sampleProtocolSource,
  type TalliedSource,
} from '../../test/fixtures/protocolData';
import type { Decision } from '../tally/types';
import { buildProtocolModel, NOT_VOTING_WORD } from './protocolModel';
import { buildResultsWorkbook, QUESTIONS_SHEET, SUMMARY_SHEET } from './resultsWorkbook';
import { MARK_LABEL } from '../vocabulary';

async function readBack(source: TalliedSource): Promise<ExcelJS.Workbook> {
  const model = buildProtocolModel(source, { maskSnils: false, today: '2026-06-18' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildResultsWorkbook(model)).buffer as ArrayBuffer);
  return workbook;
}

/** A sheet as objects keyed by its header row. */
function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, ExcelJS.Cell>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return out;
}

/** A count cell must hold that integer; a weight cell the number that prints as the exact decimal string. */
function expectFigure(cell: ExcelJS.Cell, figure: number | string): void {
  expect(typeof cell.value).toBe('number');
  if (typeof figure === 'number') expect(cell.value).toBe(figure);
  else {
    expect((cell.value as number).toFixed(2)).toBe(figure);
    expect(cell.numFmt).toBe('0.00');
  }
}

const WORD_TO_DECISION = new Map<string, Decision | null>([
  ...Object.entries(MARK_LABEL).map(([d, w]) => [w, d as Decision] as const),
  [NOT_VOTING_WORD, null],
]);

function expectEqualsResults(workbook: ExcelJS.Workbook, source: TalliedSource): void {
  const results = source.results;
  const mkd = results.meeting.kind === 'mkd';
  for (const ws of workbook.worksheets) {
    expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter, ws.name).toBeTruthy();
  }

  // Summary: label -> value.
  const summary = new Map(
    records(workbook.getWorksheet(SUMMARY_SHEET)!).map((r) => [
      r['Показатель']!.value as string,
      r['Значение']!,
    ]),
  );
  const s = (label: string) => {
    expect(summary.has(label), label).toBe(true);
    return summary.get(label)!;
  };
  if (mkd) {
    expectFigure(s('Собственников в реестре'), results.registry.members);
    expectFigure(s('Общее число голосов собственников'), results.registry.weightTotal);
    expectFigure(s('Приняли участие собственников'), results.participation.members);
    expectFigure(s('Число голосов принявших участие'), results.participation.weight);
  } else {
    expectFigure(s('Всего в реестре (человек)'), results.registry.persons);
    expectFigure(s('Членов товарищества в реестре'), results.registry.members);
    expectFigure(s('Садоводов без членства в реестре'), results.registry.gardeners);
    expectFigure(s('Приняли участие (человек)'), results.participation.persons);
    expectFigure(s('из них членов товарищества'), results.participation.members);
    expectFigure(s('из них садоводов без членства'), results.participation.gardeners);
  }
  expectFigure(s('Голосовали через Госуслуги'), results.participation.byChannel.gosuslugi);
  expectFigure(s('Голосовали бумажными бюллетенями'), results.participation.byChannel.paper);
  expectFigure(s('Голосовали очно'), results.participation.byChannel.in_person);
  const share = s(mkd ? 'Доля голосов принявших участие' : 'Доля принявших участие членов');
  expect(share.value).toBe(Number(results.quorum.share));
  expect(share.numFmt).toBe('0.00%');
  expect(s('Кворум').value).toBe(results.quorum.reached ? 'имеется' : 'отсутствует');

  // Questions.
  const decisions = { 'Решение принято': 'adopted', 'Решение не принято': 'rejected' } as Record<
    string,
    string
  >;
  decisions['Решение не принято: нет кворума'] = 'no_quorum';
  const questions = records(workbook.getWorksheet(QUESTIONS_SHEET)!);
  expect(questions).toHaveLength(results.questions.length);
  results.questions.forEach((q, i) => {
    const row = questions[i]!;
    expect(row['№']!.value).toBe(q.number);
    expect(row['Вопрос']!.value).toBe(q.text);
    expect(row['Правило']!.value).toBe(q.rule);
    expectFigure(row['За']!, q.for);
    expectFigure(row['Против']!, q.against);
    expectFigure(row['Воздержались']!, q.abstain);
    expectFigure(row['Недействительно']!, q.invalid);
    expectFigure(row['Конфликт']!, q.conflict);
    expectFigure(row['База']!, q.base);
    expectFigure(row['Приняли участие по вопросу']!, q.electorateParticipants);
    expectFigure(row['Отметки не голосующих (не учтены)']!, q.ignored);
    expectFigure(
      row[mkd ? 'Проголосовали по вопросу (собственников)' : 'Проголосовали по вопросу (членов)']!,
      q.questionQuorum.voted,
    );
    expectFigure(row[mkd ? 'Всего собственников' : 'Всего членов']!, q.questionQuorum.total);
    if (q.voters) {
      expectFigure(row['За: собственников']!, q.voters.for);
      expectFigure(row['Конфликт: собственников']!, q.voters.conflict);
    }
    expect(decisions[row['Решение']!.value as string]).toBe(q.decision);
  });

  // Every person's decisions (the matrix holds the whole registry).
  const matrix = records(workbook.getWorksheet('Решения')!);
  expect(matrix).toHaveLength(results.persons.length);
  results.persons.forEach((p, i) => {
    const row = matrix[i]!;
    expect(row['№']!.value).toBe(i + 1);
    expect(row['ФИО']!.value).toBe(p.name);
    expect(row['Принял участие']!.value).toBe(p.participated ? 'да' : 'нет');
    if (mkd) expectFigure(row['Голосов']!, p.weight);
    for (const q of results.questions) {
      const cell = row[`Вопрос ${q.number}`]!.value;
      if (!p.participated) expect(cell, `${p.name}, вопрос ${q.number}`).toBeNull();
      else
        expect(WORD_TO_DECISION.get(cell as string), `${p.name}, вопрос ${q.number}`).toBe(
          p.decisions[String(q.number)],
        );
    }
  });

  // Appendix sheets.
  const participants = records(workbook.getWorksheet('Участники')!);
  expect(participants.map((r) => r['ФИО']!.value)).toEqual(
    inPlotOrder(
      source,
      results.persons.filter((p) => p.participated),
    ).map((p) => p.name),
  );
  const rejected = records(workbook.getWorksheet('Недействительные')!);
  expect(
    rejected
      .filter((r) => r['Итог']!.value === 'не принят')
      .map((r) => [r['Источник']!.value, r['Причина']!.value]),
  ).toEqual(results.rejected.map((r) => [r.source, r.reason]));
  const conflicts = records(workbook.getWorksheet('Конфликты')!);
  expect(conflicts.map((r) => [r['Участник']!.value, r['Вопрос']!.value])).toEqual(
    results.conflicts.map((c) => [c.person, c.question]),
  );
  const unmatched = records(workbook.getWorksheet('Не сопоставлены')!);
  expect(unmatched.map((r) => [r['Источник']!.value, r['ФИО в файле']!.value])).toEqual(
    results.unmatched.map((u) => [u.source, u.name]),
  );
}

describe('results workbook', () => {
  it('reads back equal to results.json for the sample meeting', async () => {
    const sample = await sampleProtocolSource();
    const workbook = await readBack(sample);
    expectEqualsResults(workbook, sample);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Итоги',
      'Вопросы',
      'Участники',
      'Регистрация',
      'Недействительные',
      'Представители',
      'Конфликты',
      'Скан и оригинал',
      'Не сопоставлены',
      'Решения',
    ]);
    const reps = records(workbook.getWorksheet('Представители')!);
    expect(reps.map((r) => r['Доверенность']!.value)).toContain('Доверенность № 7 от 02.06.2026');
  });

  it('reads back equal to results.json for generated meetings, МКД weights as numbers exact to 0.01', async () => {
    for (const kind of ['snt', 'mkd'] as const) {
      const source = generatedProtocolSource(150, 5, 31, kind);
      expectEqualsResults(await readBack(source), source);
    }
  });
});
