/**
 * Reading a stack of scanned pages into ballots. Pages come one at a time (a worker or the CLI hands
 * each in and may drop its bitmap afterwards); each is located (corner marks, QR), matched to its sheet
 * layout and read. At the end a voter's sheets make one ballot; what the reader is unsure of is listed
 * for review, and pages it cannot use are listed with their reason. Nothing is guessed.
 */
import type { BallotSheetLayout } from '../documents/ballotLayout';
import type { BallotQr } from '../documents/qrPayload';
import type { Mark } from '../domain/types';
import { REVIEW_REASON_TEXT, type ReviewReason } from './classify';
import type { GrayImage } from './gray';
import type { Homography } from './homography';
import { locatePage, PAGE_PROBLEM_TEXT, type PageProblem, type SheetFrame } from './locatePage';
import type { QrDecoder } from './qrRead';
import { readSheet, type SheetMarks } from './readSheet';
import type { OmrSettings } from './settings';

export interface ScanPage {
  /** `file:page` (1-based page), as the user finds it. */
  source: string;
  image: GrayImage;
}

export interface StackContext {
  meetingId: string;
  frame: SheetFrame;
  settings: OmrSettings;
  decodeQr: QrDecoder;
  /** The layout of a voter's sheet; undefined when the person is not in the registry. */
  layoutOf: (qr: BallotQr) => Promise<BallotSheetLayout | undefined>;
}

export type RejectReason =
  PageProblem | 'other_meeting' | 'test_deck' | 'blank_ballot' | 'unknown_person' | 'duplicate';

/** The meeting id the QR codes of a meeting's test deck («Тестовые бюллетени», testDeck.ts) carry. */
export const testDeckMeetingId = (meetingId: string) => `${meetingId}~test-deck`;

export const REJECT_TEXT: Record<RejectReason, string> = {
  ...PAGE_PROBLEM_TEXT,
  other_meeting: 'бюллетень другого собрания',
  test_deck: 'тестовый бюллетень: в подсчёт не идёт',
  blank_ballot: 'бюллетень без имени голосующего: введите его вручную',
  unknown_person: 'голосующего из QR-кода нет в реестре',
  duplicate: 'этот лист уже отсканирован',
};

export interface RejectedPage {
  source: string;
  reason: RejectReason;
  message: string;
  qr?: BallotQr;
}

export interface ReadSheet {
  source: string;
  qr: BallotQr;
  layout: BallotSheetLayout;
  h: Homography;
  turned: 0 | 90 | 180 | 270;
  marks: SheetMarks;
}

export interface ReviewItem {
  source: string;
  personId: string;
  /** null: about the whole ballot (signature, missing sheet). */
  question: number | null;
  reason: ReviewReason;
  message: string;
}

export interface ReadBallot {
  personId: string;
  /** Sources of its sheets, in sheet order. */
  sources: string[];
  /** Definite readings only; a question under review or on a missing sheet is left out. */
  marks: Record<number, Mark>;
  review: ReviewItem[];
}

export interface StackResult {
  sheets: ReadSheet[];
  rejected: RejectedPage[];
  ballots: ReadBallot[];
  review: ReviewItem[];
}

export class StackReader {
  private readonly sheets: ReadSheet[] = [];
  private readonly rejected: RejectedPage[] = [];
  private readonly seen = new Map<string, string>();

  constructor(private readonly ctx: StackContext) {}

  /** Reads one page; returns what became of it. */
  async addPage(page: ScanPage): Promise<ReadSheet | RejectedPage> {
    const reject = (reason: RejectReason, qr?: BallotQr, extra = ''): RejectedPage => {
      const r: RejectedPage = {
        source: page.source,
        reason,
        message: REJECT_TEXT[reason] + extra,
        ...(qr ? { qr } : {}),
      };
      this.rejected.push(r);
      return r;
    };
    const located = await locatePage(page.image, this.ctx.frame, this.ctx.decodeQr);
    if (!located.ok) return reject(located.problem);
    const { qr } = located;
    if (qr.meetingId === testDeckMeetingId(this.ctx.meetingId)) return reject('test_deck', qr);
    if (qr.meetingId !== this.ctx.meetingId) return reject('other_meeting', qr);
    if (qr.personId === null) return reject('blank_ballot', qr);
    const key = `${qr.personId}\u0000${qr.page}`;
    const first = this.seen.get(key);
    if (first !== undefined) return reject('duplicate', qr, ` (${first})`);
    const layout = await this.ctx.layoutOf(qr);
    if (!layout) return reject('unknown_person', qr);
    this.seen.set(key, page.source);
    const sheet: ReadSheet = {
      source: page.source,
      qr,
      layout,
      h: located.h,
      turned: located.turned,
      marks: readSheet(page.image, located.h, layout, this.ctx.settings),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  finish(): StackResult {
    const byPerson = new Map<string, ReadSheet[]>();
    for (const s of this.sheets) {
      const id = s.qr.personId!;
      byPerson.set(id, [...(byPerson.get(id) ?? []), s]);
    }
    const ballots = [...byPerson.entries()].map(([personId, sheets]) => assemble(personId, sheets));
    return {
      sheets: this.sheets,
      rejected: this.rejected,
      ballots,
      review: ballots.flatMap((b) => b.review),
    };
  }
}

function item(source: string, personId: string, question: number | null, reason: ReviewReason): ReviewItem {
  return { source, personId, question, reason, message: REVIEW_REASON_TEXT[reason] };
}

function assemble(personId: string, sheets: ReadSheet[]): ReadBallot {
  sheets.sort((a, b) => a.qr.page - b.qr.page);
  const marks: Record<number, Mark> = {};
  const review: ReviewItem[] = [];
  for (const s of sheets) {
    for (const { question, reading } of s.marks.questions) {
      if (reading.kind === 'review') review.push(item(s.source, personId, question, reading.reason));
      else marks[question] = reading.kind === 'choice' ? reading.choice : reading.kind;
    }
    if (s.marks.signed === false) review.push(item(s.source, personId, null, 'no_signature'));
  }
  const pages = sheets[0]!.qr.pages;
  for (let p = 1; p <= pages; p++) {
    if (!sheets.some((s) => s.qr.page === p)) {
      review.push({
        ...item(sheets[0]!.source, personId, null, 'missing_sheet'),
        message: `лист ${p} из ${pages} не найден среди сканов`,
      });
    }
  }
  return { personId, sources: sheets.map((s) => s.source), marks, review };
}
