/**
 * What the cards of the review step share: the card of a row to decide (the row, where it stands, and
 * once decided the undo), the registry search that picks the person, and the «not a participant» form
 * with its reason. The rows found by the name alone (NameMatches) and the rows matching no one or
 * several persons (ReviewStep) are decided with them.
 */
import { useId, type ReactNode } from 'react';
import type { Person } from '../../shared/domain/types';
import type { MatchDecision } from '../../shared/gosuslugi/matchRows';
import type { RegistryIndex } from '../../shared/registry/search';
import type { ReviewRow } from './importSession';
import { PersonSearch } from '../registry/PersonSearch';

/** What every card of a row to decide is given besides its row. */
export interface RowDecision {
  persons: ReadonlyMap<string, Person>;
  getIndex: () => RegistryIndex;
  busy: boolean;
  onDecide: (decision: MatchDecision) => void;
  onUndecide: (row: number) => void;
}

/** A row's card: the row, its status, and the undo once decided; until then `children` decide it. */
export function RowCard({
  row,
  label,
  details,
  decided,
  status,
  busy,
  onUndecide,
  children,
}: {
  row: ReviewRow;
  label: string;
  details: string;
  decided: boolean;
  status: string;
  busy: boolean;
  onUndecide: (row: number) => void;
  children: ReactNode;
}) {
  return (
    <li className={`gos-card${decided ? ' gos-decided' : ''}`} aria-label={label}>
      <p>
        <strong>Строка {row.row}:</strong> {details}
        {row.skipped && ' (строка пропущена)'}
      </p>
      <p className={decided ? 'gos-ok' : 'gos-warn'}>{status}</p>
      {decided ? (
        <button type="button" className="link" disabled={busy} onClick={() => onUndecide(row.row)}>
          Отменить решение по строке {row.row}
        </button>
      ) : (
        children
      )}
    </li>
  );
}

/** The registry search whose pick decides the row: it is that person. */
export function PickPerson({
  row,
  label,
  getIndex,
  busy,
  onDecide,
}: Pick<RowDecision, 'getIndex' | 'busy' | 'onDecide'> & { row: ReviewRow; label: string }) {
  return (
    <PersonSearch
      className="gos-picker"
      links
      label={label}
      index={getIndex}
      disabled={busy}
      onPick={(p) => onDecide({ row: row.row, kind: 'person', personId: p.id })}
    />
  );
}

/** The reason the row's person is not a participant, and the button that decides it so. */
export function NotParticipantForm({
  row,
  label,
  placeholder,
  submit,
  reason,
  onReason,
  busy,
  onDecide,
  onCancel,
}: Pick<RowDecision, 'busy' | 'onDecide'> & {
  row: ReviewRow;
  label: string;
  placeholder: string;
  submit: string;
  reason: string;
  onReason: (reason: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <div className="toolbar">
      <div className="field">
        <label htmlFor={`${id}-reason`}>{label}</label>
        <input
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => onReason(e.target.value)}
          placeholder={placeholder}
        />
      </div>
      <button
        type="button"
        disabled={busy || reason.trim() === ''}
        onClick={() => onDecide({ row: row.row, kind: 'not_participant', reason: reason.trim() })}
      >
        {submit}
      </button>
      <button type="button" className="link" onClick={onCancel}>
        Отмена
      </button>
    </div>
  );
}
