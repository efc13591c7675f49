/**
 * Data checked against its history, end to end in Chromium on the built renderer: a registry imported
 * through the UI and a meeting's ballots stored with their audit entry; then, behind the app's back (the
 * page's own IndexedDB access, as developer tools would), one ballot's mark is edited, another ballot
 * deleted and a third added. «Проверить целостность» names all three; the protocol is held back until the
 * commission records a reason, which the PDF then prints beside the QR code's proof.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ballot, Mark, Person } from '../../shared/domain/types';
import { parseProtocolQr } from '../../shared/documents/protocolProof';
import { currentVersion } from '../../shared/paper/ballotRecord';
import { makeBallots, makeMeeting } from '../bench/tallyData';
import { putAuditedRows, putRows, readStore } from '../fixtures/appDb';
import { meetingRecords } from '../fixtures/meetingRecords';
import { pageQrText } from '../fixtures/pdfQr';
import { pdfPageTexts } from '../fixtures/pdfText';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { createPartnership, downloadFrom, importRegistry } from './helpers';
import type { PaperBallotRow } from '../../renderer/db/records';

const dir = tempDirUntilExit('golos-e2e-integrity-');
const MARK = { for: 'за', against: 'против', abstain: 'воздержался' } as Record<string, string>;

interface Seeded {
  /** The stored paper and in-person ballots that mark question 3. */
  marked: PaperBallotRow[];
  /** Every ballot stored (paper, in person, Gosuslugi); `<channel>:<i>` is cast by registry[i]. */
  ballots: Ballot[];
  registry: Person[];
}

async function seed(page: Page): Promise<Seeded> {
  const persons = makePersons(40, 12, { contacts: false });
  const file = join(dir, 'registry.xlsx');
  writeFileSync(file, await writeRegistryXlsx(largeRegistrySheet(persons, 'СНТ «Проверка»')));
  await createPartnership(page, { name: 'СНТ «Проверка»' });
  await importRegistry(page, file, 40);
  const registry = await readStore<Person>(page, 'persons');
  const spec = makeMeeting(4, 'snt');
  const [partnership] = await readStore<{ id: string }>(page, 'partnership');
  const ballots = makeBallots(registry, spec, 12);
  const records = meetingRecords(spec, ballots, {
    meetingId: 'meeting-i',
    partnershipId: partnership!.id,
    scans: 0,
  });
  await putAuditedRows(page, {
    meetings: [records.meeting],
    paperBallots: records.paperBallots,
    gosuslugiImports: records.gosuslugiImports,
  });
  const marked = records.paperBallots.filter((r) => currentVersion(r).ballot.marks[3] !== undefined);
  return { marked, ballots, registry };
}

const CHOICES: readonly Mark[] = ['for', 'against', 'abstain'];
const clean = (b: Ballot) =>
  b.copy === 'original' &&
  b.receivedAt <= '2026-06-14' &&
  b.voidReasons.length === 0 &&
  b.representative === undefined &&
  Object.values(b.marks).every((m) => CHOICES.includes(m));

/**
 * A member's paper ballot whose question 1 counts: every ballot the member cast is an original received in
 * time, without a void reason or a bad mark, and all agree on question 1 (no in-person ballot, so the
 * list shows one row under the name). With the meeting's conflicts policy «flag», changing its mark takes
 * the member's vote off the old choice, and puts it on the new one only when it is the member's sole ballot.
 */
function countedPaperBallot(s: Seeded, skip: ReadonlySet<string>) {
  for (const b of s.ballots) {
    const i = Number(b.id.split(':')[1]);
    const own = s.ballots.filter((o) => o.id.split(':')[1] === String(i));
    if (
      b.channel === 'paper' &&
      !skip.has(b.id) &&
      s.registry[i]!.status === 'member' &&
      own.every((o) => o.channel !== 'in_person' && clean(o) && o.marks[1] === b.marks[1])
    ) {
      return { ballot: b, person: s.registry[i]!, sole: own.length === 1 };
    }
  }
  throw new Error('no member with a counted paper ballot in the seed');
}

const protocolTab = async (page: Page) => {
  await page.goto('/#/meetings/meeting-i/protocol');
  await page.reload();
  await expect(page.getByRole('article', { name: 'Предпросмотр протокола' })).toBeVisible({
    timeout: 60_000,
  });
};

