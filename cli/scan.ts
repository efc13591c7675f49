/**
 * `golos scan --registry R --meeting M.json --out DIR [--received ГГГГ-ММ-ДД] FILE...`: reads scans of
 * the ballots printed for the meeting (PDF, PNG, JPEG, TIFF) and writes DIR/scanned.csv (the ballot
 * batch file, Вид «скан», plus «Источник» = file:page) and DIR/review.json (what a person must decide).
 * `golos tally --paper DIR/scanned.csv` counts it. PDF pages are rasterized by poppler's pdftoppm.
 *
 * Ids: persons are p1, p2, … in registry row order and the meeting is the meeting file's "id" (or
 * «meeting»), as on the ballots the command line prints.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { atomicWriteAllSync } from '../node/fs/atomicWrite';
import { readCliMeetingAndRegistry } from './cliInputs';
import { readPgm } from './pgm';
import { todayIso } from '../shared/meetings/dates';

export { cliMeeting } from './cliInputs';

const run = promisify(execFile);
const DPI = 200;
/** PDF pages rasterized per pdftoppm call; the next slice is rasterized while this one is read. */
const SLICE = 6;

export const SCAN_USAGE =
  'Использование: golos scan --registry РЕЕСТР.xlsx --meeting СОБРАНИЕ.json --out ПАПКА ' +
  '[--received ГГГГ-ММ-ДД] СКАН.pdf|.png|.jpg|.tif...';

interface ScanArgs {
  registry: string;
  meeting: string;
  out: string;
  received?: string;
  files: string[];
}

export function parseScanArgs(
  argv: readonly string[],
): { ok: true; args: ScanArgs } | { ok: false; message: string } {
  const named: Record<string, string | undefined> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const name = a.slice(2);
    if (!['registry', 'meeting', 'out', 'received'].includes(name)) {
      return { ok: false, message: `Неизвестный параметр «${a}».\n${SCAN_USAGE}` };
    }
    const value = argv[++i];
    if (!value || value.startsWith('--'))
      return { ok: false, message: `Параметр --${name}: не указано значение.\n${SCAN_USAGE}` };
    if (named[name] !== undefined)
      return { ok: false, message: `Параметр --${name} указан больше одного раза.\n${SCAN_USAGE}` };
    named[name] = value;
  }
  for (const need of ['registry', 'meeting', 'out']) {
    if (!named[need]) return { ok: false, message: `Параметр --${need} обязателен.\n${SCAN_USAGE}` };
  }
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
    },
  };
}

/** Pages of one input file, each as a gray image, one at a time. */
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
    let next = pages > 0 ? slice(1) : null;
    while (next) {
      const done = await next;
      next = done.to < pages ? slice(done.to + 1) : null;
      for (let p = done.from; p <= done.to; p++) {
        const digits = String(pages).length;
        const file = `${done.prefix}-${String(p).padStart(digits, '0')}.pgm`;
        const image = readPgm(readFileSync(file));
        rmSync(file);
        yield { source: `${name}:${p}`, image };
      }
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
  const parsed = parseScanArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 1;
  }
  const { args } = parsed;
  const inputs = await readCliMeetingAndRegistry(args.meeting, args.registry);
  if (!inputs.ok) {
    process.stderr.write(`${inputs.message}\n`);
    return 1;
  }
  const { meeting, registry } = inputs;

  // Every voter's sheet layouts, built once (the ballots PDF builder in its layout-only mode).
  const layouts = await sheetLayouts(meeting, registry, fonts());
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
