import { useState, type ReactNode } from 'react';
import type { PartnershipKind } from '../../../shared/domain/types';
import { describePersonChange, personName } from '../../../shared/registry/describeChange';
import type { RegistryDiff } from '../../../shared/registry/diffRegistry';

/** People listed per group; the rest are counted. */
const SHOWN = 200;

/** A list open at first when short; a long one is drawn when the user opens it (a preview of thousands). */
function DiffGroup({
  summary,
  label,
  count,
  items,
}: {
  summary: string;
  label: string;
  count: number;
  items: () => ReactNode;
}) {
  const [open, setOpen] = useState(count <= 20);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {summary} ({count})
      </summary>
      {open && (
        <ul aria-label={label}>
          {items()}
          {count > SHOWN && <li>…и ещё {count - SHOWN}.</li>}
        </ul>
      )}
    </details>
  );
}

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
  const removed =
    headings !== IMPORT_HEADINGS
      ? { label: headings.removed, summary: headings.removed }
      : deleteMissing
        ? { label: 'Удалятся из реестра', summary: 'Удалятся из реестра' }
        : { label: headings.removed, summary: 'Нет в файле (останутся в реестре)' };
  return (
    <div className="import-diff">
      {n.added > 0 && (
        <DiffGroup
          summary={headings.added}
          label={headings.added}
          count={n.added}
          items={() => diff.added.slice(0, SHOWN).map((p, i) => <li key={i}>{personName(p, kind)}</li>)}
        />
      )}
      {n.changed > 0 && (
        <DiffGroup
          summary={headings.changed}
          label={headings.changed}
          count={n.changed}
          items={() =>
            diff.changed.slice(0, SHOWN).map((c, i) => (
              <li key={i}>
                {personName(c.before, kind)}
                <ul>
                  {describePersonChange(c.before, c.after, c.fields, kind).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))
          }
        />
      )}
      {n.removed > 0 && (
        <DiffGroup
          summary={removed.summary}
          label={removed.label}
          count={n.removed}
          items={() => diff.removed.slice(0, SHOWN).map((p, i) => <li key={i}>{personName(p, kind)}</li>)}
        />
      )}
    </div>
  );
}