test('a ballot edited, one deleted and one added outside the app are named; the protocol waits for a reason', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const seeded = await seed(page);
  const ballots = seeded.marked;
  await protocolTab(page);
  await expect(page.getByRole('button', { name: 'Скачать PDF' })).toBeEnabled();
  await expect(page.getByRole('alert', { name: 'Расхождения данных с журналом' })).toHaveCount(0);

  const [edited, deleted, copied] = ballots as [PaperBallotRow, PaperBallotRow, PaperBallotRow];
  const was = currentVersion(edited).ballot.marks[3]!;
  const now = was === 'for' ? 'against' : 'for';
  const changed = structuredClone(edited);
  currentVersion(changed).ballot.marks[3] = now;
  const added = { ...structuredClone(copied), id: 'added-outside' };
  await putRows(page, { paperBallots: [changed, added] });
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const req = indexedDB.open('golos');
      req.onsuccess = () => ok(req.result);
    });
    const tx = db.transaction('paperBallots', 'readwrite');
    tx.objectStore('paperBallots').delete(id);
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, deleted.id);

  const name = (r: PaperBallotRow) => {
    const v = currentVersion(r).ballot.voter;
    return `бюллетень ${v.fullName}${v.plotNumber ? `, участок ${v.plotNumber}` : ''}`;
  };
  const lines = [
    `${name(edited)}: изменён вне программы, вопрос 3: было «${MARK[was]}», стало «${MARK[now]}»`,
    `${name(copied)}: добавлен вне программы`,
    `${name(deleted)}: удалён вне программы`,
  ];

  await page.getByRole('button', { name: 'Журнал изменений' }).click();
  await page.getByRole('button', { name: 'Проверить целостность' }).click();
  const found = page.getByRole('alert', { name: 'Расхождения данных с журналом' });
  await expect(found).toBeVisible({ timeout: 60_000 });
  for (const line of lines) await expect(found).toContainText(line);
  // The chain itself is intact: the entries were not touched, the data was.
  await expect(page.getByText(/Цепочка цела/)).toBeVisible();
  await page.screenshot({ path: join(dir, 'journal.png') });

  await protocolTab(page);
  const held = page.getByRole('alert', { name: 'Расхождения данных с журналом' });
  await expect(held).toContainText(lines[0]!);
  await expect(page.getByRole('button', { name: 'Скачать PDF' })).toBeDisabled();
  const reason = 'Бюллетени сверены с бумажными оригиналами, акт № 5 от 15.06.2026';
  await held.getByLabel('Решение комиссии').fill(reason);
  await held.getByRole('button', { name: 'Записать решение комиссии' }).click();
  await expect(page.getByRole('button', { name: 'Скачать PDF' })).toBeEnabled({ timeout: 60_000 });
  await page.screenshot({ path: join(dir, 'protocol.png'), fullPage: false });

  const { path } = await downloadFrom(
    page,
    () => page.getByRole('button', { name: 'Скачать PDF' }).click(),
    dir,
    120_000,
  );
  const pdf = new Uint8Array(readFileSync(path));
  const text = pdfPageTexts(pdf).join(' ');
  expect(text).toContain(`Решение комиссии: ${reason}`);
  expect(text).toContain(`${name(deleted)}: удалён вне программы`);
  expect(pageQrText(pdf, 1)).toMatch(/^GOLOS-PROTOCOL1\|[0-9a-f]{64}\|\d{4}-\d\d-\d\d\|Q1=/);

  // «Проверить протокол…»: the PDF just saved, picked as a user would, matches the meeting's data now.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Проверить протокол…' }).click(),
  ]);
  await chooser.setFiles(path);
  await expect(page.getByText(/^Протокол соответствует текущим данным собрания/)).toBeVisible();

  // Then a ballot is corrected through the app, in a second browser tab on the entry screen (as a commission
  // member keying at the same time would) while this one stays on the protocol: question 1 of a member's
  // counted paper ballot. The same PDF, checked again here, now names the figures that moved.
  const printed = parseProtocolQr(pageQrText(pdf, 1)!);
  if (!printed.ok) throw new Error(printed.error[0]!.message);
  const q1 = printed.value.questions.find((q) => q.number === 1)!;
  const target = countedPaperBallot(seeded, new Set([edited.id, deleted.id, copied.id]));
  const was1 = target.ballot.marks[1]!;
  const now1: Mark = was1 === 'abstain' ? 'for' : 'abstain';
  const who = target.person.fullName;
  const desk = await page.context().newPage();
  await desk.goto('/#/meetings/meeting-i/entry');
  const list = desk.getByRole('region', { name: 'Введённые бюллетени' });
  await list.getByRole('searchbox', { name: 'Найти бюллетень' }).fill(who);
  await list.getByRole('button', { name: `Исправить: ${who}` }).click();
  const ask = desk.getByRole('dialog', { name: 'Исправление бюллетеня' });
  await ask.getByLabel('Причина').fill('опечатка в вопросе 1');
  await ask.getByRole('button', { name: 'Открыть для исправления' }).click();
  await expect(desk.getByRole('group', { name: 'Ввод бюллетеня' })).toBeFocused();
  await expect(desk.getByLabel('Голосующий')).toContainText(`Исправление: ${who}`);
  await desk.keyboard.press(now1 === 'for' ? '1' : '3');
  await desk.keyboard.press('End');
  await desk.keyboard.press('Enter');
  await expect(list.getByRole('button', { name: `История: ${who}` })).toHaveText('История (2)');

  await desk.close();
  const [again] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Проверить протокол…' }).click(),
  ]);
  await again.setFiles(path);
  await expect(page.getByText('Данные собрания изменились после составления протокола:')).toBeVisible();
  const what = page.getByRole('list', { name: 'Что изменилось' });
  const LABEL = { for: '«за»', against: '«против»', abstain: '«воздержался»' } as Record<string, string>;
  const key = (m: Mark) => m as 'for' | 'against' | 'abstain';
  const before = Number(q1[key(was1)]);
  await expect(what).toContainText(`Вопрос 1, ${LABEL[was1]}: в протоколе ${before}, сейчас ${before - 1}.`);
  if (target.sole) {
    const other = Number(q1[key(now1)]);
    await expect(what).toContainText(`Вопрос 1, ${LABEL[now1]}: в протоколе ${other}, сейчас ${other + 1}.`);
  }
  await expect(what).toContainText('Контрольная сумма итогов (SHA-256 results.json): в протоколе');
  await page.screenshot({ path: join(dir, 'check-changed.png') });
});

