// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { decodeBackup, encodeBackup } from '../../shared/backup/backupFile';
import { err, ok, problem } from '../../shared/result';
import type { BackupInfo, OpenedFile, Platform, SaveFileRequest } from '../platform/platform';
import { dumpDatabase } from './backupDb';
import { BackupScreen } from './BackupScreen';
import type { BackupStore } from './backupStore';

let counter = 0;
function openDb(version = 1): Dexie {
  const db = new Dexie(`backup-screen-test-${++counter}`);
  db.version(1).stores({ partnership: 'id', persons: 'id', audit: 'seq' });
  if (version === 2) db.version(2).stores({ partnership: 'id', persons: 'id, fullName', audit: 'seq' });
  return db;
}

async function fill(db: Dexie, name: string, persons: string[]): Promise<void> {
  await db.table('partnership').put({ id: 'p', name });
  await db.table('persons').bulkPut(persons.map((fullName, i) => ({ id: `p${i}`, fullName })));
}

async function backupBytes(db: Dexie, createdAt: string): Promise<Uint8Array> {
  return encodeBackup(await dumpDatabase(db, { reason: 'before-import', now: new Date(createdAt) }));
}

function memoryStore(): BackupStore & { files: Map<string, Uint8Array>; infos: BackupInfo[] } {
  const files = new Map<string, Uint8Array>();
  const infos: BackupInfo[] = [];
  return {
    where: 'в папке данных программы (последние 30)',
    files,
    infos,
    async save({ createdAt, reason, bytes }) {
      const info = { id: `${createdAt}-${reason}`, createdAt, reason, size: bytes.length };
      files.set(info.id, bytes);
      infos.unshift(info);
      return ok(info);
    },
    async list() {
      return ok([...infos]);
    },
    async read(id) {
      const bytes = files.get(id);
      return bytes ? ok(bytes) : err([problem('backup_missing', 'Копии нет.')]);
    },
  };
}

function fakePlatform(toOpen: OpenedFile[] = []) {
  const saved: SaveFileRequest[] = [];
  const platform: Platform = {
    kind: 'browser',
    async saveFile(req) {
      saved.push(req);
      return ok({ savedAs: req.suggestedName });
    },
    async openFile() {
      return ok(toOpen);
    },
    async writePackage() {
      return ok(null);
    },
  };
  return { platform, saved };
}

const personsOf = async (db: Dexie) => (await db.table('persons').toArray()).map((p) => p.fullName);

test('«Сохранить копию в файл» saves a complete backup of the current data', async () => {
  const db = openDb();
  await fill(db, 'СНТ «Берёзка»', ['Иванов', 'Петрова']);
  const { platform, saved } = fakePlatform();
  render(<BackupScreen db={db} platform={platform} store={memoryStore()} />);
  expect(await screen.findByText('Автоматических копий пока нет.')).toBeInTheDocument();

  await userEvent.click(screen.getByRole('button', { name: 'Сохранить копию в файл' }));
  expect(await screen.findByText(/^Копия сохранена: Голос, копия .*\.golos-backup$/)).toBeInTheDocument();
  expect(saved).toHaveLength(1);
  const backup = decodeBackup(saved[0]!.bytes);
  expect(backup.ok && backup.value.reason).toBe('manual');
  expect(backup.ok && backup.value.tables.persons!.rows).toEqual([
    { id: 'p0', fullName: 'Иванов' },
    { id: 'p1', fullName: 'Петрова' },
  ]);
});

