/**
 * The native dialogs the IPC handlers need, as an interface: main.ts adapts Electron's `dialog` to it,
 * tests pass fakes. No Electron import here.
 */
export interface FileFilter {
  /** Russian label shown in the dialog, e.g. `Таблицы Excel`. */
  name: string;
  /** Extensions without the dot, e.g. `['xlsx']`. */
  extensions: string[];
}

export interface Dialogs {
  /** The path the user chose to save to, or null when cancelled. */
  chooseSavePath(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** The files the user chose; an empty array when cancelled. */
  chooseOpenPaths(opts: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<string[]>;
  /** The folder (or removable drive) the user chose, or null when cancelled. */
  chooseFolder(opts: { title: string }): Promise<string | null>;
}
