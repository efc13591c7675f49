/**
 * A meeting's timeline: every dated step with the days left, the broken deadlines as Russian
 * warnings, and the next deadline for the meetings list. Pure calendar arithmetic in UTC days.
 *
 * The meeting "starts" on the earlier of the voting start and the in-person part; notice and
 * materials are measured back from that day. Periods are counted as people count them, both ends
 * included: paper ballots «с 1 по 7 мая» are accepted for 7 days, voting «с 1 по 20 мая» lasts 20.
 *
 * СНТ (217-ФЗ art. 17): notice 14 days by law (part 13), the charter's longer one a setting; materials
 * 7 days (part 17); the paper-ballot window and the protocol's 7 days are the partnership's regulation.
 * МКД (Housing Code): notice 10 days (art. 45 part 4), through ГИС ЖКХ 14 days and voting 7-60 days
 * (art. 47.1); owners told the results within 10 days (art. 46 part 3); no СНТ setting applies.
 */
import type { IsoDate } from '../domain/types';
import { problem, type Problem } from '../result';
import { agendaWarnings } from '../rules/agendaWarnings';
import type { RuleProfile } from '../rules/profile';
import { profileFor } from '../rules/profiles';
import { addDays, dayNumber, describeDaysLeft, formatDateRu, formatDays } from './dates';
import type { Meeting } from './meeting';

/** Deadlines from the charter and the law; each can be changed by the user. */
export interface TimelineSettings {
  /** Notice at least this many days before the meeting, by the charter (reference regulation: 30). */
  noticeDaysCharter: number;
  /** ...and by the law (217-ФЗ art. 17 part 13: two weeks). */
  noticeDaysLaw: number;
  /** Materials available at least this many days before the meeting (law: 7). */
  materialsDays: number;
  /** Paper ballots accepted for this many days from the voting start, at least and at most. */
  paperBallotMinDays: number;
  paperBallotMaxDays: number;
}

export const DEFAULT_TIMELINE_SETTINGS: TimelineSettings = {
  noticeDaysCharter: 30,
  noticeDaysLaw: 14,
  materialsDays: 7,
  paperBallotMinDays: 7,
  paperBallotMaxDays: 14,
};

export type MilestoneKey =
  | 'results_notice'
  | 'notice'
  | 'materials'
  | 'voting_start'
  | 'paper_ballot_deadline'
  | 'session'
  | 'voting_end'
  | 'count'
  | 'protocol_due';

export interface Milestone {
  key: MilestoneKey;
  /** Russian label for the timeline screen. */
  label: string;
  /** `null`: not set yet (or not a valid date). */
  date: IsoDate | null;
  /** Whole days from today to the date: 0 today, negative in the past; `null` without a date. */
  daysLeft: number | null;
  /** `сегодня`, `через 5 дней`, `3 дня назад`; empty without a date. */
  daysLeftText: string;
  /** Passed (or, for the protocol, drawn up). */
  done: boolean;
}

export interface Timeline {
  /** Dated milestones in date order, then the ones without a date, in their natural order. */
  milestones: Milestone[];
  warnings: Problem[];
  /** The first milestone not done yet (an overdue protocol stays next until it is drawn up). */
  nextDeadline: Milestone | null;
}

export interface TimelineOptions {
  settings?: Partial<TimelineSettings>;
  /** Rule profile for the remote-form prohibitions; default: the built-in one for the meeting's kind. */
  profile?: RuleProfile;
}

const LABELS: Record<MilestoneKey, string> = {
  notice: 'Уведомление о собрании',
  materials: 'Материалы доступны для ознакомления',
  voting_start: 'Начало голосования',
  paper_ballot_deadline: 'Последний день приёма бумажных бюллетеней',
  session: 'Очная часть собрания',
  voting_end: 'Окончание голосования',
  count: 'Подсчёт голосов',
  protocol_due: 'Срок составления протокола',
  results_notice: 'Сообщить собственникам об итогах (ч. 3 ст. 46 ЖК РФ)',
};

/** МКД deadlines of the Housing Code, in days. */
export const MKD_DEADLINES = {
  noticeDays: 10,
  gisNoticeDays: 14,
  gisVotingMinDays: 7,
  gisVotingMaxDays: 60,
  resultsNoticeDays: 10,
} as const;

