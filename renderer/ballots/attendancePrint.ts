/**
 * The attendance list PDF from the session screen: a job of the app's documents worker (jsPDF and PT
 * Sans load there; on the main thread where there is no Worker).
 */
import { err, ok, problem, type Result } from '../../shared/result';
import type { AttendancePdfInput } from './attendancePdf';

export async function attendancePdfBytes(input: AttendancePdfInput): Promise<Result<Uint8Array>> {
  try {
    const { runDocumentJob } = await import('../documents/documentRunner');
    const bytes = await runDocumentJob(
      { type: 'attendance', input },
      { onProgress: () => {}, signal: new AbortController().signal },
    );
    return ok(bytes);
  } catch (e) {
    return err([
      problem('pdf_failed', `Лист регистрации не построен: ${e instanceof Error ? e.message : String(e)}.`),
    ]);
  }
}
