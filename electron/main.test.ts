// main.ts run against a recording fake of the `electron` module (the real binary cannot run here):
// checks the app:// scheme (privileged before ready, served after), the window's security settings, the
// session guards and the IPC registration. Like Electron, the fake refuses privileged schemes after
// `ready`, and protocol handlers and windows before it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './security/policy';

type Fn = (...args: never[]) => unknown;

type Handler = (request: { url: string; method: string }) => Promise<Response>;

const state = vi.hoisted(() => ({
  lock: true,
  ready: false,
  log: [] as string[],
  schemes: [] as unknown[],
  protocols: new Map<string, unknown>(),
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
  userData: '/home/user/.config/Golos',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      if (!state.ready) throw new Error('BrowserWindow before ready');
      state.log.push('BrowserWindow');
      state.windows.push({ options, loaded: this.loaded });
    }
    loadURL(url: string) {
      this.loaded.push(url);
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
      commandLine: {
        appendSwitch: (name: string, value: string) => state.log.push(`switch ${name}=${value}`),
      },
      requestSingleInstanceLock: () => state.lock,
      quit: () => void (state.quit += 1),
      on: (event: string, fn: (...args: unknown[]) => void) => state.appEvents.set(event, fn),
      whenReady: () => {
        state.log.push('whenReady');
        return Promise.resolve().then(() => {
          state.ready = true;
          state.log.push('ready');
        });
      },
      isPackaged: true,
      getPath: (name: string) => (name === 'userData' ? state.userData : '/home/user/Documents'),
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        if (state.ready) throw new Error('registerSchemesAsPrivileged after ready');
        state.log.push('registerSchemesAsPrivileged');
        state.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: unknown) => {
        if (!state.ready) throw new Error('protocol.handle before ready');
        state.log.push(`protocol.handle ${scheme}`);
        state.protocols.set(scheme, handler);
      },
    },
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

// In the tests main.ts sits in electron/, so the folder it serves is the renderer source folder.
const rendererRoot = join(__dirname, '..', 'renderer');

async function start(lock: boolean) {
  vi.resetModules();
  Object.assign(state, { lock, ready: false, log: [], schemes: [], quit: 0, windows: [], before: null });
  state.appEvents.clear();
  state.ipc.clear();
  state.protocols.clear();
  await import('./main');
  await new Promise((r) => setTimeout(r, 0));
}

test('app:// is privileged before ready, served after it, then the window loads app://golos/index.html', async () => {
  await start(true);
  expect(state.schemes).toEqual([
    {
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
  const at = (entry: string) => state.log.indexOf(entry);
  expect(at('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
  expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('ready'));
  // The Russian locale (date fields in the Russian order) is set before the app is ready.
  expect(at('switch lang=ru')).toBeGreaterThanOrEqual(0);
  expect(at('switch lang=ru')).toBeLessThan(at('ready'));
  expect(at('ready')).toBeLessThan(at('protocol.handle app'));
  expect(at('protocol.handle app')).toBeLessThan(at('BrowserWindow'));
  expect([...state.protocols.keys()]).toEqual(['app']);
  expect(state.windows.map((w) => w.loaded)).toEqual([['app://golos/index.html']]);
  // The window carries the app icon, a real PNG in the renderer folder (and build/icon.png for the installer).
  const icon = String(state.windows[0]!.options.icon);
  expect(icon).toMatch(/renderer[\\/]icon\.png$/);
  const { readFileSync } = await import('node:fs');
  for (const file of ['renderer/public/icon.png', 'build/icon.png']) {
    const png = readFileSync(new URL(`../${file}`, import.meta.url));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
  }
});

test('the app:// handler serves the renderer folder with the CSP header and nothing outside it', async () => {
  await start(true);
  const handler = state.protocols.get('app') as Handler;
  const page = await handler({ url: 'app://golos/index.html', method: 'GET' });
  expect(page.status).toBe(200);
  expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(await page.text()).toBe(readFileSync(join(rendererRoot, 'index.html'), 'utf8'));
  // package.json sits one level above the renderer folder.
  for (const url of [
    'app://golos/../package.json',
    'app://golos/%2e%2e/package.json',
    'app://golos/..%2Fpackage.json',
    'app://other/index.html',
  ]) {
    const r = await handler({ url, method: 'GET' });
    expect(r.status, url).toBe(404);
    expect(r.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  }
});

test('one hardened window; IPC channels registered, answering the app://golos origin only', async () => {
  await start(true);
  expect(state.windows).toHaveLength(1);
  const w = state.windows[0]!;
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
    'golos:anchor-read',
    'golos:anchor-write',
    'golos:backup-list',
    'golos:backup-read',
    'golos:backup-save',
    'golos:open-file',
    'golos:save-file',
    'golos:write-package',
  ]);
  expect(state.menu).toHaveLength(4);

  // The sender check: the app origin gets to validation; anything else is refused before it.
  type Listener = (event: { senderFrame: { url: string } | null }, arg: unknown) => Promise<unknown>;
  const read = state.ipc.get('golos:backup-read') as Listener;
  const codeFrom = async (url: string | null) => {
    const r = (await read({ senderFrame: url === null ? null : { url } }, { id: '../x' })) as {
      error: { code: string }[];
    };
    return r.error[0]!.code;
  };
  expect(await codeFrom('app://golos/index.html#/registry')).toBe('ipc_invalid_argument');
  for (const url of [
    pathToFileURL(join(rendererRoot, 'index.html')).href,
    'app://evil/index.html',
    'https://golos/index.html',
    null,
  ]) {
    expect(await codeFrom(url), String(url)).toBe('ipc_untrusted_sender');
  }
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
  expect(decide(pathToFileURL(join(rendererRoot, 'index.html')).href)).toBe(true);
  expect(decide('app://other/index.html')).toBe(true);
  expect(decide('app://golos/assets/index.js')).toBe(false);
  expect(decide('app://golos/assets/PTSans_400Regular-abc.ttf')).toBe(false);
  expect(decide('blob:app://golos/0b3c')).toBe(false);

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
  expect(navigate('will-navigate', pathToFileURL(join(rendererRoot, 'index.html')).href)).toBe(true);
  expect(navigate('will-navigate', 'app://golos/other.html')).toBe(true);
  expect(navigate('will-navigate', 'app://evil/index.html')).toBe(true);
  expect(navigate('will-navigate', 'app://golos/index.html#/registry')).toBe(false);
  expect(navigate('will-redirect', 'http://example.com/')).toBe(true);
  expect(navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
  expect(navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
  expect(navigate('will-frame-navigate', 'blob:app://golos/0b3c')).toBe(false);
  expect(navigate('will-attach-webview', 'about:blank')).toBe(true);
  expect(openHandler!()).toEqual({ action: 'deny' });
});

test('a second instance quits at once without a window', async () => {
  await start(false);
  expect(state.quit).toBe(1);
  expect(state.windows).toEqual([]);
  expect(state.ipc.size).toBe(0);
  expect(state.protocols.size).toBe(0);
  expect(state.log).not.toContain('whenReady');
});

test('the audit anchor is written through IPC atomically into <userData>/anchors, apart from the backups', async () => {
  const { mkdtemp, readdir, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  state.userData = await mkdtemp(join(tmpdir(), 'golos-userdata-'));
  try {
    await start(true);
    type Listener = (event: { senderFrame: { url: string } | null }, arg: unknown) => Promise<unknown>;
    const call = (channel: string, arg: unknown) =>
      (state.ipc.get(channel) as Listener)({ senderFrame: { url: 'app://golos/index.html' } }, arg);
    const anchor = { seq: 42, hash: 'f'.repeat(64), at: '2026-12-02T10:00:00.000Z' };
    expect(await call('golos:anchor-write', { store: 'golos', anchor })).toEqual({ ok: true, value: null });
    expect(await readdir(state.userData)).toEqual(['anchors']);
    expect(await readdir(join(state.userData, 'anchors'))).toEqual(['golos.json']);
    expect(JSON.parse(await readFile(join(state.userData, 'anchors', 'golos.json'), 'utf8'))).toEqual(anchor);
    expect(await call('golos:anchor-read', { store: 'golos' })).toEqual({ ok: true, value: anchor });
    // A backup saved afterwards lands in its own folder and does not carry or replace the anchor file.
    await call('golos:backup-save', { createdAt: anchor.at, reason: 'daily', bytes: new Uint8Array([1]) });
    expect((await readdir(state.userData)).sort()).toEqual(['anchors', 'backups']);
    expect(await readdir(join(state.userData, 'backups'))).not.toContain('golos.json');
  } finally {
    await rm(state.userData, { recursive: true, force: true });
    state.userData = '/home/user/.config/Golos';
  }
});
