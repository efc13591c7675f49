/**
 * The files the app makes, as jobs for the documents worker: a meeting's notice and its ballots (for a
 * list of voters or one blank ballot), the protocol PDF and the results workbook, the attendance list of
 * the in-person session, and a backup file of the whole database (read, checksummed and compressed:
 * seconds for a meeting's database); and the plain data messages between the page and the worker.
 */
import type { BackupReason } from '../../shared/backup/backupNames';
import type { Partnership, Person } from '../../shared/domain/types';
import type { JournalDocument } from '../../shared/documents/journalDocuments';
import type { PdfFonts } from '../../shared/documents/pdfFont';
import type { ProtocolModel } from '../../shared/documents/protocolModel';
import type { Meeting } from '../../shared/meetings/meeting';
import type { AttendancePdfInput } from '../ballots/attendancePdf';
import type { DatabaseDeclaration } from '../backup/backupDb';

export type DocumentJob =
  | {
      type: 'notice';
      meeting: Meeting;
      partnership: Partnership;
      /** The agenda's attached files, listed in the notice. */
      materials?: { question: number; name: string }[];
    }
  | { type: 'ballots'; meeting: Meeting; partnershipName: string; voters: Person[] | 'blank' }
  /** «Тестовые бюллетени»: the meeting's ballots with known marks, for checking the scan reader. */
  | { type: 'testDeck'; meeting: Meeting; partnershipName: string }
  | { type: 'protocolPdf'; model: ProtocolModel }
  | { type: 'resultsWorkbook'; model: ProtocolModel }
  | { type: 'attendance'; input: AttendancePdfInput }
  | { type: 'journalPdf'; journal: JournalDocument }
  | {
      type: 'backup';
      /** The database to read, as the app declares it. */
      database: DatabaseDeclaration;
      reason: BackupReason;
      createdAt: string;
      appVersion?: string;
    };

export interface JobControl {
  onProgress?: (done: number, total: number) => void;
  /** Cancels the job: it stops between ballots or pages. */
  signal?: AbortSignal;
}

/** Page -> worker: start a job, or cancel one. */
export type DocumentRequest = { type: 'run'; id: number; job: DocumentJob } | { type: 'cancel'; id: number };

/** Worker -> page, about the job with that id. */
export type DocumentReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; bytes: Uint8Array }
  | { id: number; type: 'failed'; message: string };

/**
 * Builds the job's file. The builders (jsPDF, qrcode, exceljs) load only here, and the fonts only for a
 * PDF.
 */
export async function buildDocument(
  job: DocumentJob,
  loadFonts: () => Promise<PdfFonts>,
  ctl: JobControl = {},
): Promise<Uint8Array> {
  const progress = ctl.onProgress ? { onProgress: ctl.onProgress } : {};
  const signal = ctl.signal ? { signal: ctl.signal } : {};
  switch (job.type) {
    case 'notice': {
      const [{ buildNoticePdf }, fonts] = await Promise.all([
        import('../../shared/documents/noticePdf'),
        loadFonts(),
      ]);
      ctl.onProgress?.(0, 1);
      const bytes = await buildNoticePdf(job.meeting, job.partnership, fonts, {
        ...(job.materials ? { materials: job.materials } : {}),
      });
      ctl.onProgress?.(1, 1);
      return bytes;
    }
    case 'ballots': {
      const [{ buildBallotsPdf }, fonts] = await Promise.all([
        import('../../shared/documents/ballotsPdf'),
        loadFonts(),
      ]);
      return buildBallotsPdf(job.meeting, job.voters, fonts, {
        partnershipName: job.partnershipName,
        ...progress,
        ...signal,
      });
    }
    case 'testDeck': {
      const [{ buildTestDeckPdf, planTestDeck }, fonts] = await Promise.all([
        import('../../shared/omr/testDeck'),
        loadFonts(),
      ]);
      return buildTestDeckPdf(planTestDeck(job.meeting), fonts, { partnershipName: job.partnershipName });
    }
    case 'protocolPdf': {
      const [{ buildProtocolPdf }, fonts] = await Promise.all([
        import('../../shared/documents/protocolPdf'),
        loadFonts(),
      ]);
      return buildProtocolPdf(job.model, fonts, { ...progress, ...signal });
    }
    case 'resultsWorkbook': {
      const { buildResultsWorkbook } = await import('../../shared/documents/resultsWorkbook');
      return buildResultsWorkbook(job.model);
    }
    case 'attendance': {
      const [{ buildAttendancePdf }, fonts] = await Promise.all([
        import('../ballots/attendancePdf'),
        loadFonts(),
      ]);
      return buildAttendancePdf(fonts, job.input);
    }
    case 'journalPdf': {
      const [{ buildJournalPdf }, fonts] = await Promise.all([
        import('../../shared/documents/journalDocuments'),
        loadFonts(),
      ]);
      return buildJournalPdf(job.journal, fonts);
    }
    case 'backup': {
      const [{ dumpDatabase, openDeclared }, { encodeBackup }] = await Promise.all([
        import('../backup/backupDb'),
        import('../../shared/backup/backupFile'),
      ]);
      const db = openDeclared(job.database);
      try {
        const snapshot = await dumpDatabase(db, {
          reason: job.reason,
          now: new Date(job.createdAt),
          ...(job.appVersion !== undefined ? { appVersion: job.appVersion } : {}),
        });
        return encodeBackup(snapshot);
      } finally {
        db.close();
      }
    }
  }
}
