// The protocol a chair signs, read back with poppler's pdftotext: every part the law asks for (ГК РФ
// art. 181.2; for МКД Приказ Минстроя № 266/пр), wording fit to sign, words never cut inside a table
// cell, and the signatures on the page of the last question's decision.
import { readPtSansFonts } from '../../test/bench/ballotsPdfBench';
import { generatedProtocolSource, type TalliedSource } from '../../test/fixtures/protocolData';
import { pdfPageTexts, printed } from '../../test/fixtures/pdfText';
import type { PartnershipKind } from '../domain/types';
import type { Meeting } from '../meetings/meeting';
import { buildProtocolModel } from './protocolModel';
import { buildProtocolPdf } from './protocolPdf';

const fonts = readPtSansFonts();

/** A generated meeting with everything the protocol prints filled in. */
function filledIn(kind: PartnershipKind, questions = 4, persons = 60): TalliedSource {
  const source = generatedProtocolSource(persons, questions, 7, kind);
  const meeting: TalliedSource['meeting'] = {
    ...source.meeting,
    address: 'г. Тверь, ул. Садовая, д. 5',
    sessionPlace: 'двор дома у подъезда № 1',
    initiator: 'Иванов Иван Иванович, кв. 12, выписка из ЕГРН № 69-01/123 от 01.02.2020',
    chair: 'Иванов Иван Иванович',
    secretary: 'Петрова Анна Сергеевна',
    countingCommission: ['Сидоров Семён Семёнович', 'Кузнецова Ксения Константиновна'],
    originalsStorage: 'ул. Садовая, д. 5, помещение правления',
    gisNumber: 'ГИС-2026-000777',
    buildingArea: '5432.10',
    dissents: [
      { question: 2, name: 'Смирнов Олег Петрович' },
      { question: 2, name: 'Орлова Вера Павловна' },
    ],
    questions: source.meeting.questions.map((q) => ({
      ...q,
      speaker: `Докладчикова Дарья Денисовна (вопрос ${q.number})`,
      proposal: `Утвердить предложенное по вопросу ${q.number}`,
    })),
  };
  return { ...source, meeting };
}

async function printedText(source: TalliedSource) {
  const model = buildProtocolModel(source, { maskSnils: false, today: '2026-06-18', number: '3' });
  const pdf = await buildProtocolPdf(model, fonts);
  const pages = pdfPageTexts(pdf).map((p) => p.replace(/\s+/g, ' '));
  return { model, pages, text: pages.join(' ') };
}

