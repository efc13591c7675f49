/**
 * The in-person session: who arrived (a member, a gardener or owner, or a representative with a power
 * of attorney), a running count against the quorum (members for a gardening partnership, weights of
 * all owners for an apartment building, as the rule profile says), and the attendance list to print.
 */
import { add, mul, rational, ZERO, type Rational } from '../arith/rational';
import type { IsoTimestamp, MeetingSpec, Person, Representative } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';
import type { RuleProfile } from '../rules/profile';
import { profileFor } from '../rules/profiles';
import { personWeight } from '../tally/weights';
import { threshold, type Threshold } from './liveResults';
import { powerOfAttorneyDateProblem } from './powerOfAttorney';
import { STATUS_LABEL } from '../vocabulary';
import { dateRu, timeOf } from '../meetings/dates';

export interface AttendanceRecord {
  id: string;
  personId: string;
  /** Local time with its offset (`2026-06-14T10:05:00+03:00`): the list prints the time as written. */
  arrivedAt: IsoTimestamp;
  /** Who came for the person, with the power of attorney's number and date. */
  representative?: Representative;
  /** Commission member who registered the arrival. */
  by: string;
  /** Struck out (registered by mistake, or left before voting): kept, not counted. */
  withdrawn?: { by: string; at: IsoTimestamp; reason: string };
}

function present(list: readonly AttendanceRecord[]): AttendanceRecord[] {
  return list.filter((a) => !a.withdrawn);
}

/**
 * Adds an arrival. Errors (field named, nothing added): the person is not in the registry or is
 * already present; a representative without name, power of attorney number or date.
 */
export function registerAttendance(
  list: readonly AttendanceRecord[],
  arrival: AttendanceRecord,
  registry: readonly Person[],
): Result<AttendanceRecord[]> {
  const problems: Problem[] = [];
  const bad = (code: string, field: string, text: string) =>
    problems.push(problem(code, `Поле «${field}»: ${text}`, { field }));
  const person = registry.find((p) => p.id === arrival.personId);
  if (!person) bad('attendance_person', 'Участник', 'участник не найден в реестре собрания.');
  const already = present(list).find((a) => a.personId === arrival.personId);
  if (person && already) {
    bad(
      'attendance_twice',
      'Участник',
      `${person.fullName} уже отмечен(а) в ${timeOf(already.arrivedAt)}${already.representative ? ` (представитель ${already.representative.fullName})` : ''}.`,
    );
  }
  if (list.some((a) => a.id === arrival.id))
    bad('attendance_id', 'Запись', 'запись с таким номером уже есть.');
  if (!timeOf(arrival.arrivedAt)) bad('attendance_time', 'Время прибытия', 'укажите время прибытия.');
  if (!arrival.by.trim()) bad('attendance_by', 'Кто регистрирует', 'укажите члена счётной комиссии.');
  const rep = arrival.representative;
  if (rep) {
    if (!rep.fullName.trim()) bad('attendance_rep_name', 'Представитель', 'укажите ФИО представителя.');
    if (!rep.powerOfAttorney?.trim()) {
      bad('attendance_poa', 'Доверенность', 'укажите номер доверенности представителя.');
    }
    const poaDate = powerOfAttorneyDateProblem(rep.powerOfAttorneyDate ?? '', arrival.arrivedAt.slice(0, 10));
    if (poaDate) bad('attendance_poa_date', 'Дата доверенности', poaDate);
  }
  if (problems.length) return err(problems);
  return ok([...list, arrival]);
}

/** Strikes an arrival out (kept with who, when and why); a reason is required. */
export function withdrawAttendance(
  list: readonly AttendanceRecord[],
  id: string,
  by: string,
  at: IsoTimestamp,
  reason: string,
): Result<AttendanceRecord[]> {
  const target = list.find((a) => a.id === id);
  if (!target || target.withdrawn) {
    return err([problem('attendance_missing', 'Такой записи нет или она уже вычеркнута.')]);
  }
  if (!reason.trim()) {
    return err([
      problem('reason_missing', 'Поле «Причина»: укажите, почему запись вычеркнута.', { field: 'Причина' }),
    ]);
  }
  return ok(list.map((a) => (a.id === id ? { ...a, withdrawn: { by, at, reason: reason.trim() } } : a)));
}

