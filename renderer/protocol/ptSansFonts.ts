/**
 * PT Sans for the protocol PDF, fetched from the app's own files (the CSP allows 'self'): the TTFs of
 * @expo-google-fonts/pt-sans, emitted by the bundler as assets.
 */
import regularUrl from '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf?url';
import type { PdfFonts } from '../../shared/documents/pdfFont';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`шрифт не загружен (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function fetchPtSansFonts(): Promise<PdfFonts> {
  const [regular, bold] = await Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]);
  return { regular, bold };
}
