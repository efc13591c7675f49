/** A meeting's thresholds for reading scans (db settings `omr:<meeting id>`), changed with an audit entry. */
import { DEFAULT_OMR_SETTINGS, checkOmrSettings, type OmrSettings } from '../../shared/omr/settings';
import type { Result } from '../../shared/result';
import { auditedWrite } from '../db/auditedWrite';
import type { GolosDb } from '../db/db';

const key = (meetingId: string) => `omr:${meetingId}`;

export async function loadOmrSettings(db: GolosDb, meetingId: string): Promise<OmrSettings> {
  const row = await db.settings.get(key(meetingId));
  return { ...DEFAULT_OMR_SETTINGS, ...((row?.value ?? {}) as Partial<OmrSettings>) };
}

export async function saveOmrSettings(
  db: GolosDb,
  meetingId: string,
  settings: OmrSettings,
  actor: string,
): Promise<Result<OmrSettings>> {
  const checked = checkOmrSettings(settings);
  if (!checked.ok) return checked;
  await auditedWrite(db, [db.settings], async (audit) => {
    const before = await db.settings.get(key(meetingId));
    await db.settings.put({ key: key(meetingId), value: { ...settings } });
    await audit({
      actor,
      action: 'settings.omr',
      entity: 'settings',
      entityId: key(meetingId),
      before: before?.value ?? null,
      after: settings,
    });
  });
  return checked;
}
