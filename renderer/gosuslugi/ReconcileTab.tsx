import { lazy, Suspense } from 'react';
import type { MeetingTabProps } from '../meetings/meetingTabProps';

// The reconciliation (and the tally it runs) loads with the tab, not with the app.
const ReconcileScreen = lazy(() => import('./ReconcileScreen').then((m) => ({ default: m.ReconcileScreen })));

/** The «Сверка» tab of a meeting. */
export function ReconcileTab(props: MeetingTabProps) {
  return (
    <Suspense fallback={<p className="loading">Загрузка…</p>}>
      <ReconcileScreen {...props} />
    </Suspense>
  );
}
