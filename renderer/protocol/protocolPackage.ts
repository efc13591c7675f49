/**
 * The files of the protocol package (what goes on the USB stick): the protocol PDF, the results
 * workbook, results.json (the file the protocol's QR code names), and what the count was made from —
 * the registry as counted (the meeting's frozen snapshot), the Gosuslugi ballots as counted (in the
 * platform's results layout), the ballot batch file of the paper and in-person ballots counted (the
 * format `golos tally --paper` and the batch import read) and the meeting as the command line's
 * meeting.json (with the commission's decisions) — so that `golos tally` on the package's files alone
 * reproduces the app's figures; then the scans attached to the meeting's ballots and a full backup of
 * the database. The platform adds `manifest.sha256` and writes them all or nothing.
 */
import { downloadBackupName } from '../../shared/backup/backupNames';
import { MEETING_JSON_NAME, meetingJsonText } from '../../shared/meetings/meetingJsonExport';
import { buildGosuslugiXlsx, GOSUSLUGI_EXPORT_NAME } from '../../shared/gosuslugi/exportResults';
import { writeBallotBatch } from '../../shared/paper/ballotBatch';
import { err, ok, problem, type Result } from '../../shared/result';
import { RESULTS_FILE_NAME, resultsFileText } from '../../shared/results/resultsFile';
import { getAuditHead } from '../audit/auditLog';
import { makeBackupFile } from '../backup/makeBackupFile';
import type { GolosDb } from '../db/db';
import type { AttachmentRecord } from '../db/records';
import { IPC_LIMITS, type PackageFile } from '../platform/platform';
import type { TalliedMeeting } from './protocolSource';
import { dateRu } from '../../shared/meetings/dates';

export const PACKAGE_NAMES = {
  pdf: 'Протокол.pdf',
  workbook: 'Итоги голосования.xlsx',
  batch: 'Бюллетени (пакетный файл).csv',
  /** The registry the meeting was counted on, as the registry export writes it (`--registry`). */
  registry: 'Реестр (как учтён).xlsx',
  /** The electronic ballots counted (`--gosuslugi`); only when there are any. */
  gosuslugi: GOSUSLUGI_EXPORT_NAME,
  /** The audit trail's last entry (number and hash) when the package was written: the log's anchor. */
  auditHead: 'audit-head.json',
  /** Decisions of the commission meeting.json could not carry (rare: see meetingJsonExport). */
  meetingJsonNotes: 'meeting.json — замечания.txt',
} as const;

/** `Протокол № 3 от 20.06.2026`: the package's folder (Electron) or zip (browser). */
export function packageFolderName(number: string, date: string): string {
  const safeNumber = safeName(number.trim());
  return `Протокол${safeNumber ? ` № ${safeNumber}` : ''} от ${dateRu(date)}`;
}

/** A file name any file system takes: no folders, no reserved characters, not too long. */
export function safeName(name: string, maxBytes = IPC_LIMITS.maxNameBytes - 40): string {
  // eslint-disable-next-line no-control-regex
  let out = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const utf8 = new TextEncoder();
  if (utf8.encode(out).length > maxBytes) {
    const dot = out.lastIndexOf('.');
    const ext = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : '';
    let stem = out.slice(0, out.length - ext.length);
    while (stem && utf8.encode(stem + ext).length > maxBytes) stem = stem.slice(0, -1);
    out = stem.trimEnd() + ext;
  }
  return out;
}

/** Files attached to any version of the meeting's paper and in-person ballots, in the order first referenced. */
export async function ballotScans(db: GolosDb, meetingId: string): Promise<AttachmentRecord[]> {
  return db.transaction('r', [db.paperBallots, db.attachments], async () => {
    const records = await db.paperBallots.where('meetingId').equals(meetingId).toArray();
    const ids = [...new Set(records.flatMap((r) => r.versions.flatMap((v) => v.attachmentIds ?? [])))];
    const found = await db.attachments.bulkGet(ids);
    return found.filter((a): a is AttachmentRecord => a !== undefined);
  });
}

export interface PackageDocuments {
  pdf: Uint8Array;
  workbook: Uint8Array;
}

export async function collectPackageFiles(
  db: GolosDb,
  source: TalliedMeeting,
  documents: PackageDocuments,
  now: Date = new Date(),
): Promise<Result<PackageFile[]>> {
  let batch: string;
  try {
    batch = writeBallotBatch(
      source.ballots,
      source.meeting.questions.map((q) => q.number),
      source.registry,
    );
  } catch {
    return err([
      problem(
        'package_batch',
        'Пакетный файл бюллетеней не составлен: в одном из бюллетеней не указан участник (ни СНИЛС, ни участок, ни ФИО). Проверьте бюллетени во вкладке «Ввод бюллетеней».',
      ),
    ]);
  }
  const meetingJson = meetingJsonText(source.meeting, source);
  const { buildRegistryXlsx } = await import('../../shared/registry/exportRegistry');
  const registry = await buildRegistryXlsx(source.registry, source.partnership?.name);
  const electronic = source.ballots.some((b) => b.channel === 'gosuslugi');
  const gosuslugi = electronic
    ? await buildGosuslugiXlsx(source.ballots, source.registry, source.meeting.questions)
    : undefined;
  const scans = await ballotScans(db, source.meeting.id);
  const head = await getAuditHead(db);
  const backup = await makeBackupFile(db, { reason: 'before-protocol', now });
  const width = String(scans.length).length;
  return ok([
    { name: PACKAGE_NAMES.pdf, bytes: documents.pdf },
    { name: PACKAGE_NAMES.workbook, bytes: documents.workbook },
    // Byte for byte the file whose SHA-256 the protocol's QR code names.
    { name: RESULTS_FILE_NAME, bytes: new TextEncoder().encode(resultsFileText(source.results)) },
    { name: PACKAGE_NAMES.registry, bytes: registry },
    ...(gosuslugi ? [{ name: PACKAGE_NAMES.gosuslugi, bytes: gosuslugi }] : []),
    { name: PACKAGE_NAMES.batch, bytes: new TextEncoder().encode(batch) },
    { name: MEETING_JSON_NAME, bytes: new TextEncoder().encode(meetingJson.text) },
    // A decision meeting.json cannot carry is said beside it, so the command line's figures are not trusted blindly.
    ...(meetingJson.problems.length > 0
      ? [
          {
            name: PACKAGE_NAMES.meetingJsonNotes,
            bytes: new TextEncoder().encode(`${meetingJson.problems.map((p) => p.message).join('\n')}\n`),
          },
        ]
      : []),
    { name: PACKAGE_NAMES.auditHead, bytes: new TextEncoder().encode(`${JSON.stringify(head)}\n`) },
    ...scans.map((a, i) => ({
      name: `Скан ${String(i + 1).padStart(width, '0')} ${safeName(a.name) || 'без имени'}`,
      bytes: a.bytes,
    })),
    { name: downloadBackupName(now.toISOString()), bytes: backup },
  ]);
}
