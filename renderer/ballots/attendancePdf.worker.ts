/// <reference lib="webworker" />
/** Builds the attendance list PDF off the main thread (jsPDF and the fonts load here, on demand). */
import { loadPdfFonts } from '../meetings/documents/pdfFonts';
import { buildAttendancePdf, type AttendancePdfInput } from './attendancePdf';

self.onmessage = async (e: MessageEvent<AttendancePdfInput>) => {
  try {
    const bytes = await buildAttendancePdf(await loadPdfFonts(), e.data);
    (self as unknown as Worker).postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    (self as unknown as Worker).postMessage({
      ok: false,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
