// The protocol PDF checked the way a user's tools read it (poppler's pdftotext): every number of
// results.json is printed, where it belongs; every participant's decisions are in their row.
import { readPtSansFonts } from '../../test/bench/ballotsPdfBench';
import {
  generatedProtocolSource,
  inPlotOrder,
  sampleProtocolSource,
  type TalliedSource,
} from '../../test/fixtures/protocolData';
import {
  hasToken,
  numbersOf,
  pdfPageCount,
  pdfPageTexts,
  pdfWords,
  printed,
  printedShare,
  type PdfWord,
} from '../../test/fixtures/pdfText';
import type { ResultsJson } from '../results/buildResults';
import { buildProtocolModel, NOT_VOTING_WORD, type ProtocolOptions } from './protocolModel';
import { buildProtocolPdf, pdfDecisionText } from './protocolPdf';
import { MARK_LABEL } from '../vocabulary';

const fonts = readPtSansFonts();
const OPTIONS: ProtocolOptions = { maskSnils: false, today: '2026-06-18', number: '3' };

async function protocol(source: TalliedSource, options: Partial<ProtocolOptions> = {}) {
  const model = buildProtocolModel(source, { ...OPTIONS, ...options });
  const pdf = await buildProtocolPdf(model, fonts);
  return { model, pdf, pages: pdfPageTexts(pdf) };
}

/** The document's text without page footers, cut into the parts each figure belongs to. */
function sections(pages: string[], results: ResultsJson) {
  const text = pages.join(' ').replace(/Стр\. \d+ из \d+/g, ' ');
  const between = (from: string, to: string | RegExp, start = 0): string => {
    const a = text.indexOf(from, start);
    expect(a, `«${from}» is printed`).toBeGreaterThanOrEqual(0);
    const rest = text.slice(a + from.length);
    const b = typeof to === 'string' ? rest.indexOf(to) : rest.search(to);
    return b < 0 ? rest : rest.slice(0, b);
  };
  const results0 = text.indexOf('Итоги голосования по вопросам');
  const numbers = results.questions.map((q) => q.number);
  const question = new Map(
    numbers.map((n, i) => [
      n,
      between(
        `Вопрос ${n}. `,
        i + 1 < numbers.length ? `Вопрос ${numbers[i + 1]}. ` : 'Место (адрес) хранения',
        results0,
      ),
    ]),
  );
  const appendices = text.indexOf('Приложение 1 к протоколу');
  const appendix = (title: string): string => between(title, /Приложение \d+ к протоколу/, appendices);
  return {
    text,
    summary: between('Участие в собрании и кворум', 'Повестка дня'),
    question,
    appendix,
  };
}

