// @vitest-environment jsdom
// The protocol tab: the preview prints the tally's figures, masks СНИЛС on request, producing a document
// stores the protocol's date and number with an audit entry, and the package holds every file with a
// backup made first; «можно извлекать» only when the platform reports the data flushed.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { decodeBackup } from '../../shared/backup/backupFile';
import { parseBallotBatch } from '../../shared/paper/parseBallotBatch';
import { protocolQrFromPdfProperties } from '../../shared/documents/protocolProof';
import { buildResults, type ResultsJson } from '../../shared/results/buildResults';
import { err, ok, problem } from '../../shared/result';
import { profileFor } from '../../shared/rules/profiles';
import { readTable } from '../../shared/spreadsheet/readTable';
import { tally } from '../../shared/tally/tally';
import { readPtSansFonts } from '../../test/bench/ballotsPdfBench';
import { makeTallyData } from '../../test/bench/tallyData';
import { pdfPageTexts } from '../../test/fixtures/pdfText';
import { meetingRecords } from '../../test/fixtures/meetingRecords';
import { DbProvider } from '../app/DbContext';
import { withdrawBallot } from '../ballots/ballotRepo';
import { appendAudit, getAuditHead, readChain } from '../audit/auditLog';
import { GolosDb } from '../db/db';
import { savePartnership } from '../db/partnershipRepo';
import { applyRegistryChanges, listPersons } from '../db/personRepo';
import type {
  BackupInfo,
  Platform,
  PlatformBackups,
  WritePackageRequest,
  WrittenPackage,
} from '../platform/platform';
import { inlineDocumentEngine } from './documentEngine';
import { ProtocolView } from './ProtocolView';

const fonts = readPtSansFonts();
const NOW = new Date(2026, 5, 25, 10, 0, 0);
const formatted = (snils: string) =>
  `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`;

async function seed() {
  const db = new GolosDb(`golos-protocol-${crypto.randomUUID()}`);
  const partnership = await savePartnership(db, {
    name: 'СНТ «Ромашка»',
    kind: 'snt',
    address: 'Московская обл., д. Берёзки',
  });
  const { registry, meeting: spec, ballots } = makeTallyData(60, 3, 11);
  await applyRegistryChanges(db, { added: registry, changed: [], removed: [] });
  const records = meetingRecords(spec, ballots, {
    partnershipId: partnership.id,
    scans: 2,
    unmatched: ['Неизвестный Некто Никтович'],
  });
  // Stored as the app stores them: with their audit entry (the protocol is held back otherwise).
  await db.transaction(
    'rw',
    [db.meetings, db.paperBallots, db.gosuslugiImports, db.attachments, db.audit],
    async () => {
      await db.meetings.add(records.meeting);
      await db.paperBallots.bulkAdd(records.paperBallots);
      await db.gosuslugiImports.bulkAdd(records.gosuslugiImports);
      await db.attachments.bulkAdd(records.attachments);
      await appendAudit(db, {
        actor: 'тест',
        action: 'meeting.create',
        entity: 'meeting',
        entityId: records.meeting.id,
      });
    },
  );
  // The tally worked out here from the generated ballots themselves, not from what the tab loads.
  const stored = await listPersons(db);
  const profile = profileFor('snt');
  const result = tally({
    registry: stored,
    meeting: spec,
    ballots,
    unmatched: [
      { source: 'x', name: 'Неизвестный Некто Никтович', channel: 'gosuslugi', reason: 'not_found' },
    ],
    profile,
  });
  const results = buildResults(result, spec, profile);
  return { db, partnership, meeting: records.meeting, records, results, registry: stored, ballots };
}

interface FakePlatform extends Platform {
  log: string[];
  saved: { suggestedName: string; bytes: Uint8Array; mime: string }[];
  packages: WritePackageRequest[];
  backupFiles: Map<string, Uint8Array>;
}

