/**
 * results.json as a file: the exact bytes the command line writes into its output folder and the app
 * puts into the protocol package. The protocol's QR code names the SHA-256 of these bytes, so both must
 * come from this one function (the command line writes the same text in pieces: writeResultsFile).
 */
import type { ResultsJson } from './buildResults';
import { writeJson } from './formatJson';

export const RESULTS_FILE_NAME = 'results.json';

export function resultsFileText(results: ResultsJson): string {
  const parts: string[] = [];
  writeResultsFile(results, (chunk) => parts.push(chunk));
  return parts.join('');
}

/** The text of resultsFileText in pieces, in order. */
export function writeResultsFile(results: ResultsJson, emit: (chunk: string) => void): void {
  writeJson(results, emit);
  emit('\n');
}
