/**
 * The meeting and the registry as the command line's ballots name them, shared by `golos ballots` and
 * `golos scan` so a scan of a printed ballot finds its person again:
 *   - person ids are p1, p2, … in registry row order (row order, not print order: sorting the printed
 *     ballots by plot or name never changes an id);
 *   - the meeting id is meeting.json's "id", or «meeting» when it has none (cliMeeting).
 * docs/cli-ballots.md describes both for whoever reads the QR codes.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Person } from '../shared/domain/types';
import { newMeeting, type Meeting } from '../shared/meetings/meeting';
import { readRegistryFile } from '../shared/registry/readRegistryFile';
import { parseMeetingJson } from '../shared/tally/meetingJson';

/** The meeting as the command line prints its ballots: id from the file's "id", else «meeting». */
export function cliMeeting(
  text: string,
  file: string,
): { ok: true; meeting: Meeting } | { ok: false; message: string } {
  const parsed = parseMeetingJson(text, file);
  if (!parsed.ok) return { ok: false, message: parsed.error.map((p) => `${file}: ${p.message}`).join('\n') };
  let id = 'meeting';
  try {
    const raw = JSON.parse(text) as { id?: unknown };
    if (typeof raw.id === 'string' && raw.id) id = raw.id;
  } catch {
    // parseMeetingJson has read it already.
  }
  const spec = parsed.value.meeting;
  const base = newMeeting({
    id,
    partnershipId: 'cli',
    kind: spec.kind,
    title: spec.title,
    now: new Date(0).toISOString(),
  });
  return {
    ok: true,
    meeting: { ...base, ...spec, questions: spec.questions.map((q) => ({ ...q, attachmentIds: [] })) },
  };
}

/** The id the command line gives the person of registry row `index` (0-based, in file order). */
export function cliPersonId(index: number): string {
  return `p${index + 1}`;
}

/** Reads meeting.json and the registry; a bad file is one Russian message (file, row, field). */
export async function readCliMeetingAndRegistry(
  meetingPath: string,
  registryPath: string,
): Promise<{ ok: true; meeting: Meeting; registry: Person[] } | { ok: false; message: string }> {
  try {
    const m = cliMeeting(readFileSync(meetingPath, 'utf8'), basename(meetingPath));
    if (!m.ok) return m;
    const name = basename(registryPath);
    const reg = await readRegistryFile(new Uint8Array(readFileSync(registryPath)), name, {
      kind: m.meeting.kind,
    });
    if (!reg.ok) return { ok: false, message: reg.error.map((p) => `${name}: ${p.message}`).join('\n') };
    return {
      ok: true,
      meeting: m.meeting,
      registry: reg.value.persons.map((p, i) => ({ ...p, id: cliPersonId(i) })),
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'файл не найден' : err.message;
    return { ok: false, message: `Не удалось прочитать файл ${err.path ?? ''}: ${why}` };
  }
}

/**
 * How `golos ballots` and `golos scan` start: their arguments as parsed, then the meeting.json and the
 * registry they name. A problem is written to stderr, after `refusal` (what was not done), and comes
 * back as undefined: the command ends with exit code 1.
 */
export async function startWithMeeting<A extends { meeting: string; registry: string }>(
  parsed: { ok: true; args: A } | { ok: false; message: string },
  refusal = '',
): Promise<{ args: A; meeting: Meeting; registry: Person[] } | undefined> {
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return undefined;
  }
  const inputs = await readCliMeetingAndRegistry(parsed.args.meeting, parsed.args.registry);
  if (!inputs.ok) {
    process.stderr.write(`${refusal}${inputs.message}\n`);
    return undefined;
  }
  return { args: parsed.args, meeting: inputs.meeting, registry: inputs.registry };
}
