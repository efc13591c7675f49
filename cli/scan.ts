/**
 * `golos scan --registry R --meeting M.json --out DIR [--received ГГГГ-ММ-ДД] [--partnership НАЗВАНИЕ]
 * FILE...`: reads scans of
 * the ballots printed for the meeting (PDF, PNG, JPEG, TIFF) and writes DIR/scanned.csv (the ballot
 * batch file, Вид «скан», plus «Источник» = file:page) and DIR/review.json (what a person must decide).
 * `golos tally --paper DIR/scanned.csv` counts it. PDF pages are rasterized by poppler's pdftoppm.
 *
 * Ids: persons are p1, p2, … in registry row order and the meeting is the meeting file's "id" (or
 * «meeting»), as on the ballots the command line prints. The partnership's name is printed at the top
 * of a ballot and moves everything below it: give the same --partnership as to `golos ballots` (or the
 * name the app printed with), so the reader looks for the boxes where they are.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import type { PdfFonts } from '../shared/documents/pdfFont';
import { rgbaToGray } from '../shared/omr/gray';
import { decodeQrJs } from '../shared/omr/qrRead';
import { StackReader, type ScanPage } from '../shared/omr/readStack';
import { ballotsOfStack, reviewJson, writeScannedBatch } from '../shared/omr/scannedBatch';
import { DEFAULT_OMR_SETTINGS } from '../shared/omr/settings';
import { sheetLayouts } from '../shared/omr/sheetLayouts';
import { atomicWriteAllSync } from '../electron/fs/atomicWrite';
import { startWithMeeting } from './cliInputs';
import { readOptions } from './commandOptions';
import { readPgm } from './pgm';
import { todayIso } from '../shared/meetings/dates';

export { cliMeeting } from './cliInputs';

const run = promisify(execFile);
const DPI = 200;
/** PDF pages rasterized per pdftoppm call. */
const SLICE = 6;
/** pdftoppm calls running at once, ahead of the reading (the machine's cores share them and the reader). */
const SLICES_AHEAD = 2;

export const SCAN_USAGE =
  'Использование: golos scan --registry РЕЕСТР.xlsx --meeting СОБРАНИЕ.json --out ПАПКА ' +
  '[--received ГГГГ-ММ-ДД] [--partnership НАЗВАНИЕ] СКАН.pdf|.png|.jpg|.tif...';

interface ScanArgs {
  registry: string;
  meeting: string;
  out: string;
  received?: string;
  partnership?: string;
  files: string[];
}

export function parseScanArgs(
  argv: readonly string[],
): { ok: true; args: ScanArgs } | { ok: false; message: string } {
  const files: string[] = [];
  const options = readOptions(argv, {
    names: ['registry', 'meeting', 'out', 'received', 'partnership'],
    required: ['registry', 'meeting', 'out'],
    usage: SCAN_USAGE,
    files,
  });
  if (!options.ok) return options;
  const { named } = options;
  if (named.received && !/^\d{4}-\d{2}-\d{2}$/.test(named.received)) {
    return { ok: false, message: `Параметр --received: дата «${named.received}» — нужен вид ГГГГ-ММ-ДД.` };
  }
  if (files.length === 0) return { ok: false, message: `Не указаны файлы сканов.\n${SCAN_USAGE}` };
  return {
    ok: true,
    args: {
      registry: named.registry!,
      meeting: named.meeting!,
      out: named.out!,
      files,
      ...(named.received ? { received: named.received } : {}),
      ...(named.partnership ? { partnership: named.partnership } : {}),
    },
  };
}

/** One buffer for every rasterized page: a fresh 4 MB array a page costs more than reading it. */
let pageBuffer = Buffer.alloc(0);

