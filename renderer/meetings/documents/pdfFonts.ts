/**
 * Kept only for renderer/ballots (attendancePrint.ts, attendancePdf.worker.ts), which still import this
 * path: the loader is renderer/documents/pdfFonts.ts.
 * @deprecated
 */
export { loadPdfFonts } from '../../documents/pdfFonts';
