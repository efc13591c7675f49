/**
 * The `--name value` options of `golos ballots` and `golos scan`. An unknown option, one without its
 * value, one given twice or a required one missing is a Russian message ending with the command's usage.
 */
export function readOptions<N extends string>(
  argv: readonly string[],
  spec: {
    names: readonly N[];
    required: readonly N[];
    usage: string;
    /** Given: the words that are not options (scan files) are collected here, not refused. */
    files?: string[];
  },
): { ok: true; named: Partial<Record<N, string>> } | { ok: false; message: string } {
  const { names, required, usage, files } = spec;
  const named: Partial<Record<N, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (files && !a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const name = a.startsWith('--') ? (a.slice(2) as N) : undefined;
    if (!name || !names.includes(name)) {
      return { ok: false, message: `Неизвестный параметр «${a}».\n${usage}` };
    }
    const value = argv[++i];
    if (!value || value.startsWith('--'))
      return { ok: false, message: `Параметр --${name}: не указано значение.\n${usage}` };
    if (named[name] !== undefined)
      return { ok: false, message: `Параметр --${name} указан больше одного раза.\n${usage}` };
    named[name] = value;
  }
  for (const need of required) {
    if (!named[need]) return { ok: false, message: `Параметр --${need} обязателен.\n${usage}` };
  }
  return { ok: true, named };
}
