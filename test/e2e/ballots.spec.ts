/**
 * Paper ballots end to end in Chromium on the built renderer: a 10-question meeting with a 300-person
 * registry (imported through the registry screen, the meeting and its agenda made on the meetings
 * screens; the CLI's meeting file written from the stored meeting record), 200
 * ballots keyed with the keyboard only (key sequences from shared/paper/entry/typeBallot: QR codes typed
 * as a scanner does, plot numbers, names, СНИЛС; badly marked questions, void ballots, and a second
 * ballot of one person), the page closed in the middle of a ballot and nothing saved lost, the live
 * figures equal to `golos tally` on the exported batch file, everything kept after a reload, the same
 * file imported back changing nothing and a changed one listing its clash, and the mail log: a scan by
 * e-mail with its image shown beside the form when the original is keyed, and a late original.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { Mark, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { createEntryContext, type EntryContext } from '../../shared/paper/entry/entryContext';
import {
  keysForBallot,
  keysToOpen,
  operatorKeystrokes,
  type BallotToType,
  type FindBy,
} from '../../shared/paper/entry/typeBallot';
import type { ResultsJson } from '../../shared/results/buildResults';
import { readStore } from '../fixtures/appDb';
import { paperMeeting, typicalBallots } from '../fixtures/paperBallots';
import { makePersons } from '../fixtures/persons';
import { pdfPageTexts } from '../fixtures/pdfText';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { chooseFile, createPartnership, downloadFrom, importRegistry } from './helpers';
import { pressKeys } from './pressKeys';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = tempDirUntilExit('golos-e2e-ballots-');
const registryFile = join(dir, 'registry-300.xlsx');
const meetingFile = join(dir, 'meeting.json');
const spec = paperMeeting();
let persons: Person[];

test.beforeAll(async () => {
  persons = makePersons(300, 505, { contacts: false });
  writeFileSync(registryFile, await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Рассвет»')));
  execFileSync('node', ['build/build-node.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
});

const entryArea = (page: Page) => page.getByRole('group', { name: 'Ввод бюллетеня' });
const savedStatus = (page: Page) => page.getByRole('status', { name: 'Сохранение' });

async function openEntry(page: Page, meetingId: string) {
  await page.goto(`/#/meetings/${encodeURIComponent(meetingId)}/entry`);
  await expect(entryArea(page)).toBeFocused();
}

/** The figures of the results screen, question by question. */
async function screenFigures(page: Page) {
  const table = page.getByRole('table', { name: 'Итоги по вопросам' });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const fig = (k: string) =>
        Number(r.querySelector(`[data-figure="${k}"]`)!.textContent!.replace(/\s/g, ''));
      return {
        number: Number(r.querySelector('td.n')!.textContent),
        for: fig('for'),
        against: fig('against'),
        abstain: fig('abstain'),
        invalid: fig('invalid'),
        conflict: fig('conflict'),
        decision: r.querySelector('td.decision')!.textContent,
      };
    }),
  );
}

const DECISION_RU = { adopted: 'принято', rejected: 'не принято', no_quorum: 'нет кворума' } as const;

