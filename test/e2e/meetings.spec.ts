/**
 * Meetings, end to end in Chromium on the built renderer: a partnership with a 300-person registry; a
 * meeting created with Russian validation, its dates typed while the timeline warns and stops warning,
 * six agenda questions with their rules (one overridden, one moved up by keyboard), the registry frozen
 * and re-frozen with a reason, the notice and the ballots PDFs (all 300, a chosen one, a blank one, a
 * cancelled run) read back with poppler, the meetings list with the next deadline, a copy for next year,
 * and that copy deleted (after an automatic backup).
 */
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Person } from '../../shared/domain/types';
import { NOT_YOUR_QUESTION } from '../../shared/documents/ballotsPdf';
import { addDays, formatDateRu } from '../../shared/meetings/dates';
import { makePersons } from '../fixtures/persons';
import { pdfPageCount, pdfPageTexts } from '../fixtures/pdfText';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { AUDIT_ACTIONS } from '../../shared/audit/auditCatalogue';
import { chooseFile, createPartnership, downloadFrom, importRegistry } from './helpers';

const dir = tempDirUntilExit('golos-e2e-meetings-');
const registryFile = join(dir, 'registry-300.xlsx');
const estimateFile = join(dir, 'Смета 2027.pdf');
const ESTIMATE = new TextEncoder().encode('%PDF-1.4 смета на год: 1 400 руб. за сотку');
let persons: Person[];

