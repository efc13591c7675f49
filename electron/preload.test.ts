import { IPC_CHANNELS, type GolosBridge } from '../shared/ipc/contract';

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
  },
}));

test('exposes only `golos` with one function per channel, each invoking its named channel', async () => {
  await import('./preload');
  expect([...exposed.keys()]).toEqual(['golos']);
  const bridge = exposed.get('golos') as GolosBridge;
  expect(Object.keys(bridge).sort()).toEqual([
    'listBackups',
    'openFile',
    'readAnchor',
    'readBackup',
    'saveBackup',
    'saveFile',
    'writeAnchor',
    'writePackage',
  ]);
  const save = { suggestedName: 'a.pdf', bytes: new Uint8Array(1), mime: 'a/b' };
  const open = { accept: ['.pdf'] };
  const pkg = { folderName: 'P', files: [] };
  await bridge.saveFile(save);
  await bridge.openFile(open);
  await bridge.writePackage(pkg);
  const backup = {
    createdAt: '2025-05-01T10:00:00.000Z',
    reason: 'daily' as const,
    bytes: new Uint8Array(1),
  };
  await bridge.saveBackup(backup);
  await bridge.listBackups({});
  await bridge.readBackup({ id: 'x' });
  const anchor = { store: 'golos', anchor: { seq: 1, hash: 'a'.repeat(64), at: backup.createdAt } };
  await bridge.readAnchor({ store: 'golos' });
  await bridge.writeAnchor(anchor);
  expect(invoked).toEqual([
    [IPC_CHANNELS.saveFile, save],
    [IPC_CHANNELS.openFile, open],
    [IPC_CHANNELS.writePackage, pkg],
    [IPC_CHANNELS.backupSave, backup],
    [IPC_CHANNELS.backupList, {}],
    [IPC_CHANNELS.backupRead, { id: 'x' }],
    [IPC_CHANNELS.anchorRead, { store: 'golos' }],
    [IPC_CHANNELS.anchorWrite, anchor],
  ]);
});
