import { lazy, Suspense } from 'react';
import type { MeetingTabProps } from '../meetings/meetingTabProps';

// The protocol's code (tally, model, preview) loads when the tab is opened, not with the app.
const ProtocolView = lazy(() => import('./ProtocolView').then((m) => ({ default: m.ProtocolView })));

/** The meeting's «Протокол» tab. */
export function ProtocolTab(props: MeetingTabProps) {
  return (
    <Suspense fallback={<p className="loading">Загрузка…</p>}>
      <ProtocolView {...props} />
    </Suspense>
  );
}
