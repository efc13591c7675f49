/**
 * «Проверить протокол»: a protocol PDF (or the package: its zip, or the PDF with results.json from its
 * folder) against the meeting's data as it is now. The QR text is read from the PDF's document
 * properties, where the builder puts it beside the printed code (no rasterizing needed, works offline).
 */
import { unzipSync } from 'fflate';
import {
  compareProtocolQr,
  parseProtocolQr,
  protocolQrFromPdfProperties,
  protocolQrOf,
  readResultsFile,
  type ProtocolQr,
} from '../../shared/documents/protocolProof';
import type { ResultsJson } from '../../shared/results/buildResults';
import { RESULTS_FILE_NAME, resultsFileText } from '../../shared/results/resultsFile';
import type { OpenedFile } from '../platform/platform';

export interface ProtocolCheck {
  /** The protocol's QR as read; absent when no protocol PDF was found. */
  printed?: ProtocolQr;
  /** What stops the check (no PDF, no QR, unreadable zip). */
  problems: string[];
  /** Differences between the protocol and the meeting's current data (empty: they match). */
  changed: string[];
  /** Differences between the protocol and the results.json beside it (package only). */
  packageDiffers: string[];
  /** Whether a results.json came with it. */
  hadResults: boolean;
}

const lower = (name: string) => name.toLowerCase();

/** The files given, with the files inside any zip in their place. */
function expand(files: readonly OpenedFile[]): { files: OpenedFile[]; problems: string[] } {
  const out: OpenedFile[] = [];
  const problems: string[] = [];
  for (const f of files) {
    if (!lower(f.name).endsWith('.zip')) {
      out.push(f);
      continue;
    }
    try {
      const inside = unzipSync(f.bytes, {
        filter: (e) => lower(e.name).endsWith('.pdf') || lower(e.name).endsWith(RESULTS_FILE_NAME),
      });
      for (const [path, bytes] of Object.entries(inside)) out.push({ name: path.split('/').pop()!, bytes });
    } catch {
      problems.push(`${f.name}: архив не читается (повреждён или это не ZIP).`);
    }
  }
  return { files: out, problems };
}

export function checkProtocolFiles(given: readonly OpenedFile[], current: ResultsJson): ProtocolCheck {
  const { files, problems } = expand(given);
  const pdfs = files.filter((f) => lower(f.name).endsWith('.pdf'));
  const results = files.find((f) => lower(f.name) === RESULTS_FILE_NAME);
  const base = { problems, changed: [], packageDiffers: [], hadResults: results !== undefined };
  if (pdfs.length === 0) {
    return { ...base, problems: [...problems, 'Среди выбранных файлов нет протокола (PDF).'] };
  }
  const withQr = pdfs.map((f) => ({ f, text: protocolQrFromPdfProperties(f.bytes) })).find((x) => x.text);
  if (!withQr) {
    const names = pdfs.map((f) => `«${f.name}»`).join(', ');
    return {
      ...base,
      problems: [
        ...problems,
        `В ${names} нет QR-кода протокола Голоса: протокол составлен не этой программой или до того, как она стала печатать QR-код.`,
      ],
    };
  }
  const parsed = parseProtocolQr(withQr.text!);
  if (!parsed.ok) return { ...base, problems: [...problems, ...parsed.error.map((p) => p.message)] };
  const printed = parsed.value;
  const now = resultsFileText(current);
  const changed = compareProtocolQr(printed, protocolQrOf(now, current), {
    printed: 'в протоколе',
    actual: 'сейчас',
  });
  let packageDiffers: string[] = [];
  if (results) {
    const read = readResultsFile(results.bytes, results.name);
    packageDiffers = read.ok
      ? compareProtocolQr(printed, read.value, { printed: 'в протоколе', actual: 'в results.json пакета' })
      : read.error.map((p) => p.message);
  }
  return { ...base, printed, changed, packageDiffers };
}
