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
}: {
  diff: RegistryDiff;
  kind: PartnershipKind;
  deleteMissing?: boolean;
  headings?: DiffHeadings;
}) {
  const more = (n: number) => n > SHOWN && <li>…и ещё {n - SHOWN}.</li>;
  const removed =
    headings !== IMPORT_HEADINGS
      ? { label: headings.removed, summary: headings.removed }
      : deleteMissing
        ? { label: 'Удалятся из реестра', summary: 'Удалятся из реестра' }
        : { label: headings.removed, summary: 'Нет в файле (останутся в реестре)' };
  return (
    <div className="import-diff">
      {diff.added.length > 0 && (
        <details open={diff.added.length <= 20}>
          <summary>
            {headings.added} ({diff.added.length})
          </summary>
          <ul aria-label={headings.added}>
            {diff.added.slice(0, SHOWN).map((p, i) => (
              <li key={i}>{personName(p, kind)}</li>
            ))}
            {more(diff.added.length)}
          </ul>
        </details>
      )}
      {diff.changed.length > 0 && (
        <details open={diff.changed.length <= 20}>
          <summary>
            {headings.changed} ({diff.changed.length})
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
            {more(diff.changed.length)}
          </ul>
        </details>
      )}
      {diff.removed.length > 0 && (
        <details open={diff.removed.length <= 20}>
          <summary>
            {removed.summary} ({diff.removed.length})
          </summary>
          <ul aria-label={removed.label}>
            {diff.removed.slice(0, SHOWN).map((p, i) => (
              <li key={i}>{personName(p, kind)}</li>
            ))}
            {more(diff.removed.length)}
          </ul>
        </details>
      )}
    </div>
  );
}
