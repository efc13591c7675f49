/**
 * One reading of a stack as a screen runs it (in a Web Worker): the voters' sheet layouts built once,
 * pages handed in one at a time, and at the end everything the screen shows: the ballots read, the
 * pages refused with their reason, one review card per uncertain item with the crop of the scan a
 * person needs to decide it, and the histogram of all fill scores. Plain data: it crosses postMessage.
 */
import type { PdfFonts } from '../documents/pdfFont';
import type { Choice, Person } from '../domain/types';
import type { Meeting } from '../meetings/meeting';
import { fillHistogram, type FillHistogram } from './fillHistogram';
import type { GrayImage } from './gray';
import type { QrDecoder } from './qrRead';
import {
  StackReader,
  type ReadBallot,
  type ReadSheet,
  type RejectedPage,
  type ReviewItem,
  type ScanPage,
} from './readStack';
import { cropArea, reviewArea } from './reviewCrop';
import type { OmrSettings } from './settings';
import { sheetLayouts } from './sheetLayouts';

export interface ScanSetup {
  meeting: Meeting;
  registry: Person[];
  /** As printed at the top of the ballots (it moves everything below it). */
  partnershipName: string;
  settings: OmrSettings;
}

export interface ReviewCard extends ReviewItem {
  /** The scan around the question's boxes (or the signature line); null when there is nothing to show. */
  crop: GrayImage | null;
  /** The question's boxes with their fill (dark share) and ink (any ink), in the order За, Против, Воздержался. */
  boxes: { choice: Choice; fill: number; ink: number }[];
}

export interface ScanOutcome {
  pages: number;
  ballots: ReadBallot[];
  rejected: RejectedPage[];
  cards: ReviewCard[];
  histogram: FillHistogram;
}

/** What became of one page, as the progress line shows it. */
export interface PageNote {
  source: string;
  read: boolean;
  message: string;
}

export class ScanSession {
  private pages = 0;
  /** Crops of the uncertain questions (and missing signatures) by `source|question`, made as pages come. */
  private readonly crops = new Map<string, GrayImage | null>();

  private constructor(
    private readonly reader: StackReader,
    private readonly settings: OmrSettings,
  ) {}

  static async open(setup: ScanSetup, fonts: PdfFonts, decodeQr: QrDecoder): Promise<ScanSession> {
    const layouts = await sheetLayouts(setup.meeting, setup.registry, fonts, {
      partnershipName: setup.partnershipName,
    });
    const reader = new StackReader({
      meetingId: setup.meeting.id,
      frame: layouts.frame,
      settings: setup.settings,
      decodeQr,
      layoutOf: async (qr) => layouts.layoutOf(qr),
    });
    return new ScanSession(reader, setup.settings);
  }

  async addPage(page: ScanPage): Promise<PageNote> {
    this.pages++;
    const r = await this.reader.addPage(page);
    if ('reason' in r) return { source: page.source, read: false, message: r.message };
    const unsure: (number | null)[] = r.marks.questions
      .filter((q) => q.reading.kind === 'review')
      .map((q) => q.question);
    if (r.marks.signed === false) unsure.push(null);
    for (const q of unsure) {
      const area = reviewArea(r.layout, q);
      this.crops.set(`${page.source}|${q}`, area ? cropArea(page.image, r.h, area) : null);
    }
    return { source: page.source, read: true, message: '' };
  }

  finish(): ScanOutcome {
    const result = this.reader.finish();
    const sheetOf = new Map<string, ReadSheet>(result.sheets.map((s) => [s.source, s]));
    const cards = result.review.map((item): ReviewCard => {
      const sheet = sheetOf.get(item.source);
      const boxes = (sheet?.marks.boxes ?? [])
        .filter((b) => b.question === item.question)
        .map((b) => ({ choice: b.choice, fill: b.score.fill, ink: b.score.ink }));
      return {
        ...item,
        crop:
          item.reason === 'missing_sheet'
            ? null
            : (this.crops.get(`${item.source}|${item.question}`) ?? null),
        boxes,
      };
    });
    return {
      pages: this.pages,
      ballots: result.ballots,
      rejected: result.rejected,
      cards,
      histogram: fillHistogram(result.sheets, this.settings, 50),
    };
  }
}