export interface PresentCount {
  persons: number;
  members: number;
  gardeners: number;
  byRepresentative: number;
  /** Votes present that count toward the quorum, of `total`. */
  present: Rational;
  total: Rational;
  wholeVotes: boolean;
  counts: 'members' | 'everyone';
  /** More than half of `total`. */
  quorum: Threshold;
}

/** Who is present against the quorum, by the profile's quorum and weight rules. */
export function presentCount(
  list: readonly AttendanceRecord[],
  registry: readonly Person[],
  meeting: Pick<MeetingSpec, 'kind'>,
  profile: RuleProfile = profileFor(meeting.kind),
): PresentCount {
  const isMkd = meeting.kind === 'mkd';
  const everyone = profile.quorum.counts === 'everyone';
  const here = new Set(present(list).map((a) => a.personId));
  const byRep = new Set(
    present(list)
      .filter((a) => a.representative)
      .map((a) => a.personId),
  );
  let total = ZERO;
  let presentWeight = ZERO;
  let persons = 0;
  let members = 0;
  let byRepresentative = 0;
  for (const p of registry) {
    const member = isMkd || p.status === 'member';
    const counts = member || everyone;
    const w = counts ? personWeight(p, profile.weight) : ZERO;
    total = add(total, w);
    if (!here.has(p.id)) continue;
    persons++;
    if (member) members++;
    if (byRep.has(p.id)) byRepresentative++;
    presentWeight = add(presentWeight, w);
  }
  const wholeVotes = profile.weight !== 'area_share';
  return {
    persons,
    members,
    gardeners: persons - members,
    byRepresentative,
    present: presentWeight,
    total,
    wholeVotes,
    counts: profile.quorum.counts,
    quorum: threshold(mul(total, rational(1n, 2n)), true, presentWeight, wholeVotes),
  };
}

export interface AttendanceRow {
  no: number;
  fullName: string;
  plots: string;
  status: string;
  /** «Петров Пётр Петрович, доверенность № 5 от 20.05.2026», or empty. */
  representative: string;
  arrivedAt: string;
  /** Left empty on the printed list: the signature line. */
  signature: '';
}

/** The attendance list for printing (struck-out arrivals left out), by arrival time or by name. */
export function attendanceList(
  list: readonly AttendanceRecord[],
  registry: readonly Person[],
  order: 'arrival' | 'name' = 'arrival',
): AttendanceRow[] {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const rows = present(list)
    .filter((a) => byId.has(a.personId))
    .map((a) => ({ a, p: byId.get(a.personId)! }));
  const collator = new Intl.Collator('ru');
  rows.sort((x, y) =>
    order === 'name'
      ? collator.compare(x.p.fullName, y.p.fullName)
      : x.a.arrivedAt < y.a.arrivedAt
        ? -1
        : x.a.arrivedAt > y.a.arrivedAt
          ? 1
          : 0,
  );
  return rows.map(({ a, p }, i) => {
    const rep = a.representative;
    return {
      no: i + 1,
      fullName: p.fullName,
      plots: p.holdings.map((h) => h.plotNumber).join(', '),
      status: STATUS_LABEL[p.status],
      representative: rep
        ? `${rep.fullName}, доверенность № ${(rep.powerOfAttorney ?? '').replace(/^№\s*/, '')}${rep.powerOfAttorneyDate ? ` от ${dateRu(rep.powerOfAttorneyDate)}` : ''}`
        : '',
      arrivedAt: timeOf(a.arrivedAt),
      signature: '',
    };
  });
}