/** The user-facing field each date comes from, named in warnings. */
const FIELDS: Record<Exclude<MilestoneKey, 'protocol_due' | 'results_notice'>, string> = {
  notice: 'Дата уведомления',
  materials: 'Дата размещения материалов',
  voting_start: 'Начало голосования',
  paper_ballot_deadline: 'Срок приёма бумажных бюллетеней',
  session: 'Дата очной части',
  voting_end: 'Окончание голосования',
  count: 'Дата подсчёта голосов',
};

export function buildTimeline(meeting: Meeting, today: IsoDate, opts: TimelineOptions = {}): Timeline {
  const settings = { ...DEFAULT_TIMELINE_SETTINGS, ...opts.settings };
  const todayN = dayNumber(today);
  if (todayN === undefined) throw new RangeError(`Not an ISO date: ${today}`);
  const warnings: Problem[] = [];

  const isMkd = meeting.kind === 'mkd';
  const raw: Record<Exclude<MilestoneKey, 'protocol_due' | 'results_notice'>, string | undefined> = {
    notice: meeting.noticeDate,
    materials: meeting.materialsDate,
    voting_start: meeting.votingStart,
    paper_ballot_deadline: meeting.form === 'in_person' ? undefined : meeting.paperBallotDeadline,
    session: meeting.form === 'remote' ? undefined : meeting.sessionDate,
    voting_end: meeting.votingEnd,
    count: meeting.countDate,
  };
  const dates: Partial<Record<MilestoneKey, IsoDate>> = {};
  for (const [key, value] of Object.entries(raw) as [keyof typeof raw, string | undefined][]) {
    if (!value) continue;
    if (dayNumber(value) === undefined) {
      warnings.push(warn('date_invalid', `${FIELDS[key]}: «${value}» не является датой.`, FIELDS[key]));
    } else {
      dates[key] = value;
    }
  }
  const end = dates.voting_end ?? dates.session;
  if (end) dates.protocol_due = addDays(end, meeting.protocolDueDays);
  if (end && isMkd) dates.results_notice = addDays(end, MKD_DEADLINES.resultsNoticeDays);

  warnings.push(...dateOrderWarnings(dates));
  if (meeting.form !== 'in_person') warnings.push(...sessionWarnings(dates));
  if (isMkd) warnings.push(...mkdWarnings(dates, meeting.viaGisZhkh === true));
  else {
    warnings.push(...advanceWarnings(dates, settings));
    warnings.push(...paperBallotWarnings(dates, settings));
  }
  warnings.push(...paperAfterEndWarnings(dates));
  if (meeting.form === 'remote')
    warnings.push(...agendaWarnings(meeting, opts.profile ?? profileFor(meeting.kind)));

  const protocolDone = Boolean(meeting.protocolDate);
  const milestoneKeys: MilestoneKey[] = [
    'notice',
    'materials',
    'voting_start',
    ...(meeting.form === 'in_person' ? [] : (['paper_ballot_deadline'] as const)),
    ...(meeting.form === 'remote' ? [] : (['session'] as const)),
    'voting_end',
    'count',
    'protocol_due',
    ...(isMkd ? (['results_notice'] as const) : []),
  ];
  const milestones = milestoneKeys.map((key): Milestone => {
    const date = dates[key] ?? null;
    const daysLeft = date === null ? null : dayNumber(date)! - todayN;
    const done = key === 'protocol_due' ? protocolDone : daysLeft !== null && daysLeft < 0;
    const label =
      key === 'session' && meeting.sessionTime
        ? `${LABELS.session}, ${meeting.sessionTime}`
        : key === 'protocol_due'
          ? `${LABELS.protocol_due} (${isMkd ? `${formatDays(meeting.protocolDueDays)}` : 'по регламенту товарищества'})`
          : key === 'paper_ballot_deadline' && !isMkd
            ? `${LABELS.paper_ballot_deadline} (по регламенту товарищества)`
            : LABELS[key];
    return {
      key,
      label,
      date,
      daysLeft,
      daysLeftText: daysLeft === null ? '' : describeDaysLeft(daysLeft),
      done,
    };
  });
  // Stable sort: equal dates keep their natural order; undated ones go last.
  milestones.sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || cmp(a.date, b.date));

  const due = milestones.find((m) => m.key === 'protocol_due');
  if (due?.date && !protocolDone && due.daysLeft! < 0) {
    warnings.push(
      warn(
        'protocol_overdue',
        `Протокол не составлен, а срок истёк ${formatDateRu(due.date)} (${describeDaysLeft(due.daysLeft!)}): ` +
          `протокол составляется в течение ${formatDays(meeting.protocolDueDays)} после окончания голосования.`,
        'Протокол',
      ),
    );
  }

  const nextDeadline = milestones.find((m) => m.date !== null && !m.done) ?? null;
  return { milestones, warnings, nextDeadline };
}

