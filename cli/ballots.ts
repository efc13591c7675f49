/**
 * `golos ballots --registry R --meeting M.json --out ballots.pdf [--blank N] [--order plot|name]
 * [--partnership НАЗВАНИЕ]`: the personalized paper ballots of a meeting, the same PDF the app prints —
 * one ballot per registry person, in plot order (natural: 2 before 10) or by name, then N blank ones.
 * Ids in the QR codes: see cliInputs.ts (p1, p2, … in registry row order; the meeting file's "id").
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBallotsPdf } from '../shared/documents/ballotsPdf';
import type { PdfFonts } from '../shared/documents/pdfFont';
import { parseProtocolFields, withProtocolFields } from '../shared/documents/protocolMeetingJson';
import { ballotOrder, type BallotOrder } from '../shared/registry/sortPersons';
import { atomicWriteAllSync } from '../electron/fs/atomicWrite';
import { startWithMeeting } from './cliInputs';
import { readOptions } from './commandOptions';

export const BALLOTS_USAGE =
  'Использование: golos ballots --registry РЕЕСТР.xlsx --meeting СОБРАНИЕ.json --out БЮЛЛЕТЕНИ.pdf ' +
  '[--blank N] [--order plot|name] [--partnership НАЗВАНИЕ]\n' +
  '  --blank N: ещё N пустых бюллетеней в конце; --order: по номеру участка (по умолчанию) или по ФИО.';

interface BallotsArgs {
  registry: string;
  meeting: string;
  out: string;
  blank: number;
  order: BallotOrder;
  partnership?: string;
}

const NAMES = ['registry', 'meeting', 'out', 'blank', 'order', 'partnership'] as const;

export function parseBallotsArgs(
  argv: readonly string[],
): { ok: true; args: BallotsArgs } | { ok: false; message: string } {
  const options = readOptions(argv, {
    names: NAMES,
    required: ['registry', 'meeting', 'out'],
    usage: BALLOTS_USAGE,
  });
  if (!options.ok) return options;
  const { named } = options;
  const blank = named.blank === undefined ? 0 : Number(named.blank);
  if (!/^\d{1,4}$/.test(named.blank ?? '0')) {
    return {
      ok: false,
      message: `Параметр --blank: «${named.blank}» — нужно целое число от 0 до 9999.`,
    };
  }
  const order = named.order ?? 'plot';
  if (order !== 'plot' && order !== 'name') {
    return {
      ok: false,
      message: `Параметр --order: «${order}» — нужно plot (по участку) или name (по ФИО).`,
    };
  }
  return {
    ok: true,
    args: {
      registry: named.registry!,
      meeting: named.meeting!,
      out: named.out!,
      blank,
      order,
      ...(named.partnership ? { partnership: named.partnership } : {}),
    },
  };
}

export async function ballotsMain(argv: readonly string[], fonts: () => PdfFonts): Promise<number> {
  const inputs = await startWithMeeting(
    parseBallotsArgs(argv),
    'Бюллетени не созданы, ничего не записано:\n',
  );
  if (!inputs) return 1;
  const { args } = inputs;
  // Proposals and the rest of what meeting.json says for the printed papers.
  const printed = parseProtocolFields(readFileSync(args.meeting, 'utf8'), basename(args.meeting));
  if (!printed.ok) {
    process.stderr.write(
      `Бюллетени не созданы, ничего не записано:\n${printed.error.map((p) => p.message).join('\n')}\n`,
    );
    return 1;
  }
  const meeting = withProtocolFields(inputs.meeting, printed.value);
  const voters = ballotOrder(inputs.registry, args.order);
  const bytes = await buildBallotsPdf(meeting, voters, fonts(), {
    blanks: args.blank,
    ...(args.partnership ? { partnershipName: args.partnership } : {}),
  });
  try {
    atomicWriteAllSync([{ path: args.out, data: bytes }]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(
      `Не удалось записать ${args.out}, файл не записан: ${err.code ?? ''} ${err.message}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `Записано ${args.out}: бюллетеней ${voters.length}` +
      (args.blank > 0 ? ` и пустых ${args.blank}` : '') +
      `, порядок: ${args.order === 'plot' ? 'по номеру участка' : 'по ФИО'}.\n`,
  );
  return 0;
}
