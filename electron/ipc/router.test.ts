import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempDir } from '../test/faultyFs';
import { isAppOrigin } from '../security/policy';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import type { Dialogs } from './dialogs';
import { registerIpcHandlers, type IpcInvokeEventLike } from './router';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

const PAGE = 'app://golos/index.html';

function setup(
  dialogs: Partial<Dialogs> = {},
  backupDir = '/nonexistent/golos-backups',
  anchorDir = '/nonexistent/golos-anchors',
) {
  const listeners = new Map<string, Listener>();
  const calls: string[] = [];
  const all: Dialogs = {
    chooseSavePath: async () => {
      calls.push('save');
      return null;
    },
    chooseOpenPaths: async () => {
      calls.push('open');
      return [];
    },
    chooseFolder: async () => {
      calls.push('folder');
      return null;
    },
    ...dialogs,
  };
  const channels = registerIpcHandlers(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    { dialogs: all, isTrustedSender: isAppOrigin, backupDir, anchorDir },
  );
  const invoke = (channel: string, url: string | null, ...args: unknown[]) =>
    listeners.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args);
  return { channels, listeners, invoke, calls };
}

test('registers exactly the contract channels', () => {
  const { channels, listeners } = setup();
  expect(channels.sort()).toEqual([
    'golos:anchor-read',
    'golos:anchor-write',
    'golos:backup-list',
    'golos:backup-read',
    'golos:backup-save',
    'golos:open-file',
    'golos:save-file',
    'golos:write-package',
  ]);
  expect([...listeners.keys()].sort()).toEqual(channels);
});

test('a valid call from our page reaches the handler', async () => {
  const { invoke, calls } = setup();
  expect(await invoke(IPC_CHANNELS.openFile, PAGE, { accept: ['.xlsx'] })).toEqual({ ok: true, value: [] });
  expect(
    await invoke(IPC_CHANNELS.saveFile, PAGE, {
      suggestedName: 'a.pdf',
      bytes: new Uint8Array(1),
      mime: 'a/b',
    }),
  ).toEqual({
    ok: true,
    value: null,
  });
  expect(calls).toEqual(['open', 'save']);
});

test('a call from another page or a destroyed frame is refused without showing a dialog', async () => {
  const { invoke, calls } = setup();
  for (const url of [
    'https://evil.example/',
    'file:///opt/golos/resources/app/dist/renderer/index.html',
    'app://evil/index.html',
    null,
  ]) {
    const r = await invoke(IPC_CHANNELS.openFile, url, { accept: ['.xlsx'] });
    expect(r).toMatchObject({
      ok: false,
      error: [
        {
          code: 'ipc_untrusted_sender',
          message: 'Запрос отклонён: он пришёл не из окна приложения «Голос».',
        },
      ],
    });
  }
  expect(calls).toEqual([]);
});

test('an invalid argument is refused with the validator message, before any dialog', async () => {
  const { invoke, calls } = setup();
  const r = await invoke(IPC_CHANNELS.writePackage, PAGE, { folderName: '../..', files: [] });
  expect(r).toMatchObject({
    ok: false,
    error: [{ code: 'ipc_invalid_argument' }, { code: 'ipc_invalid_argument' }],
  });
  expect(calls).toEqual([]);
});

test('a wrong number of arguments is refused', async () => {
  const { invoke } = setup();
  expect(await invoke(IPC_CHANNELS.openFile, PAGE)).toMatchObject({
    ok: false,
    error: [{ message: 'Запрос golos:open-file: ожидался один аргумент, получено 0.' }],
  });
  expect(await invoke(IPC_CHANNELS.openFile, PAGE, { accept: ['.pdf'] }, 'extra')).toMatchObject({
    ok: false,
  });
});

test('an unexpected exception becomes a Russian problem, never a rejected promise', async () => {
  const { invoke } = setup({
    chooseFolder: async () => {
      throw new Error('dialog crashed');
    },
  });
  const r = await invoke(IPC_CHANNELS.writePackage, PAGE, {
    folderName: 'P',
    files: [{ name: 'a.pdf', bytes: new Uint8Array(1) }],
  });
  expect(r).toEqual({
    ok: false,
    error: [
      {
        code: 'ipc_internal',
        severity: 'error',
        message: 'Непредвиденная ошибка при выполнении golos:write-package: dialog crashed.',
      },
    ],
  });
});