function cmp(a: string | null, b: string | null): number {
  return a === null || b === null || a === b ? 0 : a < b ? -1 : 1;
}

function warn(code: string, message: string, field: string): Problem {
  return problem(code, message, { field }, 'warning');
}

/** Days of a period with both ends included («с 1 по 20 мая» is 20 days). */
function inclusiveDays(from: IsoDate | undefined, to: IsoDate | undefined): number | undefined {
  const d = daysFrom(from, to);
  return d === undefined ? undefined : d + 1;
}

/** The in-person part of a mixed meeting belongs inside the voting period. */
function sessionWarnings(dates: Partial<Record<MilestoneKey, IsoDate>>): Problem[] {
  const { session, voting_start: start, voting_end: end } = dates;
  if (!session || !start || !end) return [];
  if (session >= start && session <= end) return [];
  return [
    warn(
      'session_outside_voting',
      `Очная часть (${formatDateRu(session)}) проходит вне периода голосования ` +
        `(с ${formatDateRu(start)} по ${formatDateRu(end)}).`,
      FIELDS.session,
    ),
  ];
}

/** МКД: notice 10 days (art. 45 part 4); through ГИС ЖКХ notice 14 days and voting 7-60 days (art. 47.1). */
function mkdWarnings(dates: Partial<Record<MilestoneKey, IsoDate>>, gis: boolean): Problem[] {
  const out: Problem[] = [];
  const start = meetingStart(dates);
  const need = gis ? MKD_DEADLINES.gisNoticeDays : MKD_DEADLINES.noticeDays;
  const ahead = daysFrom(dates.notice, start);
  if (ahead !== undefined && ahead < need) {
    out.push(
      warn(
        'notice_late_law',
        `Уведомление (${formatDateRu(dates.notice)}) — ${aheadText(ahead, start!)}: нужно не менее чем за ` +
          `${formatDays(need)} (${gis ? 'ст. 47.1 ЖК РФ, собрание в ГИС ЖКХ' : 'ч. 4 ст. 45 ЖК РФ'}).`,
        FIELDS.notice,
      ),
    );
  }
  const voting = inclusiveDays(dates.voting_start, dates.voting_end);
  const { gisVotingMinDays: min, gisVotingMaxDays: max } = MKD_DEADLINES;
  if (gis && voting !== undefined && voting >= 1 && (voting < min || voting > max)) {
    out.push(
      warn(
        'voting_period_gis',
        `Голосование длится ${formatDays(voting)} (с ${formatDateRu(dates.voting_start)} по ` +
          `${formatDateRu(dates.voting_end)}), а в ГИС ЖКХ — от ${min} до ${formatDays(max)} (ст. 47.1 ЖК РФ).`,
        FIELDS.voting_end,
      ),
    );
  }
  return out;
}

function daysFrom(a: IsoDate | undefined, b: IsoDate | undefined): number | undefined {
  const x = dayNumber(a);
  const y = dayNumber(b);
  return x === undefined || y === undefined ? undefined : y - x;
}

/** The day the meeting begins: the earlier of the voting start and the in-person part. */
function meetingStart(dates: Partial<Record<MilestoneKey, IsoDate>>): IsoDate | undefined {
  const candidates = [dates.voting_start, dates.session].filter((d): d is IsoDate => Boolean(d));
  return candidates.sort()[0];
}