test('the last five audit entries deleted in IndexedDB are named missing', async ({ page }) => {
  test.setTimeout(300_000);
  await seed(page);
  // Five changes of operator: five entries the app writes (and anchors).
  const operator = page.getByLabel('Оператор:');
  for (const name of ['Иванова А. П.', 'Петров Б. В.', 'Сидорова В. Г.', 'Козлов Г. Д.', 'Орлова Д. Е.']) {
    await operator.fill(name);
    await operator.press('Enter');
    await expect(operator).toHaveValue(name);
  }
  await expect
    .poll(
      async () =>
        (await readStore<{ action: string }>(page, 'audit')).filter((e) => e.action === 'operator.change')
          .length,
    )
    .toBe(5);
  const entries = await readStore<{ seq: number }>(page, 'audit');
  const last = entries.at(-1)!.seq;
  await page.evaluate(
    async (seqs) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const req = indexedDB.open('golos');
        req.onsuccess = () => ok(req.result);
      });
      const tx = db.transaction('audit', 'readwrite');
      for (const seq of seqs) tx.objectStore('audit').delete(seq);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    [last - 4, last - 3, last - 2, last - 1, last],
  );

  await page.getByRole('button', { name: 'Журнал изменений' }).click();
  await page.getByRole('button', { name: 'Проверить целостность' }).click();
  // The chain that is left is intact; the anchor kept outside the database shows what is gone.
  await expect(page.getByText(/Цепочка цела/)).toBeVisible({ timeout: 60_000 });
  const missing = [last - 4, last - 3, last - 2, last - 1, last].map((n) => `№ ${n}`).join(', ');
  await expect(page.getByRole('alert', { name: 'Расхождения данных с журналом' })).toContainText(
    `Журнал изменений: нет записей ${missing} — записи удалены из конца журнала`,
  );
  await protocolTab(page);
  await expect(page.getByRole('button', { name: 'Скачать PDF' })).toBeDisabled();
});