test('backup channels: validated, then written to, listed from and read from the backup folder', async () => {
  await withTempDir(async (dir) => {
    const backupDir = join(dir, 'backups');
    const { invoke } = setup({}, backupDir);
    const createdAt = '2025-05-01T10:00:00.000Z';
    const saved = await invoke(IPC_CHANNELS.backupSave, PAGE, {
      createdAt,
      reason: 'before-import',
      bytes: new Uint8Array([1, 2, 3]),
    });
    const id = 'golos-2025-05-01T10-00-00.000Z-before-import.golos-backup';
    expect(saved).toEqual({ ok: true, value: { id, createdAt, reason: 'before-import', size: 3 } });
    expect(await invoke(IPC_CHANNELS.backupList, PAGE, {})).toEqual({
      ok: true,
      value: [saved && { id, createdAt, reason: 'before-import', size: 3 }],
    });
    expect(await invoke(IPC_CHANNELS.backupRead, PAGE, { id })).toEqual({
      ok: true,
      value: new Uint8Array([1, 2, 3]),
    });
    for (const bad of [{ id: '../secret' }, { id: join(backupDir, id) }, { id, extra: 1 }]) {
      expect(await invoke(IPC_CHANNELS.backupRead, PAGE, bad)).toMatchObject({
        ok: false,
        error: [{ code: 'ipc_invalid_argument' }],
      });
    }
    expect(await invoke(IPC_CHANNELS.backupList, PAGE, { dir: '/' })).toMatchObject({ ok: false });
    expect(
      await invoke(IPC_CHANNELS.backupSave, PAGE, { createdAt, reason: 'weekly', bytes: [1] }),
    ).toMatchObject({
      ok: false,
      error: [{ field: 'Причина копии' }, { field: 'Содержимое' }],
    });
  });
});

test('anchor channels: validated, then written to and read from the anchors folder', async () => {
  await withTempDir(async (dir) => {
    const anchorDir = join(dir, 'anchors');
    const { invoke } = setup({}, join(dir, 'backups'), anchorDir);
    expect(await invoke(IPC_CHANNELS.anchorRead, PAGE, { store: 'golos' })).toEqual({
      ok: true,
      value: null,
    });
    const anchor = { seq: 16, hash: 'a'.repeat(64), at: '2026-12-02T10:00:00.000Z' };
    expect(await invoke(IPC_CHANNELS.anchorWrite, PAGE, { store: 'golos', anchor })).toEqual({
      ok: true,
      value: null,
    });
    expect(JSON.parse(readFileSync(join(anchorDir, 'golos.json'), 'utf8'))).toEqual(anchor);
    expect(await invoke(IPC_CHANNELS.anchorRead, PAGE, { store: 'golos' })).toEqual({
      ok: true,
      value: anchor,
    });
    for (const bad of [
      { store: '../golos', anchor },
      { store: 'golos', anchor: { ...anchor, seq: -1 } },
      { store: 'golos', anchor: { ...anchor, hash: 'x' } },
      { store: 'golos', anchor, path: '/tmp' },
    ]) {
      expect(await invoke(IPC_CHANNELS.anchorWrite, PAGE, bad)).toMatchObject({
        ok: false,
        error: [{ code: 'ipc_invalid_argument' }],
      });
    }
    // Refused from anywhere but our page; the file is as written.
    expect(
      await invoke(IPC_CHANNELS.anchorWrite, 'https://evil.example/', {
        store: 'golos',
        anchor: { ...anchor, seq: 1 },
      }),
    ).toMatchObject({ ok: false, error: [{ code: 'ipc_untrusted_sender' }] });
    expect(JSON.parse(readFileSync(join(anchorDir, 'golos.json'), 'utf8'))).toEqual(anchor);
  });
});
