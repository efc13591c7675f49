import {
  downloadBackupName,
  isBackupReason,
  isIsoUtc,
  parseStoredBackupName,
  storedBackupName,
} from './backupNames';

test('stored names carry the time and reason, sort by time and hold no colons', () => {
  const a = storedBackupName('2025-05-01T09:59:59.999Z', 'daily');
  const b = storedBackupName('2025-05-01T10:00:00.000Z', 'before-protocol');
  expect(a).toBe('golos-2025-05-01T09-59-59.999Z-daily.golos-backup');
  expect([b, a].sort()).toEqual([a, b]);
  expect(parseStoredBackupName(b)).toEqual({
    createdAt: '2025-05-01T10:00:00.000Z',
    reason: 'before-protocol',
  });
});

test('any other name is not a stored backup', () => {
  for (const name of [
    '../golos-2025-05-01T10-00-00.000Z-daily.golos-backup',
    'golos-2025-05-01T10-00-00.000Z-weekly.golos-backup',
    'golos-2025-13-01T10-00-00.000Z-daily.golos-backup',
    'golos-2025-05-01T10-00-00.000Z-daily.golos-backup.tmp',
    'Голос, копия 2025-05-01 13-00.golos-backup',
  ]) {
    expect(parseStoredBackupName(name)).toBeNull();
  }
});

test('reasons and timestamps are checked strictly', () => {
  expect(isBackupReason('manual')).toBe(true);
  expect(isBackupReason('toString')).toBe(false);
  expect(isIsoUtc('2025-05-01T10:00:00.000Z')).toBe(true);
  expect(isIsoUtc('2025-02-30T10:00:00.000Z')).toBe(false);
  expect(isIsoUtc('2025-05-01T10:00:00Z')).toBe(false);
});

test('the download name is in local time', () => {
  const at = new Date(2025, 4, 1, 13, 5).toISOString();
  expect(downloadBackupName(at)).toBe('Голос, копия 2025-05-01 13-05.golos-backup');
});