function readPgmFile(file: string): ReturnType<typeof readPgm> {
  const size = statSync(file).size;
  if (pageBuffer.length < size) pageBuffer = Buffer.allocUnsafe(size);
  const fd = openSync(file, 'r');
  try {
    for (let at = 0; at < size;) {
      const n = readSync(fd, pageBuffer, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return readPgm(pageBuffer.subarray(0, size));
}

/**
 * Pages of one input file, each as a gray image, one at a time. A PDF page's image lives in a shared
 * buffer: it is valid until the next page is asked for.
 */
async function* pagesOf(path: string, work: string): AsyncGenerator<ScanPage> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') {
    let info: string;
    try {
      info = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new UnreadableFile(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${name}: для чтения PDF нужны программы pdfinfo и pdftoppm (пакет poppler-utils).`
          : `${name}: файл PDF не читается.`,
      );
    }
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const slice = (from: number) => {
      const prefix = join(work, `s${from}`);
      const to = Math.min(pages, from + SLICE - 1);
      return run('pdftoppm', [
        '-gray',
        '-r',
        String(DPI),
        '-f',
        String(from),
        '-l',
        String(to),
        path,
        prefix,
      ]).then(() => ({ from, to, prefix }));
    };
    const running: ReturnType<typeof slice>[] = [];
    let from = 1;
    const startSlices = () => {
      for (; running.length < SLICES_AHEAD && from <= pages; from += SLICE) running.push(slice(from));
    };
    startSlices();
    try {
      while (running.length > 0) {
        const done = await running[0]!;
        running.shift();
        startSlices();
        for (let p = done.from; p <= done.to; p++) {
          const digits = String(pages).length;
          const file = `${done.prefix}-${String(p).padStart(digits, '0')}.pgm`;
          const image = readPgmFile(file);
          rmSync(file);
          yield { source: `${name}:${p}`, image };
        }
      }
    } finally {
      // A failed or abandoned read leaves no pdftoppm call unawaited.
      await Promise.allSettled(running);
    }
    return;
  }
  const bytes = readFileSync(path);
  if (ext === '.png') {
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(bytes);
    yield { source: `${name}:1`, image: rgbaToGray(png.data, png.width, png.height) };
  } else if (ext === '.jpg' || ext === '.jpeg') {
    const jpeg = await import('jpeg-js');
    const d = (jpeg.default ?? jpeg).decode(bytes, { useTArray: true, maxMemoryUsageInMB: 1024 });
    yield { source: `${name}:1`, image: rgbaToGray(d.data, d.width, d.height) };
  } else if (ext === '.tif' || ext === '.tiff') {
    const mod = await import('utif2');
    const UTIF = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const ifds = UTIF.decode(bytes);
    for (const [i, ifd] of ifds.entries()) {
      UTIF.decodeImage(bytes, ifd);
      yield { source: `${name}:${i + 1}`, image: rgbaToGray(UTIF.toRGBA8(ifd), ifd.width, ifd.height) };
    }
  } else {
    throw new UnreadableFile(`${name}: не скан — нужен файл PDF, PNG, JPEG или TIFF.`);
  }
}

class UnreadableFile extends Error {}

export async function scanMain(argv: readonly string[], fonts: () => PdfFonts): Promise<number> {
  const inputs = await startWithMeeting(parseScanArgs(argv));
  if (!inputs) return 1;
  const { args, meeting, registry } = inputs;

  // Every voter's sheet layouts, built once (the ballots PDF builder in its layout-only mode).
  const layouts = await sheetLayouts(
    meeting,
    registry,
    fonts(),
    args.partnership ? { partnershipName: args.partnership } : {},
  );
  const reader = new StackReader({
    meetingId: meeting.id,
    frame: layouts.frame,
    settings: DEFAULT_OMR_SETTINGS,
    decodeQr: decodeQrJs,
    layoutOf: async (qr) => layouts.layoutOf(qr),
  });

  const work = mkdtempSync(join(tmpdir(), 'golos-scan-'));
  let pages = 0;
  try {
    for (const file of args.files) {
      for await (const page of pagesOf(file, work)) {
        await reader.addPage(page);
        pages++;
      }
    }
  } catch (e) {
    const message =
      e instanceof UnreadableFile ? e.message : `не удалось прочитать скан: ${(e as Error).message}`;
    process.stderr.write(`Сканы не прочитаны, ничего не записано: ${message}\n`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const result = reader.finish();
  const ballots = ballotsOfStack(result.ballots, { copy: 'scan', receivedAt: args.received ?? todayIso() });
  const questions = meeting.questions.map((q) => q.number);
  const review = [
    ...result.rejected.map((r) => ({
      source: r.source,
      personId: r.qr?.personId ?? '',
      question: null,
      reason: 'unreadable' as const,
      message: r.message,
    })),
    ...result.review,
  ];
  mkdirSync(args.out, { recursive: true });
  atomicWriteAllSync([
    { path: join(args.out, 'scanned.csv'), data: writeScannedBatch(ballots, questions, registry) },
    { path: join(args.out, 'review.json'), data: reviewJson(review, registry) },
  ]);
  process.stdout.write(
    `Прочитано страниц: ${pages}; бюллетеней: ${ballots.length}; на проверку: ${result.review.length}; ` +
      `не прочитано страниц: ${result.rejected.length}. Записано ${join(args.out, 'scanned.csv')}, ${join(args.out, 'review.json')}.\n`,
  );
  for (const r of result.rejected) process.stderr.write(`${r.source}: ${r.message}\n`);
  return 0;
}
