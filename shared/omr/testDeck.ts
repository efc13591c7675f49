/**
 * «Тестовые бюллетени»: a deck of ballots for the meeting with marks the app draws itself — each
 * choice in three pen styles, an empty question, two boxes marked, a faint stroke, one ballot left
 * unsigned — so the commission can scan it before the count and see whether the reader reads exactly
 * what was printed. The deck's voters are fictitious («Тестовый бюллетень № k») and its QR codes name
 * a meeting id of its own: a test sheet in a real stack is refused, never counted.
 */
import type { BallotSheetLayout, MmRect } from '../documents/ballotLayout';
import { buildBallotsPdf } from '../documents/ballotsPdf';
import type { PdfFonts } from '../documents/pdfFont';
import type { PdfKit } from '../documents/pdfKit';
import type { Choice, Person } from '../domain/types';
import type { Meeting } from '../meetings/meeting';
import { MARK_LABEL } from '../vocabulary';
import { testDeckMeetingId, type StackResult } from './readStack';

export { testDeckMeetingId };

type Style = 'cross' | 'fill' | 'tick';
export type DeckIntent =
  | { kind: 'choice'; choice: Choice; style: Style }
  | { kind: 'none' }
  | { kind: 'several'; choices: Choice[] }
  | { kind: 'faint'; choice: Choice };

/** Every intent once per question across the deck (ballot k, question q takes INTENTS[(k + q) % n]). */
const INTENTS: readonly DeckIntent[] = [
  { kind: 'choice', choice: 'for', style: 'cross' },
  { kind: 'choice', choice: 'against', style: 'fill' },
  { kind: 'choice', choice: 'abstain', style: 'tick' },
  { kind: 'none' },
  { kind: 'several', choices: ['for', 'against'] },
  { kind: 'faint', choice: 'against' },
  { kind: 'choice', choice: 'against', style: 'cross' },
  { kind: 'choice', choice: 'for', style: 'tick' },
];

export interface DeckBallot {
  person: Person;
  intents: Map<number, DeckIntent>;
  signed: boolean;
}

export interface TestDeck {
  meeting: Meeting;
  ballots: DeckBallot[];
}

export function planTestDeck(meeting: Meeting): TestDeck {
  const voters = INTENTS.map((_, k): Person => ({
    id: `test-${k + 1}`,
    fullName: `Тестовый бюллетень № ${k + 1}`,
    status: 'member',
    holdings: [{ plotNumber: 'тест' }],
  }));
  return markedBallots({ ...meeting, id: testDeckMeetingId(meeting.id) }, voters);
}

/**
 * The deck's marks planned on the ballots of any voters (the k-th voter takes the deck's k-th ballot's
 * marks, round again after the last): the test deck itself, and the benchmark's stack of marked ballots.
 */
export function markedBallots(meeting: Meeting, voters: readonly Person[]): TestDeck {
  const ballots = voters.map((person, k): DeckBallot => ({
    person,
    intents: new Map(meeting.questions.map((q, i) => [q.number, INTENTS[(k + i) % INTENTS.length]!])),
    signed: k % INTENTS.length !== INTENTS.length - 1,
  }));
  return { meeting, ballots };
}

/** The deck as a PDF: the meeting's ballots for the deck's voters, with the planned marks drawn on. */
export async function buildTestDeckPdf(
  deck: TestDeck,
  fonts: PdfFonts,
  opts: { partnershipName?: string } = {},
): Promise<Uint8Array> {
  const byId = new Map(deck.ballots.map((b) => [b.person.id, b]));
  return buildBallotsPdf(
    deck.meeting,
    deck.ballots.map((b) => b.person),
    fonts,
    {
      ...opts,
      drawOver: (layout, kit) => {
        const ballot = byId.get(layout.qr.personId!)!;
        drawIntents(kit, layout, ballot);
      },
    },
  );
}

