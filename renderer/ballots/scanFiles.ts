/**
 * A ballot's scan files (an image or a PDF) as the meeting keeps them: attachments of purpose «scan»,
 * which belong to their ballot (agenda edits never prune or copy them). The mail log stores the files of
 * one arrival with its record (ballotRepo.recordArrival), the Сканы tab a whole stack before reading it
 * (scanRepo.storeScanFiles); both make and store them here, each file with its audit entry.
 */
import type { IsoTimestamp } from '../../shared/domain/types';
import type { AuditAppend } from '../db/auditedWrite';
import { newId, type GolosDb } from '../db/db';
import type { AttachmentRecord } from '../db/records';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** An attachment as the screens list it (the bytes are read only to show the file). */
export type AttachmentMeta = Omit<AttachmentRecord, 'bytes'>;

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** Extensions a scan may have (what the mail log's file picker offers). */
export const SCAN_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

function mimeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return MIME[dot >= 0 ? name.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}

/** The picked files as scan attachments of the meeting, added at `at` (new ids). */
export function scanAttachments(
  meetingId: string,
  files: readonly PickedFile[],
  at: IsoTimestamp,
): AttachmentRecord[] {
  return files.map((f) => ({
    id: newId(),
    meetingId,
    name: f.name,
    mime: mimeOf(f.name),
    size: f.bytes.byteLength,
    bytes: f.bytes,
    addedAt: at,
    purpose: 'scan' as const,
  }));
}

/**
 * Inside an audited write: stores each file with its `attachment.add` entry by `actor` (naming the
 * ballot it came with, when given). Returns the files without their bytes.
 */
export async function storeAttachments(
  db: GolosDb,
  audit: AuditAppend,
  actor: string,
  attachments: readonly AttachmentRecord[],
  ballotId?: string,
): Promise<AttachmentMeta[]> {
  const stored: AttachmentMeta[] = [];
  for (const a of attachments) {
    await db.attachments.add(a);
    const { bytes: _bytes, ...meta } = a;
    await audit({
      actor,
      action: 'attachment.add',
      entity: 'attachment',
      entityId: a.id,
      after: ballotId === undefined ? meta : { ...meta, ballotId },
    });
    stored.push(meta);
  }
  return stored;
}
