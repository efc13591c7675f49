// @vitest-environment jsdom
import type { GolosBridge } from '../../shared/ipc/contract';
import { createElectronPlatform } from './electronPlatform';
import { getPlatform } from './platform';

function fakeBridge(overrides: Partial<GolosBridge> = {}) {
  const calls: [string, unknown][] = [];
  const bridge: GolosBridge = {
    saveFile: async (req) => {
      calls.push(['saveFile', req]);
      return { ok: true, value: { savedAs: `/home/user/${req.suggestedName}` } };
    },
    openFile: async (req) => {
      calls.push(['openFile', req]);
      return { ok: true, value: [] };
    },
    writePackage: async (req) => {
      calls.push(['writePackage', req]);
      return { ok: true, value: null };
    },
    saveBackup: async (req) => {
      calls.push(['saveBackup', req]);
      return {
        ok: true,
        value: { id: 'x', createdAt: req.createdAt, reason: req.reason, size: req.bytes.length },
      };
    },
    listBackups: async (req) => {
      calls.push(['listBackups', req]);
      return { ok: true, value: [] };
    },
    readBackup: async (req) => {
      calls.push(['readBackup', req]);
      return { ok: true, value: new Uint8Array([7]) };
    },
    readAnchor: async (req) => {
      calls.push(['readAnchor', req]);
      return { ok: true, value: null };
    },
    writeAnchor: async (req) => {
      calls.push(['writeAnchor', req]);
      return { ok: true, value: null };
    },
    ...overrides,
  };
  return { bridge, calls };
}

afterEach(() => {
  delete window.golos;
});

test('getPlatform: Electron when the preload bridge exists, else the browser', () => {
  expect(getPlatform().kind).toBe('browser');
  window.golos = fakeBridge().bridge;
  expect(getPlatform().kind).toBe('electron');
});

test('passes validated requests to the bridge and returns its answers', async () => {
  const { bridge, calls } = fakeBridge();
  const platform = createElectronPlatform(bridge);
  const bytes = new Uint8Array([1]);
  expect(await platform.saveFile({ suggestedName: 'a.pdf', bytes, mime: 'application/pdf' })).toEqual({
    ok: true,
    value: { savedAs: '/home/user/a.pdf' },
  });
  expect(await platform.openFile({ accept: ['.XLSX'] })).toEqual({ ok: true, value: [] });
  expect(await platform.writePackage({ folderName: 'P', files: [{ name: 'a.pdf', bytes }] })).toEqual({
    ok: true,
    value: null,
  });
  expect(calls).toEqual([
    ['saveFile', { suggestedName: 'a.pdf', bytes, mime: 'application/pdf' }],
    ['openFile', { accept: ['.xlsx'], multiple: false }],
    ['writePackage', { folderName: 'P', files: [{ name: 'a.pdf', bytes }] }],
  ]);
});

test('an invalid request never reaches the main process', async () => {
  const { bridge, calls } = fakeBridge();
  const r = await createElectronPlatform(bridge).saveFile({
    suggestedName: 'C:\\x.pdf',
    bytes: new Uint8Array(),
    mime: 'a/b',
  });
  expect(r.ok || r.error[0]?.code).toBe('ipc_invalid_argument');
  expect(calls).toEqual([]);
});

test('a failed IPC call becomes a Russian problem instead of a rejection', async () => {
  const { bridge } = fakeBridge({
    openFile: async () => {
      throw new Error("No handler registered for 'golos:open-file'");
    },
  });
  expect(await createElectronPlatform(bridge).openFile({ accept: ['.csv'] })).toEqual({
    ok: false,
    error: [
      {
        code: 'ipc_failed',
        severity: 'error',
        message:
          "Не удалось открыть файл: ошибка связи с приложением (No handler registered for 'golos:open-file').",
      },
    ],
  });
});

test('backups go through the bridge, validated first; the browser platform has none', async () => {
  const { bridge, calls } = fakeBridge();
  const backups = createElectronPlatform(bridge).backups!;
  const bytes = new Uint8Array([1, 2]);
  const createdAt = '2025-05-01T10:00:00.000Z';
  expect(await backups.save({ createdAt, reason: 'daily', bytes })).toEqual({
    ok: true,
    value: { id: 'x', createdAt, reason: 'daily', size: 2 },
  });
  expect(await backups.list()).toEqual({ ok: true, value: [] });
  const id = 'golos-2025-05-01T10-00-00.000Z-daily.golos-backup';
  expect(await backups.read(id)).toEqual({ ok: true, value: new Uint8Array([7]) });
  const refused = await backups.read('../../etc/passwd');
  expect(refused.ok || refused.error[0]?.message).toBe(
    'Копия: «../../etc/passwd» — не имя автоматической резервной копии.',
  );
  const badSave = await backups.save({ createdAt: 'вчера', reason: 'daily', bytes });
  expect(badSave.ok || badSave.error[0]?.field).toBe('Время копии');
  expect(calls).toEqual([
    ['saveBackup', { createdAt, reason: 'daily', bytes }],
    ['listBackups', {}],
    ['readBackup', { id }],
  ]);
  expect(getPlatform().backups).toBeUndefined();
});

test('the audit anchor goes through the bridge, validated on this side first', async () => {
  const { bridge, calls } = fakeBridge();
  const anchors = createElectronPlatform(bridge).anchors!;
  const anchor = { seq: 3, hash: 'b'.repeat(64), at: '2026-12-02T10:00:00.000Z' };
  expect(await anchors.write('golos', anchor)).toEqual({ ok: true, value: null });
  expect(await anchors.read('golos')).toEqual({ ok: true, value: null });
  expect(calls).toEqual([
    ['writeAnchor', { store: 'golos', anchor }],
    ['readAnchor', { store: 'golos' }],
  ]);
  expect(await anchors.write('../golos', anchor)).toMatchObject({ ok: false, error: [{ field: 'База' }] });
  expect(await anchors.write('golos', { ...anchor, hash: 'zz' })).toMatchObject({
    ok: false,
    error: [{ field: 'Хеш' }],
  });
  expect(calls).toHaveLength(2);
});
