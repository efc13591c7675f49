/**
 * `golos` command line. Thin: arguments and files only; the work is in shared/ (tallyFiles, documents).
 *   golos tally --registry FILE --meeting FILE [--gosuslugi FILE]... [--paper FILE]... --out DIR
 *               [--protocol [--mask-snils]] [--status-values FILE]
 *   golos scan --registry FILE --meeting FILE --out DIR FILE... (cli/scan.ts)
 *   golos ballots --registry FILE --meeting FILE --out FILE.pdf [--blank N] [--order plot|name] (cli/ballots.ts)
 * Exit 0 with DIR/results.json (and with --protocol DIR/protocol.pdf and DIR/results.xlsx); on bad
 * input exit 1 with Russian messages (file, row, field), writing nothing.
 *   golos verify --protocol protocol.pdf --results results.json (cli/verify.ts)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { PT_SANS_FILES, type PdfFonts } from '../shared/documents/pdfFont';
import { parseProtocolFields, withProtocolFields } from '../shared/documents/protocolMeetingJson';
import { buildProtocolModel } from '../shared/documents/protocolModel';
import { buildProtocolPdf } from '../shared/documents/protocolPdf';
import { proofOf, tallyInputSha256 } from '../shared/documents/protocolProof';
import { buildResultsWorkbook } from '../shared/documents/resultsWorkbook';
import { useCommandHeap } from './commandHeap';
import { handOver } from './handOver';
import { protocolSizeProblem } from './protocolLimit';
import type { Problem } from '../shared/result';
import { writeResultsFile } from '../shared/results/resultsFile';
import { readMeetingText, tallyFiles, type InputFile } from '../shared/results/tallyFiles';
import { BALLOTS_USAGE } from './ballots';
import { runVerify, VERIFY_USAGE } from './verify';
import { todayIso } from '../shared/meetings/dates';
import { atomicWriteAllSync, type FileData } from '../electron/fs/atomicWrite';

const USAGE =
  'Использование: golos tally --registry РЕЕСТР.xlsx --meeting СОБРАНИЕ.json ' +
  '[--gosuslugi ГОСУСЛУГИ.xlsx]... [--paper БЮЛЛЕТЕНИ.csv]... --out ПАПКА ' +
  '[--protocol [--mask-snils]] [--status-values СТАТУСЫ.json]\n' +
  '  --protocol: также протокол (protocol.pdf) и таблица итогов (results.xlsx) в той же папке;\n' +
  '  --mask-snils: СНИЛС в протоколе скрыты (копия для опубликования);\n' +
  '  --status-values: значения статуса, заданные в программе (файл «Соответствия статусов»);\n' +
  '    их можно указать и в СОБРАНИЕ.json полем "statusValues".\n' +
  VERIFY_USAGE +
  '\n' +
  BALLOTS_USAGE;

interface TallyArgs {
  registry: string;
  meeting: string;
  gosuslugi: string[];
  paper: string[];
  out: string;
  /** Status values mapped in the app (its exported file). */
  statusValues?: string;
  /** Also write protocol.pdf and results.xlsx; present only when asked for. */
  protocol?: true;
  maskSnils?: true;
}

/** Switches without a value. */
const FLAGS = { protocol: 'protocol', 'mask-snils': 'maskSnils' } as const;

export function parseArgs(
  argv: readonly string[],
): { ok: true; args: TallyArgs } | { ok: false; message: string } {
  if (argv[0] !== 'tally') {
    return { ok: false, message: argv[0] ? `Неизвестная команда «${argv[0]}».\n${USAGE}` : USAGE };
  }
  const lists: Record<string, string[]> = {
    registry: [],
    meeting: [],
    gosuslugi: [],
    paper: [],
    out: [],
    'status-values': [],
  };
  const flags = { protocol: false, maskSnils: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? a.slice(2, eq > 0 ? eq : undefined) : '';
    if (name in FLAGS && eq < 0) {
      flags[FLAGS[name as keyof typeof FLAGS]] = true;
      continue;
    }
    if (!(name in lists)) return { ok: false, message: `Неизвестный параметр «${a}».\n${USAGE}` };
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return { ok: false, message: `Параметр --${name}: не указан файл.\n${USAGE}` };
    }
    lists[name]!.push(value);
  }
  if (lists['status-values']!.length > 1) {
    return { ok: false, message: `Параметр --status-values указан больше одного раза.\n${USAGE}` };
  }
  for (const single of ['registry', 'meeting', 'out']) {
    if (lists[single]!.length !== 1) {
      return {
        ok: false,
        message: `Параметр --${single} ${lists[single]!.length === 0 ? 'обязателен' : 'указан больше одного раза'}.\n${USAGE}`,
      };
    }
  }
  if (flags.maskSnils && !flags.protocol) {
    return { ok: false, message: `Параметр --mask-snils действует только вместе с --protocol.\n${USAGE}` };
  }
  return {
    ok: true,
    args: {
      ...(flags.protocol ? { protocol: true as const } : {}),
      ...(flags.maskSnils ? { maskSnils: true as const } : {}),
      ...(lists['status-values']![0] ? { statusValues: lists['status-values']![0] } : {}),
      registry: lists.registry![0]!,
      meeting: lists.meeting![0]!,
      gosuslugi: lists.gosuslugi!,
      paper: lists.paper!,
      out: lists.out![0]!,
    },
  };
}

