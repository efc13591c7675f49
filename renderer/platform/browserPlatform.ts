/**
 * The plain-browser implementation of Platform (`npm run web`, the e2e specs): saving is a download
 * (Blob + object URL + an anchor with `download`, which Playwright sees as a download event), opening is
 * a hidden `<input type=file>`, and the protocol package downloads as one zip with the same manifest.
 */
import { err, ok, problem, type Problem, type Result } from '../../shared/result';
import {
  IPC_LIMITS,
  MANIFEST_NAME,
  type OpenedFile,
  type WrittenPackageFile,
} from '../../shared/ipc/contract';
import { formatManifest } from '../../shared/ipc/manifest';
import {
  formatMegabytes,
  validateAuditAnchor,
  validateOpenFileRequest,
  validateSaveFileRequest,
  validateWritePackageRequest,
} from '../../shared/ipc/validate';
import { sha256Hex } from '../../shared/crypto/sha256';
import type { AuditAnchor, Platform, PlatformAnchors } from './platform';
// fflate is small and already in the main bundle (backup files, XLSX reading): imported statically.
import { strToU8, zipSync } from 'fflate';

/** Object URLs stay alive this long so the browser can finish reading them. */
const REVOKE_AFTER_MS = 60_000;

/** A Blob part from bytes; Uint8Array over an ArrayBuffer-like is accepted by every Blob in practice. */
function blobOf(bytes: Uint8Array, mime: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
}

function download(win: Window, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = win.document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  win.document.body.append(a);
  a.click();
  a.remove();
  win.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Shows a file picker; resolves with the chosen files, or an empty list when the user cancels. */
function pickFiles(win: Window, accept: string[], multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.multiple = multiple;
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    win.document.body.append(input);
    input.click();
  });
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function checkPicked(files: File[], accept: string[]): Problem[] {
  const problems: Problem[] = [];
  if (files.length > IPC_LIMITS.maxOpenFiles) {
    problems.push(
      problem(
        'open_too_many',
        `Выбрано слишком много файлов: ${files.length}, допустимо не более ${IPC_LIMITS.maxOpenFiles}.`,
      ),
    );
  }
  for (const f of files) {
    if (!accept.includes(extensionOf(f.name))) {
      problems.push(
        problem('open_wrong_type', `Файл «${f.name}» не подходит: ожидались файлы ${accept.join(', ')}.`, {
          file: f.name,
        }),
      );
    } else if (f.size > IPC_LIMITS.maxFileBytes) {
      problems.push(
        problem(
          'open_too_large',
          `Файл «${f.name}» слишком большой: ${formatMegabytes(f.size)}, допустимо не более ${formatMegabytes(IPC_LIMITS.maxFileBytes)}.`,
          { file: f.name },
        ),
      );
    }
  }
  return problems;
}

async function readAll(files: File[]): Promise<Result<OpenedFile[]>> {
  const opened: OpenedFile[] = [];
  for (const f of files) {
    try {
      opened.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return err([
        problem('open_read_failed', `Не удалось прочитать файл «${f.name}»: ${detail}.`, { file: f.name }),
      ]);
    }
  }
  return ok(opened);
}

/** localStorage key of a database's anchor (the same since anchors were first kept). */
const anchorKey = (store: string) => `golos.auditAnchor.${store}`;

/** The audit anchor in localStorage, which lives apart from IndexedDB; none where storage is blocked. */
function browserAnchors(win: Window): PlatformAnchors {
  const storage = (): Storage | undefined => {
    try {
      return win.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    async read(store) {
      const text = storage()?.getItem(anchorKey(store));
      if (!text) return ok(null);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      const anchor = validateAuditAnchor(value);
      return anchor.ok
        ? anchor
        : err([
            problem(
              'anchor_damaged',
              `Якорь журнала изменений в хранилище браузера повреждён: ${anchor.error[0]!.message}`,
            ),
          ]);
    },
    async write(store, anchor: AuditAnchor) {
      const valid = validateAuditAnchor(anchor);
      if (!valid.ok) return valid;
      storage()?.setItem(anchorKey(store), JSON.stringify(valid.value));
      return ok(null);
    },
  };
}

export function createBrowserPlatform(win: Window = window): Platform {
  return {
    kind: 'browser',
    anchors: browserAnchors(win),
    async saveFile(req) {
      const valid = validateSaveFileRequest(req);
      if (!valid.ok) return valid;
      const { suggestedName, bytes, mime, beside } = valid.value;
      download(win, suggestedName, blobOf(bytes, mime));
      for (const f of beside ?? []) download(win, f.name, blobOf(f.bytes, 'application/json'));
      return ok({ savedAs: suggestedName });
    },
    async openFile(req) {
      const valid = validateOpenFileRequest(req);
      if (!valid.ok) return valid;
      const { accept, multiple } = valid.value;
      const files = await pickFiles(win, accept, multiple === true);
      const problems = checkPicked(files, accept);
      if (problems.length > 0) return err(problems);
      return readAll(files);
    },
    async writePackage(req) {
      const valid = validateWritePackageRequest(req);
      if (!valid.ok) return valid;
      const { folderName, files } = valid.value;
      const written: WrittenPackageFile[] = files.map((f) => ({
        name: f.name,
        size: f.bytes.byteLength,
        sha256: sha256Hex(f.bytes),
      }));
      const entries: Record<string, Uint8Array> = {};
      for (const f of files) entries[`${folderName}/${f.name}`] = f.bytes;
      entries[`${folderName}/${MANIFEST_NAME}`] = strToU8(formatManifest(written));
      // Unix origin with rw-r--r--: with the default (MS-DOS) origin, common unzip builds re-decode the
      // UTF-8 (Cyrillic) names from an OEM code page and garble them.
      const zip = zipSync(entries, { os: 3, attrs: 0o644 << 16 });
      const zipName = `${folderName}.zip`;
      download(win, zipName, blobOf(zip, 'application/zip'));
      return ok({ location: zipName, files: written, manifest: MANIFEST_NAME, flushed: false });
    },
  };
}
