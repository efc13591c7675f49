import type { PartnershipKind } from '../../../shared/domain/types';
import { describePersonChange, personName } from '../../../shared/registry/describeChange';
import type { RegistryDiff } from '../../../shared/registry/diffRegistry';

/** People listed per group; the rest are counted. */
const SHOWN = 200;

/** Headings of the three lists (the import's by default: what will happen). */
export interface DiffHeadings {
  added: string;
  changed: string;
  removed: string;
}

const IMPORT_HEADINGS: DiffHeadings = { added: 'Добавятся', changed: 'Изменятся', removed: 'Нет в файле' };

/**
 * Who is added, who changes (field: before → after) and who is missing from the file, by name and plot.
 * Also what changed in the registry since a meeting's snapshot (`headings` in the past tense).
 */
export function ImportDiffList({
  diff,
  kind,
  deleteMissing = false,
  headings = IMPORT_HEADINGS,
  counts,
}: {
  diff: RegistryDiff;
  /** Sizes of the lists when `diff` holds only their first people. */
  counts?: { added: number; changed: number; removed: number };
  kind: PartnershipKind;
  deleteMissing?: boolean;
  headings?: DiffHeadings;
}) {
  const n = counts ?? {
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
  };
  const more = (total: number) => total > SHOWN && <li>…и ещё {total - SHOWN}.</li>;
  const removed =
    headings !== IMPORT_HEADINGS
      ? { label: headings.removed, summary: headings.removed }
      : deleteMissing
        ? { label: 'Удалятся из реестра', summary: 'Удалятся из реестра' }
        : { label: headings.removed, summary: 'Нет в файле (останутся в реестре)' };
  return (
    <div className="import-diff">
      {n.added > 0 && (
        <details open={n.added <= 20}>
          <summary>
            {headings.added} ({n.added})
          </summary>
          <ul aria-label={headings.added}>
            {diff.added.slice(0, SHOWN).map((p, i) => (
              <li key={i}>{personName(p, kind)}</li>
            ))}
            {more(n.added)}
          </ul>
        </details>
      )}
      {n.changed > 0 && (
        <details open={n.changed <= 20}>
          <summary>
            {headings.changed} ({n.changed})
          </summary>
          <ul aria-label={headings.changed}>
            {diff.changed.slice(0, SHOWN).map((c, i) => (
              <li key={i}>
                {personName(c.before, kind)}
                <ul>
                  {describePersonChange(c.before, c.after, c.fields, kind).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
            {more(n.changed)}
          </ul>
        </details>
      )}
      {n.removed > 0 && (
        <details open={n.removed <= 20}>
          <summary>
            {removed.summary} ({n.removed})
          </summary>
          <ul aria-label={removed.label}>
            {diff.removed.slice(0, SHOWN).map((p, i) => (
              <li key={i}>{personName(p, kind)}</li>
            ))}
            {more(n.removed)}
          </ul>
        </details>
      )}
    </div>
  );
}
