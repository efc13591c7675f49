// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createBrowserPlatform } from './browserPlatform';

const encode = (s: string) => new TextEncoder().encode(s);

interface Download {
  name: string;
  href: string;
  blob: Blob;
}

/** Captures anchor downloads: the Blob behind the object URL and the anchor's `download` name. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const downloads: Download[] = [];
  let n = 0;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = `blob:test/${(n += 1)}`;
    blobs.set(url, obj as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  const onClick = (e: Event) => {
    const a = e.target as HTMLAnchorElement;
    if (a.tagName !== 'A') return;
    e.preventDefault(); // jsdom does not navigate
    expect(a.isConnected).toBe(true);
    downloads.push({ name: a.download, href: a.href, blob: blobs.get(a.getAttribute('href')!)! });
  };
  document.addEventListener('click', onClick, true);
  return {
    downloads,
    revoked,
    stop: () => document.removeEventListener('click', onClick, true),
  };
}

/** Answers the next file dialog: with files, or a cancel when `files` is null. */
function answerFileDialog(files: File[] | null) {
  const seen: { accept: string; multiple: boolean }[] = [];
  const spy = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
    this: HTMLInputElement,
  ) {
    seen.push({ accept: this.accept, multiple: this.multiple });
    expect(this.isConnected).toBe(true);
    if (files === null) {
      this.dispatchEvent(new Event('cancel'));
    } else {
      Object.defineProperty(this, 'files', { value: files, configurable: true });
      this.dispatchEvent(new Event('change'));
    }
  });
  return { seen, restore: () => spy.mockRestore() };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('saveFile', () => {
  test('downloads the bytes under the suggested name, then revokes the URL', async () => {
    vi.useFakeTimers();
    const cap = captureDownloads();
    const platform = createBrowserPlatform(window);
    expect(platform.kind).toBe('browser');
    const r = await platform.saveFile({
      suggestedName: 'Реестр.xlsx',
      bytes: encode('данные'),
      mime: 'application/x-test',
    });
    cap.stop();
    expect(r).toEqual({ ok: true, value: { savedAs: 'Реестр.xlsx' } });
    expect(cap.downloads).toHaveLength(1);
    const d = cap.downloads[0]!;
    expect(d.name).toBe('Реестр.xlsx');
    expect(d.blob.type).toBe('application/x-test');
    expect(new TextDecoder().decode(await d.blob.arrayBuffer())).toBe('данные');
    expect(document.querySelector('a')).toBeNull();
    expect(cap.revoked).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(cap.revoked).toEqual(['blob:test/1']);
  });

  test('a bad name is refused with the Russian message and nothing is downloaded', async () => {
    const cap = captureDownloads();
    const r = await createBrowserPlatform(window).saveFile({
      suggestedName: '../x.pdf',
      bytes: encode('x'),
      mime: 'a/b',
    });
    cap.stop();
    expect(r.ok || r.error[0]?.message).toMatch(/^Имя файла «\.\.\/x\.pdf»: переход в другую папку/);
    expect(cap.downloads).toEqual([]);
  });
});

