/**
 * The attendance list PDF from the session screen: built in a Web Worker (jsPDF and PT Sans load there),
 * or on the main thread where there is no Worker.
 */
import { err, ok, problem, type Result } from '../../shared/result';
import type { AttendancePdfInput } from './attendancePdf';

const failed = (detail: string) => err([problem('pdf_failed', `Лист регистрации не построен: ${detail}.`)]);

export async function attendancePdfBytes(input: AttendancePdfInput): Promise<Result<Uint8Array>> {
  try {
    if (typeof Worker === 'undefined') {
      const [{ buildAttendancePdf }, { loadPdfFonts }] = await Promise.all([
        import('./attendancePdf'),
        import('../meetings/documents/pdfFonts'),
      ]);
      return ok(await buildAttendancePdf(await loadPdfFonts(), input));
    }
    const worker = new Worker(new URL('./attendancePdf.worker.ts', import.meta.url), { type: 'module' });
    try {
      const reply = await new Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>(
        (resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => resolve({ ok: false, message: e.message || 'сбой обработчика' });
          worker.postMessage(input);
        },
      );
      return reply.ok ? ok(reply.bytes) : failed(reply.message);
    } finally {
      worker.terminate();
    }
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
}
