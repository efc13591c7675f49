/**
 * The Gosuslugi import and reconciliation, end to end in Chromium on the built renderer: a registry of
 * 1,605 persons and a 12-question meeting (frozen snapshot, paper ballots stored), a 1,500-row results
 * export imported through the wizard (parsed in the worker), two unmatched rows fixed by picking the
 * person, the same file refused, a conflict with a paper ballot resolved by the commission; the
 * figures on «Сверка» and on «Итоги» equal the command line's results.json for the same files.
 *
 * The command line cannot take the user's decisions, so it runs on the same files with the two rows
 * the user matched by hand corrected in the file (their СНИЛС written in), and the commission's
 * resolution is applied to its figures by hand: the conflict it flags counts the paper ballot's mark.
 */
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ballot, Mark, Person } from '../../shared/domain/types';
import { writeBallotBatch } from '../../shared/paper/ballotBatch';
import type { ResultsJson } from '../../shared/results/buildResults';
import { formatSnils } from '../../shared/registry/snils';
import { largeGosuslugiExport, type LargeExport } from '../fixtures/gosuslugiExports';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { meetingOf, paperRow, registryFile, seedApp } from './gosuslugiSeed';

const root = resolve(import.meta.dirname, '../..');
const dir = tempDirUntilExit('golos-e2e-gosuslugi-');
const files = {
  registry: join(dir, 'registry.xlsx'),
  meeting: join(dir, 'meeting.json'),
  gosuslugi: join(dir, 'gosuslugi-1500x12.xlsx'),
  corrected: join(dir, 'gosuslugi-corrected.xlsx'),
  paper: join(dir, 'paper.csv'),
};
/** The question of the conflict: the paper ballot answers it otherwise than Gosuslugi. */
const CONFLICT_Q = 3;

let big: LargeExport;
let registry: Person[];
let conflictPerson: Person;
let paperMark: Mark;
let paperBallots: Ballot[];
let cliFixed: ResultsJson;