function formatProblem(p: Problem): string {
  return p.file ? `${p.file}: ${p.message}` : p.message;
}

function readFonts(): PdfFonts {
  const require = createRequire(import.meta.url);
  return {
    regular: new Uint8Array(readFileSync(require.resolve(PT_SANS_FILES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(PT_SANS_FILES.bold))),
  };
}

/**
 * Runs the command; an unexpected exception (a bug, or a file no check foresaw) is one Russian line
 * and exit 1, never a stack trace.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(
      `Подсчёт не выполнен, ничего не записано: непредвиденная ошибка при чтении файлов ` +
        `(${what.split('\n')[0]!.slice(0, 200)}).\n`,
    );
    return 1;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'verify') return runVerify(argv.slice(1));
  if (argv[0] === 'scan') return (await import('./scan')).scanMain(argv.slice(1), readFonts);
  if (argv[0] === 'ballots') return (await import('./ballots')).ballotsMain(argv.slice(1), readFonts);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 1;
  }
  const { args } = parsed;
  // Sources are named by the file's base name; two different files with one base name keep their paths.
  const all = [
    args.registry,
    args.meeting,
    ...args.gosuslugi,
    ...args.paper,
    ...(args.statusValues ? [args.statusValues] : []),
  ];
  const owners = new Map<string, Set<string>>();
  for (const p of all) owners.set(basename(p), (owners.get(basename(p)) ?? new Set()).add(resolve(p)));
  const readErrors: string[] = [];
  const load = (path: string): InputFile => {
    const name = owners.get(basename(path))!.size > 1 ? path : basename(path);
    try {
      return { name, bytes: new Uint8Array(readFileSync(path)) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      readErrors.push(
        `${name}: ${code === 'ENOENT' ? 'файл не найден' : code === 'EISDIR' ? 'это папка, а не файл' : 'файл не удалось прочитать'} (${path}).`,
      );
      return { name, bytes: new Uint8Array() };
    }
  };
  // The spreadsheets' bytes are handed over to the tally, not held (handOver.ts).
  const spreadsheet = (path: string): InputFile => handOver(load(path), path);
  const files = {
    registry: spreadsheet(args.registry),
    meeting: load(args.meeting),
    gosuslugi: args.gosuslugi.map(spreadsheet),
    paper: args.paper.map(spreadsheet),
    ...(args.statusValues ? { statusValues: load(args.statusValues) } : {}),
  };
  if (readErrors.length > 0) {
    process.stderr.write(`${readErrors.join('\n')}\n`);
    return 1;
  }
  // The protocol's size limit is checked as soon as the registry is read, before the ballots and the tally.
  const result = await tallyFiles(files, args.protocol ? { sizeCheck: protocolSizeProblem } : {});
  if (!result.ok) {
    process.stderr.write(
      `Подсчёт не выполнен, ничего не записано:\n${result.error.map(formatProblem).join('\n')}\n`,
    );
    return 1;
  }
  // What meeting.json says for the protocol only (its text decoded as the tally read it): checked on
  // every run, so a wrong field stops it.
  const meetingText = readMeetingText(files.meeting);
  const printed = meetingText.ok
    ? parseProtocolFields(meetingText.value.text, files.meeting.name)
    : meetingText;
  if (!printed.ok) {
    process.stderr.write(
      `Подсчёт не выполнен, ничего не записано:\n${printed.error.map(formatProblem).join('\n')}\n`,
    );
    return 1;
  }
  const { results, input } = result.value;
  for (const w of result.value.warnings) process.stderr.write(`Предупреждение: ${formatProblem(w)}\n`);
  const target = join(args.out, 'results.json');
  // results.json is written as it is made: for 600,000 persons its text would be another 200 MB.
  const outputs: { path: string; data: FileData }[] = [
    { path: target, data: (emit) => writeResultsFile(results, emit) },
  ];
  if (args.protocol) {
    const model = {
      ...buildProtocolModel(
        {
          ...input,
          meeting: withProtocolFields(input.meeting, printed.value),
          result: result.value.result,
          results,
        },
        { maskSnils: args.maskSnils === true, today: todayIso() },
      ),
      proof: proofOf(results, { inputSha256: tallyInputSha256(input) }),
    };
    outputs.push({ path: join(args.out, 'protocol.pdf'), data: await buildProtocolPdf(model, readFonts()) });
    outputs.push({ path: join(args.out, 'results.xlsx'), data: await buildResultsWorkbook(model) });
  }
  try {
    mkdirSync(args.out, { recursive: true });
    atomicWriteAllSync(outputs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(
      `Не удалось записать результаты в папку ${args.out}, файлы не записаны: ${err.code ?? ''} ${err.message}\n`,
    );
    return 1;
  }
  const r = results;
  process.stdout.write(
    `Записано ${outputs.map((f) => f.path).join(', ')}: приняли участие ${r.participation.persons} ` +
      `(членов ${r.participation.members}), кворум ${r.quorum.reached ? 'есть' : 'нет'}, ` +
      `вопросов ${r.questions.length}.\n`,
  );
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /golos\.(mjs|ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  useCommandHeap();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    () => process.exit(1),
  );
}
