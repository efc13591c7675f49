import type { MeetingTabProps } from '../meetings/MeetingScreen';

// Placeholder until the feature lands (replaced in this session by the feature's own screen).
export function ResultsTab(_props: MeetingTabProps) {
  return <p>Раздел готовится.</p>;
}
