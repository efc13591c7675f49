/**
 * Electron main process: one hardened window showing the local renderer, served from dist/renderer under
 * the privileged custom origin `app://golos/` (standard, secure, fetch-capable: the renderer fetches its
 * PDF fonts and starts module workers, which file:// refuses; IndexedDB lives under this origin too).
 *  - contextIsolation, sandbox (for every renderer: app.enableSandbox), no nodeIntegration, webSecurity,
 *    no <webview>; the `remote` module no longer exists in Electron and is not used;
 *  - the `app:` handler (./security/rendererFiles) serves only files inside dist/renderer, for host
 *    `golos` only, with the strict CSP header on every response (and the <meta> in index.html);
 *  - no remote content: every request outside `app://golos/` (any http, https, ws, file...) is cancelled;
 *  - navigation blocked except to app://golos/index.html itself; new windows denied; permission requests
 *    denied; downloads refused (files are saved through IPC);
 *  - IPC: only the channels of shared/ipc/contract, from the app://golos origin, every argument validated
 *    (./ipc/router); automatic backups go to `<userData>/backups` (./ipc/backupHandlers), the audit
 *    anchor to `<userData>/anchors` (./ipc/anchorHandlers);
 *  - single instance.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Dialogs } from './ipc/dialogs';
import { registerIpcHandlers } from './ipc/router';
import { buildMenuTemplate } from './menu';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  isAllowedRequest,
  isAppOrigin,
  isAppPage,
  withSecurityHeaders,
} from './security/policy';
import { serveRendererRequest } from './security/rendererFiles';

const rendererRoot = join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;

app.enableSandbox();
// Must happen before `ready`. No `corsEnabled`: other origins cannot read app:// responses.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

function parentWindow(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

const dialogs: Dialogs = {
  async chooseSavePath({ title, defaultName, filters }) {
    const options = {
      title,
      defaultPath: join(app.getPath('documents'), defaultName),
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const win = parentWindow();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async chooseOpenPaths({ title, filters, multiple }) {
    const options = {
      title,
      filters,
      properties: (multiple ? ['openFile', 'multiSelections'] : ['openFile']) as (
        'openFile' | 'multiSelections'
      )[],
    };
    const win = parentWindow();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? [] : r.filePaths;
  },
  async chooseFolder({ title }) {
    const options = {
      title,
      buttonLabel: 'Записать сюда',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const win = parentWindow();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
  },
};

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

function hardenContents(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAppPage(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedRequest(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'О программе',
    message: `Голос ${app.getVersion()}`,
    detail:
      'Подсчёт голосов общих собраний СНТ и МКД. Работает без интернета; данные хранятся на этом компьютере.',
  };
  const win = parentWindow();
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Голос',
    // The app icon (build/icon.png, copied into the renderer folder as icon.png) for the window and task bar.
    icon: join(rendererRoot, 'icon.png'),
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
}

// Russian locale for the renderer: date fields in the Russian order, Russian number formats.
app.commandLine.appendSwitch('lang', 'ru');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = parentWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererRoot));
    hardenSession();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ devTools: !app.isPackaged, onAbout: showAbout })),
    );
    registerIpcHandlers(ipcMain, {
      dialogs,
      isTrustedSender: isAppOrigin,
      backupDir: join(app.getPath('userData'), 'backups'),
      anchorDir: join(app.getPath('userData'), 'anchors'),
    });
    createWindow();
  });
}
