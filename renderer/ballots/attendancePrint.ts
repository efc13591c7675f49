/**
 * The attendance list PDF from the session screen: fonts fetched from the app's own files (`?url`, the
 * CSP allows 'self'), the document built in a Web Worker, saved through the platform.
 */
import regularUrl from '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf?url';
import { err, ok, problem, type Result } from '../../shared/result';
import type { AttendancePdfInput } from './attendancePdf';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function attendancePdfBytes(input: AttendancePdfInput): Promise<Result<Uint8Array>> {
  try {
    const fonts = { regular: await fetchBytes(regularUrl), bold: await fetchBytes(boldUrl) };
    if (typeof Worker === 'undefined') {
      const { buildAttendancePdf } = await import('./attendancePdf');
      return ok(await buildAttendancePdf(fonts, input));
    }
    const worker = new Worker(new URL('./attendancePdf.worker.ts', import.meta.url), { type: 'module' });
    try {
      const reply = await new Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>(
        (resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => resolve({ ok: false, message: e.message || 'сбой обработчика' });
          worker.postMessage({ input, fonts }, [fonts.regular.buffer, fonts.bold.buffer]);
        },
      );
      return reply.ok
        ? ok(reply.bytes)
        : err([problem('pdf_failed', `Лист регистрации не построен: ${reply.message}.`)]);
    } finally {
      worker.terminate();
    }
  } catch (e) {
    return err([
      problem('pdf_failed', `Лист регистрации не построен: ${e instanceof Error ? e.message : String(e)}.`),
    ]);
  }
}
