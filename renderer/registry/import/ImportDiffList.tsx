import type { PartnershipKind } from '../../../shared/domain/types';
import { describePersonChange, personName } from '../../../shared/registry/describeChange';
import type { RegistryDiff } from '../../../shared/registry/diffRegistry';

/** People listed per group; the rest are counted. */
const SHOWN = 200;

/** Who is added, who changes (field: before → after) and who is missing from the file, by name and plot. */
export function ImportDiffList({
  diff,
  kind,
  deleteMissing,
}: {
  diff: RegistryDiff;
  kind: PartnershipKind;
  deleteMissing: boolean;
}) {
  const more = (n: number) => n > SHOWN && <li>…и ещё {n - SHOWN}.</li>;
  return (
    <div className="import-diff">
      {diff.added.length > 0 && (
        <details open={diff.added.length <= 20}>
          <summary>Добавятся ({diff.added.length})</summary>
          <ul aria-label="Добавятся">
            {diff.added.slice(0, SHOWN).map((p, i) => (
              <li key={i}>{personName(p, kind)}</li>
            ))}
            {more(diff.added.length)}
          </ul>
        </details>
      )}
      {diff.changed.length > 0 && (
        <details open={diff.changed.length <= 20}>
          <summary>Изменятся ({diff.changed.length})</summary>
          <ul aria-label="Изменятся">
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
            {deleteMissing ? 'Удалятся из реестра' : 'Нет в файле (останутся в реестре)'} (
            {diff.removed.length})
          </summary>
          <ul aria-label={deleteMissing ? 'Удалятся из реестра' : 'Нет в файле'}>
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
