/**
 * PT Sans for the PDF builders, loaded as the app's own static files (Vite `?url`: the TTFs of
 * @expo-google-fonts/pt-sans emitted as assets), so it works offline and under the strict CSP ('self').
 * Runs in the documents worker (or on the main thread without one).
 */
import regularUrl from '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf?url';
import type { PdfFonts } from '../../shared/documents/pdfFont';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`шрифт PT Sans не загружен (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

let loading: Promise<PdfFonts> | undefined;

/** Both faces, fetched once per thread (again after a failure). */
export function loadPdfFonts(): Promise<PdfFonts> {
  loading ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