function drawIntents(kit: PdfKit, layout: BallotSheetLayout, ballot: DeckBallot): void {
  const box = (q: number, c: Choice) => layout.boxes.find((b) => b.question === q && b.choice === c)?.rect;
  for (const q of new Set(layout.boxes.map((b) => b.question))) {
    const intent = ballot.intents.get(q);
    if (!intent) continue;
    if (intent.kind === 'choice') draw(kit, box(q, intent.choice)!, intent.style);
    else if (intent.kind === 'several') for (const c of intent.choices) draw(kit, box(q, c)!, 'cross');
    else if (intent.kind === 'faint') {
      const r = box(q, intent.choice)!;
      // A light-grey cross, as a hard pencil leaves: ink, but nothing dark.
      kit.strokeSegments(
        [
          [r.x + 1, r.y + 1, r.x + r.w - 1, r.y + r.h - 1],
          [r.x + r.w - 1, r.y + 1, r.x + 1, r.y + r.h - 1],
        ],
        0.35,
        0.7,
      );
    }
  }
  const s = layout.signature;
  if (s && ballot.signed) {
    const pts: [number, number, number, number][] = [];
    for (let k = 0; k < 16; k++) {
      const x = s.x1 + 5 + k * 2;
      pts.push([x, s.y - 1.5 - (k % 2) * 3, x + 2, s.y - 1.5 - ((k + 1) % 2) * 3]);
    }
    kit.strokeSegments(pts, 0.45, 0.1);
  }
}

function draw(kit: PdfKit, r: MmRect, style: Style): void {
  const { x, y, w, h } = r;
  if (style === 'fill') kit.fillRects([[x + 0.5, y + 0.5, w - 1, h - 1]], 0.15);
  else if (style === 'cross') {
    kit.strokeSegments(
      [
        [x + 0.7, y + 0.7, x + w - 0.7, y + h - 0.7],
        [x + w - 0.7, y + 0.7, x + 0.7, y + h - 0.7],
      ],
      0.5,
      0.1,
    );
  } else {
    kit.strokeSegments(
      [
        [x + 0.8, y + h * 0.55, x + w * 0.42, y + h - 0.8],
        [x + w * 0.42, y + h - 0.8, x + w - 0.6, y + 0.6],
      ],
      0.5,
      0.1,
    );
  }
}

export interface DeckLine {
  /** «Тестовый бюллетень № k». */
  ballot: string;
  /** null: the whole ballot (its signature, the ballot not found). */
  question: number | null;
  printed: string;
  read: string;
  same: boolean;
}

const intentText = (i: DeckIntent): string =>
  i.kind === 'choice'
    ? MARK_LABEL[i.choice]
    : i.kind === 'none'
      ? 'нет отметки'
      : i.kind === 'several'
        ? 'несколько отметок'
        : 'слабая отметка: на проверку';

/** What the reader made of the deck against what was printed, line by line; exact when all agree. */
export function checkTestDeck(
  deck: TestDeck,
  result: Pick<StackResult, 'ballots' | 'rejected'>,
): { exact: boolean; lines: DeckLine[]; refused: string[] } {
  const lines: DeckLine[] = [];
  for (const b of deck.ballots) {
    const read = result.ballots.find((r) => r.personId === b.person.id);
    const name = b.person.fullName;
    if (!read) {
      lines.push({ ballot: name, question: null, printed: 'бюллетень', read: 'не прочитан', same: false });
      continue;
    }
    for (const [q, intent] of b.intents) {
      const review = read.review.find((r) => r.question === q);
      const mark = read.marks[q];
      const got = review
        ? `на проверку: ${review.message}`
        : mark === undefined
          ? 'не прочитано'
          : mark === 'none'
            ? 'нет отметки'
            : mark === 'several'
              ? 'несколько отметок'
              : MARK_LABEL[mark];
      const same =
        intent.kind === 'faint' ? review?.reason === 'faint' : !review && got === intentText(intent);
      lines.push({ ballot: name, question: q, printed: intentText(intent), read: got, same });
    }
    const unsigned = read.review.some((r) => r.question === null && r.reason === 'no_signature');
    lines.push({
      ballot: name,
      question: null,
      printed: b.signed ? 'подписан' : 'без подписи: на проверку',
      read: unsigned ? 'без подписи: на проверку' : 'подписан',
      same: unsigned !== b.signed,
    });
  }
  const refused = result.rejected.map((r) => `${r.source}: ${r.message}`);
  return { exact: refused.length === 0 && lines.every((l) => l.same), lines, refused };
}
