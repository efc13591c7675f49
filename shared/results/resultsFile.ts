/**
 * results.json as a file: the exact bytes the command line writes into its output folder and the app
 * puts into the protocol package. The protocol's QR code names the SHA-256 of these bytes, so both must
 * come from this one function.
 */
import type { ResultsJson } from './buildResults';
import { formatJson } from './formatJson';

export const RESULTS_FILE_NAME = 'results.json';

export function resultsFileText(results: ResultsJson): string {
  return `${formatJson(results)}\n`;
}
