import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { Partnership, Person, PersonStatus } from '../../shared/domain/types';
import type { StatusValues } from '../../shared/registry/statusVocabulary';
import { buildRegistryIndex, searchRegistry } from '../../shared/registry/search';
import { useDb } from '../app/DbContext';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { useToast } from '../app/Toasts';
import { autoBackup } from '../backup/autoBackup';
import { getPlatform, type OpenedFile } from '../platform/platform';
import { exportRegistry } from './exportRegistry';
import { IMPORT_ACCEPT } from './import/importAccept';
import { StatusValuesExport } from './import/StatusValuesExport';
import { getStatusValues, rememberStatusValues } from './import/statusValuesRepo';
import { PersonForm } from './PersonForm';
import { RegistryTable } from './RegistryTable';
import { sortPersons, type SortKey, type SortState } from './sortPersons';
import { useRegistry } from './useRegistry';
import { STATUS_LABEL } from '../../shared/vocabulary';

const ImportWizard = lazy(() => import('./import/ImportWizard').then((m) => ({ default: m.ImportWizard })));

type StatusFilter = PersonStatus | 'all';

function statusFilters(kind: Partnership['kind']): PersonStatus[] {
  // An СНТ never offers «собственник» (an МКД status).
  return kind === 'mkd' ? ['owner'] : ['member', 'gardener'];
}

/** The people a search, a status filter and a sort leave, in display order. */
export function usePersonsShown(
  persons: Person[],
  query: string,
  status: StatusFilter,
  sort: SortState | null,
) {
  const index = useMemo(() => buildRegistryIndex(persons), [persons]);
  const sorted = useMemo(() => (sort ? sortPersons(persons, sort) : null), [persons, sort]);
  return useMemo(() => {
    const hits = searchRegistry(index, query);
    let list: Person[];
    if (sorted) {
      // An explicit sort: the sorted registry, keeping those the search found.
      const found = query.trim() ? new Set(hits.map((h) => h.person)) : null;
      list = found ? sorted.filter((p) => found.has(p)) : sorted;
    } else {
      // Otherwise best matches first (name order with an empty query).
      list = hits.map((h) => h.person);
    }
    return status === 'all' ? list : list.filter((p) => p.status === status);
  }, [index, sorted, query, status]);
}