test('restore from the list: shows what the copy holds, then replaces the data after confirmation', async () => {
  const db = openDb();
  await fill(db, 'СНТ «Берёзка»', ['Иванов', 'Петрова', 'Сидоров']);
  const store = memoryStore();
  await store.save({
    createdAt: '2025-05-01T10:00:00.000Z',
    reason: 'before-import',
    bytes: await backupBytes(db, '2025-05-01T10:00:00.000Z'),
  });
  await db.table('persons').clear();
  await fill(db, 'СНТ «Ошибка»', ['Случайно введённый']);
  const restored = vi.fn();
  render(<BackupScreen db={db} platform={fakePlatform().platform} store={store} onRestored={restored} />);

  const table = await screen.findByRole('table', { name: 'Автоматические копии' });
  const row = within(table).getAllByRole('row')[1]!;
  expect(row).toHaveTextContent('перед импортом');
  await userEvent.click(within(row).getByRole('button', { name: 'Восстановить…' }));

  const confirm = await screen.findByRole('region', { name: 'Восстановление из копии' });
  expect(confirm).toHaveTextContent('СНТ «Берёзка»');
  const contents = within(confirm).getByRole('table', { name: 'Содержимое копии' });
  expect(within(contents).getByRole('row', { name: 'Реестр участников 3' })).toBeInTheDocument();
  expect(within(contents).getByRole('row', { name: 'Всего 4' })).toBeInTheDocument();
  expect(confirm).toHaveTextContent('Все текущие данные будут заменены содержимым этой копии.');
  // Nothing changes before the confirmation.
  expect(await personsOf(db)).toEqual(['Случайно введённый']);

  await userEvent.click(within(confirm).getByRole('button', { name: 'Восстановить' }));
  expect(await screen.findByText(/^Данные восстановлены из копии от .*: записей — 4\./)).toBeInTheDocument();
  expect(await personsOf(db)).toEqual(['Иванов', 'Петрова', 'Сидоров']);
  expect((await db.table('partnership').get('p')).name).toBe('СНТ «Берёзка»');
  expect(restored).toHaveBeenCalledTimes(1);
  // The data that was replaced is kept in a `before-restore` copy, now listed.
  expect(store.infos[0]!.reason).toBe('before-restore');
  const safety = decodeBackup(store.files.get(store.infos[0]!.id)!);
  expect(safety.ok && safety.value.tables.persons!.rows).toEqual([
    { id: 'p0', fullName: 'Случайно введённый' },
  ]);
  expect(await screen.findByText('перед восстановлением из копии')).toBeInTheDocument();
});

test('cancel leaves everything as it was', async () => {
  const db = openDb();
  await fill(db, 'СНТ «Берёзка»', ['Иванов']);
  const file = { name: 'копия.golos-backup', bytes: await backupBytes(db, '2025-05-01T10:00:00.000Z') };
  await db.table('persons').clear();
  const store = memoryStore();
  render(<BackupScreen db={db} platform={fakePlatform([file]).platform} store={store} />);
  await userEvent.click(screen.getByRole('button', { name: 'Восстановить из файла…' }));
  const confirm = await screen.findByRole('region', { name: 'Восстановление из копии' });
  expect(confirm).toHaveTextContent('Источник: файл «копия.golos-backup».');
  await userEvent.click(within(confirm).getByRole('button', { name: 'Отмена' }));
  expect(screen.queryByRole('region', { name: 'Восстановление из копии' })).toBeNull();
  expect(await personsOf(db)).toEqual([]);
  expect(store.infos).toEqual([]);
});

test('a damaged file is refused with the reason, and nothing is offered for restore', async () => {
  const db = openDb();
  await fill(db, 'СНТ «Берёзка»', ['Иванов']);
  const good = new TextDecoder().decode(
    encodeBackup(await dumpDatabase(db, { now: new Date('2025-05-01T10:00:00.000Z') }), { compress: false }),
  );
  const tampered = new TextEncoder().encode(good.replace('Иванов', 'Иванова'));
  render(
    <BackupScreen
      db={db}
      platform={fakePlatform([{ name: 'копия.golos-backup', bytes: tampered }]).platform}
      store={memoryStore()}
    />,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Восстановить из файла…' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Файл «копия.golos-backup» повреждён или изменён после создания: контрольная сумма SHA-256 не совпадает',
  );
  expect(screen.queryByRole('button', { name: 'Восстановить' })).toBeNull();
  expect(await personsOf(db)).toEqual(['Иванов']);
});

test('a copy from a newer version is described but cannot be restored', async () => {
  const newer = openDb(2);
  await fill(newer, 'СНТ «Будущее»', ['Иванов']);
  const file = { name: 'новая.golos-backup', bytes: await backupBytes(newer, '2025-05-01T10:00:00.000Z') };
  const db = openDb(1);
  await fill(db, 'СНТ «Берёзка»', ['Петрова']);
  render(<BackupScreen db={db} platform={fakePlatform([file]).platform} store={memoryStore()} />);
  await userEvent.click(screen.getByRole('button', { name: 'Восстановить из файла…' }));
  const confirm = await screen.findByRole('region', { name: 'Восстановление из копии' });
  expect(confirm).toHaveTextContent('СНТ «Будущее»');
  expect(within(confirm).getByRole('alert')).toHaveTextContent(
    'Копия сделана более новой версией программы (версия данных 2, у этой программы 1).',
  );
  expect(within(confirm).queryByRole('button', { name: 'Восстановить' })).toBeNull();
  expect(await personsOf(db)).toEqual(['Петрова']);
});
