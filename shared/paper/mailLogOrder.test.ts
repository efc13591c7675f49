import type { MailItem, MailLogEntry } from './mailLog';
import { sortMailLog } from './mailLogOrder';

const item = (receivedAt: string): MailItem => ({
  recordId: receivedAt,
  copy: 'original',
  receivedAt,
  marksEntered: true,
  counted: true,
  late: false,
  reason: '',
});

const entry = (fullName: string, plot: string, ...dates: string[]): MailLogEntry => ({
  personId: fullName,
  fullName,
  plots: plot ? [plot] : [],
  status: dates.length ? 'original' : 'nothing',
  items: dates.map(item),
  late: false,
  counted: dates.length > 0,
  scanDiffers: [],
  note: '',
});

// Hand-worked: arrivals on 3 June (plots 10 and 2), 1 June (plot 7, whose later original is on 9 June),
// and nothing from plots 1, 12а and a person without a plot.
const entries = [
  entry('Ершов', '10', '2026-06-03'),
  entry('Борисова', '1'),
  entry('Аксёнов', '2', '2026-06-03'),
  entry('Горин', ''),
  entry('Волков', '7', '2026-06-01', '2026-06-09'),
  entry('Дёмина', '12а'),
];
const names = (by: Parameters<typeof sortMailLog>[1]) => sortMailLog(entries, by).map((e) => e.fullName);

describe('sortMailLog', () => {
  it('by arrival: oldest first arrival, same day by plot (2 before 10), nothing yet last by plot', () => {
    expect(names('arrival')).toEqual(['Волков', 'Аксёнов', 'Ершов', 'Борисова', 'Дёмина', 'Горин']);
  });

  it('by plot in natural order (a person without a plot last), or by name', () => {
    expect(names('plot')).toEqual(['Борисова', 'Аксёнов', 'Волков', 'Ершов', 'Дёмина', 'Горин']);
    expect(names('name')).toEqual(['Аксёнов', 'Борисова', 'Волков', 'Горин', 'Дёмина', 'Ершов']);
  });

  it('leaves the input alone', () => {
    sortMailLog(entries, 'name');
    expect(entries[0]!.fullName).toBe('Ершов');
  });
});