/** A tiny valid PNG (a grey square), as a scan sent by e-mail. */
function pngBytes(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 40;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(w, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((w + 1) * w, 0x99);
  for (let y = 0; y < w; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('paper ballots: 200 keyed with the keyboard only, live figures equal the CLI, kept across a reload and a closed page, batch exchange, mail log', async ({
  page,
  context,
}) => {
  test.setTimeout(900_000);
  let registry: Person[] = [];
  let ctx: EntryContext;
  const toType: BallotToType[] = [];
  /** The ballot whose person gives a second ballot, and the ballot corrected later. */
  let dup = -1;
  let fixIndex = -1;

  let meetingId = '';
  await test.step('partnership, a 300-person registry, the meeting and its 10-question agenda, all through the UI', async () => {
    await createPartnership(page, { name: 'СНТ «Рассвет»' });
    await importRegistry(page, registryFile, 300);
    await page.getByRole('button', { name: 'Собрания', exact: true }).click();
    await page.getByRole('button', { name: 'Создать собрание' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новое собрание' });
    await dialog.getByLabel('Название собрания').fill(spec.title);
    await dialog.getByLabel('Форма проведения').selectOption({ label: 'очно-заочная' });
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(page.getByRole('heading', { name: spec.title })).toBeVisible();
    meetingId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    expect(meetingId).not.toBe('');

    const form = page.getByRole('form', { name: 'Сведения о собрании' });
    await form.getByLabel('Начало голосования').fill(spec.votingStart);
    await form.getByLabel('Окончание голосования').fill(spec.votingEnd);
    await form.getByLabel('Дата очной части').fill(spec.sessionDate!);
    await form.getByLabel('Время очной части').fill('11:00');
    await form.getByLabel('Место очной части').fill('Площадка у правления');
    await form.getByLabel('Адрес приёма бюллетеней').fill('Правление СНТ «Рассвет»');
    await form.getByLabel('Счётная комиссия').fill('Иванова А. П.\nПетров П. П.');
    await form.getByRole('button', { name: 'Сохранить сведения' }).click();
    await expect(page.getByText('Сведения о собрании сохранены.')).toBeVisible();

    for (const q of spec.questions) {
      await page.getByRole('button', { name: 'Добавить вопрос' }).click();
      const region = page.getByRole('region', { name: `Вопрос ${q.number}`, exact: true });
      await region.getByLabel('Формулировка вопроса').fill(q.text);
      if (q.item) await region.getByLabel('Категория вопроса (пункт закона)').selectOption(q.item);
    }
    await page.getByRole('button', { name: 'Сохранить повестку' }).click();
    await expect(page.getByText('Повестка сохранена.')).toBeVisible();

    // The CLI reads the meeting as the app stored it: kind, form, dates, rules and the agenda.
    const stored = (await readStore<Meeting>(page, 'meetings')).find((m) => m.id === meetingId)!;
    expect(stored.questions.map((q) => [q.number, q.item ?? ''])).toEqual(
      spec.questions.map((q) => [q.number, q.item ?? '']),
    );
    const cli = {
      kind: stored.kind,
      form: stored.form,
      title: stored.title,
      votingStart: stored.votingStart,
      votingEnd: stored.votingEnd,
      ...(stored.sessionDate ? { sessionDate: stored.sessionDate } : {}),
      ...(stored.invalidMarks ? { invalidMarks: stored.invalidMarks } : {}),
      ...(stored.acceptScans !== undefined ? { acceptScans: stored.acceptScans } : {}),
      ...(stored.conflicts ? { conflicts: stored.conflicts } : {}),
      questions: stored.questions.map((q) => ({
        number: q.number,
        text: q.text,
        ...(q.item ? { item: q.item } : {}),
        ...(q.rule ? { rule: q.rule } : {}),
      })),
    };
    writeFileSync(meetingFile, JSON.stringify(cli, null, 2));

    // The registry as the app reads it (primary key order), for the key sequences.
    registry = (await readStore<Person & { nameKey?: string; plotNumbers?: string[] }>(page, 'persons')).map(
      ({ nameKey: _n, plotNumbers: _p, ...p }) => p,
    );
    expect(registry).toHaveLength(300);
    ctx = createEntryContext({
      meeting: stored,
      meetingId,
      registry,
      defaults: { channel: 'paper', copy: 'original', receivedAt: spec.votingEnd },
    });
  });

  await test.step('the ballots to key: 199 persons found four ways, bad marks and void ballots, and a second ballot of one person', async () => {
    const ways: FindBy[] = ['qr', 'plot', 'name', 'snils'];
    const valid = (b: BallotToType) =>
      registry[b.personIndex]!.status === 'member' &&
      !b.voidReasons?.length &&
      Object.values(b.marks).every((m) => m === 'for' || m === 'against' || m === 'abstain');
    const base = typicalBallots(registry, spec, 199, 77, 'qr', meetingId);
    base.forEach((b, i) => toType.push({ ...b, findBy: ways[i % 4]! }));
    // Make sure of some of each kind of invalidity.
    const bad: Mark[] = ['several', 'none', 'all_crossed'];
    for (let i = 0; i < 6; i++)
      toType[10 + i * 7] = {
        ...toType[10 + i * 7]!,
        marks: { ...toType[10 + i * 7]!.marks, 2: bad[i % 3]!, 7: bad[(i + 1) % 3]! },
      };
    toType[20] = { ...toType[20]!, voidReasons: ['no_signature'] };
    toType[33] = { ...toType[33]!, voidReasons: ['pencil', 'corrections'] };
    dup = toType.findIndex((b, i) => i >= 3 && valid(b));
    fixIndex = toType.findIndex((b, i) => i > dup && i < 100 && valid(b));
    // The second ballot: the same member as an early ballot, with another choice on question 1 (a conflict).
    const first = toType[dup]!;
    toType.push({
      ...first,
      findBy: 'name',
      marks: { ...first.marks, 1: first.marks[1] === 'for' ? 'against' : 'for' },
      // Saving a second ballot of a person takes a second Enter.
      second: true,
    });
    expect(toType).toHaveLength(200);
    expect(toType.filter((b) => b.voidReasons?.length).length).toBeGreaterThanOrEqual(2);
  });

  const typeUpTo = async (p: Page, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const keys = keysForBallot(ctx, toType[i]!);
      if (i === 199) {
        // The second ballot of a person: warned at once when the voter is chosen.
        const picked = keysToOpen(ctx, toType[i]!).length;
        await pressKeys(p, keys.slice(0, picked));
        await expect(p.getByRole('alert', { name: 'Предупреждения' })).toContainText('Уже голосовал:');
        await pressKeys(p, keys.slice(picked));
      } else await pressKeys(p, keys);
    }
  };

  await test.step('key 120 ballots with the keyboard only', async () => {
    await openEntry(page, meetingId);
    await expect(page.getByRole('region', { name: 'Клавиши' })).toContainText(
      'нет подписи — бюллетень недействителен',
    );
    await typeUpTo(page, 0, 120);
    await expect(savedStatus(page)).toContainText('Введено бюллетеней (бумажных): 120;', { timeout: 60_000 });
  });

  let current = page;
  await test.step('close the page in the middle of a ballot: nothing saved is lost, nothing half-typed is stored', async () => {
    const keys = keysForBallot(ctx, toType[120]!);
    await pressKeys(current, keys.slice(0, Math.floor(keys.length / 2)));
    await current.close();
    current = await context.newPage();
    await openEntry(current, meetingId);
    await expect(savedStatus(current)).toContainText('Введено бюллетеней (бумажных): 120;');
  });

  await test.step('key the remaining 80 (the half-typed one again, and the second ballot of one person)', async () => {
    await typeUpTo(current, 120, 200);
    await expect(savedStatus(current)).toContainText('Введено бюллетеней (бумажных): 200;', {
      timeout: 60_000,
    });
    const typed = toType.map((b) => operatorKeystrokes(keysForBallot(ctx, b)));
    test.info().annotations.push({
      type: 'keystrokes',
      description: `operator keystrokes per ballot: mean ${(typed.reduce((a, n) => a + n, 0) / typed.length).toFixed(2)}, max ${Math.max(...typed)}`,
    });
  });

  let onScreen: Awaited<ReturnType<typeof screenFigures>> = [];
  await test.step('live results on screen', async () => {
    await current.getByRole('tab', { name: 'Итоги' }).click();
    // Void ballots (no signature, pencil) are not counted: shown apart.
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText(
      /Бюллетеней в подсчёте: 19\d; не учтено: \d+/,
    );
    onScreen = await screenFigures(current);
    expect(onScreen).toHaveLength(10);
    expect(onScreen.reduce((s, q) => s + q.invalid, 0)).toBeGreaterThan(0);
    expect(onScreen[0]!.conflict).toBe(1);
  });

  let batchFile = '';
  await test.step('export the batch file and run `golos tally` on it: the same figures as on screen', async () => {
    await current.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
    // The laptop is named once before its first file.
    await current.getByLabel('Название ноутбука').fill('Ноутбук председателя');
    await current.getByRole('button', { name: 'Сохранить название' }).click();
    await expect(current.getByText('Этот ноутбук: «Ноутбук председателя»')).toBeVisible();
    const exported = await downloadFrom(
      current,
      () => current.getByRole('button', { name: 'Выгрузить файл бюллетеней' }).click(),
      dir,
    );
    expect(exported.download.suggestedFilename()).toMatch(
      /^Бюллетени .+ Ноутбук председателя \d{4}-\d{2}-\d{2} \d{2}-\d{2}\.csv$/,
    );
    batchFile = exported.path;
    const out = join(dir, 'cli-out');
    execFileSync(
      'node',
      [
        join(root, 'dist/cli/golos.mjs'),
        'tally',
        '--registry',
        registryFile,
        '--meeting',
        meetingFile,
        '--paper',
        batchFile,
        '--out',
        out,
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsJson;
    expect(onScreen.map((q) => ({ ...q }))).toEqual(
      results.questions.map((q) => ({
        number: q.number,
        for: q.for,
        against: q.against,
        abstain: q.abstain,
        invalid: q.invalid,
        conflict: q.conflict,
        decision: DECISION_RU[q.decision],
      })),
    );
    await current.getByRole('tab', { name: 'Итоги' }).click();
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText(
      `Кворум: ${results.quorum.reached ? 'есть' : 'не набран'}`,
    );
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText(
      `Участников: ${results.participation.persons}`,
    );
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText(
      `бумажный бюллетень: ${results.participation.byChannel.paper}`,
    );
  });

  await test.step('reload: every ballot and figure is kept', async () => {
    await current.reload();
    // Void ballots (no signature, pencil) are not counted: shown apart.
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText(
      /Бюллетеней в подсчёте: 19\d; не учтено: \d+/,
    );
    expect(await screenFigures(current)).toEqual(onScreen);
    // The channel filter: in-person only counts nothing yet.
    await current.getByRole('checkbox', { name: 'Бумажные' }).uncheck();
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText('Бюллетеней в подсчёте: 0');
    await current.getByRole('checkbox', { name: 'Бумажные' }).check();
  });

  await test.step('batch import: the same file changes nothing; a changed file lists its clash and adds only the new ballot', async () => {
    await current.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
    await chooseFile(current, batchFile, 'Загрузить файл бюллетеней…');
    const plan = current.getByRole('region', { name: 'Загрузка файла бюллетеней' });
    await expect(plan).toContainText(
      'Новых бюллетеней: 0; изменений в бюллетенях, которые уже есть: нет; без изменений: 200; расхождений: 0.',
    );
    await expect(plan.getByRole('button', { name: 'Нечего загружать' })).toBeDisabled();
    await plan.getByRole('button', { name: 'Отмена' }).click();

    // A version 1 file (ballots only, as older versions wrote it) of another laptop: one ballot keyed
    // differently, and one ballot of a person not keyed here.
    const v2 = readFileSync(batchFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(5);
    const cut = v2[0]!.split(';').indexOf('Учёт');
    const lines = v2.map((l) => (l === '' ? l : l.split(';').slice(0, cut).join(';')));
    const header = lines[0]!.split(';');
    const q3 = header.indexOf('3');
    const row = lines[1]!.split(';');
    row[q3] = row[q3] === 'против' ? 'за' : 'против';
    lines[1] = row.join(';');
    const keyed = new Set(toType.map((b) => b.personIndex));
    const fresh = registry.find((_, i) => !keyed.has(i) && registry[i]!.status === 'member')!;
    const extra = lines[2]!.split(';');
    extra[0] = fresh.snils!.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1-$2-$3 $4');
    extra[1] = fresh.holdings[0]!.plotNumber;
    extra[2] = fresh.fullName;
    lines.splice(lines.length - 1, 0, extra.join(';'));
    const changed = join(dir, 'batch-other-laptop.csv');
    writeFileSync(changed, lines.join('\r\n'));
    await chooseFile(current, changed, 'Загрузить файл бюллетеней…');
    await expect(plan).toContainText('Новых: 1; уже есть: 199; расхождений: 1.');
    await expect(current.getByRole('table', { name: 'Расхождения с файлом' })).toContainText('№3');
    await plan.getByRole('button', { name: 'Загрузить новые (1)' }).click();
    await expect(
      current.getByText('Загружено бюллетеней: 1 из файла «batch-other-laptop.csv».'),
      // After the automatic backup before an import (slow on a busy machine).
    ).toBeVisible({ timeout: 60_000 });
    await expect(savedStatus(current)).toContainText('Введено бюллетеней (бумажных): 201;');
    // Importing it again adds nothing.
    await chooseFile(current, changed, 'Загрузить файл бюллетеней…');
    await expect(plan).toContainText('Новых: 0; уже есть: 200; расхождений: 1.');
    await plan.getByRole('button', { name: 'Отмена' }).click();
  });

  await test.step('correct a ballot with a reason: the history keeps the previous version', async () => {
    const b = toType[fixIndex]!;
    const name = registry[b.personIndex]!.fullName;
    await current.getByRole('searchbox', { name: 'Найти бюллетень' }).fill(name);
    await current.getByRole('button', { name: `Исправить: ${name}` }).click();
    const ask = current.getByRole('dialog', { name: 'Исправление бюллетеня' });
    await ask.getByLabel('Причина').fill('опечатка в вопросе 1');
    await ask.getByRole('button', { name: 'Открыть для исправления' }).click();
    await expect(entryArea(current)).toBeFocused();
    await expect(current.getByLabel('Голосующий')).toContainText(`Исправление: ${name}`);
    // Question 1 is under the cursor: change the mark, jump to the end, save.
    const fixed = b.marks[1] === 'abstain' ? '1' : '3';
    await current.keyboard.press(fixed);
    await current.keyboard.press('End');
    await current.keyboard.press('Enter');
    await current.getByRole('button', { name: `История: ${name}` }).click();
    const history = current.getByRole('dialog', { name: `История бюллетеня: ${name}` });
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history).toContainText('исправлен');
    await expect(history).toContainText('опечатка в вопросе 1');
    await expect(history).toContainText('Изменено: №1');
    await history.getByRole('button', { name: 'Закрыть окно' }).click();
  });

  await test.step('mail log: a scan by e-mail with its image, shown beside the form when the original is keyed; a late original', async () => {
    const keyed = new Set(toType.map((b) => b.personIndex));
    const [scanPerson, latePerson] = registry
      .filter((p, i) => !keyed.has(i) && p.status === 'member')
      .slice(5, 7);
    const scanFile = join(dir, 'скан.png');
    writeFileSync(scanFile, pngBytes());
    await current.getByRole('tab', { name: 'Поступление' }).click();
    const form = current.getByRole('form', { name: 'Отметить поступление' });
    await form.getByRole('searchbox', { name: 'Участник' }).fill(scanPerson!.snils!);
    await form.getByRole('searchbox', { name: 'Участник' }).press('Enter');
    await form.getByRole('radio', { name: 'скан по электронной почте' }).check();
    await form.getByLabel('Дата получения').fill('2026-06-05');
    await chooseFile(current, scanFile, 'Приложить файл скана…');
    await expect(form.getByRole('list', { name: 'Приложенные файлы' })).toContainText('скан.png');
    await form.getByRole('button', { name: 'Отметить поступление' }).click();
    const log = current.getByRole('table', { name: 'Журнал поступления бюллетеней' });
    await current.getByRole('searchbox', { name: 'Поиск в журнале' }).fill(scanPerson!.fullName);
    await expect(log.getByRole('row', { name: scanPerson!.fullName })).toContainText('только скан');

    await form.getByRole('searchbox', { name: 'Участник' }).fill(latePerson!.snils!);
    await form.getByRole('searchbox', { name: 'Участник' }).press('Enter');
    await form.getByRole('radio', { name: 'оригинал заказным письмом' }).check();
    await form.getByLabel('Дата получения').fill('2026-06-20');
    await form.getByRole('button', { name: 'Отметить поступление' }).click();
    await expect(
      form.getByText('Поле «Номер отправления»: укажите трек-номер заказного письма.'),
    ).toBeVisible();
    await form.getByLabel('Номер отправления').fill('80081234567890');
    await form.getByRole('button', { name: 'Отметить поступление' }).click();
    await current.getByRole('searchbox', { name: 'Поиск в журнале' }).fill(latePerson!.fullName);
    await expect(log.getByRole('row', { name: latePerson!.fullName })).toContainText(
      'опоздал, не учитывается',
    );
    await expect(log.getByRole('row', { name: latePerson!.fullName })).toContainText('РПО 80081234567890');

    // The scan is keyed from the log: its image is shown beside the form.
    const typeVoter = async (p: Person) => {
      await current.getByRole('tab', { name: 'Ввод бюллетеней' }).click();
      await expect(entryArea(current)).toBeFocused();
      // A СНИЛС is typed after a space (a plot number alone may open a ballot at once).
      await current.keyboard.type(` ${p.snils!}`);
      await current.keyboard.press('Enter');
    };
    await typeVoter(scanPerson!);
    await expect(current.getByLabel('Сообщение ввода')).toContainText(
      'Поступление из журнала: бумажный бюллетень, скан',
    );
    const scan = current.getByRole('region', { name: 'Скан бюллетеня' });
    await expect(scan.getByRole('img', { name: 'Скан: скан.png' })).toBeVisible();
    await expect
      .poll(() => scan.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(40);
    // The last mark saves the ballot.
    for (let i = 0; i < 10; i++) await current.keyboard.press('1');
    await expect(savedStatus(current)).toContainText('Введено бюллетеней (бумажных): 202;');

    // The original arrives by hand; keyed, it shows the scan's marks and highlights the difference.
    await current.getByRole('tab', { name: 'Поступление' }).click();
    await form.getByRole('searchbox', { name: 'Участник' }).fill(scanPerson!.snils!);
    await form.getByRole('searchbox', { name: 'Участник' }).press('Enter');
    await form.getByRole('radio', { name: 'оригинал лично в правление' }).check();
    await form.getByLabel('Дата получения').fill('2026-06-09');
    await form.getByLabel('Отметка о получении').fill('принял Петров 09.06.2026');
    await form.getByRole('button', { name: 'Отметить поступление' }).click();
    await current.getByRole('searchbox', { name: 'Поиск в журнале' }).fill(scanPerson!.fullName);
    await expect(log.getByRole('row', { name: scanPerson!.fullName })).toContainText('оригинал 09.06.2026');
    await typeVoter(scanPerson!);
    await expect(current.getByLabel('Сообщение ввода')).toContainText(
      'Поступление из журнала: бумажный бюллетень, оригинал',
    );
    await expect(scan.getByRole('img', { name: 'Скан: скан.png' })).toBeVisible();
    await current.keyboard.press('1');
    await current.keyboard.press('1');
    await current.keyboard.press('2');
    const q3 = current.getByRole('table', { name: 'Отметки бюллетеня' }).getByRole('row').nth(3);
    await expect(q3).toHaveClass(/differs/);
    await expect(q3).toContainText('≠ скан');
    for (let i = 0; i < 7; i++) await current.keyboard.press('1');
    // Marks that differ from the scan: the last mark does not save; Enter does, once looked at.
    await expect(current.getByLabel('Сообщение ввода')).toContainText('отметки расходятся со сканом');
    await current.keyboard.press('Enter');
    await expect(savedStatus(current)).toContainText('Введено бюллетеней (бумажных): 203;');
    await current.getByRole('tab', { name: 'Поступление' }).click();
    await current.getByRole('searchbox', { name: 'Поиск в журнале' }).fill(scanPerson!.fullName);
    await expect(log.getByRole('row', { name: scanPerson!.fullName })).toContainText(
      'скан и оригинал различаются по вопросам №3',
    );
  });

  await test.step('in-person session: an arrival registered, the attendance list PDF with it, an in-person ballot keyed', async () => {
    const keyed = new Set(toType.map((b) => b.personIndex));
    const visitor = registry.filter((p, i) => !keyed.has(i) && p.status === 'member')[9]!;
    await current.getByRole('tab', { name: 'Очная часть' }).click();
    const form = current.getByRole('form', { name: 'Регистрация прибывшего' });
    await form.getByRole('searchbox', { name: 'Участник' }).fill(visitor.snils!);
    await form.getByRole('searchbox', { name: 'Участник' }).press('Enter');
    await form.getByRole('button', { name: 'Зарегистрировать' }).click();
    await expect(current.getByRole('status', { name: 'Присутствуют' })).toContainText('Присутствуют: 1.');
    const pdf = await downloadFrom(
      current,
      () => current.getByRole('button', { name: 'Лист регистрации (PDF)' }).click(),
      dir,
    );
    const text = pdfPageTexts(new Uint8Array(readFileSync(pdf.path))).join(' ');
    expect(text).toContain('Лист регистрации участников общего собрания');
    expect(text).toContain(visitor.fullName);
    expect(text).toContain('Присутствуют: 1.');

    const area = current.getByRole('group', { name: 'Ввод бюллетеня' });
    await area.focus();
    await current.keyboard.type(` ${visitor.snils!}`);
    await current.keyboard.press('Enter');
    for (let i = 0; i < 10; i++) await current.keyboard.press('2');
    await expect(savedStatus(current)).toContainText('Введено бюллетеней (очно): 1;');
    await current.getByRole('tab', { name: 'Итоги' }).click();
    await current.getByRole('checkbox', { name: 'Бумажные' }).uncheck();
    await expect(current.getByRole('region', { name: 'Кворум' })).toContainText('очно: 1');
    expect((await screenFigures(current))[0]).toMatchObject({ for: 0, against: 1 });
  });
});
