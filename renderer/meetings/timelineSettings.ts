/**
 * The partnership's deadlines for the timeline (charter and law), kept in the settings table so the
 * secretary can see and change them; the defaults are those of the reference regulation.
 */
import { DEFAULT_TIMELINE_SETTINGS, type TimelineSettings } from '../../shared/meetings/timeline';
import { auditedWrite } from '../db/auditedWrite';
import { getOperator } from '../app/operator';
import type { GolosDb } from '../db/db';

const KEY = 'timeline.settings';

const FIELDS = Object.keys(DEFAULT_TIMELINE_SETTINGS) as (keyof TimelineSettings)[];

export async function getTimelineSettings(db: GolosDb): Promise<TimelineSettings> {
  const row = await db.settings.get(KEY);
  const stored = (row?.value ?? {}) as Partial<Record<keyof TimelineSettings, unknown>>;
  const out = { ...DEFAULT_TIMELINE_SETTINGS };
  for (const f of FIELDS) {
    const v = stored[f];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[f] = v;
  }
  return out;
}

export async function saveTimelineSettings(db: GolosDb, settings: TimelineSettings): Promise<void> {
  const actor = await getOperator(db);
  await auditedWrite(db, [db.settings], async (audit) => {
    const before = await db.settings.get(KEY);
    await db.settings.put({ key: KEY, value: { ...settings } });
    await audit({
      actor,
      action: 'settings.timeline',
      entity: 'settings',
      entityId: KEY,
      before: before?.value ?? null,
      after: settings,
    });
  });
}

export const SETTING_LABELS: Record<keyof TimelineSettings, string> = {
  noticeDaysCharter: 'Уведомление по уставу, дней до собрания',
  noticeDaysLaw: 'Уведомление по закону, дней до собрания',
  materialsDays: 'Материалы, дней до собрания',
  paperBallotMinDays: 'Приём бумажных бюллетеней, не менее дней',
  paperBallotMaxDays: 'Приём бумажных бюллетеней, не более дней',
};

/** Errors by field: whole days, the law's minimum not above the charter's, min not above max. */
export function timelineSettingsErrors(
  v: Record<keyof TimelineSettings, string>,
): Partial<Record<keyof TimelineSettings, string>> {
  const e: Partial<Record<keyof TimelineSettings, string>> = {};
  const n: Partial<Record<keyof TimelineSettings, number>> = {};
  for (const f of FIELDS) {
    const x = Number(v[f].trim());
    if (!v[f].trim() || !Number.isInteger(x) || x < 0 || x > 365)
      e[f] = 'Укажите целое число дней от 0 до 365.';
    else n[f] = x;
  }
  if (
    n.noticeDaysLaw !== undefined &&
    n.noticeDaysCharter !== undefined &&
    n.noticeDaysLaw > n.noticeDaysCharter
  )
    e.noticeDaysCharter ??= 'Срок по уставу не может быть меньше срока по закону.';
  if (
    n.paperBallotMinDays !== undefined &&
    n.paperBallotMaxDays !== undefined &&
    n.paperBallotMinDays > n.paperBallotMaxDays
  )
    e.paperBallotMaxDays ??= 'Наибольший срок не может быть меньше наименьшего.';
  return e;
}