/** Asserts that each number of results.json is printed in the part of the protocol it belongs to. */
function expectEveryNumber(pages: string[], results: ResultsJson): number {
  const s = sections(pages, results);
  const participants = s.appendix('Список принявших участие в голосовании и их решения');
  const registry = results.meeting.kind === 'mkd' ? s.appendix('Реестр собственников помещений') : '';
  let checked = 0;
  for (const [path, value] of numbersOf(results)) {
    // An apartment building has no gardeners: those zeros are not figures of its protocol.
    if (results.meeting.kind === 'mkd' && /^(registry|participation)\.gardeners$/.test(path)) {
      expect(value).toBe(0);
      continue;
    }
    let where = s.text;
    let token = printed(value);
    const q = /^questions\[(\d+)\]/.exec(path);
    if (path === 'quorum.share') [where, token] = [s.summary, printedShare(String(value))];
    else if (/^(registry|participation)\./.test(path)) where = s.summary;
    else if (q) where = s.question.get(results.questions[Number(q[1])]!.number)!;
    else if (/^conflicts\[\d+\]\.question$/.test(path))
      where = s.appendix('Расхождения решений одного участника');
    else if (/^scanDifferences\[/.test(path)) where = s.appendix('Расхождения скана и оригинала');
    else if (/^margin\[/.test(path)) where = s.appendix('Насколько близко каждое решение');
    else if (/^persons\[\d+\]\.weight$/.test(path) && results.meeting.kind === 'mkd') where = registry;
    else if (/^persons\[(\d+)\]\.weight$/.test(path)) where = participants || s.text;
    expect(hasToken(where, token), `${path} = ${value} printed as «${token}»`).toBe(true);
    checked++;
  }
  return checked;
}

/**
 * The decisions printed in each row of the participants appendix, by row number, read from word boxes:
 * the words of the row's band right of where the decision columns begin, in reading order.
 */
function printedDecisions(pdf: Uint8Array, pages: string[]): Map<number, string> {
  const words = pdfWords(pdf);
  const first = pages.findIndex((t) => t.includes('Приложение 1 к протоколу'));
  const next = pages.findIndex((t) => t.includes('Приложение 2 к протоколу'));
  const rows = new Map<number, string>();
  for (let p = first; p < (next < 0 ? pages.length : next + 1); p++) {
    const page = words[p]!;
    const stop = Math.min(
      ...page.filter((w) => w.text === 'Приложение' && p === next).map((w) => w.y0),
      ...page.filter((w) => w.text === 'Стр.').map((w) => w.y0),
    );
    const head = page.find((w) => w.text === '№' && w.x0 < 80 && w.y0 < stop);
    if (!head) continue;
    const decX = Math.min(
      ...page
        .filter((w) => (w.text === 'Вопрос' || w.text === 'Решения') && Math.abs(w.y0 - head.y0) < 1)
        .map((w) => w.x0),
    );
    const numbers = page
      .filter((w) => /^\d+$/.test(w.text) && w.x1 <= head.x1 + 1.5 && w.y0 > head.y1 && w.y0 < stop)
      .sort((a, b) => a.y0 - b.y0);
    numbers.forEach((n, i) => {
      const bottom = i + 1 < numbers.length ? numbers[i + 1]!.y0 - 0.5 : stop;
      const inRow = (w: PdfWord) => w.y0 >= n.y0 - 0.5 && w.y0 < bottom && w.x0 >= decX - 0.5;
      const text = page
        .filter(inRow)
        .sort((a, b) => Math.round(a.y0 - b.y0) || a.x0 - b.x0)
        .map((w) => w.text)
        .join(' ');
      rows.set(Number(n.text), text);
    });
  }
  return rows;
}

function expectDecisionsInRows(pdf: Uint8Array, pages: string[], source: TalliedSource): void {
  const results = source.results;
  const rows = printedDecisions(pdf, pages);
  // Listed by plot number in natural order (2 before 10), then by name.
  const participants = inPlotOrder(
    source,
    results.persons.filter((p) => p.participated),
  );
  expect(rows.size).toBe(participants.length);
  const folded = pages.some((t) => t.includes('Решения (вопрос: решение)'));
  participants.forEach((person, i) => {
    const words = results.questions.map((q) => {
      const d = person.decisions[String(q.number)] ?? null;
      return pdfDecisionText(d === null ? NOT_VOTING_WORD : MARK_LABEL[d]);
    });
    const expected = folded
      ? words.map((w, k) => `${results.questions[k]!.number}: ${w}`).join('; ')
      : words.join(' ');
    expect(rows.get(i + 1), `row ${i + 1}: ${person.name}`).toBe(expected);
  });
}

describe('protocol PDF', () => {
  let sample: TalliedSource;
  beforeAll(async () => {
    sample = await sampleProtocolSource();
  });

  it('prints every number of results.json for the sample meeting, each where it belongs', async () => {
    const { pdf, pages } = await protocol(sample);
    expect(expectEveryNumber(pages, sample.results)).toBeGreaterThan(40);
    expectDecisionsInRows(pdf, pages, sample);
    const text = pages.join(' ');
    for (const r of sample.results.rejected) expect(text).toContain(r.source);
    for (const u of sample.results.unmatched) expect(text).toContain(u.name);
    expect(text).toContain('Доверенность № 7 от 02.06.2026');
    expect(text).toContain('Кворум имеется: приняли участие 75,00 % членов товарищества.');
  });

  it('prints every number of results.json for generated meetings, МКД weights exactly to 0.01', async () => {
    for (const kind of ['snt', 'mkd'] as const) {
      const source = generatedProtocolSource(150, 5, 31, kind);
      const { pdf, pages } = await protocol(source);
      expect(expectEveryNumber(pages, source.results)).toBeGreaterThan(source.results.persons.length);
      expectDecisionsInRows(pdf, pages, source);
      if (kind === 'mkd') {
        const weights = source.results.questions.flatMap((q) => [q.for, q.against, q.abstain, q.base]);
        for (const w of weights) expect(w).toMatch(/^\d+\.\d{2}$/);
        expect(pages.join(' ')).toContain(`${printed(String(source.results.registry.weightTotal))} кв. м`);
      }
      const text = pages.join(' ');
      expect(text).toContain(`Представитель 40 Петрович`);
      expect(text).toContain('Доверенность № 40 от 20.05.2026');
    }
  });

  it('numbers the pages «Стр. N из M», carries the audit hash, and leaves the due date to the screen', async () => {
    const hash = 'c0ffee'.repeat(10) + 'abcd';
    const late = await protocol(sample, { auditHeadHash: hash, date: '2026-06-22' });
    const n = pdfPageCount(late.pdf);
    expect(n).toBe(late.pages.length);
    late.pages.forEach((t, i) => expect(t).toContain(`Стр. ${i + 1} из ${n}`));
    const text = late.pages.join(' ');
    // The deadline and the lateness are the secretary's reminders (on screen), not what the chair signs.
    expect(late.model.due.warning).toBe(
      'Внимание: протокол составлен с опозданием на 1 день (срок истёк 21 июня 2026 г.).',
    );
    expect(text).not.toContain('не позднее 21 июня 2026 г.');
    expect(text).not.toContain('с опозданием');
    expect(text).not.toContain('Протокол составляется');
    expect(text).toContain(hash);
    expect(text).toContain('ПРОТОКОЛ № 3');
    for (const role of ['Председательствующий', 'Секретарь собрания', 'Член счётной комиссии'])
      expect(text).toContain(role);
  });

  it('masks СНИЛС in a copy for publication', async () => {
    const snils = (digits: string) =>
      `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
    const participants = sample.results.persons.filter((p) => p.participated).map((p) => p.id);
    const numbers = participants.map((id) => sample.registry.find((p) => p.id === id)!.snils!);
    expect(numbers.filter(Boolean)).toHaveLength(participants.length);
    expect(participants.length).toBe(11);

    const open = (await protocol(sample)).pages.join(' ');
    const masked = (await protocol(sample, { maskSnils: true })).pages.join(' ');
    for (const digits of numbers.filter(Boolean)) {
      expect(open).toContain(snils(digits));
      expect(masked).not.toContain(snils(digits));
      expect(masked).toContain(`***-***-${digits.slice(6, 9)} ${digits.slice(9)}`);
    }
    expect(masked).not.toMatch(/\d{3}-\d{3}-\d{3} \d{2}/);
    expect(masked).toContain('Копия для опубликования: СНИЛС скрыты.');
  });
});