test.beforeAll(async () => {
  persons = makePersons(300, 4242);
  writeFileSync(registryFile, await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Ромашка»')));
  writeFileSync(estimateFile, ESTIMATE);
});

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const start = addDays(today, 45);
const year = Number(start.slice(0, 4));
const title = `Очередное общее собрание членов СНТ «Ромашка» ${year} года`;

/** Six questions: wording, proposal, item, and the rule the profile gives the item. */
const AGENDA = [
  ['Об избрании председательствующего на собрании', 'Избрать председательствующим Петрова П. П.', '20'],
  ['Об утверждении отчёта правления', 'Утвердить отчёт правления за год', '18'],
  ['Об утверждении приходно-расходной сметы', 'Утвердить смету в редакции материалов собрания', '17'],
  ['О размере и сроке внесения взносов', 'Установить членский взнос 1 400 руб. за сотку', '21'],
  ['Об избрании членов правления', 'Избрать правление по списку', '2'],
  ['О приёме в члены товарищества', 'Принять в члены граждан по списку', '7'],
] as const;
const RULE = {
  members: 'большинство (более половины) голосов членов, принявших участие',
  twoThirds: '2/3 голосов членов, принявших участие',
  twoThirdsAll: '2/3 голосов членов и садоводов, принявших участие',
};

/** The QR code on one page of a PDF: rasterized by poppler, read by jsQR. */
function qrOnPage(pdf: string, page: number): string | undefined {
  const prefix = join(dir, `qr-${page}-${Date.now()}`);
  execFileSync('pdftoppm', [
    '-r',
    '150',
    '-png',
    '-singlefile',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    pdf,
    prefix,
  ]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  )?.data;
}

const meetingIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');

const question = (page: Page, n: number) => page.getByRole('region', { name: `Вопрос ${n}`, exact: true });
const liveWarnings = (page: Page) =>
  page
    .getByRole('region', { name: 'Сроки по мере ввода' })
    .getByRole('list', { name: 'Предупреждения о сроках' });

test('meetings: create, dates with live warnings, agenda with rules, snapshot, notice and ballots PDFs, copy, delete', async ({
  page,
}) => {
  await test.step('partnership and a registry of 300', async () => {
    await createPartnership(page, { name: 'СНТ «Ромашка»', address: 'Московская обл., д. Ивановка' });
    await importRegistry(page, registryFile, 300);
  });

  await test.step('create a meeting: the title is required', async () => {
    await page.getByRole('button', { name: 'Собрания', exact: true }).click();
    await expect(page.getByText('Собраний пока нет.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Создать собрание' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новое собрание' });
    await dialog.getByLabel('Название собрания').fill('  ');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(dialog.getByText('Укажите название собрания.')).toBeVisible();
    await dialog.getByLabel('Название собрания').fill(title);
    await dialog.getByLabel('Форма проведения').selectOption({ label: 'очно-заочная' });
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  });

  const form = page.getByRole('form', { name: 'Сведения о собрании' });

  await test.step('details: errors next to the fields, then the dates with a live timeline', async () => {
    await form.getByRole('button', { name: 'Сохранить сведения' }).click();
    await expect(form.getByText('Укажите дату начала голосования.')).toBeVisible();
    await expect(form.getByText('Укажите дату окончания голосования.')).toBeVisible();
    await expect(form.getByText('Укажите место очной части собрания.')).toBeVisible();
    await expect(form.getByText('Укажите, куда сдавать или отправлять бумажные бюллетени.')).toBeVisible();

    await form.getByLabel('Начало голосования').fill(start);
    await form.getByLabel('Окончание голосования').fill(addDays(start, -1));
    await expect(
      form.getByText(`Окончание голосования раньше его начала (${formatDateRu(start)}).`),
    ).toBeVisible();
    await form.getByLabel('Окончание голосования').fill(addDays(start, 19));
    await expect(form.getByText('Окончание голосования раньше его начала', { exact: false })).toHaveCount(0);
    await form.getByLabel('Дата очной части').fill(start);
    await form.getByLabel('Время очной части').fill('11:00');
    await form.getByLabel('Место очной части').fill('Площадка у правления, ул. Центральная, 1');
    await form.getByLabel('Адрес приёма бюллетеней').fill('д. Ивановка, ул. Центральная, 1, правление');
    await form.getByLabel('Последний день приёма бюллетеней').fill(addDays(start, 9));
    await form.getByLabel('Дата подсчёта голосов').fill(addDays(start, 20));
    await form.getByLabel('Место подсчёта голосов').fill('Правление');
    await form.getByLabel('Дата размещения материалов').fill(addDays(start, -20));
    await form.getByLabel('Где ознакомиться с материалами').fill('в правлении по субботам с 10 до 14');
    await form.getByLabel('Председательствующий').fill('Петров Пётр Петрович');
    await form.getByLabel('Секретарь собрания').fill('Сидорова Светлана Сергеевна');
    await form.getByLabel('Счётная комиссия').fill('Иванов И. И.\nКузнецова К. К.');

    // A notice a week ahead breaks the law's 14 days: the warning appears as the date is typed...
    await form.getByLabel('Дата уведомления').fill(addDays(start, -7));
    await expect(liveWarnings(page)).toContainText('нарушен минимальный срок по закону — не менее 14 дней');
    // ...and goes when the notice moves to 31 days ahead.
    await form.getByLabel('Дата уведомления').fill(addDays(start, -31));
    await expect(liveWarnings(page)).toHaveCount(0);
    await expect(page.getByText('Нарушений сроков не найдено.')).toBeVisible();

    await form.getByRole('button', { name: 'Сохранить сведения' }).click();
    await expect(page.getByText('Сведения о собрании сохранены.')).toBeVisible();
  });

  await test.step('agenda: six questions, the rule of each category in plain Russian', async () => {
    for (const [i, [text, proposal, item]] of AGENDA.entries()) {
      await page.getByRole('button', { name: 'Добавить вопрос' }).click();
      const q = question(page, i + 1);
      await q.getByLabel('Формулировка вопроса').fill(text);
      await q.getByLabel('Проект решения').fill(proposal);
      await q.getByLabel('Категория вопроса (пункт закона)').selectOption(item);
    }
    await expect(question(page, 1)).toContainText(`Правило: ${RULE.members}`);
    await expect(question(page, 3)).toContainText(`Правило: ${RULE.twoThirds}`);
    await expect(question(page, 4)).toContainText(`Правило: ${RULE.twoThirdsAll}`);
    await expect(question(page, 5)).toContainText(`Правило: ${RULE.twoThirds}`);
    await expect(question(page, 6)).toContainText(`Правило: ${RULE.members}`);
    await expect(question(page, 4)).toContainText('21 — размер и сроки внесения взносов');

    // Question 6 (admission) moves above 5 from the keyboard; focus follows the question.
    await question(page, 6).getByRole('button', { name: 'Поднять вопрос 6' }).focus();
    await page.keyboard.press('Enter');
    await expect(question(page, 5).getByLabel('Формулировка вопроса')).toHaveValue(AGENDA[5][0]);
    await expect(question(page, 6).getByLabel('Формулировка вопроса')).toHaveValue(AGENDA[4][0]);
    await expect(page.getByRole('button', { name: 'Поднять вопрос 5' })).toBeFocused();

    // Admission gets a 2/3 rule by hand: the badge and the profile's rule show.
    const admission = question(page, 5);
    await admission.getByLabel('задать правило для этого вопроса вручную').check();
    await admission.getByLabel('Большинство').selectOption('two_thirds');
    await expect(admission).toContainText(`Правило: ${RULE.twoThirds}`);
    await expect(admission.getByText('правило изменено')).toBeVisible();
    await expect(admission).toContainText(`по профилю: ${RULE.members}`);

    // Materials: a file attached to the estimate question, kept with the meeting.
    await chooseFile(page, estimateFile, 'Прикрепить материалы к вопросу 3');
    await expect(question(page, 3).getByRole('list', { name: 'Материалы к вопросу 3' })).toContainText(
      `Смета 2027.pdf (${ESTIMATE.length} Б)`,
    );

    // An empty question is refused next to its field.
    await page.getByRole('button', { name: 'Добавить вопрос' }).click();
    await page.getByRole('button', { name: 'Сохранить повестку' }).click();
    await expect(question(page, 7).getByText('Укажите формулировку вопроса.')).toBeVisible();
    await question(page, 7).getByRole('button', { name: 'Удалить вопрос 7' }).click();
    await page.getByRole('button', { name: 'Сохранить повестку' }).click();
    await expect(page.getByText('Повестка сохранена.')).toBeVisible();

    const kept = await downloadFrom(
      page,
      () => question(page, 3).getByRole('button', { name: 'Сохранить копию' }).click(),
      dir,
    );
    expect(kept.download.suggestedFilename()).toBe('Смета 2027.pdf');
    expect(new Uint8Array(readFileSync(kept.path))).toEqual(ESTIMATE);

    const printed = page.getByRole('list', { name: 'Повестка в документах' });
    await expect(printed.getByRole('listitem')).toHaveCount(6);
    await expect(printed.getByRole('listitem').nth(4)).toContainText(AGENDA[5][0]);
    await expect(printed.getByRole('listitem').nth(4)).toContainText('правило изменено');
  });

  await test.step('the remote form warns about items it may not decide, live', async () => {
    await form.getByLabel('Форма проведения').selectOption({ label: 'заочная' });
    await expect(liveWarnings(page)).toContainText(
      'Вопрос 3 (пункт 17) не может решаться заочным голосованием',
    );
    await expect(question(page, 4)).toContainText('пункт 21) не может решаться заочным голосованием');
    await form.getByLabel('Форма проведения').selectOption({ label: 'очно-заочная' });
    await expect(liveWarnings(page)).toHaveCount(0);
  });

  await test.step('voting starts: the registry is frozen, then re-frozen with a reason', async () => {
    await page.getByRole('button', { name: 'Начать голосование — зафиксировать реестр' }).click();
    await page
      .getByRole('dialog', { name: 'Зафиксировать реестр для подсчёта?' })
      .getByRole('button', { name: 'Зафиксировать реестр' })
      .click();
    await expect(page.getByRole('status', { name: 'Снимок реестра' })).toContainText('300 человек');
    await page.getByRole('button', { name: 'Обновить снимок реестра…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Обновить снимок реестра' });
    await dialog.getByRole('button', { name: 'Обновить снимок' }).click();
    await expect(dialog.getByText('Укажите причину обновления снимка (не короче 5 знаков).')).toBeVisible();
    await dialog.getByLabel('Причина обновления').fill('Исправлен статус участника 12 по заявлению');
    await dialog.getByRole('button', { name: 'Обновить снимок' }).click();
    await expect(dialog).toBeHidden();
    const history = page.getByRole('table', { name: 'Снимки реестра' });
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history).toContainText('Начало голосования');
    await expect(history).toContainText('Исправлен статус участника 12 по заявлению');
  });

  await test.step('the notice PDF carries the agenda and the dates', async () => {
    const { path } = await downloadFrom(
      page,
      () => page.getByRole('button', { name: 'Уведомление (PDF)' }).click(),
      dir,
    );
    const text = pdfPageTexts(readFileSync(path)).join(' ');
    expect(text).toContain('УВЕДОМЛЕНИЕ');
    for (const [i, [wording]] of [AGENDA[0], AGENDA[1], AGENDA[2], AGENDA[3], AGENDA[5], AGENDA[4]].entries())
      expect(text).toContain(`${i + 1}. ${wording}`);
    expect(text).toContain(`с ${formatDateRu(start)} по ${formatDateRu(addDays(start, 19))}`);
    expect(text).toContain('д. Ивановка, ул. Центральная, 1, правление');
  });

  await test.step('ballots for all 300: one sheet each, names and the gardeners’ marks', async () => {
    const { path, download } = await downloadFrom(
      page,
      () => page.getByRole('button', { name: 'Бюллетени для всех (300)' }).click(),
      dir,
      120_000,
    );
    expect(download.suggestedFilename()).toBe(`Бюллетени 300 — ${title}.pdf`);
    const bytes = readFileSync(path);
    expect(pdfPageCount(bytes)).toBe(300);
    const pages = pdfPageTexts(bytes);
    const sample = persons[41]!;
    const own = pages.filter((t) => t.includes(sample.fullName));
    expect(own).toHaveLength(1);
    expect(own[0]).toContain('лист 1 из 1');
    const gardener = persons.find((p) => p.status === 'gardener')!;
    expect(pages.find((t) => t.includes(gardener.fullName))).toContain(NOT_YOUR_QUESTION);
    for (const p of persons.slice(0, 20)) expect(pages.some((t) => t.includes(p.fullName))).toBe(true);
    // Each sheet's QR names this meeting, a person and the sheet.
    const qr = qrOnPage(path, 150);
    expect(qr).toMatch(new RegExp(`^GOLOS1\\|${encodeURIComponent(meetingIdOf(page))}\\|[^|]+\\|1/1$`));
  });

  await test.step('ballots for a chosen voter, a blank ballot, and a cancelled run', async () => {
    const sample = persons[7]!;
    await page.getByRole('button', { name: 'Бюллетени для выбранных…' }).click();
    const picker = page.getByRole('dialog', { name: 'Бюллетени для выбранных участников' });
    await picker.getByRole('button', { name: /Создать бюллетени/ }).click();
    await expect(picker.getByText('Отметьте хотя бы одного участника.')).toBeVisible();
    await picker.getByLabel('Поиск').fill(sample.fullName);
    await picker.getByRole('checkbox', { name: new RegExp(sample.fullName) }).check();
    await expect(picker.getByRole('status', { name: 'Выбрано участников' })).toHaveText('Выбрано: 1 из 300');
    const chosen = await downloadFrom(
      page,
      () => picker.getByRole('button', { name: 'Создать бюллетени (1)' }).click(),
      dir,
    );
    const chosenPages = pdfPageTexts(readFileSync(chosen.path));
    expect(chosenPages).toHaveLength(1);
    expect(chosenPages[0]).toContain(sample.fullName);
    expect(chosenPages[0]).not.toContain(persons[8]!.fullName);

    const blank = await downloadFrom(
      page,
      () => page.getByRole('button', { name: 'Пустой бюллетень' }).click(),
      dir,
    );
    const blankText = pdfPageTexts(readFileSync(blank.path)).join(' ');
    expect(blankText).toContain('БЮЛЛЕТЕНЬ ДЛЯ ГОЛОСОВАНИЯ');
    expect(blankText).toContain(AGENDA[3][0]);
    expect(persons.some((p) => blankText.includes(p.fullName))).toBe(false);
    expect(qrOnPage(blank.path, 1)).toBe(`GOLOS1|${encodeURIComponent(meetingIdOf(page))}||1/1`);

    await page.getByRole('button', { name: 'Бюллетени для всех (300)' }).click();
    await expect(page.getByRole('progressbar', { name: 'Создание: Бюллетени (300)' })).toBeVisible();
    await page.getByRole('button', { name: 'Отменить', exact: true }).click();
    await expect(page.getByText('Бюллетени (300): отменено.')).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Бюллетени для всех (300)' })).toBeEnabled();
  });

  await test.step('the timeline tab and the meetings list show the next deadline', async () => {
    await page.getByRole('tab', { name: 'Сроки' }).click();
    const dates = page.getByRole('table', { name: 'Даты собрания' });
    await expect(dates.getByRole('row', { name: /Уведомление о собрании/ })).toContainText('через 14 дней');
    await expect(dates.getByRole('row', { name: /Срок составления протокола/ })).toContainText(
      formatDateRu(addDays(start, 26)),
    );
    await page.getByRole('button', { name: 'Собрания', exact: true }).click();
    const row = page.getByRole('table', { name: 'Собрания' }).getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText(`Уведомление о собрании: ${formatDateRu(addDays(start, -31))}`);
    await expect(row).toContainText('через 14 дней');
    await expect(row.getByRole('cell').nth(3)).toHaveText('6');
  });

  await test.step('copy for next year: agenda and overrides kept, dates cleared', async () => {
    await page.getByRole('button', { name: `Копировать: ${title}` }).click();
    const nextTitle = title.replace(String(year), String(year + 1));
    await expect(page.getByRole('heading', { name: nextTitle })).toBeVisible();
    await expect(form.getByLabel('Начало голосования')).toHaveValue('');
    await expect(question(page, 6).getByLabel('Формулировка вопроса')).toHaveValue(AGENDA[4][0]);
    await expect(question(page, 5).getByText('правило изменено')).toBeVisible();
    await expect(question(page, 3).getByRole('list', { name: 'Материалы к вопросу 3' })).toContainText(
      'Смета 2027.pdf',
    );
    await expect(
      page.getByText('Реестр ещё не зафиксирован: документы и подсчёт берут текущий реестр (300 человек)', {
        exact: false,
      }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Собрания', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Собрания' }).getByRole('row')).toHaveCount(3);
  });

  await test.step('the copy deleted: what it holds is named, a backup is made first', async () => {
    const nextTitle = title.replace(String(year), String(year + 1));
    await page.getByRole('button', { name: `Удалить: ${nextTitle}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Удалить собрание?' });
    await expect(dialog).toContainText(
      `Собрание «${nextTitle}» будет удалено вместе со всем, что в нём хранится: файлов: 1.`,
    );
    await dialog.getByRole('button', { name: 'Удалить собрание' }).click();
    await expect(
      page.getByText(`Собрание «${nextTitle}» удалено (файлов: 1).`, { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Собрания' }).getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('button', { name: `Копировать: ${title}` })).toBeVisible();
    await page.getByRole('button', { name: 'Резервные копии' }).click();
    await expect(page.getByText('перед удалением собрания').first()).toBeVisible();
  });

  await test.step('every change is in the audit trail', async () => {
    await page.getByRole('button', { name: 'Журнал изменений' }).click();
    for (const action of [
      'meeting.create',
      'meeting.agenda',
      'snapshot.create',
      'snapshot.replace',
      'meeting.copy',
      'meeting.delete',
    ] as const)
      await expect(
        page
          .getByRole('table', { name: 'Записи журнала' })
          .getByRole('cell', { name: new RegExp(`^${AUDIT_ACTIONS[action].label}`) })
          .first(),
      ).toBeVisible();
  });
});
