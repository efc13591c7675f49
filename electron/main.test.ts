// main.ts run against a recording fake of the `electron` module (the real binary cannot run here):
// checks the window's security settings, the session guards and the IPC registration.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Fn = (...args: never[]) => unknown;

const state = vi.hoisted(() => ({
  lock: true,
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  ipc: new Map<string, unknown>(),
  before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  headers: null as
    null | ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  sessionEvents: new Map<string, (...args: unknown[]) => void>(),
  menu: null as unknown,
  quit: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options, loaded: this.loaded });
    }
    loadFile(path: string) {
      this.loaded.push(path);
      return Promise.resolve();
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
  }
  return {
    app: {
      enableSandbox: () => undefined,
      requestSingleInstanceLock: () => state.lock,
      quit: () => void (state.quit += 1),
      on: (event: string, fn: (...args: unknown[]) => void) => state.appEvents.set(event, fn),
      whenReady: () => Promise.resolve(),
      isPackaged: true,
      getPath: (name: string) => (name === 'userData' ? '/home/user/.config/Golos' : '/home/user/Documents'),
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: unknown) => state.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    dialog: {},
    session: {
      defaultSession: {
        webRequest: {
          onBeforeRequest: (fn: typeof state.before) => (state.before = fn),
          onHeadersReceived: (fn: typeof state.headers) => (state.headers = fn),
        },
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
        setDevicePermissionHandler: () => undefined,
        on: (event: string, fn: (...args: unknown[]) => void) => state.sessionEvents.set(event, fn),
      },
    },
  };
});

const rendererRoot = join(__dirname, '..', 'renderer');
const index = join(rendererRoot, 'index.html');

async function start(lock: boolean) {
  vi.resetModules();
  Object.assign(state, { lock, quit: 0, windows: [], before: null });
  state.appEvents.clear();
  state.ipc.clear();
  await import('./main');
  await new Promise((r) => setTimeout(r, 0));
}

test('one hardened window showing the local index.html; IPC channels registered', async () => {
  await start(true);
  expect(state.windows).toHaveLength(1);
  const w = state.windows[0]!;
  expect(w.loaded).toEqual([index]);
  expect(w.options.webPreferences).toMatchObject({
    preload: join(__dirname, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: false,
  });
  expect([...state.ipc.keys()].sort()).toEqual([
    'golos:backup-list',
    'golos:backup-read',
    'golos:backup-save',
    'golos:open-file',
    'golos:save-file',
    'golos:write-package',
  ]);
  expect(state.menu).toHaveLength(4);
});

test('the session cancels remote requests, sets the CSP header and denies permissions and downloads', async () => {
  await start(true);
  const decide = (url: string) => {
    let cancel: boolean | undefined;
    state.before!({ url }, (r) => (cancel = r.cancel));
    return cancel;
  };
  expect(decide('https://example.com/analytics.js')).toBe(true);
  expect(decide('http://127.0.0.1:8080/')).toBe(true);
  expect(decide('file:///etc/passwd')).toBe(true);
  expect(decide(pathToFileURL(join(rendererRoot, 'assets', 'index.js')).href)).toBe(false);

  let headers: unknown;
  state.headers!({ responseHeaders: {} }, (r) => (headers = r));
  expect(headers).toMatchObject({
    responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("default-src 'self'")] },
  });

  let granted: boolean | undefined;
  state.permissionRequest!({}, 'media', (ok) => (granted = ok));
  expect(granted).toBe(false);
  expect(state.permissionCheck!()).toBe(false);

  let prevented = false;
  state.sessionEvents.get('will-download')!({ preventDefault: () => (prevented = true) });
  expect(prevented).toBe(true);
});

test('every web contents: navigation away blocked, new windows denied, webviews refused', async () => {
  await start(true);
  const handlers = new Map<string, Fn>();
  let openHandler: (() => unknown) | null = null;
  const contents = {
    on: (event: string, fn: Fn) => handlers.set(event, fn),
    setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
  };
  state.appEvents.get('web-contents-created')!({}, contents);

  const navigate = (event: string, url: string) => {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url };
    (handlers.get(event) as (e: unknown, url: string) => void)(e, url);
    return prevented;
  };
  expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
  expect(navigate('will-navigate', pathToFileURL(join(rendererRoot, 'other.html')).href)).toBe(true);
  expect(navigate('will-navigate', `${pathToFileURL(index).href}#/registry`)).toBe(false);
  expect(navigate('will-redirect', 'http://example.com/')).toBe(true);
  expect(navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
  expect(navigate('will-attach-webview', 'about:blank')).toBe(true);
  expect(openHandler!()).toEqual({ action: 'deny' });
});

test('a second instance quits at once without a window', async () => {
  await start(false);
  expect(state.quit).toBe(1);
  expect(state.windows).toEqual([]);
  expect(state.ipc.size).toBe(0);
});
