import { describe, expect, it } from 'vitest';
import { fromInt, toDecimal } from '../arith/rational';
import type { Person } from '../domain/types';
import { person, persons } from '../tally/tally.testkit';
import {
  attendanceList,
  presentCount,
  registerAttendance,
  withdrawAttendance,
  type AttendanceRecord,
} from './attendance';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const t = (hm: string) => `2026-06-14T${hm}:00+03:00`;
const arrival = (
  id: string,
  personId: string,
  hm: string,
  extra: Partial<AttendanceRecord> = {},
): AttendanceRecord => ({
  id,
  personId,
  arrivedAt: t(hm),
  by: 'Иванова',
  ...extra,
});

function register(list: AttendanceRecord[], registry: readonly Person[], ...items: AttendanceRecord[]) {
  return items.reduce((acc, a) => unwrap(registerAttendance(acc, a, registry)), list);
}

describe('in-person session', () => {
  const registry = [...persons(6), ...persons(2, 'gardener', 7)];
  const meeting = { kind: 'snt' as const };

  it('counts members present against the quorum: more than half of the members', () => {
    let list = register(
      [],
      registry,
      arrival('a1', 'p1', '10:00'),
      arrival('a2', 'p2', '10:02'),
      arrival('a3', 'p7', '10:03'),
    );
    let s = presentCount(list, registry, meeting);
    expect(s).toMatchObject({ persons: 3, members: 2, gardeners: 1, present: fromInt(2), total: fromInt(6) });
    expect(s.quorum).toMatchObject({ votes: 4, reached: false, missing: fromInt(2) });
    list = register(list, registry, arrival('a4', 'p3', '10:05'));
    expect(presentCount(list, registry, meeting).quorum.reached).toBe(false); // exactly half
    list = register(
      list,
      registry,
      arrival('a5', 'p4', '10:06', {
        representative: {
          fullName: 'Петров Пётр Петрович',
          powerOfAttorney: '№ 5',
          powerOfAttorneyDate: '2026-05-20',
        },
      }),
    );
    s = presentCount(list, registry, meeting);
    expect(s.quorum.reached).toBe(true);
    expect(s.byRepresentative).toBe(1);
  });

  it('refuses a second arrival of the same person and a representative without power of attorney details', () => {
    const list = register([], registry, arrival('a1', 'p1', '10:00'));
    const twice = registerAttendance(list, arrival('a2', 'p1', '10:30'), registry);
    expect(twice.ok || twice.error[0]!.message).toBe('Поле «Участник»: Участник p1 уже отмечен(а) в 10:00.');
    const noPoa = registerAttendance(
      list,
      arrival('a3', 'p2', '10:31', { representative: { fullName: 'Петров П.П.' } }),
      registry,
    );
    expect(noPoa.ok || noPoa.error.map((p) => p.field)).toEqual(['Доверенность', 'Дата доверенности']);
    const stranger = registerAttendance(list, arrival('a4', 'zz', '10:31'), registry);
    expect(stranger.ok || stranger.error.map((p) => p.code)).toEqual(['attendance_person']);
  });

  it('a struck-out arrival is kept but not counted, and the person may arrive again', () => {
    let list = register([], registry, arrival('a1', 'p1', '10:00'));
    expect(withdrawAttendance(list, 'a1', 'Иванова', t('10:10'), ' ').ok).toBe(false);
    list = unwrap(withdrawAttendance(list, 'a1', 'Иванова', t('10:10'), 'отмечен по ошибке'));
    expect(list[0]!.withdrawn).toEqual({ by: 'Иванова', at: t('10:10'), reason: 'отмечен по ошибке' });
    expect(presentCount(list, registry, meeting).persons).toBe(0);
    list = register(list, registry, arrival('a2', 'p1', '10:20'));
    expect(list).toHaveLength(2);
    expect(presentCount(list, registry, meeting).persons).toBe(1);
  });

  it('an apartment building weighs owners by area share', () => {
    const owners = [
      person('o1', 'owner', { holdings: [{ plotNumber: '1', area: '60.00' }] }),
      person('o2', 'owner', { holdings: [{ plotNumber: '2', area: '40.00', share: '1/2' }] }),
      person('o3', 'owner', { holdings: [{ plotNumber: '2', area: '40.00', share: '1/2' }] }),
    ];
    const list = register([], owners, arrival('a1', 'o2', '18:00'), arrival('a2', 'o3', '18:01'));
    const s = presentCount(list, owners, { kind: 'mkd' });
    expect(toDecimal(s.present)).toBe('40.00');
    expect(toDecimal(s.total)).toBe('100.00');
    expect(s.wholeVotes).toBe(false);
    expect(s.quorum.reached).toBe(false);
    const all = register(list, owners, arrival('a3', 'o1', '18:02'));
    expect(presentCount(all, owners, { kind: 'mkd' }).quorum.reached).toBe(true);
  });

  it('prints the attendance list with representatives and empty signature cells', () => {
    const list = register(
      [],
      registry,
      arrival('a1', 'p2', '10:05'),
      arrival('a2', 'p1', '10:01', {
        representative: {
          fullName: 'Петров Пётр Петрович',
          powerOfAttorney: '№ 5',
          powerOfAttorneyDate: '2026-05-20',
        },
      }),
    );
    const rows = attendanceList(list, registry);
    expect(rows).toEqual([
      {
        no: 1,
        fullName: 'Участник p1',
        plots: '1',
        status: 'член',
        representative: 'Петров Пётр Петрович, доверенность № 5 от 20.05.2026',
        arrivedAt: '10:01',
        signature: '',
      },
      {
        no: 2,
        fullName: 'Участник p2',
        plots: '2',
        status: 'член',
        representative: '',
        arrivedAt: '10:05',
        signature: '',
      },
    ]);
  });
});