describe('openFile', () => {
  test('reads the picked files; the input offers the accepted types', async () => {
    const dialog = answerFileDialog([
      new File(['ФИО;Участок'], 'реестр.CSV'),
      new File([new Uint8Array([1, 2, 3])], 'b.xlsx'),
    ]);
    const r = await createBrowserPlatform(window).openFile({ accept: ['.xlsx', '.csv'], multiple: true });
    expect(dialog.seen).toEqual([{ accept: '.xlsx,.csv', multiple: true }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((f) => f.name)).toEqual(['реестр.CSV', 'b.xlsx']);
    expect(new TextDecoder().decode(r.value[0]!.bytes)).toBe('ФИО;Участок');
    expect(Array.from(r.value[1]!.bytes)).toEqual([1, 2, 3]);
    expect(document.querySelector('input')).toBeNull();
  });

  test('cancel gives an empty list', async () => {
    answerFileDialog(null);
    expect(await createBrowserPlatform(window).openFile({ accept: ['.pdf'] })).toEqual({
      ok: true,
      value: [],
    });
    expect(document.querySelector('input')).toBeNull();
  });

  test('a file of another type is refused by name', async () => {
    answerFileDialog([new File(['x'], 'virus.exe')]);
    const r = await createBrowserPlatform(window).openFile({ accept: ['.xlsx'] });
    expect(r.ok || r.error[0]).toMatchObject({
      code: 'open_wrong_type',
      file: 'virus.exe',
      message: 'Файл «virus.exe» не подходит: ожидались файлы .xlsx.',
    });
  });

  test('an invalid request is refused before any dialog', async () => {
    const dialog = answerFileDialog([]);
    const r = await createBrowserPlatform(window).openFile({ accept: ['xlsx'] });
    expect(r.ok || r.error[0]?.code).toBe('ipc_invalid_argument');
    expect(dialog.seen).toEqual([]);
  });
});

describe('writePackage', () => {
  test('downloads one zip whose folder verifies with `sha256sum -c`', async () => {
    const cap = captureDownloads();
    const files = [
      { name: 'Протокол.pdf', bytes: encode('%PDF протокол') },
      { name: 'Итоги.xlsx', bytes: new Uint8Array(5000).map((_, i) => i % 256) },
    ];
    const r = await createBrowserPlatform(window).writePackage({ folderName: 'Протокол №3', files });
    cap.stop();
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value) return;
    expect(r.value.location).toBe('Протокол №3.zip');
    expect(r.value.flushed).toBe(false);
    expect(r.value.files).toEqual(
      files.map((f) => ({
        name: f.name,
        size: f.bytes.byteLength,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
      })),
    );
    expect(cap.downloads.map((d) => [d.name, d.blob.type])).toEqual([['Протокол №3.zip', 'application/zip']]);

    const zip = new Uint8Array(await cap.downloads[0]!.blob.arrayBuffer());
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(
      ['Протокол №3/manifest.sha256', 'Протокол №3/Итоги.xlsx', 'Протокол №3/Протокол.pdf'].sort(),
    );
    expect(strFromU8(entries['Протокол №3/manifest.sha256']!).split('\n')).toHaveLength(3);
    // Extract with the real `unzip` (UTF-8 names) and verify with the real `sha256sum -c`.
    const dir = mkdtempSync(join(tmpdir(), 'golos-zip-'));
    try {
      writeFileSync(join(dir, 'package.zip'), zip);
      execFileSync('unzip', ['-q', 'package.zip'], { cwd: dir });
      const out = execFileSync('sha256sum', ['-c', 'manifest.sha256'], {
        cwd: join(dir, 'Протокол №3'),
        encoding: 'utf8',
      });
      expect(out).toBe('Протокол.pdf: OK\nИтоги.xlsx: OK\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a duplicate name is refused and nothing is downloaded', async () => {
    const cap = captureDownloads();
    const r = await createBrowserPlatform(window).writePackage({
      folderName: 'P',
      files: [
        { name: 'a.pdf', bytes: encode('1') },
        { name: 'A.PDF', bytes: encode('2') },
      ],
    });
    cap.stop();
    expect(r.ok || r.error[0]?.message).toBe(
      'Файл пакета №2: имя «A.PDF» повторяется (регистр букв не различается).',
    );
    expect(cap.downloads).toEqual([]);
  });
});

describe('anchors', () => {
  test('kept in localStorage under the database name; a damaged value is a problem', async () => {
    localStorage.clear();
    const anchors = createBrowserPlatform(window).anchors!;
    const anchor = { seq: 5, hash: 'c'.repeat(64), at: '2026-12-02T10:00:00.000Z' };
    expect(await anchors.read('golos')).toEqual({ ok: true, value: null });
    expect(await anchors.write('golos', anchor)).toEqual({ ok: true, value: null });
    expect(JSON.parse(localStorage.getItem('golos.auditAnchor.golos')!)).toEqual(anchor);
    expect(await anchors.read('golos')).toEqual({ ok: true, value: anchor });
    localStorage.setItem('golos.auditAnchor.golos', '{"seq":5}');
    expect(await anchors.read('golos')).toMatchObject({ ok: false, error: [{ code: 'anchor_damaged' }] });
  });
});
