/**
 * Ballots PDF for 1,000 voters (target: under 10 s), interleaved with its baseline (A B A B …): a plain
 * jsPDF document, same font, same number of pages, one line of text on each.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildBallotsPdf } from '../../shared/documents/ballotsPdf';
import { PT_SANS_FILES, type PdfFonts } from '../../shared/documents/pdfFont';
import { createPdf } from '../../shared/documents/pdfKit';
import { newMeeting, type Meeting } from '../../shared/meetings/meeting';
import { makePersons } from '../fixtures/persons';
import { timePairs, type BenchResult } from './benchKit';

const VOTERS = 1000;

export function readPtSansFonts(): PdfFonts {
  const require = createRequire(import.meta.url);
  return {
    regular: readFileSync(require.resolve(PT_SANS_FILES.regular)),
    bold: readFileSync(require.resolve(PT_SANS_FILES.bold)),
  };
}

function benchMeeting(): Meeting {
  const agenda: [string, string, string | undefined][] = [
    [
      'Об избрании председателя, секретаря и счётной комиссии собрания',
      'Избрать председателем собрания Петрова П. П., секретарём — Сидорову С. С., счётную комиссию в составе трёх человек по списку',
      undefined,
    ],
    ['Об утверждении отчёта правления за 2025 год', 'Утвердить отчёт правления', '13'],
    ['Об утверждении отчёта ревизионной комиссии', 'Утвердить отчёт ревизионной комиссии', '13'],
    [
      'Об утверждении приходно-расходной сметы на 2026 год и финансово-экономического обоснования',
      'Утвердить смету и обоснование в редакции, размещённой в материалах собрания',
      '22',
    ],
    [
      'О размере и сроке внесения членских и целевых взносов',
      'Установить членский взнос 1 400 руб. за сотку, целевой взнос на ремонт дороги 3 000 руб. с участка; срок внесения — до 1 июля 2026 г.',
      '21',
    ],
    ['О приёме в члены товарищества', 'Принять в члены товарищества граждан по списку (приложение 1)', '7'],
    [
      'Об избрании членов правления',
      'Избрать правление в составе пяти человек по списку (приложение 2)',
      '2',
    ],
    ['О ремонте водопровода', 'Провести ремонт летнего водопровода на улицах 3-й и 4-й', '17'],
  ];
  return {
    ...newMeeting({
      id: '3f2b8c1e-8d4a-4b6e-9f00-123456789abc',
      partnershipId: 'snt-1',
      kind: 'snt',
      title: 'Очередное общее собрание членов СНТ «Ромашка» 2026 года',
      now: '2026-03-01T00:00:00.000Z',
    }),
    votingStart: '2026-05-01',
    votingEnd: '2026-05-20',
    paperBallotDeadline: '2026-05-12',
    paperBallotAddress: 'Московская обл., Истринский р-н, д. Ивановка, ул. Центральная, 1, правление',
    questions: agenda.map(([text, proposal, item], i) => ({
      number: i + 1,
      text,
      proposal,
      ...(item ? { item } : {}),
      attachmentIds: [],
    })),
  };
}

async function baselinePdf(fonts: PdfFonts, pages: number): Promise<Uint8Array> {
  const kit = await createPdf(fonts);
  for (let p = 1; p <= pages; p++) {
    if (p > 1) kit.addPage();
    kit.drawLines([`Страница ${p}`], kit.left, kit.margins.top);
  }
  return kit.toBytes();
}

/** The ballots of `count` voters for an 8-question meeting, built in Node: the build and what it is. */
export function nodeBallotsPdf(count = VOTERS) {
  const fonts = readPtSansFonts();
  const meeting = benchMeeting();
  const voters = makePersons(count, 2026);
  return {
    fonts,
    meeting,
    what: `${count} voters, ${meeting.questions.length} questions`,
    build: () => buildBallotsPdf(meeting, voters, fonts, { partnershipName: 'СНТ «Ромашка»' }),
  };
}

export async function benchBallotsPdf(): Promise<BenchResult[]> {
  const { fonts, meeting, build } = nodeBallotsPdf();
  const ballots = await build();
  const pages = countPages(ballots);
  const pair = await timePairs(build, () => baselinePdf(fonts, pages), { pairs: 5 });
  return [
    {
      name: `ballots PDF: ${VOTERS} voters, ${meeting.questions.length} questions, ${pages} pages (${(ballots.length / 1e6).toFixed(1)} MB)`,
      ...pair,
      baselineName: `jsPDF + PT Sans, ${pages} pages of one text line`,
      targetMs: 10_000,
    },
  ];
}

/** Page count from the PDF's page tree root (`/Type /Pages ... /Count N`). */
function countPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  const counts = [...text.matchAll(/\/Type \/Pages[^>]*?\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...counts);
}
