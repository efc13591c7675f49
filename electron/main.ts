/**
 * Electron main process: one hardened window showing the local renderer (dist/renderer/index.html).
 *  - contextIsolation, sandbox (for every renderer: app.enableSandbox), no nodeIntegration, webSecurity,
 *    no <webview>; the `remote` module no longer exists in Electron and is not used;
 *  - strict CSP as a response header on every response, file:// included (and the <meta> in index.html);
 *  - no remote content: every request outside the renderer folder (any http, https, ws...) is cancelled;
 *  - navigation blocked except to index.html itself; new windows denied; permission requests denied;
 *    downloads refused (files are saved through IPC);
 *  - IPC: only the channels of ./ipc/contract, from our own page, every argument validated (./ipc/router);
 *    automatic backups go to `<userData>/backups` (./ipc/backupHandlers);
 *  - single instance.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Dialogs } from './ipc/dialogs';
import { registerIpcHandlers } from './ipc/router';
import { buildMenuTemplate } from './menu';
import { isAllowedRequest, isAppPage, withSecurityHeaders } from './security/policy';

const rendererRoot = join(__dirname, '..', 'renderer');
const indexFile = join(rendererRoot, 'index.html');

let mainWindow: BrowserWindow | null = null;

app.enableSandbox();

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
    callback({ cancel: !isAllowedRequest(details.url, rendererRoot) });
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
    if (!isAppPage(url, indexFile)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedRequest(event.url, rendererRoot)) event.preventDefault();
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
  void win.loadFile(indexFile);
}

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
    hardenSession();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ devTools: !app.isPackaged, onAbout: showAbout })),
    );
    registerIpcHandlers(ipcMain, {
      dialogs,
      isTrustedSender: (url) => isAppPage(url, indexFile),
      backupDir: join(app.getPath('userData'), 'backups'),
    });
    createWindow();
  });
}
