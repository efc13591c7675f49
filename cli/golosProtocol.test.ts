// `golos tally --protocol`: protocol.pdf and results.xlsx beside results.json, all or nothing.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pdfPageTexts } from '../test/fixtures/pdfText';
import { SAMPLE_MEETING_DIR } from '../test/fixtures/protocolData';
import { parseArgs } from './golos';
import { runGolos } from './golos.testkit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-cli-protocol-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const sampleArgs = (out: string, meeting = join(SAMPLE_MEETING_DIR, 'meeting.json')) => [
  'tally',
  '--registry',
  join(SAMPLE_MEETING_DIR, 'registry.xlsx'),
  '--meeting',
  meeting,
  '--gosuslugi',
  join(SAMPLE_MEETING_DIR, 'gosuslugi.xlsx'),
  '--paper',
  join(SAMPLE_MEETING_DIR, 'paper.csv'),
  '--out',
  out,
];

describe('golos tally --protocol', () => {
  it('writes protocol.pdf and results.xlsx beside results.json, with the same figures', async () => {
    const out = join(dir, 'out');
    const { code, stdout } = await runGolos(...sampleArgs(out), '--protocol');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['protocol.pdf', 'results.json', 'results.xlsx']);
    expect(stdout).toContain('protocol.pdf');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));

    const text = pdfPageTexts(readFileSync(join(out, 'protocol.pdf'))).join(' ');
    expect(text).toContain('ПРОТОКОЛ');
    const percent = (Number(results.quorum.share) * 100).toFixed(2).replace('.', ',');
    expect(text).toContain(`Кворум имеется: приняли участие ${percent} % членов товарищества.`);
    expect(text).toContain(`Приложение 1 к протоколу от`);
    expect(text).toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    const questions = workbook.getWorksheet('Вопросы')!;
    expect(questions.rowCount).toBe(results.questions.length + 1);
    results.questions.forEach((q: { number: number; for: number; base: number }, i: number) => {
      const row = questions.getRow(i + 2);
      expect(row.getCell(1).value).toBe(q.number);
      expect(row.getCell(4).value).toBe(q.for);
      expect(row.getCell(9).value).toBe(q.base);
    });
  });

  it('masks СНИЛС with --mask-snils', async () => {
    const out = join(dir, 'out');
    expect((await runGolos(...sampleArgs(out), '--protocol', '--mask-snils')).code).toBe(0);
    const text = pdfPageTexts(readFileSync(join(out, 'protocol.pdf'))).join(' ');
    expect(text).not.toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    expect(text).toMatch(/\*\*\*-\*\*\*-\d{3} \d{2}/);
  });

  it('writes nothing on bad input', async () => {
    const meeting = join(dir, 'meeting.json');
    const sample = JSON.parse(readFileSync(join(SAMPLE_MEETING_DIR, 'meeting.json'), 'utf8'));
    writeFileSync(meeting, JSON.stringify({ ...sample, form: 'zoom' }, null, 2));
    const out = join(dir, 'out');
    const { code } = await runGolos(...sampleArgs(out, meeting), '--protocol');
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('prints what meeting.json says for the protocol: people, place, storage, speakers, dissents', async () => {
    const meeting = join(dir, 'meeting.json');
    const sample = JSON.parse(readFileSync(join(SAMPLE_MEETING_DIR, 'meeting.json'), 'utf8'));
    const fields = {
      place: 'клуб СНТ, ул. Центральная, 1',
      initiator: 'правление СНТ «Ромашка»',
      chair: 'Председателев Пётр Петрович',
      secretary: 'Секретарёва Анна Ивановна',
      counters: ['Счётчиков Иван Ильич', 'Подсчётова Мария Олеговна'],
      originalsStorage: 'сейф правления СНТ',
      dissents: [{ question: 2, name: 'Несогласный Игорь Петрович' }],
    };
    const questions = sample.questions.map((q: { number: number }) => ({
      ...q,
      speaker: `Докладчик ${q.number} Сергеевич`,
      proposal: `Одобрить решение ${q.number}`,
    }));
    writeFileSync(meeting, JSON.stringify({ ...sample, ...fields, questions }, null, 2));
    const out = join(dir, 'out');
    const { code } = await runGolos(...sampleArgs(out, meeting), '--protocol');
    expect(code).toBe(0);
    const text = pdfPageTexts(readFileSync(join(out, 'protocol.pdf'))).join(' ');
    for (const value of [fields.place, fields.initiator, fields.chair, fields.secretary, ...fields.counters])
      expect(text).toContain(value);
    expect(text).toContain(
      `хранения оригиналов протокола и бюллетеней (решений): ${fields.originalsStorage}.`,
    );
    for (const q of questions) {
      expect(text).toContain(`СЛУШАЛИ: ${q.speaker}`);
      expect(text).toContain(`ПРЕДЛОЖЕНО: ${q.proposal}`);
    }
    expect(text).toContain('(п. 4 ст. 181.2 ГК РФ): Несогласный Игорь Петрович.');
    // The tally is the same as without the print fields.
    const plain = join(dir, 'plain');
    expect((await runGolos(...sampleArgs(plain))).code).toBe(0);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(
      readFileSync(join(plain, 'results.json'), 'utf8'),
    );
  });

  it('stops on a wrong print field, naming its line and field, and writes nothing', async () => {
    const meeting = join(dir, 'meeting.json');
    const sample = JSON.parse(readFileSync(join(SAMPLE_MEETING_DIR, 'meeting.json'), 'utf8'));
    const text = JSON.stringify(
      { ...sample, counters: 'Иванов И. И.', dissents: [{ question: 9, name: 'Петров' }] },
      null,
      2,
    );
    writeFileSync(meeting, text);
    const out = join(dir, 'out');
    const { code, stderr } = await runGolos(...sampleArgs(out, meeting), '--protocol');
    expect(code).toBe(1);
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(stderr).toContain(`meeting.json: Строка ${line('"counters"')}, поле «counters»: нужен список ФИО`);
    expect(stderr).toContain(
      `Строка ${line('"question": 9')}, поле «dissents[0].question»: 9 — нужен номер вопроса повестки.`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('leaves the previous files intact when a write fails midway', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'results.json'), 'previous run\n');
    // The workbook's temporary file cannot be created: a folder is in its place.
    mkdirSync(join(out, `.results.xlsx.${process.pid}.tmp`));
    const { code, stderr } = await runGolos(...sampleArgs(out), '--protocol');
    expect(code).toBe(1);
    expect(stderr).toContain('файлы не записаны');
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('previous run\n');
    expect(readdirSync(out).sort()).toEqual([`.results.xlsx.${process.pid}.tmp`, 'results.json']);
  });

  it('takes --protocol and --mask-snils as switches', () => {
    const base = ['tally', '--registry', 'r.xlsx', '--meeting', 'm.json', '--out', 'o'];
    expect(parseArgs([...base, '--protocol'])).toMatchObject({
      ok: true,
      args: { protocol: true, out: 'o' },
    });
    expect(parseArgs([...base, '--protocol'])).not.toHaveProperty('args.maskSnils');
    expect(parseArgs([...base, '--protocol', '--mask-snils'])).toMatchObject({
      ok: true,
      args: { protocol: true, maskSnils: true },
    });
    expect(parseArgs(base)).not.toHaveProperty('args.protocol');
    expect(parseArgs([...base, '--mask-snils'])).toEqual({
      ok: false,
      message: expect.stringContaining('--mask-snils действует только вместе с --protocol'),
    });
  });
});
