import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PT_SANS_FILES } from '../../shared/documents/pdfFont';
import { attendanceList, type AttendanceRecord } from '../../shared/paper/attendance';
import { makePersons } from '../../test/fixtures/persons';
import { pdfPageTexts } from '../../test/fixtures/pdfText';
import { buildAttendancePdf } from './attendancePdf';

const require = createRequire(import.meta.url);
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve(PT_SANS_FILES.regular))),
  bold: new Uint8Array(readFileSync(require.resolve(PT_SANS_FILES.bold))),
};

test('the attendance list PDF: every present person with plots, status, representative and time, a signature column, the count and the signature lines', async () => {
  const persons = makePersons(120, 3, { contacts: false });
  const list: AttendanceRecord[] = persons.slice(0, 90).map((p, i) => ({
    id: `a${i}`,
    personId: p.id,
    arrivedAt: `2026-06-14T${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+03:00`,
    by: 'Сидорова',
    ...(i === 7
      ? {
          representative: {
            fullName: 'Петров Пётр Петрович',
            powerOfAttorney: '12',
            powerOfAttorneyDate: '2026-05-20',
          },
        }
      : {}),
    ...(i === 8 ? { withdrawn: { by: 'Сидорова', at: '2026-06-14T11:00:00+03:00', reason: 'ушёл' } } : {}),
  }));
  const rows = attendanceList(list, persons, 'arrival');
  const pdf = await buildAttendancePdf(fonts, {
    partnershipName: 'СНТ «Рассвет»',
    meetingTitle: 'Общее собрание членов СНТ «Рассвет» 2026',
    session: '14.06.2026, 11:00, правление',
    rows,
    countLine: 'Присутствуют: 89. Кворум есть.',
    signers: ['Председательствующий Иванов И. И.', 'Секретарь Смирнова А. А.'],
    printedAt: '2026-06-14T11:30:00+03:00',
  });
  const pages = pdfPageTexts(pdf);
  expect(pages.length).toBeGreaterThan(2);
  const text = pages.join(' ');
  expect(pages[0]).toContain('Лист регистрации участников общего собрания');
  expect(pages[0]).toContain('Очная часть: 14.06.2026, 11:00, правление');
  // Every page repeats the header with the signature column.
  for (const page of pages) expect(page).toContain('Подпись');
  expect(rows).toHaveLength(89);
  for (const r of rows) expect(text).toContain(r.fullName);
  expect(text).not.toContain(persons[8]!.fullName);
  expect(text).toContain('Петров Пётр Петрович, доверенность № 12 от 20.05.2026');
  expect(text).toContain('Присутствуют: 89. Кворум есть.');
  expect(text).toContain('Председательствующий Иванов И. И. ____________________');
  expect(pages.at(-1)).toContain(`Стр. ${pages.length} из ${pages.length}`);
});