function fakePlatform(
  kind: 'electron' | 'browser',
  writeResult: (req: WritePackageRequest) => ReturnType<Platform['writePackage']>,
): FakePlatform {
  const log: string[] = [];
  const backupFiles = new Map<string, Uint8Array>();
  const infos: BackupInfo[] = [];
  const backups: PlatformBackups = {
    async save({ createdAt, reason, bytes }) {
      log.push(`backup:${reason}`);
      const info = { id: `${createdAt}-${reason}`, createdAt, reason, size: bytes.length };
      backupFiles.set(info.id, bytes);
      infos.unshift(info);
      return ok(info);
    },
    list: async () => ok([...infos]),
    read: async (id) => ok(backupFiles.get(id)!),
  };
  const platform: FakePlatform = {
    kind,
    log,
    saved: [],
    packages: [],
    backupFiles,
    backups,
    async saveFile(req) {
      log.push(`save:${req.suggestedName}`);
      platform.saved.push(req);
      return ok({ savedAs: req.suggestedName });
    },
    openFile: async () => ok([]),
    async writePackage(req) {
      log.push('package');
      platform.packages.push(req);
      return writeResult(req);
    },
  };
  return platform;
}

const written = (req: WritePackageRequest, flushed: boolean): WrittenPackage => ({
  location: flushed ? `/media/usb/${req.folderName}` : `${req.folderName}.zip`,
  files: req.files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: 'x' })),
  manifest: 'manifest.sha256',
  flushed,
});

async function show(seeded: Awaited<ReturnType<typeof seed>>, platform: Platform) {
  const onMeetingChange = vi.fn();
  const user = userEvent.setup();
  render(
    <DbProvider value={seeded.db}>
      <ProtocolView
        meeting={seeded.meeting}
        partnership={seeded.partnership}
        onMeetingChange={onMeetingChange}
        platform={platform}
        createEngine={() => inlineDocumentEngine(async () => fonts)}
        now={() => NOW}
      />
    </DbProvider>,
  );
  const preview = await screen.findByRole('article', { name: 'Предпросмотр протокола' }, { timeout: 10000 });
  return { user, onMeetingChange, preview };
}

/** A table's rows as header cell -> data cells (text). */
function rowsOf(table: HTMLElement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const tr of within(table).getAllByRole('row')) {
    const head = tr.querySelector('th');
    if (!head) continue;
    out.set(
      head.textContent!,
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\u00a0/g, ' ')),
    );
  }
  return out;
}

function expectFigures(preview: HTMLElement, results: ResultsJson) {
  const figures = rowsOf(within(preview).getByRole('table', { name: 'Участие и кворум' }));
  expect(figures.get('Всего в реестре (человек)')).toEqual([String(results.registry.persons)]);
  expect(figures.get('Членов товарищества в реестре')).toEqual([String(results.registry.members)]);
  expect(figures.get('Садоводов без членства в реестре')).toEqual([String(results.registry.gardeners)]);
  expect(figures.get('Приняли участие (человек)')).toEqual([String(results.participation.persons)]);
  expect(figures.get('из них членов товарищества')).toEqual([String(results.participation.members)]);
  expect(figures.get('Голосовали через Госуслуги')).toEqual([
    String(results.participation.byChannel.gosuslugi),
  ]);
  expect(figures.get('Голосовали бумажными бюллетенями')).toEqual([
    String(results.participation.byChannel.paper),
  ]);
  expect(figures.get('Голосовали очно')).toEqual([String(results.participation.byChannel.in_person)]);
  expect(figures.get('Кворум')).toEqual([results.quorum.reached ? 'имеется' : 'отсутствует']);
  for (const q of results.questions) {
    const rows = rowsOf(within(preview).getByRole('table', { name: `Итоги по вопросу ${q.number}` }));
    expect(rows.get('За')?.[0]).toBe(String(q.for));
    expect(rows.get('Против')?.[0]).toBe(String(q.against));
    expect(rows.get('Воздержались')?.[0]).toBe(String(q.abstain));
    expect(rows.get('Недействительно')?.[0]).toBe(String(q.invalid));
    expect(rows.get('Конфликт (не учтено)')?.[0]).toBe(String(q.conflict));
    const section = within(preview).getByRole('region', { name: `Вопрос ${q.number}` });
    const decision =
      q.decision === 'adopted'
        ? /^РЕШИЛИ: Решение принято: /
        : q.decision === 'rejected'
          ? /^РЕШИЛИ: Решение не принято\.$/
          : /^РЕШИЛИ: Решение не принято: /;
    expect(within(section).getByText(decision)).toBeInTheDocument();
  }
}

