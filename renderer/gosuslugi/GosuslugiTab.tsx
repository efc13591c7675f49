import { lazy, Suspense } from 'react';
import type { MeetingTabProps } from '../meetings/meetingTabProps';

// The import screens load with the tab, not with the app (the initial bundle stays small).
const GosuslugiScreen = lazy(() => import('./GosuslugiScreen').then((m) => ({ default: m.GosuslugiScreen })));

/** The «Госуслуги» tab of a meeting. */
export function GosuslugiTab(props: MeetingTabProps) {
  return (
    <Suspense fallback={<p className="loading">Загрузка…</p>}>
      <GosuslugiScreen {...props} />
    </Suspense>
  );
}
