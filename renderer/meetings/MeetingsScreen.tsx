import type { Partnership } from '../../shared/domain/types';

// Placeholder until the meetings list lands (replaced in this session).
export function MeetingsScreen(_props: { partnership: Partnership; onOpen: (meetingId: string) => void }) {
  return <p>Раздел готовится.</p>;
}
