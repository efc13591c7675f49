import { EntryTab } from '../ballots/EntryTab';
import { MailLogTab } from '../ballots/MailLogTab';
import { ResultsTab } from '../ballots/ResultsTab';
import { SessionTab } from '../ballots/SessionTab';
import { GosuslugiTab } from '../gosuslugi/GosuslugiTab';
import { ReconcileTab } from '../gosuslugi/ReconcileTab';
import { ProtocolTab } from '../protocol/ProtocolTab';
import { ScansTab } from '../scans/ScansTab';
import type { MeetingTabView } from './meetingTabProps';
import { PrepareTab } from './PrepareTab';
import { TimelineTab } from './TimelineTab';

/** The meeting's tabs in the order of its life; each feature owns its view. */
export const MEETING_TAB_VIEWS: readonly MeetingTabView[] = [
  { tab: 'prepare', label: 'Подготовка', View: PrepareTab },
  { tab: 'timeline', label: 'Сроки', View: TimelineTab },
  { tab: 'mail', label: 'Поступление', View: MailLogTab },
  { tab: 'entry', label: 'Ввод бюллетеней', View: EntryTab },
  { tab: 'scans', label: 'Сканы', View: ScansTab },
  { tab: 'session', label: 'Очная часть', View: SessionTab },
  { tab: 'gosuslugi', label: 'Госуслуги', View: GosuslugiTab },
  { tab: 'reconcile', label: 'Сверка', View: ReconcileTab },
  { tab: 'results', label: 'Итоги', View: ResultsTab },
  { tab: 'protocol', label: 'Протокол', View: ProtocolTab },
];
