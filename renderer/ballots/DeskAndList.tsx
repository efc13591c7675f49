import { useRef, useState, type ReactNode } from 'react';
import type { Meeting } from '../../shared/meetings/meeting';
import { BallotList } from './BallotList';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { EntryDesk, type EditRequest } from './EntryDesk';
import { useLiveResults } from './hooks';

/**
 * The entry desk and, below it, the list of the ballots stored on its channel, wired to each other:
 * F4 at the desk opens the list, Esc in the list goes back to the desk, and a correction chosen in the
 * list is loaded into the desk with its reason. `children` stand between the two.
 */
export function DeskAndList({
  meeting,
  snap,
  store,
  channel,
  operator,
  onOperatorChange,
  autoFocus = true,
  children,
}: {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
  channel: 'paper' | 'in_person';
  operator: string;
  onOperatorChange: (name: string) => void;
  /** The desk takes the keyboard when it opens. */
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  const [edit, setEdit] = useState<EditRequest | null>(null);
  const listOpen = useRef<(() => void) | null>(null);
  const entryFocus = useRef<(() => void) | null>(null);
  const live = useLiveResults(snap.input);
  // What the desk and the list both show and write with.
  const common = { meeting, snap, store, channel, operator, live };
  return (
    <>
      <EntryDesk
        {...common}
        editRequest={edit}
        onOperatorChange={onOperatorChange}
        onLeave={() => listOpen.current?.()}
        focusRef={entryFocus}
        autoFocus={autoFocus}
      />
      {children}
      <BallotList
        {...common}
        onEdit={(ballot, reason) => setEdit({ ballot, reason, nonce: Date.now() })}
        openRef={listOpen}
        onBack={() => entryFocus.current?.()}
      />
    </>
  );
}