function dateOrderWarnings(dates: Partial<Record<MilestoneKey, IsoDate>>): Problem[] {
  const out: Problem[] = [];
  const { voting_start: start, voting_end: end, count } = dates;
  const votingDays = daysFrom(start, end);
  if (votingDays !== undefined && votingDays < 0) {
    out.push(
      warn(
        'voting_end_before_start',
        `Окончание голосования (${formatDateRu(end)}) раньше его начала (${formatDateRu(start)}).`,
        FIELDS.voting_end,
      ),
    );
  }
  const countAfterEnd = daysFrom(end, count);
  if (countAfterEnd !== undefined && countAfterEnd < 0) {
    out.push(
      warn(
        'count_before_end',
        `Подсчёт голосов (${formatDateRu(count)}) назначен раньше окончания голосования (${formatDateRu(end)}).`,
        FIELDS.count,
      ),
    );
  }
  return out;
}

function advanceWarnings(dates: Partial<Record<MilestoneKey, IsoDate>>, s: TimelineSettings): Problem[] {
  const out: Problem[] = [];
  const start = meetingStart(dates);
  const noticeAhead = daysFrom(dates.notice, start);
  if (noticeAhead !== undefined) {
    const head = `Уведомление (${formatDateRu(dates.notice)}) — ${aheadText(noticeAhead, start!)}`;
    if (noticeAhead < s.noticeDaysLaw) {
      out.push(
        warn(
          'notice_late_law',
          `${head}: нарушен минимальный срок по закону — не менее ${formatDays(s.noticeDaysLaw)}.`,
          FIELDS.notice,
        ),
      );
    } else if (noticeAhead < s.noticeDaysCharter) {
      out.push(
        warn(
          'notice_late_charter',
          `${head}: нарушен срок по уставу — не менее ${formatDays(s.noticeDaysCharter)} ` +
            `(минимум по закону, ${formatDays(s.noticeDaysLaw)}, соблюдён).`,
          FIELDS.notice,
        ),
      );
    }
  }
  const materialsAhead = daysFrom(dates.materials, start);
  if (materialsAhead !== undefined && materialsAhead < s.materialsDays) {
    out.push(
      warn(
        'materials_late',
        `Материалы (${formatDateRu(dates.materials)}) — ${aheadText(materialsAhead, start!)}: ` +
          `их нужно разместить не менее чем за ${formatDays(s.materialsDays)}.`,
        FIELDS.materials,
      ),
    );
  }
  return out;
}

function aheadText(days: number, start: IsoDate): string {
  if (days === 0) return `в день начала собрания (${formatDateRu(start)})`;
  if (days < 0) return `через ${formatDays(days)} после начала собрания (${formatDateRu(start)})`;
  return `за ${formatDays(days)} до начала собрания (${formatDateRu(start)})`;
}

function paperBallotWarnings(dates: Partial<Record<MilestoneKey, IsoDate>>, s: TimelineSettings): Problem[] {
  const out: Problem[] = [];
  const deadline = dates.paper_ballot_deadline;
  const period = inclusiveDays(dates.voting_start, deadline);
  if (period !== undefined && (period < s.paperBallotMinDays || period > s.paperBallotMaxDays)) {
    const actual =
      period < 1
        ? `Срок приёма бумажных бюллетеней (${formatDateRu(deadline)}) раньше начала голосования (${formatDateRu(dates.voting_start)})`
        : `Бумажные бюллетени принимаются ${formatDays(period)} (с ${formatDateRu(dates.voting_start)} по ${formatDateRu(deadline)})`;
    out.push(
      warn(
        'paper_ballot_period',
        `${actual}, а по регламенту товарищества срок приёма — от ${s.paperBallotMinDays} до ${formatDays(s.paperBallotMaxDays)}.`,
        FIELDS.paper_ballot_deadline,
      ),
    );
  }
  return out;
}

function paperAfterEndWarnings(dates: Partial<Record<MilestoneKey, IsoDate>>): Problem[] {
  const out: Problem[] = [];
  const deadline = dates.paper_ballot_deadline;
  const afterEnd = daysFrom(dates.voting_end, deadline);
  if (afterEnd !== undefined && afterEnd > 0) {
    out.push(
      warn(
        'paper_ballot_after_end',
        `Срок приёма бумажных бюллетеней (${formatDateRu(deadline)}) позже окончания голосования ` +
          `(${formatDateRu(dates.voting_end)}): засчитываются только бюллетени, полученные до окончания голосования.`,
        FIELDS.paper_ballot_deadline,
      ),
    );
  }
  return out;
}