describe('ProtocolView', () => {
  it('previews every figure of the tally, the due date with the lateness, and the audit head', async () => {
    const seeded = await seed();
    const { preview } = await show(
      seeded,
      fakePlatform('electron', async () => ok(null)),
    );
    expectFigures(preview, seeded.results);
    expect(seeded.results.participation.persons).toBeGreaterThan(40);
    // Voting ended 14.06.2026: due 21.06.2026, and today is 25.06.2026.
    expect(screen.getAllByText(/не позднее 21 июня 2026 г\./).length).toBeGreaterThanOrEqual(1);
    expect(screen.getByRole('alert')).toHaveTextContent('протокол составлен с опозданием на 4 дня');
    const head = await getAuditHead(seeded.db);
    expect(within(preview).getByText(head.hash)).toBeInTheDocument();
    expect(screen.getByText(/Журнал изменений цел: 3 записи/)).toBeInTheDocument();
    // Appendices: the participants (first rows here, all in the PDF), the unmatched electronic row.
    const participants = within(preview).getByRole('region', { name: 'Приложение 1' });
    expect(
      within(participants).getByText(
        `Показаны первые 30 из ${seeded.results.participation.persons} строк; полностью — в PDF и XLSX.`,
      ),
    ).toBeInTheDocument();
    expect(within(preview).getByText('Неизвестный Некто Никтович')).toBeInTheDocument();
  });

  it('masks СНИЛС in the copy for publication', async () => {
    const seeded = await seed();
    const { user, preview } = await show(
      seeded,
      fakePlatform('electron', async () => ok(null)),
    );
    const participants = () =>
      within(preview).getByRole('table', { name: 'Список принявших участие в голосовании и их решения' });
    const first = within(participants()).getAllByRole('row')[1]!;
    const name = first.querySelectorAll('td')[1]!.textContent!;
    const snils = seeded.registry.find((p) => p.fullName === name)!.snils!;
    expect(first).toHaveTextContent(formatted(snils));

    await user.click(screen.getByLabelText('Скрыть СНИЛС (копия для публикации)'));
    const masked = within(participants()).getAllByRole('row')[1]!;
    expect(masked).toHaveTextContent(`***-***-${snils.slice(6, 9)} ${snils.slice(9)}`);
    expect(participants().textContent).not.toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    expect(within(preview).getByText('Копия для опубликования: СНИЛС скрыты.')).toBeInTheDocument();
  });

  it('a PDF download stores the protocol date and number (logged once) and prints the figures and the hash', async () => {
    const seeded = await seed();
    const platform = fakePlatform('electron', async () => ok(null));
    const { user, onMeetingChange } = await show(seeded, platform);
    await user.type(screen.getByLabelText('Номер протокола'), '7');
    await user.click(screen.getByRole('button', { name: 'Скачать PDF' }));
    expect(
      await screen.findByText('Сохранено: Протокол № 7 от 25.06.2026.pdf', {}, { timeout: 60000 }),
    ).toBeInTheDocument();

    const stored = await seeded.db.meetings.get(seeded.meeting.id);
    expect(stored).toMatchObject({ protocolDate: '2026-06-25', protocolNumber: '7' });
    expect(onMeetingChange).toHaveBeenCalledWith(stored);
    const chain = await readChain(seeded.db);
    expect(chain.at(-1)).toMatchObject({
      action: 'meeting.protocol',
      entityId: seeded.meeting.id,
      before: { protocolDate: null, protocolNumber: null },
      after: { protocolDate: '2026-06-25', protocolNumber: '7' },
    });

    const [pdf] = platform.saved;
    expect(pdf!.mime).toBe('application/pdf');
    const text = pdfPageTexts(pdf!.bytes).join(' ');
    const r = seeded.results;
    expect(text).toContain('ПРОТОКОЛ № 7');
    // The summary's figures (labels and values stand in two columns of the page).
    const summary = text
      .slice(text.indexOf('Участие в собрании и кворум'), text.indexOf('Повестка дня'))
      .split(' ');
    for (const figure of [
      r.registry.persons,
      r.registry.members,
      r.registry.gardeners,
      r.participation.persons,
      r.participation.members,
      r.participation.byChannel.gosuslugi,
      r.participation.byChannel.paper,
      r.participation.byChannel.in_person,
    ]) {
      expect(summary).toContain(String(figure));
    }
    expect(text).toContain(chain.at(-1)!.hash);
    expect(screen.getAllByText(chain.at(-1)!.hash)).toHaveLength(2);

    // The same protocol again: nothing new in the audit trail, the same head.
    await user.click(screen.getByRole('button', { name: 'Скачать XLSX' }));
    expect(
      await screen.findByText('Сохранено: Протокол № 7 от 25.06.2026.xlsx', {}, { timeout: 60000 }),
    ).toBeInTheDocument();
    expect(await readChain(seeded.db)).toHaveLength(chain.length);
    expect(platform.saved[1]!.bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  }, 90_000);

  it('writes the package after a backup: documents, what the count was made from, scans, full backup; «можно извлекать» when flushed', async () => {
    const seeded = await seed();
    const platform = fakePlatform('electron', async (req) => ok(written(req, true)));
    const { user } = await show(seeded, platform);
    await user.click(screen.getByRole('button', { name: 'Записать на флешку…' }));
    const done = await screen.findByText(/можно извлекать флешку/, {}, { timeout: 80000 });
    expect(done).toHaveTextContent(
      'Пакет записан в папку «/media/usb/Протокол от 25.06.2026»: 11 файлов и manifest.sha256.',
    );
    expect(platform.log).toEqual(['backup:before-protocol', 'package']);

    const [req] = platform.packages;
    expect(req!.folderName).toBe('Протокол от 25.06.2026');
    const names = req!.files.map((f) => f.name);
    expect(names.slice(0, 10)).toEqual([
      'Протокол.pdf',
      'Итоги голосования.xlsx',
      'results.json',
      'Реестр (как учтён).xlsx',
      'Госуслуги (голоса, как учтены).xlsx',
      'Бюллетени (пакетный файл).csv',
      'meeting.json',
      'audit-head.json',
      'Скан 1 бюллетень 1.jpg',
      'Скан 2 бюллетень 2.jpg',
    ]);
    expect(names[10]).toMatch(/^Голос, копия 2026-06-25 10-00\.golos-backup$/);
    const file = (name: string) => req!.files.find((f) => f.name === name)!.bytes;
    expect([...file('Скан 2 бюллетень 2.jpg')]).toEqual([...seeded.records.attachments[1]!.bytes]);
    // The protocol's QR code names results.json of the package, byte for byte.
    const qr = protocolQrFromPdfProperties(file('Протокол.pdf'))!;
    expect(qr.split('|')[1]).toBe(createHash('sha256').update(file('results.json')).digest('hex'));

    // The batch file reads back as every counted paper and in-person ballot.
    const table = await readTable(file('Бюллетени (пакетный файл).csv'), 'batch.csv');
    const batch = parseBallotBatch(table.ok ? table.value : (undefined as never), { questions: [1, 2, 3] });
    expect(batch.ok && batch.value.ballots.length).toBe(
      seeded.ballots.filter((b) => b.channel !== 'gosuslugi').length,
    );

    // The backup holds the database as the protocol printed it: the same audit head hash.
    const backup = decodeBackup(file(names[10]!));
    expect(backup.ok).toBe(true);
    if (!backup.ok) return;
    const audit = backup.value.tables.audit!.rows as { hash: string }[];
    const head = await getAuditHead(seeded.db);
    expect(audit.at(-1)!.hash).toBe(head.hash);
    expect(pdfPageTexts(file('Протокол.pdf')).join(' ')).toContain(head.hash);
    // The log's end is anchored in the package too.
    expect(JSON.parse(new TextDecoder().decode(file('audit-head.json')))).toEqual(head);
    // The package's protocol is the full one, whatever the switch says.
    expect(pdfPageTexts(file('Протокол.pdf')).join(' ')).toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    expect((backup.value.tables.meetings!.rows[0] as { protocolDate: string }).protocolDate).toBe(
      '2026-06-25',
    );
  }, 90_000);

  it('in a browser says the package was downloaded as a zip, never «можно извлекать»', async () => {
    const seeded = await seed();
    const platform = fakePlatform('browser', async (req) => ok(written(req, false)));
    const { user } = await show(seeded, platform);
    await user.click(screen.getByRole('button', { name: 'Записать на флешку (скачать архив)' }));
    const done = await screen.findByText(/скачан одним архивом/, {}, { timeout: 80000 });
    expect(done).toHaveTextContent('«Протокол от 25.06.2026.zip»');
    expect(done.textContent).not.toMatch(/можно извлекать/i);
  }, 90_000);

  it('shows the stick’s problem in Russian when the package cannot be written', async () => {
    const seeded = await seed();
    const platform = fakePlatform('electron', async () =>
      err([
        problem(
          'fs_no_space',
          'На носителе с папкой «/media/usb» закончилось место. Освободите место или выберите другой носитель.',
        ),
      ]),
    );
    const { user } = await show(seeded, platform);
    await user.click(screen.getByRole('button', { name: 'Записать на флешку…' }));
    await waitFor(
      () =>
        expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
          'Пакет не записан. На носителе с папкой «/media/usb» закончилось место. Освободите место или выберите другой носитель.',
        ),
      { timeout: 30000 },
    );
    expect(screen.queryByText(/можно извлекать/)).toBeNull();
  }, 90_000);

  it('does not write the package when the backup before it fails', async () => {
    const seeded = await seed();
    const platform = fakePlatform('electron', async (req) => ok(written(req, true)));
    platform.backups = {
      ...platform.backups!,
      save: async () => err([problem('fs_no_space', 'Нет места в папке данных программы.')]),
    };
    const { user } = await show(seeded, platform);
    await user.click(screen.getByRole('button', { name: 'Записать на флешку…' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Пакет не записан: не удалось сделать резервную копию перед выгрузкой. Нет места в папке данных программы.',
      ),
    );
    expect(platform.packages).toEqual([]);
    expect((await seeded.db.meetings.get(seeded.meeting.id))?.protocolDate).toBeUndefined();
  });

  it('double entry: warns of the ballots still waiting for their second entry, counted and named, and leaves them out', async () => {
    const seeded = await seed();
    // Double entry switched on after the ballots were keyed once: every keyed paper ballot now waits.
    await seeded.db.transaction('rw', [seeded.db.meetings, seeded.db.audit], async () => {
      await seeded.db.meetings.update(seeded.meeting.id, { doubleEntry: true });
      await appendAudit(seeded.db, {
        actor: 'тест',
        action: 'meeting.update',
        entity: 'meeting',
        entityId: seeded.meeting.id,
      });
    });
    const keyed = seeded.records.paperBallots.filter((r) => {
      const v = r.versions.at(-1)!;
      return v.marksEntered && !v.withdrawn;
    });
    expect(keyed.length).toBeGreaterThan(3);
    const { preview } = await show(
      { ...seeded, meeting: { ...seeded.meeting, doubleEntry: true } },
      fakePlatform('electron', async () => ok(null)),
    );
    const note = screen.getByRole('note', { name: 'Не сверены при двойном вводе' });
    expect(note).toHaveTextContent(
      `Не входят в итоги и в протокол, пока не сверены (двойной ввод): ждут повторного ввода — ${keyed.length} (`,
    );
    const firstName = keyed[0]!.versions.at(-1)!.ballot.voter.fullName;
    expect(firstName).toBeTruthy();
    expect(note).toHaveTextContent(firstName!);
    const figures = rowsOf(within(preview).getByRole('table', { name: 'Участие и кворум' }));
    expect(figures.get('Голосовали бумажными бюллетенями')).toEqual(['0']);
  });

  it('warns when the audit chain is broken', async () => {
    const seeded = await seed();
    await seeded.db.audit.update(1, { actor: 'Кто-то другой' });
    await show(
      seeded,
      fakePlatform('electron', async () => ok(null)),
    );
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts.some((t) => t?.startsWith('Журнал изменений нарушен на записи № 1'))).toBe(true);
  });

  it('«Проверить протокол» compares the PDF with the data as stored when it is picked, not as the tab opened', async () => {
    const seeded = await seed();
    const platform = fakePlatform('electron', async () => ok(null));
    const { user } = await show(seeded, platform);
    await user.click(screen.getByRole('button', { name: 'Скачать PDF' }));
    await screen.findByText(/^Сохранено: /, {}, { timeout: 60000 });
    const pdf = platform.saved[0]!;
    platform.openFile = async () => ok([{ name: 'Протокол.pdf', bytes: pdf.bytes }]);

    // A member who voted on paper or in person only, every ballot counted and agreeing on question 1:
    // withdrawn (through the app's write path, the tab staying open), that vote leaves question 1.
    const mine = (p: { fullName: string }) => seeded.ballots.filter((b) => b.voter.fullName === p.fullName);
    const person = seeded.registry.find((p) => {
      const own = mine(p);
      return (
        p.status === 'member' &&
        own.length > 0 &&
        own.every(
          (b) =>
            b.channel !== 'gosuslugi' &&
            b.copy === 'original' &&
            b.receivedAt <= seeded.meeting.votingEnd &&
            b.voidReasons.length === 0 &&
            b.representative === undefined &&
            Object.values(b.marks).every((m) => m === 'for' || m === 'against' || m === 'abstain') &&
            b.marks[1] === own[0]!.marks[1],
        ) &&
        seeded.ballots.filter((b) => b.voter.snils === p.snils && b.channel === 'gosuslugi').length === 0
      );
    })!;
    const mark = mine(person)[0]!.marks[1] as 'for' | 'against' | 'abstain';
    const ctx = { meeting: seeded.meeting, registry: seeded.registry, by: 'Счётчиков И. И.' };
    for (const b of mine(person)) {
      expect((await withdrawBallot(seeded.db, ctx, b.id, 'подан не тем лицом')).ok).toBe(true);
    }

    await user.click(screen.getByRole('button', { name: 'Проверить протокол…' }));
    expect(
      await screen.findByText(
        'Данные собрания изменились после составления протокола:',
        {},
        { timeout: 20000 },
      ),
    ).toBeInTheDocument();
    const q1 = seeded.results.questions.find((q) => q.number === 1)!;
    const label = { for: '«за»', against: '«против»', abstain: '«воздержался»' }[mark];
    expect(screen.getByRole('list', { name: 'Что изменилось' })).toHaveTextContent(
      `Вопрос 1, ${label}: в протоколе ${q1[mark]}, сейчас ${Number(q1[mark]) - 1}.`,
    );
  }, 90_000);
});
