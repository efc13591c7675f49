// PDF builders checked the way a user sees the output: poppler's pdftotext / pdfinfo / pdftoppm
// (apt-get install -y poppler-utils) and a QR decoder on the rasterized page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Partnership, Person } from '../domain/types';
import { newMeeting, type Meeting } from '../meetings/meeting';
import { buildBallotsPdf, MEMBERS_ONLY_NOTE, NOT_YOUR_QUESTION } from './ballotsPdf';
import { buildNoticePdf } from './noticePdf';
import { PT_SANS_FILES, type PdfFonts } from './pdfFont';
import { createPdf } from './pdfKit';
import { parseBallotQr } from './qrPayload';

const require = createRequire(import.meta.url);
const fonts: PdfFonts = {
  regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
  bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'golos-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function save(bytes: Uint8Array): string {
  const file = join(dir, `doc-${++fileNo}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** Text of the document (or of one page), whitespace collapsed so wrapped lines read as one. */
function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function rasterize(file: string, page: number): PNG {
  const prefix = join(dir, `page-${++fileNo}`);
  execFileSync('pdftoppm', [
    '-r',
    '150',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    prefix,
  ]);
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

function readQr(png: PNG): string | undefined {
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return jsQR(pixels, png.width, png.height)?.data;
}

/** Luminance (0 black .. 255 white) at a point given in millimetres from the top-left corner. */
function lumAt(png: PNG, xMm: number, yMm: number): number {
  const x = Math.round((xMm / 210) * png.width);
  const y = Math.round((yMm / 297) * png.height);
  const i = (y * png.width + x) * 4;
  return (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3;
}

function count(text: string, word: string): number {
  return text.split(word).length - 1;
}

const partnership: Partnership = {
  id: 'snt-1',
  name: 'СНТ «Ромашка»',
  kind: 'snt',
  address: 'Московская обл., Истринский р-н, д. Ивановка',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const agenda = [
  ['Об избрании председателя и секретаря собрания', 'Избрать председателем Петрова П. П.', undefined],
  ['Об утверждении отчёта правления за 2024 год', 'Утвердить отчёт правления', '13'],
  ['Об утверждении приходно-расходной сметы на 2025 год', 'Утвердить смету', '22'],
  ['О размере и сроке внесения членских взносов', 'Установить взнос 1 200 руб. за сотку', '21'],
  ['О приёме в члены товарищества', 'Принять в члены по списку', '7'],
  ['Об избрании ревизионной комиссии', 'Избрать ревизионную комиссию', '2'],
] as const;
/** Questions 1, 2, 5, 6 are for members only in the 217-ФЗ profile; 3 (item 22) and 4 (item 21) are not. */
const MEMBERS_ONLY = 4;

function snt(overrides: Partial<Meeting> = {}): Meeting {
  return {
    ...newMeeting({
      id: 'meeting-2025',
      partnershipId: partnership.id,
      kind: 'snt',
      title: 'Очередное общее собрание членов СНТ «Ромашка» 2025 года',
      now: '2025-03-01T00:00:00.000Z',
    }),
    form: 'mixed',
    votingStart: '2025-05-01',
    votingEnd: '2025-05-20',
    sessionDate: '2025-05-10',
    sessionTime: '11:00',
    sessionPlace: 'площадка у здания правления',
    paperBallotDeadline: '2025-05-12',
    paperBallotAddress: 'д. Ивановка, ул. Центральная, 1, правление',
    countDate: '2025-05-21',
    countPlace: 'здание правления',
    noticeDate: '2025-04-01',
    materialsDate: '2025-04-05',
    materialsAccess: 'в правлении по субботам с 10 до 14 часов',
    contact: 'Председатель правления, тел. +7 900 000-00-00',
    questions: agenda.map(([text, proposal, item], i) => ({
      number: i + 1,
      text,
      proposal,
      ...(item ? { item } : {}),
      attachmentIds: [],
    })),
    ...overrides,
  };
}

const voters: Person[] = [
  { id: 'p-1', fullName: 'Абрамова Анна Андреевна', status: 'member', holdings: [{ plotNumber: '12' }] },
  { id: 'p-2', fullName: 'Борисов Борис Борисович', status: 'gardener', holdings: [{ plotNumber: '14а' }] },
  {
    id: 'p-3',
    fullName: 'Васильев Василий Васильевич',
    status: 'member',
    holdings: [{ plotNumber: '21' }, { plotNumber: '22', share: '1/2' }],
  },
];

describe('pdfKit', () => {
  it('wraps paragraphs onto new pages and numbers pages «Стр. N из M»', async () => {
    const kit = await createPdf(fonts);
    for (let i = 1; i <= 60; i++)
      kit.paragraph(`Абзац ${i}: съешь же ещё этих мягких французских булок, да выпей чаю.`);
    kit.numberPages();
    const file = save(kit.toBytes());
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBe(kit.pageCount);
    expect(pdfText(file, 1)).toContain(`Стр. 1 из ${pages}`);
    expect(pdfText(file, pages)).toContain(
      `Абзац 60: съешь же ещё этих мягких французских булок, да выпей чаю.`,
    );
    expect(pdfText(file, pages)).toContain(`Стр. ${pages} из ${pages}`);
  });

  it('refuses bytes that are not a TrueType font', async () => {
    await expect(createPdf({ regular: new Uint8Array([1, 2, 3, 4]), bold: fonts.bold })).rejects.toThrow(
      /TrueType/,
    );
  });
});

describe('buildNoticePdf', () => {
  it('prints the partnership, form, dates, agenda, materials, Gosuslugi route and contact as real text', async () => {
    const file = save(await buildNoticePdf(snt(), partnership, fonts));
    const text = pdfText(file);
    for (const expected of [
      'СНТ «Ромашка»',
      'УВЕДОМЛЕНИЕ',
      'о проведении очередного общего собрания членов товарищества',
      'в форме очно-заочного голосования',
      'Очередное общее собрание членов СНТ «Ромашка» 2025 года',
      'с 1 мая 2025 г. по 20 мая 2025 г. включительно',
      '10 мая 2025 г. в 11:00, место: площадка у здания правления',
      'должны поступить не позднее 12 мая 2025 г. по адресу: д. Ивановка, ул. Центральная, 1, правление',
      '21 мая 2025 г., здание правления',
      '1. Об избрании председателя и секретаря собрания',
      'Проект решения: Избрать председателем Петрова П. П.',
      '6. Об избрании ревизионной комиссии',
      'можно ознакомиться с 5 апреля 2025 г.: в правлении по субботам с 10 до 14 часов.',
      'Проголосовать электронно можно на портале Госуслуг',
      'Председатель правления, тел. +7 900 000-00-00',
      'Дата уведомления: 1 апреля 2025 г.',
      'Стр. 1 из',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('names one paper deadline everywhere, speaks to gardeners with their questions, lists the materials', async () => {
    const file = save(
      await buildNoticePdf(snt(), partnership, fonts, {
        materials: [
          { question: 3, name: 'смета-2025.xlsx' },
          { question: 2, name: 'отчёт правления.pdf' },
          { question: 3, name: 'обоснование сметы.pdf' },
        ],
      }),
    );
    const text = pdfText(file);
    // Paper: 12 May (the meeting's paper date, before the end of voting on 20 May) in both sentences.
    expect(text).toContain('Засчитываются бюллетени, поступившие не позднее 12 мая 2025 г.');
    expect(text).not.toContain('до окончания голосования.');
    expect(text).toContain(
      'по 20 мая 2025 г. включительно (электронно на Госуслугах — до конца этого срока)',
    );
    // Gardeners: addressed, and told which questions (3 and 4: items 22 and 21 of the 217-ФЗ profile).
    expect(text).toContain(
      'уведомляет членов товарищества и садоводов, ведущих садоводство без участия в товариществе,',
    );
    expect(text).toContain('голосуют по вопросам № 3, 4; остальные вопросы решают только члены товарищества');
    expect(text).toContain(
      '1. Об избрании председателя и секретаря собрания (голосуют только члены товарищества)',
    );
    expect(text).not.toContain('4. О размере и сроке внесения членских взносов (голосуют');
    expect(text).toContain('Прилагаемые материалы:');
    expect(text).toContain('к вопросу № 2: отчёт правления.pdf');
    expect(text).toContain('к вопросу № 3: смета-2025.xlsx; обоснование сметы.pdf');
    // A paper date later than the end of voting is not promised: the count stops taking paper on 20 May.
    const late = pdfText(
      save(await buildNoticePdf(snt({ paperBallotDeadline: '2025-05-25' }), partnership, fonts)),
    );
    expect(late).toContain('должны поступить не позднее 20 мая 2025 г.');
    expect(late).not.toContain('25 мая');
    // One question only for gardeners: singular.
    const one = snt({ questions: snt().questions.filter((q) => q.number !== 3) });
    expect(pdfText(save(await buildNoticePdf(one, partnership, fonts)))).toContain(
      'голосуют по вопросу № 4;',
    );
  });

  it('has no remote-voting parts for an in-person meeting, and no in-person part for a remote one', async () => {
    const inPerson = pdfText(save(await buildNoticePdf(snt({ form: 'in_person' }), partnership, fonts)));
    expect(inPerson).toContain('в форме очного голосования');
    expect(inPerson).toContain('Очная часть собрания');
    expect(inPerson).not.toContain('Госуслуг');
    expect(inPerson).not.toContain('Бумажные бюллетени');
    const remote = pdfText(save(await buildNoticePdf(snt({ form: 'remote' }), partnership, fonts)));
    expect(remote).toContain('в форме заочного голосования');
    expect(remote).not.toContain('Очная часть собрания');
    expect(remote).toContain('Госуслуг');
  });

  it('speaks to owners for an apartment building', async () => {
    const house = { ...partnership, kind: 'mkd' as const, name: 'ТСЖ «Берёзка»' };
    const m = { ...snt(), kind: 'mkd' as const, meetingKind: 'extraordinary' as const };
    const text = pdfText(save(await buildNoticePdf(m, house, fonts)));
    expect(text).toContain(
      'о проведении внеочередного общего собрания собственников помещений в многоквартирном доме',
    );
    expect(text).toContain('Собственники помещений уведомляются');
    expect(text).not.toContain('садовод');
  });
});

describe('buildBallotsPdf', () => {
  it('prints one personalized ballot per voter with names, plots, status, questions and the three boxes', async () => {
    const progress: [number, number][] = [];
    const bytes = await buildBallotsPdf(snt(), voters, fonts, {
      partnershipName: 'СНТ «Ромашка»',
      onProgress: (done, total) => progress.push([done, total]),
    });
    const file = save(bytes);
    expect(pdfPages(file)).toBe(3);
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);

    const member = pdfText(file, 1);
    for (const expected of [
      'СНТ «Ромашка»',
      'БЮЛЛЕТЕНЬ ДЛЯ ГОЛОСОВАНИЯ',
      'Абрамова Анна Андреевна',
      'Участок: 12',
      'Статус: член товарищества',
      'Голосование: с 1 мая 2025 г. по 20 мая 2025 г.',
      'не позднее 12 мая 2025 г. по адресу: д. Ивановка, ул. Центральная, 1, правление',
      '4. О размере и сроке внесения членских взносов',
      'Проект решения: Установить взнос 1 200 руб. за сотку',
      'Ф. И. О. представителя',
      'доверенность №',
      'Подпись',
      'заполнен простым карандашом',
      'лист 1 из 1',
    ]) {
      expect(member).toContain(expected);
    }
    for (const [text] of agenda) expect(member).toContain(text);
    // Six questions with boxes; the instruction quotes the three choices once more: «За», «Против», «Воздержался».
    expect(count(member, ' За ')).toBe(6);
    expect(count(member, 'Против ')).toBe(6);
    expect(count(member, 'Воздержался')).toBe(7);
    expect(member).not.toContain(NOT_YOUR_QUESTION);

    const gardener = pdfText(file, 2);
    expect(gardener).toContain('Борисов Борис Борисович');
    expect(gardener).toContain('Статус: садовод без членства');
    expect(count(gardener, NOT_YOUR_QUESTION)).toBe(MEMBERS_ONLY);
    expect(count(gardener, 'Воздержался')).toBe(6 - MEMBERS_ONLY + 1);
    for (const [text] of agenda) expect(gardener).toContain(text);

    expect(pdfText(file, 3)).toContain('Участки: 21, 22 (доля 1/2)');
  });

  it('has a QR code naming meeting, person and sheet, and four corner marks', async () => {
    const file = save(await buildBallotsPdf(snt(), voters, fonts));
    const png = rasterize(file, 2);
    const text = readQr(png);
    expect(text).toBe('GOLOS1|meeting-2025|p-2|1/1');
    expect(parseBallotQr(text!)).toEqual({
      ok: true,
      value: { meetingId: 'meeting-2025', personId: 'p-2', page: 1, pages: 1 },
    });
    // Filled 5 mm squares 6 mm from each edge; white paper just outside them.
    for (const [x, y] of [
      [8.5, 8.5],
      [201.5, 8.5],
      [8.5, 288.5],
      [201.5, 288.5],
    ] as const) {
      expect(lumAt(png, x, y), `mark at ${x},${y}`).toBeLessThan(60);
      expect(lumAt(png, x < 100 ? x - 5 : x + 5, y), `paper beside ${x},${y}`).toBeGreaterThan(200);
    }
  });

  it('continues a long agenda on further sheets, each with its own QR code', async () => {
    const many = Array.from({ length: 24 }, (_, i) => ({
      number: i + 1,
      text: `Вопрос номер ${i + 1} о благоустройстве территории товарищества`,
      proposal: `Утвердить план работ номер ${i + 1}`,
      attachmentIds: [],
    }));
    const members = [voters[0]!, voters[2]!];
    const file = save(await buildBallotsPdf(snt({ questions: many }), members, fonts));
    const total = pdfPages(file);
    expect(total % 2).toBe(0);
    const sheets = total / 2;
    expect(sheets).toBeGreaterThan(1);
    const second = pdfText(file, 2);
    expect(second).toContain(`Бюллетень: Абрамова Анна Андреевна (продолжение)`);
    expect(second).toContain(`лист 2 из ${sheets}`);
    expect(readQr(rasterize(file, 2))).toBe(`GOLOS1|meeting-2025|p-1|2/${sheets}`);
    // Signature lines come once per ballot, on its last sheet.
    const whole = pdfText(file);
    expect(count(whole, 'Ф. И. О. представителя')).toBe(2);
    expect(pdfText(file, sheets)).toContain('Ф. И. О. представителя');
    expect(pdfText(file, sheets + 1)).toContain('Васильев Василий Васильевич');
    for (let q = 1; q <= 24; q++) expect(whole).toContain(`Вопрос номер ${q} о благоустройстве`);
  });

  it('splits a question taller than a sheet line by line, keeping its boxes', async () => {
    const estimate = Array.from(
      { length: 300 },
      (_, i) => `статья сметы ${i + 1}: расходы на содержание дорог`,
    );
    const questions = [
      { number: 1, text: 'Об утверждении сметы', proposal: estimate.join('; '), attachmentIds: [] },
    ];
    const file = save(await buildBallotsPdf(snt({ questions }), [voters[0]!], fonts));
    const sheets = pdfPages(file);
    expect(sheets).toBeGreaterThan(2);
    const text = pdfText(file);
    expect(pdfText(file, 1)).toContain('статья сметы 1: расходы');
    expect(text).toContain('статья сметы 300: расходы на содержание дорог');
    expect(count(text, 'Воздержался')).toBe(2);
    expect(pdfText(file, sheets)).toContain('Ф. И. О. представителя');
    expect(readQr(rasterize(file, sheets))).toBe(`GOLOS1|meeting-2025|p-1|${sheets}/${sheets}`);
  });

  it('prints a blank ballot with fields to fill in and a QR code without a person', async () => {
    const file = save(await buildBallotsPdf(snt(), 'blank', fonts));
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('Ф. И. О. голосующего');
    expect(text).toContain('Номер участка');
    expect(text).toContain('член товарищества');
    expect(text).toContain('садовод без членства');
    expect(count(text, MEMBERS_ONLY_NOTE)).toBe(MEMBERS_ONLY);
    expect(count(text, 'Воздержался')).toBe(7);
    const qr = readQr(rasterize(file, 1));
    expect(qr).toBe('GOLOS1|meeting-2025||1/1');
    expect(parseBallotQr(qr!)).toMatchObject({ ok: true, value: { personId: null } });
  });

  it('lets owners of an apartment building vote on every question', async () => {
    const owner: Person = {
      id: 'o-1',
      fullName: 'Григорьева Галина Григорьевна',
      status: 'owner',
      holdings: [{ plotNumber: 'кв. 5', share: '1/2' }],
    };
    const m = { ...snt({ form: 'remote' }), kind: 'mkd' as const };
    const text = pdfText(save(await buildBallotsPdf(m, [owner], fonts)));
    expect(text).toContain('Помещение: кв. 5 (доля 1/2)');
    expect(text).toContain('Статус: собственник помещения');
    expect(text).toContain('собственников помещений в многоквартирном доме');
    expect(count(text, 'Воздержался')).toBe(7);
    expect(text).not.toContain(NOT_YOUR_QUESTION);
  });

  it('states the whole-ballot rule for several marks when the meeting voids whole ballots', async () => {
    const perQuestion = pdfText(save(await buildBallotsPdf(snt(), 'blank', fonts)));
    expect(perQuestion).toContain('не засчитывается голос по этому вопросу');
    const whole = pdfText(save(await buildBallotsPdf(snt({ invalidMarks: 'ballot' }), 'blank', fonts)));
    expect(whole).not.toContain('не засчитывается голос по этому вопросу');
    expect(whole).toContain('подчистки, по вопросу отмечено больше одного варианта');
  });

  it('yields to the event loop between voters and stops when aborted', async () => {
    const crowd = Array.from({ length: 40 }, (_, i) => ({ ...voters[0]!, id: `p-${i}` }));
    const controller = new AbortController();
    let timerRan = false;
    let timerRanBeforeAbort = false;
    let lastDone = 0;
    const run = buildBallotsPdf(snt(), crowd, fonts, {
      signal: controller.signal,
      onProgress: (done) => {
        lastDone = done;
        if (done === 1) setTimeout(() => (timerRan = true), 0);
        if (done === 30) {
          timerRanBeforeAbort = timerRan;
          controller.abort(new Error('отменено'));
        }
      },
    });
    await expect(run).rejects.toThrow('отменено');
    expect(timerRanBeforeAbort).toBe(true);
    expect(lastDone).toBe(30);
  });
});
