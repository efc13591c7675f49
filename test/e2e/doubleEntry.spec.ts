/**
 * Blind double entry at one desk, as two commission members share a laptop: Иванова keys a ballot; her
 * own second entry is refused at once with one message naming her and the ballot; Петров takes the desk,
 * which switches to the blind second entry and names what waits for him (never a mark of the first
 * entry); until he keys it, the protocol preview warns of the ballot waiting, and afterwards it does not.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { createEntryContext } from '../../shared/paper/entry/entryContext';
import { keysForBallot, keysToOpen } from '../../shared/paper/entry/typeBallot';
import { makeMeeting } from '../bench/tallyData';
import { putAuditedRows, readStore } from '../fixtures/appDb';
import { meetingRecords } from '../fixtures/meetingRecords';
import { makePersons } from '../fixtures/persons';
import { largeRegistrySheet } from '../fixtures/registryLayouts';
import { writeRegistryXlsx } from '../fixtures/registryWriters';
import { tempDirUntilExit } from '../fixtures/tempDir';
import { createPartnership, importRegistry } from './helpers';
import { pressKeys } from './pressKeys';

const dir = tempDirUntilExit('golos-e2e-double-');
const area = (page: Page) => page.getByRole('group', { name: 'Ввод бюллетеня' });
const message = (page: Page) => page.getByLabel('Сообщение ввода');

async function setOperator(page: Page, name: string) {
  const field = page.getByLabel('Кто вводит');
  await field.fill(name);
  await field.press('Enter');
  await expect(page.getByLabel('Оператор:')).toHaveValue(name);
}

test('double entry follows the operator, refuses the same member once, and the protocol warns until settled', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const file = join(dir, 'registry.xlsx');
  writeFileSync(
    file,
    await writeRegistryXlsx(largeRegistrySheet(makePersons(20, 5, { contacts: false }), 'СНТ «Двое»')),
  );
  await createPartnership(page, { name: 'СНТ «Двое»' });
  await importRegistry(page, file, 20);
  const [partnership] = await readStore<{ id: string }>(page, 'partnership');
  const { meeting: seeded } = meetingRecords(makeMeeting(3, 'snt'), [], {
    meetingId: 'meeting-d',
    partnershipId: partnership!.id,
  });
  await putAuditedRows(page, { meetings: [{ ...seeded, doubleEntry: true }] });
  const meeting = (await readStore<Meeting>(page, 'meetings')).find((m) => m.id === 'meeting-d')!;
  const registry = (
    await readStore<Person & { nameKey?: string; plotNumbers?: string[] }>(page, 'persons')
  ).map(({ nameKey: _n, plotNumbers: _p, ...p }) => p);
  const index = registry.findIndex((p) => p.status === 'member');
  const voter = registry[index]!;
  const plot = voter.holdings[0]!.plotNumber;
  const ctx = createEntryContext({
    meeting,
    meetingId: meeting.id,
    registry,
    defaults: { channel: 'paper', copy: 'original', receivedAt: meeting.votingEnd },
  });
  const ballot = {
    personIndex: index,
    marks: { 1: 'for', 2: 'against', 3: 'for' },
    findBy: 'plot',
  } as const;
  const keys = keysForBallot(ctx, ballot);
  const found = keysToOpen(ctx, ballot).length;

  await page.goto('/#/meetings/meeting-d/entry');
  await page.reload();
  await expect(area(page)).toBeVisible({ timeout: 60_000 });
  await setOperator(page, 'Иванова А. П.');
  await area(page).focus();
  await pressKeys(page, keys);
  await expect(page.getByRole('region', { name: 'Двойной ввод' })).toContainText('ждут повторного ввода: 1;');
  await expect(page.getByRole('radio', { name: /первый ввод/ })).toBeChecked();

  // Her own second entry: one message, naming her and the ballot, and nothing keyed or stored.
  await page.getByRole('radio', { name: /повторный ввод вслепую/ }).check();
  await area(page).focus();
  await pressKeys(page, keys.slice(0, found));
  await expect(message(page)).toHaveText(
    `Повторный ввод бюллетеня (${voter.fullName}, участок ${voter.holdings.map((h) => h.plotNumber).join(', ')}) не принят: первый ввод сделал(а) Иванова А. П., а повторный должен делать другой член комиссии. Передайте ввод другому члену комиссии и укажите его в поле «Кто вводит».`,
  );
  await expect(page.getByText(/Сохранён бюллетень/)).toHaveCount(0);
  await page.getByRole('radio', { name: /первый ввод/ }).check();

  // The protocol preview warns of the ballot waiting.
  await page.goto('/#/meetings/meeting-d/protocol');
  const waiting = page.getByRole('note', { name: 'Не сверены при двойном вводе' });
  await expect(waiting).toContainText(`ждут повторного ввода — 1 (${voter.fullName})`, { timeout: 60_000 });

  // Петров takes the desk: it switches to his blind second entry and names what waits, without marks.
  await page.goto('/#/meetings/meeting-d/entry');
  await expect(area(page)).toBeVisible({ timeout: 60_000 });
  await setOperator(page, 'Петров Б. В.');
  await expect(page.getByRole('radio', { name: /повторный ввод вслепую/ })).toBeChecked();
  const offer = page.getByRole('note', { name: 'Ждут повторного ввода' });
  await expect(offer).toContainText(
    `Петров Б. В.: ждут вашего повторного ввода вслепую — бюллетеней: 1. ${voter.fullName}, уч. ${plot} (ввод: Иванова А. П.)`,
  );
  await expect(offer).not.toContainText(/за|против|воздерж/);
  await page.screenshot({ path: join(dir, 'second-entry.png') });
  await area(page).focus();
  await pressKeys(page, keys);
  await expect(page.getByRole('region', { name: 'Двойной ввод' })).toContainText(
    'Сверено: 1; ждут повторного ввода: 0; расхождений: 0.',
  );
  await expect(offer).toHaveCount(0);

  await page.goto('/#/meetings/meeting-d/protocol');
  await expect(page.getByRole('article', { name: 'Предпросмотр протокола' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('note', { name: 'Не сверены при двойном вводе' })).toHaveCount(0);
});
