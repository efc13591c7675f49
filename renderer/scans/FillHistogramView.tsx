import type { FillHistogram } from '../../shared/omr/fillHistogram';
import type { OmrSettings } from '../../shared/omr/settings';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Where the boxes' fill (dark share) fell: one bar per bin (heights on a square-root scale: empty
 * boxes far outnumber the rest), the review band between «пусто до» and «отметка от» shaded, so the
 * commission sees whether the thresholds sit in the gaps.
 */
export function FillHistogramView({
  histogram,
  settings,
}: {
  histogram: FillHistogram;
  settings: OmrSettings;
}) {
  const max = Math.max(1, ...histogram.counts);
  const step = histogram.edges[1] ?? 1;
  const { empty, between, marked } = histogram.bands;
  return (
    <section aria-label="Заполнение клеток" className="fill-histogram">
      <h3>Заполнение клеток</h3>
      <p className="muted">
        Пустые (до {pct(settings.emptyMax)}): {empty}; между порогами (на проверку): {between}; отмеченные (от{' '}
        {pct(settings.markMin)}): {marked}.
      </p>
      <ol className="bars">
        {histogram.counts.map((n, i) => {
          const from = histogram.edges[i]!;
          const mid = from + step / 2;
          const band = mid <= settings.emptyMax ? 'empty' : mid >= settings.markMin ? 'marked' : 'between';
          return (
            <li key={from} className={`bin ${band}`} title={`${pct(from)}–${pct(from + step)}: ${n}`}>
              <span
                className="bar"
                style={{ height: `${n === 0 ? 0 : Math.max(4, Math.sqrt(n / max) * 100)}%` }}
              />
              <span className="count">{n}</span>
              <span className="edge">{Math.round(from * 100)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
