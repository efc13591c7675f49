import type Dexie from 'dexie';
import { useEffect } from 'react';
import { startDailyBackups } from '../backup/autoBackup';
import { getPlatform } from '../platform/platform';
import { useToast } from './Toasts';

/** Shortly after the start: the day's automatic backup (then checked hourly while the app is open). */
const START_DELAY_MS = 3000;

/** Runs the daily automatic backups while the app is open; a failure is shown as a message. */
export function DailyBackups({ db }: { db: Dexie }) {
  const toast = useToast();
  useEffect(() => {
    let stop: (() => void) | null = null;
    const timer = setTimeout(() => {
      stop = startDailyBackups(db, getPlatform(), {
        onProblem: (message) =>
          toast({ message: `Автоматическая резервная копия не сделана. ${message}`, timeoutMs: 15000 }),
      });
    }, START_DELAY_MS);
    return () => {
      clearTimeout(timer);
      stop?.();
    };
  }, [db, toast]);
  return null;
}
