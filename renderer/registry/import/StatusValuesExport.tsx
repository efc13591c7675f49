import { useEffect, useState } from 'react';
import { statusValuesJson } from '../../../shared/registry/statusValuesJson';
import type { StatusValues } from '../../../shared/registry/statusVocabulary';
import { useDb } from '../../app/DbContext';
import { useToast } from '../../app/Toasts';
import { getPlatform } from '../../platform/platform';
import { getStatusValues } from './statusValuesRepo';

/** The file `golos tally --status-values` reads. */
export const STATUS_VALUES_FILE = 'status-values.json';

/**
 * Saves the status values mapped in imports for the command line (`golos tally --status-values`), so
 * that it reads the same registry file the same way. Shown only when some values are remembered.
 */
export function StatusValuesExport({ partnershipId, refresh }: { partnershipId: string; refresh: unknown }) {
  const db = useDb();
  const toast = useToast();
  const [values, setValues] = useState<StatusValues>({});
  useEffect(() => {
    let live = true;
    // Unchanged values keep the state as it is (no render, and none after the screen is gone).
    void getStatusValues(db, partnershipId).then((next) => {
      if (live) setValues((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
    });
    return () => {
      live = false;
    };
  }, [db, partnershipId, refresh]);
  if (Object.keys(values).length === 0) return null;
  const save = async () => {
    const saved = await getPlatform().saveFile({
      suggestedName: STATUS_VALUES_FILE,
      bytes: new TextEncoder().encode(statusValuesJson(values)),
      mime: 'application/json',
    });
    if (!saved.ok) toast({ message: saved.error.map((p) => p.message).join(' ') });
    else if (saved.value) {
      toast({
        message: `Соответствия статусов сохранены: ${saved.value.savedAs}. Укажите файл в golos tally --status-values.`,
      });
    }
  };
  return (
    <button
      type="button"
      onClick={() => void save()}
      title="Для подсчёта командой golos tally --status-values"
    >
      Соответствия статусов…
    </button>
  );
}
