import { makePersons } from '../../test/fixtures/persons';
import { presentCount, type AttendanceRecord } from '../../shared/paper/attendance';
import { countText, printedCountText } from './attendanceCount';

const persons = makePersons(40, 3, { contacts: false });
const members = persons.filter((p) => p.status === 'member');
const list: AttendanceRecord[] = members.slice(0, 5).map((p, i) => ({
  id: `a${i}`,
  personId: p.id,
  arrivedAt: '2026-06-14T10:00:00+03:00',
  by: 'Сидорова',
}));
const count = presentCount(list, persons, { kind: 'snt' });

test('a mixed or remote meeting’s printed list does not say «Кворум не набран»: the quorum counts every channel', () => {
  expect(countText(count)).toContain('Кворум не набран');
  for (const form of ['mixed', 'remote'] as const) {
    const text = printedCountText(count, form);
    expect(text).toMatch(/^Присутствуют: 5\. Кворум собрания определяется по всем способам голосования/);
    expect(text).not.toContain('не набран');
  }
  expect(printedCountText(count, 'in_person')).toBe(countText(count));
});