/** The CLI built from cli/golos.ts as build/build-node.mjs builds it, into a folder of its own. */
async function buildCli(): Promise<string> {
  const out = join(root, 'dist/e2e-R6/golos.mjs');
  mkdirSync(join(root, 'dist/e2e-R6'), { recursive: true });
  await build({
    entryPoints: [join(root, 'cli/golos.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return out;
}

function runCli(cli: string, gosuslugi: string, out: string): ResultsJson {
  execFileSync(
    process.execPath,
    [
      cli,
      'tally',
      '--registry',
      files.registry,
      '--meeting',
      files.meeting,
      '--gosuslugi',
      gosuslugi,
      '--paper',
      files.paper,
      '--out',
      out,
    ],
    { cwd: root, stdio: 'pipe' },
  );
  return JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsJson;
}

/** The export with the two rows the user fixes in the app written correctly (СНИЛС and name). */
async function correctedExport(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  for (const f of big.fixable) {
    const p = registry.find((x) => x.id === f.personId)!;
    ws.getRow(f.row).getCell(1).value = p.fullName;
    ws.getRow(f.row).getCell(2).value = formatSnils(p.snils!);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test.beforeAll(async () => {
  big = largeGosuslugiExport(1500, 12, 1500);
  const reg = await registryFile(big.registry);
  registry = reg.registry;
  // The registry read back is the one the export was made from, person for person (ids p1..).
  expect(registry.map((p) => [p.id, p.fullName, p.snils])).toEqual(
    big.registry.map((p) => [p.id, p.fullName, p.snils]),
  );
  writeFileSync(files.registry, reg.bytes);
  // Question 4 is item 21 of 217-ФЗ (gardeners vote too); the others are for members only.
  const agenda = big.agenda.map((q) => (q.number === 4 ? { ...q, item: '21' } : q));
  writeFileSync(files.meeting, meetingOf(agenda).json);
  const bytes = await big.bytes();
  writeFileSync(files.gosuslugi, bytes);
  writeFileSync(files.corrected, await correctedExport(bytes));

  // A member who voted on Gosuslugi (matched by СНИЛС) also sent a paper ballot, otherwise on question 3;
  // and a paper ballot of someone who is not in the registry.
  const row = big.rows.find(
    (r) =>
      r.by === 'snils' &&
      registry.find((p) => p.id === r.personId)!.status === 'member' &&
      r.marks[CONFLICT_Q] !== 'none',
  )!;
  conflictPerson = registry.find((p) => p.id === row.personId)!;
  paperMark = row.marks[CONFLICT_Q] === 'for' ? 'against' : 'for';
  const marks: Record<number, Mark> = { ...row.marks, [CONFLICT_Q]: paperMark };
  const paper = (id: string, voter: Ballot['voter'], m: Record<number, Mark>): Ballot => ({
    id,
    channel: 'paper',
    voter,
    copy: 'original',
    receivedAt: '2026-06-09',
    delivery: 'mail',
    voidReasons: [],
    marks: m,
    source: id,
  });
  paperBallots = [
    paper(
      'paper.csv:2',
      { personId: conflictPerson.id, snils: conflictPerson.snils!, fullName: conflictPerson.fullName },
      marks,
    ),
    paper('paper.csv:3', { snils: '11223344595', fullName: 'Чужаков Семён Ильич' }, marks),
  ];
  writeFileSync(
    files.paper,
    writeBallotBatch(
      paperBallots,
      agenda.map((q) => q.number),
      registry,
    ),
  );

  const cli = await buildCli();
  const original = runCli(cli, files.gosuslugi, join(dir, 'out-original'));
  // The CLI leaves exactly the two rows the user fixes unmatched.
  expect(original.unmatched.map((u) => u.source)).toEqual(
    big.fixable.map((f) => `gosuslugi-1500x12.xlsx:${f.row}`),
  );
  cliFixed = runCli(cli, files.corrected, join(dir, 'out-corrected'));
  expect(cliFixed.unmatched).toEqual([]);
  expect(cliFixed.conflicts.map((c) => [c.personId, c.question, c.counted])).toEqual([
    [conflictPerson.id, CONFLICT_Q, null],
  ]);
});

type Row = string[];

async function figuresOnScreen(page: Page): Promise<Row[]> {
  const table = page.getByRole('table', { name: 'Итоги по вопросам' });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

/** The CLI's figures in the screen's columns: №, for, against, abstain, invalid, conflicts, ignored, decision. */
function cliRows(
  r: ResultsJson,
  adjust?: (q: ResultsJson['questions'][number]) => ResultsJson['questions'][number],
): Row[] {
  const word = { adopted: 'принято', rejected: 'не принято', no_quorum: 'нет кворума' };
  return r.questions.map((q0) => {
    const q = adjust ? adjust(q0) : q0;
    return [q.number, q.for, q.against, q.abstain, q.invalid, q.conflict, q.ignored]
      .map(String)
      .concat(word[q.decision]);
  });
}

const screenRows = (rows: Row[]): Row[] => rows.map((r) => [r[0]!, ...r.slice(2)]);

test('gosuslugi: import 1,500 rows, fix two unmatched, resolve a conflict with a paper ballot, figures equal the CLI', async ({
  page,
}) => {
  const { meeting } = meetingOf(big.agenda.map((q) => (q.number === 4 ? { ...q, item: '21' } : q)));
  await seedApp(page, meeting, registry, [
    paperRow(paperBallots[0]!, conflictPerson.id),
    paperRow(paperBallots[1]!),
  ]);
  await page.goto(`/#/meetings/${meeting.id}/gosuslugi`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Результаты голосования на Госуслугах' })).toBeVisible();

  await test.step('import the export through the wizard: mapping proposed, two rows unmatched', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Загрузить файл результатов…' }).click(),
    ]);
    await chooser.setFiles(files.gosuslugi);
    const columns = page.getByRole('table', { name: 'Столбцы файла' });
    await expect(columns).toBeVisible({ timeout: 60_000 });
    await expect(columns.getByLabel('Что в столбце A')).toHaveValue('field:fullName');
    await expect(columns.getByLabel('Что в столбце B')).toHaveValue('field:snils');
    await expect(columns.getByLabel('Что в столбце C')).toHaveValue('field:cadastral');
    for (let q = 1; q <= 12; q++) {
      await expect(columns.getByLabel(`Что в столбце ${String.fromCharCode(67 + q)}`)).toHaveValue(
        `question:${q}`,
      );
    }
    const counts = page.getByRole('list', { name: 'Итоги проверки файла' });
    await expect(counts).toContainText(/Строк участников: 1\s500/);
    await expect(counts).toContainText('Не найдено: 2, неоднозначно: 0');
    await expect(counts).toContainText(/Будет учтено бюллетеней: 1\s498/);
    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
  });

  await test.step('fix the two unmatched rows by picking the person', async () => {
    const cards = page.getByRole('list', { name: 'Строки для сопоставления' });
    for (const f of big.fixable) {
      const p = registry.find((x) => x.id === f.personId)!;
      const card = cards.getByRole('listitem', { name: `Строка ${f.row}`, exact: true });
      await expect(card).toContainText('в реестре собрания не найден');
      await card.getByLabel(`Найти в реестре: строка ${f.row}`).fill(p.fullName);
      await card.getByRole('button', { name: `Выбрать: ${p.fullName}` }).click();
      await expect(card).toContainText(`Решено: ${p.fullName} (выбран вручную)`);
    }
    await expect(page.getByRole('list', { name: 'Итоги проверки файла' })).toContainText(
      /Будет учтено бюллетеней: 1\s500/,
    );
  });

  await test.step('confirm each row found by the name alone (issue 11): nothing goes on before', async () => {
    const byName = big.rows.filter((r) => r.status === 'matched' && r.by === 'name');
    expect(byName.length).toBeGreaterThan(0);
    await expect(
      page.getByRole('heading', {
        name: `Найдены только по ФИО: строк ${byName.length}, не подтверждено ${byName.length}`,
      }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Далее: подтверждение' })).toBeDisabled();
    const cards = page.getByRole('list', { name: 'Строки, найденные только по ФИО' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await cards.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens-11/name-matches-1366x768.png' });
    for (const r of byName) {
      const p = registry.find((x) => x.id === r.personId)!;
      const card = cards.getByRole('listitem', { name: `Строка ${r.row} (по ФИО)` });
      await expect(card).toContainText(`Найден только по ФИО: ${p.fullName}`);
      await card.getByRole('button', { name: `Подтвердить: это ${p.fullName}` }).click();
      await expect(card).toContainText(`Подтверждено: ${p.fullName}`);
    }
    await expect(
      page.getByRole('heading', { name: `Найдены только по ФИО: строк ${byName.length}, все решены` }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Далее: подтверждение' }).click();
    await expect(page.getByRole('list', { name: 'Что будет учтено' })).toContainText(
      /Будет учтено: 1\s500 бюллетеней/,
    );
    await page.getByRole('button', { name: 'Подтвердить импорт' }).click();
    // The write (after an automatic backup) can take a while on a loaded machine.
    await expect(
      page.getByText(/^Импорт подтверждён: «gosuslugi-1500x12\.xlsx», учтено 1\s500 бюллетеней\.$/),
    ).toBeVisible({ timeout: 60_000 });
  });

  await test.step('the same file again is refused politely', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Загрузить исправленный файл…' }).click(),
    ]);
    await chooser.setFiles(files.gosuslugi);
    await expect(page.getByRole('alert')).toContainText(
      'Файл «gosuslugi-1500x12.xlsx» уже загружен. Ничего не изменено.',
    );
    await page.getByRole('button', { name: 'Закрыть', exact: true }).click();
  });

  await test.step('«Сверка»: before the resolution, the figures equal the CLI on the same files', async () => {
    await page.getByRole('tab', { name: 'Сверка' }).click();
    expect(screenRows(await figuresOnScreen(page))).toEqual(cliRows(cliFixed));
    const summary = page.getByRole('list', { name: 'Участие и кворум' });
    const p = cliFixed.participation;
    await expect(summary).toContainText(
      `Приняли участие: ${p.persons} (членов ${p.members}, садоводов без членства ${p.gardeners}); ` +
        `Госуслуги ${p.byChannel.gosuslugi}, бумажные бюллетени ${p.byChannel.paper}, очно ${p.byChannel.in_person}`,
    );
    await expect(summary).toContainText(
      `Кворум: ${cliFixed.quorum.reached ? 'есть' : 'нет'} (${cliFixed.quorum.share.replace('.', ',')} от ${cliFixed.registry.weightTotal})`,
    );
    // A gardener's decisions on members-only questions and a ballot from outside the registry: not counted.
    const notCounted = page.getByRole('table', { name: 'Не учтённые решения' });
    // Its СНИЛС names nobody: rejected with the reason, never matched by name (issue 11).
    await expect(notCounted.getByRole('row', { name: /paper\.csv:3/ })).toContainText(
      /не учтён: СНИЛС \*\*\*-\*\*\*-\d{3} \d{2} не найден в реестре/,
    );
    const gardenerRows = notCounted.getByRole('row', { name: /садовод без членства не голосует/ });
    expect(await gardenerRows.count()).toBe(cliFixed.participation.gardeners);
    const several = page.getByRole('table', { name: 'Участники с несколькими бюллетенями' });
    await expect(several.getByRole('row', { name: new RegExp(conflictPerson.fullName) })).toContainText(
      `расходятся по вопросам ${CONFLICT_Q}`,
    );
  });

  await test.step('resolve the conflict with the paper ballot: the figures follow', async () => {
    const card = page.getByRole('listitem', {
      name: `Расхождение: ${conflictPerson.fullName}, вопрос ${CONFLICT_Q}`,
    });
    await card.getByLabel(/бумажный бюллетень \(paper\.csv:2\)/).check();
    await card.getByLabel('Причина решения').fill('оригинал бумажного бюллетеня подписан лично');
    await card.getByRole('button', { name: 'Сохранить решение' }).click();
    await expect(card).toContainText('Решение комиссии: учтён бумажный бюллетень (paper.csv:2)');
    await expect(page.getByRole('heading', { name: 'Расхождения: 1, не решено: 0' })).toBeVisible();
    // The flagged vote now counts the paper ballot's mark; the base (participants) is unchanged, and
    // the decision follows the question's majority rule with the quorum the CLI found.
    const key = paperMark as 'for' | 'against';
    const expected = cliRows(cliFixed, (q) => {
      if (q.number !== CONFLICT_Q) return q;
      const moved = { ...q, conflict: Number(q.conflict) - 1, [key]: Number(q[key]) + 1 };
      const votesFor = Number(moved.for);
      const base = Number(q.base);
      const passes = q.majority === 'simple' ? votesFor * 2 > base : votesFor * 3 >= base * 2;
      // The member's vote now counts toward the question's own quorum (217-ФЗ, 2024) too.
      const qq = q.questionQuorum;
      const questionQuorum = !qq.affectsDecision || (qq.voted + 1) * 2 > qq.total;
      return {
        ...moved,
        decision: cliFixed.quorum.reached && questionQuorum ? (passes ? 'adopted' : 'rejected') : 'no_quorum',
      };
    });
    await expect.poll(async () => screenRows(await figuresOnScreen(page))).toEqual(expected);

    // «Итоги» (the live results of the ballots feature) count through the same loader: the same figures.
    await page.getByRole('tab', { name: 'Итоги' }).click();
    const results = page.getByRole('table', { name: 'Итоги по вопросам' });
    await expect(results).toBeVisible();
    const live = await results
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('td')?.textContent ?? '',
          ...['for', 'against', 'abstain', 'invalid', 'conflict'].map((f) =>
            (tr.querySelector(`[data-figure="${f}"]`)?.textContent ?? '').replace(/\D/g, ''),
          ),
          tr.querySelector('td.decision')?.textContent ?? '',
        ]),
      );
    expect(live).toEqual(expected.map((r) => [...r.slice(0, 6), r[7]!]));
  });

  await test.step('the import and the resolution survive a reload', async () => {
    await page.getByRole('tab', { name: 'Сверка' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Расхождения: 1, не решено: 0' })).toBeVisible();
    await page.getByRole('tab', { name: 'Госуслуги' }).click();
    const list = page.getByRole('table', { name: 'Импорты файлов Госуслуг' });
    await expect(list.getByRole('row', { name: /gosuslugi-1500x12\.xlsx/ })).toContainText('действует');
  });
});
