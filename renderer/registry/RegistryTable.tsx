import { memo, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { Person } from '../../shared/domain/types';
import { formatArea } from '../../shared/documents/figuresRu';
import { formatSnils } from '../../shared/registry/snils';
import type { SortKey, SortState } from './sortPersons';
import './registryTable.css';
import { STATUS_LABEL } from '../../shared/vocabulary';

/**
 * The one height of a body row: the virtual scroll places rows by it, and the table sets it as the CSS
 * `--row-h` its rows are drawn at (a cell shows at most two lines, which fit; see registryTable.css).
 */
export const ROW_HEIGHT = 36;
const OVERSCAN = 6;
/** Used before layout is known (and in jsdom, which has no layout). */
const FALLBACK_VIEWPORT = 720;

/**
 * Widths in rem for the short columns (each fits its longest usual value: «садовод без членства»,
 * a СНИЛС, both action buttons); the full name takes the rest. See registryTable.css.
 */
const COLUMNS: { key: SortKey | null; label: string; width?: string; className?: string }[] = [
  { key: 'fullName', label: 'ФИО' },
  { key: 'plot', label: 'Участок', width: '6rem' },
  { key: null, label: 'Кадастровый номер', width: '11.5rem', className: 'c-cadastral' },
  { key: null, label: 'Площадь, м²', width: '7rem' },
  { key: 'status', label: 'Статус', width: '12.5rem' },
  { key: 'snils', label: 'СНИЛС', width: '10rem' },
  { key: null, label: 'Контакты', width: '11rem', className: 'c-contacts' },
  { key: null, label: 'Действия', width: '11.5rem' },
];

function list(values: (string | undefined)[]): string {
  return values.filter(Boolean).join(', ');
}

/**
 * The registry as a table that renders only the rows in view (plus a margin), so thousands of people
 * scroll smoothly. Row count and positions are exposed with aria-rowcount / aria-rowindex.
 */
export function RegistryTable({
  persons,
  sort,
  onSort,
  onEdit,
  onRemove,
  scrollResetKey,
  plotLabel = 'Участок',
}: {
  persons: Person[];
  /** When this changes (new search, filter or sort) the table scrolls back to the top. */
  scrollResetKey: string;
  /** null: the order given (best matches first). */
  sort: SortState | null;
  onSort: (key: SortKey) => void;
  onEdit: (p: Person) => void;
  onRemove: (p: Person) => void;
  /** `Помещение` in an apartment building. */
  plotLabel?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || FALLBACK_VIEWPORT));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Only when scrolled: writing scrollTop forces a layout, which a keystroke should not pay for.
  const scrolledRef = useRef(0);
  useEffect(() => {
    if (scrolledRef.current === 0) return;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    scrolledRef.current = 0;
    setScrollTop(0);
  }, [scrollResetKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(persons.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const visible = persons.slice(first, last);
  const columns = COLUMNS.map((c) => (c.key === 'plot' ? { ...c, label: plotLabel } : c));

  return (
    <div
      className="table-scroll"
      ref={scrollRef}
      onScroll={(e) => {
        scrolledRef.current = e.currentTarget.scrollTop;
        setScrollTop(e.currentTarget.scrollTop);
      }}
      tabIndex={-1}
    >
      <table
        className="grid registry-table"
        aria-label="Реестр участников"
        aria-rowcount={persons.length + 1}
        style={{ '--row-h': `${ROW_HEIGHT}px` } as CSSProperties}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.label} className={c.className} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                aria-sort={
                  c.key && sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                {c.key ? (
                  <button type="button" onClick={() => onSort(c.key!)}>
                    {c.label}
                    {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {visible.map((p, i) => (
            // Keyed by position: a new search fills the rows in place (their text changes) instead of
            // removing the table's rows and building new ones on every keystroke.
            <PersonRow
              key={first + i}
              person={p}
              rowIndex={first + i + 2}
              onEdit={onEdit}
              onRemove={onRemove}
            />
          ))}
          {last < persons.length && (
            <tr
              className="spacer"
              aria-hidden="true"
              style={{ height: (persons.length - last) * ROW_HEIGHT }}
            >
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
      {persons.length === 0 && <p className="empty">Никого не найдено.</p>}
    </div>
  );
}

/** One person's row; re-rendered only when the person (or its position) changes. */
const PersonRow = memo(function PersonRow({
  person: p,
  rowIndex,
  onEdit,
  onRemove,
}: {
  person: Person;
  rowIndex: number;
  onEdit: (p: Person) => void;
  onRemove: (p: Person) => void;
}) {
  const snils = p.snils ? formatSnils(p.snils) : '';
  const plots = list(p.holdings.map((h) => h.plotNumber));
  const cadastral = list(p.holdings.map((h) => h.cadastralNumber));
  const area = list(p.holdings.map((h) => (h.area ? formatArea(h.area) : undefined)));
  const contacts = list([p.phone, p.email]);
  return (
    <tr aria-rowindex={rowIndex}>
      <TextCell text={p.fullName} />
      <TextCell text={plots} />
      <TextCell text={cadastral} />
      <TextCell text={area} />
      <TextCell text={STATUS_LABEL[p.status]} />
      <TextCell text={snils} />
      <TextCell text={contacts} />
      <td className="actions-cell">
        <button type="button" aria-label={`Изменить: ${p.fullName}`} onClick={() => onEdit(p)}>
          Изменить
        </button>{' '}
        <button
          type="button"
          className="danger"
          aria-label={`Удалить: ${p.fullName}`}
          onClick={() => onRemove(p)}
        >
          Удалить
        </button>
      </td>
    </tr>
  );
});

/** A cell of at most two lines (longer text ends with «…»); the full text is its tooltip. */
function TextCell({ text }: { text: string }) {
  return (
    <td title={text || undefined}>
      <span className="cell-text">{text}</span>
    </td>
  );
}