describe('protocol parts', () => {
  it.each(['snt', 'mkd'] as const)(
    '%s: prints place, people, storage, and per question СЛУШАЛИ, ПРЕДЛОЖЕНО, РЕШИЛИ',
    async (kind) => {
      const source = filledIn(kind);
      const { model, text } = await printedText(source);
      const meeting = source.meeting as Meeting;
      for (const value of [
        meeting.sessionPlace!,
        meeting.initiator!,
        meeting.chair!,
        meeting.secretary!,
        ...meeting.countingCommission,
        `Место (адрес) хранения оригиналов протокола и`,
        meeting.originalsStorage!,
        'Председатель',
        'Секретарь собрания',
        'Счётная комиссия',
      ]) {
        expect(text, value).toContain(value);
      }
      for (const q of source.results.questions) {
        const item = meeting.questions.find((x) => x.number === q.number)!;
        const from = text.indexOf(`Вопрос ${q.number}. `, text.indexOf('Итоги голосования по вопросам'));
        const to = text.indexOf(
          q.number === source.results.questions.length
            ? 'Место (адрес) хранения'
            : `Вопрос ${q.number + 1}. `,
          from,
        );
        const part = text.slice(from, to);
        expect(part).toContain(`СЛУШАЛИ: ${item.speaker}`);
        expect(part).toContain(`ПРЕДЛОЖЕНО: ${item.proposal}`);
        const decided =
          q.decision === 'adopted'
            ? `РЕШИЛИ: Решение принято: ${item.proposal}.`
            : 'РЕШИЛИ: Решение не принято';
        expect(part).toContain(decided);
        // The figures of results.json in words, unit and share included.
        const unit = kind === 'mkd' ? ' кв. м' : '';
        expect(part.replace(/\u00a0/g, ' ')).toContain(
          `«за» — ${printed(q.for).replace(/\u00a0/g, ' ')}${unit}`,
        );
        expect(part).toContain(`«против» — ${printed(q.against)}`);
        expect(part).toContain(`«воздержались» — ${printed(q.abstain)}`);
        if (q.number === 2) {
          expect(part).toContain(
            'Голосовали «против» и потребовали внести это в протокол (п. 4 ст. 181.2 ГК РФ): Смирнов Олег Петрович, Орлова Вера Павловна.',
          );
        } else expect(part).not.toContain('потребовали внести');
      }
      // The attendance list has a signature column.
      const attendance = model.tables.find((t) => t.key === 'attendance')!;
      expect(attendance.columns.at(-1)!.header).toBe('Подпись');
      const from = text.indexOf(attendance.title, text.indexOf('Приложение 1 к протоколу'));
      const list = text.slice(from, text.indexOf('Приложение 3 к протоколу', from));
      expect(list).toContain('Доверенность');
      expect(list).toContain('Подпись');

      if (kind === 'mkd') {
        for (const part of [
          'Адрес многоквартирного дома',
          meeting.address!,
          'Общая площадь жилых и нежилых',
          '5 432,10 кв. м',
          'Номер собрания в ГИС ЖКХ',
          meeting.gisNumber!,
          'Инициатор собрания (сведения)',
          'Реестр собственников помещений и их голоса',
          'Сообщение о проведении общего собрания собственников помещений',
          'Документы, подтверждающие направление (вручение) сообщения',
          'Список собственников помещений (представителей), присутствовавших на очной части собрания',
          'Письменные решения (бюллетени) собственников помещений — оригиналы',
          'Доверенности (копии) представителей собственников',
          'Представители и реквизиты доверенностей',
        ]) {
          expect(text, part).toContain(part.replace(/\u00a0/g, ' '));
        }
      }
    },
  );

  it('says nothing a chair should not sign: no due-date reminder, laws cited in full', async () => {
    const { text } = await printedText(filledIn('snt'));
    expect(text).not.toContain('на решение не влияет');
    expect(text).not.toContain('не имеет особого правила');
    expect(text).not.toContain('Протокол составляется в течение');
    // The per-question participation line of a mixed СНТ meeting cites the law by its full name.
    expect(text).toContain('половины (ст. 17 Федерального закона № 217-ФЗ)');
  });

  it('prints blank lines to fill in where the meeting record has no names', async () => {
    const source = generatedProtocolSource(30, 2, 5, 'mkd');
    const { text } = await printedText(source);
    expect(text).toMatch(/Инициатор собрания \(сведения\) _{10,}/);
    expect(text).toMatch(/СЛУШАЛИ: _{10,}/);
    expect(text).toMatch(/Номер собрания в ГИС ЖКХ _{10,}/);
  });

  it('never cuts a word inside a table cell', async () => {
    for (const kind of ['snt', 'mkd'] as const) {
      const source = filledIn(kind, 5, 80);
      // A double surname longer than the name column is wide on a page of five questions.
      const long = 'Петропавловская-Камчатская-Уральская';
      const first = source.results.persons.find((p) => p.participated)!;
      first.name = `${long} Анна Ивановна`;
      const { model, pages } = await printedText(source);
      expect(pages.join(' ')).toContain(long);
      const words = new Set(pages.join(' ').split(/\s+/));
      for (const table of model.tables.filter((t) => t.inPdf && t.rows.length > 0)) {
        for (const c of table.columns) {
          for (const word of c.header.split(/\s+/))
            expect(words, `${table.title}: «${word}»`).toContain(word);
        }
        for (const row of table.rows) {
          row.forEach((cell, i) => {
            if (cell === null || table.columns[i]!.kind !== 'text') return;
            for (const word of String(cell).split(/\s+/).filter(Boolean)) {
              expect(words, `${table.title}: «${word}»`).toContain(word);
            }
          });
        }
      }
    }
  });

  it('keeps the signatures on the page of the last question’s decision', async () => {
    for (const questions of [1, 2, 3, 4, 5, 6, 7]) {
      const source = filledIn('snt', questions, 40);
      const { pages } = await printedText(source);
      const signed = pages.findIndex((p) => p.includes('Член счётной комиссии'));
      expect(signed, `${questions} questions`).toBeGreaterThanOrEqual(0);
      expect(pages[signed], `${questions} questions`).toContain(`Вопрос ${questions}. `);
      expect(pages[signed]).toContain('РЕШИЛИ:');
    }
  });
});
