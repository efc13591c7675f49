/** The options and records of PdfKit's drawing calls. */
import type { PdfFontStyle } from './pdfFont';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PdfKitOptions {
  margins?: Partial<Margins>;
  /** Document properties shown by PDF viewers. */
  title?: string;
  subject?: string;
  /** Deflate page content (smaller file, slower). Default true. */
  compress?: boolean;
}

/** Drawing operations recorded once by `PdfKit.record`, to be repeated by `PdfKit.stamp`. */
export interface PdfStamp {
  ops: string;
}

export interface TextOptions {
  style?: PdfFontStyle;
  size?: number;
  /** Extra left indent from the left margin, mm. */
  indent?: number;
  /** Space after the paragraph, mm. */
  after?: number;
  align?: 'left' | 'center' | 'right';
  /** Line pitch of `drawLines` as a share of the font size (default: the document's, 1.22). */
  leading?: number;
}
