import type { BallotStoreState } from './ballotStore';

/** While the meeting's ballots load, or why they could not be read. */
export function StoreStatus({ state }: { state: BallotStoreState }) {
  if (state.status === 'failed') {
    return (
      <p role="alert" className="notice error">
        {state.message}
      </p>
    );
  }
  return <p className="loading">Загрузка бюллетеней…</p>;
}