export function RegistryScreen({ partnership }: { partnership: Partnership }) {
  const db = useDb();
  const toast = useToast();
  const registry = useRegistry(db);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<SortState | null>(null);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importFile, setImportFile] = useState<OpenedFile | null>(null);
  /** The status values remembered from earlier imports, read when an import starts. */
  const [statusValues, setStatusValues] = useState<StatusValues | null>(null);
  const [exporting, setExporting] = useState(false);
  const persons = useMemo(() => registry.persons ?? [], [registry.persons]);
  const shown = usePersonsShown(persons, query, status, sort);
  const kind = partnership.kind;

  const onSort = (key: SortKey) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  /** A database write that failed: nothing changed (each write is one transaction); say so. */
  const failed = useCallback(
    (what: string, e: unknown) =>
      toast({ message: `${what}: ${e instanceof Error ? e.message : String(e)}. Реестр не изменён.` }),
    [toast],
  );

  const { remove, restore: restorePerson } = registry;
  const onRemove = useCallback(
    async (p: Person) => {
      let removed: Person | undefined;
      try {
        removed = await remove(p.id);
      } catch (e) {
        failed(`Не удалось удалить ${p.fullName}`, e);
        return;
      }
      if (!removed) return;
      const restore = removed;
      toast({
        message: `Удалён: ${restore.fullName}`,
        action: {
          label: 'Отменить',
          run: async () => {
            try {
              await restorePerson(restore);
              toast({ message: `Восстановлен: ${restore.fullName}`, timeoutMs: 4000 });
            } catch (e) {
              failed(`Не удалось восстановить ${restore.fullName}`, e);
            }
          },
        },
        timeoutMs: 10000,
      });
    },
    [remove, restorePerson, toast, failed],
  );

  const startImport = async () => {
    // While the user picks a file: the reader is loaded and compiled in its worker, the wizard's code
    // is loaded, and the status values remembered from earlier imports are read.
    void import('./import/importEngine').then((m) => m.warmUpImportWorker());
    void import('./import/ImportWizard');
    const learned = getStatusValues(db, partnership.id);
    const picked = await getPlatform().openFile({ accept: IMPORT_ACCEPT });
    if (!picked.ok) {
      toast({ message: picked.error.map((p) => p.message).join(' ') });
      return;
    }
    const file = picked.value[0];
    if (!file) return;
    setStatusValues(await learned);
    setImportFile(file);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const result = await exportRegistry(persons, partnership);
      toast({ message: result.ok ? result.value : result.error.map((p) => p.message).join(' ') });
    } finally {
      setExporting(false);
    }
  };

  if (registry.persons === null) return <p className="loading">Загрузка реестра…</p>;

  return (
    <section aria-labelledby="registry-title">
      <h1 id="registry-title">Реестр участников</h1>
      <div className="toolbar">
        <Field label="Поиск" className="search" hint="ФИО, номер участка или СНИЛС">
          {(p) => (
            <input
              {...p}
              type="search"
              value={query}
              autoComplete="off"
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
        </Field>
        <Field label="Статус">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="all">все</option>
              {statusFilters(kind).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Добавить человека
        </button>
        <button type="button" onClick={() => void startImport()}>
          Импорт из файла…
        </button>
        <button type="button" onClick={() => void onExport()} disabled={exporting || persons.length === 0}>
          {exporting ? 'Готовлю файл…' : 'Экспорт в XLSX'}
        </button>
        <StatusValuesExport partnershipId={partnership.id} refresh={importFile} />
      </div>
      <p className="counts" role="status" aria-label="Число людей">
        {shown.length === persons.length
          ? `В реестре: ${persons.length}`
          : `Найдено: ${shown.length} из ${persons.length}`}
      </p>
      <RegistryTable
        persons={shown}
        sort={sort}
        onSort={onSort}
        onEdit={setEditing}
        onRemove={onRemove}
        scrollResetKey={`${query}|${status}|${sort?.key}|${sort?.dir}`}
        plotLabel={kind === 'mkd' ? 'Помещение' : 'Участок'}
      />

      {editing && (
        <Modal
          title={editing === 'new' ? 'Новый участник реестра' : `Изменить: ${editing.fullName}`}
          onClose={() => setEditing(null)}
        >
          <PersonForm
            person={editing === 'new' ? undefined : editing}
            others={persons}
            kind={kind}
            onCancel={() => setEditing(null)}
            onSave={async (p) => {
              try {
                const saved = await registry.save(p);
                setEditing(null);
                toast({ message: `Сохранено: ${saved.fullName}`, timeoutMs: 4000 });
              } catch (e) {
                failed(`Не удалось сохранить ${p.fullName}`, e);
              }
            }}
          />
        </Modal>
      )}

      {importFile && statusValues && (
        <Modal title="Импорт реестра из файла" onClose={() => setImportFile(null)}>
          <Suspense fallback={<p role="status">Загрузка…</p>}>
            <ImportWizard
              file={importFile}
              existing={persons}
              kind={kind}
              statusValues={statusValues}
              onClose={() => setImportFile(null)}
              backup={() => autoBackup(db, getPlatform(), 'before-import')}
              onApply={async (changes, mapped) => {
                const counts = await registry.applyImport(changes);
                await rememberStatusValues(db, partnership.id, mapped);
                setImportFile(null);
                toast({
                  message: `Импорт завершён: добавлено ${counts.added}, изменено ${counts.changed}, удалено ${counts.removed}.`,
                });
              }}
            />
          </Suspense>
        </Modal>
      )}
    </section>
  );
}
