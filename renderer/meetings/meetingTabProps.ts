/** What every tab of a meeting receives (kept apart from MeetingScreen so the tabs do not import it). */
import type { ComponentType } from 'react';
import type { Partnership } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import type { MeetingTab } from '../app/useHashRoute';

export interface MeetingTabProps {
  meeting: Meeting;
  partnership: Partnership;
  /** Call after saving a change to the meeting record, so every tab sees it. */
  onMeetingChange: (meeting: Meeting) => void;
}

export type MeetingTabView = { tab: MeetingTab; label: string; View: ComponentType<MeetingTabProps> };
