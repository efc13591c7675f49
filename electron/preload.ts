/**
 * Preload (runs sandboxed, with context isolation): exposes `window.golos` with one typed function per
 * IPC channel and nothing else — never ipcRenderer itself. Imports only `electron` and the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type GolosBridge } from '../shared/ipc/contract';

const bridge: GolosBridge = {
  saveFile: (req) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, req),
  openFile: (req) => ipcRenderer.invoke(IPC_CHANNELS.openFile, req),
  writePackage: (req) => ipcRenderer.invoke(IPC_CHANNELS.writePackage, req),
  saveBackup: (req) => ipcRenderer.invoke(IPC_CHANNELS.backupSave, req),
  listBackups: (req) => ipcRenderer.invoke(IPC_CHANNELS.backupList, req),
  readBackup: (req) => ipcRenderer.invoke(IPC_CHANNELS.backupRead, req),
  readAnchor: (req) => ipcRenderer.invoke(IPC_CHANNELS.anchorRead, req),
  writeAnchor: (req) => ipcRenderer.invoke(IPC_CHANNELS.anchorWrite, req),
};

contextBridge.exposeInMainWorld('golos', bridge);
