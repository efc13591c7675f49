/**
 * `golos` command line. Thin: arguments and files only; the work is in shared/ (tallyFiles).
 *   golos tally --registry FILE --meeting FILE [--gosuslugi FILE]... [--paper FILE]... --out DIR
 * Exit 0 with DIR/results.json; on bad input exit 1 with Russian messages (file, row, field), writing nothing.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Problem } from '../shared/result';
import { formatJson } from '../shared/results/formatJson';
import { tallyFiles, type InputFile } from '../shared/results/tallyFiles';

const USAGE =
  'Использование: golos tally --registry РЕЕСТР.xlsx --meeting СОБРАНИЕ.json ' +
  '[--gosuslugi ГОСУСЛУГИ.xlsx]... [--paper БЮЛЛЕТЕНИ.csv]... --out ПАПКА';

interface TallyArgs {
  registry: string;
  meeting: string;
  gosuslugi: string[];
  paper: string[];
  out: string;
}

export function parseArgs(
  argv: readonly string[],
): { ok: true; args: TallyArgs } | { ok: false; message: string } {
  if (argv[0] !== 'tally') {
    return { ok: false, message: argv[0] ? `Неизвестная команда «${argv[0]}».\n${USAGE}` : USAGE };
  }
  const lists: Record<string, string[]> = { registry: [], meeting: [], gosuslugi: [], paper: [], out: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? a.slice(2, eq > 0 ? eq : undefined) : '';
    if (!(name in lists)) return { ok: false, message: `Неизвестный параметр «${a}».\n${USAGE}` };
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return { ok: false, message: `Параметр --${name}: не указан файл.\n${USAGE}` };
    }
    lists[name]!.push(value);
  }
  for (const single of ['registry', 'meeting', 'out']) {
    if (lists[single]!.length !== 1) {
      return {
        ok: false,
        message: `Параметр --${single} ${lists[single]!.length === 0 ? 'обязателен' : 'указан больше одного раза'}.\n${USAGE}`,
      };
    }
  }
  return {
    ok: true,
    args: {
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

/** Atomic write: a temporary file, fsync, rename over the target. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 1;
  }
  const { args } = parsed;
  // Sources are named by the file's base name; two different files with one base name keep their paths.
  const all = [args.registry, args.meeting, ...args.gosuslugi, ...args.paper];
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
  const files = {
    registry: load(args.registry),
    meeting: load(args.meeting),
    gosuslugi: args.gosuslugi.map(load),
    paper: args.paper.map(load),
  };
  if (readErrors.length > 0) {
    process.stderr.write(`${readErrors.join('\n')}\n`);
    return 1;
  }
  const result = await tallyFiles(files);
  if (!result.ok) {
    process.stderr.write(
      `Подсчёт не выполнен, ничего не записано:\n${result.error.map(formatProblem).join('\n')}\n`,
    );
    return 1;
  }
  for (const w of result.value.warnings) process.stderr.write(`Предупреждение: ${formatProblem(w)}\n`);
  mkdirSync(args.out, { recursive: true });
  const target = join(args.out, 'results.json');
  writeAtomic(target, `${formatJson(result.value.results)}\n`);
  const r = result.value.results;
  process.stdout.write(
    `Записано ${target}: приняли участие ${r.participation.persons} (членов ${r.participation.members}), ` +
      `кворум ${r.quorum.reached ? 'есть' : 'нет'}, вопросов ${r.questions.length}.\n`,
  );
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /golos\.(mjs|ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`Внутренняя ошибка: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(2);
    },
  );
}
