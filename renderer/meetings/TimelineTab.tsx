import type { MeetingTabProps } from './MeetingScreen';

// Placeholder until the feature lands (replaced in this session by the feature's own screen).
export function TimelineTab(_props: MeetingTabProps) {
  return <p>Раздел готовится.</p>;
}
