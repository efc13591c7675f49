/// <reference lib="webworker" />
/** Builds the attendance list PDF off the main thread (jsPDF and the fonts load here, on demand). */
import { buildAttendancePdf, type AttendancePdfInput } from './attendancePdf';

interface Request {
  input: AttendancePdfInput;
  fonts: { regular: Uint8Array; bold: Uint8Array };
}

self.onmessage = async (e: MessageEvent<Request>) => {
  try {
    const bytes = await buildAttendancePdf(e.data.fonts, e.data.input);
    (self as unknown as Worker).postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    (self as unknown as Worker).postMessage({
      ok: false,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
